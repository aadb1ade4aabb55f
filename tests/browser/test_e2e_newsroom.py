"""A brief's whole life in chromium, under the site's real Content-Security-Policy.

A contributor writes a brief with both sections and submits it for review; an
editor reviews it, restores an earlier revision and publishes it; a reader
reads it, votes, clicks the donation button and copies the republish HTML;
the brief then appears in the license-attribution feed.
"""

import urllib.request

import feedparser
import pytest
from django.db.models import Sum
from django.urls import reverse
from django.utils import translation

from briefs.models import Brief
from newsroom.feedback.models import Vote
from newsroom.fundraising.models import DonationClick
from newsroom.publication.models import Publication
from tests.browser.helpers import type_into_editor
from tests.factories import (
    make_contributor,
    make_editor,
    make_license,
    make_prompt,
    make_section,
)

pytestmark = pytest.mark.django_db(transaction=True)

DONATE_URL = "https://donate.example/give"
HEADLINE = "Glacier melt reaches the valley's wells"


@pytest.fixture
def newsroom(live_server):
    make_section(slug="news", name="News")
    publication = Publication.load_from_database()
    if publication.default_license is None:
        # A transactional test before this one emptied the seeded licenses.
        publication.default_license = make_license(name="CC BY-NC 4.0")
        publication.save()
    make_prompt(url=DONATE_URL, placement="end", button_label="Give today")
    make_contributor("carla", password="pw-carla-1234")
    make_editor("edna", password="pw-edna-12345")
    return live_server


@pytest.fixture
def context_for(browser):
    """New browser contexts (one per person), closed at the end of the test."""
    contexts = []

    def new_context(**options):
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, **options
        )
        contexts.append(context)
        return context

    yield new_context
    for context in contexts:
        context.close()


def log_in(page, base_url, username, password):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#login-form [type=submit]")
    page.wait_for_url(base_url + "/admin/")


def contributor_writes_and_submits(page, base_url):
    log_in(page, base_url, "carla", "pw-carla-1234")
    page.goto(base_url + reverse("admin:briefs_brief_add"))
    # Contributors cannot publish or schedule: the form does not offer it.
    assert page.locator("#id_status option").all_inner_texts() == [
        "Draft",
        "Ready for review",
    ]
    assert page.locator("#id_published_at_0").count() == 0
    assert page.locator("#id_license").count() == 0

    page.locator("#id_title").press_sequentially(HEADLINE)
    page.fill("#id_summary", "Wells in the lower valley rose with meltwater.")
    type_into_editor(
        page,
        "news",
        ["Three village wells rose by a metre.", "The water board is testing them."],
    )
    type_into_editor(page, "analysis", ["Meltwater is a loan, not a gift."])
    page.select_option("#id_section", label="News")
    page.select_option("#id_status", "review")
    page.click("[name=_save]")
    page.locator(".messagelist .success").wait_for()


def editor_reviews_restores_and_publishes(page, base_url, brief):
    log_in(page, base_url, "edna", "pw-edna-12345")
    review = page.locator("#dashboard-review")
    assert "1 brief ready for review" in review.inner_text()
    review.get_by_role("link", name=HEADLINE).click()

    # A careless edit, then the history: restore the contributor's version.
    page.fill("#id_title", "Wrong headline")
    page.click("[name=_continue]")
    page.locator(".messagelist .success").wait_for()
    page.get_by_role("link", name="History").click()
    page.wait_for_url("**/history/")
    rows = page.locator("#change-history tbody tr")
    assert rows.count() == 2
    rows.last.locator("a").click()
    diff = page.locator("#revision-diff")
    assert "Wrong headline" in diff.inner_text()
    assert HEADLINE in diff.inner_text()
    page.click("input[name=restore]")
    page.locator(".messagelist .success").wait_for()
    assert page.input_value("#id_title") == HEADLINE

    page.select_option("#id_status", "published")
    page.locator(".field-published_at .datetimeshortcuts a", has_text="Today").click()
    page.locator(".field-published_at .datetimeshortcuts a", has_text="Now").click()
    page.click("[name=_save]")
    page.locator(".messagelist .success").wait_for()
    brief.refresh_from_db()
    assert brief.is_public
    assert brief.title == HEADLINE


def reader_reads_votes_donates_and_republishes(context, base_url, brief):
    page = context.new_page()
    page.route(
        "https://donate.example/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Thank you</title>"
        ),
    )
    page.goto(base_url + brief.get_absolute_url())
    assert "Three village wells rose by a metre." in page.locator("#news").inner_text()
    assert "Meltwater is a loan" in page.locator("#analysis").inner_text()
    assert page.locator("h1").inner_text() == HEADLINE

    page.locator("#feedback button[value=yes]").click()
    page.locator("#feedback .feedback-status", has_text="Thank you").wait_for()
    assert Vote.objects.filter(brief=brief, helpful=True).count() == 1

    page.get_by_role("link", name="Give today").click()
    page.wait_for_url(DONATE_URL)
    clicks = DonationClick.objects.filter(brief=brief).aggregate(total=Sum("clicks"))
    assert clicks["total"] == 1

    page.goto(base_url + brief.get_absolute_url())
    page.locator("#republish").click()
    page.locator("h1", has_text="Republish this story").wait_for()
    page.locator("button[data-copy=republish-html]").click()
    page.locator("#republish-html-status", has_text="copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#republish-html")
    assert "Three village wells rose by a metre." in copied
    assert brief.get_absolute_url() in copied
    return copied


def test_a_brief_goes_from_contributor_to_editor_to_reader(newsroom, context_for):
    base_url = newsroom.url
    contributor_writes_and_submits(context_for().new_page(), base_url)
    brief = Brief.objects.get(title=HEADLINE)
    assert brief.status == Brief.Status.REVIEW
    assert [author.user.username for author in brief.authors.all()] == ["carla"]

    editor_reviews_restores_and_publishes(context_for().new_page(), base_url, brief)

    reader = context_for()
    reader.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    reader_reads_votes_donates_and_republishes(reader, base_url, brief)

    with translation.override("en"):
        feed_url = base_url + reverse("briefs:feed_republish")
    with urllib.request.urlopen(feed_url) as response:
        feed = feedparser.parse(response.read())
    assert feed.bozo == 0
    entry = next(entry for entry in feed.entries if entry.title == HEADLINE)
    assert entry.link.endswith(brief.get_absolute_url())
    content = entry.content[0].value
    assert "Three village wells rose by a metre." in content
    assert "Meltwater is a loan, not a gift." in content
