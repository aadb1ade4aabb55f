from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Publication


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "tagline",
                    "tagline_es",
                    "default_license",
                    "site_icon",
                ]
            },
        ),
        (
            _("Briefs"),
            {"fields": ["analysis_heading", "analysis_heading_es", "related_count"]},
        ),
        (_("About"), {"fields": ["about", "about_es"]}),
        (
            _("Reader comments"),
            {"fields": ["comment_prompt", "comment_prompt_es", "notification_email"]},
        ),
    ]

    def has_add_permission(self, request):
        return not Publication.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
