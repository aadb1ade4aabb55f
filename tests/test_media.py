"""Uploaded images: who serves /media/, and the S3 store chosen from the environment."""

import importlib
import json
from contextlib import contextmanager

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

import newsroom.urls
from tests.test_settings import run_manage

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@contextmanager
def urls_loaded_with(**overrides):
    """The project's URLs as newsroom/urls.py builds them under ``overrides``."""
    try:
        with override_settings(**overrides):
            importlib.reload(newsroom.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(newsroom.urls)
        clear_url_caches()


@pytest.fixture
def media_root(tmp_path):
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "x.png").write_bytes(PNG)
    return tmp_path


@pytest.mark.django_db
def test_django_does_not_serve_media_in_production_by_default(client, media_root):
    with urls_loaded_with(
        DEBUG=False, NEWSROOM_SERVE_MEDIA=False, MEDIA_ROOT=media_root
    ):
        response = client.get("/media/briefs/x.png")
    assert response.status_code == 404


@pytest.mark.django_db
def test_django_serves_media_when_the_setting_asks_for_it(client, media_root):
    with urls_loaded_with(
        DEBUG=False, NEWSROOM_SERVE_MEDIA=True, MEDIA_ROOT=media_root
    ):
        response = client.get("/media/briefs/x.png")
        missing = client.get("/media/briefs/nothing.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    assert missing.status_code == 404


@pytest.mark.django_db
def test_django_serves_media_in_development(client, media_root):
    with urls_loaded_with(
        DEBUG=True, NEWSROOM_SERVE_MEDIA=False, MEDIA_ROOT=media_root
    ):
        response = client.get("/media/briefs/x.png")
    assert response.status_code == 200


def media_settings(**env):
    """What newsroom/settings.py makes of ``env``, read in a fresh process."""
    result = run_manage(
        "shell",
        "-c",
        "import json; from django.conf import settings;"
        " from django.core.files.storage import storages;"
        " s = storages['default'];"
        " print(json.dumps({'backend': settings.STORAGES['default']['BACKEND'],"
        " 'class': type(s).__module__ + '.' + type(s).__name__,"
        " 'serve': settings.NEWSROOM_SERVE_MEDIA,"
        " 'url': s.url('briefs/x.png'),"
        " 'options': {k: getattr(s, k, None) for k in ('bucket_name', 'endpoint_url',"
        " 'region_name', 'custom_domain', 'querystring_auth', 'file_overwrite')}}))",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_s3_settings_uploads_are_files_under_media_root():
    found = media_settings()
    assert found["class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["url"] == "/media/briefs/x.png"
    assert found["serve"] is False
    assert media_settings(NEWSROOM_SERVE_MEDIA="1")["serve"] is True


def test_the_s3_environment_selects_the_s3_storage():
    found = media_settings(
        DJANGO_S3_BUCKET="newsroom-media",
        DJANGO_S3_ENDPOINT_URL="https://s3.example.org",
        DJANGO_S3_REGION="eu-west-1",
        DJANGO_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )
    assert found["backend"] == "storages.backends.s3.S3Storage"
    assert found["class"] == "storages.backends.s3.S3Storage"
    assert found["options"] == {
        "bucket_name": "newsroom-media",
        "endpoint_url": "https://s3.example.org",
        "region_name": "eu-west-1",
        "custom_domain": "media.example.org",
        "querystring_auth": False,
        "file_overwrite": False,
    }
    # Public, unsigned URLs on the store's own domain.
    assert found["url"] == "https://media.example.org/briefs/x.png"


def test_an_s3_bucket_alone_gives_plain_bucket_urls():
    found = media_settings(DJANGO_S3_BUCKET="newsroom-media")
    assert found["class"] == "storages.backends.s3.S3Storage"
    assert found["options"]["endpoint_url"] is None
    assert found["url"].startswith("https://newsroom-media.s3")
    assert found["url"].endswith("/briefs/x.png")
    assert "Signature" not in found["url"]
