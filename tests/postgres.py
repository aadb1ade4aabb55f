"""Helpers for the tests that look at PostgreSQL's side of a connection."""

from django.db import connection


def prepared_statements():
    """The text of every statement this connection has prepared."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]
