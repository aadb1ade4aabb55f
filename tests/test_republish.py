"""The republish page: license terms, the brief ready to paste, 404 when not allowed."""

import re
from datetime import timedelta
from html import escape, unescape
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.licensing.attribution import html_to_text, republish_html
from newsroom.licensing.models import License
from tests.factories import make_author, make_brief, make_pictured_brief

pytestmark = pytest.mark.django_db

ORIGINAL = "http://testserver/en/briefs/{slug}/"


def republish_url(brief):
    with translation.override(brief.language):
        return reverse("republishing:republish", kwargs={"slug": brief.slug})


def textarea(html, element_id):
    match = re.search(
        rf'<textarea id="{element_id}"[^>]*>(.*?)</textarea>', html, re.DOTALL
    )
    assert match, f"no textarea #{element_id}"
    return unescape(match.group(1))


@pytest.fixture
def brief():
    return make_brief(
        "Lithium permits",
        slug="lithium-permits",
        authors=[make_author("Rosa Mamani", slug="rosa-mamani")],
        news=(
            '<p>The ministry <a href="/en/topic/mining/">suspended</a> permits.</p>'
            '<p>See <a href="https://gob.example/doc">the decree</a>.</p>'
        ),
        analysis="<p>The suspension is temporary.</p>",
    )


def test_republish_page_explains_the_license_and_offers_html_and_text(client, brief):
    response = client.get(republish_url(brief))
    assert response.status_code == 200
    html = response.text
    assert "The license in plain words" in html
    assert "Non-commercial use only" in html
    assert "Creative Commons Attribution-NonCommercial 3.0" in html
    pasted = textarea(html, "republish-html")
    assert pasted == republish_html(brief, "http://testserver")
    # The rendered preview is the same HTML.
    assert pasted in html
    text = textarea(html, "republish-text")
    assert text.startswith(
        "By Rosa Mamani, Newsroom (http://testserver/en/briefs/lithium-permits/)"
    )
    assert "Newsroom Analysis" in text
    assert "suspended (http://testserver/en/topic/mining/) permits." in text
    assert text.rstrip().endswith(
        "republished here under CC BY-NC 3.0 "
        "(https://creativecommons.org/licenses/by-nc/3.0/)."
    )


def test_republish_html_has_attribution_at_top_and_bottom_and_a_pixel(brief):
    html = republish_html(brief, "http://testserver")
    original = ORIGINAL.format(slug="lithium-permits")
    deed = "https://creativecommons.org/licenses/by-nc/3.0/"
    first, last = html.splitlines()[0], html.splitlines()[-2]
    assert first == (
        f'<p class="republished-byline">By Rosa Mamani, '
        f'<a href="{original}">Newsroom</a></p>'
    )
    assert f'<a href="{original}">Newsroom</a>' in last
    assert f'<a href="{deed}" rel="license">CC BY-NC 3.0</a>' in last
    assert "first appeared on" in last
    order = [
        html.index("republished-byline"),
        html.index("<h1>Lithium permits</h1>"),
        html.index("The ministry"),
        html.index("<h2>Newsroom Analysis</h2>"),
        html.index("The suspension is temporary."),
        html.index("republished-footer"),
        html.index("/r/"),
    ]
    assert order == sorted(order)
    assert html.splitlines()[-1] == (
        f'<img src="http://testserver/r/{brief.pk}.gif" alt="" width="1" height="1" '
        'referrerpolicy="origin">'
    )


def test_relative_links_are_made_absolute(brief):
    html = republish_html(brief, "https://news.example")
    assert 'href="https://news.example/en/topic/mining/"' in html
    assert 'href="https://gob.example/doc"' in html
    assert 'href="/' not in html


class LinkAttributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


@pytest.mark.parametrize(
    "title", [" src=", "Read the href=", 'a href="/x" b', "<a href='/y'>", "src=/z"]
)
def test_only_link_addresses_are_rewritten_not_text_in_other_attributes(client, title):
    """A regular expression over the markup rewrote text inside ``title``."""
    brief = make_brief(
        "Titled link",
        news=f'<p><a title="{escape(title)}" href="/en/topic/mining/">suspended</a>'
        " permits.</p>",
    )
    page = client.get(republish_url(brief)).text
    parser = LinkAttributes()
    parser.feed(textarea(page, "republish-html"))
    [link] = [attrs for attrs in parser.links if "title" in attrs]
    assert link["title"] == title
    assert link["href"] == "http://testserver/en/topic/mining/"
    text = textarea(page, "republish-text")
    assert "suspended (http://testserver/en/topic/mining/) permits." in text


def test_an_image_not_covered_by_the_license_is_left_out(client):
    covered = make_brief(
        "Our photo", featured_image="briefs/ours.jpg", image_license_covered=True
    )
    agency = make_brief(
        "Agency photo",
        featured_image="briefs/agency.jpg",
        image_credit="Photo: Agency",
        image_license_covered=False,
    )
    assert '<img src="http://t.example/media/briefs/ours.jpg"' in republish_html(
        covered, "http://t.example"
    )
    assert "agency.jpg" not in republish_html(agency, "http://t.example")
    assert "Photo: Agency" not in republish_html(agency, "http://t.example")
    page = client.get(republish_url(agency)).text
    assert "agency.jpg" not in page
    assert "left out" in page


def test_republish_page_has_a_canonical_link_to_the_original(client, brief):
    """The canonical link says where the story lives; a noindex beside it would
    contradict it (and fails Lighthouse's SEO audit)."""
    response = client.get(republish_url(brief))
    head = response.text.split("</head>")[0]
    assert "noindex" not in head
    assert (
        f'<link rel="canonical" href="{ORIGINAL.format(slug="lithium-permits")}">'
        in head
    )
    assert "X-Robots-Tag" not in response


def test_the_republished_image_is_a_sized_web_rendition(client, settings, tmp_path):
    """Other sites get an 800px JPEG with its size, not the upload itself."""
    settings.MEDIA_ROOT = tmp_path
    brief = make_pictured_brief("Pictured", image_license_covered=True)
    html = republish_html(brief, "http://t.example")
    [img] = re.findall(r"<figure><img ([^>]*)>", html)
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', img))
    assert attributes["src"].startswith("http://t.example/media/cache/")
    assert attributes["src"].endswith(".jpg")
    assert (attributes["width"], attributes["height"]) == ("800", "450")
    assert attributes["alt"] == "A chart of river levels"
    path = attributes["src"].removeprefix("http://t.example")
    assert f"http://testserver{path}" in client.get(republish_url(brief)).text


def test_republish_page_sets_no_cookie_and_runs_no_inline_script(client, brief):
    response = client.get(republish_url(brief))
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert '<script src="/static/js/republish.js" defer>' in scripts
    assert all("src=" in tag or "application/ld+json" in tag for tag in scripts), (
        scripts
    )
    # Without JavaScript the copy buttons stay hidden; the text areas still work.
    assert re.search(
        r"<button [^>]*data-copy=\"republish-html\"[^>]* hidden>", response.text
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"published": False},
        {"when": timezone.now() + timedelta(days=2)},
        {"license_slug": "all-rights-reserved"},
    ],
    ids=["draft", "scheduled", "all-rights-reserved"],
)
def test_republish_page_is_404_when_the_brief_may_not_be_republished(client, kwargs):
    license_slug = kwargs.pop("license_slug", None)
    if license_slug:
        kwargs["license"] = License.objects.get(slug=license_slug)
    brief = make_brief("Not for you", **kwargs)
    assert client.get(republish_url(brief)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/briefs/no-such-brief/republish/",
        "/en/briefs/%E2%98%83/republish/",
        "/en/briefs/" + "x" * 400 + "/republish/",
    ],
)
def test_unknown_briefs_have_no_republish_page(client, path):
    assert client.get(path).status_code == 404


def test_republish_page_of_a_brief_in_another_language_is_404(client):
    make_brief("Solo español", slug="solo-espanol", language="es")
    assert client.get("/en/briefs/solo-espanol/republish/").status_code == 404
    assert client.get("/es/briefs/solo-espanol/republish/").status_code == 200


def test_spanish_republish_html_is_in_spanish():
    brief = make_brief("Resumen", slug="resumen", language="es", analysis="<p>A.</p>")
    html = republish_html(brief, "https://news.example")
    assert "Este artículo se publicó originalmente en" in html
    assert "<h2>Análisis de Newsroom</h2>" in html
    assert 'href="https://news.example/es/briefs/resumen/"' in html


def test_spanish_pages_name_the_license_in_spanish(client):
    brief = make_brief("Permisos de litio", slug="permisos-de-litio", language="es")
    page = client.get(republish_url(brief)).text
    assert "Creative Commons Atribución-NoComercial 3.0" in page
    assert "Creative Commons Attribution-NonCommercial 3.0" not in page
    footer = client.get(brief.get_absolute_url()).text
    assert "Esta nota se publica bajo la licencia" in unescape(footer)
    assert "resumen se publica" not in unescape(footer)


def test_a_license_without_a_spanish_name_shows_its_name(client):
    license = License.objects.get(slug="cc-by-nc-3-0")
    license.name_es = ""
    license.save()
    brief = make_brief("Permisos de cobre", slug="permisos-de-cobre", language="es")
    page = client.get(republish_url(brief)).text
    assert "Creative Commons Attribution-NonCommercial 3.0" in page


def test_html_to_text_keeps_lists_links_and_paragraphs():
    text = html_to_text(
        "<p>One <strong>bold</strong> line.</p><ul><li>First</li><li>Second</li></ul>"
        '<p><a href="https://x.example/">https://x.example/</a> and '
        '<a href="https://y.example/">why</a></p><h2>Heading</h2><p>a<br>b</p>'
    )
    assert text == (
        "One bold line.\n\n- First\n- Second\n\n"
        "https://x.example/ and why (https://y.example/)\n\nHeading\n\na\nb"
    )


def test_language_switch_leads_to_the_translations_republish_page(client):
    original = make_brief("In English", slug="in-english")
    make_brief("En español", slug="en-espanol", language="es", translation_of=original)
    html = client.get(republish_url(original)).text
    assert 'href="/es/briefs/en-espanol/republish/" hreflang="es"' in html
    lonely = make_brief("Only English", slug="only-english")
    assert 'href="/es/" hreflang="es"' in client.get(republish_url(lonely)).text
