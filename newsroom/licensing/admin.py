from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin

from newsroom.admin_forms import HTTPS_URLS
from newsroom.admin_queries import ChangelistQueryGuard

from .models import License


@admin.register(License)
class LicenseAdmin(ChangelistQueryGuard, ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = [
        "name",
        "short_name",
        "allows_republishing",
        "allows_commercial_use",
        "allows_derivatives",
    ]
    search_fields = ["name", "name_es", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("name", "name_es"),
                    "short_name",
                    "slug",
                    "deed_url",
                    "badge",
                ]
            },
        ),
        (
            _("What it allows"),
            {
                "fields": [
                    "allows_republishing",
                    "allows_commercial_use",
                    "allows_derivatives",
                ]
            },
        ),
        (
            _("Texts"),
            {
                "description": _(
                    "The footer text is shown to readers under every brief with "
                    "this license; the attribution line ends every republished "
                    "copy. {publication} becomes a link to the original brief, "
                    "{license} a link to the deed."
                ),
                "fields": [
                    ("footer_text", "footer_text_es"),
                    ("attribution", "attribution_es"),
                ],
            },
        ),
    ]
