"""The related-content block under each brief (#related)."""

import random
import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from briefs import related
from briefs.models import Brief, RelatedBrief
from newsroom.publication.models import Publication
from tests.factories import make_brief, make_country, make_section, make_topic
from tests.test_admin import brief_form_data, inline_management

pytestmark = pytest.mark.django_db


def ago(days=0, hours=0):
    return timezone.now() - timedelta(days=days, hours=hours)


def related_titles(client, brief):
    html = client.get(brief.get_absolute_url()).text
    block = html.split('id="related"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', block)


def set_related_count(count):
    publication = Publication.load()
    publication.related_count = count
    publication.save()


@pytest.fixture
def tags():
    return {
        "chile": make_country("Chile"),
        "peru": make_country("Peru"),
        "water": make_topic("Water"),
        "mining": make_topic("Mining"),
    }


def test_every_brief_page_has_a_related_block(client):
    brief = make_brief("Alone in the archive")
    html = client.get(brief.get_absolute_url()).text
    assert '<section id="related"' in html
    assert "No related briefs yet." in html


def test_briefs_sharing_more_tags_come_first_newest_among_ties(client, tags):
    chile, peru, water, mining = tags.values()
    brief = make_brief("Subject", countries=[chile, peru], topics=[water, mining])
    make_brief("Shares one, newest", countries=[chile], when=ago(hours=2))
    make_brief("Shares three", countries=[chile, peru], topics=[water], when=ago(9))
    make_brief("Shares two, older", countries=[peru], topics=[mining], when=ago(5))
    make_brief("Shares two, newer", topics=[water, mining], when=ago(3))
    make_brief("Shares nothing", countries=[make_country("Bolivia")], when=ago(0, 2))
    assert related_titles(client, brief) == [
        "Shares three",
        "Shares two, newer",
        "Shares two, older",
    ]


def test_hand_picked_briefs_come_first_in_their_order_then_the_block_fills_up(
    client, tags
):
    brief = make_brief("Subject", countries=[tags["chile"]])
    first = make_brief("Picked first", when=ago(30))
    second = make_brief("Picked second", when=ago(1))
    make_brief("Automatic", countries=[tags["chile"]])
    make_brief("Automatic but older", countries=[tags["chile"]], when=ago(2))
    RelatedBrief.objects.create(brief=brief, related=second, order=2)
    RelatedBrief.objects.create(brief=brief, related=first, order=1)
    assert related_titles(client, brief) == [
        "Picked first",
        "Picked second",
        "Automatic",
    ]


def test_a_picked_brief_is_not_listed_twice(client, tags):
    brief = make_brief("Subject", countries=[tags["chile"]])
    picked = make_brief("Picked and similar", countries=[tags["chile"]])
    make_brief("Similar", countries=[tags["chile"]], when=ago(3))
    RelatedBrief.objects.create(brief=brief, related=picked)
    assert related_titles(client, brief) == ["Picked and similar", "Similar"]


def test_the_publication_setting_decides_how_many_are_shown(client, tags):
    brief = make_brief("Subject", countries=[tags["chile"]])
    for number in range(6):
        make_brief(f"Similar {number}", countries=[tags["chile"]], when=ago(number))
    assert len(related_titles(client, brief)) == 3
    set_related_count(5)
    assert len(related_titles(client, brief)) == 5
    set_related_count(0)
    assert related_titles(client, brief) == []


def test_more_picks_than_the_setting_are_all_shown(client, tags):
    set_related_count(1)
    brief = make_brief("Subject", countries=[tags["chile"]])
    make_brief("Similar", countries=[tags["chile"]])
    for number in range(3):
        RelatedBrief.objects.create(
            brief=brief, related=make_brief(f"Pick {number}"), order=number
        )
    assert related_titles(client, brief) == ["Pick 0", "Pick 1", "Pick 2"]


def test_drafts_future_briefs_other_languages_and_translations_are_never_related(
    client, tags
):
    chile = tags["chile"]
    brief = make_brief("Subject", countries=[chile])
    spanish = make_brief(
        "Traducción", countries=[chile], language="es", translation_of=brief
    )
    make_brief("Draft", countries=[chile], published=False)
    make_brief("Tomorrow", countries=[chile], when=timezone.now() + timedelta(days=1))
    make_brief("Otro idioma", countries=[chile], language="es")
    draft_pick = make_brief("Draft pick", published=False)
    spanish_pick = make_brief("Selección en español", language="es")
    RelatedBrief.objects.create(brief=brief, related=draft_pick)
    RelatedBrief.objects.create(brief=brief, related=spanish_pick)
    make_brief("Visible", countries=[chile], when=ago(20))
    assert related_titles(client, brief) == ["Visible"]
    # From the translation's side: the original is not related either.
    make_brief("Visible en español", countries=[chile], language="es", when=ago(3))
    # The Spanish pick shares no tag: it fills the block as the section's latest.
    assert related_titles(client, spanish) == [
        "Otro idioma",
        "Visible en español",
        "Selección en español",
    ]


def test_a_translation_marked_in_the_same_language_is_still_left_out(tags):
    """Bad data (clean() forbids it) must not put a brief's twin next to it."""
    brief = make_brief("Subject", countries=[tags["chile"]])
    twin = make_brief("Twin", countries=[tags["chile"]], translation_of=brief)
    other = make_brief("Other", countries=[tags["chile"]], when=ago(2))
    assert related.related_briefs(brief, 3) == [other]
    assert related.related_briefs(twin, 3) == [other]


def test_cards_show_kicker_date_headline_and_a_short_summary(client, tags):
    brief = make_brief("Subject", countries=[tags["chile"]])
    long_summary = " ".join(f"word{number}" for number in range(40))
    similar = make_brief(
        "Similar story", countries=[tags["chile"]], summary=long_summary
    )
    html = client.get(brief.get_absolute_url()).text
    block = html.split('id="related"', 1)[1].split("</section>", 1)[0]
    assert '<p class="kicker"><a href="/en/country/chile/">Chile</a></p>' in block
    assert f'<a href="{similar.get_absolute_url()}">Similar story</a>' in block
    assert f'datetime="{similar.published_at:%Y-%m-%dT%H:%M:%S}' in block
    assert "word19 …" in block or "word19…" in block
    assert "word20" not in block


def test_automatic_choice_only_counts_recent_briefs_of_each_tag(tags, monkeypatch):
    """On a large archive each tag brings in only its most recent briefs."""
    chile, water = tags["chile"], tags["water"]
    elsewhere = make_section(slug="elsewhere")
    brief = make_brief("Subject", countries=[chile], topics=[water])
    make_brief("Old, shares both", countries=[chile], topics=[water], when=ago(90))
    make_brief("Old Chile", countries=[chile], when=ago(80), section=elsewhere)
    make_brief("Newer Chile", countries=[chile], when=ago(3), section=elsewhere)
    make_brief("Newest Chile", countries=[chile], when=ago(2), section=elsewhere)

    def titles():
        return [card.title for card in related.related_briefs(loaded(brief), 4)]

    assert titles() == ["Old, shares both", "Newest Chile", "Newer Chile", "Old Chile"]
    # With a window of two, "Old Chile" is not among Chile's latest two briefs
    # and shares no other tag; the old brief still comes in through Water and
    # ranks by every tag it shares.
    monkeypatch.setattr(related, "RECENT_PER_TAG", 2)
    assert titles() == ["Old, shares both", "Newest Chile", "Newer Chile"]


def test_a_brief_sharing_no_tag_shows_the_latest_of_its_section(client, tags):
    elsewhere = make_section(slug="elsewhere")
    brief = make_brief("Untagged subject")
    make_brief("Other section", when=ago(hours=2), section=elsewhere)
    for number in range(4):
        make_brief(f"Same section {number}", when=ago(number + 1))
    make_brief("Draft", published=False)
    make_brief("Spanish", language="es")
    assert related_titles(client, brief) == [
        "Same section 0",
        "Same section 1",
        "Same section 2",
    ]


def test_closest_briefs_come_before_the_section_fill(client, tags):
    elsewhere = make_section(slug="elsewhere")
    brief = make_brief("Subject", countries=[tags["chile"]])
    make_brief("Newest of the section", when=ago(hours=2))
    make_brief(
        "Shares Chile", countries=[tags["chile"]], section=elsewhere, when=ago(9)
    )
    make_brief("Older of the section", when=ago(4))
    make_brief("Other section", section=elsewhere, when=ago(hours=3))
    assert related_titles(client, brief) == [
        "Shares Chile",
        "Newest of the section",
        "Older of the section",
    ]


def test_editors_pick_and_order_related_briefs_in_the_admin(admin_client, client):
    first = make_brief("Background piece", when=ago(40))
    second = make_brief("Follow-up piece", when=ago(1))
    data = brief_form_data(
        **inline_management("related_picks", total=2),
        **{
            "related_picks-0-related": str(second.pk),
            "related_picks-0-order": "2",
            "related_picks-1-related": str(first.pk),
            "related_picks-1-order": "1",
        },
    )
    response = admin_client.post(reverse("admin:briefs_brief_add"), data)
    assert response.status_code == 302
    brief = Brief.objects.get(slug="council-votes-on-the-aquifer")
    assert related_titles(client, brief)[:2] == ["Background piece", "Follow-up piece"]
    change = admin_client.get(reverse("admin:briefs_brief_change", args=[brief.pk]))
    assert 'name="related_picks-0-order"' in change.text
    assert "admin/js/autocomplete.js" in change.text


def loaded(brief):
    """``brief`` as the brief page loads it: with its tags."""
    return Brief.objects.prefetch_related("countries", "topics").get(pk=brief.pk)


def related_world(size, tags):
    """A brief with ``size`` tags and picks, and enough briefs to fill its block."""
    countries = [make_country() for _ in range(size)]
    topics = [make_topic() for _ in range(size)]
    brief = make_brief("Subject", countries=countries, topics=topics)
    for number in range(size):
        make_brief(f"Similar {number}", countries=countries[number:], when=ago(number))
        pick = make_brief(f"Pick {number}", when=ago(40 + number))
        RelatedBrief.objects.create(brief=brief, related=pick, order=number)
    for number in range(size):
        make_brief(f"Section {number}", when=ago(60 + number))
    return loaded(brief)


@pytest.mark.parametrize("size", [1, 8])
def test_related_briefs_take_three_queries_whatever_they_show(
    django_assert_num_queries, tags, size
):
    """Picks, the closest briefs and the section's latest, with their kickers."""
    brief = related_world(size, tags)
    count = 3 * size
    with django_assert_num_queries(3):
        cards = related.related_briefs(brief, count)
        kickers = [card.kicker for card in cards]
        sections = [card.section.name for card in cards]
    assert len(cards) == count
    assert [card.title for card in cards[:size]] == [
        f"Pick {number}" for number in range(size)
    ]
    assert cards[size].title == "Similar 0"
    assert cards[-1].title == f"Section {size - 1}"
    assert kickers[size] is not None and set(sections) == {"News"}
    for card in cards:
        assert {"news", "analysis", "search_vector"} <= card.get_deferred_fields()


def test_the_ranking_is_one_query_however_many_tags(django_assert_num_queries, tags):
    chile, peru, water, mining = tags.values()
    brief = loaded(
        make_brief("Subject", countries=[chile, peru], topics=[water, mining])
    )
    make_brief("Chile and Water", countries=[chile], topics=[water], when=ago(3))
    make_brief("Peru", countries=[peru], when=ago(1))
    make_brief("Mining", topics=[mining], when=ago(2))
    # The picks and the ranking; nothing is left to fill.
    with django_assert_num_queries(2):
        titles = [card.title for card in related.related_briefs(brief, 3)]
    assert titles == ["Chile and Water", "Peru", "Mining"]


def test_a_new_or_newly_due_brief_is_related_on_the_next_request(client, tags):
    chile = tags["chile"]
    brief = make_brief("Subject", countries=[chile])
    make_brief("Earlier", countries=[chile], when=ago(2))
    assert related_titles(client, brief) == ["Earlier"]
    make_brief("Just published", countries=[chile], when=ago(hours=1))
    assert related_titles(client, brief) == ["Just published", "Earlier"]
    due = timezone.now() + timedelta(seconds=1)
    make_brief("Embargoed", countries=[chile], when=due)
    assert related_titles(client, brief) == ["Just published", "Earlier"]
    # Nothing is saved from here on: only time passes.
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.05)
    assert related_titles(client, brief) == ["Embargoed", "Just published", "Earlier"]


def test_an_unpublished_brief_leaves_the_related_block_at_once(client, tags):
    brief = make_brief("Subject", countries=[tags["chile"]])
    other = make_brief("Withdrawn later", countries=[tags["chile"]])
    assert related_titles(client, brief) == ["Withdrawn later"]
    other.status = Brief.Status.DRAFT
    other.save()
    assert related_titles(client, brief) == []


def test_picks_are_shown_up_to_a_limit_then_the_closest_follow(tags, monkeypatch):
    monkeypatch.setattr(related, "MAX_PICKS", 1)
    chile = tags["chile"]
    brief = make_brief("Subject", countries=[chile])
    for number in range(2):
        pick = make_brief(f"Pick {number}", when=ago(days=10 + number))
        RelatedBrief.objects.create(brief=brief, related=pick, order=number)
    for number in range(3):
        make_brief(f"Similar {number}", countries=[chile], when=ago(days=1 + number))
    titles = [card.title for card in related.related_briefs(loaded(brief), 3)]
    assert titles == ["Pick 0", "Similar 0", "Similar 1"]


def test_the_ranking_matches_a_plain_count_over_every_visible_brief(tags):
    """Ties on the date included, on an archive smaller than the windows;
    the section's latest fill up."""
    chile, peru, water, mining = tags.values()
    rng = random.Random(7)
    same_time = ago(days=3)
    briefs = []
    for number in range(40):
        briefs.append(
            make_brief(
                f"Brief {number}",
                countries=rng.sample([chile, peru], rng.randint(0, 2)),
                topics=rng.sample([water, mining], rng.randint(0, 2)),
                when=same_time if number % 4 == 0 else ago(hours=rng.randint(1, 300)),
                published=number % 9 != 0,
            )
        )
    visible = list(Brief.objects.published().prefetch_related("countries", "topics"))

    def tag_ids(brief):
        return {("c", tag.pk) for tag in brief.countries.all()} | {
            ("t", tag.pk) for tag in brief.topics.all()
        }

    for brief in briefs:
        brief = loaded(brief)
        mine = tag_ids(brief)
        scored = [
            (len(mine & tag_ids(other)), other.published_at, other.pk, other)
            for other in visible
            if other.pk != brief.pk
        ]
        # Those sharing tags, then the rest of the section (all are in News).
        closest = sorted((item for item in scored if item[0]), reverse=True)
        latest = sorted((item[1:] for item in scored if not item[0]), reverse=True)
        expected = [item[-1].title for item in closest + latest][:5]
        titles = [card.title for card in related.related_briefs(brief, 5)]
        assert titles == expected, brief.title
