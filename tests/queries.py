"""The queries code runs, and what the database makes of them."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def recorded_queries():
    """``[(sql, params), ...]`` of the queries run inside, as they are run."""
    executed = []

    def keep(execute, sql, params, many, context):
        executed.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        yield executed


def query_plan(sql, params, analyze=False):
    """The database's plan for a query, as text.

    PostgreSQL's ``EXPLAIN``: with ``analyze``, the plan as run, with its row
    counts; without, sequential scans are discouraged, so that a test's
    handful of rows shows the plan a large table would get. SQLite's
    ``EXPLAIN QUERY PLAN``, one step a line.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if analyze:
                explain = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
            else:
                cursor.execute("SET LOCAL enable_seqscan = off")
                explain = "EXPLAIN (COSTS OFF) "
            cursor.execute(explain + sql, params)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(row[-1] for row in cursor.fetchall())
