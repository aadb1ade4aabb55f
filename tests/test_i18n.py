"""The Spanish site is fully Spanish, the English site fully English.

The catalogue in locale/es is complete, compiled and holds every string the
code marks for translation; the demo site's pages, forms, their thank-you and
error states, and the feeds show no interface string of the other language;
dates and database texts (tagline, about, prompts, license texts, tag names)
follow the page's language.
"""

import ast
import gettext as gnu_gettext
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from briefs.models import Author, Brief, Country, Section, Topic
from newsroom.fundraising.models import DonationPrompt
from newsroom.licensing.models import License
from newsroom.publication.models import Publication
from tests.factories import make_brief

ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
# The same folders `make messages` leaves out.
MAKEMESSAGES_IGNORE = [".venv", "node_modules", "tests", "staticfiles"]

# Interface words a reader meets on the English site; none may show on /es/ pages.
ENGLISH_INTERFACE = [
    "Home",
    "Skip to content",
    "Latest briefs",
    "Related content",
    "Share",
    "See also",
    "Search",
    "Newer",
    "Older",
    "Previous",
    "Next",
    "Republish",
    "Republish this story",
    "Was this content helpful?",
    "What could we improve?",
    "Send us your comments",
    "Thank you",
    "Donate",
    "About",
    "Country",
    "Topic",
    "Author",
    "Section",
    "Page not found",
    "Breadcrumb",
    "Analysis",
    "License",
    "Briefs",
    "Email",
    "Filters",
    "Your name",
    "Your email",
    "This field is required.",
]
SPANISH_MONTHS = "ene|feb|mar|abr|may|jun|jul|ago|sep|sept|oct|nov|dic"
ENGLISH_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgid_plural: str | None
    msgstrs: tuple
    flags: frozenset
    context: str | None = None


def parse_po(path):
    """The entries of a .po file, header and obsolete (#~) entries left out."""
    entries, fields, flags, current = [], {}, set(), None

    def flush():
        nonlocal fields, flags, current
        if fields.get("msgid"):
            forms = sorted(key for key in fields if key.startswith("msgstr"))
            entries.append(
                Entry(
                    msgid=fields["msgid"],
                    msgid_plural=fields.get("msgid_plural"),
                    msgstrs=tuple(fields[key] for key in forms),
                    flags=frozenset(flags),
                    context=fields.get("msgctxt"),
                )
            )
        fields, flags, current = {}, set(), None

    keyword = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            if current and current.startswith("msgstr"):
                flush()
            continue
        if line.startswith("#"):
            if current and current.startswith("msgstr"):
                flush()
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        match = keyword.match(line)
        if match:
            name, value = match.groups()
            if (
                name in ("msgctxt", "msgid")
                and current
                and current.startswith("msgstr")
            ):
                flush()
            current = name
            fields[name] = ast.literal_eval(value)
        elif line.startswith('"') and current:
            fields[current] += ast.literal_eval(line)
    flush()
    return entries


def po_header(path):
    text = path.read_text(encoding="utf-8")
    block = text[text.index('msgid ""') : text.index("\n\n")]
    lines = block.removeprefix('msgid ""\nmsgstr ').splitlines()
    return "".join(ast.literal_eval(line) for line in lines)


def test_spanish_catalogue_is_complete_and_compiled():
    header = po_header(PO_FILE)
    assert "Language: es\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header
    entries = parse_po(PO_FILE)
    assert len(entries) > 300
    untranslated = [entry.msgid for entry in entries if not all(entry.msgstrs)]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []
    plurals = [entry for entry in entries if entry.msgid_plural]
    assert plurals and all(len(entry.msgstrs) == 2 for entry in plurals)

    # The committed .mo is the compiled .po: every entry reads back the same.
    with MO_FILE.open("rb") as compiled:
        catalogue = gnu_gettext.GNUTranslations(compiled)
    stale = []
    for entry in entries:
        if entry.context:
            got = (catalogue.pgettext(entry.context, entry.msgid),)
        elif entry.msgid_plural:
            got = tuple(
                catalogue.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 5)
            )
        else:
            got = (catalogue.gettext(entry.msgid),)
        if got != entry.msgstrs:
            stale.append(entry.msgid)
    assert stale == [], "run `make messages` (compilemessages) again"

    with translation.override("es"):
        assert translation.gettext("Related content") == "Contenido relacionado"
        assert translation.ngettext(
            "%d brief was published.", "%d briefs were published.", 3
        ) == ("Se publicaron %d notas.")


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|(?<!\{)\{\w+\}(?!\})|</?[a-z]+[^>]*>")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def test_translations_keep_placeholders_markup_and_spanish_punctuation():
    problems = []
    for entry in parse_po(PO_FILE):
        if entry.msgid_plural:
            expected = placeholders(entry.msgid_plural)
            singular = set(placeholders(entry.msgid))
            if placeholders(entry.msgstrs[1]) != expected:
                problems.append((entry.msgid, entry.msgstrs[1]))
            # The singular may leave out the number ("último día").
            if not set(placeholders(entry.msgstrs[0])) <= set(expected) | singular:
                problems.append((entry.msgid, entry.msgstrs[0]))
        elif placeholders(entry.msgstrs[0]) != placeholders(entry.msgid):
            problems.append((entry.msgid, entry.msgstrs[0]))
        for msgstr in entry.msgstrs:
            msgstr = msgstr.replace("<!--", "")  # markup, not an exclamation
            if "?" in msgstr and "¿" not in msgstr:
                problems.append((entry.msgid, msgstr))
            if "!" in msgstr and "¡" not in msgstr:
                problems.append((entry.msgid, msgstr))
    assert problems == []


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed"
)
def test_catalogue_holds_every_interface_string(tmp_path):
    """Running makemessages on the code finds no string the catalogue lacks."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            *MAKEMESSAGES_IGNORE,
            ".git",
            "media",
            "*.sqlite3",
            ".*cache",
            ".hypothesis",
            "*.egg-info",
        ),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es"]
        + [f"--ignore={folder}" for folder in MAKEMESSAGES_IGNORE],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    fresh = {entry.msgid for entry in parse_po(copy / PO_FILE.relative_to(ROOT))}
    committed = {entry.msgid for entry in parse_po(PO_FILE) if all(entry.msgstrs)}
    assert sorted(fresh - committed) == [], "run `make messages` and translate"


def test_make_messages_leaves_out_dependencies_tests_and_collected_files():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile[makefile.index("\nmessages:") :].split("\n\n")[0]
    for folder in MAKEMESSAGES_IGNORE:
        assert f"--ignore={folder}" in recipe.split("compilemessages")[0]
    assert "compilemessages --ignore=.venv --ignore=node_modules" in recipe


class TextExtractor(HTMLParser):
    """Visible text and the attributes that screen readers and tooltips show.

    Elements marked as another language (``lang="en"`` on a Spanish page: the
    language switch, "Read in English") are left out: they are meant to be in
    that language.
    """

    SKIP = {"script", "style", "textarea"}
    ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.parts, self.skipping, self.foreign = [], 0, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.SKIP:
            self.skipping += 1
        if self.foreign and tag == self.foreign[-1][0] and tag not in self.VOID:
            self.foreign[-1][1] += 1
        lang = attributes.get("lang")
        if lang and tag != "html" and lang != self.language and tag not in self.VOID:
            self.foreign.append([tag, 1])
        if self.foreign:
            return
        for name in self.ATTRIBUTES:
            if attributes.get(name):
                self.parts.append(attributes[name])
        if tag == "input" and attributes.get("type") == "submit":
            self.parts.append(attributes.get("value") or "")
        if tag == "meta" and attributes.get("name") == "description":
            self.parts.append(attributes.get("content") or "")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if self.foreign and tag == self.foreign[-1][0]:
            self.foreign[-1][1] -= 1
            if not self.foreign[-1][1]:
                self.foreign.pop()

    def handle_data(self, data):
        if not self.skipping and not self.foreign:
            self.parts.append(data)


def interface_text(html, language, content=()):
    extractor = TextExtractor(language)
    extractor.feed(html)
    text = " ".join(" ".join(extractor.parts).split())
    for string in sorted(content, key=len, reverse=True):
        text = text.replace(string, " ")  # editorial content is not interface text
    return text


def content_strings():
    """Texts written by editors in one language only (titles, summaries, bios)."""
    strings = []
    for brief in Brief.objects.all():
        strings += [brief.title, brief.summary, brief.image_alt, brief.image_caption]
    strings += [author.bio for author in Author.objects.all()]
    return [" ".join(string.split()) for string in strings if string]


def found(phrases, text):
    return sorted(
        phrase
        for phrase in phrases
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)
    )


def english_phrases():
    """The English interface words and every catalogue phrase whose Spanish differs."""
    msgids = {
        entry.msgid
        for entry in parse_po(PO_FILE)
        if entry.msgstrs[0] != entry.msgid
        and " " in entry.msgid
        and len(entry.msgid) > 3
        and not placeholders(entry.msgid)
    }
    return set(ENGLISH_INTERFACE) | msgids


def spanish_phrases():
    """Spanish catalogue phrases and the demo's Spanish database texts."""
    phrases = {
        msgstr
        for entry in parse_po(PO_FILE)
        for msgstr in entry.msgstrs
        if msgstr != entry.msgid and " " in msgstr and not placeholders(msgstr)
    }
    publication = Publication.load_from_database()
    phrases |= {publication.tagline_es, publication.comment_prompt_es}
    for model in (Country, Topic, Section):
        phrases |= {
            tag.name_es for tag in model.objects.all() if tag.name_es != tag.name
        }
    for license in License.objects.all():
        phrases |= {license.footer_text_es.split("{")[0].strip()}
    phrases |= set(
        DonationPrompt.objects.filter(language="es").values_list("heading", flat=True)
    )
    return {phrase for phrase in phrases if len(phrase) > 3}


def public_pages(language):
    """Every kind of public page of the demo in one language, with its status."""
    with translation.override(language):
        briefs = Brief.objects.published().filter(language=language)
        brief = (
            briefs.filter(translation_of__isnull=language == "en")
            .exclude(analysis="")
            .first()
        )
        republishable = briefs.filter(license__allows_republishing=True).first()
        word = {"en": "water", "es": "agua"}[language]
        search = reverse("briefs:search")
        return [
            (f"/{language}/", 200),
            (brief.get_absolute_url(), 200),
            (f"{brief.get_absolute_url()}?feedback=thanks", 200),
            (f"{brief.get_absolute_url()}?feedback=no", 200),
            (f"{brief.get_absolute_url()}?feedback=sent", 200),
            (f"{brief.get_absolute_url()}?comment=thanks", 200),
            (reverse("republishing:republish", args=[republishable.slug]), 200),
            (briefs.first().countries.first().get_absolute_url(), 200),
            (briefs.first().topics.first().get_absolute_url(), 200),
            (
                Author.objects.filter(briefauthor__brief__in=briefs)
                .first()
                .get_absolute_url(),
                200,
            ),
            (Section.objects.get(slug="news").get_absolute_url(), 200),
            (f"{Section.objects.get(slug='news').get_absolute_url()}?page=2", 200),
            (Section.objects.get(slug="organization").get_absolute_url(), 200),
            (f"{search}?q={word}", 200),
            (f"{search}?q={word}&page=2", 200),
            (f"{search}?q=", 200),
            (f"{search}?q=zzqxwv", 200),
            (f"{search}?q=%22%22%22", 200),
            (f"{search}?q={word}&from=2024-05-02&to=2024-05-01", 200),
            (f"{search}?q={'x' * 300}", 200),
            (f"/{language}/no-such-page/", 404),
            (f"/{language}/briefs/no-such-brief/", 404),
        ]


def form_answers(client, language):
    """The feedback and comment forms' answers that are pages or messages."""
    with translation.override(language):
        brief = Brief.objects.published().filter(language=language).first()
        vote = reverse("feedback:vote", args=[brief.pk])
        comment = reverse("feedback:comment", args=[brief.pk])
    origin = {"HTTP_ORIGIN": "http://testserver"}
    invalid_comment = client.post(comment, {"name": "", "message": ""}, **origin)
    assert invalid_comment.status_code == 400
    foreign = client.post(
        vote, {"helpful": "yes"}, HTTP_ORIGIN="https://elsewhere.example"
    )
    assert foreign.status_code == 403
    bad_vote = client.post(vote, {"helpful": "maybe"}, **origin)
    assert bad_vote.status_code == 400
    answers = [
        client.post(
            vote, {"helpful": helpful}, HTTP_ACCEPT="application/json", **origin
        )
        for helpful in ("yes", "no")
    ]
    messages = [answer.json()["message"] for answer in answers]
    return [invalid_comment, foreign, bad_vote], messages


def feeds(client, language):
    """Parsed feeds of one language: latest (RSS, Atom), license, one archive each."""
    with translation.override(language):
        brief = Brief.objects.published().filter(language=language).first()
        paths = [
            reverse("briefs:feed"),
            reverse("briefs:feed_atom"),
            reverse("briefs:feed_republish"),
            reverse("briefs:country_feed", args=[brief.countries.first().slug]),
            reverse("briefs:topic_feed", args=[brief.topics.first().slug]),
            reverse("briefs:section_feed", args=[brief.section.slug]),
        ]
    parsed = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (path, feed.bozo_exception)
        parsed[path] = feed
    return parsed


def feed_text(feed):
    parts = [feed.feed.get("title", ""), feed.feed.get("subtitle", "")]
    for entry in feed.entries:
        parts += [tag.term for tag in entry.get("tags", [])]
        parts.append(entry.get("rights", ""))
    return " ".join(parts)


@pytest.fixture(autouse=True)
def _back_to_english():
    """Requests to /es/ leave Spanish active in this thread; later tests expect English."""
    yield
    translation.activate("en")


@pytest.fixture
def demo(settings):
    # Two briefs a page, so archives and search show their page links.
    settings.NEWSROOM_PAGE_SIZE = 2
    call_command("loaddemo")


@pytest.mark.django_db
def test_spanish_pages_show_no_english_interface_strings(client, demo):
    phrases, content = english_phrases(), content_strings()
    for path, status in public_pages("es"):
        response = client.get(path)
        assert response.status_code == status, path
        html = response.content.decode()
        assert '<html lang="es">' in html, path
        assert found(phrases, interface_text(html, "es", content)) == [], path


@pytest.mark.django_db
def test_english_pages_show_no_spanish_interface_strings(client, demo):
    phrases, content = spanish_phrases(), content_strings()
    for path, status in public_pages("en"):
        response = client.get(path)
        assert response.status_code == status, path
        html = response.content.decode()
        assert '<html lang="en">' in html, path
        assert found(phrases, interface_text(html, "en", content)) == [], path


@pytest.mark.django_db
def test_spanish_pages_cover_forms_pagination_and_search_states(client, demo):
    """The checks above see the states they mean to check, in Spanish."""
    pages = {path: client.get(path).content.decode() for path, _ in public_pages("es")}
    text = " ".join(interface_text(html, "es") for html in pages.values())
    for spanish in [
        "Gracias por tu opinión.",
        "Gracias por tu opinión. ¿Qué podríamos mejorar?",
        "Gracias. Leemos todas las sugerencias.",
        "Gracias. Tu comentario se envió a la redacción.",
        "Republica esta nota",
        "La licencia en pocas palabras",
        "Anteriores",
        "Más recientes",
        "resultados para “agua”",
        "Ninguna nota coincide con tu búsqueda.",
        "Escribe algunas palabras para buscar en las notas.",
        "Busca palabras: las comillas, los operadores y la puntuación solos",
        "La fecha final es anterior a la fecha inicial.",
        "Tu búsqueda es demasiado larga",
        "Página no encontrada",
        "Contenido relacionado",
        "¿Te resultó útil este contenido?",
        "Ruta de navegación",
    ]:
        assert spanish in text, spanish


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_form_answers_speak_the_page_language(client, demo, language):
    pages, messages = form_answers(client, language)
    if language == "es":
        assert messages == [
            "Gracias por tu opinión.",
            "Gracias por tu opinión. ¿Qué podríamos mejorar?",
        ]
        phrases = english_phrases()
    else:
        assert messages == [
            "Thank you for your feedback.",
            "Thank you for your feedback. What could we improve?",
        ]
        phrases = spanish_phrases()
    content = content_strings()
    for response in pages:
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert found(phrases, interface_text(html, language, content)) == []
    refused = interface_text(pages[1].content.decode(), language)
    assert (
        "Este formulario solo se puede enviar desde nuestras propias páginas."
        if language == "es"
        else "This form can only be sent from our own pages."
    ) in refused
    if language == "es":
        assert "Este campo es obligatorio." in interface_text(
            pages[0].content.decode(), "es"
        )


@pytest.mark.django_db
def test_spanish_feeds_have_spanish_titles_and_descriptions(client, demo):
    publication = Publication.load_from_database()
    parsed = feeds(client, "es")
    phrases, content = english_phrases(), content_strings()
    for path, feed in parsed.items():
        assert feed.feed.get("language", "es") == "es", path
        assert found(phrases, interface_text(feed_text(feed), "es", content)) == [], (
            path
        )
    latest, atom, republish, country, topic, section = parsed.values()
    assert latest.feed.title == publication.name
    assert latest.feed.subtitle == publication.tagline_es
    assert atom.feed.subtitle == publication.tagline_es
    assert republish.feed.title == "Republicar: notas de Quebrada Press con atribución"
    assert republish.feed.subtitle.startswith("Notas que puedes republicar")
    assert country.feed.title.startswith("Quebrada Press: ")
    names = {tag.name_es for tag in Country.objects.all()}
    assert country.feed.title.removeprefix("Quebrada Press: ") in names
    assert topic.feed.title.removeprefix("Quebrada Press: ") in {
        tag.name_es for tag in Topic.objects.all()
    }
    assert section.feed.title == "Quebrada Press: Noticias"


@pytest.mark.django_db
def test_english_feeds_have_english_titles_and_descriptions(client, demo):
    publication = Publication.load_from_database()
    parsed = feeds(client, "en")
    phrases, content = spanish_phrases(), content_strings()
    for path, feed in parsed.items():
        assert feed.feed.get("language", "en") == "en", path
        assert found(phrases, interface_text(feed_text(feed), "en", content)) == [], (
            path
        )
    latest, _atom, republish, *_archives = parsed.values()
    assert latest.feed.subtitle == publication.tagline
    assert "Republish" in republish.feed.title


@pytest.mark.django_db
def test_spanish_pages_show_the_spanish_database_texts(client, demo):
    publication = Publication.load_from_database()
    home = client.get("/es/").content.decode()
    assert publication.tagline_es in home
    assert publication.tagline not in home
    assert "Quebrada Press es una redacción independiente" in home
    assert "is an independent, reader-funded newsroom" not in home
    assert "Acerca de Quebrada Press" in home

    with translation.override("es"):
        brief = (
            Brief.objects.published()
            .filter(language="es")
            .exclude(analysis="")
            .exclude(analysis_heading__gt="")
            .first()
        )
        url = brief.get_absolute_url()
    page = client.get(url).content.decode()
    assert '<h2 id="analysis-heading">Análisis de Quebrada Press</h2>' in page
    assert publication.comment_prompt_es in page
    assert publication.comment_prompt not in page
    license = brief.license or publication.default_license
    assert license.footer_text_es.split("{")[0].strip() in page
    assert license.footer_text.split("{")[0].strip() not in page
    for tag in [*brief.countries.all(), *brief.topics.all()]:
        assert f">{tag.name_es}</a>" in page
    headings = DonationPrompt.objects.values_list("language", "heading")
    assert any(heading in page for language, heading in headings if language == "es")
    assert not any(
        heading in page for language, heading in headings if language == "en"
    )


@pytest.mark.django_db
def test_dates_use_the_page_language_month_names(client, demo):
    twelfth_of_august = datetime(2016, 8, 12, 15, 0, tzinfo=UTC)
    news = Section.objects.get(slug="news")
    english = make_brief("Old border brief", section=news, when=twelfth_of_august)
    spanish = make_brief(
        "Nota antigua de la frontera",
        language="es",
        section=news,
        when=twelfth_of_august,
    )
    assert (
        ">12 Aug 2016</time>" in client.get(english.get_absolute_url()).content.decode()
    )
    with translation.override("es"):
        url = spanish.get_absolute_url()
    assert ">12 ago 2016</time>" in client.get(url).content.decode()

    for language, months, other in [
        ("es", SPANISH_MONTHS, ENGLISH_MONTHS),
        ("en", ENGLISH_MONTHS, SPANISH_MONTHS),
    ]:
        for path, _status in public_pages(language):
            html = client.get(path).content.decode()
            for date in re.findall(r"<time[^>]*>([^<]*)</time>", html):
                assert re.fullmatch(rf"\d{{1,2}} ({months}) \d{{4}}", date), (
                    path,
                    date,
                )
                assert not re.search(rf"\b({other})\b", date), (path, date)


@pytest.mark.django_db
def test_see_also_label_and_server_error_page_are_spanish(client, demo):
    with translation.override("es"):
        brief = Brief.objects.published().filter(language="es").first()
        brief.see_also.create(
            label="Más sobre el agua", target_country=Country.objects.first()
        )
        page = client.get(brief.get_absolute_url()).content.decode()
        assert '<span class="see-also-label">Ver también:</span>' in page

        error = server_error(RequestFactory().get("/es/")).content.decode()
    assert '<html lang="es">' in error
    assert "Algo salió mal" in error
    assert found(english_phrases(), interface_text(error, "es")) == []


@pytest.mark.django_db
def test_admin_customisations_speak_spanish_to_spanish_editors(admin_client, demo):
    """The admin follows the editor's browser language, our own screens included."""
    brief = Brief.objects.filter(language="en").exclude(translations=None).first()
    prompt = DonationPrompt.objects.first()
    paths = [
        reverse("admin:index"),
        reverse("admin:briefs_brief_changelist"),
        reverse("admin:briefs_brief_change", args=[brief.pk]),
        reverse("admin:briefs_brief_add"),
        reverse("admin:briefs_brief_history", args=[brief.pk]),
        reverse("admin:fundraising_donationprompt_changelist"),
        reverse("admin:fundraising_donationprompt_change", args=[prompt.pk]),
        reverse("admin:fundraising_donationprompt_report", args=[prompt.pk]),
        reverse("admin:licensing_license_change", args=[brief.license_id]),
        reverse("admin:republishing_republication_changelist"),
        reverse("admin:publication_publication_change", args=[1]),
        reverse("admin:feedback_brieffeedback_changelist"),
        reverse("admin:feedback_brieffeedback_change", args=[brief.pk]),
        reverse("admin:feedback_readermessage_changelist"),
    ]
    # Only our own strings: Django's and third-party apps' have their own catalogues.
    ours = {
        entry.msgid
        for entry in parse_po(PO_FILE)
        if entry.msgstrs[0] != entry.msgid and " " in entry.msgid
    }
    content = content_strings()
    content += DonationPrompt.objects.values_list("name", flat=True)
    content += License.objects.values_list("short_name", flat=True)
    texts = []
    for path in paths:
        response = admin_client.get(path, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 200, path
        text = interface_text(response.content.decode(), "es", content)
        assert found(ours, text) == [], path
        texts.append(text)
    text = " ".join(texts)
    for spanish in [
        "Crear traducción",
        "Traducciones",
        "Publicar las notas seleccionadas",
        "Republicada en",
        "Informe de clics",
        "Segmentación",
        "Votos por día",
        "notas listas para revisión",
    ]:
        assert spanish in text, spanish
