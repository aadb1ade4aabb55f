"""No edit is lost, in chromium: two editors on one brief, text kept in the browser."""

import pytest
from django.urls import reverse

from briefs.models import Brief, SeeAlsoLink
from tests.factories import make_author, make_brief, make_user

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Water regulator orders a review"


@pytest.fixture
def brief(live_server):
    make_user("ana", superuser=True, password="pw-ana-123456")
    make_user("bruno", superuser=True, password="pw-bruno-123456")
    return make_brief(TITLE, authors=[make_author("Ana Author")])


@pytest.fixture
def editor_page(browser, live_server):
    contexts = []

    def open_as(username, password):
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + reverse("admin:login"))
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("#login-form [type=submit]")
        page.wait_for_url(live_server.url + reverse("admin:index"))
        return page

    yield open_as
    for context in contexts:
        context.close()


def news_editor(page):
    return page.locator(
        ".prose-editor:has(textarea[name='news']) [contenteditable=true]"
    )


def test_two_editors_see_each_other_and_the_later_save_is_refused(
    brief, editor_page, live_server
):
    url = live_server.url + reverse("admin:briefs_brief_change", args=[brief.pk])
    ana = editor_page("ana", "pw-ana-123456")
    ana.goto(url)
    bruno = editor_page("bruno", "pw-bruno-123456")
    bruno.goto(url)

    presence = bruno.locator("#brief-presence")
    presence.wait_for(state="visible")
    assert "Also open by: ana (since" in presence.inner_text()
    ana.reload()
    ana.locator("#brief-presence").wait_for(state="visible")
    assert "bruno" in ana.locator("#brief-presence").inner_text()

    ana.fill("#id_title", "Ana's headline")
    ana.locator("button[name=_continue], input[name=_continue]").first.click()
    ana.wait_for_load_state()
    assert Brief.objects.get(pk=brief.pk).title == "Ana's headline"

    bruno.fill("#id_title", "Bruno's headline")
    news_editor(bruno).click()
    bruno.keyboard.press("End")
    bruno.keyboard.type(" Bruno's addition.")
    bruno.locator("button[name=_continue], input[name=_continue]").first.click()
    bruno.wait_for_load_state()

    page_text = bruno.locator("#content-main").inner_text()
    assert "ana saved this brief at" in page_text
    assert bruno.input_value("#id_title") == "Bruno's headline"
    assert "Bruno's addition." in news_editor(bruno).inner_text()
    assert bruno.locator("#brief_form a[href*='/history/']").count() >= 1
    assert Brief.objects.get(pk=brief.pk).title == "Ana's headline"


def test_text_typed_in_an_unsaved_form_is_offered_back_after_a_reload(
    brief, editor_page, live_server
):
    url = live_server.url + reverse("admin:briefs_brief_change", args=[brief.pk])
    page = editor_page("ana", "pw-ana-123456")
    page.goto(url)
    assert page.locator("#brief-restore").is_hidden()
    page.fill("#id_title", "A headline typed but never saved")
    news_editor(page).click()
    page.keyboard.press("End")
    page.keyboard.type(" A sentence typed but never saved.")

    page.reload()  # Or a closed tab, or a dropped connection.
    banner = page.locator("#brief-restore")
    banner.wait_for(state="visible")
    assert (
        banner.locator(".brief-restore-yes")
        .inner_text()
        .startswith("Restore unsaved text from")
    )
    assert page.input_value("#id_title") == TITLE
    banner.locator(".brief-restore-yes").click()
    assert page.input_value("#id_title") == "A headline typed but never saved"
    assert "A sentence typed but never saved." in news_editor(page).inner_text()

    page.locator("button[name=_continue], input[name=_continue]").first.click()
    page.wait_for_load_state()
    saved = Brief.objects.get(pk=brief.pk)
    assert saved.title == "A headline typed but never saved"
    assert "A sentence typed but never saved." in saved.news
    page.goto(url)
    page.wait_for_timeout(500)
    assert page.locator("#brief-restore").is_hidden()


def test_discard_forgets_the_kept_text(brief, editor_page, live_server):
    url = live_server.url + reverse("admin:briefs_brief_change", args=[brief.pk])
    page = editor_page("ana", "pw-ana-123456")
    page.goto(url)
    page.fill("#id_title", "Typed and then discarded")
    page.reload()
    page.locator("#brief-restore .brief-restore-no").click()
    assert page.input_value("#id_title") == TITLE
    page.reload()
    page.wait_for_timeout(500)
    assert page.locator("#brief-restore").is_hidden()


def test_a_failed_save_keeps_the_text_and_the_inlines(brief, editor_page, live_server):
    url = live_server.url + reverse("admin:briefs_brief_change", args=[brief.pk])
    page = editor_page("ana", "pw-ana-123456")
    page.goto(url)
    page.fill("#id_title", "")
    page.fill("#id_summary", "A summary typed before the failure.")
    page.locator("#see_also-group .add-row a, #see_also-group a.add-row").first.click()
    page.fill("#id_see_also-0-label", "A see-also typed before the failure")
    page.fill("#id_see_also-0-url", "https://example.org/typed")
    page.locator("button[name=_continue], input[name=_continue]").first.click()
    page.wait_for_load_state()

    assert page.input_value("#id_summary") == "A summary typed before the failure."
    assert page.input_value("#id_see_also-0-label") == (
        "A see-also typed before the failure"
    )
    assert page.input_value("#id_see_also-0-url") == "https://example.org/typed"
    assert not SeeAlsoLink.objects.filter(brief=brief).exists()
