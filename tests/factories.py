"""Small helpers that make test data. Dates are relative to now."""

import itertools
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from briefs.models import Author, Brief, BriefAuthor, Country, Section, Topic

_counter = itertools.count(1)


def unique(prefix):
    return f"{prefix}-{next(_counter)}"


def make_section(**kwargs):
    slug = kwargs.pop("slug", None) or unique("section")
    defaults = {"name": slug.replace("-", " ").title()}
    defaults.update(kwargs)
    return Section.objects.get_or_create(slug=slug, defaults=defaults)[0]


def make_country(name=None, **kwargs):
    name = name or unique("Country")
    return Country.objects.create(name=name, **kwargs)


def make_topic(name=None, **kwargs):
    name = name or unique("Topic")
    return Topic.objects.create(name=name, **kwargs)


def make_author(name=None, **kwargs):
    name = name or unique("Author")
    return Author.objects.create(
        name=name, slug=kwargs.pop("slug", None) or slugify(name), **kwargs
    )


def make_brief(
    title=None,
    *,
    authors=(),
    countries=(),
    topics=(),
    published=True,
    when=None,
    **kwargs,
):
    """A brief, published an hour ago unless told otherwise."""
    title = title or unique("Brief")
    values = {
        "title": title,
        "slug": kwargs.pop("slug", None) or slugify(title),
        "summary": f"Summary of {title}.",
        "news": f"<p>News of {title}.</p><p>Second paragraph.</p>",
        "analysis": f"<p>Analysis of {title}.</p>",
        "language": "en",
        "status": Brief.Status.PUBLISHED if published else Brief.Status.DRAFT,
        "published_at": when or (timezone.now() - timedelta(hours=1)),
    }
    values.update(kwargs)
    if "section" not in values:
        values["section"] = make_section(slug="news", name="News")
    brief = Brief.objects.create(**values)
    for order, author in enumerate(authors):
        BriefAuthor.objects.create(brief=brief, author=author, order=order)
    if countries:
        brief.countries.set(countries)
    if topics:
        brief.topics.set(topics)
    brief.set_default_kicker()
    return brief


def make_user(
    username=None, *, superuser=False, groups=(), password="correct-horse-42"
):
    User = get_user_model()
    username = username or unique("user")
    if superuser:
        user = User.objects.create_superuser(
            username=username, password=password, email=""
        )
    else:
        user = User.objects.create_user(
            username=username, password=password, is_staff=True
        )
    for group in groups:
        user.groups.add(group)
    return user


def make_prompt(**kwargs):
    """An enabled, untargeted English donation prompt at the end of briefs."""
    from newsroom.fundraising.models import DonationPrompt

    countries = kwargs.pop("countries", ())
    topics = kwargs.pop("topics", ())
    sections = kwargs.pop("sections", ())
    name = kwargs.pop("name", None) or unique("Prompt")
    values = {
        "heading": f"Heading of {name}",
        "message": f"Message of {name}.",
        "button_label": "Donate",
        "url": "https://example.org/donate",
        "placement": "end",
        "language": "en",
    }
    values.update(kwargs)
    prompt = DonationPrompt.objects.create(name=name, **values)
    prompt.countries.set(countries)
    prompt.topics.set(topics)
    prompt.sections.set(sections)
    return prompt


def role(name):
    """The ``Contributor`` or ``Editor`` group, as the roles migration seeds it.

    Transactional tests (the browser ones) empty the database afterwards; the
    migration's own function seeds the groups again then.
    """
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name=name).first()
    if group is None:
        migrations = "newsroom.publication.migrations"
        importlib.import_module(f"{migrations}.0003_editorial_roles").create_roles(
            apps, None
        )
        importlib.import_module(
            "newsroom.republishing.migrations.0002_republication_permissions"
        ).grant(apps, None)
        group = Group.objects.get(name=name)
    return group


def make_contributor(username=None, **kwargs):
    return make_user(username, groups=[role("Contributor")], **kwargs)


def make_editor(username=None, **kwargs):
    return make_user(username, groups=[role("Editor")], **kwargs)


def make_text_site():
    """A published brief with everything around it that shows editors' text.

    An English brief and its Spanish translation, a related brief, an author,
    a country, a topic, a section, a see-also link, a donation prompt in every
    placement, the publication and its default license. Fill every editable
    text field of all of them with ``set_site_text``.
    """
    from django.core.files.base import ContentFile

    from briefs.models import SeeAlsoLink
    from newsroom.fundraising.models import Placement
    from newsroom.publication.models import Publication

    section = make_section(slug="text-section", name="Text section")
    country = make_country("Text country", slug="text-country")
    topic = make_topic("Text topic", slug="text-topic")
    author = make_author("Text author", slug="text-author")
    brief = make_brief(
        "Text brief",
        slug="text-brief",
        section=section,
        authors=[author],
        countries=[country],
        topics=[topic],
        image_license_covered=True,
    )
    brief.featured_image.save("text.png", ContentFile(_png_bytes()), save=True)
    spanish = make_brief(
        "Texto",
        slug="texto",
        language="es",
        section=section,
        authors=[author],
        countries=[country],
        topics=[topic],
        translation_of=brief,
    )
    related = make_brief(
        "Related text brief",
        slug="related-text-brief",
        section=section,
        authors=[author],
        countries=[country],
        topics=[topic],
        when=timezone.now() - timedelta(hours=2),
    )
    SeeAlsoLink.objects.create(
        brief=brief, label="See also", url="https://example.org/", after_paragraph=1
    )
    prompts = [
        make_prompt(placement=placement, language=language)
        for placement in Placement.values
        for language in ("en", "es")
    ]
    publication = Publication.load_from_database()
    license = brief.license
    if license is None:
        # A transactional test emptied the licenses the migrations seed.
        license = make_license()
        publication.default_license = license
        publication.save()
        Brief.objects.filter(pk__in=[brief.pk, spanish.pk, related.pk]).update(
            license=license
        )
        brief.refresh_from_db()
    return {
        "brief": brief,
        "spanish": spanish,
        "related": related,
        "author": author,
        "country": country,
        "topic": topic,
        "section": section,
        "prompts": prompts,
        "publication": publication,
        "license": license,
    }


# (object key, fields) of every editable text field on a text site. License texts
# get their placeholders too, so the placeholder filling sees the text.
SITE_TEXT_FIELDS = [
    ("brief", ["title", "summary", "news", "analysis", "analysis_heading"]),
    ("brief", ["image_alt", "image_caption", "image_credit"]),
    ("spanish", ["title", "summary", "news", "analysis", "analysis_heading"]),
    ("related", ["title", "summary"]),
    ("author", ["name", "bio"]),
    ("country", ["name", "name_es", "description", "description_es"]),
    ("topic", ["name", "name_es", "description", "description_es"]),
    ("section", ["name", "name_es", "description", "description_es"]),
    ("prompts", ["name", "heading", "message", "button_label"]),
    (
        "publication",
        ["name", "tagline", "tagline_es", "about", "about_es"]
        + ["comment_prompt", "comment_prompt_es"],
    ),
    ("license", ["name", "short_name"]),
]
LICENSE_TEMPLATES = ["footer_text", "footer_text_es", "attribution", "attribution_es"]


def set_site_text(site, text):
    """Put ``text`` in every editable text field of a ``make_text_site`` site."""
    from briefs.models import SeeAlsoLink

    changed = {}
    for key, fields in SITE_TEXT_FIELDS:
        objects = site[key] if isinstance(site[key], list) else [site[key]]
        for obj in objects:
            for name in fields:
                field = obj._meta.get_field(name)
                value = text if name not in ("news", "analysis") else f"<p>{text}</p>"
                setattr(obj, name, value[: field.max_length or None])
            changed[id(obj)] = obj
    for name in LICENSE_TEMPLATES:
        setattr(
            site["license"], name, f"{text} {{publication}} {{license}} {{headline}}"
        )
    site["publication"].analysis_heading = f"{text} {{publication}}"[:120]
    site["publication"].analysis_heading_es = f"{text} {{publication}}"[:120]
    for obj in [*changed.values(), site["license"], site["publication"]]:
        obj.save()
    SeeAlsoLink.objects.filter(brief=site["brief"]).update(label=text[:200])
    return site


def _png_bytes():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def make_license(**kwargs):
    """A Creative Commons license that allows republishing."""
    from newsroom.licensing.models import License

    name = kwargs.pop("name", None) or unique("License")
    values = {
        "short_name": "CC BY-NC 4.0",
        "slug": slugify(name),
        "deed_url": "https://creativecommons.org/licenses/by-nc/4.0/",
        "allows_republishing": True,
        "footer_text": "This brief is published under {license} by {publication}.",
        "attribution": "Originally published by {publication} under {license}.",
    }
    values.update(kwargs)
    return License.objects.create(name=name, **values)


def inline_management(prefix, total=0, initial=0):
    """The management form an admin inline formset posts."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def admin_form_data(client, url):
    """What the admin form at ``url`` posts as it stands: its fields as rendered.

    Read from the page itself (inputs, ticked boxes, selected options,
    textareas), so a test changes one field of the real form and posts it.
    """
    from html.parser import HTMLParser

    data = {}

    def add(name, value):
        if not name or "__prefix__" in name:
            return
        data.setdefault(name, []).append(value)

    class Form(HTMLParser):
        select = textarea = None
        text = ""

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if tag == "input":
                kind = attrs.get("type", "text")
                if kind in ("submit", "button", "file", "image", "reset"):
                    return
                if kind in ("checkbox", "radio") and "checked" not in attrs:
                    return
                add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
            elif tag == "select":
                self.select = name
            elif tag == "option" and self.select and "selected" in attrs:
                add(self.select, attrs.get("value", ""))
            elif tag == "textarea":
                self.textarea, self.text = name, ""

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            elif tag == "textarea" and self.textarea:
                add(self.textarea, self.text)
                self.textarea = None

        def handle_data(self, text):
            if self.textarea:
                self.text += text

    response = client.get(url)
    assert response.status_code == 200, response.status_code
    page = response.text
    start = re.search(r'<form[^>]* id="\w+_form"', page).start()
    Form(convert_charrefs=True).feed(page[start : page.index("</form>", start)])
    data.pop("csrfmiddlewaretoken", None)
    return {
        name: values if len(values) > 1 or name in MULTIPLE else values[0]
        for name, values in data.items()
    }


# Fields that post several values; kept as lists even with one value.
MULTIPLE = {"countries", "topics"}


def make_page(title=None, **kwargs):
    """A published English page, linked in the footer."""
    from newsroom.pages.models import Page

    title = title or unique("Page")
    values = {
        "title": title,
        "slug": kwargs.pop("slug", None) or slugify(title),
        "body": f"<p>Text of {title}.</p>",
        "language": "en",
        "status": Page.Status.PUBLISHED,
    }
    values.update(kwargs)
    return Page.objects.create(**values)


def make_image(name="photo.jpg", size=(1600, 900), color=(40, 90, 140)):
    """An uploaded image file of ``size`` pixels, in the format ``name`` says."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    image_format = "PNG" if name.endswith(".png") else "JPEG"
    Image.new("RGB", size, color).save(buffer, format=image_format)
    return ContentFile(buffer.getvalue(), name=name)


def make_pictured_brief(title=None, *, size=(1600, 900), **kwargs):
    """A published brief with a featured image, its alt text, caption and credit."""
    brief = make_brief(
        title,
        image_alt="A chart of river levels",
        image_caption="River levels since 2010.",
        image_credit="Newsroom graphics",
        **kwargs,
    )
    brief.featured_image.save("photo.jpg", make_image(size=size), save=True)
    return brief


def list_cell(html, field, text):
    """Whether a changelist shows a cell of column ``field`` holding ``text``.

    The cell's other classes and attributes (the admin theme's) do not matter.
    """
    pattern = (
        rf'<td class="field-{re.escape(field)}[ "][^>]*>\s*{re.escape(text)}\s*</td>'
    )
    return re.search(pattern, html) is not None
