"""The brief page's queries: the brief, then what surrounds it.

``load_brief`` reads the published brief with its section, kicker tags,
license and original joined in (one query); ``load_page_relations`` reads its
bylines, countries and topics, see-also links with their targets, and
translations (four queries). ``load_brief_page`` does both; on PostgreSQL
all five go out together, in one round trip. ``select_related`` and
``prefetch_related`` read the same, but building their queries through the
ORM cost several times what the database spends answering them, on every
uncached view. The results land where the ORM would have put them
(``brief.section``, ``brief.bylines``, ``brief.countries.all()``,
``brief.see_also.all()``, ``brief.translation``), so templates, tags and the
attribution helpers read them without knowing how they were loaded. Tests
hold each query to the ORM's answer.
"""

from .columns import (
    Columns,
    database,
    fetch_many,
    fetch_rows,
    pipelines,
    quote,
    table,
)
from .models import (
    Author,
    Brief,
    BriefAuthor,
    BriefQuerySet,
    Country,
    SeeAlsoLink,
    TaggedCountry,
    TaggedTopic,
    Topic,
)

# What is read of a brief that is linked to (the page's translation link and
# see-also targets, the sitemap's entries and alternates): the link and
# whether it is public.
BRIEF_LINK = (
    "id",
    "title",
    "slug",
    "language",
    "status",
    "published_at",
    "translation_of_id",
)


# What the brief page joins into the brief's own row, as ``select_related``
# would: (field, table alias, LEFT JOIN or inner JOIN).
BRIEF_JOINS = (
    ("section", "s", "JOIN"),
    ("primary_country", "c", "LEFT JOIN"),
    ("primary_topic", "t", "LEFT JOIN"),
    ("license", "l", "LEFT JOIN"),
    ("translation_of", "o", "LEFT JOIN"),
)
# The search index is read by search alone.
UNREAD = {"search_vector"}
BRIEF_COLUMNS = Columns(Brief, "b", exclude=UNREAD)
JOINED_COLUMNS = [
    (
        Brief._meta.get_field(name),
        Columns(Brief._meta.get_field(name).related_model, alias, exclude=UNREAD),
        join,
    )
    for name, alias, join in BRIEF_JOINS
]


def load_brief(slug, language):
    """The published brief at ``slug`` in ``language``, or None.

    One query: the brief with its section, kicker tags, license and original
    joined in, as ``briefs.views.brief_detail_queryset().published()`` reads
    it, but without the ORM's query building, which costs ten times the query.
    """
    return _brief(fetch_rows(*_brief_query(slug, language)))


def _brief_query(slug, language):
    visible, params = BriefQuerySet.published_sql("b", database())
    columns = [BRIEF_COLUMNS.sql()] + [
        joined.sql() for _f, joined, _j in JOINED_COLUMNS
    ]
    joins = " ".join(
        f"{join} {table(field.related_model)} {joined.alias}"
        f" ON {joined.alias}.id = b.{field.column}"
        for field, joined, join in JOINED_COLUMNS
    )
    return (
        f"SELECT {', '.join(columns)} FROM {table(Brief)} b {joins}"
        f" WHERE {visible} AND b.language = %s AND b.slug = %s",
        [*params, language, slug],
    )


def _brief(rows):
    if not rows:
        return None
    row = rows[0]
    brief = BRIEF_COLUMNS.build(row)
    start = len(BRIEF_COLUMNS)
    for field, joined, _join in JOINED_COLUMNS:
        if row[start + joined.pk_position] is None:
            related = None
        else:
            related = joined.build(row, start)
        field.set_cached_value(brief, related)
        start += len(joined)
    return brief


AUTHOR_COLUMNS = Columns(Author, "a")
BYLINE_COLUMNS = Columns(BriefAuthor, "b", exclude={"brief", "author"})
TAGS = ((Country, TaggedCountry), (Topic, TaggedTopic))
TAG_COLUMNS = {model: Columns(model, "t") for model, _through in TAGS}
SEE_ALSO_COLUMNS = Columns(SeeAlsoLink, "l")
# A see-also link's target, joined in: what its link needs.
TARGET_COLUMNS = {
    "target_brief": Columns(Brief, "tb", only=BRIEF_LINK),
    "target_country": Columns(Country, "c", only=("id", *Country.LINK_COLUMNS)),
    "target_topic": Columns(Topic, "t", only=("id", *Topic.LINK_COLUMNS)),
}
BRIEF_LINK_COLUMNS = Columns(Brief, "b", only=BRIEF_LINK)


def _bylines_query(brief_id, params):
    order = quote("order")
    return (
        f"SELECT {AUTHOR_COLUMNS.sql()}, {BYLINE_COLUMNS.sql()}"
        f" FROM {table(Author)} a JOIN {table(BriefAuthor)} b ON b.author_id = a.id"
        f" WHERE b.brief_id = {brief_id} ORDER BY b.{order}, b.id",
        params,
    )


def _bylines(brief, rows):
    bylines = []
    for row in rows:
        byline = BYLINE_COLUMNS.build(row, len(AUTHOR_COLUMNS))
        byline.brief = brief
        byline.author = AUTHOR_COLUMNS.build(row)
        bylines.append(byline)
    return bylines


def _tags_query(brief_id, params):
    """Both tag tables have the same columns: one query reads both kinds."""
    selects = [
        f"SELECT {kind} AS kind, {TAG_COLUMNS[model].sql()} FROM {table(model)} t"
        f" JOIN {table(through)} x ON x.tag_id = t.id"
        f" WHERE x.content_object_id = {brief_id}"
        for kind, (model, through) in enumerate(TAGS)
    ]
    # By position: the kind comes first, then the tag's columns.
    columns = TAG_COLUMNS[Country].attnames
    name, pk = columns.index("name") + 2, columns.index("id") + 2
    return (
        " UNION ALL ".join(selects) + f" ORDER BY 1, {name}, {pk}",
        params * len(TAGS),
    )


def _tags(rows):
    """``(countries, topics)``, each in name order like the tag models."""
    tags = tuple([] for _tag in TAGS)
    for row in rows:
        model = TAGS[row[0]][0]
        tags[row[0]].append(TAG_COLUMNS[model].build(row, 1))
    return tags


def _see_also_query(brief_id, params):
    """The brief's see-also links, each with its target: a brief, a tag or a URL."""
    return (
        f"SELECT {SEE_ALSO_COLUMNS.sql()},"
        f" {', '.join(target.sql() for target in TARGET_COLUMNS.values())}"
        f" FROM {table(SeeAlsoLink)} l"
        f" LEFT JOIN {table(Brief)} tb ON tb.id = l.target_brief_id"
        f" LEFT JOIN {table(Country)} c ON c.id = l.target_country_id"
        f" LEFT JOIN {table(Topic)} t ON t.id = l.target_topic_id"
        f" WHERE l.brief_id = {brief_id} ORDER BY l.place, l.after_paragraph, l.id",
        params,
    )


def _see_also(brief, rows):
    links = []
    for row in rows:
        link = SEE_ALSO_COLUMNS.build(row)
        link.brief = brief
        start = len(SEE_ALSO_COLUMNS)
        for field, columns in TARGET_COLUMNS.items():
            if getattr(link, f"{field}_id") is not None:
                setattr(link, field, columns.build(row, start))
            start += len(columns)
        links.append(link)
    return links


def _translations_query(brief_id, params):
    return (
        f"SELECT {BRIEF_LINK_COLUMNS.sql()} FROM {table(Brief)} b"
        f" WHERE b.translation_of_id = {brief_id} ORDER BY b.id",
        params,
    )


def _relation_queries(brief_id, params):
    """The queries for what surrounds a brief, which ``brief_id`` (SQL, with
    ``params``) names: its bylines, tags, see-also links and translations."""
    return [
        query(brief_id, params)
        for query in (_bylines_query, _tags_query, _see_also_query, _translations_query)
    ]


def _as_prefetched(brief, name, model, objects, /, **lookups):
    """Keep ``objects`` as the answer to ``brief.<name>.all()``.

    This is what ``prefetch_related`` leaves on an instance: the queryset the
    manager would run (``model`` filtered by ``lookups``), with its results
    already known. The filter is applied only if something chains onto the
    queryset, the way Django's related managers defer theirs: building it
    costs more than the query it stands for.
    """
    queryset = model._default_manager.all()
    queryset._defer_next_filter = True
    queryset = queryset.filter(**lookups)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    brief._prefetched_objects_cache[name] = queryset


def load_page_relations(brief):
    """Read everything the brief page shows about ``brief`` (four queries, sent
    together on PostgreSQL: ``columns.fetch_many``)."""
    _attach_relations(brief, fetch_many(_relation_queries("%s", [brief.pk])))
    return brief


def load_brief_page(slug, language):
    """``load_brief`` and then ``load_page_relations``: the published brief at
    ``slug`` in ``language`` with what surrounds it, or None.

    On PostgreSQL the five queries go out in one pipeline, one round trip in
    all: the relations name the brief by its language and slug (unique
    together), and are dropped if the brief is not published.
    """
    if not pipelines():
        brief = load_brief(slug, language)
        return None if brief is None else load_page_relations(brief)
    by_slug = (
        f"(SELECT k.id FROM {table(Brief)} k WHERE k.language = %s AND k.slug = %s)"
    )
    found, *relations = fetch_many(
        [
            _brief_query(slug, language),
            *_relation_queries(by_slug, [language, slug]),
        ]
    )
    brief = _brief(found)
    if brief is not None:
        _attach_relations(brief, relations)
    return brief


def _attach_relations(brief, rows):
    """Put what the relation queries found where the ORM would have put it."""
    if not hasattr(brief, "_prefetched_objects_cache"):
        brief._prefetched_objects_cache = {}
    bylines, tags, see_also, translations = rows
    brief.bylines = _bylines(brief, bylines)
    countries, topics = _tags(tags)
    _as_prefetched(
        brief, "countries", Country, countries, tagged_briefs__content_object=brief.pk
    )
    _as_prefetched(
        brief, "topics", Topic, topics, tagged_briefs__content_object=brief.pk
    )
    _as_prefetched(
        brief, "see_also", SeeAlsoLink, _see_also(brief, see_also), brief=brief.pk
    )
    _as_prefetched(
        brief,
        "translations",
        Brief,
        [BRIEF_LINK_COLUMNS.build(row) for row in translations],
        translation_of=brief.pk,
    )
