"""Revisions of briefs: what a version looked like, how it differs, restoring it.

Every save through the admin keeps a django-reversion revision of the brief
with its bylines, tags, see-also links and related picks. A revision is shown
as a snapshot (field label -> text), compared with the current brief word by
word, and restored for this one brief only.
"""

import difflib
import re

import reversion
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import (
    Brief,
    BriefAuthor,
    RelatedBrief,
    SeeAlsoLink,
    TaggedCountry,
    TaggedTopic,
)

# The rows that make up a brief besides its own: kept in every revision and
# restored with it. (model, name of its foreign key to the brief)
FOLLOWED = (
    (BriefAuthor, "brief"),
    (SeeAlsoLink, "brief"),
    (RelatedBrief, "brief"),
    (TaggedCountry, "content_object"),
    (TaggedTopic, "content_object"),
)

for _model, _fk in FOLLOWED:
    if not reversion.is_registered(_model):
        reversion.register(_model)
if not reversion.is_registered(Brief):
    reversion.register(
        Brief,
        # Derived from the text after every save; not part of what an editor wrote.
        exclude=["search_vector"],
        follow=[
            "briefauthor_set",
            "see_also",
            "related_picks",
            "taggedcountry_set",
            "taggedtopic_set",
        ],
    )


DIFF_SKIP = {"id", "created_at", "updated_at", "search_vector"}


def _display(obj, field):
    value = getattr(obj, field.attname)
    if value in (None, ""):
        return ""
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, FieldFile):
        return value.name or ""
    if hasattr(value, "tzinfo"):
        return localize(timezone.localtime(value) if value.tzinfo else value)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    return str(value)


def _related_snapshot(brief_pk, rows):
    """Bylines, tags and links from the related rows of one brief."""
    bylines = sorted(
        (row.order, row.pk, _display(row, BriefAuthor._meta.get_field("author")))
        for row in rows[BriefAuthor]
    )
    see_also = sorted(
        (row.place, row.after_paragraph, row.pk, row) for row in rows[SeeAlsoLink]
    )
    related = sorted(
        (row.order, row.pk, _display(row, RelatedBrief._meta.get_field("related")))
        for row in rows[RelatedBrief]
    )
    tag = TaggedCountry._meta.get_field("tag")
    topic = TaggedTopic._meta.get_field("tag")
    return {
        "authors": ", ".join(name for _order, _pk, name in bylines),
        "countries": ", ".join(
            sorted(_display(row, tag) for row in rows[TaggedCountry])
        ),
        "topics": ", ".join(sorted(_display(row, topic) for row in rows[TaggedTopic])),
        "see_also": "\n".join(
            f"{row.label} → {_see_also_target(row)} "
            f"({row.get_place_display()}, {row.after_paragraph})"
            for *_key, row in see_also
        ),
        "related": "\n".join(title for _order, _pk, title in related),
    }


def _see_also_target(link):
    for name in ("target_brief", "target_country", "target_topic"):
        shown = _display(link, SeeAlsoLink._meta.get_field(name))
        if shown:
            return shown
    return link.url


def _snapshot(brief, rows):
    """Field label -> text of ``brief``, the unit a revision diff compares."""
    values = {}
    for field in Brief._meta.concrete_fields:
        if field.name in DIFF_SKIP:
            continue
        values[field.name] = (str(field.verbose_name), _display(brief, field))
    labels = {
        "authors": _("authors"),
        "countries": _("countries"),
        "topics": _("topics"),
        "see_also": _("see-also links"),
        "related": _("related briefs"),
    }
    for key, text in _related_snapshot(brief.pk, rows).items():
        values[key] = (str(labels[key]), text)
    return values


def current_snapshot(brief):
    rows = {
        model: list(model._default_manager.filter(**{fk: brief.pk}))
        for model, fk in FOLLOWED
    }
    return _snapshot(brief, rows)


def _followed_versions(version):
    """The versions of the brief's related rows saved in the same revision."""
    brief_pk = int(version.object_id)
    found = []
    for other in version.revision.version_set.exclude(pk=version.pk):
        for model, fk in FOLLOWED:
            if other._model is model:
                row = other._object_version.object
                if getattr(row, model._meta.get_field(fk).attname) == brief_pk:
                    found.append((model, other))
    return found


def version_snapshot(version):
    rows = {model: [] for model, _fk in FOLLOWED}
    for model, other in _followed_versions(version):
        rows[model].append(other._object_version.object)
    return _snapshot(version._object_version.object, rows)


_TOKENS = re.compile(r"\s+|[^\s<>]+|<[^>]*>|[<>]")


def _tokens(text):
    # Break rich text at block ends so a long paragraph diffs line by line.
    text = re.sub(r"(</(?:p|h2|h3|h4|li|blockquote|ul|ol)>)", r"\1\n", text)
    return _TOKENS.findall(text)


# How many token pairs one field's word diff may weigh. SequenceMatcher's cost
# grows with the product of the two lengths: two different 16 KB texts (about
# 6,000 tokens each) took seconds. Above this bound, after the unchanged start
# and end are set aside, a field is shown in full, "too large to compare".
MAX_DIFF_PAIRS = 400_000


def _common_ends(a, b):
    """How many tokens ``a`` and ``b`` share at the start, and then at the end."""
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start, end


def side_by_side(old, new):
    """``old`` and ``new`` as escaped HTML, removals in <del>, additions in <ins>.

    None when the changed part is too large to compare word by word.
    """
    a, b = _tokens(old), _tokens(new)
    start, end = _common_ends(a, b)
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    if len(middle_a) * len(middle_b) > MAX_DIFF_PAIRS:
        return None
    head, tail = escape("".join(a[:start])), escape("".join(a[len(a) - end :]))
    left, right = [head], [head]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, middle_a, middle_b, autojunk=False
    ).get_opcodes():
        removed = escape("".join(middle_a[i1:i2]))
        added = escape("".join(middle_b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    left.append(tail)
    right.append(tail)
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - every piece is escaped above


def diff_rows(old, new):
    """One row per field that differs between two snapshots."""
    rows = []
    for key, (label, new_text) in new.items():
        old_text = old.get(key, (label, ""))[1]
        if old_text == new_text:
            continue
        compared = side_by_side(old_text, new_text)
        too_large = compared is None
        old_html, new_html = (
            (escape(old_text), escape(new_text)) if too_large else compared
        )
        rows.append(
            {
                "field": key,
                "label": label,
                "old": old_html,
                "new": new_html,
                "too_large": too_large,
            }
        )
    return rows


def restore_version(version):
    """Put the brief, its bylines, tags and links back as ``version`` kept them.

    Unlike ``Revision.revert`` this touches only this brief, even when the
    revision also holds other briefs (an admin action on several of them).
    """
    brief_pk = int(version.object_id)
    followed = _followed_versions(version)
    with transaction.atomic():
        version.revert()
        for model, fk in FOLLOWED:
            keep = [int(v.object_id) for m, v in followed if m is model]
            model._default_manager.filter(**{fk: brief_pk}).exclude(
                pk__in=keep
            ).delete()
        for _model, other in followed:
            other.revert()
        brief = Brief.objects.get(pk=brief_pk)
        # A normal save: re-sanitises the text and refreshes derived data.
        brief.save()
    return brief
