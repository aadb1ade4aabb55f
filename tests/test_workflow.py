"""Editorial roles and revisions: contributors write, editors publish and restore."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from briefs.models import Author, Brief, BriefAuthor
from briefs.roles import author_profile
from newsroom.licensing.models import License
from tests.factories import (
    inline_management,
    make_author,
    make_brief,
    make_contributor,
    make_country,
    make_editor,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db


def form_data(brief=None, **overrides):
    """What the admin's brief form posts, for a new brief or an existing one."""
    if brief is None:
        section = make_section(slug="news", name="News")
        data = {
            "title": "Water board meets",
            "slug": "water-board-meets",
            "summary": "The board discussed the aquifer.",
            "news": "<p>The board met.</p>",
            "analysis": "<p>It matters.</p>",
            "analysis_heading": "",
            "section": str(section.pk),
            "language": "en",
            "status": "draft",
            **inline_management("briefauthor_set"),
        }
    else:
        bylines = list(brief.briefauthor_set.all())
        data = {
            "title": brief.title,
            "slug": brief.slug,
            "summary": brief.summary,
            "news": brief.news,
            "analysis": brief.analysis,
            "analysis_heading": brief.analysis_heading,
            "section": str(brief.section_id),
            "language": brief.language,
            "status": brief.status,
            "countries": [str(tag.pk) for tag in brief.countries.all()],
            "topics": [str(tag.pk) for tag in brief.topics.all()],
            **inline_management(
                "briefauthor_set", total=len(bylines), initial=len(bylines)
            ),
        }
        for index, byline in enumerate(bylines):
            data[f"briefauthor_set-{index}-id"] = str(byline.pk)
            data[f"briefauthor_set-{index}-brief"] = str(brief.pk)
            data[f"briefauthor_set-{index}-author"] = str(byline.author_id)
            data[f"briefauthor_set-{index}-order"] = str(byline.order)
        if brief.published_at:
            local = timezone.localtime(brief.published_at)
            data["published_at_0"] = local.strftime("%Y-%m-%d")
            data["published_at_1"] = local.strftime("%H:%M:%S")
        if brief.license_id:
            data["license"] = str(brief.license_id)
    data.update(
        {
            "image_alt": "",
            "image_caption": "",
            "image_credit": "",
            "translation_of": "",
            "primary_country": "",
            "primary_topic": "",
            **inline_management("see_also"),
            **inline_management("related_picks"),
        }
    )
    data.update(overrides)
    return data


def add_url():
    return reverse("admin:briefs_brief_add")


def change_url(brief):
    return reverse("admin:briefs_brief_change", args=[brief.pk])


def own_brief(user, **kwargs):
    """A draft brief with ``user``'s author profile in the byline."""
    kwargs.setdefault("published_at", None)
    return make_brief(authors=[author_profile(user)], published=False, **kwargs)


@pytest.fixture
def contributor(client):
    user = make_contributor("carla")
    client.force_login(user)
    return user


@pytest.fixture
def editor_client(client):
    user = make_editor("edna")
    client.force_login(user)
    return client


# Roles.


def test_the_roles_migration_seeds_contributor_and_editor_groups():
    contributor = Group.objects.get(name="Contributor")
    editor = Group.objects.get(name="Editor")
    contributor_perms = set(contributor.permissions.values_list("codename", flat=True))
    editor_perms = set(editor.permissions.values_list("codename", flat=True))
    assert {"add_brief", "change_brief", "view_brief"} <= contributor_perms
    assert "publish_brief" not in contributor_perms
    assert not contributor_perms & {
        "change_license",
        "change_donationprompt",
        "change_publication",
        "delete_brief",
    }
    assert {
        "publish_brief",
        "delete_brief",
        "change_license",
        "change_donationprompt",
        "change_publication",
        "view_readermessage",
        "view_republication",
    } <= editor_perms


def test_a_contributor_writes_a_draft_and_becomes_its_author(client, contributor):
    response = client.post(add_url(), form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    brief = Brief.objects.get(slug="water-board-meets")
    assert brief.status == Brief.Status.DRAFT
    assert brief.published_at is None
    author = Author.objects.get(user=contributor)
    assert list(brief.authors.all()) == [author]
    assert client.get(change_url(brief)).status_code == 200


def test_a_contributor_submits_a_brief_for_review(client, contributor):
    brief = own_brief(contributor)
    response = client.post(change_url(brief), form_data(brief, status="review"))
    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.status == Brief.Status.REVIEW
    assert brief.get_status_display() == "Ready for review"


def test_a_contributor_cannot_publish_with_a_forged_post(
    client, contributor, django_user_model
):
    brief = own_brief(contributor)
    response = client.post(change_url(brief), form_data(brief, status="published"))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    brief.refresh_from_db()
    assert brief.status == Brief.Status.DRAFT
    assert not Brief.objects.published().exists()

    response = client.post(add_url(), form_data(status="published"))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert not Brief.objects.filter(slug="water-board-meets").exists()


def test_a_contributor_cannot_schedule_or_change_the_license(client, contributor):
    brief = own_brief(contributor)
    original_license = brief.license_id
    other = License.objects.exclude(pk=original_license).first()
    form = client.get(change_url(brief)).context["adminform"].form
    assert "published_at" not in form.fields
    assert "license" not in form.fields
    assert [value for value, _label in form.fields["status"].choices] == [
        "draft",
        "review",
    ]
    tomorrow = timezone.localtime() + timedelta(days=1)
    response = client.post(
        change_url(brief),
        form_data(
            brief,
            status="review",
            published_at_0=tomorrow.strftime("%Y-%m-%d"),
            published_at_1="09:00:00",
            license=str(other.pk),
        ),
    )
    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.status == Brief.Status.REVIEW
    assert brief.published_at is None
    assert brief.license_id == original_license


def test_a_contributor_sees_and_edits_only_their_own_briefs(client, contributor):
    mine = own_brief(contributor, title="Mine")
    theirs = own_brief(make_contributor("other"), title="Theirs")
    changelist = client.get(reverse("admin:briefs_brief_changelist"))
    shown = {brief.pk for brief in changelist.context["cl"].result_list}
    assert shown == {mine.pk}
    response = client.get(change_url(theirs))
    assert response.status_code == 302  # "doesn't exist", back to the admin index
    response = client.post(change_url(theirs), form_data(theirs, title="Hijacked"))
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"


def test_a_contributor_cannot_edit_a_published_brief(client, contributor):
    brief = own_brief(contributor)
    brief.status = Brief.Status.PUBLISHED
    brief.save()
    response = client.post(
        change_url(brief), form_data(brief, status="draft", title="Rewritten")
    )
    assert response.status_code == 403
    brief.refresh_from_db()
    assert brief.title != "Rewritten"
    assert brief.status == Brief.Status.PUBLISHED


def test_a_contributor_cannot_run_the_publish_action(client, contributor):
    brief = own_brief(contributor)
    changelist = reverse("admin:briefs_brief_changelist")
    actions = client.get(changelist).context["action_form"].fields["action"].choices
    assert "publish" not in [value for value, _label in actions]
    client.post(changelist, {"action": "publish", "_selected_action": [brief.pk]})
    brief.refresh_from_db()
    assert brief.status == Brief.Status.DRAFT


@pytest.mark.parametrize(
    "url",
    [
        "admin:licensing_license_add",
        "admin:fundraising_donationprompt_add",
        "admin:publication_publication_changelist",
        "admin:briefs_section_add",
    ],
)
def test_a_contributor_cannot_change_licenses_prompts_or_the_publication(
    client, contributor, url
):
    assert client.get(reverse(url)).status_code == 403


def test_an_editor_publishes_and_schedules(client, editor_client):
    writer = make_contributor("wendy")
    brief = own_brief(writer, title="Scheduled story")
    brief.status = Brief.Status.REVIEW
    brief.save()
    tomorrow = timezone.localtime() + timedelta(days=1)
    response = editor_client.post(
        change_url(brief),
        form_data(
            brief,
            status="published",
            published_at_0=tomorrow.strftime("%Y-%m-%d"),
            published_at_1="09:00:00",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    brief.refresh_from_db()
    assert brief.is_scheduled

    other = own_brief(writer, title="Publish now")
    editor_client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "publish", "_selected_action": [other.pk]},
    )
    other.refresh_from_db()
    assert other.is_public


def test_editors_filter_briefs_ready_for_review_and_see_the_count(editor_client):
    writer = make_contributor("rita")
    ready = own_brief(writer, title="Ready one", status=Brief.Status.REVIEW)
    own_brief(writer, title="Still a draft")
    response = editor_client.get(
        reverse("admin:briefs_brief_changelist") + "?status__exact=review"
    )
    assert [brief.pk for brief in response.context["cl"].result_list] == [ready.pk]
    index = editor_client.get(reverse("admin:index"))
    assert index.context["review_count"] == 1
    assert "1 brief ready for review" in index.text


# Revisions.


def test_every_admin_save_keeps_a_revision_with_who_and_what(client, editor_client):
    brief = make_brief("First headline", authors=[make_author()])
    editor_client.post(change_url(brief), form_data(brief, title="Second headline"))
    editor_client.post(
        change_url(Brief.objects.get(pk=brief.pk)),
        form_data(Brief.objects.get(pk=brief.pk), news="<p>New text.</p>"),
    )
    versions = list(Version.objects.get_for_object(brief))
    assert len(versions) == 2
    newest, older = versions
    assert newest.revision.user.username == "edna"
    assert "News" in newest.revision.get_comment()
    assert "Headline" in older.revision.get_comment()
    history = editor_client.get(reverse("admin:briefs_brief_history", args=[brief.pk]))
    assert "Changed Headline." in history.text


def test_admin_actions_keep_a_revision(editor_client):
    brief = make_brief(published=False, authors=[make_author()])
    editor_client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "publish", "_selected_action": [brief.pk]},
    )
    version = Version.objects.get_for_object(brief).get()
    assert version.field_dict["status"] == "published"
    assert "Publish the selected briefs" in version.revision.get_comment()


def test_an_editor_compares_a_revision_field_by_field_escaped(editor_client):
    brief = make_brief("Old <b>headline</b>", authors=[make_author("Ana")])
    editor_client.post(change_url(brief), form_data(brief))
    brief.refresh_from_db()
    editor_client.post(
        change_url(brief),
        form_data(brief, title="New <script>alert(1)</script> headline"),
    )
    first = Version.objects.get_for_object(brief).last()
    response = editor_client.get(
        reverse("admin:briefs_brief_version_diff", args=[brief.pk, first.pk])
    )
    assert response.status_code == 200
    rows = {row["field"]: row for row in response.context["rows"]}
    assert set(rows) == {"title"}
    assert "<del>Old</del>" in rows["title"]["old"]
    assert "&lt;b&gt;" in rows["title"]["old"]
    assert "&lt;script&gt;" in rows["title"]["new"]
    assert "<script>alert" not in response.text
    assert "<ins>" in rows["title"]["new"]


def test_an_editor_restores_a_revision_with_its_byline_and_tags_in_one_click(
    editor_client,
):
    ana, ben = make_author("Ana"), make_author("Ben")
    chile, water = make_country("Chile"), make_topic("Water")
    brief = make_brief("Original", authors=[ana], countries=[chile], topics=[water])
    editor_client.post(change_url(brief), form_data(brief))
    first = Version.objects.get_for_object(brief).get()
    brief.refresh_from_db()
    data = form_data(brief, title="Rewritten", news="<p>Other text.</p>", topics=[])
    data["briefauthor_set-0-author"] = str(ben.pk)
    assert editor_client.post(change_url(brief), data).status_code == 302
    brief.refresh_from_db()
    assert brief.title == "Rewritten"
    assert list(brief.authors.all()) == [ben]

    diff = editor_client.get(
        reverse("admin:briefs_brief_version_diff", args=[brief.pk, first.pk])
    )
    assert {row["field"] for row in diff.context["rows"]} >= {
        "title",
        "news",
        "authors",
        "topics",
    }
    response = editor_client.post(
        reverse("admin:briefs_brief_version_restore", args=[brief.pk, first.pk])
    )
    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.title == "Original"
    assert brief.news == first.field_dict["news"]
    assert list(brief.authors.all()) == [ana]
    assert list(brief.countries.all()) == [chile]
    assert list(brief.topics.all()) == [water]
    newest = Version.objects.get_for_object(brief).first()
    assert "Restored the revision" in newest.revision.get_comment()
    assert newest.revision.user.username == "edna"


def test_restoring_one_brief_leaves_others_in_the_same_revision_alone(editor_client):
    ana = make_author("Ana")
    first, second = (
        make_brief("One", published=False, authors=[ana]),
        make_brief("Two", published=False, authors=[ana]),
    )
    editor_client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "publish", "_selected_action": [first.pk, second.pk]},
    )
    version = Version.objects.get_for_object(first).get()
    Brief.objects.filter(pk__in=[first.pk, second.pk]).update(title="Edited")
    editor_client.post(
        reverse("admin:briefs_brief_version_restore", args=[first.pk, version.pk])
    )
    assert Brief.objects.get(pk=first.pk).title == "One"
    assert Brief.objects.get(pk=second.pk).title == "Edited"


def test_contributors_cannot_compare_or_restore_revisions(client, contributor):
    brief = own_brief(contributor)
    client.post(change_url(brief), form_data(brief, title="Changed"))
    version = Version.objects.get_for_object(brief).get()
    diff = reverse("admin:briefs_brief_version_diff", args=[brief.pk, version.pk])
    restore = reverse("admin:briefs_brief_version_restore", args=[brief.pk, version.pk])
    assert client.get(diff).status_code == 403
    assert client.post(restore).status_code == 403
    revert = reverse("admin:briefs_brief_revision", args=[brief.pk, version.pk])
    assert client.post(revert, form_data(brief)).status_code == 403
    assert client.get(reverse("admin:briefs_brief_recoverlist")).status_code == 403


def test_restore_needs_a_post(editor_client):
    brief = make_brief(authors=[make_author()])
    editor_client.post(change_url(brief), form_data(brief))
    version = Version.objects.get_for_object(brief).get()
    restore = reverse("admin:briefs_brief_version_restore", args=[brief.pk, version.pk])
    assert editor_client.get(restore).status_code == 405


def test_a_version_of_another_brief_is_not_found(editor_client):
    one, two = make_brief(authors=[make_author()]), make_brief()
    editor_client.post(change_url(one), form_data(one))
    version = Version.objects.get_for_object(one).get()
    url = reverse("admin:briefs_brief_version_diff", args=[two.pk, version.pk])
    assert editor_client.get(url).status_code == 404


def test_the_contributor_byline_is_added_even_when_they_credit_someone_else(
    client, contributor
):
    guest = make_author("Guest Writer")
    data = form_data(**inline_management("briefauthor_set", total=1))
    data["briefauthor_set-0-author"] = str(guest.pk)
    data["briefauthor_set-0-order"] = "0"
    assert client.post(add_url(), data).status_code == 302
    brief = Brief.objects.get(slug="water-board-meets")
    names = [b.author.name for b in BriefAuthor.objects.filter(brief=brief)]
    assert names == ["Guest Writer", "carla"]


# The admin index dashboard.


def test_the_dashboard_shows_editors_what_needs_attention(editor_client):
    from newsroom.feedback.models import ReaderMessage, Vote
    from newsroom.republishing.models import Republication

    now = timezone.now()
    make_brief("Scheduled for tomorrow", when=now + timedelta(days=1))
    own_brief(make_contributor("rosa"), title="Waiting <b>review</b>", status="review")
    helpful = make_brief("Very helpful brief")
    for reader in range(3):
        Vote.objects.create(brief=helpful, reader=f"r{reader}", helpful=True)
    Vote.objects.create(brief=make_brief("Unhelpful brief"), reader="x", helpful=False)
    Republication.objects.create(
        brief=helpful,
        domain="partner.example",
        count=4,
        first_seen=now,
        last_seen=now,
    )
    ReaderMessage.objects.create(
        brief=helpful, name="Reader Ruth", email="ruth@example.org", message="Thanks!"
    )
    response = editor_client.get(reverse("admin:index"))
    page = response.text
    assert "Scheduled for tomorrow" in page
    assert "Waiting &lt;b&gt;review&lt;/b&gt;" in page
    assert "1 brief ready for review" in page
    assert [brief.title for brief, _count in response.context["helpful"]] == [
        "Very helpful brief"
    ]
    assert "3 readers found it helpful" in page
    assert "partner.example" in page
    assert "Reader Ruth" in page


def test_contributors_see_their_own_drafts_not_the_newsroom_inbox(client, contributor):
    from newsroom.feedback.models import ReaderMessage

    mine = own_brief(contributor, title="My draft")
    own_brief(make_contributor("else"), title="Someone else's", status="review")
    ReaderMessage.objects.create(
        brief=mine, name="Reader Ruth", email="ruth@example.org", message="Hi"
    )
    page = client.get(reverse("admin:index")).text
    assert "My draft" in page
    assert "Someone else" not in page
    assert "0 briefs ready for review" in page
    assert "Reader Ruth" not in page


def test_an_editor_recovers_a_deleted_brief_without_touching_others(editor_client):
    ana = make_author("Ana")
    first = make_brief("One", published=False, authors=[ana])
    second = make_brief("Two", published=False)
    editor_client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "publish", "_selected_action": [first.pk, second.pk]},
    )
    Brief.objects.filter(pk=second.pk).update(title="Edited since")
    editor_client.post(
        reverse("admin:briefs_brief_delete", args=[first.pk]), {"post": "yes"}
    )
    assert not Brief.objects.filter(pk=first.pk).exists()
    recoverlist = editor_client.get(reverse("admin:briefs_brief_recoverlist"))
    assert "One" in recoverlist.text
    version = Version.objects.get_deleted(Brief).get()
    url = reverse("admin:briefs_brief_recover", args=[version.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url)
    assert response.status_code == 302
    recovered = Brief.objects.get(pk=first.pk)
    assert recovered.title == "One"
    assert recovered.is_public
    assert list(recovered.authors.all()) == [ana]
    assert Brief.objects.get(pk=second.pk).title == "Edited since"
