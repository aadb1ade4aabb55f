"""The brief admin's editorial workflow: roles enforced, revisions compared and restored.

The rules of briefs/roles.py are enforced on the server, not only by hiding
fields: a contributor's form offers no "Published" status, no publication time
and no license, and a forged POST is refused. Saving a brief as a contributor
adds their byline, creating their author profile on the first save.

Every save through the admin keeps a revision (briefs/revisions.py: who, when,
and the admin's change message listing the changed fields). Editors compare a
revision with the current brief field by field and restore it in one click.
"""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import ProtectedError, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from unfold.admin import ModelAdmin

from . import preview
from .models import Author, Brief, BriefAuthor, RelatedBrief, SeeAlsoLink
from .revisions import current_snapshot, diff_rows, restore_version, version_snapshot
from .roles import (
    CONTRIBUTOR_STATUSES,
    EDITOR_ONLY_FIELDS,
    author_profile,
    can_publish,
    linkable_by,
    owned_by,
    without_editor_fields,
)

# The inline fields that point a brief at another brief (besides its own
# ``translation_of``): a contributor may post only briefs they may link.
BRIEF_REFERENCES = {SeeAlsoLink: "target_brief", RelatedBrief: "related"}


class WorkflowAdmin(VersionAdmin, ModelAdmin):
    """Brief admin behaviour for the editorial roles and revisions."""

    object_history_template = "admin/briefs/brief/object_history.html"
    history_latest_first = True

    # Roles.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if can_publish(request.user):
            return queryset
        match = request.resolver_match
        if match is not None and match.url_name == "autocomplete":
            # Picking a translation, related brief or see-also target: the
            # same briefs the form accepts (_limit_references).
            return queryset.filter(pk__in=linkable_by(request.user).values("pk"))
        return queryset.filter(pk__in=owned_by(request.user).values("pk"))

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
            (name, {**options, "fields": without_editor_fields(options["fields"])})
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
        current = [obj.translation_of_id] if obj and obj.translation_of_id else []
        self._limit_references(request, form, "translation_of", current)
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            name = BRIEF_REFERENCES.get(inline.model)
            if name is not None:
                current = (
                    inline.model.objects.filter(brief=obj.pk).values(name)
                    if obj is not None and obj.pk is not None
                    else []
                )
                self._limit_references(request, formset.form, name, current)
            yield formset, inline

    def _limit_references(self, request, form_class, name, current):
        """Let ``form_class``'s brief field ``name`` take only briefs the user may link.

        The targets already saved (``current``, perhaps placed by an editor)
        stay valid, so a contributor can still save the brief unchanged.
        """
        field = form_class.base_fields.get(name)
        if field is None or can_publish(request.user):
            return
        field.queryset = Brief.objects.filter(
            Q(pk__in=linkable_by(request.user).values("pk")) | Q(pk__in=current)
        )
        field.error_messages = {
            **field.error_messages,
            "invalid_choice": _("Link only to published briefs or your own."),
        }

    def view_on_site_url(self, request, obj):
        """Where the admin's view-on-site shortcut (newsroom/admin_views.py) goes.

        The public page once the brief is public; before that, the preview, for
        those who may see the brief in the admin (its authors and the editors).
        """
        if obj.is_public:
            return obj.get_absolute_url()
        return preview.preview_url(obj)

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
            "revision__user__author"
        )
        action_list = [
            {
                "revision": version.revision,
                "who": self._who(request, version.revision.user),
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

    def _who(self, request, user):
        """Who saved a revision, as the history shows it to ``request.user``.

        Editors see the account; contributors see their own username and, for
        anyone else, the byline name (or "an editor"), not staff usernames.
        """
        if user is None:
            return ""
        if can_publish(request.user) or user == request.user:
            full_name = user.get_full_name()
            username = user.get_username()
            return f"{username} ({full_name})" if full_name else username
        try:
            return user.author.name
        except Author.DoesNotExist:
            return gettext("an editor")

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
