"""The editors' desk: the admin theme's branding and the newsroom's navigation.

django-unfold (settings.UNFOLD) calls these with the request. The header and
the browser tab carry the Publication's name, with its site icon when one is
uploaded. The sidebar and the admin index group the models for a newsroom
(DESK_GROUPS, the one list to extend when an app adds models); a model whose
app is not installed, or that the user may not see, is left out, and a
registered model no group names goes under "More", so nothing disappears.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib import admin
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Publication


@dataclass(frozen=True)
class DeskItem:
    model: str  # "app_label.modelname"
    icon: str  # a Material Symbols name
    superuser_only: bool = False


@dataclass(frozen=True)
class DeskGroup:
    slug: str
    title: str
    items: list = field(default_factory=list)


DESK_GROUPS = [
    DeskGroup(
        "content",
        _("Content"),
        [
            DeskItem("briefs.brief", "article"),
            DeskItem("briefs.author", "person"),
            DeskItem("briefs.country", "public"),
            DeskItem("briefs.topic", "sell"),
            DeskItem("briefs.section", "view_agenda"),
            # The pages and the header menu.
            DeskItem("pages.page", "description"),
            DeskItem("pages.menuitem", "menu"),
            # Old WordPress addresses answered with redirects (importwordpress).
            DeskItem("importing.oldaddress", "move_up"),
        ],
    ),
    DeskGroup(
        "revenue",
        _("Reader revenue"),
        [
            DeskItem("fundraising.donationprompt", "volunteer_activism"),
            DeskItem("fundraising.donationclick", "ads_click"),
        ],
    ),
    DeskGroup(
        "readers",
        _("Readers"),
        [
            DeskItem("feedback.brieffeedback", "thumb_up"),
            DeskItem("feedback.readermessage", "mail"),
            DeskItem("feedback.vote", "how_to_vote"),
        ],
    ),
    DeskGroup(
        "republishing",
        _("Republishing"),
        [
            DeskItem("licensing.license", "copyright"),
            DeskItem("republishing.republication", "share"),
        ],
    ),
    DeskGroup(
        "settings",
        _("Settings"),
        [
            DeskItem("publication.publication", "newspaper"),
            DeskItem("auth.user", "badge"),
            DeskItem("auth.group", "group"),
            DeskItem("axes.accessattempt", "lock", superuser_only=True),
            DeskItem("axes.accessfailurelog", "lock_clock", superuser_only=True),
            DeskItem("axes.accesslog", "login", superuser_only=True),
            DeskItem("taggit.tag", "label", superuser_only=True),
        ],
    ),
]
MORE = _("More")


def site_title(request):
    return Publication.load().name


def site_subheader(request):
    return _("Editor’s desk")


def site_icon(request):
    icon = Publication.load().site_icon
    return icon.url if icon else None


def stylesheets(request):
    return static("publication/desk.css")


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _may_see(request, item, model):
    if model is None or not admin.site.is_registered(model):
        return False
    if item.superuser_only and not request.user.is_superuser:
        return False
    model_admin = admin.site.get_model_admin(model)
    return model_admin.has_module_permission(
        request
    ) and model_admin.has_view_or_change_permission(request)


def desk_entries(request):
    """``[(slug, title, [(item, model), ...]), ...]``: what this user may open."""
    listed, groups = set(), []
    for group in DESK_GROUPS:
        entries = []
        for item in group.items:
            model = _model(item.model)
            listed.add(item.model)
            if _may_see(request, item, model):
                entries.append((item, model))
        if entries:
            groups.append((group.slug, group.title, entries))
    more = [
        (DeskItem(model._meta.label_lower, "folder"), model)
        for model in apps.get_models()
        if model._meta.label_lower not in listed
    ]
    more = [(item, model) for item, model in more if _may_see(request, item, model)]
    if more:
        groups.append(("more", MORE, more))
    return groups


def _changelist_url(model):
    try:
        return reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        )
    except NoReverseMatch:
        return None


def navigation(request):
    """The sidebar: one section per desk group, in the order of DESK_GROUPS."""
    return [
        {
            "title": title,
            "separator": True,
            "collapsible": False,
            "items": [
                {
                    "title": capfirst(model._meta.verbose_name_plural),
                    "icon": item.icon,
                    "link": _changelist_url(model),
                }
                for item, model in entries
            ],
        }
        for _slug, title, entries in desk_entries(request)
    ]


def grouped_app_list(request, app_list):
    """Django's index ``app_list`` regrouped into the desk's groups."""
    rows = {
        row["model"]._meta.label_lower: row for app in app_list for row in app["models"]
    }
    grouped = []
    for slug, title, entries in desk_entries(request):
        models = [
            rows[model._meta.label_lower]
            for _item, model in entries
            if model._meta.label_lower in rows
        ]
        if models:
            grouped.append(
                {
                    "name": title,
                    "app_label": f"desk-{slug}",
                    "app_url": models[0]["admin_url"],
                    "has_module_perms": True,
                    "models": models,
                }
            )
    return grouped


def dashboard(request, context):
    """The admin index: the desk's groups instead of one box per app."""
    context["app_list"] = grouped_app_list(request, context.get("app_list", []))
    return context
