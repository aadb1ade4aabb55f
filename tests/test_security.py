"""Security settings: headers, production checks, login throttling, redirects, uploads."""

import io
import os
import struct
import subprocess
import sys
import zlib
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from briefs.models import Author
from newsroom.validators import validate_image_upload
from tests.factories import make_author, make_brief, make_user

ROOT = Path(__file__).resolve().parent.parent


def test_deploy_check_reports_no_issues_with_production_settings():
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="production-" + "k3Yq9vLw2Rz8" * 5,
        DJANGO_SECURE_SSL="1",
        DJANGO_ALLOWED_HOSTS="example.org",
        # With both HSTS opt-ins on, nothing is silenced either (off, the
        # deploy check's two reminders about them are: tests/test_settings.py).
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="1",
        DJANGO_HSTS_PRELOAD="1",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


# Headers.


def csp(response):
    return dict(
        (part.split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split("; ")
    )


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client):
    brief = make_brief(authors=[make_author()])
    for url in ["/en/", brief.get_absolute_url(), "/en/no-such-page/"]:
        response = client.get(url)
        policy = csp(response)
        assert policy["script-src"] == "'self'", url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert "unsafe-eval" not in response["Content-Security-Policy"]
        assert policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        assert policy["base-uri"] == "'self'"


@pytest.mark.django_db
def test_public_pages_send_the_other_security_headers_also_from_the_cache(client):
    brief = make_brief(authors=[make_author()])
    for _attempt in range(2):  # the second answer may come from the page cache
        response = client.get(brief.get_absolute_url())
        assert response.status_code == 200
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_public_pages_set_no_cookie_and_do_not_vary_on_cookie(client):
    brief = make_brief(authors=[make_author()])
    for url in ["/en/", brief.get_absolute_url()]:
        response = client.get(url)
        assert "Set-Cookie" not in response
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_that_still_denies_framing(admin_client):
    response = admin_client.get(reverse("admin:briefs_brief_add"))
    policy = csp(response)
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_admin_policy_differs_from_the_public_one_only_where_it_must(
    admin_client, client
):
    public = csp(client.get("/en/"))
    assert public == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "media-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    admin = csp(admin_client.get(reverse("admin:briefs_brief_add")))
    # The admin theme's Alpine.js evaluates its attributes: 'unsafe-eval'.
    assert admin["script-src"] == "'self' 'unsafe-inline' 'unsafe-eval'"
    assert admin["style-src"] == "'self' 'unsafe-inline'"
    assert admin["img-src"] == public["img-src"] + " blob:"
    changed = {"script-src", "style-src", "img-src"}
    assert {k: v for k, v in admin.items() if k not in changed} == {
        k: v for k, v in public.items() if k not in changed
    }
    # Every admin URL, the login page and a missing one included.
    for url in [reverse("admin:login"), "/admin/no-such-page/"]:
        assert (
            csp(client.get(url))["script-src"] == "'self' 'unsafe-inline' 'unsafe-eval'"
        ), url


@pytest.mark.django_db
@pytest.mark.urls("tests.csp_urls")
def test_a_view_with_a_csp_decorator_gets_its_change_also_from_the_cache(client):
    for _attempt in range(2):  # the second answer comes from the page cache
        policy = csp(client.get("/csp/analytics/"))
        assert policy["script-src"] == "'self' https://stats.example.org"
        assert policy["object-src"] == "'none'"
    assert csp(client.get("/en/"))["script-src"] == "'self'"
    assert csp(client.get("/csp/replaced/"))["img-src"] == "'self'"
    assert csp(client.get("/csp/own/")) == {"default-src": "'none'"}
    response = client.get("/csp/exempt/")
    assert "Content-Security-Policy" not in response
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.urls("tests.csp_urls")
def test_a_decorator_on_an_admin_view_changes_the_admin_policy(client):
    policy = csp(client.get("/admin/csp/analytics/"))
    assert policy["connect-src"] == "'self' https://stats.example.org"
    assert policy["script-src"] == "'self' 'unsafe-inline' 'unsafe-eval'"


# Login throttling.


def login(client, password, username="editor", ip="203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


@pytest.mark.django_db
def test_after_five_bad_logins_even_the_right_password_is_refused(client, settings):
    make_user("editor", superuser=True, password="the-right-one-42")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, "guess")
        assert response.status_code in (200, 429)
    response = login(client, "the-right-one-42")
    assert response.status_code == 429
    assert "Too many login attempts" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lockout_keys_on_username_and_address(client, settings):
    make_user("editor", superuser=True, password="the-right-one-42")
    make_user("other", superuser=True, password="other-right-one-42")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "guess")
    # The same user from another address, and another user from this one.
    assert login(client, "the-right-one-42", ip="198.51.100.1").status_code == 302
    client.logout()
    assert login(client, "other-right-one-42", username="other").status_code == 302


@pytest.mark.django_db
def test_a_locked_login_opens_again_after_the_cool_off(client, settings):
    make_user("editor", superuser=True, password="the-right-one-42")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "guess")
    assert login(client, "the-right-one-42").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    )
    assert login(client, "the-right-one-42").status_code == 302


@pytest.mark.django_db
def test_a_few_typos_do_not_lock_anyone_out(client, settings):
    make_user("editor", superuser=True, password="the-right-one-42")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "typo")
    assert login(client, "the-right-one-42").status_code == 302


# Open redirects.

EVIL = [
    "//evil.example",
    "https://evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
]


def assert_stays_here(response, url):
    if response.status_code not in (301, 302, 303, 307, 308):
        return
    location = response["Location"]
    parts = urlsplit(location)
    assert parts.netloc in ("", "testserver"), f"{url} -> {location}"
    assert not location.startswith(("//", "/\\", "\\")), f"{url} -> {location}"


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_login_and_logout_never_redirect_off_site(client, target):
    make_user("editor", superuser=True, password="the-right-one-42")
    url = reverse("admin:login") + "?next=" + target
    response = client.post(
        url,
        {"username": "editor", "password": "the-right-one-42", "next": target},
    )
    assert_stays_here(response, url)
    assert response.status_code == 302
    response = client.post(
        reverse("admin:logout") + "?next=" + target, {"next": target}
    )
    assert_stays_here(response, "logout")


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_public_urls_never_redirect_off_site(client, target):
    brief = make_brief(authors=[make_author()])
    spanish = make_brief(language="es", slug="en-espanol")
    urls = [
        "/" + target.lstrip("/"),
        target,
        target + "/en/",
        "/en/" + target,
        "/en" + target,
        "/en/briefs/" + target,
        f"/?next={target}",
        f"/en/?next={target}&url={target}",
        f"{brief.get_absolute_url()}?next={target}&url={target}",
        f"/en/briefs/{spanish.slug}/?next={target}",
        f"/en/search/?q=x&next={target}",
        f"/donate/1/?url={target}&next={target}",
        f"/static/{target}",
        f"/media/{target}",
        f"/admin/?next={target}",
        "/admin" + target,
    ]
    for url in urls:
        assert_stays_here(client.get(url), url)


@pytest.mark.django_db
def test_feedback_forms_redirect_only_to_the_brief(client):
    brief = make_brief(authors=[make_author()])
    for target in EVIL:
        response = client.post(
            reverse("feedback:vote", args=[brief.pk]) + f"?next={target}",
            {"helpful": "yes", "next": target},
            HTTP_ORIGIN="http://testserver",
        )
        assert_stays_here(response, target)


# Image uploads.


def image_file(size=(20, 10), image_format="PNG", name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_real_image_passes():
    validate_image_upload(image_file())
    validate_image_upload(image_file(image_format="JPEG", name="photo.jpg"))


@pytest.mark.parametrize(
    "content",
    [
        b"not an image at all",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"GIF89a<script>alert(1)</script>",
    ],
)
def test_a_file_that_is_not_an_image_is_refused(content):
    with pytest.raises(ValidationError) as error:
        validate_image_upload(SimpleUploadedFile("photo.png", content))
    assert error.value.code == "not_image"


def test_a_truncated_image_is_refused():
    whole = image_file(size=(200, 200)).read()
    with pytest.raises(ValidationError):
        validate_image_upload(SimpleUploadedFile("photo.png", whole[: len(whole) // 2]))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_image_upload(image_file(size=(300, 300)))
    assert error.value.code == "too_big"


def test_an_image_over_the_pixel_limit_is_refused(settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 10_000
    with pytest.raises(ValidationError) as error:
        validate_image_upload(image_file(size=(200, 100)))
    assert error.value.code == "too_many_pixels"
    assert "200 × 100" in error.value.messages[0]


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data))
    )


@pytest.mark.parametrize("side", [7_000, 50_000])
def test_a_decompression_bomb_is_refused_before_decoding(side):
    """A few bytes that claim a huge picture are refused without decoding it."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )
    with pytest.raises(ValidationError) as error:
        validate_image_upload(SimpleUploadedFile("bomb.png", bomb))
    # Pillow itself refuses the biggest ones as bombs; ours catches the rest.
    assert error.value.code in ("too_many_pixels", "not_image")
    if side == 7_000:
        assert error.value.code == "too_many_pixels"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def author_form(photo):
    return {"name": "Ana Photo", "slug": "ana-photo", "bio": "", "photo": photo}


@pytest.mark.django_db
def test_the_admin_refuses_a_file_that_is_not_an_image_with_a_clear_error(
    admin_client, media
):
    fake = SimpleUploadedFile("photo.png", b"GIF89a<script>alert(1)</script>")
    response = admin_client.post(reverse("admin:briefs_author_add"), author_form(fake))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["photo"]
    assert errors
    assert not Author.objects.filter(slug="ana-photo").exists()
    assert not list(media.rglob("*.png"))


@pytest.mark.django_db
def test_the_admin_refuses_an_image_over_the_limits(admin_client, media, settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 50_000
    response = admin_client.post(
        reverse("admin:briefs_author_add"), author_form(image_file(size=(400, 300)))
    )
    assert response.status_code == 200
    assert "at most 0.05 megapixels" in response.text
    assert "400 × 300 pixels" in response.text
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 40_000_000
    settings.NEWSROOM_IMAGE_MAX_BYTES = 1000
    response = admin_client.post(
        reverse("admin:briefs_author_add"), author_form(image_file(size=(400, 300)))
    )
    assert "images may be at most 1000" in response.text
    assert not Author.objects.filter(slug="ana-photo").exists()


@pytest.mark.django_db
def test_the_admin_accepts_a_real_image(admin_client, media):
    response = admin_client.post(
        reverse("admin:briefs_author_add"), author_form(image_file())
    )
    assert response.status_code == 302
    author = Author.objects.get(slug="ana-photo")
    assert author.photo.width == 20


@pytest.mark.django_db
def test_a_featured_image_is_validated_too(admin_client, media):
    brief = make_brief(authors=[make_author()])
    from tests.test_workflow import form_data

    data = form_data(brief, featured_image=SimpleUploadedFile("x.jpg", b"nope"))
    response = admin_client.post(
        reverse("admin:briefs_brief_change", args=[brief.pk]), data
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["featured_image"]
    brief.refresh_from_db()
    assert not brief.featured_image


@pytest.mark.django_db
def test_a_license_badge_must_be_a_real_image(admin_client, media):
    from newsroom.licensing.models import License

    license = License.objects.first()
    license.badge = SimpleUploadedFile("badge.png", b"<svg onload=alert(1)>")
    with pytest.raises(ValidationError) as error:
        license.full_clean()
    assert "badge" in error.value.message_dict
    license.badge = image_file(name="badge.png")
    license.full_clean()
