"""The header menu, the newsroom's pages and the indexes in a real browser.

The phone menu is a <details> disclosure: it opens without JavaScript. Pages
and the countries index are valid HTML with no serious accessibility
violations. Screenshots at 1366 and 390 pixels go to the test's temporary
directory (printed in the output).
"""

import pytest
from django.core.management import call_command

from tests.browser.helpers import (
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
)

pytestmark = pytest.mark.django_db(transaction=True)

WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
CHECKED = ["/en/page/about/", "/es/page/acerca-de/", "/en/countries/", "/es/topics/"]


@pytest.fixture
def demo(live_server):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    return live_server


def test_the_phone_menu_opens_without_javascript(demo, browser):
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=False, bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto(demo.url + "/en/")
        assert not page.locator(".site-menu-wide").is_visible()
        summary = page.locator(".site-menu-phone summary")
        assert summary.is_visible()
        countries = page.locator(".site-menu-phone a", has_text="All countries")
        assert not countries.is_visible()
        summary.click()
        assert countries.is_visible()
        # Every item is a full-width tap target inside the phone's width.
        box = countries.bounding_box()
        assert box["height"] >= 40 and box["x"] + box["width"] <= PHONE["width"]
        countries.click()
        page.wait_for_url("**/en/countries/")
        assert page.locator("h1").text_content() == "Countries"
        # The keyboard opens it too.
        page.goto(demo.url + "/en/")
        page.locator(".site-menu-phone summary").focus()
        page.keyboard.press("Enter")
        assert page.locator(".site-menu-phone a").first.is_visible()
    finally:
        context.close()


def test_the_wide_menu_is_one_row_of_links(demo, page):
    page.set_viewport_size(WIDE)
    page.goto(demo.url + "/es/")
    assert not page.locator(".site-menu-phone").is_visible()
    links = page.locator(".site-menu-wide a")
    assert links.count() >= 5
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1
    # The Spanish menu names the Spanish country names and pages.
    assert "Perú" in page.locator(".site-menu-wide").text_content()


@pytest.mark.parametrize("path", CHECKED)
def test_pages_and_indexes_are_valid_html(demo, path):
    errors = html_errors(fetch(demo.url + path))
    assert errors == [], format_html_errors(errors)


@pytest.mark.parametrize("path", CHECKED)
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_pages_and_indexes_have_no_serious_accessibility_violations(
    demo, page, path, viewport
):
    page.set_viewport_size(viewport)
    page.goto(demo.url + path)
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_screenshots_of_a_page_and_the_countries_index(demo, page, tmp_path):
    for path, name in (("/en/page/about/", "about"), ("/en/countries/", "countries")):
        for width, viewport in (("1366", WIDE), ("390", PHONE)):
            page.set_viewport_size(viewport)
            page.goto(demo.url + path)
            shot = tmp_path / f"{name}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            print(f"screenshot: {shot}")
