"""`make bench` (scripts/bench.py): the URLs it measures, a short run of the
whole thing, and what it says when it cannot run."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from scripts.benchlib import inside
from tests.factories import make_brief, make_section

ROOT = Path(__file__).resolve().parents[1]
BENCH = [sys.executable, str(ROOT / "scripts" / "bench.py")]
TARGETS = {
    "brief page, cached": ">= 0.9",
    "brief page, page-cache miss": ">= 0.15",
    "brief page, spike": ">= 0.3",
    "brief page, cold": ">= 0.03",
}
PAGES = ["home page", "archive, page 1", "archive, deep page", "search"]


@pytest.mark.django_db
def test_the_deep_archive_page_is_a_full_page(settings):
    settings.NEWSROOM_PAGE_SIZE = 4
    news = make_section(slug="news", name="News")
    for number in range(11):  # Two full pages and a last page of three.
        make_brief(f"Brief {number}", section=news)
    found = inside.discover(spike_pages=5)
    assert found["deep_page"] == 2
    pages = {page["name"]: page["path"] for page in found["pages"]}
    assert pages["archive, deep page"] == "/en/section/news/?page=2"
    assert pages["static file"].startswith(settings.STATIC_URL)
    assert len(found["spike_pages"]) == 5
    assert found["published"] == 11
    client = Client()
    for name, path in pages.items():
        if name != "static file":  # Served once collectstatic has run.
            assert client.get(path).status_code == 200, path
    for path in found["miss_pages"] + found["spike_pages"]:
        assert client.get(path).status_code == 200, path
    deep = client.get(pages["archive, deep page"]).text
    assert deep.count('<article class="card">') == 4


def test_a_short_run_reports_every_row_with_its_target(tmp_path):
    """The whole benchmark on a small SQLite database, one second per URL:
    production settings, gunicorn and wrk for real, a brief saved during the
    spike; every row has its target and a verdict, and nothing errs."""
    output = tmp_path / "report.txt"
    # The arguments the short run uses; --no-fail since one second on a busy
    # machine decides no target.
    result = subprocess.run(
        [
            *BENCH,
            "--briefs=30",
            "--seconds=1",
            "--rounds=1",
            "--connections=4",
            "--spike-briefs=30",
            "--spike-pages=20",
            "--spike-seconds=3",
            "--save-every=1",
            f"--database-url=sqlite:///{tmp_path / 'bench.sqlite3'}",
            f"--output={output}",
            "--no-fail",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "bench-30.sqlite3").exists()
    report = output.read_text()
    assert report in result.stdout
    # Progress lines come before the report.
    assert "  loading the demo and 30 briefs…" in result.stdout
    assert "Newsroom benchmark: 30 briefs on SQLite" in report
    assert "DJANGO_DEBUG=0" in report
    rows = {}
    for line in report.splitlines():
        for name in ["static file", *TARGETS, *PAGES, "republish feed"]:
            if line.startswith(name + "  "):
                rows[name] = line[len(name) :].split()
    assert set(rows) == {"static file", *TARGETS, *PAGES, "republish feed"}
    static_rps = float(rows["static file"][0].replace(",", ""))
    for name, (rps, p50, p99, errors, ratio, *rest) in rows.items():
        assert float(rps.replace(",", "")) > 0, name
        assert float(p50) <= float(p99), name
        assert errors == "0", name
        # The ratio is the row's rate over the static file's, to two places
        # (on a busy machine the cold row can round to 0.00).
        expected = float(rps.replace(",", "")) / static_rps
        assert abs(float(ratio) - expected) <= 0.006, name
        assert rest[-1].startswith("/"), name
    assert rows["static file"][4:6] == ["1.00", "ceiling"]
    for name, target in TARGETS.items():
        assert " ".join(rows[name][5:7]) == target, name
        verdict = rows[name][7]
        ratio = float(rows[name][4])
        if verdict != "n/a":
            assert verdict == ("PASS" if ratio >= float(target[3:]) else "FAIL")
    # The cold row is checked only when every cache is off.
    cold_note = re.search(r"brief page, cold: (.*)", report).group(1)
    assert (rows["brief page, cold"][7] == "n/a") == cold_note.startswith("NOT COLD")
    assert "PASS  zero errors overall" in report
    assert re.search(r"(PASS|FAIL)  worker memory < 150 MB .*: \d+ MB", report)
    assert re.search(r"every cache off: \d+ MB, \d+ MB", report)
    saves = int(re.search(r"\((\d+) saves\)", report).group(1))
    assert saves >= 2
    # One static-file measurement per server: cached, cold and spike.
    assert "the best of 3 measurements" in report
    assert re.search(r"Overall: (PASS|FAIL)", report)


def test_a_missing_wrk_stops_the_benchmark_with_the_package_to_install(tmp_path):
    result = subprocess.run(
        [*BENCH, f"--database-url=sqlite:///{tmp_path / 'bench.sqlite3'}"],
        env=dict(os.environ, PATH=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "wrk is missing: install it with `apt-get install wrk`" in result.stderr
    assert list(tmp_path.iterdir()) == []  # It stopped before preparing data.


def test_the_benchmark_refuses_zero_rounds(tmp_path):
    result = subprocess.run(
        [*BENCH, "--rounds=0"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "--rounds must be 1 or more" in result.stderr
