"""The reader's site laid out in a real browser: the brief page's column, the
home page's grid, the footer on short pages, the print stylesheet (issue #22).

Screenshots of a brief page at 1366 and 390 pixels are saved in the test's
temporary directory (printed in the test's output) for a person to look at.
"""

import pytest
from django.core.management import call_command

from briefs.models import Brief
from tests.browser.helpers import fetch, format_html_errors, html_errors

pytestmark = pytest.mark.django_db(transaction=True)

WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(live_server):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    return live_server


def brief_url():
    """An English brief with an analysis and editors' related picks."""
    return (
        Brief.objects.published()
        .filter(language="en", related_picks__isnull=False)
        .exclude(analysis="")
        .first()
        .get_absolute_url()
    )


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def grid_rows(page, selector):
    """The cards of the grid ``selector``, row by row (by their top edge)."""
    tops = page.eval_on_selector_all(
        f"{selector} > *", "cards => cards.map(c => Math.round(c.offsetTop))"
    )
    rows = {}
    for top in tops:
        rows[top] = rows.get(top, 0) + 1
    return [rows[top] for top in sorted(rows)]


def test_related_content_and_comments_stay_in_the_article_column(demo, page):
    page.set_viewport_size(WIDE)
    page.goto(demo.url + brief_url())
    article = box(page, "article.brief")
    for selector in ("#related", "#feedback", "#comments"):
        block = box(page, selector)
        assert block["x"] == pytest.approx(article["x"], abs=1), selector
        assert block["width"] == pytest.approx(article["width"], abs=1), selector
    # Its three cards fill one row of the column's grid.
    assert grid_rows(page, "#related .cards") == [3]
    last = box(page, "#related .card:last-child")
    assert last["x"] + last["width"] == pytest.approx(
        article["x"] + article["width"], abs=1
    )
    page.set_viewport_size(PHONE)
    assert grid_rows(page, "#related .cards") == [1, 1, 1]


@pytest.mark.parametrize("width", [1366, 1024, 800, 390])
def test_the_home_page_grid_has_no_empty_slots(demo, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url + "/en/")
    rows = grid_rows(page, ".latest .cards")
    assert sum(rows) == 6
    assert len(set(rows)) == 1, rows
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1366, 1024, 800, 390])
def test_a_short_home_grid_fills_its_last_row(demo, page, width, tmp_path):
    """The Spanish demo has fewer than six latest briefs: the last card of a
    short row reaches the grid's right edge, so no slot is left empty."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url + "/es/")
    count = page.locator(".latest .card").count()
    assert 0 < count < 6
    grid, last = box(page, ".latest .cards"), box(page, ".latest .card:last-child")
    assert last["x"] + last["width"] == pytest.approx(grid["x"] + grid["width"], abs=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=tmp_path / f"home-es-{width}.png", full_page=True)


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/en/search/"])
@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_on_a_short_page_the_footer_reaches_the_bottom_of_the_window(
    live_server, page, path, viewport
):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + path)
    footer = box(page, ".site-footer")
    assert footer["y"] + footer["height"] == pytest.approx(viewport["height"], abs=1)
    assert page.evaluate("document.documentElement.scrollHeight") <= viewport["height"]


def test_a_long_page_keeps_its_footer_after_the_content(demo, page):
    page.set_viewport_size(WIDE)
    page.goto(demo.url + brief_url())
    footer, comments = box(page, ".site-footer"), box(page, "#comments")
    assert footer["y"] >= comments["y"] + comments["height"]


def test_printing_a_brief_shows_the_brief_without_navigation_forms_or_prompts(
    demo, page
):
    page.set_viewport_size(WIDE)
    page.goto(demo.url + brief_url() + "?comment=thanks")
    assert not page.locator(".print-url").is_visible()
    page.emulate_media(media="print")
    for selector in ("h1", "#news", "#analysis", ".byline", "time", "#license"):
        assert page.locator(f"article.brief {selector}").first.is_visible(), selector
    url = page.locator(".print-url")
    assert url.is_visible()
    assert demo.url + brief_url() in url.text_content()
    hidden = [
        ".site-header",
        ".site-nav",
        ".breadcrumb",
        ".site-footer",
        ".donate",
        "#feedback",
        "#comments",
        "#related",
        ".share",
        "form",
    ]
    for selector in hidden:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_the_brief_page_is_valid_html_with_the_icon_links(demo):
    html = fetch(demo.url + brief_url())
    assert 'rel="manifest"' in html and 'rel="apple-touch-icon"' in html
    errors = html_errors(html)
    assert errors == [], format_html_errors(errors)


def test_screenshots_of_a_brief_page(demo, page, tmp_path):
    for name, viewport in (("brief-1366.png", WIDE), ("brief-390.png", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(demo.url + brief_url())
        path = tmp_path / name
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        print(f"screenshot: {path}")
    page.set_viewport_size(WIDE)
    page.goto(demo.url + "/en/")
    page.screenshot(path=str(tmp_path / "home-1366.png"), full_page=True)
    page.goto(demo.url + "/en/no-such-page/")
    page.screenshot(path=str(tmp_path / "404-1366.png"))
    page.goto(demo.url + brief_url())
    page.emulate_media(media="print")
    page.screenshot(path=str(tmp_path / "brief-print.png"), full_page=True)
