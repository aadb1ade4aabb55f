"""`make bench`: the options, and the order in which servers are measured."""

import argparse
import contextlib
import json
import math
import os
import secrets
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from . import report
from .data import prepare, write_paths
from .load import ensure_wrk, measure
from .servers import ROOT, BenchError, Gunicorn, Saver, inside

DUMMY = "django.core.cache.backends.dummy.DummyCache"


def parser():
    parser = argparse.ArgumentParser(
        prog="scripts/bench.py",
        description="Benchmark the public pages with gunicorn and wrk against the "
        "static file served by the same gunicorn, and check the targets.",
    )
    add = parser.add_argument
    add("--briefs", type=int, default=10_000, help="generated briefs (default 10,000)")
    add("--seconds", type=int, default=5, help="load time per URL (default 5)")
    add(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="database to prepare, e.g. postgres://postgres@127.0.0.1:5432/bench; "
        "the number of briefs is appended to its name (bench_10000); default "
        "SQLite files bench-<N>.sqlite3 (or $BENCH_DATABASE_URL)",
    )
    add(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", ""),
        help="give gunicorn this REDIS_URL (default: the cache without Redis)",
    )
    add(
        "--compare",
        metavar="SMALL,LARGE",
        help="compare p50 latencies with every cache off at two database sizes, "
        "e.g. 1000,100000 (target: at most 1.5x)",
    )
    add(
        "--spike-briefs",
        type=int,
        default=5000,
        help="archive size for the spike row when --briefs is smaller (default 5,000)",
    )
    add(
        "--spike-pages",
        type=int,
        default=1000,
        help="brief pages read during the spike (default 1,000)",
    )
    add(
        "--spike-seconds", type=int, default=30, help="length of the spike (default 30)"
    )
    add(
        "--save-every",
        type=float,
        default=5,
        help="seconds between two saved briefs during the spike (default 5)",
    )
    add("--workers", type=int, default=2)
    add(
        "--worker-threads",
        type=int,
        default=4,
        help="threads per gunicorn worker (gthread)",
    )
    add("--connections", type=int, default=16, help="open connections (wrk -c)")
    add(
        "--rounds",
        type=int,
        default=3,
        help="rounds per URL, every other one in reverse order; the best counts",
    )
    add("--wrk-threads", type=int, default=2, help="load threads (wrk -t)")
    add(
        "--compare-connections",
        type=int,
        default=2,
        help="open connections in --compare mode (default 2: one per worker)",
    )
    add(
        "--ports",
        default="8500-8599",
        help="local ports gunicorn may listen on (default 8500-8599)",
    )
    add(
        "--output",
        default=str(ROOT / "bench-results.txt"),
        help="where the report is written as well (default bench-results.txt)",
    )
    add(
        "--no-fail",
        action="store_true",
        help="report missed targets without a non-zero exit status",
    )
    return parser


def main(argv=None):
    options = parser().parse_args(argv)
    try:
        options.ports = parse_range(options.ports)
        if options.rounds < 1:
            raise BenchError("--rounds must be 1 or more.")
        ensure_wrk()
        base_url = options.database_url or f"sqlite:///{ROOT / 'bench.sqlite3'}"
        if options.compare:
            text, passed = compare(base_url, parse_sizes(options.compare), options)
        else:
            text, passed = benchmark(base_url, options)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    print("\n" + text, end="")
    Path(options.output).write_text(text)
    print(f"Report written to {options.output}")
    if not passed and not options.no_fail:
        print(
            "bench: performance targets missed (see the report above).", file=sys.stderr
        )
        return 1
    return 0


def progress(message):
    print(message, flush=True)


def benchmark(base_url, options):
    """Every row of the report, each against the static file of its server."""
    data = prepare(base_url, options.briefs, options, progress)
    if options.briefs >= options.spike_briefs:
        spike_data = data
    else:
        progress(f"The spike reads a {options.spike_briefs:,}-brief archive:")
        spike_data = prepare(base_url, options.spike_briefs, options, progress)
    pages = {page["name"]: page for page in data["pages"]}
    pages[report.CACHED] = dict(pages.pop("brief page"), name=report.CACHED)
    run = {
        "briefs": options.briefs,
        "database": data["database"],
        "results": {},
        "ceilings": [],
        "errors": 0,
        "memory": {},
        "notes": [],
    }
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as scratch:
        miss_file = write_paths(data["miss_pages"], "miss.txt", scratch)
        spike_file = write_paths(spike_data["spike_pages"], "spike.txt", scratch)
        miss = {
            "name": report.MISS,
            "path": data["miss_pages"][0],
            "script": "miss.lua",
            "shown": f"{data['miss_pages'][0]}?r=<n>",
            "args": [miss_file],
            "unique": True,
        }
        static = pages[report.STATIC]

        with Gunicorn(data["env"], options, progress) as server:
            progress(f"  warm-up: {len(data['miss_pages'])} brief pages once each…")
            for path in data["miss_pages"]:
                record(run, warm(server, path))
            cached = [*pages.values(), miss]
            for number, order in enumerate(alternating(cached, options.rounds), 1):
                progress(f"Page cache on, round {number} of {options.rounds}:")
                for page in order:
                    keep(run, page, sample(server, page, options))
            run["memory"]["page cache on"] = server.worker_memory()
        run["notes"].append(
            f"{report.MISS}: {len(data['miss_pages'])} brief pages, every request "
            f"under a URL not asked before (?r=<counter>), after one warm-up pass "
            f"over them; shared fragments warm."
        )

        cold_env = dict(data["env"], NEWSROOM_CACHE_DISABLED="1")
        backends = json_lines(inside(cold_env, "cache-backends").stdout)
        # The thumbnails alias holds what sorl-thumbnail knows of image files,
        # not content: it stays in each process (newsroom/settings.py).
        run["cold_is_cold"] = all(
            backend == DUMMY
            for alias, backend in backends.items()
            if alias != "thumbnails"
        )
        cold = dict(pages[report.CACHED], name=report.COLD)
        with Gunicorn(cold_env, options, progress) as server:
            for number, order in enumerate(
                alternating([cold, static], options.rounds), 1
            ):
                progress(
                    f"Every cache off (NEWSROOM_CACHE_DISABLED=1), round "
                    f"{number} of {options.rounds}:"
                )
                for page in order:
                    keep(run, page, sample(server, page, options))
            run["memory"]["every cache off"] = server.worker_memory()
        if run["cold_is_cold"]:
            run["notes"].append(
                f"{report.COLD}: a second gunicorn with NEWSROOM_CACHE_DISABLED=1 "
                f"(every cache alias a DummyCache but the image renditions' "
                f"names, kept in each process): every request renders from "
                f"the database."
            )
        else:
            listed = ", ".join(f"{a}: {b}" for a, b in backends.items())
            run["notes"].append(
                f"{report.COLD}: NOT COLD: this version ignores "
                f"NEWSROOM_CACHE_DISABLED=1 (caches stay {listed}), so the row "
                f"measures with the cache on and its target is not checked."
            )

        spike_run(run, spike_data, spike_file, static, options)
    return report.benchmark(run, options)


def spike_run(run, data, paths_file, static, options):
    """Skewed reads of many brief pages while one brief is saved at a time."""
    count = len(data["spike_pages"])
    spike = {
        "name": report.SPIKE,
        "path": data["spike_pages"][0],
        "script": "spike.lua",
        "args": [paths_file],
    }
    with Gunicorn(data["env"], options, progress) as server:
        progress(
            f"Spike: {count:,} brief pages of {data['published']:,} published "
            f"briefs, Zipf-like popularity:"
        )
        progress(f"  warm-up ({options.seconds} s, no edits)…")
        record(
            run,
            measure(
                server, spike["path"], options, script="spike.lua", args=[paths_file]
            ),
        )
        with Saver(server.env, paths_file, options.save_every) as saver:
            keep(
                run,
                spike,
                sample(server, spike, options, seconds=options.spike_seconds),
            )
            saves = saver.saves()
        keep(run, static, sample(server, static, options))
        run["memory"]["spike"] = server.worker_memory()
    run["notes"].append(
        f"{report.SPIKE}: {count:,} brief pages of a {data['briefs']:,}-brief "
        f"archive ({data['published']:,} published briefs in all), the page at "
        f"rank k read in proportion to 1/k, for {options.spike_seconds} s while "
        f"one brief was saved through the ORM every {options.save_every:g} s "
        f"({saves} saves), after a {options.seconds} s warm-up without edits."
    )


def compare(base_url, sizes, options):
    """p50 latencies with every cache off at two sizes, measured side by side.

    Both servers run at once and each page is measured on one, then the
    other, in ``--rounds`` rounds (every other one in the other order),
    keeping each side's best p50: load from elsewhere on the machine then
    weighs on both sizes alike. One connection per worker, so that p50 is the
    time to render a page rather than the time spent queueing.
    """
    datas = {size: prepare(base_url, size, options, progress) for size in sizes}
    connections = options.compare_connections
    p50s = {}
    with contextlib.ExitStack() as stack:
        servers = {}
        for size in sizes:
            env = dict(
                datas[size]["env"], NEWSROOM_PAGE_CACHE="0", NEWSROOM_CACHE_DISABLED="1"
            )
            progress(f"gunicorn on the {size:,}-brief database:")
            servers[size] = stack.enter_context(Gunicorn(env, options, progress))
        for number, order in enumerate(alternating(sizes, options.rounds), 1):
            progress(f"Every cache off, round {number} of {options.rounds}:")
            for index in range(len(datas[sizes[0]]["pages"])):
                for size in order:
                    page = datas[size]["pages"][index]
                    result = sample(
                        servers[size],
                        page,
                        options,
                        connections=connections,
                        label=f"{size:>7,} briefs, {page['name']}",
                    )
                    best = p50s.get((page["name"], size))
                    if best is None or result.get("p50_us", math.inf) < best.get(
                        "p50_us", math.inf
                    ):
                        p50s[(page["name"], size)] = result
    deep_pages = {size: datas[size]["deep_page"] for size in sizes}
    return report.compare(p50s, sizes, deep_pages, options)


# Helpers


def sample(server, page, options, seconds=None, connections=None, label=None):
    """One wrk run of ``page``; a page answering 404 that may be missing is
    reported as missing."""
    status = server.status(page["path"])
    if status == 404 and page.get("optional"):
        progress(f"  {label or page['name']:<29} not available (404): skipped")
        return {"missing": True, "path": page["path"]}
    seconds = seconds or options.seconds
    shown = page.get("shown", page["path"])
    progress(f"  {label or page['name']:<29} {shown} ({seconds} s)…")
    args = list(page.get("args", []))
    if page.get("unique"):
        args.append(secrets.token_hex(4))
    result = measure(
        server,
        page["path"],
        options,
        script=page.get("script", "report.lua"),
        args=args,
        seconds=seconds,
        connections=connections,
    )
    return dict(result, shown=shown)


def keep(run, page, result):
    """Keep the round with the most requests per second; count every error."""
    results = run["results"]
    name = page["name"]
    if result.get("missing"):
        results[name] = result
        return
    record(run, result)
    if name == report.STATIC:
        run["ceilings"].append(result["rps"])
    best = results.get(name)
    errors = result["errors"] + (best["errors"] if best else 0)
    if best is None or result["rps"] > best["rps"]:
        results[name] = dict(result)
    results[name]["errors"] = errors


def record(run, result):
    run["errors"] += result["errors"]


def warm(server, path):
    """One request, so that the fragments it stores are there for the next."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(server.url(path), timeout=30) as response:
            response.read()
            errors = 0 if response.status < 400 else 1
    except OSError:
        errors = 1
    return {"errors": errors, "seconds": time.monotonic() - start}


def json_lines(text):
    """The JSON on the last line a step of ``inside`` printed."""
    return json.loads(text.strip().splitlines()[-1])


def alternating(items, rounds):
    """``rounds`` orders of ``items``: as given, reversed, as given, ..."""
    return [items if number % 2 == 0 else items[::-1] for number in range(rounds)]


def parse_sizes(value):
    try:
        sizes = sorted(int(part) for part in value.split(","))
    except ValueError:
        sizes = []
    if len(sizes) != 2 or min(sizes) < 1:
        raise BenchError("--compare takes two sizes, e.g. --compare 1000,100000")
    return sizes


def parse_range(value):
    first, _dash, last = value.partition("-")
    try:
        return range(int(first), int(last or first) + 1)
    except ValueError:
        raise BenchError(
            f"--ports takes a range such as 8500-8599, not {value!r}"
        ) from None
