"""The brief admin: its form, its writing screen's fieldsets, list and actions.

The parts that stand on their own live beside it: the inlines
(admin_inlines.py), the checks (admin_checks.py), the locking
(admin_locking.py), the previews (admin_preview.py), the status display
(admin_status.py) and the workflow (workflow.py).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.models import Version
from unfold.admin import ModelAdmin

from newsroom.admin_queries import ChangelistQueryGuard
from newsroom.html import check_text_kept

from .admin_checks import ChecksAdmin, ChecksForm, hold_back_without_alt
from .admin_inlines import BriefAuthorInline, RelatedBriefInline, SeeAlsoInline
from .admin_locking import LockedForm, LockingAdmin
from .admin_preview import PreviewAdmin
from .admin_status import StatusFilter, status_badge, status_sentence
from .models import (
    Author,
    Brief,
    Country,
    Section,
    Topic,
)
from .roles import linkable_by
from .translation import create_translation, is_out_of_date
from .workflow import WorkflowAdmin


class TagAdmin(ChangelistQueryGuard, ModelAdmin):
    list_display = ["name", "name_es", "slug"]
    search_fields = ["name", "name_es"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Country, TagAdmin)
admin.site.register(Topic, TagAdmin)


@admin.register(Section)
class SectionAdmin(ChangelistQueryGuard, ModelAdmin):
    list_display = ["name", "name_es", "slug", "is_organization", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(ChangelistQueryGuard, ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]
    fields = ["name", "slug", ("bio", "bio_es"), "photo", "user"]

    # Contributors read authors to credit them in a byline: the names, not
    # which staff account (and username) stands behind each profile.

    def get_list_display(self, request):
        if self.has_change_permission(request):
            return self.list_display
        return [name for name in self.list_display if name != "user"]

    def get_fields(self, request, obj=None):
        if self.has_change_permission(request, obj):
            return self.fields
        return [name for name in self.fields if name != "user"]


class BriefAdminForm(ChecksForm, LockedForm):
    class Meta:
        model = Brief
        fields = "__all__"  # noqa: DJ007 - the admin picks the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in (("countries", Country), ("topics", Topic)):
            field = Brief._meta.get_field(name)
            self.fields[name] = forms.ModelMultipleChoiceField(
                queryset=model.objects.all(),
                required=False,
                label=capfirst(field.verbose_name),
                widget=AutocompleteSelectMultiple(field, admin.site),
            )
            if self.instance.pk:
                self.initial[name] = [
                    tag.pk for tag in getattr(self.instance, name).all()
                ]

    def clean_news(self):
        check_text_kept(self.cleaned_data["news"])
        return self.cleaned_data["news"]

    def clean_analysis(self):
        check_text_kept(self.cleaned_data["analysis"])
        return self.cleaned_data["analysis"]

    def clean(self):
        cleaned = super().clean()
        country, topic = cleaned.get("primary_country"), cleaned.get("primary_topic")
        countries, topics = cleaned.get("countries"), cleaned.get("topics")
        if country and countries is not None and country not in countries:
            self.add_error(
                "primary_country", _("The kicker country must be one of the countries.")
            )
        if topic and topics is not None and topic not in topics:
            self.add_error(
                "primary_topic", _("The kicker topic must be one of the topics.")
            )
        return cleaned


@admin.register(Brief)
class BriefAdmin(
    PreviewAdmin, ChecksAdmin, LockingAdmin, ChangelistQueryGuard, WorkflowAdmin
):
    form = BriefAdminForm
    inlines = [BriefAuthorInline, SeeAlsoInline, RelatedBriefInline]
    list_display = [
        "title",
        "section",
        "country_list",
        "language",
        "status_label",
        "published_at",
    ]
    list_filter = [
        StatusFilter,
        "section",
        "language",
        "countries",
        # Only the authors of the briefs listed: a contributor's own bylines.
        ("authors", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["section"]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["translation_of", "primary_country", "primary_topic"]
    readonly_fields = [
        "publication_state",
        "pre_publish_checks",
        "preview_link",
        "revisions",
        "translation_status",
        "created_at",
        "updated_at",
    ]
    actions = ["publish", "unpublish", "translate"]
    save_on_top = True
    # The writing screen (templates/admin/briefs/brief/change_form.html):
    # fieldsets marked "desk-side" go beside the text, above the byline;
    # "desk-tail" ones in the same column below it; the rest is the text.
    change_form_template = "admin/briefs/brief/change_form.html"
    # Labels above the fields, which then take the column's width.
    compressed_fields = False
    fieldsets = [
        (None, {"fields": ["title", "summary"]}),
        (_("News"), {"fields": ["news"]}),
        (_("Analysis"), {"fields": ["analysis_heading", "analysis", "no_analysis"]}),
        (
            _("Featured image"),
            {
                "classes": ["collapse", "desk-end"],
                "fields": [
                    "featured_image",
                    "image_alt",
                    ("image_caption", "image_credit"),
                    "image_license_covered",
                ],
            },
        ),
        (
            _("Publishing"),
            {
                "classes": ["desk-side"],
                "fields": [
                    "status",
                    "published_at",
                    "publication_state",
                    "section",
                    "language",
                    "license",
                    "slug",
                ],
            },
        ),
        (
            _("Checks before publishing"),
            {"classes": ["desk-side"], "fields": ["pre_publish_checks"]},
        ),
        (_("Preview"), {"classes": ["desk-side"], "fields": ["preview_link"]}),
        (
            _("Countries and topics"),
            {
                "classes": ["desk-tail"],
                "fields": ["countries", "topics", "primary_country", "primary_topic"],
            },
        ),
        (
            _("Translation"),
            {
                "classes": ["desk-tail"],
                "fields": ["translation_of", "translation_status"],
            },
        ),
        (
            _("Revisions"),
            {
                "classes": ["desk-tail"],
                "fields": ["revisions", "created_at", "updated_at"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    def lookup_allowed(self, lookup, value, request):
        # The search document is PostgreSQL's: ?search_vector= is no filter (400).
        if lookup.split("__")[0] == "search_vector":
            return False
        return super().lookup_allowed(lookup, value, request)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        return status_badge(obj)

    @admin.display(description=_("status now"))
    def publication_state(self, obj):
        return status_sentence(obj)

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(tag.name for tag in obj.countries.all())

    @admin.display(description=_("revisions"))
    def revisions(self, obj):
        if obj.pk is None:
            return "-"
        versions = Version.objects.get_for_object(obj)
        count = versions.count()
        latest = versions.select_related("revision").order_by("-pk").first()
        summary = ngettext("%(count)d revision", "%(count)d revisions", count) % {
            "count": count
        }
        if latest is not None:
            summary = _("%(summary)s, the latest on %(when)s") % {
                "summary": summary,
                "when": date_format(
                    timezone.localtime(latest.revision.date_created),
                    "DATETIME_FORMAT",
                ),
            }
        return format_html(
            '{}<br><a href="{}">{}</a>',
            summary,
            reverse("admin:briefs_brief_history", args=[quote(obj.pk)]),
            _("All revisions: compare and restore"),
        )

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        if obj.pk is None:
            return "-"
        if obj.translation_of_id:
            original = obj.translation_of
            state = (
                _("out of date: the original changed after this translation")
                if is_out_of_date(obj)
                else _("up to date")
            )
            return format_html(
                '{}: <a href="{}">{}</a> ({})',
                _("Translation of"),
                reverse("admin:briefs_brief_change", args=[original.pk]),
                original,
                state,
            )
        translations = list(obj.translations.all())
        if not translations:
            return _("No translation yet: use the “Create translation” action.")
        return format_html_join(
            mark_safe("<br>"),
            '{}: <a href="{}">{}</a> ({})',
            (
                (
                    translation.get_language_display(),
                    reverse("admin:briefs_brief_change", args=[translation.pk]),
                    translation,
                    _("out of date")
                    if is_out_of_date(translation)
                    else _("up to date"),
                )
                for translation in translations
            ),
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.set_default_kicker()

    @admin.action(description=_("Publish the selected briefs"), permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        count = 0
        pending = queryset.exclude(status=Brief.Status.PUBLISHED)
        pending = hold_back_without_alt(self, request, pending)
        # A published brief keeps at least one author (BylineFormSet).
        unsigned = pending.filter(briefauthor__isnull=True)
        for brief in unsigned:
            self.message_user(
                request,
                _("“%(brief)s” has no author: add a byline, then publish it.")
                % {"brief": brief},
                messages.WARNING,
            )
        for brief in pending.exclude(pk__in=unsigned.values("pk")):
            brief.status = Brief.Status.PUBLISHED
            brief.published_at = brief.published_at or now
            brief.save()
            count += 1
        self.message_user(
            request,
            ngettext("%d brief was published.", "%d briefs were published.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Create translation"))
    def translate(self, request, queryset):
        """Copy each selected brief into the other language as a linked draft."""
        created = []
        for brief in queryset.select_related("translation_of"):
            # A contributor's copy links only briefs they could link by hand.
            translation, was_created = create_translation(
                brief, linkable=linkable_by(request.user)
            )
            if was_created:
                created.append(translation)
            else:
                self.message_user(
                    request,
                    _("“%(brief)s” already has a translation: %(translation)s.")
                    % {"brief": brief, "translation": translation},
                    messages.WARNING,
                )
        if len(created) == 1:
            self.message_user(
                request,
                _("Draft translation created: translate the text and publish it."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse("admin:briefs_brief_change", args=[created[0].pk])
            )
        if created:
            self.message_user(
                request,
                ngettext(
                    "%d draft translation created.",
                    "%d draft translations created.",
                    len(created),
                )
                % len(created),
                messages.SUCCESS,
            )
        return None

    @admin.action(
        description=_("Unpublish the selected briefs (back to draft)"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        count = 0
        for brief in queryset.filter(status=Brief.Status.PUBLISHED):
            brief.status = Brief.Status.DRAFT
            brief.save()
            count += 1
        self.message_user(
            request,
            ngettext("%d brief was unpublished.", "%d briefs were unpublished.", count)
            % count,
            messages.SUCCESS,
        )
