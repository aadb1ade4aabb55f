"""Country, topic, author and section archives."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from briefs import views
from briefs.models import Author, Brief, Country
from newsroom.cache import content_changed
from tests.factories import (
    make_author,
    make_brief,
    make_country,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db

# The smallest valid GIF, as an author photo.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01"
    b"\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def ago(days):
    return timezone.now() - timedelta(days=days, hours=1)


def card_titles(html):
    return re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def small_pages(settings):
    settings.NEWSROOM_PAGE_SIZE = 2


def test_country_archive_lists_its_published_briefs_newest_first(client):
    chile = make_country(
        "Chile",
        description="Drought and the energy transition.",
        description_es="Sequía y transición energética.",
    )
    make_brief("Older", countries=[chile], when=ago(5))
    make_brief("Newer", countries=[chile], when=ago(1))
    make_brief("Elsewhere", countries=[make_country("Peru")])
    make_brief("Draft", countries=[chile], published=False)
    make_brief("Scheduled", countries=[chile], when=timezone.now() + timedelta(days=1))
    make_brief("Noticia", countries=[chile], language="es")
    response = client.get("/en/country/chile/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Chile</h1>" in html
    assert "<title>Chile · Newsroom</title>" in html
    assert "Drought and the energy transition." in html
    assert card_titles(html) == ["Newer", "Older"]


def test_archives_speak_the_page_language(client):
    chile = make_country(
        "Chile", description="In English.", description_es="En español."
    )
    chile.name_es = "Chile (es)"
    chile.save()
    make_brief("Noticia", countries=[chile], language="es")
    html = client.get("/es/country/chile/").text
    assert "<h1>Chile (es)</h1>" in html
    assert "En español." in html and "In English." not in html
    assert card_titles(html) == ["Noticia"]


def test_topic_and_section_archives(client):
    water = make_topic("Water", description="Rivers, aquifers, droughts.")
    section = make_section(slug="organization", name="The Organization")
    make_brief("About water", topics=[water])
    make_brief("We hired an editor", section=section)
    html = client.get("/en/topic/water/").text
    assert "<h1>Water</h1>" in html and "Rivers, aquifers, droughts." in html
    assert card_titles(html) == ["About water"]
    html = client.get("/en/section/organization/").text
    assert "<h1>The Organization</h1>" in html
    assert card_titles(html) == ["We hired an editor"]


def card_kickers(html):
    """The kicker of each card, in order; None for a card without one."""
    cards = re.findall(r'<article class="card">(.*?)</article>', html, re.S)
    kickers = [re.search(r'class="kicker"><a [^>]+>([^<]+)</a>', c) for c in cards]
    return [match and match.group(1) for match in kickers]


def test_archive_cards_omit_the_kicker_that_names_the_archive(client):
    chile, peru = make_country("Chile"), make_country("Peru")
    water = make_topic("Water")
    make_brief("Country kicker", countries=[chile, peru], when=ago(3))
    make_brief("Topic kicker", topics=[water], when=ago(2))
    both = make_brief("Both kickers", countries=[chile], topics=[water], when=ago(1))
    Brief.objects.filter(pk=both.pk).update(primary_topic=water)
    content_changed()
    # In Chile's archive, Chile is no card's kicker; a topic kicker stays.
    assert card_kickers(client.get("/en/country/chile/").text) == ["Water", None]
    # Peru's archive still names the card's kicker, Chile.
    assert card_kickers(client.get("/en/country/peru/").text) == ["Chile"]
    # In the Water archive, a card shows its kicker country instead, or nothing.
    assert card_kickers(client.get("/en/topic/water/").text) == ["Chile", None]
    # Cards elsewhere keep their kicker (the newest brief is the home's lead).
    assert card_kickers(client.get("/en/").text) == ["Water", "Chile"]
    assert card_kickers(client.get("/en/section/news/").text) == [
        "Water",
        "Water",
        "Chile",
    ]


def test_author_page_shows_photo_bio_and_their_briefs(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ana = make_author(
        "Ana Reyes",
        bio="Covers water and mining from Antofagasta.",
        photo=SimpleUploadedFile("ana.gif", GIF, content_type="image/gif"),
    )
    make_brief("Her brief", authors=[ana])
    make_brief("Someone else's", authors=[make_author("Luis Vega")])
    html = client.get(ana.get_absolute_url()).text
    assert "<h1>Ana Reyes</h1>" in html
    assert "Covers water and mining from Antofagasta." in html
    assert 'class="author-photo" src="/media/authors/ana' in html
    assert card_titles(html) == ["Her brief"]


def test_author_page_shows_the_bio_in_the_pages_language(client, admin_client):
    ana = make_author("Ana Reyes", bio="Covers water from Antofagasta.")
    make_brief("Su nota", authors=[ana], language="es")
    response = admin_client.post(
        reverse("admin:briefs_author_change", args=[ana.pk]),
        {
            "name": "Ana Reyes",
            "slug": "ana-reyes",
            "bio": "Covers water from Antofagasta.",
            "bio_es": "Cubre el agua desde Antofagasta.",
        },
    )
    assert response.status_code == 302
    spanish = client.get("/es/author/ana-reyes/").text
    assert "Cubre el agua desde Antofagasta." in spanish
    assert "Covers water from Antofagasta." not in spanish
    english = client.get("/en/author/ana-reyes/").text
    assert "Covers water from Antofagasta." in english
    # Without a Spanish bio, Spanish pages show the English one.
    Author.objects.filter(pk=ana.pk).update(bio_es="")
    content_changed()
    assert "Covers water from Antofagasta." in client.get("/es/author/ana-reyes/").text


def test_archive_pages_have_numbered_links(client, small_pages):
    chile = make_country("Chile")
    for number in range(5):
        make_brief(f"Brief {number}", countries=[chile], when=ago(number))
    first = client.get("/en/country/chile/").text
    assert card_titles(first) == ["Brief 0", "Brief 1"]
    assert '<a href="?page=2" rel="next">' in first
    assert 'href="?page=3"' in first
    second = client.get("/en/country/chile/?page=2").text
    assert card_titles(second) == ["Brief 2", "Brief 3"]
    assert '<a href="?page=1" rel="prev">' in second
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2' in second
    assert "page 2" in second.split("</title>")[0]
    assert card_titles(client.get("/en/country/chile/?page=3").text) == ["Brief 4"]


def test_long_archives_elide_page_numbers_around_the_current_page(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 1
    chile = make_country("Chile")
    for number in range(30):
        make_brief(f"Brief {number}", countries=[chile], when=ago(number))
    html = client.get("/en/country/chile/?page=15").text
    assert 'href="?page=1"' in html and 'href="?page=30"' in html
    assert 'href="?page=14"' in html and 'href="?page=16"' in html
    assert 'href="?page=8"' not in html
    assert "…" in html


@pytest.mark.parametrize(
    "page", ["0", "-1", "abc", "99999999", "1e3", "1.0", "2", " 1", "", "１", "9" * 40]
)
def test_bad_page_numbers_are_404(client, page):
    chile = make_country("Chile")
    make_brief("Only one", countries=[chile])
    response = client.get("/en/country/chile/", {"page": page})
    assert response.status_code == 404


@pytest.mark.parametrize("kind", ["country", "topic", "author", "section"])
def test_an_empty_archive_says_so(client, kind):
    objects = {
        "country": lambda: make_country("Chile"),
        "topic": lambda: make_topic("Water"),
        "author": lambda: make_author("Ana Reyes"),
        "section": lambda: make_section(slug="news", name="News"),
    }
    archive = objects[kind]()
    response = client.get(archive.get_absolute_url())
    assert response.status_code == 200
    assert "No briefs here yet." in response.text
    assert client.get(archive.get_absolute_url() + "?page=2").status_code == 404


def test_a_cached_count_never_hides_new_pages_or_serves_empty_ones(
    client, small_pages, monkeypatch
):
    """Large archives count from the cache; a stale count is corrected on demand."""
    monkeypatch.setattr(views, "CACHED_COUNT_ABOVE", 1)
    chile = make_country("Chile")
    briefs = [
        make_brief(f"Brief {number}", countries=[chile], when=ago(10 + number))
        for number in range(4)
    ]
    assert 'href="?page=2"' in client.get("/en/country/chile/").text
    # Two more pages' worth arrive: the cached count still says two pages,
    # yet page three answers and counts again.
    for number in range(3):
        make_brief(f"New {number}", countries=[chile], when=ago(number))
    assert card_titles(client.get("/en/country/chile/?page=4").text) == ["Brief 3"]
    assert 'href="?page=4"' in client.get("/en/country/chile/?page=2").text
    Brief.objects.filter(pk__in=[brief.pk for brief in briefs]).delete()
    assert client.get("/en/country/chile/?page=4").status_code == 404
    assert 'href="?page=3"' not in client.get("/en/country/chile/").text


def test_countries_and_topics_get_descriptions_in_the_admin(admin_client, client):
    response = admin_client.post(
        reverse("admin:briefs_country_add"),
        {
            "name": "Ecuador",
            "name_es": "Ecuador",
            "slug": "ecuador",
            "description": "Oil, the Amazon and coastal fisheries.",
            "description_es": "Petróleo, Amazonía y pesca costera.",
        },
    )
    assert response.status_code == 302
    country = Country.objects.get(slug="ecuador")
    assert country.description_es == "Petróleo, Amazonía y pesca costera."
    make_brief("From Quito", countries=[country])
    assert "Petróleo, Amazonía y pesca costera." in client.get(
        "/es/country/ecuador/"
    ).text.replace("&#x27;", "'")
    form = admin_client.get(reverse("admin:briefs_topic_add")).text
    assert 'name="description"' in form and 'name="description_es"' in form
