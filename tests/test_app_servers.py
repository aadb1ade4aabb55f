"""Several app processes share one cache: a page one renders is served by all,
and an edit is fresh on every one at the next request.

These tests start real gunicorn servers (and a Redis server of their own, see
``redis_url`` in conftest.py) on ports 8300-8399.
"""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from briefs.models import Brief
from newsroom import cache as page_cache
from tests.conftest import free_port
from tests.factories import make_brief

BASE_DIR = Path(settings.BASE_DIR)
GUNICORN = BASE_DIR / ".venv" / "bin" / "gunicorn"
RELEASE = "app-server-test"


def server_environment(**extra):
    """What a production app server is started with, plus ``extra``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "NEWSROOM_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="app-server-test-secret-key-not-for-production-use",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        NEWSROOM_RELEASE=RELEASE,
        **extra,
    )
    return environment


@cache
def collect_static():
    """Production settings serve static files from the manifest: collected
    once per test run, so that a manifest left by older code is brought up to
    date (a missing entry would make every page a 500)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=server_environment(DATABASE_URL="sqlite:///:memory:"),
        check=True,
    )


class Page:
    """An HTTP response read whole: status, headers and text."""

    def __init__(self, response):
        self.status_code = response.status
        self.headers = response.headers
        self.text = response.read().decode()


def get(url, headers=None):
    # One Host for every server, as behind the load balancer of a deployment:
    # the page cache keys pages by the URL the reader asked for.
    headers = {"Host": "127.0.0.1", **(headers or {})}
    try:
        return Page(urlopen(Request(url, headers=headers), timeout=30))
    except HTTPError as error:  # 304 and 4xx arrive as errors
        return Page(error)


@contextmanager
def app_server(environment, workers=1):
    """A gunicorn server of the site on a free port: yields its base URL."""
    port = free_port(8300, 8399)
    server = subprocess.Popen(
        [str(GUNICORN), "newsroom.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers), "--log-level", "warning"],
        cwd=BASE_DIR,
        env=environment,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(200):
            try:
                get(f"{url}/robots.txt")
                break
            except URLError:
                assert server.poll() is None, "gunicorn exited"
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(20)


def database_url():
    """The test database, as the app servers reach it."""
    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


def redis_caches(url):
    """The CACHES that settings.py makes of REDIS_URL."""
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "newsroom",
            "KEY_FUNCTION": "newsroom.cache.make_key",
        },
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "newsroom-ratelimit",
        },
        "thumbnails": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "newsroom-thumbnails",
        },
    }


@pytest.fixture
def same_release(monkeypatch):
    """This process's cache keys carry the release the app servers use."""
    monkeypatch.setenv("NEWSROOM_RELEASE", RELEASE)
    page_cache.release.cache_clear()
    yield
    page_cache.release.cache_clear()


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_share_pages_and_edits_through_redis(redis_url, same_release):
    if connection.vendor != "postgresql":
        pytest.skip("two app servers need a database both can open: run on PostgreSQL")
    collect_static()
    with override_settings(CACHES=redis_caches(redis_url)):
        brief = make_brief("Aquifer law passes")
        path = brief.get_absolute_url()
        environment = server_environment(
            DATABASE_URL=database_url(), REDIS_URL=redis_url
        )
        with app_server(environment) as one, app_server(environment) as other:
            first = get(one + path)
            assert first.status_code == 200
            assert "Aquifer law passes" in first.text

            # Changed behind the servers' back (no signal, no new version):
            # the other server still answers with the first one's page, so
            # it served it from the shared cache, not from the database.
            Brief.objects.filter(pk=brief.pk).update(title="Changed quietly")
            second = get(other + path)
            assert second.text == first.text
            assert second.headers["ETag"] == first.headers["ETag"]
            assert "stale-while-revalidate" in second.headers["Cache-Control"]

            # A save starts a new version in the shared Redis: both servers
            # render the page afresh on their next request.
            brief.refresh_from_db()
            brief.title = "Aquifer law repealed"
            brief.save()
            for server in (other, one):
                fresh = get(server + path)
                assert "Aquifer law repealed" in fresh.text
                assert fresh.headers["ETag"] != first.headers["ETag"]
                revalidated = get(
                    server + path, headers={"If-None-Match": first.headers["ETag"]}
                )
                assert revalidated.status_code == 200


def manage(environment, *arguments):
    """Run a management command against the servers' database."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_the_workers_of_one_server_share_the_file_cache(tmp_path):
    """Without Redis, the gunicorn workers of one machine share the cache
    directory: an edit made by any process is fresh on every worker."""
    collect_static()
    environment = server_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        NEWSROOM_CACHE_DIR=str(tmp_path / "cache"),
    )
    manage(environment, "migrate", "--noinput", "-v0")
    shell = "from tests.factories import make_brief; "
    path = manage(
        environment,
        "shell",
        "-v0",
        "-c",
        shell + "print(make_brief('Port dredging starts').get_absolute_url())",
    )
    with app_server(environment, workers=2) as server:
        # New connections each time: the requests go to either worker.
        pages = {get(server + path).text for _ in range(10)}
        assert len(pages) == 1
        assert "Port dredging starts" in pages.pop()

        quietly = "from briefs.models import Brief; "
        quietly += "Brief.objects.update(title='Changed quietly')"
        manage(environment, "shell", "-v0", "-c", quietly)
        for _ in range(6):
            assert "Changed quietly" not in get(server + path).text

        saved = "from briefs.models import Brief; brief = Brief.objects.get(); "
        saved += "brief.title = 'Port dredging halted'; brief.save()"
        manage(environment, "shell", "-v0", "-c", saved)
        for _ in range(6):
            assert "Port dredging halted" in get(server + path).text
