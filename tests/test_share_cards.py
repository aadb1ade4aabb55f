"""Open Graph and Twitter card tags: what a shared link of a brief shows."""

import pytest

from newsroom.publication.models import Publication
from tests.factories import make_brief, make_image, make_pictured_brief
from tests.test_images import metas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_a_brief_with_an_image_shares_it_as_a_large_card(client):
    brief = make_pictured_brief("River levels fall")
    found = metas(client.get(brief.get_absolute_url()).text)
    assert found["og:type"] == "article"
    assert found["og:title"] == found["twitter:title"] == "River levels fall"
    assert found["og:description"] == "Summary of River levels fall."
    assert found["og:url"] == "http://testserver" + brief.get_absolute_url()
    assert found["og:site_name"] == Publication.load().name
    assert found["og:locale"] == "en_US"
    assert found["og:image"].startswith("http://testserver/media/cache/")
    assert found["og:image"].endswith(".jpg")
    assert found["twitter:image"] == found["og:image"]
    assert (found["og:image:width"], found["og:image:height"]) == ("1200", "675")
    assert (
        found["og:image:alt"]
        == found["twitter:image:alt"]
        == ("A chart of river levels")
    )
    assert found["twitter:card"] == "summary_large_image"


def test_a_brief_without_an_image_shares_the_publication_image(client):
    publication = Publication.load()
    publication.share_image.save(
        "share.png", make_image("share.png", (1600, 840)), save=True
    )
    brief = make_brief("No picture")
    found = metas(client.get(brief.get_absolute_url()).text)
    assert found["og:image"].startswith("http://testserver/media/cache/")
    assert (found["og:image:width"], found["og:image:height"]) == ("1200", "630")
    assert found["og:image:alt"] == publication.name
    assert found["twitter:card"] == "summary_large_image"


def test_without_any_image_the_card_is_a_summary(client):
    brief = make_brief("No picture anywhere", language="es")
    found = metas(client.get(brief.get_absolute_url()).text)
    assert "og:image" not in found
    assert found["twitter:card"] == "summary"
    assert found["og:locale"] == "es_ES"


def test_the_share_image_is_set_in_the_publication_admin(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/admin/publication/publication/1/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("site_icon", "share_image")
    }
    data["default_license"] = form.initial["default_license"] or ""
    upload = make_image("share.jpg", (1200, 630))
    data["share_image"] = SimpleUploadedFile("share.jpg", upload.read(), "image/jpeg")
    data["feed_full_text"] = "on"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication = Publication.objects.get()
    assert publication.share_image.name.startswith("publication/share")
    assert publication.feed_full_text is True


def test_a_share_image_that_is_not_an_image_is_a_form_error(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/admin/publication/publication/1/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("site_icon", "share_image")
    }
    data["default_license"] = form.initial["default_license"] or ""
    data["share_image"] = SimpleUploadedFile("share.jpg", b"nope", "image/jpeg")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["share_image"]
