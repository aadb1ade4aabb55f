"""`manage.py bench --discover`: the URLs the benchmark measures."""

import json

import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import make_brief, make_section

pytestmark = pytest.mark.django_db


def discover(capsys):
    call_command("bench", discover=True)
    return json.loads(capsys.readouterr().out)


def test_the_deep_archive_page_is_a_full_page(capsys, settings):
    settings.NEWSROOM_PAGE_SIZE = 4
    news = make_section(slug="news", name="News")
    for number in range(11):  # Two full pages and a last page of three.
        make_brief(f"Brief {number}", section=news)
    found = discover(capsys)
    assert found["deep_page"] == 2
    pages = {page["name"]: page["path"] for page in found["pages"]}
    assert pages["archive, deep page"] == "/en/section/news/?page=2"
    assert pages["static file (ceiling)"].startswith(settings.STATIC_URL)
    client = Client()
    for name, path in pages.items():
        if name != "static file (ceiling)":  # Served once collectstatic has run.
            assert client.get(path).status_code == 200, path
    deep = client.get(pages["archive, deep page"]).text
    assert deep.count('<article class="card">') == 4
