"""Fixtures for real-browser tests: Debian chromium driven by playwright (sync).

Tests in tests/browser/ are skipped when /usr/bin/chromium (or the playwright
package) is missing, and fail instead when NEWSROOM_REQUIRE_BROWSER=1 (CI).

Fixtures: ``browser`` (session), ``page`` (1280x900), ``mobile_page``
(390x844), ``nojs_page`` (JavaScript off), and the checkers ``html_errors``
and ``axe_violations`` (also importable from tests.browser.helpers).
Use them with pytest-django's ``live_server``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; without this Django
# raises SynchronousOnlyOperation on database access from tests and fixtures.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_REPO_ROOT = Path(__file__).resolve().parents[2]
if str(_REPO_ROOT) not in sys.path:  # pragma: no cover - pytest-django adds it
    sys.path.insert(0, str(_REPO_ROOT))

from tests.browser import helpers  # noqa: E402

BROWSER_DIR = Path(__file__).resolve().parent
MISSING_REASON = "Debian chromium not installed (apt-get install chromium)"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP_VIEWPORT = {"width": 1280, "height": 900}
MOBILE_VIEWPORT = {"width": 390, "height": 844}

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None


def browser_missing() -> str | None:
    """Why real-browser tests cannot run here, or None when they can."""
    if sync_playwright is None:
        return f"{MISSING_REASON}; the playwright package is missing too"
    if not (helpers.CHROMIUM.is_file() and os.access(helpers.CHROMIUM, os.X_OK)):
        return MISSING_REASON
    return None


def browser_required() -> bool:
    return os.environ.get("NEWSROOM_REQUIRE_BROWSER", "") == "1"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Skip (or, with NEWSROOM_REQUIRE_BROWSER=1, fail) browser tests.

    Runs before any fixture of the test is set up, so a missing browser never
    reaches the ``browser`` fixture. Runtest hooks of a conftest only apply to
    tests below its directory; the path check keeps that explicit.
    """
    if BROWSER_DIR not in Path(str(item.path)).resolve().parents:
        return
    reason = browser_missing()
    if reason is None:
        return
    if browser_required():
        pytest.fail(f"{reason} [NEWSROOM_REQUIRE_BROWSER=1]", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for the whole test session."""
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(helpers.CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def _page(browser, **context_options):
    context = browser.new_context(bypass_csp=True, **context_options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    """A desktop-sized page (1280x900) in a fresh context (no cookies)."""
    yield from _page(browser, viewport=DESKTOP_VIEWPORT)


@pytest.fixture
def mobile_page(browser):
    """A phone-sized page (390x844) in a fresh context."""
    yield from _page(browser, viewport=MOBILE_VIEWPORT)


@pytest.fixture
def nojs_page(browser):
    """A desktop-sized page with JavaScript disabled."""
    yield from _page(browser, viewport=DESKTOP_VIEWPORT, java_script_enabled=False)


@pytest.fixture
def html_errors():
    """The Nu HTML checker: ``html_errors(html) -> list of error dicts``."""
    return helpers.html_errors


@pytest.fixture
def axe_violations():
    """axe-core: ``axe_violations(page) -> serious/critical violations``."""
    return helpers.axe_violations
