"""The tables `make bench` prints, with each target and whether it holds."""

import os
import platform
import sys

from .data import engine_name

# Targets, as ratios to the static file served by the same gunicorn in the
# same run (issue 19, "Performance that must hold").
CACHED = "brief page, cached"
MISS = "brief page, page-cache miss"
SPIKE = "brief page, spike"
COLD = "brief page, cold"
TARGETS = {CACHED: 0.9, MISS: 0.15, SPIKE: 0.3, COLD: 0.03}
MEMORY_LIMIT_MB = 150
SCALE_RATIO = 1.5
STATIC = "static file"
# The order of the table: the ceiling, the targets, then the other pages
# (served from the page cache).
ORDER = [
    STATIC,
    CACHED,
    MISS,
    SPIKE,
    COLD,
    "home page",
    "archive, page 1",
    "archive, deep page",
    "search",
    "republish feed",
]


def interpreter():
    """The Python that gunicorn runs on, since an optimised build renders
    pages faster."""
    return f"Python {platform.python_version()} ({os.path.realpath(sys.executable)})"


def setup_line(options, connections=None):
    connections = connections or options.connections
    return (
        f"gunicorn: {options.workers} workers x {options.worker_threads} threads "
        f"(gthread) on {interpreter()}, DJANGO_DEBUG=0, "
        f"{'Redis' if options.redis_url else 'default (no REDIS_URL)'} cache; "
        f"wrk: {min(options.wrk_threads, connections)} threads, {connections} "
        f"connections, {options.seconds} s per URL; {os.cpu_count()} CPUs shared "
        f"with the load generator."
    )


def benchmark(run, options):
    """The report of one run; returns the text and whether every target holds.

    ``run`` holds ``results`` (name -> best wrk summary), ``ceilings`` (every
    static-file measurement), ``errors`` (all requests of the run),
    ``memory`` (server label -> worker RSS in MB) and ``notes``.
    """
    results = run["results"]
    ceiling = max(run["ceilings"])
    lines = [
        f"Newsroom benchmark: {run['briefs']:,} briefs on "
        f"{engine_name(run['database'])}",
        setup_line(options) + f" Best of {options.rounds} rounds per URL.",
        "",
        f"{'row':<29}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>7}"
        f"{'x static':>10}{'target':>9}  {'result':<6}  URL",
    ]
    verdicts = []
    for name in ORDER:
        result = results.get(name)
        if result is None:
            continue
        if result.get("missing"):
            lines.append(f"{name:<29}{'not available (404)':>52}  {result['path']}")
            continue
        ratio = result["rps"] / ceiling
        target, verdict = "", ""
        if name in TARGETS:
            target = f">= {TARGETS[name]}"
            ok = ratio >= TARGETS[name]
            verdict = "PASS" if ok else "FAIL"
            if name == COLD and not run["cold_is_cold"]:
                verdict = "n/a"
            else:
                verdicts.append(ok)
        elif name == STATIC:
            target = "ceiling"
        lines.append(
            f"{name:<29}{result['rps']:>8,.0f}{result['p50_us'] / 1000:>9.2f}"
            f"{result['p99_us'] / 1000:>9.2f}{result['errors']:>7}"
            f"{ratio:>10.2f}{target:>9}  {verdict:<6}  {result.get('shown', result['path'])}"
        )
    largest = max(
        (size for sizes in run["memory"].values() for size in sizes), default=0
    )
    errors_ok = run["errors"] == 0
    memory_ok = 0 < largest < MEMORY_LIMIT_MB
    verdicts += [errors_ok, memory_ok]
    lines += [
        "",
        f"{'PASS' if errors_ok else 'FAIL'}  zero errors overall "
        f"(socket errors and non-2xx/3xx answers, every request of the run): "
        f"{run['errors']}",
        f"{'PASS' if memory_ok else 'FAIL'}  worker memory < {MEMORY_LIMIT_MB} MB "
        f"(RSS, the largest worker after its server's run): {largest:.0f} MB",
    ]
    for label, sizes in run["memory"].items():
        listed = ", ".join(f"{size:.0f} MB" for size in sizes) or "unknown"
        lines.append(f"      {label}: {listed}")
    lines += ["", "Rows:"] + [f"  {note}" for note in run["notes"]]
    lines += [
        "",
        f"Static file: the best of {len(run['ceilings'])} measurements (every "
        f"server, every round) is the ceiling; they ranged from "
        f"{min(run['ceilings']):,.0f} to {ceiling:,.0f} req/s.",
        f"Overall: {'PASS' if all(verdicts) else 'FAIL'}",
    ]
    return "\n".join(lines) + "\n", all(verdicts)


def compare(p50s, sizes, deep_pages, options):
    """The scale check: each page's p50 at the larger size against the smaller."""
    small, large = sizes
    connections = options.compare_connections
    lines = [
        f"Newsroom scale check: p50 latency with every cache off, "
        f"{small:,} vs {large:,} briefs",
        setup_line(options, connections) + f" Best p50 of {options.rounds} rounds.",
        "",
        f"{'page':<29}{f'p50 @{small:,}':>14}{f'p50 @{large:,}':>16}"
        f"{'ratio':>8}  target <= {SCALE_RATIO}x",
    ]
    passed = True
    names = list(dict.fromkeys(name for name, _size in p50s))
    for name in names:
        first, second = p50s[(name, small)], p50s[(name, large)]
        if first.get("missing") or second.get("missing"):
            lines.append(f"{name:<29}{'not available (404)':>38}")
            continue
        ratio = second["p50_us"] / max(first["p50_us"], 1)
        ok = ratio <= SCALE_RATIO and not first["errors"] and not second["errors"]
        if name == STATIC:
            verdict = "(reference)"
        else:
            verdict = "PASS" if ok else "FAIL"
            passed &= ok
        lines.append(
            f"{name:<29}{first['p50_us'] / 1000:>11.2f} ms"
            f"{second['p50_us'] / 1000:>13.2f} ms{ratio:>7.2f}x  {verdict}"
        )
    lines += [
        "",
        f"Deep archive page: {deep_pages[small]} at {small:,} briefs, "
        f"{deep_pages[large]} at {large:,} (page 500 or the last full page).",
        f"Overall: {'PASS' if passed else 'FAIL'}",
    ]
    return "\n".join(lines) + "\n", passed
