"""The editorial workflow: who may write, submit, publish and restore briefs.

Contributors (the ``Contributor`` group) write their own briefs as drafts and
submit them for review; editors (anyone with ``briefs.publish_brief``, the
``Editor`` group and superusers) publish, schedule, edit everything and restore
earlier revisions. The rules are enforced on the server by the admin class
below, not only by hiding fields: a contributor's form offers no "Published"
status, no publication time and no license, and a forged POST is refused.

A brief belongs to a contributor when its byline names the contributor's
author profile (``Author.user``); saving a brief adds that byline, creating the
profile on the first save.

Every save through the admin keeps a django-reversion revision (who, when, and
the admin's change message listing the changed fields). Editors compare a
revision with the current brief field by field and restore it in one click.
"""

import difflib
import re

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from .models import (
    Author,
    Brief,
    BriefAuthor,
    RelatedBrief,
    SeeAlsoLink,
    TaggedCountry,
    TaggedTopic,
)

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"

# Fields only editors may set: publishing, scheduling and the license.
EDITOR_ONLY_FIELDS = ("published_at", "license")
CONTRIBUTOR_STATUSES = (Brief.Status.DRAFT, Brief.Status.REVIEW)

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


def can_publish(user):
    return user.has_perm("briefs.publish_brief")


def owned_by(user):
    """The briefs whose byline names ``user``'s author profile."""
    return Brief.objects.filter(
        pk__in=BriefAuthor.objects.filter(author__user=user).values("brief_id")
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


# Revisions: what a version of a brief looked like, and how it differs from now.

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


def side_by_side(old, new):
    """``old`` and ``new`` as escaped HTML, removals in <del>, additions in <ins>."""
    a, b = _tokens(old), _tokens(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - every piece is escaped above


def diff_rows(old, new):
    """One row per field that differs between two snapshots."""
    rows = []
    for key, (label, new_text) in new.items():
        old_text = old.get(key, (label, ""))[1]
        if old_text == new_text:
            continue
        old_html, new_html = side_by_side(old_text, new_text)
        rows.append({"field": key, "label": label, "old": old_html, "new": new_html})
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


class WorkflowAdmin(VersionAdmin):
    """Brief admin behaviour for the editorial roles and revisions."""

    object_history_template = "admin/briefs/brief/object_history.html"
    history_latest_first = True

    # Roles.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if can_publish(request.user):
            return queryset
        own = owned_by(request.user)
        match = request.resolver_match
        if match is not None and match.url_name == "autocomplete":
            # Picking a translation, related brief or see-also target: contributors
            # may point at published briefs as well as their own.
            return queryset.filter(
                Q(pk__in=own.values("pk"))
                | Q(pk__in=Brief.objects.published().values("pk"))
            )
        return queryset.filter(pk__in=own.values("pk"))

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or self._may_see(request, obj)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or can_publish(request.user):
            return True
        # A contributor's brief is theirs until an editor publishes it.
        return self._may_see(request, obj) and obj.status != Brief.Status.PUBLISHED

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or self._may_see(request, obj)

    def _may_see(self, request, obj):
        if can_publish(request.user) or obj.pk is None:
            return True
        return owned_by(request.user).filter(pk=obj.pk).exists()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if can_publish(request.user):
            return fieldsets
        return [
            (name, {**options, "fields": _without(options["fields"])})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not can_publish(request.user) and "status" in form.base_fields:
            field = form.base_fields["status"]
            field.choices = [
                (value, label)
                for value, label in field.choices
                if value in CONTRIBUTOR_STATUSES
            ]
            field.help_text = _(
                "Choose “Ready for review” when the brief is done: an editor "
                "publishes it."
            )
        return form

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if not can_publish(request.user):
            for inline in inlines:
                if inline.model is BriefAuthor:
                    # The contributor's own byline is added on save.
                    inline.min_num = 0
        return inlines

    def save_model(self, request, obj, form, change):
        if not can_publish(request.user):
            if obj.status not in CONTRIBUTOR_STATUSES:
                raise PermissionDenied
            if change:
                saved = Brief.objects.get(pk=obj.pk)
                for name in EDITOR_ONLY_FIELDS:
                    setattr(obj, name, getattr(saved, name))
            else:
                obj.published_at = None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not can_publish(request.user):
            author = author_profile(request.user)
            brief = form.instance
            if not brief.briefauthor_set.filter(author=author).exists():
                order = brief.briefauthor_set.count()
                BriefAuthor.objects.create(brief=brief, author=author, order=order)

    def response_action(self, request, queryset):
        # Admin actions save through the changelist's revision: say which one ran.
        action = request.POST.get("action", "")
        actions = self.get_actions(request)
        if action in actions and reversion.is_active():
            reversion.set_comment(
                gettext("Changed by the admin action “%(action)s”.")
                % {"action": actions[action][2]}
            )
        return super().response_action(request, queryset)

    # Revisions.

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/<int:version_id>/diff/",
                view(self.version_diff_view),
                name=f"{prefix}_version_diff",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.version_restore_view),
                name=f"{prefix}_version_restore",
            ),
            *super().get_urls(),
        ]

    def _version_for(self, request, object_id, version_id):
        """The brief and one of its versions, for a user who may restore it."""
        brief = self.get_object(request, unquote(object_id))
        if brief is None:
            raise Http404(_("No such brief."))
        if not (
            self.has_view_or_change_permission(request, brief)
            and can_publish(request.user)
        ):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(brief).select_related("revision__user"),
            pk=version_id,
        )
        return brief, version

    def history_view(self, request, object_id, extra_context=None):
        brief = self.get_object(request, unquote(object_id))
        if brief is None or not self.has_view_or_change_permission(request, brief):
            return super().history_view(request, object_id, extra_context)
        may_restore = can_publish(request.user)
        versions = Version.objects.get_for_object(brief).select_related(
            "revision__user"
        )
        action_list = [
            {
                "revision": version.revision,
                "url": reverse(
                    "admin:briefs_brief_version_diff",
                    args=[quote(brief.pk), version.pk],
                )
                if may_restore
                else "",
            }
            for version in versions
        ]
        context = {"action_list": action_list, "may_restore": may_restore}
        context.update(extra_context or {})
        return super().history_view(request, object_id, context)

    def version_diff_view(self, request, object_id, version_id):
        brief, version = self._version_for(request, object_id, version_id)
        try:
            rows = diff_rows(version_snapshot(version), current_snapshot(brief))
        except RevertError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(
                reverse("admin:briefs_brief_history", args=[quote(brief.pk)])
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare a revision with the current brief"),
            "opts": self.opts,
            "original": brief,
            "object_id": brief.pk,
            "version": version,
            "rows": rows,
            "restore_url": reverse(
                "admin:briefs_brief_version_restore",
                args=[quote(brief.pk), version.pk],
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/briefs/brief/version_diff.html", context
        )

    def version_restore_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        brief, version = self._version_for(request, object_id, version_id)
        when = localize(timezone.localtime(version.revision.date_created))
        try:
            with reversion.create_revision():
                brief = restore_version(version)
                reversion.set_user(request.user)
                reversion.set_comment(
                    gettext("Restored the revision of %(when)s.") % {"when": when}
                )
        except (RevertError, IntegrityError, ProtectedError) as error:
            messages.error(
                request,
                gettext("This revision could not be restored: %(error)s")
                % {"error": error},
            )
            return HttpResponseRedirect(request.path.replace("/restore/", "/diff/"))
        self.log_change(
            request,
            brief,
            gettext("Restored the revision of %(when)s.") % {"when": when},
        )
        messages.success(
            request,
            gettext("The revision of %(when)s is restored.") % {"when": when},
        )
        return HttpResponseRedirect(
            reverse("admin:briefs_brief_change", args=[quote(brief.pk)])
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion's own revert form reverts the whole revision, which
        # an admin action may share with other briefs: editors use the diff view.
        brief, version = self._version_for(request, object_id, version_id)
        return HttpResponseRedirect(
            reverse(
                "admin:briefs_brief_version_diff", args=[quote(brief.pk), version.pk]
            )
        )

    def recoverlist_view(self, request, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        if request.method != "POST":
            # django-reversion's page shows the deleted brief as it was.
            return super().recover_view(request, version_id, extra_context)
        # Recover only this brief: its revision may hold other briefs too.
        version = get_object_or_404(
            Version.objects.get_deleted(self.model), pk=version_id
        )
        try:
            with reversion.create_revision():
                brief = restore_version(version)
                reversion.set_user(request.user)
                reversion.set_comment(gettext("Recovered after deletion."))
        except (RevertError, IntegrityError, ProtectedError) as error:
            messages.error(
                request,
                gettext("This brief could not be recovered: %(error)s")
                % {"error": error},
            )
            return HttpResponseRedirect(reverse("admin:briefs_brief_recoverlist"))
        self.log_addition(request, brief, gettext("Recovered after deletion."))
        messages.success(
            request, gettext("“%(brief)s” is recovered.") % {"brief": brief}
        )
        return HttpResponseRedirect(
            reverse("admin:briefs_brief_change", args=[quote(brief.pk)])
        )


def _without(fields):
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
