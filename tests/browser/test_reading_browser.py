"""Archives, search, home and related content in a real browser (issue #3)."""

import pytest
from django.core.management import call_command

from briefs.models import Author, Brief, Country, Section, Topic
from tests.browser.helpers import (
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server, settings):
    settings.NEWSROOM_PAGE_SIZE = 1  # so that the demo archives have pages
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    return live_server


def reading_pages():
    country = Country.objects.get(slug="chile")
    return {
        "home es": "/es/",
        "brief with related": Brief.objects.published()
        .filter(language="en", related_picks__isnull=False)
        .first()
        .get_absolute_url(),
        "country archive": country.get_absolute_url(),
        "country archive, page 2": country.get_absolute_url() + "?page=2",
        "topic archive": Topic.objects.get(slug="water").get_absolute_url(),
        "author page": Author.objects.first().get_absolute_url(),
        "section page": Section.objects.get(is_organization=True).get_absolute_url(),
        "search results": "/en/search/?q=water&country=chile",
        "search, empty": "/en/search/",
        "search, with an error": "/en/search/?q=%26%20%7C&from=2024-13-40",
        "search es": "/es/search/?q=agua",
    }


PAGE_NAMES = [
    "home es",
    "brief with related",
    "country archive",
    "country archive, page 2",
    "topic archive",
    "author page",
    "section page",
    "search results",
    "search, empty",
    "search, with an error",
    "search es",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_reading_pages_are_valid_html(demo, name):
    html = fetch(demo.url + reading_pages()[name])
    errors = html_errors(html)
    assert errors == [], format_html_errors(errors)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_reading_pages_have_no_serious_accessibility_violations(demo, page, name):
    page.goto(demo.url + reading_pages()[name])
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_searching_from_the_header_works_without_javascript(demo, nojs_page):
    nojs_page.goto(demo.url + "/en/")
    nojs_page.fill("#site-search", "drought")
    nojs_page.press("#site-search", "Enter")
    nojs_page.wait_for_url("**/en/search/?q=drought")
    assert "results for “drought”" in nojs_page.text_content("#results-heading")
    nojs_page.click(".results .card-title a >> nth=0")
    assert nojs_page.locator("#news").is_visible()


def test_archive_pages_are_usable_on_a_phone(demo, mobile_page):
    mobile_page.goto(demo.url + "/en/country/chile/")
    width = mobile_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    mobile_page.click(".pagination a[rel=next]")
    assert "page=2" in mobile_page.url
