"""Bursts of reader writes against a real gunicorn: nothing is lost, no 500s.

A gunicorn server (two worker processes, eight threads each) runs the site on a
database of the test's own: a SQLite file on a SQLite run, a PostgreSQL
database created and dropped here on a PostgreSQL run. Votes, comments and
donation clicks arrive all at once from many addresses (through
X-Forwarded-For, with one trusted proxy). Every request must be answered with
a redirect or a 429, and what is stored must match what was accepted.

Ports 8610-8639.
"""

import json
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.client import HTTPConnection
from pathlib import Path
from threading import Event
from urllib.parse import urlencode

import psycopg
from django.conf import settings
from psycopg import sql

from tests.conftest import free_port
from tests.test_app_servers import collect_static, server_environment

BASE_DIR = Path(settings.BASE_DIR)
COMMENT_LIMIT = 5  # the default: guards.DEFAULT_RATES["comment"]


@contextmanager
def own_database(tmp_path):
    """A DATABASE_URL nobody else uses, of the kind this test run is on."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    name = f"{database['NAME']}_writes_{uuid.uuid4().hex[:8]}"
    server = {
        "host": database["HOST"] or "127.0.0.1",
        "port": database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"],
        "dbname": "postgres",
    }
    with psycopg.connect(**server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        password = f":{server['password']}" if server["password"] else ""
        yield (
            f"postgres://{server['user']}{password}@{server['host']}:"
            f"{server['port']}/{name}"
        )
    finally:
        with psycopg.connect(**server, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )


def manage(environment, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def python(environment, code):
    """Run ``code`` in ``manage.py shell`` on the server's database; its JSON output."""
    return json.loads(manage(environment, "shell", "-v0", "-c", code).splitlines()[-1])


SEED = """
import json
from tests.factories import make_brief, make_prompt
brief = make_brief("Harbour strike ends")
prompt = make_prompt()
print(json.dumps({"brief": brief.pk, "prompt": prompt.pk}))
"""

COUNTS = """
import json
from django.db.models import Sum
from newsroom.feedback.models import ReaderMessage, Vote
from newsroom.fundraising.models import DonationClick
print(json.dumps({
    "votes": Vote.objects.count(),
    "no_votes": Vote.objects.filter(helpful=False).count(),
    "comments": ReaderMessage.objects.count(),
    "clicks": DonationClick.objects.aggregate(total=Sum("clicks"))["total"] or 0,
}))
"""


@contextmanager
def gunicorn(environment):
    port = free_port(8610, 8639)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["--worker-class", "gthread", "--threads", "8", "--log-level", "warning"],
        cwd=BASE_DIR,
        env=environment,
    )
    try:
        for _attempt in range(300):
            try:
                if send(port, "GET", "/robots.txt", "127.0.0.1") == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, "gunicorn exited"
            time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(20)


def send(port, method, path, address, form=None):
    """One request from ``address`` on a new connection; its status code."""
    connection = HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": "127.0.0.1", "X-Forwarded-For": address}
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = "http://127.0.0.1"  # the Host above
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def burst(requests):
    """Send every request at the same moment; their status codes, in order."""
    start = Event()

    def run(request):
        start.wait(30)
        return send(*request)

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        futures = [pool.submit(run, request) for request in requests]
        start.set()
        return [future.result() for future in futures]


def test_bursts_of_votes_comments_and_clicks_lose_nothing(tmp_path):
    collect_static()
    with own_database(tmp_path) as database_url:
        environment = server_environment(
            DATABASE_URL=database_url,
            NEWSROOM_CACHE_DIR=str(tmp_path / "cache"),
            DJANGO_TRUSTED_PROXIES="1",
        )
        manage(environment, "migrate", "--noinput", "-v0")
        ids = python(environment, SEED)
        vote = f"/en/feedback/{ids['brief']}/vote/"
        comment = f"/en/feedback/{ids['brief']}/comment/"
        click = f"/donate/{ids['prompt']}/?brief={ids['brief']}"
        message = {"name": "Ana", "email": "ana@example.org", "message": "Thanks."}

        # 32 readers vote; a 33rd sends 16 votes at once, which count as one.
        votes = [
            (
                "POST",
                vote,
                f"198.51.100.{number}",
                {"helpful": ["yes", "no"][number % 2]},
            )
            for number in range(32)
        ]
        votes += [("POST", vote, "192.0.2.99", {"helpful": "yes"})] * 16
        # 4 readers send 8 comments each: the limit lets 5 of each through.
        comments = [
            ("POST", comment, f"2001:db8:{number % 4}::{number}", {**message})
            for number in range(32)
        ]
        # 16 readers click twice: one click each is counted.
        clicks = [("GET", click, f"203.0.113.{number % 16}") for number in range(32)]

        with gunicorn(environment) as port:
            requests = [(port, *request) for request in votes + comments + clicks]
            started = time.monotonic()
            statuses = burst(requests)
            elapsed = time.monotonic() - started

        vote_statuses = statuses[: len(votes)]
        comment_statuses = statuses[len(votes) : len(votes) + len(comments)]
        click_statuses = statuses[len(votes) + len(comments) :]
        assert set(vote_statuses) == {302}, vote_statuses
        assert set(comment_statuses) <= {302, 429}, comment_statuses
        assert set(click_statuses) == {302}, click_statuses

        counts = python(environment, COUNTS)
        assert counts["votes"] == 32 + 1
        assert counts["no_votes"] == 16
        assert counts["comments"] == comment_statuses.count(302)
        # Per address across both workers, not per worker process.
        assert comment_statuses.count(302) == 4 * COMMENT_LIMIT
        assert counts["clicks"] == 16
        assert elapsed < 30, f"the burst took {elapsed:.1f}s"
