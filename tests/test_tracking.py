"""Republication tracking: the 1x1 image, what it records, and the admin report."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from briefs.models import Brief
from newsroom.republishing.models import Republication
from newsroom.republishing.tracking import referring_domain
from tests.factories import make_brief, make_license

pytestmark = pytest.mark.django_db


def pixel_url(brief_id):
    return reverse("tracking:pixel", kwargs={"brief_id": brief_id})


@pytest.fixture
def every_hit_written(settings):
    settings.NEWSROOM_REPUBLICATION_WRITE_INTERVAL = 0


def test_pixel_is_a_tiny_gif_without_cookies(client):
    brief = make_brief("Tracked")
    response = client.get(
        pixel_url(brief.pk), HTTP_REFERER="https://other.example/story"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a") and len(response.content) < 100
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "no-store" in response["Cache-Control"]
    assert pixel_url(brief.pk) == f"/r/{brief.pk}.gif"


def test_a_hit_with_a_referer_records_the_domain(client, every_hit_written):
    brief = make_brief("Tracked")
    client.get(pixel_url(brief.pk), HTTP_REFERER="https://www.Other.example/a?b=c")
    row = Republication.objects.get(brief=brief)
    assert (row.domain, row.kind, row.count) == ("other.example", "site", 1)
    first_seen = row.first_seen
    client.get(pixel_url(brief.pk), HTTP_REFERER="http://other.example/another")
    row.refresh_from_db()
    assert row.count == 2
    assert row.first_seen == first_seen <= row.last_seen
    assert Republication.objects.filter(brief=brief).count() == 1


def test_hits_without_referer_or_from_our_own_site_are_counted_apart(
    client, every_hit_written
):
    brief = make_brief("Tracked")
    client.get(pixel_url(brief.pk))
    client.get(pixel_url(brief.pk), HTTP_REFERER="")
    client.get(pixel_url(brief.pk), HTTP_REFERER="http://testserver/admin/x/")
    client.get(pixel_url(brief.pk), HTTP_REFERER="http://localhost:8000/en/")
    rows = {
        (row.kind, row.domain): row.count
        for row in Republication.objects.filter(brief=brief)
    }
    assert rows == {
        ("unknown", ""): 2,
        ("own", "testserver"): 1,
        ("own", "localhost"): 1,
    }


def test_no_address_or_full_referer_is_stored(client, every_hit_written):
    brief = make_brief("Tracked")
    client.get(
        pixel_url(brief.pk),
        HTTP_REFERER="https://blog.example/private/path?user=42",
        REMOTE_ADDR="203.0.113.9",
    )
    stored = Republication.objects.values().get()
    assert "203.0.113.9" not in str(stored)
    assert "private" not in str(stored) and "user=42" not in str(stored)
    field_types = {
        field.get_internal_type() for field in Republication._meta.concrete_fields
    }
    assert "GenericIPAddressField" not in field_types


def answer(response):
    """What an outsider sees of a pixel response."""
    headers = {
        name: response.get(name)
        for name in ("Content-Type", "Cache-Control", "Cross-Origin-Resource-Policy")
    }
    return response.status_code, response.content, headers, bool(response.cookies)


def hidden_briefs():
    return [
        make_brief("A draft", published=False),
        make_brief("Scheduled", when=timezone.now() + timedelta(days=1)),
        make_brief(
            "All rights reserved", license=make_license(allows_republishing=False)
        ),
    ]


def test_only_public_republishable_briefs_count_and_every_id_looks_the_same(
    client, every_hit_written
):
    """Drafts and scheduled briefs answered 200 and unknown ids 404: an
    outsider could list which ids exist."""
    public = make_brief("Tracked")
    referer = {"HTTP_REFERER": "https://other.example/story"}
    expected = answer(client.get(pixel_url(public.pk), **referer))
    assert expected[0] == 200 and expected[1].startswith(b"GIF89a")
    assert Republication.objects.get().brief == public
    for brief in hidden_briefs():
        assert answer(client.get(pixel_url(brief.pk), **referer)) == expected
    for path in ["/r/999999.gif", "/r/0.gif", "/r/99999999999999999.gif"]:
        assert answer(client.get(path, **referer)) == expected
    assert Republication.objects.count() == 1


def test_a_brief_counts_once_it_is_published(client, every_hit_written):
    brief = make_brief("Soon", published=False)
    client.get(pixel_url(brief.pk), HTTP_REFERER="https://other.example/")
    assert not Republication.objects.exists()
    brief.status = Brief.Status.PUBLISHED
    brief.save()
    client.get(pixel_url(brief.pk), HTTP_REFERER="https://other.example/")
    assert Republication.objects.get().count == 1


@pytest.mark.parametrize(
    "path", ["/r/abc.gif", "/r/-1.gif", "/r/1.png", "/r/" + "9" * 40 + ".gif"]
)
def test_malformed_pixel_addresses_are_404(client, path):
    assert client.get(path).status_code == 404


def test_unknown_ids_stay_cheap_when_repeated(client, django_assert_max_num_queries):
    client.get("/r/424242.gif")
    with django_assert_max_num_queries(0):
        assert client.get("/r/424242.gif").status_code == 200


GARBAGE_REFERERS = [
    "not a url",
    "javascript:alert(1)",
    "ftp://files.example/x",
    "http://",
    "http://[::1/",
    "http://exa mple.com/",
    "http://<script>.example/",
    "http://" + "a" * 300 + ".example/",
    "https://" + "b" * 64 + ".example/",
    "https://ok.example/" + "x" * 5000,
    "http://203.0.113.5/page",
    "http://[2001:db8::1]/page",
    "http://2130706433/page",
    "http://0x7f.1/page",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://www.127.0.0.1/",
    "http://1.2.3.4.5/",
    "http://example.0x1/",
    "\x00\x01\x02",
    "https://münchen.example/",
]


@pytest.mark.parametrize("referer", GARBAGE_REFERERS)
def test_garbage_referers_never_fail_and_store_only_valid_domains(
    client, every_hit_written, referer
):
    brief = make_brief("Tracked")
    response = client.get(pixel_url(brief.pk), HTTP_REFERER=referer)
    assert response.status_code == 200
    for row in Republication.objects.filter(brief=brief):
        assert len(row.domain) <= 253
        assert row.domain == "" or referring_domain("https://" + row.domain) == (
            row.domain
        )


def test_referring_domain_normalises_hosts():
    assert referring_domain("https://WWW.Example.COM./x") == "example.com"
    assert referring_domain("https://münchen.example/") == "xn--mnchen-3ya.example"
    assert referring_domain("http://203.0.113.5/") is None
    assert referring_domain("https://news.example.org./a") == "news.example.org"
    assert referring_domain("https://1password.example/") == "1password.example"
    assert referring_domain("https://0x.example/") == "0x.example"


@pytest.mark.parametrize(
    "referer",
    ["http://2130706433/", "http://0x7f.1/", "http://0177.0.0.1/", "http://127.1/"],
)
def test_numeric_ip_spellings_are_not_stored_as_republishing_sites(
    client, every_hit_written, referer
):
    brief = make_brief("Tracked")
    client.get(pixel_url(brief.pk), HTTP_REFERER=referer)
    assert list(Republication.objects.values_list("kind", "domain")) == [
        ("unknown", "")
    ]
    assert referring_domain("https://" + "a" * 3000) is None


def test_a_flood_writes_one_row_once_per_interval(
    client, settings, django_assert_max_num_queries
):
    settings.NEWSROOM_REPUBLICATION_WRITE_INTERVAL = 1
    brief = make_brief("Tracked")
    referer = "https://flood.example/"
    client.get(pixel_url(brief.pk), HTTP_REFERER=referer)
    with django_assert_max_num_queries(0):
        for _ in range(50):
            assert client.get(pixel_url(brief.pk), HTTP_REFERER=referer).status_code
    row = Republication.objects.get(brief=brief)
    assert row.count == 1
    time.sleep(1.1)
    client.get(pixel_url(brief.pk), HTTP_REFERER=referer)
    row.refresh_from_db()
    # The 50 hits held back in the cache are added with the next write.
    assert row.count == 52
    assert Republication.objects.filter(brief=brief).count() == 1


def test_forged_referers_cannot_create_unlimited_rows(client, settings):
    settings.NEWSROOM_REPUBLICATION_WRITE_INTERVAL = 0
    settings.NEWSROOM_REPUBLICATION_NEW_DOMAINS_PER_HOUR = 5
    brief = make_brief("Tracked")
    for number in range(12):
        response = client.get(
            pixel_url(brief.pk), HTTP_REFERER=f"https://site{number}.example/"
        )
        assert response.status_code == 200
    assert Republication.objects.filter(brief=brief).count() == 5
    # Known domains keep counting.
    client.get(pixel_url(brief.pk), HTTP_REFERER="https://site0.example/")
    assert Republication.objects.get(brief=brief, domain="site0.example").count == 2


def test_brief_admin_shows_where_it_was_republished(admin_client, client):
    brief = make_brief("Widely republished")
    for referer in [
        "https://first.example/a",
        "https://second.example/b",
        "https://second.example/c",
        "",
    ]:
        client.get(pixel_url(brief.pk), HTTP_REFERER=referer)
    page = admin_client.get(reverse("admin:briefs_brief_change", args=[brief.pk]))
    assert page.status_code == 200
    assert "Republished on 2 sites" in page.text
    assert "first.example" in page.text and "second.example" in page.text
    assert "0 loads from our own site" in page.text
    assert "1 without a referring site" in page.text


def test_republication_changelist_filters_by_domain_and_sorts_by_count(
    admin_client, client, every_hit_written
):
    one, two = make_brief("One"), make_brief("Two")
    for _ in range(3):
        client.get(pixel_url(one.pk), HTTP_REFERER="https://busy.example/")
    client.get(pixel_url(two.pk), HTTP_REFERER="https://quiet.example/")
    client.get(pixel_url(two.pk), HTTP_REFERER="https://busy.example/")
    url = reverse("admin:republishing_republication_changelist")
    page = admin_client.get(url)
    assert page.status_code == 200
    rows = list(page.context["cl"].result_list)
    assert [row.count for row in rows] == sorted(
        (row.count for row in rows), reverse=True
    )
    filtered = admin_client.get(url, {"domain": "quiet.example"})
    assert [row.domain for row in filtered.context["cl"].result_list] == [
        "quiet.example"
    ]
    by_date = admin_client.get(url, {"last_seen__gte": "2000-01-01 00:00:00+00:00"})
    assert by_date.status_code == 200 and len(by_date.context["cl"].result_list) == 3
    ascending = admin_client.get(url, {"o": "4"})
    counts = [row.count for row in ascending.context["cl"].result_list]
    assert counts == sorted(counts)
    assert (
        admin_client.get(reverse("admin:republishing_republication_add")).status_code
        == 403
    )
