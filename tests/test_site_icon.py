"""The site icon: /favicon.ico, the web app manifest, the links in every page's
head, and the Publication's own icon uploaded through the admin."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from newsroom.publication.models import Publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(size=(512, 512), name="icon.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def publication_form(**changes):
    """The admin's Publication form as it stands, with ``changes``."""
    publication = Publication.load_from_database()
    data = {
        field: getattr(publication, field)
        for field in [
            "name",
            "tagline",
            "tagline_es",
            "analysis_heading",
            "analysis_heading_es",
            "related_count",
            "about",
            "about_es",
            "comment_prompt",
            "comment_prompt_es",
            "notification_email",
        ]
    }
    data["default_license"] = publication.default_license_id or ""
    data.update(changes)
    return data


def upload(admin_client, icon):
    return admin_client.post(
        reverse("admin:publication_publication_change", args=[1]),
        publication_form(site_icon=icon),
    )


def max_age(response):
    directives = dict(
        part.strip().partition("=")[::2]
        for part in response["Cache-Control"].split(",")
    )
    assert "public" in directives
    return int(directives["max-age"])


def test_favicon_redirects_to_the_default_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].startswith("/static/icons/favicon")
    assert response["Location"].endswith(".ico")
    assert max_age(response) >= 3600
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.get("Vary", "")


def test_favicon_only_answers_get_and_head(client):
    assert client.head("/favicon.ico").status_code == 302
    assert client.post("/favicon.ico").status_code == 405


def test_the_default_icons_are_in_the_static_files(settings):
    root = settings.BASE_DIR / "static" / "icons"
    for name, size in [
        ("icon-32.png", 32),
        ("apple-touch-icon.png", 180),
        ("icon-192.png", 192),
        ("icon-512.png", 512),
    ]:
        with Image.open(root / name) as image:
            assert (image.format, image.size) == ("PNG", (size, size))
    with Image.open(root / "favicon.ico") as image:
        assert image.format == "ICO"
    assert (root / "icon.svg").read_text().startswith("<svg")


def test_the_manifest_names_the_publication_and_starts_in_the_language(client):
    publication = Publication.load()
    publication.name = "Quebrada Press"
    publication.tagline = "News from the valleys."
    publication.tagline_es = "Noticias de los valles."
    publication.save()
    response = client.get("/manifest.webmanifest?lang=es")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert max_age(response) >= 600
    assert "Set-Cookie" not in response.headers
    manifest = json.loads(response.content)
    assert manifest["name"] == "Quebrada Press"
    assert manifest["short_name"] == "Quebrada Press"
    assert manifest["description"] == "Noticias de los valles."
    assert manifest["lang"] == "es"
    assert manifest["start_url"] == "/es/"
    assert manifest["theme_color"] == "#a3231f"
    sizes = {icon["sizes"]: icon for icon in manifest["icons"]}
    assert sizes["192x192"]["src"].startswith("/static/icons/icon-192")
    assert sizes["512x512"]["type"] == "image/png"
    assert sizes["any"]["type"] == "image/svg+xml"
    english = json.loads(client.get("/manifest.webmanifest").content)
    assert (english["start_url"], english["lang"]) == ("/en/", "en")
    assert english["description"] == "News from the valleys."


@pytest.mark.parametrize("lang", ["xx", "", "en-us", "../en"])
def test_an_unknown_manifest_language_is_not_found(client, lang):
    assert client.get("/manifest.webmanifest", {"lang": lang}).status_code == 404


@pytest.mark.parametrize("path", ["/en/", "/es/", "/en/search/", "/en/no-such-page/"])
def test_every_page_links_the_icons_and_the_manifest(client, path):
    html = client.get(path).text
    language = path.split("/")[1]
    assert '<link rel="icon" href="/static/icons/icon-32' in html
    assert 'type="image/svg+xml"' in html
    assert '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon' in html
    assert f'<link rel="manifest" href="/manifest.webmanifest?lang={language}">' in html


def test_an_icon_uploaded_in_the_admin_is_used_everywhere(admin_client, media):
    response = upload(admin_client, png())
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication = Publication.load()
    assert publication.site_icon.name.startswith("publication/")
    assert (publication.site_icon_width, publication.site_icon_height) == (512, 512)
    url = publication.site_icon.url
    reader = Client()
    favicon = reader.get("/favicon.ico")
    assert (favicon.status_code, favicon["Location"]) == (302, url)
    manifest = json.loads(reader.get("/manifest.webmanifest").content)
    assert manifest["icons"] == [{"src": url, "sizes": "512x512", "type": "image/png"}]
    html = reader.get("/en/").text
    assert f'<link rel="icon" href="{url}">' in html
    assert f'<link rel="apple-touch-icon" href="{url}">' in html
    assert "/static/icons/" not in html
    # Saving the publication again keeps the icon; clearing it brings the default.
    assert upload(admin_client, "").status_code == 302
    assert Publication.load().site_icon.name == publication.site_icon.name
    response = admin_client.post(
        reverse("admin:publication_publication_change", args=[1]),
        publication_form(**{"site_icon-clear": "on"}),
    )
    assert response.status_code == 302
    assert reader.get("/favicon.ico")["Location"].startswith("/static/icons/")


@pytest.mark.parametrize(
    "icon, message",
    [
        (
            SimpleUploadedFile("icon.png", b"<svg onload='alert(1)'/>"),
            "Upload a valid image",
        ),
        (png(size=(400, 200)), "400 × 200 pixels; use a square image"),
        (png(size=(64, 64)), "at least 180 × 180 pixels"),
    ],
)
def test_the_admin_refuses_an_icon_that_is_no_square_image(
    admin_client, media, icon, message
):
    response = upload(admin_client, icon)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["site_icon"]
    assert message in " ".join(errors)
    assert not Publication.load_from_database().site_icon
    assert not list(media.rglob("*.png"))
