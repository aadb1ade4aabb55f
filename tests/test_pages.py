"""The newsroom's pages, the header menu, the country and topic indexes and the footer."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from briefs.models import Brief
from newsroom.pages.models import MenuItem, Page
from newsroom.publication.models import Publication
from tests.factories import (
    make_brief,
    make_country,
    make_page,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


class Links(HTMLParser):
    """(href, text) of the links inside the first element with ``class_name``."""

    def __init__(self, class_name):
        super().__init__()
        self.class_name, self.depth, self.links, self.href = class_name, 0, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
        elif self.class_name in (attrs.get("class") or "").split():
            self.depth = 1
        if self.depth and tag == "a":
            self.href, self.text = attrs["href"], ""

    def handle_endtag(self, tag):
        if self.depth and tag == "a" and self.href is not None:
            self.links.append((self.href, self.text.strip()))
            self.href = None
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.href is not None:
            self.text += data


def links_in(html, class_name):
    parser = Links(class_name)
    parser.feed(html)
    return parser.links


# The header menu


def test_the_menu_shows_the_languages_items_in_the_editors_order(client):
    section = make_section(slug="news", name="News", name_es="Noticias")
    peru = make_country("Peru", name_es="Perú")
    water = make_topic("Water", name_es="Agua")
    about = make_page("About us", slug="about")
    MenuItem.objects.create(language="en", order=3, page=about)
    MenuItem.objects.create(language="en", order=1, topic=water)
    MenuItem.objects.create(language="en", order=2, country=peru, label="Peru desk")
    MenuItem.objects.create(language="en", order=4, index=MenuItem.Index.COUNTRIES)
    MenuItem.objects.create(language="es", order=1, section=section)
    MenuItem.objects.create(language="es", order=2, country=peru)

    english = links_in(client.get("/en/").text, "site-menu-wide")
    assert english == [
        ("/en/topic/water/", "Water"),
        ("/en/country/peru/", "Peru desk"),
        ("/en/page/about/", "About us"),
        ("/en/countries/", "All countries"),
    ]
    # The phone menu lists the same items.
    assert links_in(client.get("/en/").text, "site-menu-phone") == english
    spanish = links_in(client.get("/es/").text, "site-menu-wide")
    assert spanish == [("/es/section/news/", "Noticias"), ("/es/country/peru/", "Perú")]


def test_the_phone_menu_is_a_details_disclosure(client):
    MenuItem.objects.create(language="en", order=1, index=MenuItem.Index.TOPICS)
    html = client.get("/en/").text
    assert '<details class="site-menu-phone">' in html
    assert "<summary>Menu</summary>" in html


def test_no_menu_items_no_menu(client):
    assert 'class="site-menu"' not in client.get("/en/").text


def test_a_menu_item_of_a_draft_page_waits_for_its_publication(client):
    page = make_page("Jobs", status=Page.Status.DRAFT)
    MenuItem.objects.create(language="en", page=page)
    assert links_in(client.get("/en/").text, "site-menu-wide") == []
    page.status = Page.Status.PUBLISHED
    page.save()
    assert links_in(client.get("/en/").text, "site-menu-wide") == [
        ("/en/page/jobs/", "Jobs")
    ]


def test_editing_the_menu_in_the_admin_shows_at_once_on_cached_pages(
    admin_client, client
):
    item = MenuItem.objects.create(language="en", index=MenuItem.Index.TOPICS)
    assert "All topics" in client.get("/en/").text  # now in the page cache
    url = reverse("admin:pages_menuitem_change", args=[item.pk])
    response = admin_client.post(
        url, {"language": "en", "order": "1", "label": "Topics A–Z", "index": "topics"}
    )
    assert response.status_code == 302
    assert "Topics A–Z" in client.get("/en/").text


@pytest.mark.parametrize(
    "targets",
    [{}, {"index": "topics", "label": "Two"}],
    ids=["none", "two"],
)
def test_a_menu_item_links_to_exactly_one_thing(admin_client, targets):
    topic = make_topic("Water")
    data = {"language": "en", "order": "1", "label": "", **targets}
    if targets:
        data["topic"] = topic.pk
    response = admin_client.post(reverse("admin:pages_menuitem_add"), data)
    assert response.status_code == 200
    assert "Choose exactly one thing to link to" in response.text
    assert not MenuItem.objects.exists()


def test_a_menu_item_refuses_a_page_of_the_other_language(admin_client):
    page = make_page("Acerca", language="es")
    response = admin_client.post(
        reverse("admin:pages_menuitem_add"),
        {"language": "en", "order": "1", "page": page.pk},
    )
    assert response.status_code == 200
    assert "Choose a page in the menu item" in response.text


# Country and topic indexes


def test_the_country_index_counts_published_briefs_in_the_language(client):
    peru = make_country("Peru", name_es="Perú")
    chile = make_country("Chile")
    make_country("Bolivia")
    make_brief("One", countries=[peru])
    make_brief("Two", countries=[peru, chile])
    make_brief("Draft", countries=[peru], published=False)
    make_brief("Later", countries=[peru], when=timezone.now() + timedelta(days=1))
    make_brief("Uno", countries=[peru], language="es")

    response = client.get("/en/countries/")
    assert response.status_code == 200
    rows = [tag for tag in response.context["tags"]]
    assert [(tag.name, tag.brief_count) for tag in rows] == [
        ("Bolivia", 0),
        ("Chile", 1),
        ("Peru", 2),
    ]
    assert links_in(response.text, "tag-index") == [
        ("/en/country/chile/", "Chile"),
        ("/en/country/peru/", "Peru"),
    ]
    assert "2 briefs" in response.text and "1 brief<" in response.text

    spanish = client.get("/es/countries/")
    assert [(tag.display_name, tag.brief_count) for tag in spanish.context["tags"]] == [
        ("Bolivia", 0),
        ("Chile", 0),
        ("Perú", 1),
    ]


def test_the_topic_index_lists_every_topic(client):
    water = make_topic("Water")
    make_topic("Mining")
    make_brief(topics=[water])
    response = client.get("/en/topics/")
    assert [(tag.name, tag.brief_count) for tag in response.context["tags"]] == [
        ("Mining", 0),
        ("Water", 1),
    ]
    assert response.context["archive_kind"] == "topic"


def test_the_index_makes_the_same_queries_for_any_number_of_tags(
    client, django_assert_num_queries, settings
):
    settings.NEWSROOM_PAGE_CACHE = False
    make_brief(countries=[make_country()])
    # Warm, the page is one query: the tags with their counts.
    client.get("/en/countries/")
    with django_assert_num_queries(1):
        client.get("/en/countries/")
    for _number in range(10):
        make_brief(countries=[make_country(), make_country()])
    client.get("/en/countries/")
    with django_assert_num_queries(1):
        client.get("/en/countries/")


# Pages


def test_a_page_shows_its_sanitised_text_and_links_its_translation(client):
    about = make_page(
        "About us", slug="about", body="<p>We <strong>report</strong>.</p>"
    )
    acerca = make_page(
        "Quiénes somos", slug="acerca-de", language="es", translation_of=about
    )
    response = client.get("/en/page/about/")
    assert response.status_code == 200
    assert "<h1>About us</h1>" in response.text
    assert "<p>We <strong>report</strong>.</p>" in response.text
    translation_links = links_in(response.text, "translation-link")
    assert translation_links == [("/es/page/acerca-de/", "Leer en español")]
    # The language switch goes to the translation, not to /es/page/about/.
    assert ("/es/page/acerca-de/", "Español") in links_in(response.text, "site-nav")
    assert 'hreflang="es" href="http://testserver/es/page/acerca-de/"' in response.text
    assert (
        'hreflang="x-default" href="http://testserver/en/page/about/"' in response.text
    )
    spanish = client.get(acerca.get_absolute_url())
    assert links_in(spanish.text, "translation-link") == [
        ("/en/page/about/", "Read in English")
    ]


def test_a_page_makes_two_queries_once_the_menu_and_footer_are_cached(
    client, django_assert_num_queries, settings
):
    settings.NEWSROOM_PAGE_CACHE = False
    about = make_page("About us", slug="about")
    make_page("Acerca", language="es", translation_of=about)
    MenuItem.objects.create(language="en", page=about)
    client.get("/en/page/about/")
    # The page with its original, then its translations.
    with django_assert_num_queries(2):
        assert client.get("/en/page/about/").status_code == 200


def test_a_draft_translation_is_not_linked(client):
    about = make_page("About us", slug="about")
    make_page("Acerca", language="es", translation_of=about, status=Page.Status.DRAFT)
    html = client.get("/en/page/about/").text
    assert links_in(html, "translation-link") == []
    assert "/es/page/acerca/" not in html


@pytest.mark.parametrize(
    "path",
    ["/en/page/draft/", "/en/page/nowhere/", "/es/page/about/", "/en/page/Not a slug/"],
)
def test_drafts_unknown_slugs_and_other_languages_pages_are_404(client, path):
    make_page("About", slug="about")
    make_page("Draft", status=Page.Status.DRAFT)
    assert client.get(path).status_code == 404


def test_pages_are_in_the_sitemap_with_their_translations(client):
    about = make_page("About us", slug="about")
    make_page("Acerca", slug="acerca", language="es", translation_of=about)
    make_page("Draft", status=Page.Status.DRAFT)
    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [entry.find("s:loc", NS).text for entry in index]
    assert "http://testserver/sitemap-pages.xml" in locations
    root = ET.fromstring(client.get("/sitemap-pages.xml").content)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    assert entries.keys() == {
        "http://testserver/en/page/about/",
        "http://testserver/es/page/acerca/",
    }
    assert entries["http://testserver/es/page/acerca/"] == {
        "en": "http://testserver/en/page/about/",
        "es": "http://testserver/es/page/acerca/",
        "x-default": "http://testserver/en/page/about/",
    }


def page_form(**fields):
    return {
        "title": "Corrections policy",
        "slug": "corrections",
        "language": "en",
        "summary": "",
        "body": "<p>We correct errors.</p>",
        "status": "published",
        "role": "",
        "in_footer": "on",
        "order": "0",
        **fields,
    }


def test_the_admin_creates_a_page_that_shows_on_the_site(admin_client, client):
    response = admin_client.post(
        reverse("admin:pages_page_add"),
        page_form(body="<p>We correct errors.</p><script>alert(1)</script>"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = Page.objects.get()
    assert page.body == "<p>We correct errors.</p>"
    html = client.get("/en/page/corrections/").text
    assert "We correct errors." in html and "alert(1)" not in html
    assert ("/en/page/corrections/", "Corrections policy") in links_in(
        html, "footer-pages"
    )


def test_the_admin_refuses_pasted_html_the_sanitiser_would_cut(admin_client):
    pasted = "<p>One.</p><p>Two.</p><!-- <p>Three.</p>"
    response = admin_client.post(
        reverse("admin:pages_page_add"), page_form(body=pasted)
    )
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors["body"]
    assert "cut after paragraph 2, at an unclosed <!-- comment" in error
    assert response.context["adminform"].form["body"].value() == pasted
    assert not Page.objects.exists()


def test_the_admin_refuses_a_second_page_with_the_same_role(admin_client):
    make_page("Donate", role=Page.Role.DONATE)
    response = admin_client.post(
        reverse("admin:pages_page_add"), page_form(role=Page.Role.DONATE)
    )
    assert response.status_code == 200
    assert "already has this role" in response.text
    # The other language may have its own.
    response = admin_client.post(
        reverse("admin:pages_page_add"),
        page_form(language="es", slug="dona", role=Page.Role.DONATE),
    )
    assert response.status_code == 302


def test_the_admin_refuses_a_translation_in_the_same_language(admin_client):
    original = make_page("About", slug="about")
    response = admin_client.post(
        reverse("admin:pages_page_add"), page_form(translation_of=original.pk)
    )
    assert response.status_code == 200
    assert "A translation must be in another language." in response.text


def test_editing_a_page_shows_at_once_on_cached_pages(admin_client, client):
    page = make_page("About us", slug="about")
    assert "Text of About us" in client.get("/en/page/about/").text
    url = reverse("admin:pages_page_change", args=[page.pk])
    response = admin_client.post(
        url, page_form(title="About us", slug="about", body="<p>New text.</p>")
    )
    assert response.status_code == 302
    assert "New text." in client.get("/en/page/about/").text


# The footer


def test_the_footer_has_about_pages_donate_feeds_license_and_social_links(client):
    publication = Publication.load()
    publication.tagline = "Short, sourced news."
    publication.mastodon_url = "https://mastodon.example/@news"
    publication.x_url = "https://x.example/news"
    publication.save()
    about = make_page("About us", role=Page.Role.ABOUT, order=1)
    make_page("Privacy", role=Page.Role.PRIVACY, order=3)
    make_page("Republishing guidelines", role=Page.Role.REPUBLISHING, order=2)
    make_page("Donate", role=Page.Role.DONATE, in_footer=False)
    make_page("Old page", in_footer=False)
    make_page("Jobs", status=Page.Status.DRAFT)
    make_page("Acerca", language="es", translation_of=about)

    html = client.get("/en/").text
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert "Short, sourced news." in footer
    assert links_in(footer, "footer-pages") == [
        (about.get_absolute_url(), "About us"),
        ("/en/page/republishing-guidelines/", "Republishing guidelines"),
        ("/en/page/privacy/", "Privacy"),
    ]
    # The donate page is the footer's button, in or out of the list.
    assert links_in(footer, "footer-about") == [("/en/page/donate/", "Donate")]
    assert '<a class="button footer-donate" href="/en/page/donate/">' in footer
    feeds = links_in(footer, "footer-feeds")
    assert ("/en/feed/", "Latest briefs") in feeds
    assert ("/en/feed/republish/", "Republish feed") in feeds
    assert ("/en/page/republishing-guidelines/", "Republishing guidelines") in feeds
    assert "the republish feed carries our briefs in full" in footer
    assert (
        'published under a <a href="https://creativecommons.org/licenses/by-nc/3.0/">'
        "Creative Commons Attribution-NonCommercial 3.0</a> license" in footer
    )
    assert links_in(footer, "footer-social") == [
        ("https://mastodon.example/@news", "Mastodon"),
        ("https://x.example/news", "X"),
    ]
    assert 'href="https://mastodon.example/@news" rel="me"' in footer
    assert "Old page" not in footer and "Jobs" not in footer and "Acerca" not in footer


def test_an_about_page_left_out_of_the_list_is_linked_by_the_about_line(client):
    make_page("Who we are", slug="who", role=Page.Role.ABOUT, in_footer=False)
    footer = client.get("/en/").text.split('<footer class="site-footer">', 1)[1]
    assert links_in(footer, "footer-about") == [("/en/page/who/", "Who we are")]


def test_the_spanish_footer_links_the_spanish_pages(client):
    make_page("About us", slug="about", role=Page.Role.ABOUT)
    make_page("Quiénes somos", slug="quienes-somos", language="es")
    footer = client.get("/es/").text.split('<footer class="site-footer">', 1)[1]
    assert links_in(footer, "footer-pages") == [
        ("/es/page/quienes-somos/", "Quiénes somos")
    ]


def test_a_publication_without_social_links_or_pages_has_a_plain_footer(client):
    footer = client.get("/en/").text.split('<footer class="site-footer">', 1)[1]
    assert 'class="footer-social"' not in footer
    assert 'class="footer-pages"' not in footer
    assert "/en/feed/republish/" in footer


def test_an_all_rights_reserved_default_license_says_so(client):
    from newsroom.licensing.models import License

    publication = Publication.load()
    publication.default_license = License.objects.get(slug="all-rights-reserved")
    publication.save()
    footer = client.get("/en/").text.split('<footer class="site-footer">', 1)[1]
    assert "Unless a brief says otherwise, all rights reserved." in footer


def test_social_links_are_set_in_the_publication_admin(admin_client):
    publication = Publication.load()
    url = reverse("admin:publication_publication_change", args=[publication.pk])
    page = admin_client.get(url)
    assert 'name="bluesky_url"' in page.text
    data = {
        "name": publication.name,
        "analysis_heading": publication.analysis_heading,
        "analysis_heading_es": publication.analysis_heading_es,
        "comment_prompt": publication.comment_prompt,
        "comment_prompt_es": publication.comment_prompt_es,
        "default_license": publication.default_license_id,
        "related_count": "3",
        "bluesky_url": "not a link",
    }
    for bad in ("not a link", "javascript:alert(1)", "ftp://files.example/x"):
        response = admin_client.post(url, {**data, "bluesky_url": bad})
        assert response.status_code == 200, bad
        assert "bluesky_url" in response.context["adminform"].form.errors
    response = admin_client.post(url, {**data, "bluesky_url": "https://bsky.example/x"})
    assert response.status_code == 302
    assert Publication.load().social_links == [("Bluesky", "https://bsky.example/x")]


# The demo


def test_the_demo_has_linked_pages_a_menu_and_social_links(client):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    call_command("loaddemo", stdout=open("/dev/null", "w"))  # idempotent
    roles = {role for role in Page.Role.values if role}
    for language in ("en", "es"):
        pages = Page.objects.published().filter(language=language)
        assert {page.role for page in pages} >= roles
    for page in Page.objects.filter(language="es"):
        assert page.translation_of is not None
        assert page.translation_of.role == page.role
        assert client.get(page.get_absolute_url()).status_code == 200
    assert (
        MenuItem.objects.filter(language="en").count()
        == MenuItem.objects.filter(language="es").count()
        >= 5
    )
    about = Page.objects.get(language="en", role=Page.Role.ABOUT)
    license = Publication.load().default_license
    assert license.slug == "cc-by-nc-3-0"
    assert "Attribution-NonCommercial 3.0" in about.body
    assert Publication.load().social_links
    html = client.get("/es/countries/").text
    assert "Perú" in html
    assert Brief.objects.exists()
