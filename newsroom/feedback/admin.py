from urllib.parse import quote

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, ExpressionWrapper, FloatField, Q
from django.db.models.functions import Cast, NullIf, TruncDate
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin

from newsroom.admin_queries import ChangelistQueryGuard
from newsroom.charts import bar_chart, last_days

from .models import BriefFeedback, ReaderMessage, Vote

REPORT_DAYS = 30
YES_COLOUR = "#2f7d32"
NO_COLOUR = "#a3231f"


def votes_per_day(votes):
    """``(days, {day: yes}, {day: no})`` for the last 30 days."""
    days = last_days(REPORT_DAYS)
    rows = (
        votes.filter(created_at__date__gte=days[0])
        .annotate(day=TruncDate("created_at"))
        .values("day", "helpful")
        .annotate(total=Count("id"))
        .order_by()
    )
    yes, no = {}, {}
    for row in rows:
        (yes if row["helpful"] else no)[row["day"]] = row["total"]
    return days, yes, no


def helpful_text(count):
    return ngettext("%(count)d vote “helpful”", "%(count)d votes “helpful”", count) % {
        "count": count
    }


def not_helpful_text(count):
    return ngettext(
        "%(count)d vote “not helpful”", "%(count)d votes “not helpful”", count
    ) % {"count": count}


def votes_chart(per_day, title):
    """The chart of ``votes_per_day``: Yes stacked on No."""
    days, yes, no = per_day
    return bar_chart(
        days,
        [
            (gettext("helpful"), YES_COLOUR, yes, helpful_text),
            (gettext("not helpful"), NO_COLOUR, no, not_helpful_text),
        ],
        title=title,
    )


@admin.register(BriefFeedback)
class BriefFeedbackAdmin(ChangelistQueryGuard, ModelAdmin):
    """Briefs with at least one vote: how many, and how many found them helpful."""

    list_display = [
        "title",
        "votes",
        "helpful_percent",
        "suggestions",
        "language",
        "published",
    ]
    list_filter = ["language", "section"]
    search_fields = ["title"]
    change_list_template = "feedback/admin/brieffeedback_change_list.html"
    list_select_related = False

    def get_queryset(self, request):
        share = ExpressionWrapper(
            Cast("votes_helpful", FloatField()) * 100.0 / NullIf("votes_total", 0),
            output_field=FloatField(),
        )
        # Annotate before ordering: the default ordering uses the annotations.
        queryset = (
            self.model._default_manager.get_queryset()
            .annotate(
                votes_total=Count("feedback_votes"),
                votes_helpful=Count(
                    "feedback_votes", filter=Q(feedback_votes__helpful=True)
                ),
                suggestion_count=Count(
                    "feedback_votes", filter=~Q(feedback_votes__suggestion="")
                ),
            )
            .annotate(helpful_share=share)
            .filter(votes_total__gt=0)
        )
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        return ["-votes_total", "-published_at"]

    # Not the published_at field itself: the changelist would mark that column as
    # the sort order (the model's) while the list is sorted by votes.
    @admin.display(description=_("published"))
    def published(self, brief):
        return date_format(brief.published_at, "DATE_FORMAT")

    @admin.display(description=_("votes"), ordering="votes_total")
    def votes(self, brief):
        return brief.votes_total

    @admin.display(description=_("helpful"), ordering="helpful_share")
    def helpful_percent(self, brief):
        return f"{floatformat(brief.helpful_share, 0)}%"

    @admin.display(description=_("suggestions"), ordering="suggestion_count")
    def suggestions(self, brief):
        return brief.suggestion_count

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "report_days": REPORT_DAYS,
            "chart": votes_chart(
                votes_per_day(Vote.objects.all()),
                gettext("Votes per day on all briefs, last %(days)d days")
                % {"days": REPORT_DAYS},
            ),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The feedback report of one brief, instead of an edit form."""
        brief = self.get_object(request, object_id)
        if brief is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, brief):
            raise PermissionDenied
        votes = Vote.objects.filter(brief=brief)
        days, yes, no = votes_per_day(votes)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Feedback: %(title)s") % {"title": brief.title},
            "brief": brief,
            "helpful_share": brief.helpful_share,
            "chart": votes_chart(
                (days, yes, no),
                gettext("Votes per day, last %(days)d days") % {"days": REPORT_DAYS},
            ),
            "rows": [(day, yes.get(day, 0), no.get(day, 0)) for day in days],
            "suggestions": votes.exclude(suggestion="").order_by("-updated_at")[:200],
            "messages_url": reverse("admin:feedback_readermessage_changelist")
            + f"?brief__id__exact={brief.pk}",
            "message_count": brief.reader_messages.count(),
            "report_days": REPORT_DAYS,
        }
        return TemplateResponse(request, "feedback/admin/brief_report.html", context)


class HasSuggestionFilter(admin.SimpleListFilter):
    title = _("suggestion")
    parameter_name = "suggestion"

    def lookups(self, request, model_admin):
        return [("yes", _("With a suggestion")), ("no", _("Without"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(suggestion="")
        if self.value() == "no":
            return queryset.filter(suggestion="")
        return queryset


@admin.register(Vote)
class VoteAdmin(ChangelistQueryGuard, ModelAdmin):
    """Every vote, mostly to read the improvement suggestions."""

    list_display = ["brief", "helpful", "short_suggestion", "created_at", "updated_at"]
    list_filter = ["helpful", HasSuggestionFilter, "brief__language"]
    search_fields = ["suggestion", "brief__title"]
    list_select_related = ["brief"]
    date_hierarchy = "created_at"
    readonly_fields = ["brief", "helpful", "suggestion", "created_at", "updated_at"]
    fields = readonly_fields

    @admin.display(description=_("what could we improve"))
    def short_suggestion(self, vote):
        return Truncator(vote.suggestion).chars(120)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReaderMessage)
class ReaderMessageAdmin(ChangelistQueryGuard, ModelAdmin):
    """The inbox of comments readers send from brief pages."""

    list_display = ["name", "email", "brief", "short_message", "state", "created_at"]
    list_filter = ["state", ("brief", admin.RelatedOnlyFieldListFilter), "language"]
    search_fields = ["name", "email", "message", "brief__title"]
    list_select_related = ["brief"]
    date_hierarchy = "created_at"
    actions = ["mark_read", "mark_new", "archive"]
    readonly_fields = [
        "brief",
        "name",
        "email",
        "reply",
        "message",
        "language",
        "created_at",
    ]
    fields = [*readonly_fields, "state"]

    @admin.display(description=_("message"))
    def short_message(self, message):
        return Truncator(message.message).chars(100)

    @admin.display(description=_("reply"))
    def reply(self, message):
        # Encoded, so nothing stored in the address (a "?bcc=" from before
        # the form refused them) becomes a header of the reply.
        return format_html(
            '<a href="mailto:{}">{}</a>',
            quote(message.email, safe="@"),
            gettext("Reply by email"),
        )

    def has_add_permission(self, request):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Opening a new message in the inbox marks it read, as a mail client
        # would; only for someone who may change it, so a refused (403) or
        # read-only visit leaves its state alone.
        if request.method == "GET":
            message = self.get_object(request, object_id)
            if message is not None and self.has_change_permission(request, message):
                ReaderMessage.objects.filter(
                    pk=message.pk, state=ReaderMessage.State.NEW
                ).update(state=ReaderMessage.State.READ)
        return super().change_view(request, object_id, form_url, extra_context)

    def _set_state(self, request, queryset, state):
        count = queryset.update(state=state)
        self.message_user(
            request,
            ngettext("%d message updated.", "%d messages updated.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark selected messages as read"))
    def mark_read(self, request, queryset):
        self._set_state(request, queryset, ReaderMessage.State.READ)

    @admin.action(description=_("Mark selected messages as new"))
    def mark_new(self, request, queryset):
        self._set_state(request, queryset, ReaderMessage.State.NEW)

    @admin.action(description=_("Archive selected messages"))
    def archive(self, request, queryset):
        self._set_state(request, queryset, ReaderMessage.State.ARCHIVED)
