"""Featured images in a real browser: the right file, no shift, valid, accessible.

Screenshots of a brief page with an image at 1366 and 390 pixels, in English
and Spanish, are saved in the test's temporary directory (printed in the
output) for a person to look at.
"""

import pytest
from django.core.management import call_command

from briefs.models import Brief
from tests.browser.helpers import (
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
)
from tests.test_media import urls_loaded_with

pytestmark = pytest.mark.django_db(transaction=True)

WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
PICTURED = "peru-regulator-suspends-tailings-expansion-at-condorhuasi"


@pytest.fixture
def demo(live_server, settings):
    """The demo, its drawn images served from /media/ as the web server would."""
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    with urls_loaded_with(NEWSROOM_SERVE_MEDIA=True, MEDIA_ROOT=settings.MEDIA_ROOT):
        yield live_server


def url_of(slug):
    return Brief.objects.get(slug=slug).get_absolute_url()


LEAD = "article.brief figure.featured img"


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1366", "390"])
def test_the_browser_picks_a_webp_of_the_right_width(demo, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo.url + url_of(PICTURED))
    image = page.locator(LEAD)
    image.evaluate("img => img.decode()")
    chosen = image.evaluate("img => [img.currentSrc, img.naturalWidth]")
    assert chosen[0].endswith(".webp")
    # Wide enough for the drawn size on a 1x screen, no wider than needed.
    drawn = image.bounding_box()["width"]
    assert drawn <= chosen[1] < drawn * 2.5, (chosen, drawn)


def test_the_lead_image_reserves_its_space_before_it_loads(demo, page):
    """width/height give the box its proportions: nothing moves when it arrives."""
    page.route("**/media/cache/**", lambda route: None)  # never answered
    page.set_viewport_size(WIDE)
    page.goto(demo.url + url_of(PICTURED), wait_until="domcontentloaded")
    box = page.locator(LEAD).bounding_box()
    assert box["width"] > 600
    assert box["height"] == pytest.approx(box["width"] * 9 / 16, abs=2)


def test_card_images_wait_below_the_fold(demo, page):
    page.set_viewport_size(WIDE)
    page.goto(demo.url + url_of(PICTURED))
    cards = page.locator("#related .card-image img")
    assert cards.count() >= 1
    for index in range(cards.count()):
        assert cards.nth(index).get_attribute("loading") == "lazy"
    assert page.locator(LEAD).get_attribute("loading") is None


@pytest.mark.parametrize(
    "slug",
    [PICTURED, "peru-suspende-ampliacion-de-relavera-en-condorhuasi"],
    ids=["en", "es"],
)
def test_a_brief_page_with_an_image_is_valid_and_accessible(demo, page, slug):
    url = demo.url + url_of(slug)
    errors = html_errors(fetch(url))
    assert errors == [], format_html_errors(errors)
    page.goto(url)
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_screenshots_of_a_brief_page_with_an_image(demo, page, tmp_path):
    for slug, language in (
        (PICTURED, "en"),
        ("peru-suspende-ampliacion-de-relavera-en-condorhuasi", "es"),
    ):
        for width, viewport in (("1366", WIDE), ("390", PHONE)):
            page.set_viewport_size(viewport)
            page.goto(demo.url + url_of(slug))
            page.locator(LEAD).evaluate("img => img.decode()")
            path = tmp_path / f"brief-image-{language}-{width}.png"
            page.screenshot(path=str(path), full_page=False)
            assert path.stat().st_size > 10_000
            print(f"screenshot: {path}")
    page.set_viewport_size(WIDE)
    page.goto(demo.url + "/en/")
    page.screenshot(path=str(tmp_path / "home-1366.png"), full_page=True)
    print(f"screenshot: {tmp_path / 'home-1366.png'}")
