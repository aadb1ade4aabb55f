"""Issue #2 in a real browser: writing a brief in the admin, reading it on the site."""

import pytest
from django.core.management import call_command

from briefs.models import Brief
from tests.browser.helpers import (
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
    type_into_editor,
)
from tests.factories import (
    make_author,
    make_country,
    make_section,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_writes_and_publishes_a_brief_with_both_sections(live_server, page):
    make_section(slug="news", name="News")
    make_author("Rosa Mamani")
    make_country("Bolivia")
    make_topic("Mining")
    make_user("editor", superuser=True, password="pw-editor-123")

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("#login-form [type=submit]")
    page.goto(live_server.url + "/admin/briefs/brief/add/")

    page.locator("#id_title").press_sequentially("Lithium cooperative signs water pact")
    assert page.input_value("#id_slug") == "lithium-cooperative-signs-water-pact"
    page.fill("#id_summary", "A mining cooperative agreed to cap water use.")
    type_into_editor(
        page, "news", ["The pact caps pumping.", "Villagers will monitor it."]
    )
    type_into_editor(page, "analysis", ["The cap is modest but enforceable."])

    # Tags through the autocomplete widget.
    page.locator(".field-countries .select2-selection").click()
    page.keyboard.type("Boli")
    page.locator(".select2-results__option", has_text="Bolivia").click()
    page.locator(".field-topics .select2-selection").click()
    page.keyboard.type("Min")
    page.locator(".select2-results__option", has_text="Mining").click()

    page.locator("#briefauthor_set-group .select2-selection").first.click()
    page.keyboard.type("Rosa")
    page.locator(".select2-results__option", has_text="Rosa Mamani").click()

    page.select_option("#id_status", "published")
    page.locator(".field-published_at .datetimeshortcuts a", has_text="Today").click()
    page.locator(".field-published_at .datetimeshortcuts a", has_text="Now").click()
    page.select_option("#id_section", label="News")
    page.click("[name=_save]")
    page.locator(".messagelist .success").wait_for()

    brief = Brief.objects.get(slug="lithium-cooperative-signs-water-pact")
    assert (
        brief.news == "<p>The pact caps pumping.</p><p>Villagers will monitor it.</p>"
    )
    page.goto(live_server.url + brief.get_absolute_url())
    assert page.locator("#news").inner_text().startswith("The pact caps pumping.")
    assert (
        "The cap is modest but enforceable." in page.locator("#analysis").inner_text()
    )
    assert page.locator(".kicker a").first.inner_text().lower() == "bolivia"
    assert "Rosa Mamani" in page.locator(".byline").inner_text()


@pytest.fixture
def demo(live_server):
    call_command("loaddemo")
    return live_server


def public_pages():
    brief = Brief.objects.published().filter(language="en").exclude(analysis="").first()
    return {"home": "/en/", "brief": brief.get_absolute_url()}


@pytest.mark.parametrize("name", ["home", "brief"])
def test_public_pages_are_valid_html(demo, name):
    html = fetch(demo.url + public_pages()[name])
    errors = html_errors(html)
    assert errors == [], format_html_errors(errors)


@pytest.mark.parametrize("name", ["home", "brief"])
def test_public_pages_have_no_serious_accessibility_violations(demo, page, name):
    page.goto(demo.url + public_pages()[name])
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_brief_page_reads_fine_with_javascript_off_on_a_phone(demo, browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    try:
        page.goto(demo.url + public_pages()["brief"])
        assert page.locator("#news p").count() >= 1
        assert page.locator("#analysis h2").is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "no horizontal scrolling on a phone"
    finally:
        context.close()
