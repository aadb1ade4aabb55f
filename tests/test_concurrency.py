"""Many readers at once: votes, donation clicks and tracking-image hits lose nothing.

Requests run in parallel threads through the normal URLs, each thread with its
own database connection, so the database sees real concurrent transactions.
They run on both databases: on PostgreSQL they look for lost updates, on
SQLite (a file, see conftest.py) for writes refused with "database is locked".
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from django.db import connections
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from newsroom.feedback.models import Vote
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
