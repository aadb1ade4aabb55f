"""A brief's status as the desk shows it: a published brief whose time has not
come is *Scheduled*, with its time, in the list, the form, the filter and the
dashboard. Nothing extra is stored: it is ``status=published`` with
``published_at`` in the future, as ``Brief.is_scheduled`` says.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timesince import timeuntil
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Brief

SCHEDULED = "scheduled"


def scheduled(queryset):
    return queryset.filter(
        status=Brief.Status.PUBLISHED, published_at__gt=timezone.now()
    )


class StatusFilter(admin.SimpleListFilter):
    """Draft, Ready for review, Scheduled, Published (live)."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Brief.Status.DRAFT, Brief.Status.DRAFT.label),
            (Brief.Status.REVIEW, Brief.Status.REVIEW.label),
            (SCHEDULED, _("Scheduled")),
            (Brief.Status.PUBLISHED, _("Published (live)")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == SCHEDULED:
            return scheduled(queryset)
        if value == Brief.Status.PUBLISHED:
            return queryset.published()
        if value in (Brief.Status.DRAFT, Brief.Status.REVIEW):
            return queryset.filter(status=value)
        return queryset


def _when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def status_badge(brief):
    """The status for the list: "Scheduled" carries the time it goes live."""
    if brief.is_scheduled:
        return format_html(
            '<span class="desk-status desk-status-scheduled">{}</span> '
            '<time datetime="{}">{}</time>',
            gettext("Scheduled"),
            brief.published_at.isoformat(),
            _when(brief.published_at),
        )
    return format_html(
        '<span class="desk-status desk-status-{}">{}</span>',
        brief.status,
        brief.get_status_display(),
    )


def status_sentence(brief):
    """The status for the form, in words: when a scheduled brief goes live."""
    if brief.pk is None:
        return gettext("Not saved yet.")
    if brief.is_scheduled:
        return format_html(
            "{} {}",
            status_badge(brief),
            gettext("Goes live in %(delay)s.")
            % {"delay": timeuntil(brief.published_at)},
        )
    if brief.is_public:
        return format_html(
            "{} {}",
            status_badge(brief),
            gettext("Live since %(when)s.") % {"when": _when(brief.published_at)},
        )
    return status_badge(brief)
