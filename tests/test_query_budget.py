"""Every public page makes a fixed number of SQL queries.

Each page is measured with one and with twenty of everything it lists (briefs,
tags, authors, related picks, see-also links): the count must be the same and
within the budget (brief page 10, list pages 8). The brief page reads the
brief and what surrounds it in six queries and its related block in up to
three (picks, closest briefs, the section's latest). The page cache is off and
each page is requested once before it is measured, so queries that a warm
cache saves (the publication, the page-cache state) are not counted.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from briefs.models import RelatedBrief, SeeAlsoLink
from newsroom.publication.models import Publication
from tests.factories import (
    make_author,
    make_brief,
    make_country,
    make_section,
    make_topic,
    unique,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE = False


BRIEF_PAGE_BUDGET = 10
LIST_PAGE_BUDGET = 8
SIZES = (1, 20)


def count_queries(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # Warms what caches may keep: the publication, the page state.
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def make_world(size):
    """A brief with ``size`` of everything around it, and ``size`` briefs per list."""
    word = unique("zebra").replace("-", "")
    countries = [make_country() for _ in range(size)]
    topics = [make_topic() for _ in range(size)]
    authors = [make_author() for _ in range(size)]
    section = make_section(slug=unique("section"))
    organization = make_section(slug="organization", is_organization=True)
    brief = make_brief(
        f"Main {word}",
        countries=countries,
        topics=topics,
        authors=authors,
        section=section,
        news="".join(f"<p>Paragraph {number}.</p>" for number in range(size)),
    )
    make_brief(f"Traducción {word}", language="es", translation_of=brief)
    listed = []
    for number in range(size):
        other = make_brief(
            f"Listed {word} {number}",
            countries=countries,
            topics=[topics[number]],
            authors=authors,
            section=section,
        )
        listed.append(other)
        make_brief(f"Post {word} {number}", section=organization)
        RelatedBrief.objects.create(brief=brief, related=other, order=number)
        target = ["target_brief", "target_country", "target_topic", "url"][number % 4]
        values = {
            "target_brief": other,
            "target_country": countries[number],
            "target_topic": topics[number],
            "url": "https://example.org/",
        }
        SeeAlsoLink.objects.create(
            brief=brief,
            label=f"See {number}",
            after_paragraph=number + 1,
            **{target: values[target]},
        )
    # The newest briefs fill the home page's lead and latest cards, so that the
    # listed briefs above go into its country groups.
    for _number in range(7):
        make_brief(when=timezone.now() - timedelta(minutes=1))
    # One more related card than there are picks: the brief page also asks
    # for the closest briefs and the section's latest, its worst case.
    publication = Publication.load()
    publication.related_count = size + 1
    publication.save()
    return {
        "brief": brief.get_absolute_url(),
        "country": countries[0].get_absolute_url(),
        "topic": topics[0].get_absolute_url(),
        "author": authors[0].get_absolute_url(),
        "section": section.get_absolute_url(),
        "search": f"/en/search/?q={word}",
        "home": "/en/",
    }


@pytest.mark.parametrize(
    "page, budget",
    [
        ("brief", BRIEF_PAGE_BUDGET),
        ("home", LIST_PAGE_BUDGET),
        ("country", LIST_PAGE_BUDGET),
        ("topic", LIST_PAGE_BUDGET),
        ("author", LIST_PAGE_BUDGET),
        ("section", LIST_PAGE_BUDGET),
        ("search", LIST_PAGE_BUDGET),
    ],
)
def test_queries_do_not_grow_with_what_the_page_shows(
    client, django_assert_max_num_queries, page, budget
):
    counts = []
    for size in SIZES:
        urls = make_world(size)
        counts.append(
            count_queries(client, urls[page], budget, django_assert_max_num_queries)
        )
    assert counts[0] == counts[1], f"{page}: {counts} queries for sizes {SIZES}"


def test_brief_page_items_are_all_shown(client):
    """The measured pages really show twenty of everything."""
    urls = make_world(20)
    html = client.get(urls["brief"]).text
    related = html.split('id="related"', 1)[1]
    assert related.count('class="card"') == 20
    assert html.count('class="see-also"') == 20
    assert html.count('rel="author"') == 20
    country = client.get(urls["country"]).text
    assert country.count('class="card"') == 20
    home = client.get(urls["home"]).text.split('class="country-groups"')[1]
    home = home.split('class="site-footer"')[0]
    assert home.count("<li><a href=") == 3 * 4


@pytest.mark.parametrize(
    "page, expected",
    # The brief page's related block and own text come from fragments once
    # rendered: 6 queries; test_a_cold_brief_page_stays_in_budget has the rest.
    [("brief", 6), ("home", 3), ("country", 4), ("search", 4)],
)
def test_the_query_counts_the_readme_gives(
    client, django_assert_max_num_queries, page, expected
):
    urls = make_world(3)
    assert count_queries(
        client, urls[page], expected, django_assert_max_num_queries
    ) == (expected)


def test_a_cold_brief_page_stays_in_budget(client, django_assert_max_num_queries):
    """Every cache empty, as right after a deployment: still within budget."""
    url = make_world(20)["brief"]
    cache.clear()
    with django_assert_max_num_queries(BRIEF_PAGE_BUDGET + 6) as captured:
        assert client.get(url).status_code == 200
    # The page's 9 (the brief and its relations: 6; related content: 3),
    # then the content version's next scheduled change (one per scheduled
    # field), the publication and the donation prompts, and the header menu
    # and footer fragments (one query each), each kept for every later page
    # until the content changes.
    assert len(captured) == 9 + 3 + 2 + 2


@pytest.fixture
def pictured(settings, tmp_path):
    """Every brief made so far gets one featured image (a file in the storage)."""
    from briefs.models import Brief
    from tests.factories import make_image

    settings.MEDIA_ROOT = tmp_path

    def give_images():
        holder = Brief.objects.first()
        holder.featured_image.save("photo.jpg", make_image(), save=False)
        Brief.objects.update(
            featured_image=holder.featured_image.name, image_alt="A chart"
        )

    return give_images


@pytest.mark.parametrize("page", ["brief", "home", "country", "section"])
def test_images_on_every_card_add_no_queries(
    client, django_assert_max_num_queries, pictured, page
):
    """Renditions are looked up in the thumbnails cache, never in the database."""
    urls = make_world(20)
    without = count_queries(client, urls[page], 10, django_assert_max_num_queries)
    pictured()
    cache.clear()
    with_images = count_queries(client, urls[page], 10, django_assert_max_num_queries)
    assert "<picture>" in client.get(urls[page]).text
    assert with_images == without


def test_a_cold_brief_page_with_images_stays_in_budget(
    client, django_assert_max_num_queries, pictured
):
    url = make_world(20)["brief"]
    pictured()
    cache.clear()
    with django_assert_max_num_queries(BRIEF_PAGE_BUDGET + 6) as captured:
        response = client.get(url)
    assert response.text.count("<picture>") == 21  # the lead and 20 related cards
    assert len(captured) == 9 + 3 + 2 + 2
