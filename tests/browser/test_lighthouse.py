"""The quality bar of every public page kind: Lighthouse, the Nu checker, axe.

One production-like server for the module: gunicorn with debug off, the demo
content (``loaddemo``) in a SQLite file of its own, collected static files and
the demo images served from /media/. On each of twelve pages (home, a brief
with an image, a country archive, a page, search with results and the
republish page, in English and Spanish):

- Lighthouse (npm ``lighthouse``, Debian chromium): accessibility, best
  practices and SEO must score 1.0. Performance depends on how loaded the
  machine is, so it is recorded, not asserted: printed and written to
  ``test-output/lighthouse/scores.txt``, with each full report beside it.
  English pages run Lighthouse's default (a throttled phone), Spanish pages
  its desktop preset.
- The Nu checker finds no errors, axe-core no serious or critical violations
  (at 1366 and at 390 pixels).
- Screenshots of the whole page at 1366 and 390 pixels go to
  ``test-output/screenshots/``.

Without Lighthouse the tests are skipped, and fail with
NEWSROOM_REQUIRE_BROWSER=1 (CI), like the other browser tests without chromium.
"""

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, browser_required
from tests.browser.helpers import (
    CHROMIUM,
    NODE_MODULES,
    REPO_ROOT,
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
)
from tests.conftest import free_port
from tests.test_app_servers import collect_static, server_environment

LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
OUTPUT = REPO_ROOT / "test-output"
REPORTS = OUTPUT / "lighthouse"
SCREENSHOTS = OUTPUT / "screenshots"
ASSERTED = ("accessibility", "best-practices", "seo")
CATEGORIES = ("performance", *ASSERTED)
WIDTHS = {1366: {"width": 1366, "height": 900}, 390: {"width": 390, "height": 844}}

# Pages of the demo content (briefs/demo_data.py): (name, path, preset).
EN_BRIEF = "/en/briefs/peru-regulator-suspends-tailings-expansion-at-condorhuasi/"
ES_BRIEF = "/es/briefs/peru-suspende-ampliacion-de-relavera-en-condorhuasi/"
PAGES = [
    ("en-home", "/en/", "mobile"),
    ("en-brief", EN_BRIEF, "mobile"),
    ("en-archive", "/en/country/peru/", "mobile"),
    ("en-page", "/en/page/about/", "mobile"),
    ("en-search", "/en/search/?q=drought", "mobile"),
    ("en-republish", f"{EN_BRIEF}republish/", "mobile"),
    ("es-home", "/es/", "desktop"),
    ("es-brief", ES_BRIEF, "desktop"),
    ("es-archive", "/es/country/peru/", "desktop"),
    ("es-page", "/es/page/acerca-de/", "desktop"),
    ("es-search", "/es/search/?q=sequ%C3%ADa", "desktop"),
    ("es-republish", f"{ES_BRIEF}republish/", "desktop"),
]


@pytest.fixture(scope="module", autouse=True)
def lighthouse_installed():
    if LIGHTHOUSE.is_file() and os.access(LIGHTHOUSE, os.X_OK):
        return
    reason = f"Lighthouse not found at {LIGHTHOUSE}; run `npm ci` in {REPO_ROOT}"
    if browser_required():
        pytest.fail(f"{reason} [NEWSROOM_REQUIRE_BROWSER=1]", pytrace=False)
    pytest.skip(reason)


def manage(environment, *arguments):
    subprocess.run(
        [sys.executable, "manage.py", *arguments, "-v0"],
        cwd=REPO_ROOT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo on gunicorn with production settings: yields its base URL."""
    folder = tmp_path_factory.mktemp("lighthouse-site")
    environment = server_environment(
        DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        NEWSROOM_CACHE_DIR=str(folder / "cache"),
        NEWSROOM_SERVE_MEDIA="1",
    )
    environment["DJANGO_ALLOWED_HOSTS"] = "localhost"
    collect_static()
    manage(environment, "migrate", "--noinput")
    manage(environment, "loaddemo")
    port = free_port(8880, 8899)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        cwd=REPO_ROOT,
        env=environment,
    )
    url = f"http://localhost:{port}"
    try:
        for _attempt in range(300):
            try:
                urlopen(f"{url}/robots.txt", timeout=10).close()
                break
            except (URLError, ConnectionError):
                assert server.poll() is None, "gunicorn exited"
                time.sleep(0.1)
        # Each page once, as a reader before Lighthouse: renditions made, pages
        # in the page cache.
        for _name, path, _preset in PAGES:
            urlopen(f"{url}{path}", timeout=60).close()
        yield url
    finally:
        server.terminate()
        server.wait(20)


@pytest.fixture(scope="module")
def scores():
    """{page name: {category: score}}, written and printed as a table at the end."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    found = {}
    yield found
    lines = [f"{'page':<14}{'preset':<9}" + "".join(f"{c:>16}" for c in CATEGORIES)]
    for name, path, preset in PAGES:
        if name in found:
            lines.append(
                f"{name:<14}{preset:<9}"
                + "".join(f"{found[name].get(c)!s:>16}" for c in CATEGORIES)
                + f"  {path}"
            )
    table = "\n".join(lines) + "\n"
    (REPORTS / "scores.txt").write_text(table)
    print(f"\nLighthouse scores ({REPORTS / 'scores.txt'}):\n{table}")


def lighthouse(url, name, preset):
    """Lighthouse's JSON report of ``url``.

    A runtime error is Lighthouse failing to record the load (NO_NAVSTART on
    a busy machine), not a finding about the page: it is tried up to three
    times, a moment apart.
    """
    report_path = REPORTS / f"{name}.json"
    command = [str(LIGHTHOUSE), url, f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"]
    command += ["--output=json", f"--output-path={report_path}", "--quiet"]
    command += [f"--only-categories={','.join(CATEGORIES)}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    for attempt in range(3):
        if attempt:
            time.sleep(3)
        subprocess.run(command, env=environment, timeout=180, check=False)
        report = json.loads(report_path.read_text())
        if not report.get("runtimeError"):
            break
    return report


def failing_audits(report, category):
    audits = report["audits"]
    return [
        f"{ref['id']} ({audits[ref['id']]['score']}): {audits[ref['id']]['title']}"
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
    ]


@pytest.mark.parametrize(
    "name, path, preset", PAGES, ids=[name for name, _path, _preset in PAGES]
)
def test_lighthouse_nu_and_axe(site, scores, browser, name, path, preset):
    url = f"{site}{path}"
    report = lighthouse(url, name, preset)
    assert not report.get("runtimeError"), report["runtimeError"]
    found = {c: report["categories"][c]["score"] for c in CATEGORIES}
    scores[name] = found
    print(f"{name} ({preset}): {found}")
    for category in ASSERTED:
        assert found[category] == 1, (
            f"{category} {found[category]} on {path}: "
            + "; ".join(failing_audits(report, category))
        )

    # The Nu checker (Java) runs while chromium runs axe and takes screenshots.
    with ThreadPoolExecutor(max_workers=1) as pool:
        checked = pool.submit(lambda: html_errors(fetch(url)))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for width, viewport in WIDTHS.items():
            context = browser.new_context(bypass_csp=True, viewport=viewport)
            try:
                page = context.new_page()
                page.goto(url, wait_until="load")
                violations = axe_violations(page)
                assert not violations, f"{width}px: {format_axe_violations(violations)}"
                shot = SCREENSHOTS / f"{name}-{width}.png"
                page.screenshot(path=shot, full_page=True)
            finally:
                context.close()
        errors = checked.result()
    assert not errors, format_html_errors(errors)
