"""Demo pages and header menus (called by ``manage.py loaddemo``; safe to run again).

About, Contact, Privacy, Republishing guidelines and Donate, in English with a
linked Spanish translation, and a menu per language. Pages and menus an editor
already has are left alone. The texts match the demo's default license
(CC BY-NC 3.0: republishing allowed, not for commercial use).
"""

from briefs.models import Country, Section, Topic
from newsroom.publication.models import Publication

from .models import MenuItem, Page

DONATE_URL = "https://example.org/donate"

PAGES = [
    {
        "role": Page.Role.ABOUT,
        "order": 1,
        "en": {
            "slug": "about",
            "title": "About us",
            "summary": "Who we are, how we work and who pays for it.",
            "body": (
                "<p>Quebrada Press is a small, reader-funded newsroom covering Latin "
                "America in English and Spanish. We publish short briefs: the news "
                "first, then, clearly marked, our own analysis of what it means.</p>"
                "<h2>How we work</h2>"
                "<p>Our reporters live in the places they write about. Every brief "
                "names its sources and links to the documents behind it. When we get "
                "something wrong we correct it at the top of the brief and say what "
                "changed.</p>"
                "<h2>Who pays for it</h2>"
                "<p>Readers pay for most of our work. We take no money from "
                "governments, parties or companies we cover.</p>"
                "<h2>Free to republish</h2>"
                "<p>Unless a brief says otherwise, it is published under the Creative "
                "Commons Attribution-NonCommercial 3.0 license: community radios, "
                "local papers and classrooms may republish it, with credit and a "
                "link, but not for commercial use.</p>"
            ),
        },
        "es": {
            "slug": "acerca-de",
            "title": "Quiénes somos",
            "summary": "Quiénes somos, cómo trabajamos y quién lo paga.",
            "body": (
                "<p>Quebrada Press es una pequeña redacción financiada por sus "
                "lectores que cubre América Latina en español e inglés. Publicamos "
                "notas breves: primero la noticia y después, bien señalado, nuestro "
                "análisis de lo que significa.</p>"
                "<h2>Cómo trabajamos</h2>"
                "<p>Nuestros periodistas viven en los lugares sobre los que escriben. "
                "Cada nota nombra sus fuentes y enlaza los documentos en que se basa. "
                "Cuando nos equivocamos, lo corregimos al inicio de la nota y "
                "explicamos qué cambió.</p>"
                "<h2>Quién lo paga</h2>"
                "<p>Los lectores pagan la mayor parte de nuestro trabajo. No "
                "aceptamos dinero de gobiernos, partidos ni empresas que cubrimos.</p>"
                "<h2>Libre para republicar</h2>"
                "<p>Salvo que una nota diga lo contrario, se publica con la licencia "
                "Creative Commons Atribución-NoComercial 3.0: radios comunitarias, "
                "periódicos locales y aulas pueden republicarla, citando la fuente y "
                "enlazando el original, pero no con fines comerciales.</p>"
            ),
        },
    },
    {
        "role": Page.Role.CONTACT,
        "order": 2,
        "en": {
            "slug": "contact",
            "title": "Contact",
            "summary": "How to reach the newsroom, send a tip or ask for a correction.",
            "body": (
                '<p>Write to the newsroom at <a href="mailto:newsroom@example.org">'
                "newsroom@example.org</a>. We answer in English or Spanish, usually "
                "within two working days.</p>"
                "<ul><li>Tips and documents: tell us what you know and how we can "
                "check it. We protect our sources.</li>"
                "<li>Corrections: name the brief and what is wrong.</li>"
                "<li>Republishing questions: see our republishing guidelines "
                "first.</li></ul>"
                "<p>You can also use the comment form at the end of every brief: "
                "our editors read every message.</p>"
            ),
        },
        "es": {
            "slug": "contacto",
            "title": "Contacto",
            "summary": "Cómo escribir a la redacción, enviar una pista o pedir una corrección.",
            "body": (
                '<p>Escribe a la redacción a <a href="mailto:newsroom@example.org">'
                "newsroom@example.org</a>. Respondemos en español o en inglés, por lo "
                "general en dos días hábiles.</p>"
                "<ul><li>Pistas y documentos: cuéntanos lo que sabes y cómo podemos "
                "verificarlo. Protegemos a nuestras fuentes.</li>"
                "<li>Correcciones: indica la nota y lo que está mal.</li>"
                "<li>Preguntas sobre republicación: consulta antes nuestras pautas "
                "de republicación.</li></ul>"
                "<p>También puedes usar el formulario de comentarios al final de cada "
                "nota: nuestro equipo editorial lee todos los mensajes.</p>"
            ),
        },
    },
    {
        "role": Page.Role.REPUBLISHING,
        "order": 3,
        "en": {
            "slug": "republishing-guidelines",
            "title": "Republishing guidelines",
            "summary": "How to republish our briefs for free, with credit.",
            "body": (
                "<p>You may republish our briefs for free, in print or online, under "
                "the license shown at the end of each one (for most, Creative Commons "
                "Attribution-NonCommercial 3.0). Briefs marked “All rights reserved” "
                "are not for republishing.</p>"
                "<ul><li>Credit Quebrada Press and the authors, and link to the "
                "original brief.</li>"
                "<li>Do not sell the brief or put it behind a paywall.</li>"
                "<li>You may cut it for length or translate it; do not change its "
                "meaning, and say that you edited it.</li>"
                "<li>Photos come with the brief only when its page says they are "
                "covered by its license.</li></ul>"
                "<p>The “Republish this story” link on each brief gives you the text "
                "with the credit line ready to paste. Newsrooms that republish often "
                "can take every brief, with its credit, from our republish feed. The "
                "copy includes a small image that counts how often it is read, and "
                "nothing else.</p>"
            ),
        },
        "es": {
            "slug": "pautas-de-republicacion",
            "title": "Pautas de republicación",
            "summary": "Cómo republicar nuestras notas gratis, citando la fuente.",
            "body": (
                "<p>Puedes republicar nuestras notas gratis, en papel o en línea, con "
                "la licencia indicada al final de cada una (para la mayoría, Creative "
                "Commons Atribución-NoComercial 3.0). Las notas marcadas «Todos los "
                "derechos reservados» no se pueden republicar.</p>"
                "<ul><li>Menciona a Quebrada Press y a los autores, y enlaza la nota "
                "original.</li>"
                "<li>No vendas la nota ni la pongas detrás de un muro de pago.</li>"
                "<li>Puedes acortarla o traducirla; no cambies su sentido e indica "
                "que la editaste.</li>"
                "<li>Las fotos acompañan la nota solo cuando su página dice que las "
                "cubre su licencia.</li></ul>"
                "<p>El enlace «Republica esta nota» de cada nota te da el texto con "
                "la línea de crédito lista para pegar. Los medios que republican a "
                "menudo pueden tomar todas las notas, con su crédito, de nuestro "
                "canal de republicación. La copia incluye una pequeña imagen que "
                "cuenta cuántas veces se lee, y nada más.</p>"
            ),
        },
    },
    {
        "role": Page.Role.PRIVACY,
        "order": 4,
        "en": {
            "slug": "privacy",
            "title": "Privacy",
            "summary": "What we keep about readers, and what we do not.",
            "body": (
                "<p>Reading Quebrada Press sets no cookies and needs no account.</p>"
                "<ul><li>“Was this content helpful?” votes are counted per brief. "
                "To count one vote per reader a day we keep a one-way code made "
                "from your internet address, never the address itself.</li>"
                "<li>When you send a comment we keep your name, email address and "
                "message, so our editors can read and answer it. We do not publish "
                "or share them.</li>"
                "<li>Our web servers keep short-lived technical logs to keep the "
                "site running and safe.</li>"
                "<li>Donations are handled by our payment provider; we do not see "
                "your card details.</li></ul>"
                "<p>To see, correct or delete what we hold about you, write to "
                '<a href="mailto:privacy@example.org">privacy@example.org</a>.</p>'
            ),
        },
        "es": {
            "slug": "privacidad",
            "title": "Privacidad",
            "summary": "Qué guardamos sobre quienes nos leen, y qué no.",
            "body": (
                "<p>Leer Quebrada Press no instala cookies ni requiere una cuenta.</p>"
                "<ul><li>Los votos de «¿Te resultó útil este contenido?» se cuentan "
                "por nota. Para contar un voto por lector al día guardamos un código "
                "irreversible derivado de tu dirección de internet, nunca la "
                "dirección misma.</li>"
                "<li>Cuando envías un comentario guardamos tu nombre, tu correo y tu "
                "mensaje, para que el equipo editorial pueda leerlo y responderte. "
                "No los publicamos ni los compartimos.</li>"
                "<li>Nuestros servidores guardan registros técnicos por poco tiempo "
                "para mantener el sitio en marcha y seguro.</li>"
                "<li>Las donaciones las gestiona nuestro proveedor de pagos; no "
                "vemos los datos de tu tarjeta.</li></ul>"
                "<p>Para ver, corregir o borrar lo que guardamos sobre ti, escribe a "
                '<a href="mailto:privacy@example.org">privacy@example.org</a>.</p>'
            ),
        },
    },
    {
        "role": Page.Role.DONATE,
        "order": 5,
        "en": {
            "slug": "donate",
            "title": "Donate",
            "summary": "Readers fund our reporting. Here is how to join them.",
            "body": (
                "<p>Our briefs are free to read and free to republish, so that they "
                "reach people who could not pay for them. Readers who can pay keep "
                "that possible.</p>"
                "<p>A monthly gift of any size lets us plan the reporting ahead: "
                "trips to places other newsrooms do not reach, records requests, "
                "and the time to check every fact twice.</p>"
                f'<p><a href="{DONATE_URL}">Give once or every month</a>. Every '
                "donor gets a short yearly report on what the money paid for.</p>"
            ),
        },
        "es": {
            "slug": "donar",
            "title": "Dona",
            "summary": "Los lectores financian nuestro periodismo. Así puedes sumarte.",
            "body": (
                "<p>Nuestras notas son gratuitas y libres para republicar, para que "
                "lleguen a quienes no podrían pagarlas. Los lectores que sí pueden "
                "pagar lo hacen posible.</p>"
                "<p>Un aporte mensual de cualquier monto nos permite planificar la "
                "cobertura: viajes a lugares a los que otros medios no llegan, "
                "pedidos de información pública y el tiempo de verificar cada dato "
                "dos veces.</p>"
                f'<p><a href="{DONATE_URL}">Dona una vez o cada mes</a>. Cada '
                "donante recibe un breve informe anual sobre en qué se usó el "
                "dinero.</p>"
            ),
        },
    },
]

# (kind, slug or page role or index), in menu order, for both languages.
MENU = [
    ("section", "news"),
    ("index", MenuItem.Index.COUNTRIES),
    ("country", "mexico"),
    ("country", "peru"),
    ("index", MenuItem.Index.TOPICS),
    ("topic", "water"),
    ("topic", "press-freedom"),
    ("page", Page.Role.ABOUT),
]

SOCIAL_LINKS = {
    "mastodon_url": "https://mastodon.example/@quebradapress",
    "bluesky_url": "https://bsky.example/profile/quebradapress",
    "instagram_url": "https://instagram.example/quebradapress",
}


def load(command):
    pages = load_pages()
    menus = load_menus(pages)
    publication = Publication.load_from_database()
    if not publication.social_links:
        for field, url in SOCIAL_LINKS.items():
            setattr(publication, field, url)
        publication.save()
    command.stdout.write(f"Demo pages ready ({len(pages)} pages, {menus} menus).")


def load_pages():
    """``{(language, role): page}`` of the demo pages, made when missing."""
    pages = {}
    for data in PAGES:
        original = None
        for language in ("en", "es"):
            texts = data[language]
            page = Page.objects.filter(language=language, role=data["role"]).first()
            if page is None:
                page = Page.objects.filter(
                    language=language, slug=texts["slug"]
                ).first()
            if page is None:
                page = Page.objects.create(
                    language=language,
                    role=data["role"],
                    order=data["order"],
                    status=Page.Status.PUBLISHED,
                    translation_of=original,
                    **texts,
                )
            original = original or page
            pages[language, data["role"]] = page
    return pages


def load_menus(pages):
    """Each language's menu, unless that language has one already."""
    targets = {
        "section": lambda slug: Section.objects.filter(slug=slug).first(),
        "country": lambda slug: Country.objects.filter(slug=slug).first(),
        "topic": lambda slug: Topic.objects.filter(slug=slug).first(),
    }
    made = 0
    for language in ("en", "es"):
        if MenuItem.objects.filter(language=language).exists():
            continue
        for order, (kind, key) in enumerate(MENU, start=1):
            item = MenuItem(language=language, order=order)
            if kind == "index":
                item.index = key
            elif kind == "page":
                item.page = pages.get((language, key))
            else:
                setattr(item, kind, targets[kind](key))
            if item.target is not None or item.index:
                item.save()
        made += 1
    return made
