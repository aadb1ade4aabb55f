"""sitemap.xml, the Google News sitemap and robots.txt."""

import io
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from briefs.models import Brief
from briefs.sitemaps import ArchiveSitemap, BriefSitemap, latest_changes
from newsroom.cache import content_changed
from tests.factories import make_author, make_brief, make_country, make_topic

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
BASE = "http://testserver"


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert not response.cookies
    return ET.fromstring(response.content)


def urls(client, path):
    root = fetch(client, path)
    return {url.find("s:loc", NS).text: url for url in root.findall("s:url", NS)}


def index(client):
    """The sitemap index's entries: ``[(location, lastmod), ...]``.

    The lastmod is None for a sitemap with nothing in it (no pages yet).
    """
    root = fetch(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [
        (
            entry.find("s:loc", NS).text,
            getattr(entry.find("s:lastmod", NS), "text", None),
        )
        for entry in root.findall("s:sitemap", NS)
    ]


def sitemap_urls(client):
    """Every URL of every sitemap the index lists, each listed once."""
    found = {}
    for location, _lastmod in index(client):
        assert location.startswith(BASE)
        page = urls(client, location.removeprefix(BASE))
        assert not found.keys() & page.keys()
        found.update(page)
    return found


def test_sitemap_lists_published_briefs_with_lastmod(client):
    brief = make_brief("Visible", slug="visible")
    make_brief("Draft", slug="draft", published=False)
    make_brief("Future", slug="future", when=timezone.now() + timedelta(days=1))
    found = sitemap_urls(client)
    assert f"{BASE}/en/briefs/visible/" in found
    assert f"{BASE}/en/briefs/draft/" not in found
    assert f"{BASE}/en/briefs/future/" not in found
    lastmod = found[f"{BASE}/en/briefs/visible/"].find("s:lastmod", NS).text
    assert lastmod == brief.updated_at.date().isoformat()


def test_sitemap_links_translations_with_hreflang(client):
    original = make_brief("Original", slug="original")
    make_brief("Traducción", slug="traduccion", language="es", translation_of=original)
    make_brief("Alone", slug="alone")
    found = sitemap_urls(client)
    expected = {
        "en": f"{BASE}/en/briefs/original/",
        "es": f"{BASE}/es/briefs/traduccion/",
        "x-default": f"{BASE}/en/briefs/original/",
    }
    for location in (expected["en"], expected["es"]):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in found[location].findall("xhtml:link", NS)
        }
        assert alternates == expected
    assert found[f"{BASE}/en/briefs/alone/"].findall("xhtml:link", NS) == []


def test_a_draft_translation_gets_no_hreflang(client):
    original = make_brief("Original", slug="original")
    make_brief(
        "Borrador",
        slug="borrador",
        language="es",
        translation_of=original,
        published=False,
    )
    found = sitemap_urls(client)
    assert found[f"{BASE}/en/briefs/original/"].findall("xhtml:link", NS) == []


def test_sitemap_lists_home_pages_and_archives_with_published_briefs(client):
    make_brief(
        "Tagged",
        authors=[make_author("Rosa Mamani", slug="rosa-mamani")],
        countries=[make_country("Bolivia", slug="bolivia")],
        topics=[make_topic("Mining", slug="mining")],
    )
    make_brief("Hidden", published=False, countries=[make_country("Peru", slug="peru")])
    found = sitemap_urls(client)
    for path in [
        "/en/",
        "/es/",
        "/en/country/bolivia/",
        "/en/topic/mining/",
        "/en/author/rosa-mamani/",
        "/en/section/news/",
    ]:
        assert BASE + path in found, path
    assert f"{BASE}/en/country/peru/" not in found
    assert f"{BASE}/es/country/bolivia/" not in found
    assert found[f"{BASE}/en/country/bolivia/"].find("s:lastmod", NS) is not None


def test_an_archives_lastmod_is_its_latest_published_change_per_language(
    client, django_assert_num_queries
):
    bolivia = make_country("Bolivia", slug="bolivia")
    english = make_brief("English", countries=[bolivia])
    spanish = make_brief("Español", language="es", countries=[bolivia])
    draft = make_brief("Borrador", language="es", published=False, countries=[bolivia])
    scheduled = make_brief(
        "Programado",
        language="es",
        countries=[bolivia],
        when=timezone.now() + timedelta(hours=2),
    )
    now = timezone.now().replace(microsecond=0)
    changed = {
        english: now - timedelta(days=3),
        spanish: now - timedelta(days=2),
        # Later, but not public: they do not count.
        draft: now - timedelta(days=1),
        scheduled: now - timedelta(hours=1),
    }
    for brief, when in changed.items():
        Brief.objects.filter(pk=brief.pk).update(updated_at=when)
    content_changed()  # update() sends no signal
    # One pass over the briefs per kind of archive, every language at once.
    with django_assert_num_queries(len(ArchiveSitemap.archives)):
        ArchiveSitemap().find_archives()

    found = sitemap_urls(client)

    def lastmod(path):
        return found[BASE + path].find("s:lastmod", NS).text

    def day(brief):  # a URL's lastmod is a date
        return timezone.localtime(changed[brief]).date().isoformat()

    assert lastmod("/en/country/bolivia/") == day(english)
    assert lastmod("/es/country/bolivia/") == day(spanish)
    assert lastmod("/en/section/news/") == day(english)
    assert lastmod("/es/section/news/") == day(spanish)


def test_news_sitemap_lists_the_last_two_days(client):
    make_brief("Fresh news", slug="fresh")
    make_brief("Old news", slug="old", when=timezone.now() - timedelta(days=3))
    make_brief("Not yet", slug="not-yet", when=timezone.now() + timedelta(hours=2))
    found = urls(client, "/news-sitemap.xml")
    assert list(found) == [f"{BASE}/en/briefs/fresh/"]
    news = found[f"{BASE}/en/briefs/fresh/"].find("news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "Newsroom"
    assert news.find("news:publication/news:language", NS).text == "en"
    assert news.find("news:title", NS).text == "Fresh news"
    published = Brief.objects.get(slug="fresh").published_at
    assert news.find("news:publication_date", NS).text.startswith(
        published.date().isoformat()
    )


def test_news_sitemap_escapes_titles(client):
    make_brief('Mining & "water" <rights>', slug="escaped")
    response = client.get("/news-sitemap.xml")
    root = ET.fromstring(response.content)
    assert root.find(".//news:title", NS).text == 'Mining & "water" <rights>'


def test_robots_txt_points_to_both_sitemaps(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert not response.cookies


@pytest.mark.parametrize("page", ["abc", "0", "99999", "-1", "2"])
def test_sitemap_pages_that_do_not_exist_are_404(client, page):
    make_brief("Something")
    assert client.get("/sitemap-briefs.xml", {"p": page}).status_code == 404


@pytest.mark.parametrize("path", ["/sitemap-nothing.xml", "/sitemap-.xml"])
def test_unknown_sitemaps_are_404(client, path):
    assert client.get(path).status_code == 404


def test_the_index_lists_every_page_of_a_large_archive(client, monkeypatch):
    monkeypatch.setattr(BriefSitemap, "limit", 2)
    briefs = [
        make_brief(f"Brief {number}", slug=f"brief-{number}") for number in range(5)
    ]
    entries = index(client)
    assert [location for location, _lastmod in entries] == [
        f"{BASE}/sitemap-home.xml",
        f"{BASE}/sitemap-briefs.xml",
        f"{BASE}/sitemap-briefs.xml?p=2",
        f"{BASE}/sitemap-briefs.xml?p=3",
        f"{BASE}/sitemap-archives.xml",
        f"{BASE}/sitemap-pages.xml",
    ]
    latest = max(brief.updated_at for brief in briefs)
    # The pages' sitemap is empty here: no lastmod.
    assert {lastmod for _location, lastmod in entries} == {latest.isoformat(), None}
    found = sitemap_urls(client)
    for number in range(5):
        assert f"{BASE}/en/briefs/brief-{number}/" in found
    assert client.get("/sitemap-briefs.xml", {"p": 4}).status_code == 404


def test_the_index_costs_the_same_few_queries_for_any_number_of_briefs(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    make_brief("First", countries=[make_country("Chile")])
    few = queries()
    for number in range(20):
        make_brief(f"More {number}", countries=[make_country(f"Country {number}")])
    assert queries() == few <= 16


def test_the_latest_change_is_read_from_an_index():
    """The sitemap index's lastmod is the first entry of ``brief_updated``,
    not a pass over every brief. (The home pages' per-language lastmod is read
    the same way on PostgreSQL; SQLite sorts that language's briefs, once per
    content version.)"""
    if connection.vendor == "postgresql":
        # PostgreSQL reads a table of a few rows whole: give it an archive.
        call_command("loaddemo", briefs=2000, stdout=io.StringIO())
    brief = make_brief("Changed last")
    assert latest_changes().first() == brief.updated_at
    plan = latest_changes()[:1].explain()
    if connection.vendor == "postgresql":
        assert "Index Scan Backward using brief_updated" in plan, plan
        assert "Sort" not in plan, plan
    else:
        assert "USING INDEX brief_updated" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


def test_a_page_of_briefs_costs_the_same_few_queries_for_any_number_of_briefs(
    client, settings
):
    """The count, the page's briefs with their originals, their translations."""
    settings.NEWSROOM_PAGE_CACHE = False

    def queries():
        client.get("/sitemap-briefs.xml")  # Warms the publication, the page state.
        with CaptureQueriesContext(connection) as captured:
            page = urls(client, "/sitemap-briefs.xml")
        return len(page), len(captured)

    def add_story(number):
        original = make_brief(f"Story {number}", slug=f"story-{number}")
        make_brief(
            f"Historia {number}",
            slug=f"historia-{number}",
            language="es",
            translation_of=original,
        )

    add_story(0)
    make_brief("Alone", slug="alone")
    entries, few = queries()
    assert entries == 3
    for number in range(1, 21):
        add_story(number)
    entries, many = queries()
    assert entries == 43
    assert many == few == 3


def test_a_sitemap_page_reads_briefs_without_their_text(client):
    original = make_brief("Original", slug="original", news="<p>Long news</p>")
    make_brief("Traducción", slug="traduccion", language="es", translation_of=original)
    with CaptureQueriesContext(connection) as captured:
        page = urls(client, "/sitemap-briefs.xml")
    assert len(page) == 2
    brief_queries = [q["sql"] for q in captured if "briefs_brief" in q["sql"]]
    assert brief_queries
    for sql in brief_queries:
        for column in ("news", "analysis", "search_vector", "summary"):
            assert f'."{column}"' not in sql, sql
