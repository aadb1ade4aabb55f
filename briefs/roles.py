"""The editorial roles: who may write, submit and publish briefs.

Contributors (the ``Contributor`` group) write their own briefs as drafts and
submit them for review; editors (anyone with ``briefs.publish_brief``, the
``Editor`` group and superusers) publish, schedule and edit everything. A brief
belongs to a contributor when its byline names the contributor's author profile
(``Author.user``). The brief admin (briefs/workflow.py) enforces these rules.
"""

from django.db.models import Q
from django.utils.text import slugify

from .models import Author, Brief, BriefAuthor

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"

# Fields only editors may set: publishing, scheduling and the license.
EDITOR_ONLY_FIELDS = ("published_at", "license")
CONTRIBUTOR_STATUSES = (Brief.Status.DRAFT, Brief.Status.REVIEW)


def can_publish(user):
    return user.has_perm("briefs.publish_brief")


def owned_by(user):
    """The briefs whose byline names ``user``'s author profile."""
    return Brief.objects.filter(
        pk__in=BriefAuthor.objects.filter(author__user=user).values("brief_id")
    )


def linkable_by(user):
    """The briefs ``user`` may point a brief at: published ones and their own.

    Translation of, see-also targets and related picks: a contributor may not
    link (and so reveal, or claim the translation slot of) a draft or a
    scheduled brief that is not theirs. Editors may link any brief.
    """
    if can_publish(user):
        return Brief.objects.all()
    return Brief.objects.filter(
        Q(pk__in=owned_by(user).values("pk"))
        | Q(pk__in=Brief.objects.published().values("pk"))
    )


def author_profile(user):
    """The author profile of ``user``, created from the account when missing."""
    try:
        return user.author
    except Author.DoesNotExist:
        pass
    name = user.get_full_name() or user.get_username()
    base = slugify(name)[:100] or "author"
    slug, suffix = base, 2
    while Author.objects.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return Author.objects.create(name=name, slug=slug, user=user)


def without_editor_fields(fields):
    """``fields`` (names or tuples of names) minus the editor-only ones."""
    kept = []
    for item in fields:
        if isinstance(item, (list, tuple)):
            rest = tuple(name for name in item if name not in EDITOR_ONLY_FIELDS)
            if rest:
                kept.append(rest if len(rest) > 1 else rest[0])
        elif item not in EDITOR_ONLY_FIELDS:
            kept.append(item)
    return kept
