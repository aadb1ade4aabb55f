"""Featured images: responsive WebP and JPEG renditions, sized, lazy, made once."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from briefs.models import Brief
from newsroom.cache import content_changed
from tests.factories import make_brief, make_image, make_pictured_brief

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def tag(html, name, marker):
    """The first ``<name ...>`` tag of ``html`` after ``marker``, as a dict."""
    start = html.index(marker)
    found = re.search(rf"<{name}\b([^>]*)>", html[start:])
    assert found, f"no <{name}> after {marker}"
    return dict(re.findall(r'([\w-]+)="([^"]*)"', found.group(1))) | {
        word: "" for word in re.findall(r"\s([\w-]+)(?=\s|$)", found.group(1))
    }


def metas(html):
    """The page's ``<meta>`` tags, as {property or name: content}."""
    found = {}
    for attributes in re.findall(r"<meta\b([^>]*)>", html):
        values = dict(re.findall(r'([\w:-]+)="([^"]*)"', attributes))
        key = values.get("property") or values.get("name")
        if key:
            found[key] = values.get("content", "")
    return found


def test_the_lead_image_is_a_picture_with_webp_and_jpeg_sizes(client, media):
    brief = make_pictured_brief("River levels fall")
    html = client.get(brief.get_absolute_url()).text
    figure = html[html.index('class="featured"') :]
    source = tag(figure, "source", "<picture>")
    img = tag(figure, "img", "<picture>")
    assert source["type"] == "image/webp"
    webp = [entry.split() for entry in source["srcset"].split(", ")]
    jpeg = [entry.split() for entry in img["srcset"].split(", ")]
    assert [width for _url, width in webp] == ["480w", "800w", "1200w"]
    assert [width for _url, width in jpeg] == ["480w", "800w", "1200w"]
    assert all(url.endswith(".webp") for url, _width in webp)
    assert all(url.endswith(".jpg") for url, _width in jpeg)
    assert source["sizes"] == img["sizes"] and "42rem" in img["sizes"]
    # The size of the largest rendition, in the original's proportions.
    assert (img["width"], img["height"]) == ("1200", "675")
    assert img["alt"] == "A chart of river levels"
    # Above the fold: loaded at once, first.
    assert "loading" not in img
    assert img["fetchpriority"] == "high"
    assert "River levels since 2010." in figure
    assert "Newsroom graphics" in figure
    # The files exist in the storage and are served.
    for url, _width in webp + jpeg:
        path = media / url.removeprefix("/media/")
        assert path.is_file(), url


def test_a_small_original_is_never_enlarged(client):
    brief = make_pictured_brief(size=(600, 400))
    html = client.get(brief.get_absolute_url()).text
    img = tag(html, "img", 'class="featured"')
    assert [entry.split()[1] for entry in img["srcset"].split(", ")] == [
        "480w",
        "600w",
    ]
    assert (img["width"], img["height"]) == ("600", "400")


def test_cards_have_lazy_pictures(client):
    pictured = make_pictured_brief("Pictured card")
    main = make_brief("Main brief")
    main.related.add(pictured, through_defaults={"order": 0})
    html = client.get(main.get_absolute_url()).text
    related = html[html.index('id="related"') :]
    img = tag(related, "img", 'class="card-image"')
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    assert tag(related, "source", 'class="card-image"')["type"] == "image/webp"
    # Three across the 42rem column, not the home page's 23rem cards.
    assert img["sizes"].startswith("(min-width: 44rem) 13rem,")


def test_renditions_are_made_once_and_remembered_in_the_cache(client, media):
    brief = make_pictured_brief()
    client.get(brief.get_absolute_url())
    made = sorted(path.stat().st_mtime_ns for path in (media / "cache").rglob("*.*"))
    # Three widths, two formats; the share card reuses the 1200px JPEG.
    assert len(made) == 3 * 2
    # Another render (the page cache and fragments emptied) finds them all.
    caches["default"].clear()
    client.get(brief.get_absolute_url())
    again = sorted(path.stat().st_mtime_ns for path in (media / "cache").rglob("*.*"))
    assert again == made


def test_renditions_survive_a_lost_cache_without_being_made_again(client, media):
    brief = make_pictured_brief()
    client.get(brief.get_absolute_url())
    made = sorted(path.stat().st_mtime_ns for path in (media / "cache").rglob("*.*"))
    for alias in ("default", "thumbnails"):
        caches[alias].clear()
    html = client.get(brief.get_absolute_url()).text
    assert "<picture>" in html
    again = sorted(path.stat().st_mtime_ns for path in (media / "cache").rglob("*.*"))
    assert again == made


def test_a_missing_original_costs_the_image_not_the_page(client, media):
    brief = make_pictured_brief()
    (media / brief.featured_image.name).unlink()
    response = client.get(brief.get_absolute_url())
    assert response.status_code == 200
    assert "<picture>" not in response.text


def test_a_new_image_shows_at_once(client):
    """The brief's own text is a cached fragment: it keys on the image."""
    brief = make_pictured_brief()
    first = tag(client.get(brief.get_absolute_url()).text, "img", 'class="featured"')
    other = Brief.objects.get(pk=brief.pk)
    other.featured_image.save(
        "map.png", make_image("map.png", (1400, 1400)), save=False
    )
    # Set without a save (as a bulk update would): updated_at is unchanged.
    Brief.objects.filter(pk=brief.pk).update(featured_image=other.featured_image.name)
    content_changed()  # the page is rendered again; the fragment's key decides
    second = tag(Client().get(brief.get_absolute_url()).text, "img", 'class="featured"')
    assert second["src"] != first["src"]
    assert (second["width"], second["height"]) == ("1200", "1200")


def test_renditions_go_through_the_configured_storage(
    client, settings, monkeypatch, request
):
    """Not the file system: the S3 store of settings.py works the same way.

    An in-memory store with the URLs of an object store's own domain stands
    in for S3 (django-storages' S3Storage is a Storage like this one).
    """
    from django.core.files.storage import storages
    from sorl.thumbnail import default
    from sorl.thumbnail.images import get_or_create_storage

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://media.example.org/"},
        },
    }
    # sorl keeps the storages it has seen for the life of the process (in
    # production they never change); this test changes them.
    monkeypatch.setattr(default, "storage", default.Storage())
    get_or_create_storage.cache_clear()
    request.addfinalizer(get_or_create_storage.cache_clear)
    brief = make_pictured_brief()
    html = client.get(brief.get_absolute_url()).text
    img = tag(html, "img", 'class="featured"')
    urls = [entry.split()[0] for entry in img["srcset"].split(", ")]
    assert all(url.startswith("https://media.example.org/cache/") for url in urls)
    store = storages["default"]
    for url in urls:
        assert store.exists(url.removeprefix("https://media.example.org/"))
    assert metas(html)["og:image"].startswith("https://media.example.org/cache/")


def test_the_first_card_of_an_archive_loads_at_once(client):
    """It is above the fold and often the largest thing drawn (Lighthouse's
    "largest contentful paint image was lazily loaded")."""
    from tests.factories import make_country

    peru = make_country("Peru")
    make_pictured_brief("Older", countries=[peru])
    make_pictured_brief("Newer", countries=[peru])
    html = client.get(peru.get_absolute_url()).text
    first = tag(html, "img", 'class="card-image"')
    second = tag(
        html[html.index('class="card-image"') + 1 :], "img", 'class="card-image"'
    )
    assert "loading" not in first and first["fetchpriority"] == "high"
    assert second["loading"] == "lazy" and "fetchpriority" not in second


def test_with_every_cache_off_pages_keep_their_images(client, media):
    """NEWSROOM_CACHE_DISABLED: content caches store nothing, renditions are still named."""
    from django.test import override_settings

    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    brief = make_pictured_brief("Glacier retreat measured")
    caches_off = {"default": dummy, "ratelimit": dummy, "thumbnails": local}
    with override_settings(CACHES=caches_off, NEWSROOM_CACHE_DISABLED=True):
        for _ in range(2):
            html = client.get(brief.get_absolute_url()).text
            assert "<picture>" in html
            assert "og:image" in metas(html)
