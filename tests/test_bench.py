"""`manage.py bench`: the URLs it measures, and a short run of the whole thing."""

import io
import json
import os
import platform
import re
import shutil
import sys

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from tests.factories import make_brief, make_section

pytestmark = pytest.mark.django_db

PAGES = [
    "home page",
    "brief page",
    "brief page, cache off",
    "archive, page 1",
    "archive, deep page",
    "search",
    "republish feed",
    "static file (ceiling)",
]


def discover(capsys):
    call_command("bench", discover=True)
    return json.loads(capsys.readouterr().out)


def test_the_deep_archive_page_is_a_full_page(capsys, settings):
    settings.NEWSROOM_PAGE_SIZE = 4
    news = make_section(slug="news", name="News")
    for number in range(11):  # Two full pages and a last page of three.
        make_brief(f"Brief {number}", section=news)
    found = discover(capsys)
    assert found["deep_page"] == 2
    pages = {page["name"]: page["path"] for page in found["pages"]}
    assert pages["archive, deep page"] == "/en/section/news/?page=2"
    assert pages["static file (ceiling)"].startswith(settings.STATIC_URL)
    client = Client()
    for name, path in pages.items():
        if name != "static file (ceiling)":  # Served once collectstatic has run.
            assert client.get(path).status_code == 200, path
    deep = client.get(pages["archive, deep page"]).text
    assert deep.count('<article class="card">') == 4


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_a_short_run_measures_every_page_under_production_settings(tmp_path):
    """The whole benchmark on a small SQLite database, one second per URL.

    Production settings (debug off, hashed static files through whitenoise),
    gunicorn and wrk for real: every page must answer without an error, and
    the report must hold every row, the ratios, the memory and the targets.
    """
    output = tmp_path / "report.txt"
    progress = io.StringIO()
    call_command(
        "bench",
        briefs=30,
        seconds=1,
        connections=4,
        rounds=2,
        database_url=f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        output=str(output),
        no_fail=True,
        stdout=progress,
    )
    assert (tmp_path / "bench-30.sqlite3").exists()
    report = output.read_text()
    assert report in progress.getvalue()
    assert "Newsroom benchmark: 30 briefs on SQLite" in report
    assert "Best of 2 rounds per URL." in report
    # The interpreter is named: an optimised build changes the numbers.
    interpreter = (
        f"Python {platform.python_version()} ({os.path.realpath(sys.executable)})"
    )
    assert f"(gthread) on {interpreter}, DJANGO_DEBUG=0" in report
    rows = {}
    for line in report.splitlines():
        for name in PAGES:
            if line.startswith(name + " ") and name not in rows:
                rows[name] = line[len(name) :].split()
    assert set(rows) == set(PAGES)
    for name, (rps, p50, p99, errors, ratio, path) in rows.items():
        assert float(rps.replace(",", "")) > 0, name
        assert float(p50) <= float(p99), name
        assert errors == "0", name
        assert float(ratio) > 0, name
        assert path.startswith("/"), name
    assert rows["static file (ceiling)"][4] == "1.00"
    # The ceiling is the best of the static file's four measurements: both
    # servers, both rounds.
    samples = re.search(
        r"Static file: the best of 4 measurements .* from ([\d,]+) to ([\d,]+) req/s",
        report,
    )
    assert samples, report
    assert samples.group(2) == rows["static file (ceiling)"][0]
    assert "  PASS  zero errors: 0" in report
    assert re.search(r"page cache off: \d+ MB, \d+ MB", report)
    assert re.search(
        r"(PASS|FAIL)  uncached brief page >= 0.1 x static: \d\.\d\d", report
    )


def test_the_benchmark_refuses_zero_rounds(tmp_path):
    with pytest.raises(CommandError, match="--rounds"):
        call_command("bench", rounds=0, output=str(tmp_path / "report.txt"))
