#!/usr/bin/env python
"""`make bench`: Newsroom's performance report against the static-file ceiling.

Prepares a database of demo briefs, starts gunicorn with production settings
on a local port, drives the pages with wrk and prints each row next to a
static file served by the same gunicorn, with its target. Exits 1 when a
target is missed, 2 when the benchmark itself cannot run. Needs `wrk`
(`apt-get install wrk`), and `psql` for PostgreSQL. `--help` lists the options;
docs/performance.md explains the rows.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.benchlib.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
