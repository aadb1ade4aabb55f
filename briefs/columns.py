"""Model instances from hand-written SQL, without the ORM's query building.

The brief page's queries (``briefs.page``, ``briefs.related``) are small and
run on every uncached view; built through the ORM, each cost several times
what the database spends answering it. They are written as SQL instead, and
``Columns`` turns their rows back into the instances the ORM would give.
"""

import functools
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections

# The default connection is looked up through ``connections[DEFAULT_DB_ALIAS]``
# once per use, never through ``django.db.connection``: each attribute read on
# that proxy looks the connection up again, through a failed attribute lookup
# (a formatted AttributeError) and a context-local. The page's queries read
# dozens of table names and column lists; those are kept per database engine.


def engine():
    """The default database's engine, read from its settings (no connection)."""
    return connections.settings[DEFAULT_DB_ALIAS]["ENGINE"]


@functools.cache
def _quoted(engine, name):
    return connections[DEFAULT_DB_ALIAS].ops.quote_name(name)


def quote(name):
    """A table or column name, quoted for the default database."""
    return _quoted(engine(), name)


def table(model):
    """``model``'s table, quoted for the default database."""
    return quote(model._meta.db_table)


def database():
    """The default connection."""
    return connections[DEFAULT_DB_ALIAS]


def fetch_rows(sql, params):
    with database().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def pipelines():
    """Whether ``fetch_many`` sends its queries together (PostgreSQL)."""
    return _pipelines(engine())


@functools.cache
def _pipelines(engine):
    if engine != "django.db.backends.postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    if not is_psycopg3:
        return False
    import psycopg

    # Pipeline mode needs libpq 14 or newer.
    return psycopg.Pipeline.is_supported()


def fetch_many(queries):
    """The rows of each of ``queries`` (``[(sql, params), ...]``), in order.

    The queries must not depend on one another. On PostgreSQL they are sent
    together in psycopg's pipeline mode: one round trip, and one wake-up of the
    server's process, instead of one of each per query. Elsewhere (SQLite runs
    in this process) they run one after the other.
    """
    if not pipelines() or len(queries) < 2:
        return [fetch_rows(sql, params) for sql, params in queries]
    db = database()
    # Opening the cursors connects and runs the health check, outside the pipeline.
    cursors = [db.cursor() for _query in queries]
    try:
        with db.wrap_database_errors, db.connection.pipeline():
            for cursor, (sql, params) in zip(cursors, queries, strict=True):
                cursor.execute(sql, params)
        # Leaving the pipeline waited for every result.
        return [cursor.fetchall() for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()


class Columns:
    """A model's columns in a hand-written SELECT, and instances built from them.

    Values pass through the converters the ORM would apply (on SQLite,
    datetimes arrive as text and booleans as integers); columns left out are
    deferred, as with ``QuerySet.defer()``.
    """

    def __init__(self, model, alias, exclude=(), only=None):
        self.model = model
        self.alias = alias
        self.fields = [
            field
            for field in model._meta.concrete_fields
            if field.name not in exclude
            and (only is None or field.attname in only or field.name in only)
        ]
        self.attnames = [field.attname for field in self.fields]
        self.pk_position = self.attnames.index(model._meta.pk.attname)
        self._sql = {}
        self._converters = {}

    def __len__(self):
        return len(self.fields)

    def sql(self):
        key = engine()
        sql = self._sql.get(key)
        if sql is None:
            sql = self._sql[key] = ", ".join(
                f"{self.alias}.{_quoted(key, field.column)}" for field in self.fields
            )
        return sql

    def converters(self, db):
        """``[(position, (column, [converter, ...])), ...]`` for this database."""
        vendor = db.vendor
        if vendor not in self._converters:
            found = []
            for position, field in enumerate(self.fields):
                column = field.get_col(self.alias)
                functions = db.ops.get_db_converters(column) + column.get_db_converters(
                    db
                )
                if functions:
                    found.append((position, (column, functions)))
            self._converters[vendor] = found
        return self._converters[vendor]

    def values(self, row, start=0, db=None):
        """The values of the columns that start at ``row[start]``, converted."""
        db = db or database()
        values = list(row[start : start + len(self.fields)])
        for position, (column, functions) in self.converters(db):
            value = values[position]
            for function in functions:
                value = function(value, column, db)
            values[position] = value
        return values

    def build(self, row, start=0):
        """The instance whose columns start at ``row[start]``."""
        db = database()
        return self.model.from_db(db.alias, self.attnames, self.values(row, start, db))


@contextmanager
def planned_each_time(using=DEFAULT_DB_ALIAS):
    """Run the queries inside without a prepared statement on PostgreSQL.

    psycopg prepares a statement a connection repeats (see the settings), and
    after a few runs PostgreSQL may switch to a generic plan, made without the
    parameters' values. For a query whose best plan depends on them, that can
    be a walk through every brief:
    - search: a generic plan cannot tell a common word from a rare one; a
      broad search on 100,000 briefs read every match, 75 ms instead of 9 ms;
    - the home page's organization posts: a generic plan cannot tell the
      organization section, with a handful of briefs, from the news section
      with all the rest, and walked every English brief newest first to find
      three (130-150 ms instead of under 1 ms at 100,000 briefs).
    """
    connection = connections[using]
    connection.ensure_connection()
    driver = connection.connection
    if connection.vendor != "postgresql" or not hasattr(driver, "prepare_threshold"):
        yield
        return
    threshold = driver.prepare_threshold
    driver.prepare_threshold = None
    try:
        yield
    finally:
        driver.prepare_threshold = threshold
