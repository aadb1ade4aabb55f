"""Checks before publishing and word counts in the brief form, in chromium."""

import pytest
from django.urls import reverse

from briefs.models import Brief
from tests.browser.helpers import type_into_editor
from tests.factories import make_author, make_brief, make_country, make_image, make_user

pytestmark = pytest.mark.django_db(transaction=True)

SUMMARY = "The regional council approved limits on pumping from the aquifer."


@pytest.fixture
def editing(live_server, page):
    make_user("chief", superuser=True, password="pw-chief-12345")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-chief-12345")
    page.click("#login-form [type=submit]")
    page.wait_for_url("**/admin/")

    def open_brief(**kwargs):
        brief = make_brief(
            summary=SUMMARY,
            authors=[make_author()],
            countries=[make_country()],
            **kwargs,
        )
        page.goto(
            live_server.url + reverse("admin:briefs_brief_change", args=[brief.pk])
        )
        return brief

    return open_brief


def test_the_word_count_updates_as_the_editor_types(editing, page):
    editing(title="Council votes", news="<p>Three words here</p>")
    counter = page.locator("#wordcount-news")
    assert counter.inner_text() == "3 words, 1 min read"
    type_into_editor(page, "news", [" and four more words"])
    page.wait_for_function(
        "document.getElementById('wordcount-news').textContent"
        " === '7 words, 1 min read'"
    )
    assert page.locator("#wordcount-analysis").is_visible()


def test_a_long_headline_shows_its_warning(editing, page):
    editing(title="Council votes")
    headline = "A headline far too long for the search results page of anyone"
    page.fill("#id_title", headline)
    page.click("[name=_continue]")
    page.locator(".messagelist").wait_for()
    assert "search results show about 60" in page.locator(".messagelist").inner_text()
    assert (
        f"The headline has {len(headline)} characters"
        in page.locator("#brief-checks").inner_text()
    )


def test_missing_alt_text_blocks_publishing(editing, page):
    brief = editing(title="Other", published=False)
    brief.featured_image.save("photo.jpg", make_image())
    page.reload()
    assert "no alt text" in page.locator("#brief-checks").inner_text()
    page.select_option("#id_status", "published")
    page.click("[name=_continue]")
    page.locator("#id_image_alt_error, .errornote").first.wait_for()
    assert "no alt text" in page.content()
    assert Brief.objects.get(pk=brief.pk).status == Brief.Status.DRAFT
