"""Related content: the briefs listed under a brief.

Editors' picks come first, in their order. The rest, up to the publication's
``related_count``, are chosen by the database: published briefs in the same
language that share the most countries and topics with the brief, newest
first among ties. Each tag only brings in its ``RECENT_PER_TAG`` most recent
briefs, read backwards from the tag table's (tag, brief) index: that bounds
the work on a large archive, where a close match among recent briefs is the
better one anyway, and changes nothing on a smaller one.

Everything, cards included, comes from one SQL query (see ``briefs.columns``).
"""

from django.db import connection

from .columns import Columns, fetch_rows, table
from .models import (
    Brief,
    BriefQuerySet,
    Country,
    RelatedBrief,
    TaggedCountry,
    TaggedTopic,
    Topic,
)

RECENT_PER_TAG = 200
# Hand-picked briefs shown at most (the admin inline sets no limit).
MAX_PICKS = 20
TAG_TABLES = ((TaggedCountry, "countries"), (TaggedTopic, "topics"))
CARD_FIELDS = [
    "id",
    "title",
    "slug",
    "summary",
    "language",
    "status",
    "published_at",
    "section_id",
    "primary_country_id",
    "primary_topic_id",
]
CARD_COLUMNS = Columns(Brief, "v", only=CARD_FIELDS)
# What ranking the candidates reads of each.
RANKING_FIELDS = {"id", "published_at"}
# A card's kicker tags, joined in: what their links need.
KICKERS = (
    (
        "primary_country",
        Columns(Country, "country", only=("id", *Country.LINK_COLUMNS)),
    ),
    ("primary_topic", Columns(Topic, "topic", only=("id", *Topic.LINK_COLUMNS))),
)


# Holds every column the visibility rule reads: candidates are checked from
# the index alone, without reading their rows (text and all).
VISIBILITY_INDEX = "brief_visibility"


def _visible(brief, columns=CARD_FIELDS):
    """``columns`` of the briefs that may be listed under ``brief``.

    Published (the one visibility rule, as SQL), in the brief's language, and
    neither the brief itself nor its translation. Written by hand: built
    through the ORM, this filter cost more than the query that runs it.

    Asked only for ``id`` and ``published_at``, as the ranking is, SQLite is
    told to read the visibility index: left to itself it looks each candidate
    up by primary key in the table. PostgreSQL chooses its index alone.
    """
    briefs = table(Brief)
    source = briefs
    if connection.vendor == "sqlite" and set(columns) <= RANKING_FIELDS:
        source += f" INDEXED BY {connection.ops.quote_name(VISIBILITY_INDEX)}"
    published, params = BriefQuerySet.published_sql(briefs, connection)
    sql = (
        f"SELECT {', '.join(columns)} FROM {source}"
        f" WHERE {published} AND language = %s AND id <> %s"
        " AND (translation_of_id IS NULL OR translation_of_id <> %s)"
    )
    params += [brief.language, brief.pk, brief.pk]
    if brief.translation_of_id:
        sql += " AND id <> %s"
        params.append(brief.translation_of_id)
    return sql, params


def _closest_sql(brief, count):
    """SQL for the ids of the ``count`` closest briefs that are not picks."""
    windows, params = [], []
    for model, name in TAG_TABLES:
        # The page prefetched the brief's tags.
        for tag in getattr(brief, name).all():
            # SQLite accepts ORDER BY/LIMIT in a UNION member only in a subquery.
            windows.append(
                "SELECT * FROM (SELECT content_object_id AS brief_id"
                f" FROM {table(model)} WHERE tag_id = %s"
                " ORDER BY content_object_id DESC LIMIT %s) w"
            )
            params += [tag.pk, RECENT_PER_TAG]
    if not windows or not count:
        return None, []
    visible_sql, visible_params = _visible(brief, columns=("id", "published_at"))
    sql = (
        "SELECT m.brief_id, m.shared FROM ("
        " SELECT brief_id, COUNT(*) AS shared"
        f" FROM ({' UNION ALL '.join(windows)}) tagged GROUP BY brief_id"
        # CROSS JOIN keeps SQLite from scanning every visible brief and probing
        # the candidates: it reads the few candidates and looks each one up.
        f") m CROSS JOIN ({visible_sql}) v WHERE v.id = m.brief_id"
        f" AND m.brief_id NOT IN (SELECT related_id FROM {table(RelatedBrief)}"
        " WHERE brief_id = %s)"
        " ORDER BY m.shared DESC, v.published_at DESC, m.brief_id DESC LIMIT %s"
    )
    return sql, [*params, *visible_params, brief.pk, count]


def _related_sql(brief, count):
    order = connection.ops.quote_name("order")
    picks = (
        f"SELECT related_id AS brief_id, 1 AS picked, {order} AS pick_order,"
        f" id AS pick_id, 0 AS shared FROM {table(RelatedBrief)}"
        " WHERE brief_id = %s"
    )
    params = [brief.pk]
    visible_sql, visible_params = _visible(brief)
    closest, closest_params = _closest_sql(brief, count)
    if closest:
        picks += f" UNION ALL SELECT brief_id, 0, 0, 0, shared FROM ({closest}) closest"
        params += closest_params
    kicker_columns = ", ".join(columns.sql() for _field, columns in KICKERS)
    sql = (
        f"SELECT {CARD_COLUMNS.sql()}, chosen.picked, {kicker_columns}"
        f" FROM ({picks}) chosen"
        f" JOIN ({visible_sql}) v ON v.id = chosen.brief_id"
        f" LEFT JOIN {table(Country)} country"
        " ON country.id = v.primary_country_id"
        f" LEFT JOIN {table(Topic)} topic ON topic.id = v.primary_topic_id"
        " ORDER BY chosen.picked DESC, chosen.pick_order, chosen.pick_id,"
        " chosen.shared DESC, v.published_at DESC, v.id DESC"
    )
    return sql, [*params, *visible_params]


def _card(row):
    """A card's brief from its row, with its kicker tags and whether it was picked."""
    card = CARD_COLUMNS.build(row)
    start = len(CARD_COLUMNS)
    card.picked = row[start]
    start += 1
    for field, columns in KICKERS:
        if getattr(card, f"{field}_id") is not None:
            setattr(card, field, columns.build(row, start))
        start += len(columns)
    return card


def related_briefs(brief, count):
    """The related briefs of ``brief``, ready for cards, from one query.

    ``brief`` should come with its ``countries`` and ``topics`` prefetched.
    """
    cards = [_card(row) for row in fetch_rows(*_related_sql(brief, count))]
    picked = [card for card in cards if card.picked][:MAX_PICKS]
    closest = [card for card in cards if not card.picked]
    return picked + closest[: max(count - len(picked), 0)]
