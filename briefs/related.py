"""Related content: the briefs listed under a brief.

Editors' picks come first, in their order. Then the published briefs in the
brief's language that share the most countries and topics with it, newest
first among ties. When those are too few, the block fills up with the latest
briefs of the brief's section, so that every brief page shows the
publication's ``related_count`` cards once the site has enough briefs.

The ranking is one query, bounded so that it costs the same on a large
archive as on a small one: a brief is a candidate only if it is among the
``RECENT_PER_TAG`` most recent briefs (the highest ids) of one of the brief's
tags, found on the tag tables' (tag, brief) indexes. A close match among a
tag's recent briefs is the better one anyway, and on a small archive nothing
is left out. Candidates are then ranked by every tag they share.
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import HEAVY_FIELDS, Brief, RelatedBrief, TaggedCountry, TaggedTopic

RECENT_PER_TAG = 200
# Hand-picked briefs shown at most (the admin inline sets no limit).
MAX_PICKS = 20


def listable(brief):
    """The briefs that may be listed under ``brief``: published, in its
    language, and neither the brief, its original nor its translations."""
    briefs = (
        Brief.objects.published()
        .in_language(brief.language)
        .exclude(pk=brief.pk)
        .exclude(translation_of=brief.pk)
    )
    if brief.translation_of_id:
        briefs = briefs.exclude(pk=brief.translation_of_id)
    return briefs


def picks(brief):
    """The editors' picks that are public, in their order."""
    rows = (
        RelatedBrief.objects.filter(brief=brief, related__in=listable(brief))
        .select_related(
            "related__section", "related__primary_country", "related__primary_topic"
        )
        .defer(*(f"related__{name}" for name in HEAVY_FIELDS))
    )
    return [row.related for row in rows[:MAX_PICKS]]


def recent(through, tag_id):
    """The ids of the ``RECENT_PER_TAG`` most recent briefs (the highest ids)
    of the tag ``tag_id`` (``through`` is the tag kind's table), as a queryset.

    The slice sits inside an ``IN`` so that the database knows the window
    holds at most ``RECENT_PER_TAG`` rows: with a bound it cannot see, such as
    "ids from the window's last one on", PostgreSQL expects a third of the
    tag's briefs, and at 100,000 briefs that estimate alone makes it compile
    the query to machine code (JIT), ten times slower than running it.
    """
    latest = (
        through.objects.filter(tag_id=tag_id)
        .order_by("-content_object_id")
        .values("content_object_id")[:RECENT_PER_TAG]
    )
    return through.objects.filter(tag_id=tag_id, content_object_id__in=latest).values(
        "content_object_id"
    )


def shared(through, tag_ids):
    """How many of ``tag_ids`` (of ``through``'s kind) a brief has: a count
    on the (tag, brief) index for each candidate."""
    count = (
        through.objects.filter(content_object=OuterRef("pk"), tag_id__in=tag_ids)
        .order_by()
        .values("content_object")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(count), 0)


def closest(brief, excluded, limit):
    """Up to ``limit`` briefs sharing tags with ``brief`` (not ``excluded``
    ids): most tags shared first, then newest."""
    tags = [
        (TaggedCountry, [tag.pk for tag in brief.countries.all()]),
        (TaggedTopic, [tag.pk for tag in brief.topics.all()]),
    ]
    tags = [(through, ids) for through, ids in tags if ids]
    if not tags or limit <= 0:
        return []
    first, *others = [
        recent(through, tag_id) for through, ids in tags for tag_id in ids
    ]
    briefs = (
        listable(brief)
        .filter(pk__in=first.union(*others))
        .exclude(pk__in=excluded)
        .annotate(shared=sum(shared(through, ids) for through, ids in tags))
        .order_by("-shared", "-published_at", "-pk")
        .for_cards()
        .defer(*HEAVY_FIELDS)
    )
    return list(briefs[:limit])


def latest_of_section(brief, excluded, limit):
    """The latest ``limit`` briefs of ``brief``'s section (not ``excluded`` ids)."""
    if limit <= 0:
        return []
    briefs = (
        listable(brief)
        .filter(section_id=brief.section_id)
        .exclude(pk__in=excluded)
        .for_cards()
        .defer(*HEAVY_FIELDS)
    )
    return list(briefs[:limit])


def related_briefs(brief, count):
    """The briefs listed under ``brief``, ready for cards: its picks, then up
    to ``count`` in all with the closest briefs and the section's latest.

    ``brief`` should come with its ``countries`` and ``topics`` prefetched.
    Three queries at most, however many cards, picks and tags there are.
    """
    cards = picks(brief)
    cards += closest(brief, [card.pk for card in cards], count - len(cards))
    cards += latest_of_section(brief, [card.pk for card in cards], count - len(cards))
    return cards
