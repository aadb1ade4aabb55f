"""Checks before publishing in the brief's change form (briefs/admin_checks.py)."""

import pytest
from django.urls import reverse

from briefs.admin_checks import count_label, word_count
from briefs.models import Brief, SeeAlsoLink
from tests.factories import (
    admin_form_data,
    make_author,
    make_brief,
    make_country,
    make_editor,
    make_image,
    unique,
)

pytestmark = pytest.mark.django_db

GOOD_SUMMARY = "The regional council approved limits on pumping from the aquifer."


def good_brief(**kwargs):
    values = {"title": unique("Council votes on the aquifer"), "summary": GOOD_SUMMARY}
    values.update(kwargs)
    values.setdefault("countries", [make_country()])
    return make_brief(authors=[make_author()], **values)


def change_url(brief):
    return reverse("admin:briefs_brief_change", args=[brief.pk])


def panel(client, brief):
    html = client.get(change_url(brief)).text
    start = html.index('id="brief-checks"')
    return html[start : html.index("</div>", start)]


def save(client, brief, **changes):
    data = admin_form_data(client, change_url(brief))
    data.update(changes)
    return client.post(change_url(brief), data, follow=True)


def warnings(response):
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_a_brief_that_passes_every_check_says_so(editor_client):
    brief = good_brief()
    assert "All checks pass." in panel(editor_client, brief)
    response = save(editor_client, brief)
    assert not [m for m in warnings(response) if "characters" in m]


def test_a_long_headline_warns_in_the_panel_and_on_save(editor_client):
    brief = good_brief(title="A" * 61)
    assert "The headline has 61 characters" in panel(editor_client, brief)
    response = save(editor_client, brief)
    assert any("The headline has 61 characters" in m for m in warnings(response))
    assert "The headline has" not in panel(editor_client, good_brief(title="A" * 60))


@pytest.mark.parametrize("length", [49, 161])
def test_a_summary_too_short_or_long_for_the_meta_description_warns(
    editor_client, length
):
    brief = good_brief(summary="s" * length)
    response = save(editor_client, brief)
    assert any(f"The summary has {length} characters" in m for m in warnings(response))


def test_no_country_warns(editor_client):
    brief = good_brief(countries=[])
    assert "The brief has no country." in panel(editor_client, brief)
    response = save(editor_client, brief)
    assert "The brief has no country." in warnings(response)


def test_empty_analysis_warns_unless_marked_no_analysis(editor_client):
    brief = good_brief(analysis="")
    response = save(editor_client, brief)
    assert any("The analysis is empty" in m for m in warnings(response))
    response = save(editor_client, brief, no_analysis="on")
    assert Brief.objects.get(pk=brief.pk).no_analysis
    assert not any("The analysis is empty" in m for m in warnings(response))


def test_a_see_also_link_to_a_draft_warns(editor_client):
    brief = good_brief()
    draft = make_brief("Unfinished story", published=False)
    SeeAlsoLink.objects.create(brief=brief, label="More water", target_brief=draft)
    SeeAlsoLink.objects.create(brief=brief, label="Fine", target_brief=good_brief())
    message = "The see-also link “More water” points to a brief that is not public."
    assert message in panel(editor_client, brief)
    response = save(editor_client, brief)
    assert message in warnings(response)
    assert not any("“Fine”" in m for m in warnings(response))


def test_a_link_in_the_text_to_a_draft_warns(editor_client):
    draft = make_brief("Unfinished story", published=False, language="es")
    public = good_brief(title="Public story")
    brief = good_brief()
    news = (
        f'<p>See <a href="http://localhost/es/briefs/{draft.slug}/">this</a>'
        f' and <a href="/en/briefs/{public.slug}/">that</a>'
        ' and <a href="https://elsewhere.example/en/briefs/x/">x</a>.</p>'
    )
    response = save(editor_client, brief, news=news)
    assert (
        warnings(response).count(
            "The text links to “Unfinished story”, which is not public."
        )
        == 1
    )
    assert not any("Public story" in m for m in warnings(response))


def test_publishing_an_image_without_alt_text_is_blocked(editor_client):
    brief = good_brief(published=False)
    brief.featured_image.save("photo.jpg", make_image())
    data = admin_form_data(editor_client, change_url(brief))
    data.update(status="published", image_alt="")
    response = editor_client.post(change_url(brief), data)
    assert response.status_code == 200
    assert "The featured image has no alt text" in str(
        response.context["adminform"].form.errors["image_alt"]
    )
    assert Brief.objects.get(pk=brief.pk).status == Brief.Status.DRAFT
    # A draft may still be saved, with a warning; with alt text it publishes.
    data["status"] = "draft"
    response = editor_client.post(change_url(brief), data, follow=True)
    assert any("no alt text" in m for m in warnings(response))
    # The form as it reloads after that save (it carries the new version).
    data = admin_form_data(editor_client, change_url(brief))
    data.update(status="published", image_alt="Farmers at the council meeting")
    response = editor_client.post(change_url(brief), data)
    assert response.status_code == 302
    assert Brief.objects.get(pk=brief.pk).status == Brief.Status.PUBLISHED


def test_the_panel_counts_words_and_reading_time(editor_client):
    brief = good_brief(news="<p>" + "word " * 450 + "</p>", analysis="<p>Two words</p>")
    html = panel(editor_client, brief)
    assert "450 words, 2 min read" in html
    assert "2 words, 1 min read" in html
    assert "js/brief-wordcount.js" in editor_client.get(change_url(brief)).text


def test_word_count_reads_text_not_markup():
    assert word_count("<p>One <b>two</b></p><p>three<br>f<i>ou</i>r</p>") == 4
    assert word_count("") == 0
    assert count_label(0) == "0 words"


def test_the_publish_action_holds_back_an_image_without_alt_text(editor_client):
    pictured = good_brief(published=False)
    pictured.featured_image.save("photo.jpg", make_image())
    described = good_brief(published=False, image_alt="Farmers at the meeting")
    described.featured_image.save("photo.jpg", make_image())
    response = editor_client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "publish", "_selected_action": [pictured.pk, described.pk]},
        follow=True,
    )
    assert Brief.objects.get(pk=pictured.pk).status == Brief.Status.DRAFT
    assert Brief.objects.get(pk=described.pk).status == Brief.Status.PUBLISHED
    assert any(pictured.title in m and "no alt text" in m for m in warnings(response))
