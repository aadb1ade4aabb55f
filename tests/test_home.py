"""The home page: lead brief, latest briefs, country groups and the About block."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from briefs.views import HomeView
from newsroom.publication.models import Publication
from tests.factories import make_brief, make_country, make_section

pytestmark = pytest.mark.django_db


def ago(hours):
    return timezone.now() - timedelta(hours=hours)


def section_html(html, css_class):
    return html.split(f'class="{css_class}"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def organization():
    return make_section(
        slug="organization", name="The Organization", is_organization=True
    )


def test_the_newest_brief_leads_and_the_next_ones_follow(client):
    for hours in range(1, 9):
        make_brief(f"Brief {hours}", when=ago(hours))
    html = client.get("/en/").text
    assert 'id="lead-heading" class="lead-title"><a href="/en/briefs/brief-1/">' in (
        html
    )
    latest = section_html(html, "latest")
    titles = re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', latest)
    assert titles == [f"Brief {hours}" for hours in range(2, 8)]


def test_briefs_are_grouped_under_the_countries_with_most_recent_briefs(client):
    chile, peru, bolivia = (make_country(name) for name in ("Chile", "Peru", "Bolivia"))
    for hours in range(1, 8):
        make_brief(f"Top story {hours}", when=ago(hours))
    for hours in range(10, 14):
        make_brief(f"Chile {hours}", countries=[chile], when=ago(hours))
    for hours in range(20, 22):
        make_brief(f"Peru {hours}", countries=[peru], when=ago(hours))
    make_brief("Bolivia 30", countries=[bolivia], when=ago(30))
    html = client.get("/en/").text
    groups = html.split('class="country-groups"', 1)[1]
    headings = re.findall(
        r'<h2 id="country-[^"]+"><a href="([^"]+)">([^<]+)</a>', groups
    )
    assert headings == [
        ("/en/country/chile/", "Chile"),
        ("/en/country/peru/", "Peru"),
        ("/en/country/bolivia/", "Bolivia"),
    ]
    chile_group = groups.split('id="country-chile"', 1)[1].split("</section>")[0]
    assert re.findall(r'">(Chile \d+)</a>', chile_group) == [
        "Chile 10",
        "Chile 11",
        "Chile 12",
    ]
    # Briefs already on the page above are not repeated in the groups.
    assert "Top story" not in groups


def test_about_block_shows_the_publication_text_and_organization_posts(
    client, organization
):
    publication = Publication.load()
    publication.name = "Quebrada Press"
    publication.about = "<p>We are <em>independent</em>.</p><script>alert(1)</script>"
    publication.about_es = "<p>Somos <em>independientes</em>.</p>"
    publication.save()
    make_brief("News of the day")
    make_brief(
        "We hired an editor",
        section=organization,
        summary="A new editor for the Andes desk.",
        when=ago(50),
    )
    make_brief("Annual report", section=organization, when=ago(5))
    make_brief("Unpublished post", section=organization, published=False)
    html = client.get("/en/").text
    about = section_html(html, "about")
    assert "About Quebrada Press" in about
    assert "<p>We are <em>independent</em>.</p>" in about
    assert "<script" not in about and "alert(1)" not in html
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', about)
    assert titles == ["Annual report", "We hired an editor"]
    assert "A new editor for the Andes desk." in about
    assert "<time datetime=" in about
    assert 'href="/en/section/organization/"' in about
    # Organization posts are not news: they stay out of the lead and latest.
    assert "Annual report" not in section_html(html, "latest")
    spanish = client.get("/es/").text
    assert "<p>Somos <em>independientes</em>.</p>" in spanish


def test_home_page_lists_only_briefs_in_its_language(client):
    make_brief("English brief")
    make_brief("Nota en español", language="es")
    assert "Nota en español" not in client.get("/en/").text
    spanish = client.get("/es/").text
    assert "Nota en español" in spanish and "English brief" not in spanish


def test_an_empty_site_says_so(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Nothing has been published yet." in response.text


def test_home_page_sets_no_cookies(client):
    make_brief("English brief")
    response = client.get("/en/")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_organization_posts_are_read_from_the_section_index_however_old(client):
    """The About block's posts are few and old next to thousands of news
    briefs: the query must go to them through the section listing index,
    not walk every brief newest first until it meets one (on PostgreSQL,
    joined on the section's flag, it did)."""
    call_command("loaddemo", briefs=3000, stdout=io.StringIO())
    html = client.get("/en/").text
    assert section_html(html, "about").count("<li>") == 3
    with translation.override("en"):
        posts = HomeView().get_organization_posts()
        if connection.vendor == "postgresql":
            plan = posts.explain(analyze=True, timing=False)
        else:
            plan = posts.explain()
    if connection.vendor == "postgresql":
        # Straight to the section's briefs, with no pass over the news briefs
        # on the way.
        assert re.search(r"Index Cond: \(.*section_id = ", plan), plan
        removed = [int(n) for n in re.findall(r"Rows Removed by \w+: (\d+)", plan)]
        assert sum(removed) < 50, plan
    else:
        assert "USING INDEX brief_section_listing" in plan, plan
