from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from briefs.models import Brief, SeeAlsoLink
from tests.factories import (
    inline_management,
    make_author,
    make_brief,
    make_country,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db


def brief_form_data(**overrides):
    section = make_section(slug="news", name="News")
    author = make_author("Marta Quispe")
    chile, water = make_country("Chile"), make_topic("Water")
    now = timezone.localtime()
    data = {
        "title": "Council votes on the aquifer",
        "slug": "council-votes-on-the-aquifer",
        "summary": "The regional council approved limits on pumping.",
        "news": "<p>The council voted 7 to 2.</p><p>Farmers objected.</p>",
        "analysis_heading": "",
        "analysis": "<p>Why the vote matters <script>alert(1)</script>.</p>",
        "countries": [str(chile.pk)],
        "topics": [str(water.pk)],
        "primary_country": "",
        "primary_topic": "",
        "status": "published",
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": (now - timedelta(minutes=5)).strftime("%H:%M:%S"),
        "section": str(section.pk),
        "language": "en",
        "translation_of": "",
        "license": "",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        **inline_management("briefauthor_set", total=1),
        "briefauthor_set-0-author": str(author.pk),
        "briefauthor_set-0-order": "0",
        **inline_management("see_also"),
        **inline_management("related_picks"),
    }
    data.update(overrides)
    return data


def test_admin_add_form_creates_a_brief_that_shows_on_the_site(admin_client, client):
    response = admin_client.post(reverse("admin:briefs_brief_add"), brief_form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    brief = Brief.objects.get(slug="council-votes-on-the-aquifer")
    assert brief.status == "published"
    assert brief.kicker.name == "Chile"
    assert "<script" not in brief.analysis
    assert [b.author.name for b in brief.briefauthor_set.all()] == ["Marta Quispe"]
    page = client.get(brief.get_absolute_url())
    assert page.status_code == 200
    assert "The council voted 7 to 2." in page.text
    assert "Why the vote matters" in page.text
    assert "Marta Quispe" in page.text


def test_admin_form_rejects_a_kicker_outside_the_briefs_tags(admin_client):
    other = make_country("Peru")
    data = brief_form_data(primary_country=str(other.pk))
    response = admin_client.post(reverse("admin:briefs_brief_add"), data)
    assert response.status_code == 200
    assert "kicker country must be one of the countries" in response.text
    assert not Brief.objects.exists()


def test_admin_change_page_shows_a_preview_link_for_drafts(admin_client, client):
    brief = make_brief("Embargoed", published=False)
    response = admin_client.get(reverse("admin:briefs_brief_change", args=[brief.pk]))
    assert response.status_code == 200
    assert "/en/preview/" in response.text
    preview_path = response.text.split('href="/en/preview/')[1].split('"')[0]
    assert client.get("/en/preview/" + preview_path).status_code == 200


def test_admin_offers_view_on_site_for_published_briefs_only(admin_client):
    published = make_brief("Out now")
    draft = make_brief("Not yet", published=False)
    page = admin_client.get(reverse("admin:briefs_brief_change", args=[published.pk]))
    assert "View on site" in page.text
    page = admin_client.get(reverse("admin:briefs_brief_change", args=[draft.pk]))
    assert 'class="viewsitelink"' not in page.text


def test_admin_changelist_filters_and_searches(admin_client):
    make_brief("Drought in the north", countries=[make_country("Chile")])
    make_brief("Election day", published=False)
    url = reverse("admin:briefs_brief_changelist")
    page = admin_client.get(url, {"status__exact": "draft"})
    assert "Election day" in page.text and "Drought in the north" not in page.text
    page = admin_client.get(url, {"q": "drought"})
    assert "Drought in the north" in page.text and "Election day" not in page.text
    page = admin_client.get(url)
    assert "Chile" in page.text


def test_bulk_publish_and_unpublish_actions(admin_client):
    draft = make_brief(
        "Ready to go", published=False, published_at=None, authors=[make_author()]
    )
    url = reverse("admin:briefs_brief_changelist")
    admin_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at is not None
    admin_client.post(url, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_tag_autocomplete_answers_for_the_brief_form(admin_client):
    make_country("Colombia")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "colo",
            "app_label": "briefs",
            "model_name": "brief",
            "field_name": "countries",
        },
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Colombia"]


def test_see_also_inline_requires_exactly_one_target(admin_client):
    data = brief_form_data(
        **inline_management("see_also", total=1),
        **{
            "see_also-0-label": "Background",
            "see_also-0-place": "news",
            "see_also-0-after_paragraph": "1",
            "see_also-0-url": "",
            "see_also-0-target_brief": "",
            "see_also-0-target_country": "",
            "see_also-0-target_topic": "",
        },
    )
    response = admin_client.post(reverse("admin:briefs_brief_add"), data)
    assert response.status_code == 200
    assert "Choose exactly one target" in response.text
    # Typed without a scheme, the address is taken as https.
    data["see_also-0-url"] = "example.org/background"
    response = admin_client.post(reverse("admin:briefs_brief_add"), data)
    assert response.status_code == 302
    assert SeeAlsoLink.objects.get().url == "https://example.org/background"
