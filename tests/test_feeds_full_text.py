"""The publication chooses summary or full text in the latest-briefs feeds."""

import feedparser
import pytest

from newsroom.publication.models import Publication
from tests.factories import make_brief, make_pictured_brief

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed


def full_text(on):
    publication = Publication.load()
    publication.feed_full_text = on
    publication.save()


@pytest.fixture
def story():
    return make_pictured_brief(
        "Dams and rivers",
        news='<p>The news, <a href="/en/topic/water/">water</a>.</p>',
        analysis="<p>What it means.</p>",
    )


@pytest.mark.parametrize("path", ["/en/feed/", "/en/feed/atom/"])
def test_by_default_feeds_carry_the_summary_only(client, story, path):
    entry = parse(client, path).entries[0]
    assert entry.summary == "Summary of Dams and rivers."
    assert "content" not in entry


@pytest.mark.parametrize("path", ["/en/feed/", "/en/feed/atom/"])
def test_with_full_text_feeds_carry_news_analysis_and_image(client, story, path):
    full_text(True)
    entry = parse(client, path).entries[0]
    assert entry.summary == "Summary of Dams and rivers."
    html = entry.content[0].value
    assert "The news," in html and "What it means." in html
    assert story.get_analysis_heading() in html
    # Links work outside the site: absolute.
    assert 'href="http://testserver/en/topic/water/"' in html
    assert 'src="http://testserver/media/cache/' in html
    assert 'alt="A chart of river levels"' in html
    assert "River levels since 2010. Newsroom graphics" in html


def test_full_text_leaves_the_republish_feed_as_it_was(client, story):
    full_text(True)
    republish = parse(client, "/en/feed/republish/").entries[0]
    assert "republished-byline" in republish.content[0].value


def test_a_brief_without_analysis_has_no_analysis_heading(client):
    full_text(True)
    brief = make_brief("Short one", analysis="")
    html = parse(client, "/en/feed/").entries[0].content[0].value
    assert "<h2>" not in html
    assert f"News of {brief.title}." in html
