"""Previews from the brief form: the signed link and the live preview.

The signed link (briefs/preview.py) shows the saved brief to anyone holding it.
The live preview shows what is in the form now, saved or not: the form posts
itself (a submit button with ``formaction``, so it works without JavaScript)
to ``<brief>/preview/`` or ``preview/`` for a new brief. The view runs the
admin's own save (form, inlines, the contributor rules, the default kicker)
inside ``newsroom.cache.rehearsal``, renders the public brief page from the
saved rows, and rolls everything back: the page is the one readers would get,
through the same code, and nothing is stored. It is shown in a frame that the
editor switches between desktop and phone widths.
"""

from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.forms.formsets import all_valid
from django.http import Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic.base import ContextMixin

from newsroom import cache

from . import preview
from .models import Brief
from .views import BriefPageMixin

PREVIEW_TARGET = "brief-preview"


class LivePreviewPage(BriefPageMixin, ContextMixin):
    """The public brief page, rendered for a brief saved only in this request."""

    def __init__(self, request, brief):
        super().__init__()
        self.request, self.object = request, brief

    def render(self):
        # A rehearsed brief's fragments are never read again: not stored.
        context = self.get_context_data(
            brief=self.object, is_preview=True, live_preview=True, fragment_seconds=0
        )
        response = TemplateResponse(self.request, self.template_name, context)
        return response.render().content.decode()


class PreviewAdmin:
    """Mixed into the brief's admin: the preview links and the live preview."""

    live_preview_template = "admin/briefs/brief/live_preview.html"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view(self.live_preview_view)
        return [
            path("preview/", view, name=f"{prefix}_live_preview_add"),
            path("<path:object_id>/preview/", view, name=f"{prefix}_live_preview"),
            *super().get_urls(),
        ]

    @admin.display(description=gettext_lazy("preview"))
    def preview_link(self, obj):
        if obj.pk is None:
            url = reverse("admin:briefs_brief_live_preview_add")
            link = ""
        else:
            url = reverse("admin:briefs_brief_live_preview", args=[quote(obj.pk)])
            link = self.saved_preview_link(obj)
        return format_html(
            '<button type="submit" class="brief-preview-button" name="_preview" '
            'formaction="{}" formtarget="{}" formnovalidate>{}</button>'
            '<span class="help">{}</span>{}',
            url,
            PREVIEW_TARGET,
            _("Preview changes"),
            _(
                "The page as readers will see it, with what is in the form now, saved or not."
            ),
            link,
        )

    def saved_preview_link(self, obj):
        if obj.is_public:
            return format_html(
                '<p><a href="{}">{}</a></p>', obj.get_absolute_url(), _("View on site")
            )
        return format_html(
            '<p>{}: <a href="{url}" target="_blank" rel="noopener">{url}</a><br>'
            '<span class="help">{}</span></p>',
            _("Link to the saved version"),
            _("Anyone with this link can read the brief before it is published."),
            url=preview.preview_url(obj),
        )

    def message_user(self, request, *args, **kwargs):
        # A rehearsed save has nothing to report on the next page.
        if not getattr(request, "brief_rehearsal", False):
            super().message_user(request, *args, **kwargs)

    def live_preview_view(self, request, object_id=None):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = None
        if object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404(_("No such brief."))
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        change = obj is not None
        request.brief_rehearsal = True
        # A file chosen in the form is not uploaded for a preview: the page
        # keeps the saved image until the brief is saved.
        new_image = bool(request.FILES)
        form = self.get_form(request, obj, change=change)(request.POST, instance=obj)
        page, errors = None, []
        with cache.rehearsal():
            if form.is_valid():
                brief = self.save_form(request, form, change)
            else:
                brief = form.instance
            # The admin's own formsets, as its change view makes them.
            formsets, _inlines = self._create_formsets(request, brief, change)
            if not form.errors and all_valid(formsets):
                self.save_model(request, brief, form, change)
                self.save_related(request, form, formsets, change)
                saved = Brief.objects.for_page().get(pk=brief.pk)
                with translation.override(saved.language):
                    page = LivePreviewPage(request, saved).render()
            else:
                errors = self.preview_errors(form, formsets)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Preview: %(headline)s")
            % {"headline": brief.title or _("New brief")},
            "page": page,
            "errors": errors,
            "new_image": new_image,
        }
        response = TemplateResponse(request, self.live_preview_template, context)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    @staticmethod
    def preview_errors(form, formsets):
        """(label, message) of what stops the form from saving, to fix first."""
        errors = []
        for name, messages_ in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            errors.extend((label, message) for message in messages_)
        for formset in formsets:
            title = capfirst(formset.model._meta.verbose_name_plural)
            errors.extend((title, message) for message in formset.non_form_errors())
            for item in formset.errors:
                for messages_ in item.values():
                    errors.extend((title, message) for message in messages_)
        return errors
