"""The injection payloads in a real browser: no dialog opens and no script runs.

Every payload of tests/payloads.py goes into every editable text field; the
brief page, the republish page, the home page and a country archive are then
opened in chromium. ``alert``/``confirm``/``prompt`` are replaced before any
page script runs, so a payload that executes is counted even if it never gets
as far as opening a dialog. The page fixture bypasses the CSP on purpose: the
escaping must hold on its own. A second set of tests checks that the CSP
itself is enforced and that our own pages and the admin work under it.
"""

import pytest
from django.core.cache import cache

from tests.factories import make_text_site, make_user, set_site_text
from tests.payloads import XSS_PAYLOADS

pytestmark = pytest.mark.django_db(transaction=True)

TRAP = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__ran.push(name + ":" + args.join(",")); };
}
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_text_site()


def pages_of(site):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        return [
            site["brief"].get_absolute_url(),
            reverse("republishing:republish", args=[site["brief"].slug]),
            reverse("briefs:home"),
            site["country"].get_absolute_url(),
        ]


def test_no_payload_opens_a_dialog_or_runs_a_script(live_server, page, site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(TRAP)
    urls = pages_of(site)
    failures = []
    for payload in XSS_PAYLOADS:
        set_site_text(site, payload)
        cache.clear()
        for url in urls:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            # Autofocus, animations and media errors fire right after load.
            page.wait_for_timeout(30)
            ran = page.evaluate("window.__ran")
            if ran or dialogs:
                failures.append((payload, url, ran, list(dialogs)))
                dialogs.clear()
    assert failures == []


def test_the_marker_reaches_every_page_the_browser_opens(live_server, page, site):
    set_site_text(site, "Zq7marker")
    for url in pages_of(site):
        page.goto(live_server.url + url)
        assert "Zq7marker" in page.content(), url


@pytest.fixture
def csp_page(browser):
    """A page whose browser enforces the Content-Security-Policy."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(TRAP)
        yield page
    finally:
        context.close()


def test_the_csp_blocks_inline_script_on_public_pages(live_server, csp_page, site):
    csp_page.goto(live_server.url + site["brief"].get_absolute_url())
    csp_page.evaluate(
        """() => {
        const script = document.createElement("script");
        script.textContent = "window.__inline = true";
        document.body.append(script);
    }"""
    )
    assert csp_page.evaluate("window.__inline") is None
    assert any("script-src" in v for v in csp_page.evaluate("window.__violations"))


def test_public_pages_work_under_their_csp_without_violations(
    live_server, csp_page, site
):
    set_site_text(site, "Plain words")
    for url in pages_of(site):
        csp_page.goto(live_server.url + url)
        csp_page.wait_for_load_state("networkidle")
        assert csp_page.evaluate("window.__violations") == [], url
    # Our own scripts run: the republish page's copy button is shown by its JS.
    csp_page.goto(live_server.url + pages_of(site)[1])
    assert csp_page.locator(".copy-button").first.is_visible()


def test_the_admin_editor_works_under_the_admin_csp(live_server, csp_page):
    make_user("editor", superuser=True, password="pw-editor-123")
    csp_page.goto(live_server.url + "/admin/login/")
    csp_page.fill("#id_username", "editor")
    csp_page.fill("#id_password", "pw-editor-123")
    csp_page.click("#login-form [type=submit]")
    csp_page.goto(live_server.url + "/admin/briefs/brief/add/")
    editor = csp_page.locator(
        ".prose-editor:has(textarea[name='news']) [contenteditable=true]"
    )
    editor.click()
    csp_page.keyboard.type("Typed under the CSP.")
    assert "Typed under the CSP." in editor.inner_text()
    assert csp_page.evaluate("window.__violations") == []
