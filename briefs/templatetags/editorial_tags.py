"""The editors' dashboard on the admin index: what needs attention today."""

from django import template
from django.apps import apps
from django.db.models import Count
from django.utils import timezone

from briefs.models import Brief
from briefs.roles import can_publish, owned_by

register = template.Library()

LIMIT = 5


def _model(app_label, model_name):
    """A model of another app, or None while that app does not provide it."""
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def _may_view(user, model):
    return model is not None and user.has_perm(
        f"{model._meta.app_label}.view_{model._meta.model_name}"
    )


def most_helpful_briefs(limit=LIMIT):
    """Published briefs with the most "helpful" votes, with their counts."""
    Vote = _model("feedback", "Vote")
    rows = list(
        Vote.objects.filter(helpful=True)
        .values("brief")
        .annotate(helpful=Count("id"))
        .order_by("-helpful", "brief")[: limit * 2]
    )
    briefs = Brief.objects.published().in_bulk([row["brief"] for row in rows])
    return [
        (briefs[row["brief"]], row["helpful"]) for row in rows if row["brief"] in briefs
    ][:limit]


@register.inclusion_tag("admin/includes/editorial_dashboard.html", takes_context=True)
def editorial_dashboard(context):
    user = context["request"].user
    if not user.has_perm("briefs.view_brief"):
        return {"show": False}
    editor = can_publish(user)
    briefs = Brief.objects.all() if editor else owned_by(user)
    review = briefs.filter(status=Brief.Status.REVIEW)
    scheduled = briefs.filter(
        status=Brief.Status.PUBLISHED, published_at__gt=timezone.now()
    )
    data = {
        "show": True,
        "editor": editor,
        "review_count": review.count(),
        "review": review.select_related("section").order_by("updated_at")[:10],
        "scheduled_count": scheduled.count(),
        "scheduled": scheduled.order_by("published_at")[:LIMIT],
    }
    if not editor:
        data["drafts"] = briefs.filter(status=Brief.Status.DRAFT).order_by(
            "-updated_at"
        )[:LIMIT]
        return data
    Vote = _model("feedback", "Vote")
    if _may_view(user, Vote):
        data["helpful"] = most_helpful_briefs()
    Republication = _model("republishing", "Republication")
    if _may_view(user, Republication):
        data["republications"] = (
            Republication.objects.filter(kind="site")
            .select_related("brief")
            .order_by("-last_seen")[:LIMIT]
        )
    ReaderMessage = _model("feedback", "ReaderMessage")
    if _may_view(user, ReaderMessage):
        data["reader_messages"] = ReaderMessage.objects.select_related(
            "brief"
        ).order_by("-created_at")[:LIMIT]
    return data
