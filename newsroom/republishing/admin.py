from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from unfold.admin import ModelAdmin

from briefs.admin import BriefAdmin
from briefs.models import Brief
from newsroom.admin_queries import ChangelistQueryGuard

from .models import Republication


@admin.register(Republication)
class RepublicationAdmin(ChangelistQueryGuard, ModelAdmin):
    """Where briefs were republished, across all briefs. Read-only: hits write it."""

    list_display = [
        "domain_or_kind",
        "brief",
        "kind",
        "count",
        "first_seen",
        "last_seen",
    ]
    list_filter = ["kind", "last_seen", "first_seen", "domain"]
    list_select_related = ["brief"]
    search_fields = ["domain", "brief__title"]
    date_hierarchy = "last_seen"
    ordering = ["-count"]
    readonly_fields = ["brief", "domain", "kind", "count", "first_seen", "last_seen"]

    @admin.display(description=_("domain"), ordering="domain")
    def domain_or_kind(self, obj):
        return obj.domain or obj.get_kind_display()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def republication_report(brief):
    """ "Republished on N sites", with each site's counts, for the brief's admin page."""
    if brief.pk is None:
        return _("Republications appear here once the brief is published.")
    rows = list(brief.republications.order_by("-count", "domain"))
    sites = [row for row in rows if row.kind == Republication.Kind.SITE]
    others = {
        kind: sum(row.count for row in rows if row.kind == kind)
        for kind in (Republication.Kind.OWN, Republication.Kind.UNKNOWN)
    }
    changelist = reverse("admin:republishing_republication_changelist")
    return render_to_string(
        "republishing/admin/republication_report.html",
        {
            "summary": ngettext(
                "Republished on %(count)d site",
                "Republished on %(count)d sites",
                len(sites),
            )
            % {"count": len(sites)},
            "sites": sites,
            "total": sum(row.count for row in sites),
            "own": others[Republication.Kind.OWN],
            "unknown": others[Republication.Kind.UNKNOWN],
            "changelist_url": f"{changelist}?{urlencode({'brief__id__exact': brief.pk})}",
        },
    )


class RepublishedBriefAdmin(BriefAdmin):
    """The brief admin, with where the brief was republished at the end."""

    readonly_fields = [*BriefAdmin.readonly_fields, "republications"]
    fieldsets = [
        *BriefAdmin.fieldsets,
        (
            _("Republication"),
            {"classes": ["desk-tail"], "fields": ["republications"]},
        ),
    ]

    @admin.display(description=_("republished on"))
    def republications(self, obj):
        return republication_report(obj)


# Republishing builds on briefs, so it adds its report to the brief's admin
# page; the brief admin, a layer below, knows nothing of republications.
admin.site.unregister(Brief)
admin.site.register(Brief, RepublishedBriefAdmin)
