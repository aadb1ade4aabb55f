"""What a contributor may reach through the admin, checked on the server.

Each test posts the real admin form (read from the page, one field changed)
or opens the admin URL a contributor could type, and checks both the answer
and that nothing changed.
"""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from briefs.models import Brief, BriefAuthor, RelatedBrief, SeeAlsoLink
from briefs.roles import author_profile
from briefs.translation import create_translation
from newsroom.feedback.models import ReaderMessage
from tests.factories import (
    admin_form_data,
    make_author,
    make_brief,
    make_contributor,
    make_editor,
)

pytestmark = pytest.mark.django_db


def change_url(brief):
    return reverse("admin:briefs_brief_change", args=[brief.pk])


def own_brief(user, **kwargs):
    kwargs.setdefault("published_at", None)
    return make_brief(authors=[author_profile(user)], published=False, **kwargs)


def view_on_site_url(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


def errors_of(response):
    """Every error message on a re-shown admin form, as one text."""
    assert response.status_code == 200, response.status_code
    found = [str(response.context["adminform"].form.errors)]
    for inline in response.context["inline_admin_formsets"]:
        found.append(str(inline.formset.errors))
        found.append(str(inline.formset.non_form_errors()))
    return " ".join(found)


@pytest.fixture
def contributor(client):
    user = make_contributor("carla")
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    user = make_editor("edna")
    client.force_login(user)
    return user


@pytest.fixture
def others():
    """Another contributor's draft, a scheduled brief and a published brief."""
    rosa = make_contributor("rosa")
    return {
        "draft": own_brief(rosa, title="Rosa's draft"),
        "scheduled": make_brief(
            "Scheduled",
            when=timezone.now() + timedelta(days=1),
            authors=[make_author()],
        ),
        "published": make_brief("Out now", authors=[make_author()]),
    }


# References to other briefs.


@pytest.mark.parametrize("target", ["draft", "scheduled"])
def test_a_contributor_cannot_translate_a_brief_they_may_not_see(
    client, contributor, others, target
):
    mine = own_brief(contributor, language="es")
    data = admin_form_data(client, change_url(mine))
    data["translation_of"] = str(others[target].pk)
    response = client.post(change_url(mine), data)
    assert "published briefs or your own" in errors_of(response)
    mine.refresh_from_db()
    assert mine.translation_of is None


@pytest.mark.parametrize("target", ["draft", "scheduled"])
def test_a_contributor_cannot_link_a_see_also_to_a_brief_they_may_not_see(
    client, contributor, others, target
):
    mine = own_brief(contributor)
    data = admin_form_data(client, change_url(mine))
    data.update(
        {
            "see_also-TOTAL_FORMS": "1",
            "see_also-0-label": "Read this",
            "see_also-0-place": "news",
            "see_also-0-after_paragraph": "1",
            "see_also-0-target_brief": str(others[target].pk),
        }
    )
    response = client.post(change_url(mine), data)
    assert "published briefs or your own" in errors_of(response)
    assert not SeeAlsoLink.objects.filter(brief=mine).exists()


@pytest.mark.parametrize("target", ["draft", "scheduled"])
def test_a_contributor_cannot_pick_a_related_brief_they_may_not_see(
    client, contributor, others, target
):
    mine = own_brief(contributor)
    data = admin_form_data(client, change_url(mine))
    data.update(
        {
            "related_picks-TOTAL_FORMS": "1",
            "related_picks-0-related": str(others[target].pk),
            "related_picks-0-order": "0",
        }
    )
    response = client.post(change_url(mine), data)
    assert "published briefs or your own" in errors_of(response)
    assert not RelatedBrief.objects.filter(brief=mine).exists()


def test_a_contributor_links_to_published_briefs_and_their_own(
    client, contributor, others
):
    mine = own_brief(contributor)
    other_own = own_brief(contributor, title="My other draft")
    data = admin_form_data(client, change_url(mine))
    data.update(
        {
            "see_also-TOTAL_FORMS": "1",
            "see_also-0-label": "Read this",
            "see_also-0-place": "news",
            "see_also-0-after_paragraph": "1",
            "see_also-0-target_brief": str(other_own.pk),
            "related_picks-TOTAL_FORMS": "1",
            "related_picks-0-related": str(others["published"].pk),
            "related_picks-0-order": "0",
        }
    )
    assert client.post(change_url(mine), data).status_code == 302
    assert SeeAlsoLink.objects.get(brief=mine).target_brief == other_own
    assert RelatedBrief.objects.get(brief=mine).related == others["published"]


def test_a_link_an_editor_placed_survives_the_contributors_next_save(
    client, contributor, others
):
    mine = own_brief(contributor)
    RelatedBrief.objects.create(brief=mine, related=others["draft"], order=0)
    data = admin_form_data(client, change_url(mine))
    data["title"] = "Retitled"
    assert client.post(change_url(mine), data).status_code == 302
    assert RelatedBrief.objects.get(brief=mine).related == others["draft"]


def test_a_published_brief_has_one_translation_slot_per_language(
    client, contributor, others
):
    original = others["published"]
    translation, _created = create_translation(original)
    mine = own_brief(contributor, language="es")
    data = admin_form_data(client, change_url(mine))
    data["translation_of"] = str(original.pk)
    response = client.post(change_url(mine), data)
    assert "already has a translation in this language" in errors_of(response)
    mine.refresh_from_db()
    assert mine.translation_of is None
    assert create_translation(original) == (translation, False)


def test_a_translation_points_at_the_original_not_at_another_translation(
    client, contributor, others
):
    spanish, _created = create_translation(others["published"])
    Brief.objects.filter(pk=spanish.pk).update(
        status="published", published_at=timezone.now() - timedelta(hours=1)
    )
    mine = own_brief(contributor, language="en", slug="mine")
    data = admin_form_data(client, change_url(mine))
    data["translation_of"] = str(spanish.pk)
    response = client.post(change_url(mine), data)
    assert "the original brief" in errors_of(response)


# The admin's view-on-site shortcut.


@pytest.mark.parametrize("target", ["draft", "scheduled", "published"])
def test_view_on_site_does_not_lead_a_contributor_to_others_briefs(
    client, contributor, others, target
):
    response = client.get(view_on_site_url(others[target]))
    assert response.status_code == 404


def test_view_on_site_takes_a_contributor_to_the_preview_of_their_draft(
    client, contributor
):
    mine = own_brief(contributor)
    response = client.get(view_on_site_url(mine))
    assert response.status_code == 302
    assert response.url.startswith("/en/preview/")
    assert client.get(response.url).status_code == 200


def test_view_on_site_takes_an_editor_to_a_scheduled_preview_or_the_public_page(
    client, editor, others
):
    scheduled = client.get(view_on_site_url(others["scheduled"]))
    assert scheduled.url.startswith("/en/preview/")
    published = client.get(view_on_site_url(others["published"]))
    assert published.url == others["published"].get_absolute_url()


def test_view_on_site_answers_404_for_what_the_admin_does_not_show(client, editor):
    brief = make_brief()
    user_type = ContentType.objects.get_for_model(editor)
    for url in (
        reverse("admin:view_on_site", args=[user_type.pk, editor.pk]),
        reverse("admin:view_on_site", args=[999999, brief.pk]),
        reverse("admin:view_on_site", args=["x", brief.pk]),
        view_on_site_url(brief).replace(f"/{brief.pk}/", "/not-a-number/"),
    ):
        assert client.get(url).status_code == 404, url


# Authors.


def test_the_author_list_shows_a_contributor_names_not_staff_usernames(
    client, contributor
):
    make_author("Rosa Quispe", user=make_editor("rosa-login"))
    listing = client.get(reverse("admin:briefs_author_changelist"))
    assert "Rosa Quispe" in listing.text
    assert "rosa-login" not in listing.text
    other = make_contributor("other-login")
    other.first_name, other.last_name = "Olga", "Ruiz"
    other.save()
    author = author_profile(other)
    page = client.get(reverse("admin:briefs_author_change", args=[author.pk]))
    assert "Olga Ruiz" in page.text
    assert "other-login" not in page.text


def test_editors_still_see_which_account_an_author_is(client, editor):
    make_author("Rosa Quispe", user=make_contributor("rosa-login"))
    listing = client.get(reverse("admin:briefs_author_changelist"))
    assert "rosa-login" in listing.text


def test_the_brief_list_filters_a_contributor_by_the_authors_of_their_briefs(
    client, contributor, others
):
    own_brief(contributor)
    make_author("Unrelated Person")
    page = client.get(reverse("admin:briefs_brief_changelist"))
    assert "carla" in page.text
    assert "Unrelated Person" not in page.text
    assert "rosa" not in page.text


# Reader messages.


def test_a_refused_reader_message_stays_unread(client, contributor):
    message = ReaderMessage.objects.create(
        brief=own_brief(contributor), name="Ruth", email="r@example.org", message="Hi"
    )
    url = reverse("admin:feedback_readermessage_change", args=[message.pk])
    assert client.get(url).status_code == 403
    message.refresh_from_db()
    assert message.state == ReaderMessage.State.NEW


def test_an_editor_opening_a_reader_message_marks_it_read(client, editor):
    message = ReaderMessage.objects.create(
        brief=make_brief(), name="Ruth", email="r@example.org", message="Hi"
    )
    url = reverse("admin:feedback_readermessage_change", args=[message.pk])
    assert client.get(url).status_code == 200
    message.refresh_from_db()
    assert message.state == ReaderMessage.State.READ


# Comparing revisions.


def long_text(seed):
    """About 16 KB of paragraphs whose words depend on ``seed``."""
    words = [f"w{seed}x{n % 997}" for n in range(2400)]
    return "".join(
        f"<p>{' '.join(words[i : i + 20])}</p>" for i in range(0, len(words), 20)
    )


def diff_page(client, brief, **changes):
    data = admin_form_data(client, change_url(brief))
    assert client.post(change_url(brief), data).status_code == 302
    version = Version.objects.get_for_object(brief).first()
    Brief.objects.filter(pk=brief.pk).update(**changes)
    return client.get(
        reverse("admin:briefs_brief_version_diff", args=[brief.pk, version.pk])
    )


def test_two_long_different_texts_are_too_large_to_compare(client, editor):
    brief = make_brief(news=long_text(1), authors=[make_author()])
    assert len(brief.news) > 16_000
    response = diff_page(client, brief, news=long_text(2))
    assert response.status_code == 200
    row = next(row for row in response.context["rows"] if row["field"] == "news")
    assert row["too_large"]
    assert "too large to compare" in response.text
    assert "<del>" not in row["old"] and "<ins>" not in row["new"]


def test_a_small_edit_in_a_long_text_is_still_compared_word_by_word(client, editor):
    text = long_text(1)
    brief = make_brief(news=text, authors=[make_author()])
    edited = text.replace("w1x500 ", "changed ", 1)
    response = diff_page(client, brief, news=edited)
    row = next(row for row in response.context["rows"] if row["field"] == "news")
    assert not row["too_large"]
    assert "<del>w1x500</del>" in row["old"]
    assert "<ins>changed</ins>" in row["new"]


# Bylines.


@pytest.mark.parametrize("when", [timedelta(hours=-1), timedelta(days=1)])
def test_an_editor_cannot_remove_the_last_author_of_a_published_brief(
    client, editor, when
):
    brief = make_brief(when=timezone.now() + when, authors=[make_author()])
    data = admin_form_data(client, change_url(brief))
    data["briefauthor_set-0-DELETE"] = "on"
    response = client.post(change_url(brief), data)
    assert "keeps at least one author" in errors_of(response)
    assert BriefAuthor.objects.filter(brief=brief).count() == 1


def test_an_editor_cannot_publish_a_brief_without_an_author(client, editor):
    brief = make_brief(published=False, published_at=None)
    data = admin_form_data(client, change_url(brief))
    data["status"] = "published"
    response = client.post(change_url(brief), data)
    assert "keeps at least one author" in errors_of(response)
    brief.refresh_from_db()
    assert brief.status == "draft"


def test_a_draft_may_lose_its_last_author(client, editor):
    brief = make_brief(published=False, published_at=None, authors=[make_author()])
    data = admin_form_data(client, change_url(brief))
    data["briefauthor_set-0-DELETE"] = "on"
    assert client.post(change_url(brief), data).status_code == 302
    assert not BriefAuthor.objects.filter(brief=brief).exists()


def test_the_publish_action_skips_briefs_without_an_author(client, editor):
    with_author = make_brief(published=False, authors=[make_author()])
    without = make_brief(published=False)
    response = client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "publish", "_selected_action": [with_author.pk, without.pk]},
        follow=True,
    )
    assert Brief.objects.get(pk=with_author.pk).status == "published"
    assert Brief.objects.get(pk=without.pk).status == "draft"
    assert "has no author" in response.text


def test_a_contributors_translation_copy_links_no_draft_of_someone_elses(
    client, contributor, others
):
    published = others["published"]
    spanish_draft, _created = create_translation(published)
    BriefAuthor.objects.filter(brief=spanish_draft).delete()
    mine = own_brief(contributor)
    RelatedBrief.objects.create(brief=mine, related=published, order=0)
    SeeAlsoLink.objects.create(brief=mine, label="See", target_brief=published)
    client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "translate", "_selected_action": [mine.pk]},
    )
    copy = Brief.objects.get(translation_of=mine)
    assert not RelatedBrief.objects.filter(brief=copy).exists()
    assert not SeeAlsoLink.objects.filter(brief=copy).exists()


def test_a_contributors_history_names_editors_without_their_usernames(
    client, contributor
):
    mine = own_brief(contributor)
    editor = make_editor("edna-login")
    client.force_login(editor)
    data = admin_form_data(client, change_url(mine))
    assert client.post(change_url(mine), data).status_code == 302
    history = reverse("admin:briefs_brief_history", args=[mine.pk])
    assert "edna-login" in client.get(history).text
    client.force_login(contributor)
    data = admin_form_data(client, change_url(mine))
    assert client.post(change_url(mine), data).status_code == 302
    page = client.get(history).text
    assert "edna-login" not in page
    assert "an editor" in page
    assert "carla" in page
