"""The related-content block under each brief (#related)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from briefs import related
from briefs.models import Brief, RelatedBrief
from newsroom.publication.models import Publication
from tests.factories import make_brief, make_country, make_topic
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
    assert related_titles(client, spanish) == ["Otro idioma", "Visible en español"]


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
    """On a large archive each tag contributes only its most recent briefs."""
    chile, water = tags["chile"], tags["water"]
    brief = make_brief("Subject", countries=[chile], topics=[water])
    make_brief("Old, shares both", countries=[chile], topics=[water], when=ago(90))
    make_brief("Newer Chile", countries=[chile], when=ago(3))
    make_brief("Newest Chile", countries=[chile], when=ago(2))

    def titles():
        return [card.title for card in related.related_briefs(brief, 3)]

    assert titles()[0] == "Old, shares both"
    # With a window of two, the old brief is not among Chile's latest two:
    # it only counts for the topic it shares.
    monkeypatch.setattr(related, "RECENT_PER_TAG", 2)
    assert titles() == ["Newest Chile", "Newer Chile", "Old, shares both"]


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


def test_related_briefs_are_found_with_one_query(django_assert_num_queries, tags):
    brief = make_brief("Subject", countries=[tags["chile"]], topics=[tags["water"]])
    for number in range(5):
        make_brief(f"Similar {number}", countries=[tags["chile"]])
    RelatedBrief.objects.create(brief=brief, related=make_brief("Pick"))
    brief = Brief.objects.prefetch_related("countries", "topics").get(pk=brief.pk)
    with django_assert_num_queries(1):
        briefs = related.related_briefs(brief, 3)
        kickers = [card.kicker for card in briefs]
    assert len(briefs) == 3
    assert kickers[1].name == "Chile"


def test_cards_hold_what_the_orm_reads_for_their_columns(tags):
    brief = make_brief("Subject", countries=[tags["chile"]], topics=[tags["water"]])
    similar = make_brief("Similar", countries=[tags["chile"]], topics=[tags["water"]])
    untagged = make_brief("Picked, no kicker")
    Brief.objects.filter(pk=untagged.pk).update(primary_country=None)
    RelatedBrief.objects.create(brief=brief, related=untagged)
    brief = Brief.objects.prefetch_related("countries", "topics").get(pk=brief.pk)

    cards = related.related_briefs(brief, 3)

    assert [card.pk for card in cards] == [untagged.pk, similar.pk]
    for card in cards:
        expected = Brief.objects.only(*related.CARD_FIELDS).get(pk=card.pk)
        assert card.get_deferred_fields() == expected.get_deferred_fields()
        for name in related.CARD_FIELDS:
            assert getattr(card, name) == getattr(expected, name), name
        assert card.primary_country == expected.primary_country
        assert card.primary_topic == expected.primary_topic
    assert cards[0].primary_country is None
    assert cards[1].primary_country.slug == "chile"
    assert cards[1].published_at.tzinfo is not None


def test_candidates_are_checked_in_the_visibility_index_not_their_rows(tags):
    brief = make_brief("Subject", countries=[tags["chile"]], topics=[tags["water"]])
    make_brief("Similar", countries=[tags["chile"]], topics=[tags["water"]])
    brief = Brief.objects.prefetch_related("countries", "topics").get(pk=brief.pk)
    sql, params = related._closest_sql(brief, 3)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
            assert f"USING COVERING INDEX {related.VISIBILITY_INDEX}" in plan, plan
            assert "briefs_brief USING INTEGER PRIMARY KEY" not in plan, plan
        cursor.execute(sql, params)
        assert len(cursor.fetchall()) == 1
