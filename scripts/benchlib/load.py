"""Load from wrk: one run against one URL, read back from the Lua summary."""

import json
import os
import shutil
import subprocess

from .servers import ROOT, BenchError

SCRIPTS = ROOT / "scripts" / "wrk"


def ensure_wrk():
    if not shutil.which("wrk"):
        raise BenchError(
            "wrk is missing: install it with `apt-get install wrk` (Debian and "
            "Ubuntu), then run `make bench` again."
        )


def measure(
    server,
    path,
    options,
    *,
    script="report.lua",
    args=(),
    seconds=None,
    connections=None,
):
    """Load ``path`` on ``server`` for ``seconds``; the summary as a dict
    with ``rps`` and ``errors`` (socket errors plus non-2xx/3xx answers)."""
    seconds = seconds or options.seconds
    connections = connections or options.connections
    command = [
        "wrk",
        f"-t{min(options.wrk_threads, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(SCRIPTS / script),
        server.url(path),
    ]
    if args:
        command += ["--", *map(str, args)]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    lines = [
        line for line in result.stdout.splitlines() if line.startswith("BENCH_JSON ")
    ]
    if result.returncode != 0 or not lines:
        raise BenchError(f"wrk failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    summary = json.loads(lines[0].removeprefix("BENCH_JSON "))
    summary["errors"] = sum(summary["errors"].values())
    summary["rps"] = summary["requests"] / (summary["duration_us"] / 1e6)
    summary["path"] = path
    return summary
