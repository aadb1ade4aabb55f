"""Anonymous pages are cached and revalidated cheaply, and never shown stale."""

import json
import os
import re
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from briefs import preview
from briefs.models import Brief
from newsroom import cache as page_cache
from newsroom.cache import FileCache
from newsroom.fundraising.models import DonationPrompt
from newsroom.licensing.models import License
from newsroom.publication.models import Publication
from tests.factories import make_brief, make_country, make_topic
from tests.queries import query_plan, recorded_queries
from tests.test_admin import brief_form_data, inline_management

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    """A browser without cookies: an anonymous reader."""
    return Client()


def test_anonymous_pages_are_public_with_an_etag_and_no_cookies(reader):
    brief = make_brief("Port strike ends", topics=[make_topic("Labour")])
    pages = ["/en/", brief.get_absolute_url(), "/en/topic/labour/", "/en/feed/"]
    pages += ["/en/feed/republish/", "/sitemap.xml", "/sitemap-briefs.xml"]
    for url in pages + ["/news-sitemap.xml"]:
        response = reader.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == (
            "public, max-age=60, s-maxage=300, stale-while-revalidate=60"
        )
        assert response["ETag"].startswith('W/"')
        assert not response.cookies
        assert "Set-Cookie" not in response
        assert "cookie" not in response.get("Vary", "").lower()


@override_settings(
    NEWSROOM_CACHE_MAX_AGE=5,
    NEWSROOM_CACHE_S_MAXAGE=900,
    NEWSROOM_CACHE_STALE_WHILE_REVALIDATE=30,
)
def test_cache_lifetimes_come_from_the_settings(reader):
    assert reader.get("/en/")["Cache-Control"] == (
        "public, max-age=5, s-maxage=900, stale-while-revalidate=30"
    )


def test_a_cache_hit_makes_no_database_query(reader, django_assert_num_queries):
    brief = make_brief("Copper price falls")
    first = reader.get(brief.get_absolute_url())
    with django_assert_num_queries(0):
        second = reader.get(brief.get_absolute_url())
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_a_matching_etag_gets_304_not_modified(reader, django_assert_num_queries):
    brief = make_brief("Dam consultation opens")
    url = brief.get_absolute_url()
    etag = reader.get(url)["ETag"]
    with django_assert_num_queries(0):
        response = reader.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"].startswith("public")
    # Also when the page is not in the server's cache any more.
    version = page_cache.content_version()
    assert cache.delete(page_cache.page_key(f"http://testserver{url}", version))
    assert reader.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert reader.get(url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200


def test_an_admin_edit_shows_on_the_next_anonymous_request(admin_client, reader):
    data = brief_form_data()
    admin_client.post(reverse("admin:briefs_brief_add"), data)
    brief = Brief.objects.get(slug=data["slug"])
    url = brief.get_absolute_url()
    before = reader.get(url)
    assert "Council votes on the aquifer" in before.text

    data.update(
        title="Council postpones the aquifer vote",
        **inline_management("briefauthor_set", total=1, initial=1),
    )
    data["briefauthor_set-0-id"] = str(brief.briefauthor_set.get().pk)
    data["briefauthor_set-0-brief"] = str(brief.pk)
    response = admin_client.post(
        reverse("admin:briefs_brief_change", args=[brief.pk]), data
    )
    assert response.status_code == 302

    after = reader.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Council postpones the aquifer vote" in after.text
    assert after["ETag"] != before["ETag"]
    assert "Council postpones the aquifer vote" in reader.get("/en/").text


def test_a_scheduled_brief_appears_when_its_time_comes(
    reader, django_assert_num_queries
):
    make_brief("Already out")
    publish_at = timezone.now() + timedelta(seconds=2)
    make_brief("Embargoed budget figures", when=publish_at)
    assert "Embargoed budget figures" not in reader.get("/en/").text
    with django_assert_num_queries(0):
        assert "Embargoed budget figures" not in reader.get("/en/").text

    # Nothing is saved from here on: only time passes.
    time.sleep(max(0, (publish_at - timezone.now()).total_seconds()) + 0.05)
    page = reader.get("/en/")
    assert "Embargoed budget figures" in page.text
    assert "Already out" in page.text


def test_logged_in_editors_get_fresh_private_pages(admin_client, reader):
    brief = make_brief("Mine reopens")
    url = brief.get_absolute_url()
    assert "Mine reopens" in reader.get(url).text
    # A change that sends no signal: the reader's copy stays cached...
    Brief.objects.filter(pk=brief.pk).update(title="Mine reopens after inspection")
    assert "Mine reopens after inspection" not in reader.get(url).text
    # ...the editor's page is rendered for them and not stored.
    response = admin_client.get(url)
    assert "Mine reopens after inspection" in response.text
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response


def test_nothing_an_editor_sees_is_stored_for_readers(admin_client, reader):
    brief = make_brief("Rail tender awarded")
    url = brief.get_absolute_url()
    admin_client.get(url)
    Brief.objects.filter(pk=brief.pk).update(title="Rail tender annulled")
    assert "Rail tender annulled" in reader.get(url).text


def test_tag_changes_show_on_the_next_request(reader):
    brief = make_brief("Glacier law debated")
    url = brief.get_absolute_url()
    assert "Glaciers" not in reader.get(url).text
    brief.topics.add(make_topic("Glaciers"))
    assert "Glaciers" in reader.get(url).text


def test_publication_edits_show_on_the_next_request(admin_client, reader):
    make_brief("Harbour dredging approved")
    assert "Quebrada Weekly" not in reader.get("/en/").text
    publication = Publication.load()
    response = admin_client.post(
        reverse("admin:publication_publication_change", args=[publication.pk]),
        {
            "name": "Quebrada Weekly",
            "tagline": "",
            "tagline_es": "",
            "analysis_heading": publication.analysis_heading,
            "analysis_heading_es": publication.analysis_heading_es,
            "about": "",
            "about_es": "",
            "comment_prompt": publication.comment_prompt,
            "comment_prompt_es": publication.comment_prompt_es,
            "default_license": publication.default_license_id or "",
            "related_count": "3",
            "notification_email": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Quebrada Weekly" in reader.get("/en/").text


def make_banner(heading, **kwargs):
    return DonationPrompt.objects.create(
        name=heading,
        heading=heading,
        message="Readers fund this newsroom.",
        url="https://donate.example.org/",
        placement="banner",
        language="en",
        **kwargs,
    )


def test_donation_prompt_edits_show_on_the_next_request(reader):
    make_brief("Fuel subsidy cut")
    prompt = make_banner("Keep us independent")
    assert "Keep us independent" in reader.get("/en/").text
    prompt.heading = "Fund our next investigation"
    prompt.save()
    assert "Fund our next investigation" in reader.get("/en/").text
    # Targeted at a country, the banner leaves pages that are not about it.
    prompt.countries.add(make_country("Peru"))
    assert "Fund our next investigation" not in reader.get("/en/").text


def test_a_donation_campaign_appears_when_its_window_opens(reader):
    make_brief("Election results certified")
    # Room for a slow machine to render the page before the window opens.
    opens_at = timezone.now() + timedelta(seconds=5)
    make_banner("Year-end campaign", active_from=opens_at)
    assert "Year-end campaign" not in reader.get("/en/").text
    time.sleep(max(0, (opens_at - timezone.now()).total_seconds()) + 0.05)
    assert "Year-end campaign" in reader.get("/en/").text


def test_license_edits_start_a_new_page_version(reader):
    brief = make_brief("Forest code amended")
    url = brief.get_absolute_url()
    before = reader.get(url)
    license = License.objects.get(pk=brief.license_id)
    license.footer_text = "Republish freely: {headline} by {publication}."
    license.save()
    after = reader.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]


def test_publication_load_is_cached_until_content_changes(django_assert_num_queries):
    Publication.load()
    with django_assert_num_queries(0):
        assert Publication.load().pk == 1
    Publication.objects.filter(pk=1).update(name="Not signalled")
    assert Publication.load().name != "Not signalled"
    publication = Publication.load()
    publication.name = "Signalled"
    publication.save()
    assert Publication.load().name == "Signalled"


def test_a_new_version_reaches_every_worker_through_the_shared_cache(settings):
    """Workers of one machine are separate processes, each with its own cache
    object on one directory: a version one makes is the version of all."""
    location = settings.CACHES["default"]["LOCATION"]
    one, other = (FileCache(location, {}) for _worker in range(2))
    one.set(page_cache.VERSION_KEY, ("made-by-one", None))
    assert other.get(page_cache.VERSION_KEY) == ("made-by-one", None)
    Publication.load()
    Publication.objects.filter(pk=1).update(name="Changed by another worker")
    # Another worker saves: the version is dropped in the shared directory.
    other.delete(page_cache.VERSION_KEY)
    assert Publication.load().name != "Changed by another worker"
    page_cache.drop_version()
    assert Publication.load().name == "Changed by another worker"


@pytest.mark.django_db(transaction=True)
def test_pages_rendered_before_a_commit_are_not_served_after_it(reader):
    brief = make_brief("Water tariff frozen")
    url = brief.get_absolute_url()
    with transaction.atomic():
        brief.title = "Water tariff raised"
        brief.save()
        brief.topics.add(make_topic("Tariffs"))
        # A reader in another process renders the page from the data before
        # the commit, under the version it finds then...
        during = page_cache.content_version()
        assert "ETag" in reader.get(url)
    # ...which the commit ends.
    assert page_cache.content_version() != during
    assert "Water tariff raised" in reader.get(url).text


def test_preview_links_are_never_cached(reader):
    draft = make_brief("Draft on water rights", published=False)
    url = reverse("briefs:preview", kwargs={"token": preview.make_token(draft)})
    first = reader.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "private, no-store"
    assert "ETag" not in first
    Brief.objects.filter(pk=draft.pk).update(title="Draft on water rights, v2")
    assert "Draft on water rights, v2" in reader.get(url).text


def test_the_admin_is_never_cached(reader):
    response = reader.get(reverse("admin:login"))
    assert "public" not in response.get("Cache-Control", "")
    assert "ETag" not in response


def test_only_responses_identical_for_every_reader_are_stored():
    page = HttpResponse("<p>page</p>")
    assert page_cache.is_cacheable(page)
    with_cookie = HttpResponse("<p>page</p>")
    with_cookie.set_cookie("seen", "1")
    private = HttpResponse("<p>page</p>", headers={"Cache-Control": "private"})
    no_store = HttpResponse("", headers={"Cache-Control": "no-store"})
    per_user = HttpResponse("<p>page</p>", headers={"Vary": "Cookie"})
    pixel = HttpResponse(b"GIF89a", content_type="image/gif")
    missing = HttpResponse("<p>gone</p>", status=404)
    for response in [with_cookie, private, no_store, per_user, pixel, missing]:
        assert not page_cache.is_cacheable(response)


def test_the_same_holds_with_the_redis_cache(
    reader, redis_url, django_assert_num_queries
):
    caches = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"newsroom-{alias}",
            "KEY_FUNCTION": "newsroom.cache.make_key",
        }
        for alias in ("default", "ratelimit")
    }
    with override_settings(CACHES=caches):
        cache.clear()
        brief = make_brief("Lithium royalties rise")
        url = brief.get_absolute_url()
        first = reader.get(url)
        with django_assert_num_queries(0):
            second = reader.get(url)
        assert second.content == first.content
        assert reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

        brief.title = "Lithium royalties rise again"
        brief.save()
        assert "Lithium royalties rise again" in reader.get(url).text

        publish_at = timezone.now() + timedelta(seconds=1)
        make_brief("Scheduled on Redis", when=publish_at)
        assert "Scheduled on Redis" not in reader.get("/en/").text
        time.sleep(max(0, (publish_at - timezone.now()).total_seconds()) + 0.05)
        assert "Scheduled on Redis" in reader.get("/en/").text
        cache.clear()


def test_the_next_scheduled_publication_is_read_from_an_index():
    """A new content version looks up the next scheduled brief in the
    ``brief_schedule`` index instead of reading every brief."""
    make_brief("Out now")
    due = make_brief("Due tomorrow", when=timezone.now() + timedelta(days=1))
    now = timezone.now()
    with recorded_queries() as executed:
        moment = page_cache.next_scheduled_change(now)
    assert moment == due.published_at.timestamp()
    [(sql, params)] = [entry for entry in executed if "briefs_brief" in entry[0]]
    plan = query_plan(sql, params)
    if connection.vendor == "postgresql":
        # The first index entry after now, not a pass over the index.
        assert "Limit" in plan, plan
        assert re.search(r"Index (Only )?Scan using brief_schedule", plan), plan
        assert re.search(r"Index Cond: .*published_at > ", plan), plan
    else:
        assert "SEARCH briefs_brief USING COVERING INDEX brief_schedule" in plan
        assert "(published_at>?)" in plan, plan


def settings_caches(**environment):
    """The CACHES that newsroom/settings.py makes of ``environment``."""
    code = "import json; from newsroom import settings; "
    code += "print(json.dumps(settings.CACHES, default=str))"
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "NEWSROOM_CACHE_DISABLED", "NEWSROOM_CACHE_DIR"}
    }
    output = subprocess.run(
        [sys.executable, "-c", code],
        env={**base, **environment},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def test_the_cache_backends_follow_the_environment(tmp_path):
    shared = settings_caches(NEWSROOM_CACHE_DIR=str(tmp_path))
    assert shared["default"]["BACKEND"] == "newsroom.cache.FileCache"
    assert shared["default"]["LOCATION"] == str(tmp_path / "default")
    assert shared["ratelimit"]["LOCATION"] == str(tmp_path / "ratelimit")

    redis_backed = settings_caches(REDIS_URL="redis://cache.internal:6379/0")
    for alias in ("default", "ratelimit"):
        assert redis_backed[alias]["BACKEND"].endswith("redis.RedisCache")
        assert redis_backed[alias]["LOCATION"] == "redis://cache.internal:6379/0"
    assert (
        redis_backed["default"]["KEY_PREFIX"]
        != (redis_backed["ratelimit"]["KEY_PREFIX"])
    )

    disabled = settings_caches(
        NEWSROOM_CACHE_DISABLED="1", REDIS_URL="redis://cache.internal:6379/0"
    )
    assert {disabled[alias]["BACKEND"] for alias in ("default", "ratelimit")} == {
        "django.core.cache.backends.dummy.DummyCache"
    }
    # What sorl-thumbnail knows of the renditions on disk stays, per process.
    assert disabled["thumbnails"]["BACKEND"].endswith("locmem.LocMemCache")


def test_with_caching_disabled_every_page_is_rendered_afresh(reader):
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    with override_settings(
        CACHES={"default": dummy, "ratelimit": dummy}, NEWSROOM_CACHE_DISABLED=True
    ):
        brief = make_brief("Salt flat concession")
        url = brief.get_absolute_url()
        first = reader.get(url)
        assert first.status_code == 200
        Brief.objects.filter(pk=brief.pk).update(title="Salt flat concession void")
        second = reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert second.status_code == 200
        assert "Salt flat concession void" in second.text


@override_settings(NEWSROOM_PAGE_CACHE=False)
def test_the_page_store_can_be_turned_off_and_the_headers_stay(reader):
    brief = make_brief("Bridge toll scrapped")
    url = brief.get_absolute_url()
    first = reader.get(url)
    assert first["Cache-Control"].startswith("public, max-age=60")
    Brief.objects.filter(pk=brief.pk).update(title="Bridge toll kept")
    assert "Bridge toll kept" in reader.get(url).text
    # The ETag still follows the content version, so a CDN revalidates.
    assert reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_keys_carry_the_release(monkeypatch):
    monkeypatch.setenv("NEWSROOM_RELEASE", "deploy-41")
    page_cache.release.cache_clear()
    try:
        assert cache.make_key("page:x") == "newsroom:1:deploy-41:page:x"
        cache.set("greeting", "old code")
        monkeypatch.setenv("NEWSROOM_RELEASE", "deploy-42")
        page_cache.release.cache_clear()
        assert cache.get("greeting") is None
    finally:
        monkeypatch.undo()
        page_cache.release.cache_clear()
    assert len(page_cache.release()) == 12


def test_templates_read_the_content_version_only_when_they_use_it(rf):
    from django.template import engines

    from newsroom.context_processors import content_version

    cache.delete(page_cache.VERSION_KEY)
    context = content_version(rf.get("/"))
    assert cache.get(page_cache.VERSION_KEY) is None  # not made: not read yet
    template = engines["django"].from_string(
        "{% load cache %}{% cache 60 greeting content_version %}{{ n }}{% endcache %}"
    )
    assert template.render({**context, "n": 1}) == "1"
    assert template.render({**context, "n": 2}) == "1"  # the fragment is cached
    assert str(context["content_version"]) == page_cache.content_version()
    page_cache.content_changed()
    fresh = content_version(rf.get("/"))
    assert template.render({**fresh, "n": 3}) == "3"
