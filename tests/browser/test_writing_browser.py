"""The brief form as a writing screen, and its live preview, in chromium.

Screenshots of the whole form and of the preview at 1366 and 390 px go to
test-output/admin/ for a reviewer to look at (docs/editing.md shows them).
"""

import pytest
from django.urls import reverse

from briefs.models import Brief
from tests.browser.helpers import type_into_editor
from tests.browser.test_desk_browser import OUTPUT, PHONE, WIDE, fits, log_in
from tests.factories import make_author, make_brief, make_country, make_user

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Regulator orders a review of the aquifer permits"


@pytest.fixture
def writing(live_server, browser):
    make_user("chief", superuser=True, password="pw-chief-12345")
    brief = make_brief(
        TITLE,
        authors=[make_author("Marta Quispe")],
        countries=[make_country("Chile")],
    )
    contexts = []

    def open_form(viewport):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        log_in(page, live_server.url, "chief", "pw-chief-12345")
        page.goto(
            live_server.url + reverse("admin:briefs_brief_change", args=[brief.pk])
        )
        page.locator(".field-news .ProseMirror[contenteditable]").wait_for()
        return page

    yield brief, open_form
    for context in contexts:
        context.close()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def full_screenshot(page, name):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(OUTPUT / f"{name}-{width}.png"), full_page=True)


def test_the_form_is_two_columns_at_1366_px_and_one_at_390(writing):
    _brief, open_form = writing
    page = open_form(WIDE)
    main, side = box(page, ".desk-writing-main"), box(page, ".desk-writing-side")
    assert side["x"] >= main["x"] + main["width"], (main, side)
    assert abs(side["y"] - main["y"]) < 5  # side by side, from the top
    assert main["width"] > 1.5 * side["width"]
    # The text in the main column, what is about it beside it.
    for field in ("title", "summary", "news", "analysis"):
        assert page.locator(f".desk-writing-main [name='{field}']").count() == 1
    for field in ("status", "section", "language", "license", "countries"):
        assert page.locator(f".desk-writing-side [name='{field}']").count() == 1, field
    side_text = page.locator(".desk-writing-side").inner_text()
    for heading in ("Publishing", "Checks before publishing", "Preview", "Byline"):
        assert heading in side_text
    assert "Revisions" in side_text and "Republication" in side_text
    # The headline is large and as wide as its column; the editors are tall.
    headline = box(page, "#id_title")
    assert headline["width"] > main["width"] - 60
    size = page.eval_on_selector("#id_title", "e => getComputedStyle(e).fontSize")
    assert float(size.rstrip("px")) >= 20
    news = box(page, ".field-news .ProseMirror[contenteditable]")
    assert news["height"] >= 300
    # Labels are capitalised.
    # (Icon buttons, such as an inline's delete, are labels holding an icon's name.)
    labels = page.locator(
        ".desk-writing label:not(:has(.material-symbols-outlined))"
    ).all_inner_texts()
    assert len(labels) > 20
    assert [label for label in labels if label.strip()[:1].islower()] == []
    assert fits(page)[0], fits(page)[1]
    full_screenshot(page, "writing-screen")
    page.screenshot(path=str(OUTPUT / "writing-screen-top-1366.png"))
    # The publication time's date and time boxes share the side column.
    date, time = box(page, "#id_published_at_0"), box(page, "#id_published_at_1")
    assert abs(date["width"] - time["width"]) < 2 and date["x"] == time["x"]

    phone = open_form(PHONE)
    main, side = box(phone, ".desk-writing-main"), box(phone, ".desk-writing-side")
    assert side["y"] >= main["y"] + main["height"], (main, side)
    assert abs(side["x"] - main["x"]) < 2 and abs(side["width"] - main["width"]) < 2
    assert fits(phone)[0], fits(phone)[1]
    full_screenshot(phone, "writing-screen")
    phone.screenshot(path=str(OUTPUT / "writing-screen-top-390.png"))


def test_the_live_preview_shows_unsaved_text_at_desktop_and_phone_widths(writing):
    brief, open_form = writing
    page = open_form(WIDE)
    page.fill("#id_title", "Regulator suspends the aquifer permits")
    type_into_editor(page, "news", [" A sentence typed and never saved."])
    with page.context.expect_page() as opened:
        page.locator("button[name='_preview']").click()
    preview = opened.value
    preview.wait_for_load_state()
    frame = preview.frame_locator("#live-preview-frame")
    assert frame.locator("h1").inner_text() == "Regulator suspends the aquifer permits"
    assert "A sentence typed and never saved." in frame.locator("#news").inner_text()
    assert "Marta Quispe" in frame.locator(".byline").inner_text()
    width = preview.eval_on_selector(
        "#live-preview-frame", "e => e.contentWindow.innerWidth"
    )
    assert width > 1200
    preview.screenshot(path=str(OUTPUT / "live-preview-desktop-1366.png"))

    preview.locator("label[for='live-preview-phone']").click()
    preview.wait_for_function(
        "document.getElementById('live-preview-frame').contentWindow.innerWidth === 390"
    )
    # The page laid out for a phone: the headline wraps within 390 px.
    assert frame.locator("h1").bounding_box()["width"] < 390
    preview.screenshot(path=str(OUTPUT / "live-preview-phone-1366.png"))

    # Nothing was saved; the form still holds what was typed.
    saved = Brief.objects.get(pk=brief.pk)
    assert saved.title == TITLE
    assert "never saved" not in saved.news
    assert page.input_value("#id_title") == "Regulator suspends the aquifer permits"
