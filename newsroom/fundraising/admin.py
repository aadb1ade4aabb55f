import csv
from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin

from newsroom.admin_forms import HTTPS_URLS
from newsroom.admin_queries import ChangelistQueryGuard
from newsroom.charts import bar_chart, last_days

from .models import DonationClick, DonationPrompt

REPORT_DAYS = 30
TOP_BRIEFS = 10


def csv_cell(value):
    """A CSV value that spreadsheet programs will not run as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def clicks_text(count):
    return ngettext("%(count)d click", "%(count)d clicks", count) % {"count": count}


@admin.register(DonationPrompt)
class DonationPromptAdmin(ChangelistQueryGuard, ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = [
        "name",
        "placement",
        "language",
        # "Showing now" says it better than "enabled" (a filter, and the form).
        "is_live",
        "priority",
        "targeting",
        "recent_clicks",
        "report_link",
    ]
    list_filter = ["placement", "language", "enabled"]
    search_fields = ["name", "heading", "message"]
    autocomplete_fields = ["countries", "topics", "sections"]
    readonly_fields = ["report_link", "created_at", "updated_at"]
    actions = ["enable", "disable"]
    fieldsets = [
        (None, {"fields": ["name", "enabled"]}),
        (
            _("What readers see"),
            {"fields": ["heading", "message", "button_label", "url"]},
        ),
        (
            _("Where and when"),
            {
                "fields": [
                    "placement",
                    "language",
                    "priority",
                    "active_from",
                    "active_until",
                ]
            },
        ),
        (
            _("Targeting"),
            {
                "description": _(
                    "Leave all three empty to show the prompt on every page of its "
                    "language. When filled in, a brief must match each list that is "
                    "filled in (any one entry of it). A targeted prompt always wins "
                    "over an untargeted one for the same placement."
                ),
                "fields": ["countries", "topics", "sections"],
            },
        ),
        (_("Results"), {"fields": ["report_link", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        since = timezone.localdate() - timedelta(days=REPORT_DAYS - 1)
        return (
            super()
            .get_queryset(request)
            .annotate(
                recent_clicks=Coalesce(
                    Sum("clicks__clicks", filter=Q(clicks__day__gte=since)), 0
                )
            )
            .prefetch_related("countries", "topics", "sections")
        )

    @admin.display(boolean=True, description=_("showing now"))
    def is_live(self, prompt):
        return prompt.is_active()

    @admin.display(description=_("targeting"))
    def targeting(self, prompt):
        names = [
            str(item)
            for items in (prompt.countries.all(), prompt.topics.all())
            for item in items
        ] + [section.name for section in prompt.sections.all()]
        return ", ".join(names) or gettext("Everywhere")

    @admin.display(description=_("clicks, last 30 days"), ordering="recent_clicks")
    def recent_clicks(self, prompt):
        return prompt.recent_clicks

    @admin.display(description=_("report"))
    def report_link(self, prompt):
        if prompt.pk is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:fundraising_donationprompt_report", args=[prompt.pk]),
            gettext("Clicks report"),
        )

    @admin.action(description=_("Enable selected prompts"))
    def enable(self, request, queryset):
        self._set_enabled(request, queryset, True)

    @admin.action(description=_("Disable selected prompts"))
    def disable(self, request, queryset):
        self._set_enabled(request, queryset, False)

    def _set_enabled(self, request, queryset, enabled):
        # Saving each prompt (not queryset.update) lets the page cache see the
        # change through the usual save signals.
        count = 0
        for prompt in queryset:
            prompt.enabled = enabled
            prompt.save(update_fields=["enabled", "updated_at"])
            count += 1
        self.message_user(
            request,
            ngettext("%d prompt updated.", "%d prompts updated.", count) % count,
            messages.SUCCESS,
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/report/",
                view(self.report_view),
                name="fundraising_donationprompt_report",
            ),
            path(
                "<int:object_id>/report/csv/",
                view(self.report_csv),
                name="fundraising_donationprompt_report_csv",
            ),
            *super().get_urls(),
        ]

    def get_report_prompt(self, request, object_id):
        prompt = get_object_or_404(DonationPrompt, pk=object_id)
        if not self.has_view_permission(request, prompt):
            raise PermissionDenied
        return prompt

    def report_view(self, request, object_id):
        if request.method not in ("GET", "HEAD"):
            raise Http404
        prompt = self.get_report_prompt(request, object_id)
        days = last_days(REPORT_DAYS)
        clicks = DonationClick.objects.filter(prompt=prompt)
        per_day = dict(
            clicks.filter(day__gte=days[0])
            .values("day")
            .annotate(total=Sum("clicks"))
            .values_list("day", "total")
        )
        top_briefs = list(
            clicks.values("brief_id", "brief__title", "brief__language")
            .annotate(total=Sum("clicks"))
            .order_by("-total", "brief__title")[:TOP_BRIEFS]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Clicks report: %(name)s") % {"name": prompt.name},
            "prompt": prompt,
            "chart": bar_chart(
                days,
                [(gettext("clicks"), "#a3231f", per_day, clicks_text)],
                title=gettext("Clicks per day, last %(days)d days")
                % {"days": REPORT_DAYS},
            ),
            "rows": [(day, per_day.get(day, 0)) for day in days],
            "recent_total": sum(per_day.values()),
            "total": clicks.aggregate(total=Coalesce(Sum("clicks"), 0))["total"],
            "top_briefs": top_briefs,
            "report_days": REPORT_DAYS,
        }
        return TemplateResponse(request, "fundraising/admin/report.html", context)

    def report_csv(self, request, object_id):
        prompt = self.get_report_prompt(request, object_id)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="donation-prompt-{prompt.pk}-clicks.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(["day", "brief_id", "brief_title", "clicks"])
        rows = (
            DonationClick.objects.filter(prompt=prompt)
            .order_by("day", "brief_id")
            .values_list("day", "brief_id", "brief__title", "clicks")
        )
        for day, brief_id, title, count in rows.iterator():
            writer.writerow([day.isoformat(), brief_id or "", csv_cell(title), count])
        return response


@admin.register(DonationClick)
class DonationClickAdmin(ChangelistQueryGuard, ModelAdmin):
    """Raw click counts, read-only: they come from readers."""

    list_display = ["day", "prompt", "brief", "clicks"]
    list_filter = ["prompt"]
    date_hierarchy = "day"
    list_select_related = ["prompt", "brief"]
    search_fields = ["brief__title", "prompt__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
