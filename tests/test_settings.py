"""Settings come from the environment and fail loudly when production needs more."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_a_secret_key_refuses_to_start():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x7Qp2" * 10,
        DJANGO_SECURE_SSL="1",
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_database_url_selects_the_database():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/whatever",
    )
    assert result.stdout.strip().splitlines()[-1] == "django.db.backends.postgresql"


def database_settings(**env):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default'];"
        " print(d['CONN_MAX_AGE'], sorted(d.get('OPTIONS', {}).items()))",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_connections_are_kept_with_django_default_database_options():
    """Connections live a minute; SQLite takes the write lock when a transaction
    begins and waits for it, in WAL mode; PostgreSQL is not tuned."""
    assert database_settings() == (
        "60 [('init_command', 'PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;'),"
        " ('timeout', 20), ('transaction_mode', 'IMMEDIATE')]"
    )
    postgres = "postgres://postgres@127.0.0.1:5432/whatever"
    assert database_settings(DATABASE_URL=postgres) == "60 []"


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x7Qp2" * 10,
    "DJANGO_SECURE_SSL": "1",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def hsts_header(**env):
    """The Strict-Transport-Security header an HTTPS request gets."""
    result = run_manage(
        "shell",
        "-c",
        "from django.test import Client;"
        "r = Client().get('/robots.txt', secure=True, HTTP_HOST='news.example.org');"
        "print(r.headers.get('Strict-Transport-Security'))",
        **PRODUCTION,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_hsts_covers_this_host_only_unless_asked():
    assert hsts_header() == "max-age=31536000"


def test_hsts_subdomains_and_preload_are_each_opt_in():
    assert (
        hsts_header(DJANGO_HSTS_INCLUDE_SUBDOMAINS="1")
        == "max-age=31536000; includeSubDomains"
    )
    assert (
        hsts_header(DJANGO_HSTS_INCLUDE_SUBDOMAINS="1", DJANGO_HSTS_PRELOAD="1")
        == "max-age=31536000; includeSubDomains; preload"
    )


def test_deploy_check_is_clean_with_hsts_subdomains_and_preload_on():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="1",
        DJANGO_HSTS_PRELOAD="1",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def https_csp(path, **env):
    """The Content-Security-Policy an HTTPS request for ``path`` gets."""
    result = run_manage(
        "shell",
        "-c",
        "from django.test import Client;"
        f"r = Client().get({path!r}, secure=True, HTTP_HOST='news.example.org');"
        "print(r.headers.get('Content-Security-Policy'))",
        **PRODUCTION,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_https_upgrades_insecure_requests_on_public_pages_and_in_the_admin():
    public, admin = https_csp("/robots.txt"), https_csp("/admin/")
    assert "upgrade-insecure-requests" in public
    assert "upgrade-insecure-requests" in admin
    assert "'unsafe-inline'" in admin and "'unsafe-inline'" not in public


def test_image_hosts_from_the_environment_are_allowed_everywhere():
    hosts = {"DJANGO_CSP_IMG_HOSTS": "https://media.example.org, https://cdn.example"}
    public = "img-src 'self' data: https://media.example.org https://cdn.example"
    assert public in https_csp("/robots.txt", **hosts).split("; ")
    assert public + " blob:" in https_csp("/admin/", **hosts).split("; ")
