"""Admin changelist queries the database cannot answer redirect, never 500.

Dates past what the date hierarchy can compute, integers past 64 bits.
"""

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from newsroom.feedback.models import ReaderMessage, Vote
from newsroom.fundraising.models import DonationClick
from newsroom.republishing.models import Republication
from tests.factories import make_brief, make_prompt

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    ("/admin/briefs/brief/", "published_at"),
    ("/admin/feedback/vote/", "created_at"),
    ("/admin/feedback/readermessage/", "created_at"),
    ("/admin/fundraising/donationclick/", "day"),
    ("/admin/republishing/republication/", "last_seen"),
]


@pytest.fixture
def rows():
    brief = make_brief("Dated brief")
    Vote.objects.create(brief=brief, helpful=True)
    ReaderMessage.objects.create(
        brief=brief, name="Ana", email="ana@example.com", message="Hi"
    )
    DonationClick.record(make_prompt(), brief=brief)
    now = timezone.now()
    Republication.objects.create(
        brief=brief, domain="other.example", kind="site", first_seen=now, last_seen=now
    )


@pytest.mark.parametrize("url, field", CHANGELISTS)
@pytest.mark.parametrize(
    "query",
    [
        "{f}__year=9999",
        "{f}__year=9999&{f}__month=12",
        "{f}__year=9999&{f}__month=12&{f}__day=31",
        "{f}__year=1&{f}__month=1&{f}__day=1",
        "{f}__year=0",
        "{f}__year=-5",
        "{f}__year=99999999999999999999",
        "{f}__year=2024&{f}__month=13",
        "{f}__year=2024&{f}__month=2&{f}__day=30",
        "{f}__year=2024&{f}__year=9999",
    ],
)
def test_out_of_range_dates_redirect_to_the_changelist_with_a_warning(
    admin_client, rows, url, field, query
):
    response = admin_client.get(url + "?" + query.format(f=field) + "&o=1")
    assert response.status_code == 302
    assert response["Location"] == url + "?o=1"
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("That date cannot be shown" in text for text in warnings)
    assert admin_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("url, field", CHANGELISTS)
def test_real_dates_still_drill_down(admin_client, rows, url, field):
    today = timezone.localdate()
    query = f"{field}__year={today.year}&{field}__month={today.month}"
    response = admin_client.get(f"{url}?{query}&{field}__day={today.day}")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    response = admin_client.get(f"{url}?{field}__year=2999")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0


@pytest.mark.parametrize(
    "url, query",
    [
        ("/admin/licensing/license/", "briefs=9223372036854775808"),
        ("/admin/fundraising/donationprompt/", "clicks=-99999999999999999999"),
        ("/admin/briefs/author/", "briefauthor=1,99999999999999999999"),
        ("/admin/briefs/brief/", "section__id__exact=" + "9" * 5000),
        ("/admin/fundraising/donationprompt/", "active_from__year=0"),
        ("/admin/fundraising/donationprompt/", "active_from__year=2147483648"),
        ("/admin/briefs/brief/", "updated_at__year__gte=x"),
    ],
)
def test_numbers_out_of_range_in_filters_redirect_with_a_warning(
    admin_client, rows, url, query
):
    response = admin_client.get(f"{url}?{query}&q=x")
    assert response.status_code == 302
    assert response["Location"] == url + "?q=x"
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("out of range" in text for text in warnings)


def test_a_large_number_in_the_search_box_is_searched(admin_client, rows):
    response = admin_client.get("/admin/briefs/brief/?q=99999999999999999999")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url, query",
    [
        ("/admin/feedback/readermessage/", "name=%00"),
        ("/admin/republishing/republication/", "domain=a%00b"),
        ("/admin/briefs/brief/", "q=water%00"),
        ("/admin/briefs/author/", "name%00=x"),
    ],
)
def test_a_nul_byte_in_the_query_redirects_with_a_warning(
    admin_client, rows, url, query
):
    response = admin_client.get(f"{url}?{query}&o=1")
    assert response.status_code == 302
    assert response["Location"] == url + "?o=1"
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("NUL byte" in text for text in warnings)
    assert admin_client.get(response["Location"]).status_code == 200


def test_every_registered_admin_guards_its_changelist():
    from django.contrib import admin

    from newsroom.admin_queries import ChangelistQueryGuard

    unguarded = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, ChangelistQueryGuard)
    ]
    assert unguarded == []


def test_a_nul_byte_in_the_publication_list_query_is_refused(admin_client):
    from django.urls import reverse

    url = reverse("admin:publication_publication_changelist")
    response = admin_client.get(url, {"name": "\x00"})
    assert response.status_code == 302
    assert "%00" not in response["Location"]


def test_the_search_document_is_no_changelist_filter(admin_client):
    from django.urls import reverse

    url = reverse("admin:briefs_brief_changelist")
    assert admin_client.get(url, {"search_vector": "0"}).status_code == 400
