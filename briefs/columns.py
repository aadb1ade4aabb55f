"""Model instances from hand-written SQL, without the ORM's query building.

The brief page's queries (``briefs.page``, ``briefs.related``) are small and
run on every uncached view; built through the ORM, each cost several times
what the database spends answering it. They are written as SQL instead, and
``Columns`` turns their rows back into the instances the ORM would give.
"""

from django.db import DEFAULT_DB_ALIAS, connection, connections


def table(model):
    return connection.ops.quote_name(model._meta.db_table)


def fetch_rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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
        vendor = connection.vendor
        if vendor not in self._sql:
            quote = connection.ops.quote_name
            self._sql[vendor] = ", ".join(
                f"{self.alias}.{quote(field.column)}" for field in self.fields
            )
        return self._sql[vendor]

    def converters(self, db=connection):
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
        # The connection itself, looked up once: each attribute read through
        # the ``connection`` proxy looks it up again.
        db = db or connections[DEFAULT_DB_ALIAS]
        values = list(row[start : start + len(self.fields)])
        for position, (column, functions) in self.converters(db):
            value = values[position]
            for function in functions:
                value = function(value, column, db)
            values[position] = value
        return values

    def build(self, row, start=0):
        """The instance whose columns start at ``row[start]``."""
        db = connections[DEFAULT_DB_ALIAS]
        return self.model.from_db(db.alias, self.attnames, self.values(row, start, db))
