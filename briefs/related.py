"""Related content: the briefs listed under a brief.

Editors' picks come first, in their order. The rest, up to the publication's
``related_count``, are the published briefs in the same language that share
the most countries and topics with the brief, newest first among ties. Each
tag only brings in its ``RECENT_PER_TAG`` most recent briefs, read backwards
from the tag table's (tag, brief) index: that bounds the work on a large
archive, where a close match among recent briefs is the better one anyway,
and changes nothing on a smaller one.

A tag's recent briefs (its *window*) are the same for every brief page that
shows the tag, so each is read once per content version and kept in the
cache (``newsroom.cache.content_cached_many``), like the publication's
settings: a page rendered for the first time finds them there too. The
ranking is done in Python over the windows, and the cards (picks and closest
briefs) come from one SQL query (see ``briefs.columns``).
"""

import functools
import heapq
from itertools import combinations

from newsroom.cache import content_cached_many

from .columns import Columns, database, engine, fetch_rows, quote, table
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
# A card's kicker tags, joined in: what their links need.
KICKERS = (
    (
        "primary_country",
        Columns(Country, "country", only=("id", *Country.LINK_COLUMNS)),
    ),
    ("primary_topic", Columns(Topic, "topic", only=("id", *Topic.LINK_COLUMNS))),
)


def _visible(with_original):
    """The card columns of the briefs that may be listed under a brief.

    Published (the one visibility rule, as SQL), in the brief's language, and
    neither the brief itself nor its translation; ``with_original`` when the
    brief is a translation, whose original is left out too. Written by hand:
    built through the ORM, this filter cost more than the query that runs it.
    Its parameters come from ``_visible_params``.
    """
    briefs = table(Brief)
    published, _now = BriefQuerySet.published_sql(briefs, database())
    sql = (
        f"SELECT {', '.join(CARD_FIELDS)} FROM {briefs}"
        f" WHERE {published} AND language = %s AND id <> %s"
        " AND (translation_of_id IS NULL OR translation_of_id <> %s)"
    )
    if with_original:
        sql += " AND id <> %s"
    return sql


def _visible_params(brief):
    params = BriefQuerySet.published_params(database())
    params += [brief.language, brief.pk, brief.pk]
    if brief.translation_of_id:
        params.append(brief.translation_of_id)
    return params


WINDOW_COLUMNS = Columns(Brief, "b", only=("id", "published_at", "translation_of_id"))
WINDOW_ID, WINDOW_PUBLISHED, WINDOW_ORIGINAL = (
    WINDOW_COLUMNS.attnames.index(name)
    for name in ("id", "published_at", "translation_of_id")
)


def _windows(tags, language):
    """The windows of ``tags`` (``[(tag model's through table, tag id), ...]``),
    in that order, each ``({id: published}, {id: original id})``.

    A window holds the tag's ``RECENT_PER_TAG`` most recent briefs (by id, read
    backwards from the through table's (tag, brief) index) that are visible in
    ``language``, newest first, with their publication times in whole
    microseconds; the second dict holds the translations among them. One
    query for all: a page rendered after an edit reads its tags' windows in
    one round trip rather than one per tag.
    """
    # Each tag's most recent briefs in a subquery of its own, so that each
    # LIMIT applies to one tag (SQLite takes ORDER BY/LIMIT in a compound
    # statement's members only inside a subquery).
    recent = " UNION ALL ".join(
        f"SELECT * FROM (SELECT {place} AS place, content_object_id"
        f" FROM {table(model)} WHERE tag_id = %s"
        f" ORDER BY content_object_id DESC LIMIT %s) recent{place}"
        for place, (model, _tag_id) in enumerate(tags)
    )
    params = [value for _model, tag_id in tags for value in (tag_id, RECENT_PER_TAG)]
    visible, visible_params = BriefQuerySet.published_sql("b", database())
    rows = fetch_rows(
        f"SELECT r.place, {WINDOW_COLUMNS.sql()} FROM ({recent}) r"
        f" JOIN {table(Brief)} b ON b.id = r.content_object_id"
        f" WHERE {visible} AND b.language = %s"
        " ORDER BY b.published_at DESC, b.id DESC",
        [*params, *visible_params, language],
    )
    found = [({}, {}) for _tag in tags]
    # Plain values, not instances: a window holds a few hundred briefs.
    db = database()
    for row in rows:
        values = WINDOW_COLUMNS.values(row, 1, db)
        pk, published_at = values[WINDOW_ID], values[WINDOW_PUBLISHED]
        original = values[WINDOW_ORIGINAL]
        published, originals = found[row[0]]
        published[pk] = round(published_at.timestamp() * 1_000_000)
        if original is not None:
            originals[pk] = original
    return found


def windows(brief):
    """The windows of the brief's countries and topics, from the cache."""
    wanted = {}
    for model, name in TAG_TABLES:
        # The page prefetched the brief's tags.
        for tag in getattr(brief, name).all():
            key = f"related:{RECENT_PER_TAG}:{brief.language}:{name}:{tag.pk}"
            wanted[key] = (model, tag.pk)
    if not wanted:
        return []

    def read(missing):
        found = _windows([wanted[key] for key in missing], brief.language)
        return dict(zip(missing, found, strict=True))

    return list(content_cached_many(wanted, read).values())


def closest(brief, windows, limit=None):
    """The first ``limit`` candidate ids: most tags shared, then most recent.

    Recency is the publication time, then the id, as in the archives.
    """
    excluded = {brief.pk, brief.translation_of_id}
    for _published, originals in windows:
        excluded.update(
            pk for pk, original in originals.items() if original == brief.pk
        )
    published = [window for window, _originals in windows]

    def rank(pk):
        shared = [window[pk] for window in published if pk in window]
        return len(shared), shared[0], pk

    # Briefs in more than one window are few: they are ranked outright.
    several = set().union(
        *(one.keys() & other.keys() for one, other in combinations(published, 2))
    )
    ranked = [
        pk for _shared, _time, pk in sorted(map(rank, several - excluded), reverse=True)
    ]
    if limit is not None and len(ranked) >= limit:
        return ranked[:limit]
    # The rest are each in one window: the windows, newest first, are merged
    # only as far as needed.
    newest_first = heapq.merge(
        *(window.items() for window in published),
        key=lambda item: (item[1], item[0]),
        reverse=True,
    )
    for pk, _time in newest_first:
        if pk not in several and pk not in excluded:
            ranked.append(pk)
            if len(ranked) == limit:
                break
    return ranked


def _related_sql(brief, count, candidates):
    """The cards: the brief's picks, then the first ``count`` of ``candidates``
    that are not picks, in that order."""
    candidates = candidates if count else []
    sql = _related_sql_text(engine(), len(candidates), bool(brief.translation_of_id))
    params = [
        value for position, pk in enumerate(candidates) for value in (pk, position)
    ]
    params.append(brief.pk)
    if candidates:
        params += [brief.pk, count]
    return sql, params + _visible_params(brief)


@functools.lru_cache(maxsize=256)
def _related_sql_text(engine, candidates, with_original):
    """``_related_sql``'s SQL, for ``candidates`` candidate rows: the same for
    every brief page of that shape, so it is written once."""
    order = quote("order")
    picked = f"SELECT related_id FROM {table(RelatedBrief)} WHERE brief_id = %s"
    chosen = (
        f"SELECT related_id AS brief_id, 1 AS picked, {order} AS pick_order,"
        f" id AS pick_id, 0 AS position FROM {table(RelatedBrief)}"
        " WHERE brief_id = %s"
    )
    prefix = ""
    if candidates:
        rows = ", ".join(["(%s, %s)"] * candidates)
        prefix = f"WITH candidate (brief_id, position) AS (VALUES {rows}) "
        # SQLite accepts ORDER BY/LIMIT in a UNION member only in a subquery.
        chosen += (
            " UNION ALL SELECT * FROM (SELECT brief_id, 0, 0, 0, position"
            f" FROM candidate WHERE brief_id NOT IN ({picked})"
            " ORDER BY position LIMIT %s) closest"
        )
    kicker_columns = ", ".join(columns.sql() for _field, columns in KICKERS)
    return (
        f"{prefix}SELECT {CARD_COLUMNS.sql()}, chosen.picked, {kicker_columns}"
        f" FROM ({chosen}) chosen"
        f" JOIN ({_visible(with_original)}) v ON v.id = chosen.brief_id"
        f" LEFT JOIN {table(Country)} country"
        " ON country.id = v.primary_country_id"
        f" LEFT JOIN {table(Topic)} topic ON topic.id = v.primary_topic_id"
        " ORDER BY chosen.picked DESC, chosen.pick_order, chosen.pick_id,"
        " chosen.position"
    )


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
    """The related briefs of ``brief``, ready for cards.

    ``brief`` should come with its ``countries`` and ``topics`` prefetched.
    With the tags' windows in the cache, this is one query.
    """
    tag_windows = windows(brief) if count else []
    # The query leaves picks out of the candidates. Of the first
    # ``count + MAX_PICKS``, enough are not picks unless more than
    # ``2 * MAX_PICKS`` of them are: then every candidate is sent.
    candidates = closest(brief, tag_windows, count + MAX_PICKS)
    cards = [_card(row) for row in fetch_rows(*_related_sql(brief, count, candidates))]
    picked = [card for card in cards if card.picked][:MAX_PICKS]
    closest_cards = [card for card in cards if not card.picked]
    wanted = max(count - len(picked), 0)
    if len(closest_cards) < wanted and len(candidates) == count + MAX_PICKS:
        everyone = closest(brief, tag_windows)
        rows = fetch_rows(*_related_sql(brief, count, everyone))
        closest_cards = [_card(row) for row in rows if not row[len(CARD_COLUMNS)]]
    return picked + closest_cards[:wanted]
