"""The republish page in a real browser: the copy button, valid HTML, accessibility."""

import importlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.licensing.models import License
from newsroom.publication.models import Publication
from newsroom.republishing.models import Republication
from tests.browser.helpers import (
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
)
from tests.factories import make_author, make_brief, make_country

pytestmark = pytest.mark.django_db(transaction=True)


def seed_licenses():
    """Recreate the seeded licenses and the publication's default license.

    Live-server tests run in flushed transactions, which drop the rows that the
    data migrations seeded.
    """
    seeded = importlib.import_module("newsroom.licensing.migrations.0002_seed_licenses")
    for data in seeded.LICENSES:
        License.objects.update_or_create(slug=data["slug"], defaults=data)
    publication = Publication.load()
    publication.default_license = License.objects.get(slug="cc-by-nc-3-0")
    publication.save()


@pytest.fixture
def brief():
    seed_licenses()
    return make_brief(
        "Lithium permits suspended",
        slug="lithium-permits",
        authors=[make_author("Rosa Mamani"), make_author("Luis Vega")],
        countries=[make_country("Bolivia")],
        news=(
            '<p>The ministry <a href="/en/topic/mining/">suspended</a> permits.</p>'
            "<ul><li>Three salt flats</li><li>Two companies</li></ul>"
        ),
        analysis="<p>The suspension is temporary.</p>",
        # Whole seconds: the brief page's <time datetime> (not this feature's
        # template) writes microseconds, which the HTML checker rejects.
        when=timezone.now().replace(microsecond=0) - timedelta(hours=1),
    )


def republish_url(live_server, brief):
    with translation.override(brief.language):
        return live_server.url + reverse(
            "republishing:republish", kwargs={"slug": brief.slug}
        )


def test_copy_button_copies_the_html(live_server, page, brief):
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    page.goto(republish_url(live_server, brief))
    button = page.get_by_role("button", name="Copy HTML")
    button.click()
    page.wait_for_function(
        "document.getElementById('republish-html-status').textContent !== ''"
    )
    assert page.text_content("#republish-html-status") == (
        "HTML copied to the clipboard."
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#republish-html")
    assert copied.startswith('<p class="republished-byline">By Rosa Mamani and Luis')
    assert f"/r/{brief.pk}.gif" in copied


def test_copy_text_button_copies_the_plain_text(live_server, page, brief):
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    page.goto(republish_url(live_server, brief))
    page.get_by_role("button", name="Copy text").click()
    page.wait_for_function(
        "document.getElementById('republish-text-status').textContent !== ''"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("By Rosa Mamani and Luis Vega, Newsroom (http")
    assert "<p" not in copied


def test_without_javascript_the_html_is_there_to_select(live_server, nojs_page, brief):
    nojs_page.goto(republish_url(live_server, brief))
    assert not nojs_page.get_by_role("button", name="Copy HTML").is_visible()
    html = nojs_page.input_value("#republish-html")
    assert html.startswith('<p class="republished-byline">')
    assert nojs_page.locator(".republish-preview h1").text_content() == brief.title


def test_the_preview_pixel_counts_as_our_own_site(live_server, page, brief):
    page.goto(republish_url(live_server, brief))
    page.wait_for_load_state("load")
    rows = list(Republication.objects.filter(brief=brief))
    assert [(row.kind, row.domain) for row in rows] == [("own", "localhost")]


@pytest.mark.parametrize("which", ["republish", "brief"])
def test_pages_are_valid_html_and_accessible(live_server, page, brief, which):
    url = (
        republish_url(live_server, brief)
        if which == "republish"
        else live_server.url + brief.get_absolute_url()
    )
    errors = html_errors(fetch(url))
    assert errors == [], format_html_errors(errors)
    page.goto(url)
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_republish_page_fits_a_phone(live_server, mobile_page, brief):
    mobile_page.goto(republish_url(live_server, brief))
    width = mobile_page.evaluate("document.documentElement.scrollWidth")
    assert width <= mobile_page.viewport_size["width"]
