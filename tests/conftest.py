import os
import shutil
import socket
import subprocess
import time
from importlib import import_module

import pytest
import redis
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

# Rows that data migrations seed (licenses, the publication, the editorial roles).
# Transactional tests (live server, threads) end by flushing every table, which
# removes them for the transactional tests that follow; those get them back.
SEED_MIGRATIONS = [
    ("newsroom.licensing.migrations.0002_seed_licenses", "seed"),
    ("newsroom.licensing.migrations.0005_license_spanish_name", "seed"),
    ("newsroom.publication.migrations.0002_seed_publication", "seed"),
    ("newsroom.publication.migrations.0003_editorial_roles", "create_roles"),
    ("newsroom.republishing.migrations.0002_republication_permissions", "grant"),
    ("newsroom.pages.migrations.0002_editor_permissions", "grant"),
]


def restore_seed_data():
    from newsroom.licensing.models import License

    if License.objects.exists():
        return
    for module, function in SEED_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)


@pytest.fixture(autouse=True, scope="session")
def _own_cache_directory(tmp_path_factory):
    """The site's file caches, in a directory of this test process's own.

    Test processes (pytest-xdist) each have their own database: sharing one
    cache directory would share one content version between them.
    """
    root = tmp_path_factory.mktemp("cache")
    backends = {
        alias: {**config, "LOCATION": root / alias}
        if config["BACKEND"].endswith(("FileCache", "FileBasedCache"))
        else config
        for alias, config in settings.CACHES.items()
    }
    with override_settings(CACHES=backends):
        yield


@pytest.fixture(autouse=True, scope="session")
def _own_media_directory(tmp_path_factory):
    """Uploads (and the demo's drawn images) go to a directory of the test run's."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def _clear_cache(_own_cache_directory):
    """Each test starts with empty caches, as a fresh server would."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _seed_data_after_flush(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = (
        "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
        or (marker is not None and marker.kwargs.get("transaction"))
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        restore_seed_data()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "editor-in-chief", "", "pw-123456789"
    )
    client.force_login(user)
    return client


def free_port(first, last):
    """A port of ``first``..``last`` nobody listens on."""
    for port in range(first, last + 1):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {first}-{last}")


@pytest.fixture(scope="session")
def redis_url():
    """A Redis server of the tests' own (Debian's redis-server), stopped at the end."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not os.path.exists(binary):
        if os.environ.get("NEWSROOM_REQUIRE_REDIS"):
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port(6390, 6399)
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        for _attempt in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, tmp_path_factory
):
    """On SQLite, the test database is a file of this test process's own.

    pytest-django's default, a shared-cache in-memory database, locks whole
    tables between connections and refuses at once ("database table is
    locked") where a real SQLite file waits for the busy timeout: the
    concurrency tests need the file, as the site runs on.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        test = database.setdefault("TEST", {})
        if not test.get("NAME"):
            test["NAME"] = str(tmp_path_factory.mktemp("database") / "test.sqlite3")
