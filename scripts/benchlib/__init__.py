"""The performance report behind `make bench` (development tooling, not shipped).

`scripts/bench.py` is the entry point; `cli` runs the report, `data` prepares
the databases, `servers` starts gunicorn, `load` drives it with wrk, `inside`
runs in a subprocess with the benchmark's Django settings, `report` prints
the table.
"""
