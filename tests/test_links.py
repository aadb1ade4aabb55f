"""Addresses and dates as readers and machines get them on public pages."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from tests.factories import make_author, make_brief, make_country, make_section

pytestmark = pytest.mark.django_db


def test_a_brief_address_is_in_the_brief_language_whatever_the_page():
    english = make_brief("Water", slug="water")
    spanish = make_brief("Agua", slug="agua", language="es")
    for language in ("en", "es"):
        with translation.override(language):
            assert english.get_absolute_url() == "/en/briefs/water/"
            assert spanish.get_absolute_url() == "/es/briefs/agua/"


@pytest.mark.parametrize("language", ["en", "es"])
def test_archive_addresses_are_in_the_page_language(language):
    archives = [
        ("briefs:country", make_country("Chile")),
        ("briefs:section", make_section(slug="news")),
        ("briefs:author", make_author("Ana Gómez")),
    ]
    with translation.override(language):
        for name, archive in archives:
            expected = reverse(name, kwargs={"slug": archive.slug})
            assert archive.get_absolute_url() == expected
            assert expected.startswith(f"/{language}/")


def test_the_script_prefix_is_kept():
    brief = make_brief("Water", slug="water")
    set_script_prefix("/newsroom/")
    try:
        assert brief.get_absolute_url() == "/newsroom/en/briefs/water/"
    finally:
        set_script_prefix("/")
    assert brief.get_absolute_url() == "/en/briefs/water/"


@pytest.mark.parametrize(
    "language, shown", [("en", "4 Mar 2026"), ("es", "4 mar 2026")]
)
def test_dates_give_machines_iso_and_readers_the_language_format(
    client, settings, language, shown
):
    settings.TIME_ZONE = "America/Santiago"
    settings.NEWSROOM_PAGE_CACHE = False
    when = datetime(2026, 3, 4, 23, 30, microsecond=123456, tzinfo=UTC)
    brief = make_brief("Water", slug="water", language=language, when=when)
    make_brief("Related", language=language, when=when)
    html = client.get(brief.get_absolute_url()).text
    time = f'<time datetime="2026-03-04T20:30:00-0300">{shown}</time>'
    header, related = html.split('id="related"', 1)
    assert time in header
    assert time in related


def test_forms_and_links_on_the_brief_page_point_where_reverse_says(client, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    brief = make_brief("Water", slug="agua", language="es")
    html = client.get(brief.get_absolute_url()).text
    with translation.override("es"):
        for url in (
            reverse("briefs:home"),
            reverse("briefs:search"),
            reverse("feedback:vote", args=[brief.pk]),
            reverse("feedback:comment", args=[brief.pk]),
        ):
            assert f'"{url}"' in html
