"""Licenses: admin validation, the license footer, head links and JSON-LD."""

import json
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from newsroom.licensing.attribution import Value, attribution, render_license_text
from newsroom.licensing.models import License
from newsroom.publication.models import Publication
from tests.factories import make_author, make_brief, make_country, make_topic

pytestmark = pytest.mark.django_db


def license_form_data(**overrides):
    data = {
        "name": "Creative Commons Attribution-ShareAlike 4.0",
        "short_name": "CC BY-SA 4.0",
        "slug": "cc-by-sa-4-0",
        "deed_url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "allows_republishing": "on",
        "allows_derivatives": "on",
        "footer_text": "Republish it under {license}, crediting {publication}.",
        "footer_text_es": "",
        "attribution": "First published by {publication} under {license}.",
        "attribution_es": "",
    }
    data.update(overrides)
    return data


def jsonld(html):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
    )
    assert match, "no JSON-LD script on the page"
    return json.loads(match.group(1))


def test_seeded_licenses_and_the_publication_default():
    slugs = set(License.objects.values_list("slug", flat=True))
    assert {"cc-by-nc-3-0", "cc-by-nc-nd-4-0", "cc-by-4-0", "all-rights-reserved"} <= (
        slugs
    )
    assert Publication.load().default_license.short_name == "CC BY-NC 3.0"
    assert not License.objects.get(slug="all-rights-reserved").allows_republishing


def test_a_new_brief_gets_the_publications_default_license():
    brief = make_brief("Defaulted")
    assert brief.license.slug == "cc-by-nc-3-0"


def add_license_in_admin(admin_client, **changes):
    """Post the admin's add form; the license it saved."""
    response = admin_client.post(
        reverse("admin:licensing_license_add"), license_form_data(**changes)
    )
    assert response.status_code == 302
    return License.objects.get(slug="cc-by-sa-4-0")


def test_admin_saves_a_license_with_known_placeholders(admin_client):
    license = add_license_in_admin(admin_client)
    assert (
        license.footer_text == "Republish it under {license}, crediting {publication}."
    )
    assert license.attribution == "First published by {publication} under {license}."


def test_a_deed_address_typed_without_a_scheme_is_saved_as_https(admin_client):
    license = add_license_in_admin(
        admin_client, deed_url="creativecommons.org/licenses/by-sa/4.0/"
    )
    assert license.deed_url == "https://creativecommons.org/licenses/by-sa/4.0/"


def test_admin_saves_the_spanish_name_of_a_license(admin_client):
    license = add_license_in_admin(
        admin_client, name_es="Creative Commons Atribución-CompartirIgual 4.0"
    )
    assert license.name_es == "Creative Commons Atribución-CompartirIgual 4.0"
    with translation.override("es"):
        assert license.display_name == license.name_es
    with translation.override("en"):
        assert license.display_name == license.name


@pytest.mark.parametrize(
    "field, text, message",
    [
        ("footer_text", "Credit {foo} please.", "Unknown placeholder: {foo}"),
        ("attribution", "Thanks to {publication.name}.", "{publication.name}"),
        ("footer_text_es", "Con {} y {0}.", "Unknown placeholder"),
        ("attribution_es", "Por {publication!r}.", "{publication!r}"),
        ("footer_text", "Credit {publication", "Unbalanced braces"),
        ("attribution", "Credit publication}", "Unbalanced braces"),
    ],
)
def test_admin_rejects_license_texts_with_bad_placeholders(
    admin_client, field, text, message
):
    response = admin_client.post(
        reverse("admin:licensing_license_add"), license_form_data(**{field: text})
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert not License.objects.filter(slug="cc-by-sa-4-0").exists()


def test_literal_braces_are_allowed_when_doubled(admin_client):
    response = admin_client.post(
        reverse("admin:licensing_license_add"),
        license_form_data(footer_text="Use {{braces}} with {license}."),
    )
    assert response.status_code == 302
    text = render_license_text(
        License.objects.get(slug="cc-by-sa-4-0").footer_text,
        {"license": Value("CC BY-SA 4.0")},
    )
    assert text == "Use {braces} with CC BY-SA 4.0."


def test_a_license_in_use_cannot_be_deleted(admin_client):
    brief = make_brief("Licensed", license=License.objects.get(slug="cc-by-4-0"))
    response = admin_client.post(
        reverse("admin:licensing_license_delete", args=[brief.license.pk]),
        {"post": "yes"},
    )
    assert response.status_code == 200
    assert "protected" in response.text.lower()
    assert License.objects.filter(slug="cc-by-4-0").exists()


def test_license_texts_escape_every_value():
    publication = Publication.load()
    publication.name = '<script>alert("pub")</script>'
    publication.save()
    brief = make_brief(
        'Headline <img src=x onerror="alert(1)">',
        authors=[make_author("<b>Bold</b> author", slug="bold")],
    )
    license = brief.license
    license.footer_text = "{headline} by {publication} under {license} at {url}"
    license.save()
    credit = attribution(brief, "https://news.example", publication)
    for html in (credit.notice_html, credit.byline_html, credit.footer_html):
        assert "<script" not in html
        assert "<img" not in html
        assert "<b>" not in html
    assert "&lt;script&gt;" in credit.notice_html
    assert "&lt;img src=x" in credit.notice_html
    assert "&lt;b&gt;Bold&lt;/b&gt; author" in credit.byline_html
    # The plain-text versions keep the text as written.
    assert credit.notice_text.startswith('Headline <img src=x onerror="alert(1)"> by')


def test_placeholders_become_links_to_the_original_and_the_deed():
    brief = make_brief("Linked brief", slug="linked-brief")
    credit = attribution(brief, "https://news.example")
    original = "https://news.example/en/briefs/linked-brief/"
    deed = "https://creativecommons.org/licenses/by-nc/3.0/"
    assert credit.url == original
    assert f'<a href="{original}">Newsroom</a>' in credit.footer_html
    assert f'<a href="{deed}" rel="license">CC BY-NC 3.0</a>' in credit.footer_html
    assert credit.footer_text == (
        f"This article first appeared on Newsroom ({original}) and is republished "
        f"here under CC BY-NC 3.0 ({deed})."
    )


def test_a_broken_stored_text_renders_literally_instead_of_failing():
    brief = make_brief("Broken text")
    License.objects.filter(pk=brief.license_id).update(
        footer_text="Odd {text and {unknown} <here>"
    )
    brief.refresh_from_db()
    credit = attribution(brief, "https://news.example")
    assert credit.notice_html == "Odd {text and {unknown} &lt;here&gt;"


def test_brief_page_has_license_link_footer_and_republish_link(client):
    brief = make_brief("Open brief")
    html = client.get(brief.get_absolute_url()).text
    head = html.split("</head>")[0]
    deed = "https://creativecommons.org/licenses/by-nc/3.0/"
    assert f'<link rel="license" href="{deed}">' in head
    footer = re.search(r'<footer id="license".*?</footer>', html, re.DOTALL).group(0)
    assert "You may copy and distribute it for non-commercial purposes" in footer
    assert f'href="{deed}" rel="license"' in footer
    republish = reverse("republishing:republish", kwargs={"slug": brief.slug})
    assert f'<a id="republish" href="{republish}">Republish this story</a>' in html


def test_all_rights_reserved_brief_has_a_footer_but_no_republish_link(client):
    brief = make_brief(
        "Closed brief", license=License.objects.get(slug="all-rights-reserved")
    )
    html = client.get(brief.get_absolute_url()).text
    assert 'id="license"' in html
    assert "All rights reserved." in html
    assert 'id="republish"' not in html
    assert 'rel="license"' not in html


def test_license_footer_shows_the_badge_and_a_deed_link_when_the_text_lacks_one(
    client,
):
    license = License.objects.get(slug="cc-by-4-0")
    license.footer_text = "Free to share, credit {publication}."
    license.badge = "licenses/by.png"
    license.save()
    brief = make_brief("Badged", license=license)
    footer = re.search(
        r'<footer id="license".*?</footer>',
        client.get(brief.get_absolute_url()).text,
        re.DOTALL,
    ).group(0)
    assert '<img src="/media/licenses/by.png" alt="CC BY 4.0"' in footer
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">'
        "Read the license: CC BY 4.0</a>"
    ) in footer


def test_spanish_brief_uses_the_spanish_license_text(client):
    brief = make_brief("Resumen abierto", slug="resumen-abierto", language="es")
    html = client.get(brief.get_absolute_url()).text
    assert "Puedes copiarla y distribuirla con fines no comerciales" in html


def test_every_page_head_links_the_latest_and_the_republish_feeds(client):
    make_brief("Something")
    for path in ["/en/", "/es/"]:
        head = client.get(path).text.split("</head>")[0]
        language = path.strip("/")
        links = re.findall(r'<link rel="alternate" type="[^"]+"[^>]*>', head)
        assert any(f'href="/{language}/feed/"' in link for link in links)
        republish = [link for link in links if f'/{language}/feed/republish/"' in link]
        assert len(republish) == 1
        assert 'type="application/rss+xml"' in republish[0]
        if language == "en":
            assert "Republish" in republish[0]


def test_jsonld_describes_the_brief(client):
    author = make_author("Ana Reyes", slug="ana-reyes")
    brief = make_brief(
        "Water council approves plan",
        authors=[author],
        countries=[make_country("Chile")],
        topics=[make_topic("Water")],
    )
    data = jsonld(client.get(brief.get_absolute_url()).text)
    required = [
        "headline",
        "description",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "inLanguage",
        "articleSection",
        "keywords",
        "license",
        "isAccessibleForFree",
        "copyrightHolder",
        "copyrightYear",
    ]
    assert data["@type"] == "NewsArticle"
    assert not [key for key in required if key not in data]
    assert data["headline"] == "Water council approves plan"
    assert data["author"][0]["name"] == "Ana Reyes"
    assert data["publisher"]["name"] == "Newsroom"
    assert data["license"] == "https://creativecommons.org/licenses/by-nc/3.0/"
    assert data["keywords"] == ["Chile", "Water"]
    assert data["inLanguage"] == "en"
    assert data["copyrightYear"] == brief.published_at.year
    assert data["url"].endswith(brief.get_absolute_url())


def test_jsonld_cannot_be_broken_out_of_by_a_headline(client):
    title = 'Closing </script><script>alert(1)</script> & "quotes"'
    brief = make_brief(title, slug="closing")
    html = client.get(brief.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert jsonld(html)["headline"] == title


def test_jsonld_includes_the_image_when_there_is_one(rf):
    brief = make_brief("Pictured", featured_image="briefs/photo.jpg")
    html = Template("{% load licensing_tags %}{% brief_jsonld brief %}").render(
        Context({"brief": brief, "request": rf.get("/en/")})
    )
    assert jsonld(html)["image"] == ["http://testserver/media/briefs/photo.jpg"]
