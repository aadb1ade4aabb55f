"""Many readers at once: votes, donation clicks and tracking-image hits lose nothing.

Requests run in parallel threads through the normal URLs, each thread with its
own database connection, so the database sees real concurrent transactions.
They run on both databases: on PostgreSQL they look for lost updates, on
SQLite (a file, see conftest.py) for writes refused with "database is locked".
"""

import io
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from django.core.management import call_command
from django.db import connections
from django.db.models import Sum
from django.test import Client, RequestFactory
from django.urls import reverse

from briefs.models import Brief
from newsroom.feedback.guards import reader_key
from newsroom.feedback.models import ReaderMessage, Vote
from newsroom.fundraising.models import DonationClick
from newsroom.republishing.models import Republication
from tests.factories import make_author, make_brief, make_prompt

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 12


def at_once(requests):
    """Run ``requests`` (callables taking a Client) together; their responses."""
    start = threading.Event()

    def run(request):
        try:
            start.wait(timeout=30)
            return request(Client())
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(run, request) for request in requests]
        start.set()  # the first THREADS requests are waiting: off they go
        return [future.result() for future in futures]


def assert_no_server_errors(responses):
    statuses = [response.status_code for response in responses]
    assert all(status < 500 for status in statuses), statuses


@pytest.fixture
def brief():
    return make_brief(authors=[make_author()])


def test_many_readers_voting_at_once_are_all_counted(brief):
    url = reverse("feedback:vote", args=[brief.pk])

    def vote(number):
        return lambda client: client.post(
            url,
            {"helpful": "yes" if number % 3 else "no"},
            HTTP_ORIGIN="http://testserver",
            REMOTE_ADDR=f"198.51.100.{number}",
        )

    responses = at_once([vote(number) for number in range(1, 61)])
    assert_no_server_errors(responses)
    assert {response.status_code for response in responses} == {302}
    assert Vote.objects.filter(brief=brief).count() == 60
    assert Vote.objects.filter(brief=brief, helpful=False).count() == 20


def test_one_reader_voting_many_times_at_once_keeps_one_vote(brief):
    url = reverse("feedback:vote", args=[brief.pk])

    def vote(client):
        return client.post(
            url,
            {"helpful": "yes"},
            HTTP_ORIGIN="http://testserver",
            REMOTE_ADDR="203.0.113.9",
        )

    responses = at_once([vote] * 20)
    assert_no_server_errors(responses)
    assert Vote.objects.filter(brief=brief).count() == 1


def test_donation_clicks_at_once_are_all_counted(brief):
    prompt = make_prompt()
    url = reverse("fundraising:click", args=[prompt.pk]) + f"?brief={brief.pk}"
    banner = reverse("fundraising:click", args=[prompt.pk])

    def click(url, number):
        # Each address counts one click per prompt and brief (fundraising/views.py).
        return lambda client: client.get(url, REMOTE_ADDR=f"198.51.100.{number}")

    requests = [click(url, number) for number in range(50)]
    requests += [click(banner, number) for number in range(30)]
    requests += [click(url, 7)] * 10  # repeats from one address count once
    responses = at_once(requests)
    assert_no_server_errors(responses)
    assert {response.status_code for response in responses} == {302}
    clicks = DonationClick.objects.filter(prompt=prompt)
    assert clicks.filter(brief=brief).aggregate(total=Sum("clicks"))["total"] == 50
    assert clicks.filter(brief=None).aggregate(total=Sum("clicks"))["total"] == 30
    assert clicks.count() == 2


def pixel_hit(url, domain, client):
    return client.get(url, HTTP_REFERER=f"https://{domain}/story")


def pixel_hits(brief, domains):
    url = reverse("tracking:pixel", args=[brief.pk])
    return [partial(pixel_hit, url, domain) for domain in domains]


def test_tracking_image_hits_at_once_are_all_counted(brief, settings):
    settings.NEWSROOM_REPUBLICATION_WRITE_INTERVAL = 0  # every hit writes
    domains = ["partner.example"] * 40 + ["other.example"] * 20
    responses = at_once(pixel_hits(brief, domains))
    assert_no_server_errors(responses)
    counts = dict(
        Republication.objects.filter(brief=brief).values_list("domain", "count")
    )
    assert counts == {"partner.example": 40, "other.example": 20}


def test_batched_tracking_hits_reach_the_database_later(brief, settings):
    """With the default batching, hits wait in the cache; none is dropped."""
    settings.NEWSROOM_REPUBLICATION_WRITE_INTERVAL = 1
    responses = at_once(pixel_hits(brief, ["partner.example"] * 40))
    assert_no_server_errors(responses)
    time.sleep(1.2)
    at_once(pixel_hits(brief, ["partner.example"]))
    assert Republication.objects.get(brief=brief, domain="partner.example").count == 41


def test_comments_at_once_are_all_stored_and_one_address_stays_limited(brief):
    url = reverse("feedback:comment", args=[brief.pk])
    message = {"name": "Ana", "email": "ana@example.org", "message": "Thanks."}

    def comment(address):
        return lambda client: client.post(
            url, message, HTTP_ORIGIN="http://testserver", REMOTE_ADDR=address
        )

    requests = [comment(f"198.51.100.{number}") for number in range(20)]
    requests += [comment("203.0.113.50")] * 12  # the limit is 5 per 10 minutes
    responses = at_once(requests)
    assert_no_server_errors(responses)
    statuses = [response.status_code for response in responses]
    assert set(statuses[:20]) == {302}
    assert sorted(statuses[20:]) == [302] * 5 + [429] * 7
    assert ReaderMessage.objects.filter(brief=brief).count() == 25


def test_admin_saves_while_readers_write_all_succeed(brief, django_user_model):
    """An editor's save (a transaction that reads, then writes several tables)
    waits for the readers' writes instead of failing, and the other way round."""
    from tests.test_admin import brief_form_data

    editor = django_user_model.objects.create_superuser("chief", "", "pw-123456789")
    data = brief_form_data()
    add_url = reverse("admin:briefs_brief_add")

    def add_brief(number):
        editor_client = Client()
        editor_client.force_login(editor)
        form = {**data, "title": f"Story {number}", "slug": f"story-{number}"}
        return lambda client: editor_client.post(add_url, form)

    vote_url = reverse("feedback:vote", args=[brief.pk])

    def vote(number):
        return lambda client: client.post(
            vote_url,
            {"helpful": "yes"},
            HTTP_ORIGIN="http://testserver",
            REMOTE_ADDR=f"198.51.100.{number}",
        )

    requests = [add_brief(number) for number in range(6)]
    requests += [vote(number) for number in range(24)]
    responses = at_once(requests)
    assert_no_server_errors(responses)
    assert {response.status_code for response in responses} == {302}
    assert Brief.objects.filter(slug__startswith="story-").count() == 6
    assert Vote.objects.filter(brief=brief).count() == 24


def test_loaddemo_while_readers_write_loses_nothing(brief):
    prompt = make_prompt()
    click_url = reverse("fundraising:click", args=[prompt.pk])
    vote_url = reverse("feedback:vote", args=[brief.pk])

    def loaddemo(client):
        call_command("loaddemo", briefs=40, batch_size=10, stdout=io.StringIO())
        return None

    def vote(number):
        return lambda client: client.post(
            vote_url,
            {"helpful": "no"},
            HTTP_ORIGIN="http://testserver",
            REMOTE_ADDR=f"198.51.100.{number}",
        )

    def click(number):
        return lambda client: client.get(click_url, REMOTE_ADDR=f"203.0.113.{number}")

    requests = [loaddemo] + [vote(number) for number in range(15)]
    requests += [click(number) for number in range(15)]
    responses = [response for response in at_once(requests) if response is not None]
    assert_no_server_errors(responses)
    assert {response.status_code for response in responses} == {302}
    # The demo adds votes of its own: look for the readers' ones.
    readers = {
        reader_key(
            RequestFactory().get("/", REMOTE_ADDR=f"198.51.100.{number}"), brief.pk
        )
        for number in range(15)
    }
    assert Vote.objects.filter(brief=brief, reader__in=readers).count() == 15
    assert DonationClick.objects.filter(prompt=prompt).get().clicks == 15
    assert Brief.objects.count() > 40
