"""The browser-test infrastructure works: Nu checker, axe-core, chromium."""

from __future__ import annotations

from tests.browser.helpers import (
    axe_violations,
    format_axe_violations,
    format_html_errors,
    html_errors,
)

VALID_DOCUMENT = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Infrastructure check</title>
</head>
<body>
<main>
<h1>Hello</h1>
<p>A <em>valid</em> document.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot" width="1" height="1">
</main>
</body>
</html>
"""


def test_html_errors_accepts_valid_document():
    errors = html_errors(VALID_DOCUMENT)
    assert errors == [], format_html_errors(errors)


def test_html_errors_reports_unclosed_element():
    errors = html_errors(VALID_DOCUMENT.replace("<p>A", "<div><span>A</div><p>A"))
    assert errors
    assert all(e["type"] == "error" for e in errors)
    assert any("span" in e["message"] for e in errors), format_html_errors(errors)


def test_html_errors_reports_missing_title(html_errors):
    errors = html_errors(
        VALID_DOCUMENT.replace("<title>Infrastructure check</title>\n", "")
    )
    assert any("title" in e["message"] for e in errors), format_html_errors(errors)


def test_axe_accepts_clean_page(page):
    page.set_content(VALID_DOCUMENT)
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_axe_reports_image_without_alt(page, axe_violations):
    page.set_content(VALID_DOCUMENT.replace(' alt="A dot"', ""))
    violations = axe_violations(page)
    assert "image-alt" in {v["id"] for v in violations}, violations


def test_mobile_page_has_phone_viewport(mobile_page):
    mobile_page.set_content(VALID_DOCUMENT)
    assert mobile_page.evaluate("() => window.innerWidth") == 390


def test_nojs_page_runs_no_scripts(nojs_page):
    nojs_page.set_content(
        VALID_DOCUMENT.replace(
            "</main>", "<script>document.title='ran'</script></main>"
        )
    )
    assert nojs_page.title() == "Infrastructure check"


def test_live_server_admin_login(live_server, page):
    response = page.goto(live_server.url + "/admin/login/")
    assert response is not None and response.ok, response and response.status
    username = page.locator("input[name=username]")
    username.wait_for(state="visible")
    assert username.count() == 1
