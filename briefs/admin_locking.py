"""No edit is lost: optimistic locking, presence and the browser's autosave.

- ``LockedForm``: the change form carries the ``updated_at`` the editor
  loaded (a hidden field). A save over a newer version is refused with a form
  error naming who saved last and when, with a link to compare; everything
  typed stays in the form, and saving again is the editor's explicit choice to
  replace the other version.
- ``LockingAdmin``: a JSON endpoint the change form pings every ~20 s
  (static/js/brief-autosave.js) recording who has the brief open, in the
  default cache only, and the template that carries the hidden field and the
  banners. The script also keeps the typed text in localStorage and offers it
  back when the form opens again.
"""

from datetime import datetime

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from .roles import can_publish

PRESENCE_SECONDS = 60
LOADED_FIELD = "loaded_version"


def _stamp(value):
    return value.isoformat() if value else ""


class VersionField(forms.CharField):
    """The version the editor loaded: bookkeeping, never a change to report."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class LockedForm(forms.ModelForm):
    """A model form that refuses to save over a version it did not load."""

    loaded_version = VersionField(required=False)

    class Media:
        js = ["js/brief-autosave.js"]
        css = {"all": ["css/brief-locking.css"]}

    # Set per request by LockingAdmin.get_form: who is editing, and how the
    # admin names another user to them.
    lock_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pk = self.instance.pk
        self.fields[LOADED_FIELD].initial = _stamp(self.instance.updated_at)
        user = getattr(self.lock_user, "pk", "") or ""
        self.fields[LOADED_FIELD].widget.attrs.update(
            {
                "data-autosave-key": f"brief:{pk or 'new'}:user:{user}",
                "data-saved-at": _stamp(self.instance.updated_at),
            }
        )

    def lock_name(self, user):
        return user.get_full_name() or user.get_username()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        rows = self._meta.model.objects.filter(pk=self.instance.pk)
        if transaction.get_connection().in_atomic_block:
            # PostgreSQL: a save arriving at the same moment waits for this one.
            rows = rows.select_for_update()
        stored = rows.values_list("updated_at", flat=True).first()
        loaded = self.data.get(self.add_prefix(LOADED_FIELD)) or ""
        try:
            loaded_at = datetime.fromisoformat(loaded) if loaded else None
        except ValueError:
            loaded_at = None
        if (
            stored is None
            or self.add_prefix(LOADED_FIELD) not in self.data
            or loaded_at == stored
        ):
            # No field posted: a script or a test, not the change form.
            return cleaned
        # Saving again is a deliberate choice to replace the other version.
        self.data = self.data.copy()
        self.data[self.add_prefix(LOADED_FIELD)] = _stamp(stored)
        self.add_error(
            None, ValidationError(self.conflict_message(stored), code="conflict")
        )
        return cleaned

    def conflict_message(self, stored):
        version = (
            Version.objects.get_for_object(self.instance)
            .select_related("revision__user")
            .order_by("-pk")
            .first()
        )
        user = version.revision.user if version else None
        who = self.lock_name(user) if user else gettext("someone else")
        when = localize(timezone.localtime(stored))
        brief = quote(self.instance.pk)
        if version and can_publish(self.lock_user):
            link = reverse("admin:briefs_brief_version_diff", args=[brief, version.pk])
            label = gettext("Compare their version with the current brief")
        else:
            link = reverse("admin:briefs_brief_history", args=[brief])
            label = gettext("See the brief's history")
        return format_html(
            '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
            gettext(
                "%(who)s saved this brief at %(when)s, after you opened it. "
                "Your changes are not saved and are still in the form: copy what "
                "you need, or save again to replace their version with yours."
            )
            % {"who": who, "when": when},
            link,
            label,
        )


class LockingAdmin:
    """Admin mixin: the locking form per request, presence pings, the banners."""

    change_form_before_template = "admin/briefs/brief/locking.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        admin = self
        attrs = {
            "__module__": form.__module__,
            "lock_user": request.user,
            "lock_name": lambda self, user: admin.name_for(request, user),
        }
        locked = type(form.__name__, (form,), attrs)
        # The metaclass rebuilds the fields: keep those the admin adjusted.
        locked.base_fields = form.base_fields
        return locked

    def name_for(self, request, user):
        """How ``request.user`` sees ``user`` named (the history's rule)."""
        who = getattr(super(), "_who", None)
        if who is not None:
            return who(request, user)
        return user.get_full_name() or user.get_username()

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/presence/",
                self.admin_site.admin_view(self.presence_view),
                name=f"{prefix}_presence",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            record_presence(unquote(object_id), request.user)
        return response

    def presence_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        brief = self.get_object(request, unquote(object_id))
        if brief is None:
            raise Http404(_("No such brief."))
        if not self.has_view_or_change_permission(request, brief):
            raise PermissionDenied
        entries = record_presence(brief.pk, request.user)
        others = {pk: since for pk, since in entries.items() if pk != request.user.pk}
        users = get_user_model().objects.in_bulk(others)
        others = [
            {
                "name": self.name_for(request, users[pk]),
                "since": timezone.localtime(datetime.fromisoformat(since)).strftime(
                    "%H:%M"
                ),
            }
            for pk, since in sorted(others.items(), key=lambda item: item[1])
            if pk in users
        ]
        message = ""
        if others:
            message = gettext("Also open by: %(editors)s") % {
                "editors": ", ".join(
                    gettext("%(name)s (since %(time)s)")
                    % {"name": other["name"], "time": other["since"]}
                    for other in others
                )
            }
        return JsonResponse({"others": others, "message": message})


def record_presence(brief_pk, user):
    """Note that ``user`` has the brief open; return {user pk: since} of all."""
    key = f"brief-presence:{brief_pk}"
    now = timezone.now()
    entries = cache.get(key) or {}
    fresh = {
        pk: entry
        for pk, entry in entries.items()
        if (now - datetime.fromisoformat(entry["seen"])).total_seconds()
        < PRESENCE_SECONDS
    }
    mine = fresh.get(user.pk) or {"since": now.isoformat()}
    fresh[user.pk] = {"since": mine["since"], "seen": now.isoformat()}
    cache.set(key, fresh, PRESENCE_SECONDS)
    return {pk: entry["since"] for pk, entry in fresh.items()}
