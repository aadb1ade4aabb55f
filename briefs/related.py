"""Related content: the briefs listed under a brief.

Editors' picks come first, in their order. The rest, up to the publication's
``related_count``, are chosen by the database: published briefs in the same
language that share the most countries and topics with the brief, newest
first among ties. Each tag only brings in its ``RECENT_PER_TAG`` most recent
briefs, read backwards from the tag table's (tag, brief) index: that bounds
the work on a large archive, where a close match among recent briefs is the
better one anyway, and changes nothing on a smaller one.

Everything, cards included, comes from one SQL query.
"""

from django.db import connection

from .models import Brief, Country, RelatedBrief, TaggedCountry, TaggedTopic, Topic

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
KICKERS = (("country", Country, "primary_country"), ("topic", Topic, "primary_topic"))


def _visible(brief):
    """Card columns of the briefs that may be listed under ``brief``.

    Published (the one visibility rule, as SQL), in the brief's language, and
    neither the brief itself nor its translation.
    """
    briefs = (
        Brief.objects.published()
        .filter(language=brief.language)
        .exclude(pk=brief.pk)
        .exclude(translation_of=brief.pk)
    )
    if brief.translation_of_id:
        briefs = briefs.exclude(pk=brief.translation_of_id)
    return briefs.order_by().values(*CARD_FIELDS).query.sql_with_params()


def _closest_sql(brief, count, visible):
    """SQL for the ids of the ``count`` closest briefs that are not picks."""
    windows, params = [], []
    for model, name in TAG_TABLES:
        # The page prefetched the brief's tags.
        for tag in getattr(brief, name).all():
            # SQLite accepts ORDER BY/LIMIT in a UNION member only in a subquery.
            windows.append(
                "SELECT * FROM (SELECT content_object_id AS brief_id"
                f" FROM {model._meta.db_table} WHERE tag_id = %s"
                " ORDER BY content_object_id DESC LIMIT %s) w"
            )
            params += [tag.pk, RECENT_PER_TAG]
    if not windows or not count:
        return None, []
    visible_sql, visible_params = visible
    sql = (
        "SELECT m.brief_id, m.shared FROM ("
        " SELECT brief_id, COUNT(*) AS shared"
        f" FROM ({' UNION ALL '.join(windows)}) tagged GROUP BY brief_id"
        # CROSS JOIN keeps SQLite from scanning every visible brief and probing
        # the candidates: it reads the few candidates and looks each one up.
        f") m CROSS JOIN ({visible_sql}) v WHERE v.id = m.brief_id"
        f" AND m.brief_id NOT IN (SELECT related_id FROM {RelatedBrief._meta.db_table}"
        " WHERE brief_id = %s)"
        " ORDER BY m.shared DESC, v.published_at DESC, m.brief_id DESC LIMIT %s"
    )
    return sql, [*params, *visible_params, brief.pk, count]


def _related_sql(brief, count):
    order = connection.ops.quote_name("order")
    picks = (
        f"SELECT related_id AS brief_id, 1 AS picked, {order} AS pick_order,"
        f" id AS pick_id, 0 AS shared FROM {RelatedBrief._meta.db_table}"
        " WHERE brief_id = %s"
    )
    params = [brief.pk]
    visible_sql, visible_params = visible = _visible(brief)
    closest, closest_params = _closest_sql(brief, count, visible)
    if closest:
        picks += f" UNION ALL SELECT brief_id, 0, 0, 0, shared FROM ({closest}) closest"
        params += closest_params
    kicker_columns = ", ".join(
        f"{kind}.{column} AS kicker_{kind}_{column}"
        for kind, model, _field in KICKERS
        for column in model.LINK_COLUMNS
    )
    sql = (
        f"SELECT v.*, chosen.picked, {kicker_columns}"
        f" FROM ({picks}) chosen"
        f" JOIN ({visible_sql}) v ON v.id = chosen.brief_id"
        f" LEFT JOIN {Country._meta.db_table} country"
        " ON country.id = v.primary_country_id"
        f" LEFT JOIN {Topic._meta.db_table} topic ON topic.id = v.primary_topic_id"
        " ORDER BY chosen.picked DESC, chosen.pick_order, chosen.pick_id,"
        " chosen.shared DESC, v.published_at DESC, v.id DESC"
    )
    return sql, [*params, *visible_params]


def _attach_kickers(card):
    """Give a card its kicker tags from the joined columns, without a query."""
    for kind, model, field in KICKERS:
        tag = model.from_joined(card, f"kicker_{kind}_", getattr(card, f"{field}_id"))
        setattr(card, field, tag)


def related_briefs(brief, count):
    """The related briefs of ``brief``, ready for cards, from one query.

    ``brief`` should come with its ``countries`` and ``topics`` prefetched.
    """
    cards = list(Brief.objects.raw(*_related_sql(brief, count)))
    for card in cards:
        _attach_kickers(card)
    picked = [card for card in cards if card.picked][:MAX_PICKS]
    closest = [card for card in cards if not card.picked]
    return picked + closest[: max(count - len(picked), 0)]
