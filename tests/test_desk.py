"""The editors' desk: branding, grouped navigation, Scheduled, counts and dates."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import formats, timezone
from PIL import Image

from briefs.models import Brief
from newsroom.feedback.models import Vote
from newsroom.fundraising.models import DonationClick
from newsroom.publication.models import Publication
from tests.factories import make_brief, make_editor, make_prompt, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:briefs_brief_changelist"


def group_names(html):
    """The desk's groups on the index, in order."""
    return re.findall(r'class="app-desk-([a-z]+) module', html)


def test_the_header_and_title_carry_the_publications_name(client):
    Publication.objects.update_or_create(pk=1, defaults={"name": "Quebrada Press"})
    client.force_login(make_user(superuser=True))
    html = client.get(reverse("admin:index")).text
    assert "Quebrada Press" in re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Django administration" not in html
    assert "Quebrada Press" in html.split('id="site-name"', 1)[1][:300]


def test_the_index_groups_models_for_a_newsroom(client):
    client.force_login(make_user(superuser=True))
    html = client.get(reverse("admin:index")).text
    assert group_names(html) == [
        "content",
        "revenue",
        "readers",
        "republishing",
        "settings",
    ]
    settings_group = html.split('class="app-desk-settings', 1)[1]
    for model in ("publication", "user", "group", "accessattempt", "tag"):
        assert f"model-{model}" in settings_group


def test_login_attempts_and_tags_are_for_superusers_only(client):
    editor = make_editor()
    client.force_login(editor)
    html = client.get(reverse("admin:index")).text
    assert group_names(html)[0] == "content"
    assert "model-accessattempt" not in html and "model-tag" not in html
    assert reverse("admin:axes_accessattempt_changelist") not in html
    assert reverse("admin:taggit_tag_changelist") not in html
    # Not only hidden: refused when typed, even with the permission.
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_tag", "view_accessattempt"])
    )
    assert client.get(reverse("admin:taggit_tag_changelist")).status_code == 403
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_a_brief_published_with_a_future_time_shows_as_scheduled(admin_client):
    later = timezone.now() + timedelta(days=2)
    make_brief("Tomorrow's brief", when=later)
    make_brief("Live brief")
    html = admin_client.get(reverse(CHANGELIST)).text
    row = html.split("Tomorrow&#x27;s brief", 1)[1].split("</tr>", 1)[0]
    assert "desk-status-scheduled" in row and "Scheduled" in row
    assert formats.date_format(timezone.localtime(later), "DATETIME_FORMAT") in row
    live = html.split("Live brief", 1)[1].split("</tr>", 1)[0]
    assert "Scheduled" not in live and "Published" in live


def test_the_scheduled_filter_lists_only_briefs_waiting_for_their_time(admin_client):
    make_brief("Waiting brief", when=timezone.now() + timedelta(hours=3))
    make_brief("Live brief")
    make_brief("Draft brief", published=False)

    def titles(status):
        response = admin_client.get(reverse(CHANGELIST), {"status": status})
        assert response.status_code == 200
        return {brief.title for brief in response.context["cl"].result_list}

    assert titles("scheduled") == {"Waiting brief"}
    assert titles("published") == {"Live brief"}
    assert titles("draft") == {"Draft brief"}
    html = admin_client.get(reverse(CHANGELIST)).text
    assert "?status=scheduled" in html
    # The old address of the field filter still answers.
    response = admin_client.get(reverse(CHANGELIST), {"status__exact": "draft"})
    assert {b.title for b in response.context["cl"].result_list} == {"Draft brief"}


def test_the_form_and_the_dashboard_say_scheduled(admin_client):
    brief = make_brief("Waiting brief", when=timezone.now() + timedelta(days=1))
    form = admin_client.get(reverse("admin:briefs_brief_change", args=[brief.pk]))
    state = form.text.split(">Status now<", 1)[1][:1500]
    assert "Scheduled" in state and "Goes live in" in state
    index = admin_client.get(reverse("admin:index")).text
    dashboard = index.split('id="dashboard-scheduled"', 1)[1][:1500]
    assert "1 brief scheduled" in dashboard
    assert "Waiting brief" in dashboard and "desk-status-scheduled" in dashboard
    assert "?status=scheduled" in dashboard


def test_form_labels_are_capitalised(admin_client):
    html = admin_client.get(reverse("admin:briefs_brief_add")).text
    labels = re.findall(r"<label[^>]*for=\"id_(countries|topics)\"[^>]*>\s*(\w+)", html)
    assert dict(labels) == {"countries": "Countries", "topics": "Topics"}
    # The see-also link's News-or-Analysis choice is not called "Section".
    see_also = html.split('id="see_also-group"', 1)[1]
    place = re.search(r'for="id_see_also-__prefix__-place"[^>]*>\s*([^<]+)', see_also)
    assert place.group(1).strip() == "Placed in"


def test_report_counts_are_pluralised_and_dates_in_the_admins_format(admin_client):
    prompt = make_prompt(name="Spring appeal")
    today = timezone.localdate()
    DonationClick.objects.create(prompt=prompt, day=today, clicks=1)
    DonationClick.objects.create(prompt=prompt, day=today - timedelta(days=1), clicks=2)
    response = admin_client.get(
        reverse("admin:fundraising_donationprompt_report", args=[prompt.pk])
    )
    html = response.text
    day = formats.date_format(today, "DATE_FORMAT")
    assert f"<title>{day}: 1 click</title>" in html
    assert ": 2 clicks</title>" in html
    assert "1 clicks" not in html
    assert "<strong>3</strong> clicks in total" in html
    assert f"<td>{day}</td>" in html
    assert today.strftime("%m/%d/%Y") not in html


def test_feedback_counts_are_pluralised(admin_client):
    brief = make_brief("Voted brief")
    Vote.objects.create(brief=brief, helpful=True, reader="one")
    response = admin_client.get(
        reverse("admin:feedback_brieffeedback_change", args=[brief.pk])
    )
    html = response.text
    assert "<strong>1</strong> vote<" in html
    assert "<strong>0</strong> suggestions" in html
    assert ": 1 vote “helpful”</title>" in html
    published = formats.date_format(brief.published_at, "DATE_FORMAT")
    changelist = admin_client.get(reverse("admin:feedback_brieffeedback_changelist"))
    assert published in changelist.text


def test_unknown_status_values_list_every_brief(admin_client):
    make_brief("Any brief", status=Brief.Status.REVIEW)
    response = admin_client.get(reverse(CHANGELIST), {"status": "nonsense"})
    assert response.status_code == 200


def test_logging_in_without_a_next_page_opens_the_desk(client):
    make_user("desk-editor", password="pw-desk-12345")
    response = client.post(
        reverse("admin:login"),
        {"username": "desk-editor", "password": "pw-desk-12345"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/?groups=9223372036854775808",
        "/admin/auth/group/?permissions=9223372036854775808",
        "/admin/axes/accessattempt/?attempt_time__year=9999",
    ],
)
def test_the_settings_lists_refuse_numbers_their_database_cannot_take(
    admin_client, url
):
    response = admin_client.get(url)
    assert response.status_code == 302
    assert "9223372036854775808" not in response["Location"]


def test_the_header_shows_the_publications_icon_when_one_is_set(
    admin_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    html = admin_client.get(reverse("admin:index")).text
    assert "/media/publication/" not in html
    buffer = io.BytesIO()
    Image.new("RGB", (180, 180), "teal").save(buffer, "PNG")
    publication = Publication.load_from_database()
    publication.site_icon.save("desk-icon.png", ContentFile(buffer.getvalue()))
    html = admin_client.get(reverse("admin:index")).text
    assert f'src="{publication.site_icon.url}"' in html
