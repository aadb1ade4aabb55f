"""The brief form's live preview: what is in the form, rendered, nothing saved."""

import html
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from briefs.models import Brief, SeeAlsoLink
from newsroom.cache import VERSION_KEY, content_version
from tests.factories import (
    admin_form_data,
    make_author,
    make_brief,
    make_contributor,
    make_editor,
)
from tests.test_admin import brief_form_data

pytestmark = pytest.mark.django_db


def frame(response):
    """The brief page inside the preview's frame, as the browser reads it."""
    match = re.search(
        r'<iframe id="live-preview-frame"[^>]* srcdoc="([^"]*)"', response.text
    )
    assert match, response.text[:2000]
    return html.unescape(match.group(1))


def preview_url(brief=None):
    if brief is None:
        return reverse("admin:briefs_brief_live_preview_add")
    return reverse("admin:briefs_brief_live_preview", args=[brief.pk])


def change_data(client, brief, **changes):
    data = admin_form_data(
        client, reverse("admin:briefs_brief_change", args=[brief.pk])
    )
    data.update(changes)
    return data


def test_the_change_form_has_a_preview_button_that_posts_the_form(admin_client):
    brief = make_brief("Aquifer limits")
    page = admin_client.get(reverse("admin:briefs_brief_change", args=[brief.pk]))
    button = re.search(r'<button type="submit"[^>]*name="_preview"[^>]*>', page.text)
    assert button, "no preview button in the form"
    assert f'formaction="{preview_url(brief)}"' in button.group(0)
    assert 'formtarget="brief-preview"' in button.group(0)
    add = admin_client.get(reverse("admin:briefs_brief_add"))
    assert f'formaction="{preview_url()}"' in add.text


def test_the_preview_shows_unsaved_changes_and_saves_nothing(admin_client):
    brief = make_brief("Aquifer limits", authors=[make_author("Marta Quispe")])
    before = Brief.objects.get(pk=brief.pk)
    content_version()
    version = cache.get(VERSION_KEY)
    data = change_data(
        admin_client,
        brief,
        title="Aquifer limits tightened",
        news="<p>Typed but not saved.</p><script>alert(1)</script>",
        analysis="<p>An unsaved reading of the vote.</p>",
    )
    response = admin_client.post(preview_url(brief), data)
    assert response.status_code == 200
    assert "private, no-store" in response["Cache-Control"]
    page = frame(response)
    assert "<h1>Aquifer limits tightened</h1>" in page
    assert "Typed but not saved." in page
    assert "An unsaved reading of the vote." in page
    assert "<script>alert" not in page  # sanitised as a save would
    assert "Marta Quispe" in page
    assert "readers see the saved version" in page

    after = Brief.objects.get(pk=brief.pk)
    assert (after.title, after.news, after.updated_at) == (
        before.title,
        before.news,
        before.updated_at,
    )
    assert not Version.objects.get_for_object(brief).exists()
    # Nothing public changed: the page cache keeps its version, and the
    # public page still shows the saved text.
    assert cache.get(VERSION_KEY) == version
    public = Client().get(brief.get_absolute_url())
    assert "Aquifer limits tightened" not in public.text
    # No message about the rehearsed save waits on the next admin page.
    listing = admin_client.get(reverse("admin:briefs_brief_changelist"))
    assert "headline has" not in listing.text


def test_the_preview_shows_unsaved_inlines_and_tags(admin_client):
    brief = make_brief("Aquifer limits", authors=[make_author("Marta Quispe")])
    other = make_author("Tomás Huanca")
    target = make_brief("Wells run dry")
    data = change_data(admin_client, brief)
    data.update(
        {
            "briefauthor_set-TOTAL_FORMS": "2",
            "briefauthor_set-1-author": str(other.pk),
            "briefauthor_set-1-order": "1",
            "briefauthor_set-1-brief": str(brief.pk),
            "see_also-TOTAL_FORMS": "1",
            "see_also-0-label": "Where the wells ran dry",
            "see_also-0-place": "news",
            "see_also-0-after_paragraph": "1",
            "see_also-0-target_brief": str(target.pk),
        }
    )
    page = frame(admin_client.post(preview_url(brief), data))
    assert "Marta Quispe" in page and "Tomás Huanca" in page
    assert "Where the wells ran dry" in page
    assert target.get_absolute_url() in page
    assert not SeeAlsoLink.objects.filter(brief=brief).exists()
    assert brief.briefauthor_set.count() == 1


def test_a_new_brief_can_be_previewed_before_its_first_save(admin_client):
    response = admin_client.post(preview_url(), brief_form_data(status="draft"))
    assert response.status_code == 200
    page = frame(response)
    assert "<h1>Council votes on the aquifer</h1>" in page
    assert "The council voted 7 to 2." in page
    assert not Brief.objects.exists()


def test_a_form_that_cannot_save_lists_what_to_fix(admin_client):
    brief = make_brief("Aquifer limits")
    data = change_data(admin_client, brief, title="", summary="")
    response = admin_client.post(preview_url(brief), data)
    assert response.status_code == 200
    assert 'id="live-preview-frame"' not in response.text
    errors = response.text.split('id="live-preview-errors"')[1]
    assert "Headline" in errors and "This field is required." in errors
    assert Brief.objects.get(pk=brief.pk).title == "Aquifer limits"


def test_a_chosen_image_is_not_uploaded_by_a_preview(admin_client, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import make_image

    brief = make_brief("Aquifer limits", authors=[make_author()])
    data = change_data(admin_client, brief, image_alt="A dry well")
    data["featured_image"] = SimpleUploadedFile(
        "well.jpg", make_image().read(), content_type="image/jpeg"
    )
    response = admin_client.post(preview_url(brief), data)
    assert "A newly chosen image shows once the brief is saved." in response.text
    assert not Brief.objects.get(pk=brief.pk).featured_image


def test_the_preview_answers_only_a_post_from_who_may_edit(admin_client):
    client = Client()
    brief = make_brief("Aquifer limits")
    assert admin_client.get(preview_url(brief)).status_code == 405
    missing = reverse("admin:briefs_brief_live_preview", args=[999999])
    assert admin_client.post(missing, {}).status_code == 404
    # Not logged in: the admin's login page.
    response = client.post(preview_url(brief), {})
    assert response.status_code == 302 and "login" in response["Location"]
    # A contributor does not see someone else's brief, nor its preview.
    contributor = make_contributor(password="pw-contrib-12345")
    client.force_login(contributor)
    data = change_data(admin_client, brief, title="Changed")
    response = client.post(preview_url(brief), data)
    assert response.status_code == 404
    assert "Changed" not in response.text


def test_an_editor_previews_in_the_briefs_language(admin_client):
    client = Client()
    brief = make_brief(
        "Límites al acuífero", language="es", slug="limites", authors=[make_author()]
    )
    editor = make_editor(password="pw-edit-12345")
    client.force_login(editor)
    data = change_data(admin_client, brief, title="Límites más estrictos")
    page = frame(client.post(preview_url(brief), data))
    assert '<html lang="es"' in page
    assert "Límites más estrictos" in page


def test_a_contributor_previews_a_new_brief_with_their_own_byline():
    from briefs.models import Author

    contributor = make_contributor("carla", password="pw-carla-12345")
    client = Client()
    client.force_login(contributor)
    data = brief_form_data(status="draft")
    response = client.post(preview_url(), data)
    assert response.status_code == 200
    page = frame(response)
    assert "<h1>Council votes on the aquifer</h1>" in page
    # The byline the save would add for the contributor, then rolled back.
    assert "carla" in page
    assert not Brief.objects.exists()
    assert not Author.objects.filter(user=contributor).exists()
    # A contributor cannot publish from a preview either.
    forged = client.post(preview_url(), {**data, "status": "published"})
    assert 'id="live-preview-frame"' not in forged.text
