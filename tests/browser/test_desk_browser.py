"""The editors' desk in chromium: branding, navigation, Scheduled, lists at 1366 px.

Screenshots of the index, the brief list and the brief form at 1366 and 390
px go to test-output/admin/ at the repository root, for a reviewer to look at.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from newsroom.feedback.models import Vote
from newsroom.fundraising.models import DonationClick
from newsroom.publication.models import Publication
from tests.factories import make_brief, make_editor, make_prompt, make_user

pytestmark = pytest.mark.django_db(transaction=True)

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "admin"
WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SCHEDULED = "Mining permits go to a public hearing"
LIVE = "River basin authority opens its first session"


@pytest.fixture
def desk(live_server):
    Publication.objects.update_or_create(pk=1, defaults={"name": "Quebrada Press"})
    make_brief(SCHEDULED, when=timezone.now() + timedelta(days=1, hours=2))
    live = make_brief(LIVE)
    Vote.objects.create(brief=live, helpful=True, reader="reader-1")
    prompt = make_prompt(name="Spring appeal")
    DonationClick.objects.create(prompt=prompt, day=timezone.localdate(), clicks=1)
    make_user("chief", superuser=True, password="pw-chief-12345")
    make_editor("edna", password="pw-edna-12345")
    return live_server


@pytest.fixture
def open_page(browser):
    contexts = []

    def new_page(viewport):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def log_in(page, base_url, username, password):
    page.goto(base_url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#login-form [type=submit]")
    page.wait_for_url(base_url + reverse("admin:index"))


def screenshot(page, name):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(OUTPUT / f"{name}-{width}.png"))


def fits(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth"
    ), page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def test_the_index_is_branded_and_grouped_for_a_newsroom(desk, open_page):
    page = open_page(WIDE)
    log_in(page, desk.url, "chief", "pw-chief-12345")
    assert "Quebrada Press" in page.locator("#site-name").inner_text()
    assert "Quebrada Press" in page.title()
    assert "Django administration" not in page.content()
    captions = page.locator("#desk-groups caption").all_inner_texts()
    assert [caption.strip() for caption in captions] == [
        "Content",
        "Reader revenue",
        "Readers",
        "Republishing",
        "Settings",
    ]
    settings_group = page.locator("#desk-groups .app-desk-settings").inner_text()
    assert "Access attempts" in settings_group and "Tags" in settings_group
    sidebar = page.locator("#nav-sidebar, nav").first.inner_text()
    assert sidebar.index("Content") < sidebar.index("Settings")
    screenshot(page, "index")
    phone = open_page(PHONE)
    log_in(phone, desk.url, "chief", "pw-chief-12345")
    assert fits(phone)[0], fits(phone)[1]
    screenshot(phone, "index")


def test_an_editor_sees_no_superuser_entries(desk, open_page):
    page = open_page(WIDE)
    log_in(page, desk.url, "edna", "pw-edna-12345")
    text = page.locator("body").inner_text()
    assert "Content" in text and "Briefs" in text
    for hidden in ("Access attempts", "Access logs", "Access failures", "Tags"):
        assert hidden not in text, hidden
    assert (
        page.locator(f"a[href='{reverse('admin:taggit_tag_changelist')}']").count() == 0
    )


def test_a_scheduled_brief_shows_as_scheduled_in_list_filter_and_dashboard(
    desk, open_page
):
    page = open_page(WIDE)
    log_in(page, desk.url, "chief", "pw-chief-12345")
    dashboard = page.locator("#dashboard-scheduled")
    assert "1 brief scheduled" in dashboard.inner_text()
    assert SCHEDULED in dashboard.inner_text()
    assert dashboard.locator(".desk-status-scheduled").is_visible()

    page.goto(desk.url + reverse("admin:briefs_brief_changelist"))
    row = page.locator("#result_list tbody tr", has_text=SCHEDULED)
    assert "Scheduled" in row.locator(".field-status_label").inner_text()
    live = page.locator("#result_list tbody tr", has_text=LIVE)
    assert "Published" in live.locator(".field-status_label").inner_text()
    screenshot(page, "brief-list")

    # The filter: open the filters and choose Scheduled.
    page.locator("a", has_text="Filters").first.click()
    page.locator("#changelist-filter a[href='?status=scheduled']").click()
    page.wait_for_url("**/?status=scheduled")
    titles = page.locator("#result_list tbody tr").all_inner_texts()
    assert len(titles) == 1 and SCHEDULED in titles[0]

    page.locator("#result_list tbody tr a", has_text=SCHEDULED).first.click()
    page.wait_for_url("**/change/**")
    assert "Scheduled" in page.locator("body").inner_text()
    assert "Goes live in" in page.locator("body").inner_text()
    assert fits(page)[0], fits(page)[1]
    screenshot(page, "brief-form")
    phone = open_page(PHONE)
    log_in(phone, desk.url, "chief", "pw-chief-12345")
    phone.goto(desk.url + reverse("admin:briefs_brief_changelist"))
    screenshot(phone, "brief-list")
    phone.goto(page.url)
    assert fits(phone)[0], fits(phone)[1]
    screenshot(phone, "brief-form")


def admin_pages():
    """Every registered model's changelist, and the reports."""
    urls = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        meta = model._meta
        try:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        except NoReverseMatch:
            continue
    return urls


def test_no_admin_list_or_report_is_wider_than_1366_px(desk, open_page):
    page = open_page(WIDE)
    log_in(page, desk.url, "chief", "pw-chief-12345")
    prompt = DonationClick.objects.get().prompt
    brief = Vote.objects.get().brief
    urls = admin_pages() + [
        reverse("admin:fundraising_donationprompt_report", args=[prompt.pk]),
        reverse("admin:feedback_brieffeedback_change", args=[brief.pk]),
    ]
    assert len(urls) > 15
    wide = []
    for url in urls:
        response = page.goto(desk.url + url)
        assert response.status == 200, url
        document_fits, widths = fits(page)
        table_right = page.evaluate(
            "(() => { const t = document.querySelector('#result_list');"
            " return t ? t.getBoundingClientRect().right : 0; })()"
        )
        if not document_fits or table_right > WIDE["width"]:
            wide.append((url, widths, table_right))
    assert wide == []
