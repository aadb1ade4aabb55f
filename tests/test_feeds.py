"""RSS and Atom feeds, and the license-attribution feed for republishers."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.licensing.attribution import republish_html
from newsroom.licensing.models import License
from newsroom.publication.models import Publication
from tests.factories import (
    make_author,
    make_brief,
    make_country,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db

CC_LICENSE = "{http://backend.userland.com/creativeCommonsRssModule}license"
NC_DEED = "https://creativecommons.org/licenses/by-nc/3.0/"


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed, response


@pytest.fixture
def tagged():
    """A published brief with two authors, a country and a topic."""
    return make_brief(
        "Lithium permits suspended",
        slug="lithium-permits",
        authors=[make_author("Rosa Mamani"), make_author("Luis Vega")],
        countries=[make_country("Bolivia", slug="bolivia")],
        topics=[make_topic("Mining", slug="mining")],
        section=make_section(slug="news", name="News"),
    )


FEEDS = [
    "/en/feed/",
    "/en/feed/atom/",
    "/en/feed/republish/",
    "/en/country/bolivia/feed/",
    "/en/topic/mining/feed/",
    "/en/author/rosa-mamani/feed/",
    "/en/section/news/feed/",
    "/es/feed/",
    "/es/feed/republish/",
]


@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_parses_cleanly_and_lists_the_brief(client, tagged, path):
    feed, response = parse(client, path)
    assert not response.cookies
    if path.startswith("/es/"):
        assert feed.entries == []
        assert feed.feed.language == "es"
    else:
        assert [entry.title for entry in feed.entries] == [tagged.title]
        assert feed.feed.language == "en"


@pytest.mark.parametrize(
    "path",
    [
        "/en/country/nowhere/feed/",
        "/en/topic/nothing/feed/",
        "/en/author/nobody/feed/",
        "/en/section/none/feed/",
        "/fr/feed/",
    ],
)
def test_feeds_of_unknown_archives_are_404(client, path):
    assert client.get(path).status_code == 404


def test_license_feed_entries_carry_license_authors_and_full_attributed_text(
    client, tagged
):
    feed, _response = parse(client, "/en/feed/republish/")
    assert "Republish" in feed.feed.title
    assert feed.feed.license == NC_DEED
    (entry,) = feed.entries
    original = "http://testserver/en/briefs/lithium-permits/"
    assert entry.license == NC_DEED
    assert [author.name for author in entry.authors] == ["Rosa Mamani", "Luis Vega"]
    assert entry.link == original
    assert entry.id == original
    assert entry.summary == tagged.summary
    assert {tag.term for tag in entry.tags} == {"Bolivia", "Mining"}
    assert entry.published_parsed is not None
    assert "CC BY-NC 3.0" in entry.rights or "NonCommercial" in entry.rights
    content = entry.content[0].value
    first_line, *_middle, footer, pixel = content.splitlines()
    assert f'<a href="{original}">Newsroom</a>' in first_line
    assert f'<a href="{original}">Newsroom</a>' in footer
    assert NC_DEED in footer
    assert f"/r/{tagged.pk}.gif" in pixel
    assert "Newsroom Analysis" in content


def test_license_feed_content_is_exactly_the_republish_html(client, tagged):
    response = client.get("/en/feed/republish/")
    root = ET.fromstring(response.content)
    assert root.find("channel/" + CC_LICENSE).text == NC_DEED
    self_link = root.find("channel/{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == "http://testserver/en/feed/republish/"
    item = root.find("channel/item")
    encoded = item.find("{http://purl.org/rss/1.0/modules/content/}encoded").text
    assert encoded == republish_html(tagged, "http://testserver")
    assert item.find("guid").get("isPermaLink") == "true"
    assert item.find(CC_LICENSE).text == NC_DEED
    creators = item.findall("{http://purl.org/dc/elements/1.1/}creator")
    assert [creator.text for creator in creators] == ["Rosa Mamani", "Luis Vega"]
    assert item.find("{http://purl.org/dc/elements/1.1/}rights") is not None


def test_license_feed_leaves_out_drafts_future_and_non_republishable_briefs(client):
    make_brief("Open brief")
    make_brief("Draft brief", published=False)
    make_brief("Future brief", when=timezone.now() + timedelta(days=1))
    make_brief("Closed brief", license=License.objects.get(slug="all-rights-reserved"))
    make_brief("Spanish brief", language="es")
    feed, _response = parse(client, "/en/feed/republish/")
    assert [entry.title for entry in feed.entries] == ["Open brief"]
    latest, _response = parse(client, "/en/feed/")
    assert {entry.title for entry in latest.entries} == {"Open brief", "Closed brief"}


def test_each_entry_reports_its_own_license(client):
    make_brief("Attribution only", license=License.objects.get(slug="cc-by-4-0"))
    make_brief("No derivatives", license=License.objects.get(slug="cc-by-nc-nd-4-0"))
    feed, _response = parse(client, "/en/feed/republish/")
    licenses = {entry.title: entry.license for entry in feed.entries}
    assert licenses == {
        "Attribution only": "https://creativecommons.org/licenses/by/4.0/",
        "No derivatives": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    }


def test_atom_entries_link_their_license(client, tagged):
    make_brief("Closed brief", license=License.objects.get(slug="all-rights-reserved"))
    feed, _response = parse(client, "/en/feed/atom/")
    by_title = {entry.title: entry for entry in feed.entries}
    links = {link.rel: link.href for link in by_title[tagged.title].links}
    assert links["license"] == NC_DEED
    assert links["alternate"] == "http://testserver/en/briefs/lithium-permits/"
    assert [author.name for author in by_title[tagged.title].authors] == [
        "Rosa Mamani",
        "Luis Vega",
    ]
    assert "license" not in {link.rel for link in by_title["Closed brief"].links}


def test_archive_feeds_list_only_their_briefs(client, tagged):
    make_brief("Elsewhere", countries=[make_country("Peru", slug="peru")])
    feed, _response = parse(client, "/en/country/bolivia/feed/")
    assert [entry.title for entry in feed.entries] == [tagged.title]
    assert feed.feed.link == "http://testserver/en/country/bolivia/"
    feed, _response = parse(client, "/en/country/peru/feed/")
    assert [entry.title for entry in feed.entries] == ["Elsewhere"]


def test_spanish_feeds_list_spanish_briefs(client):
    make_brief("In English")
    make_brief("En español", slug="en-espanol", language="es")
    feed, _response = parse(client, "/es/feed/")
    assert [entry.title for entry in feed.entries] == ["En español"]
    assert feed.entries[0].link == "http://testserver/es/briefs/en-espanol/"
    republish, _response = parse(client, "/es/feed/republish/")
    content = republish.entries[0].content[0].value
    assert "Este artículo se publicó originalmente en" in content
    assert "Creative Commons Atribución-NoComercial 3.0" in republish.entries[0].rights
    english, _response = parse(client, "/en/feed/republish/")
    assert "Attribution-NonCommercial 3.0" in english.entries[0].rights


def test_titles_with_markup_stay_text(client):
    make_brief('AT&T < "more"', slug="markup", summary="Less <b>than</b> & more")
    feed, _response = parse(client, "/en/feed/")
    assert feed.entries[0].title == 'AT&T < "more"'
    assert feed.entries[0].summary == "Less &lt;b&gt;than&lt;/b&gt; &amp; more"
    atom, _response = parse(client, "/en/feed/atom/")
    assert atom.entries[0].title == 'AT&T < "more"'


@pytest.mark.parametrize("path", ["/en/feed/", "/en/country/chile/feed/"])
def test_channel_and_item_descriptions_are_escaped_the_same_way(client, path):
    """The channel's description went out as HTML markup, the items' as text."""
    publication = Publication.load()
    publication.name = "Ríos & <Lagos>"
    publication.tagline = "Rivers & <b>lakes</b>"
    publication.save()
    make_brief(
        "Salt", summary="Salt & <b>vinegar</b>", countries=[make_country("Chile")]
    )
    feed, response = parse(client, path)
    channel = ET.fromstring(response.content).find("channel")
    item = channel.find("item")
    # Both descriptions hold HTML: text and its markup characters escaped once.
    assert item.findtext("description") == "Salt &amp; &lt;b&gt;vinegar&lt;/b&gt;"
    described = channel.findtext("description")
    assert "<" not in described and "&amp; &lt;" in described
    assert feed.entries[0].summary == "Salt &amp; &lt;b&gt;vinegar&lt;/b&gt;"
    assert "<b>" not in feed.feed.subtitle and "&lt;" in feed.feed.subtitle


def test_the_atom_subtitle_stays_text(client):
    publication = Publication.load()
    publication.tagline = "Rivers & <b>lakes</b>"
    publication.save()
    make_brief("Salt")
    feed, response = parse(client, "/en/feed/atom/")
    assert feed.feed.subtitle == "Rivers & <b>lakes</b>"
    assert b"<subtitle>Rivers &amp; &lt;b&gt;lakes&lt;/b&gt;</subtitle>" in (
        response.content
    )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", FEEDS[:7])
def test_feed_query_count_does_not_grow_with_items(
    client, path, django_assert_max_num_queries
):
    rosa = make_author("Rosa Mamani")
    bolivia, mining = make_country("Bolivia"), make_topic("Mining")
    section = make_section(slug="news", name="News")

    def add_briefs(count):
        for _ in range(count):
            make_brief(
                authors=[rosa, make_author()],
                countries=[bolivia, make_country()],
                topics=[mining],
                section=section,
            )

    add_briefs(1)
    one = count_queries(client, path)
    add_briefs(19)
    with django_assert_max_num_queries(one):
        response = client.get(path)
    assert len(feedparser.parse(response.content).entries) == 20


@pytest.mark.parametrize(
    "path, feed",
    [
        ("/en/country/bolivia/", "/en/country/bolivia/feed/"),
        ("/en/topic/mining/", "/en/topic/mining/feed/"),
        ("/en/author/rosa-mamani/", "/en/author/rosa-mamani/feed/"),
        ("/en/section/news/", "/en/section/news/feed/"),
    ],
)
def test_archive_pages_link_their_feed(client, tagged, path, feed):
    head = client.get(path).text.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Newsroom: '
    ) in head
    assert f'href="{feed}"' in head
