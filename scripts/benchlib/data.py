"""The benchmark's databases: one per size, prepared with the demo content."""

import json
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

from .servers import BenchError, inside, production_env, run


def database_for(base_url, briefs):
    """``base_url`` with the number of briefs in the database's name."""
    config = dj_database_url.parse(base_url)
    if config["ENGINE"].endswith("sqlite3"):
        path = Path(config["NAME"])
        return f"sqlite:///{path.with_name(f'{path.stem}-{briefs}{path.suffix}')}"
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{briefs}"))


def is_postgresql(database_url):
    return dj_database_url.parse(database_url)["ENGINE"].endswith("postgresql")


def engine_name(database_url):
    return "PostgreSQL" if is_postgresql(database_url) else "SQLite"


def redact(database_url):
    parts = urlsplit(database_url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return database_url


def psql(database_url, sql, env):
    """Run one statement with PostgreSQL's own client, outside any transaction."""
    if not shutil.which("psql"):
        raise BenchError(
            "psql is missing: install PostgreSQL's client (apt-get install "
            "postgresql-client) to benchmark on PostgreSQL."
        )
    url = urlunsplit(urlsplit(database_url)._replace(query="", fragment=""))
    return run(["psql", url, "-v", "ON_ERROR_STOP=1", "-tAc", sql], env).stdout


def create_database(database_url, env):
    """Create the PostgreSQL database when it does not exist yet."""
    if not is_postgresql(database_url):
        return
    name = dj_database_url.parse(database_url)["NAME"]
    server = urlunsplit(urlsplit(database_url)._replace(path="/postgres"))
    if not name.replace("_", "").isalnum():
        raise BenchError(f"Unexpected database name: {name!r}")
    exists = psql(server, f"SELECT 1 FROM pg_database WHERE datname = '{name}'", env)
    if not exists.strip():
        psql(server, f'CREATE DATABASE "{name}"', env)


def prepare(base_url, briefs, options, progress):
    """Migrate, load the demo with ``briefs`` briefs, collect static files,
    refresh the planner's statistics and find the URLs to measure."""
    database_url = database_for(base_url, briefs)
    progress(f"Database: {redact(database_url)}")
    env = production_env(database_url, options.redis_url)
    create_database(database_url, env)
    manage = [sys.executable, "manage.py"]
    steps = [
        ("migrating", [*manage, "migrate", "--noinput"]),
        (
            f"loading the demo and {briefs:,} briefs",
            [*manage, "loaddemo", "--briefs", str(briefs)],
        ),
        ("collecting static files", [*manage, "collectstatic", "--noinput"]),
    ]
    for label, command in steps:
        progress(f"  {label}…")
        run(command, env)
    if is_postgresql(database_url):
        # Statistics for the query planner, as a production database has them,
        # and the visibility map that index-only scans rely on, which rows
        # rewritten by a migration have lost.
        progress("  VACUUM ANALYZE…")
        psql(database_url, "VACUUM ANALYZE", env)
    progress("  finding the pages to measure…")
    found = json.loads(inside(env, "discover", str(options.spike_pages)).stdout)
    found.update(env=env, database=database_url, briefs=briefs)
    return found


def write_paths(paths, name, directory):
    """The paths one a line, in a file the wrk scripts read."""
    file = Path(directory) / name
    file.write_text("\n".join(paths) + "\n")
    return file
