"""What the brief page reads besides the brief itself, one small query each.

``prefetch_related`` reads a brief's bylines, countries, topics, see-also links
and translation in five queries, but builds each through its generic
machinery: about 4 ms of Python on every uncached page view, a third of the
page's cost. Read with a hand-written query apiece they cost a few tenths of a
millisecond. The results land where ``prefetch_related`` would have put them
(``brief.bylines``, ``brief.countries.all()``, ``brief.see_also.all()``,
``brief.translation``), so the template tags, the attribution helpers and the
related-content query read them without knowing how they were loaded.
"""

from django.db import connection

from .models import (
    Author,
    Brief,
    BriefAuthor,
    Country,
    SeeAlsoLink,
    TaggedCountry,
    TaggedTopic,
    Topic,
)

# What the page reads of a brief it links to (its translation, a see-also
# target): the link and whether it is public.
BRIEF_LINK = (
    "id",
    "title",
    "slug",
    "language",
    "status",
    "published_at",
    "translation_of_id",
)


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _bylines(brief):
    order = connection.ops.quote_name("order")
    authors = Author.objects.raw(
        f"SELECT a.*, b.id AS byline_id, b.{order} AS byline_order"
        f" FROM {_table(Author)} a JOIN {_table(BriefAuthor)} b ON b.author_id = a.id"
        f" WHERE b.brief_id = %s ORDER BY b.{order}, b.id",
        [brief.pk],
    )
    return [
        BriefAuthor(pk=a.byline_id, brief=brief, author=a, order=a.byline_order)
        for a in authors
    ]


def _tags(brief, model, through):
    """The brief's countries or topics, in name order like the tag models."""
    return list(
        model.objects.raw(
            f"SELECT t.* FROM {_table(model)} t"
            f" JOIN {_table(through)} x ON x.tag_id = t.id"
            " WHERE x.content_object_id = %s ORDER BY t.name, t.id",
            [brief.pk],
        )
    )


def _see_also(brief):
    """The brief's see-also links, each with its target (a brief, a tag or a URL).

    Two queries: the links with their tag targets' names and slugs joined in,
    then the briefs they point to, with what a link needs of them.
    """
    tags = {"target_country": ("c", Country), "target_topic": ("t", Topic)}
    tag_columns = ", ".join(
        f"{alias}.{column} AS {alias}_{column}"
        for alias, model in tags.values()
        for column in model.LINK_COLUMNS
    )
    links = list(
        SeeAlsoLink.objects.raw(
            f"SELECT l.*, {tag_columns} FROM {_table(SeeAlsoLink)} l"
            f" LEFT JOIN {_table(Country)} c ON c.id = l.target_country_id"
            f" LEFT JOIN {_table(Topic)} t ON t.id = l.target_topic_id"
            " WHERE l.brief_id = %s ORDER BY l.place, l.after_paragraph, l.id",
            [brief.pk],
        )
    )
    targets = Brief.objects.raw(
        f"SELECT {', '.join(BRIEF_LINK)} FROM {_table(Brief)} WHERE id IN"
        f" (SELECT target_brief_id FROM {_table(SeeAlsoLink)} WHERE brief_id = %s)",
        [brief.pk],
    )
    targets = {target.pk: target for target in targets}
    shown = []
    for link in links:
        link.brief = brief
        if link.target_brief_id is not None:
            # Deleted between the two queries: the link went with it.
            if link.target_brief_id not in targets:
                continue
            link.target_brief = targets[link.target_brief_id]
        for field, (alias, model) in tags.items():
            pk = getattr(link, f"{field}_id")
            if pk is not None:
                setattr(link, field, model.from_joined(link, f"{alias}_", pk))
        shown.append(link)
    return shown


def _translations(brief):
    columns = ", ".join(BRIEF_LINK)
    return list(
        Brief.objects.raw(
            f"SELECT {columns} FROM {_table(Brief)}"
            " WHERE translation_of_id = %s ORDER BY id",
            [brief.pk],
        )
    )


def _as_prefetched(brief, name, queryset, objects):
    """Keep ``objects`` as the answer to ``brief.<name>.all()``.

    This is what ``prefetch_related`` leaves on an instance: the queryset the
    manager would run, with its results already known.
    """
    queryset._result_cache = objects
    queryset._prefetch_done = True
    brief._prefetched_objects_cache[name] = queryset


def load_page_relations(brief):
    """Read everything the brief page shows about ``brief`` (six queries)."""
    if not hasattr(brief, "_prefetched_objects_cache"):
        brief._prefetched_objects_cache = {}
    brief.bylines = _bylines(brief)
    for name, model, through in (
        ("countries", Country, TaggedCountry),
        ("topics", Topic, TaggedTopic),
    ):
        _as_prefetched(
            brief,
            name,
            model.objects.filter(tagged_briefs__content_object=brief.pk),
            _tags(brief, model, through),
        )
    _as_prefetched(
        brief, "see_also", SeeAlsoLink.objects.filter(brief=brief.pk), _see_also(brief)
    )
    _as_prefetched(
        brief,
        "translations",
        Brief.objects.filter(translation_of=brief.pk),
        _translations(brief),
    )
    return brief
