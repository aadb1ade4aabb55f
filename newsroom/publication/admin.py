from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin

from newsroom.admin_forms import HTTPS_URLS, https_formfield
from newsroom.admin_queries import ChangelistQueryGuard
from newsroom.html import check_text_kept

from .models import Publication


class PublicationAdminForm(forms.ModelForm):
    """The About texts are HTML shown through the sanitiser: refuse what it cuts."""

    class Meta:
        model = Publication
        fields = "__all__"  # noqa: DJ007 - the admin picks the fields
        formfield_callback = https_formfield

    def clean_about(self):
        check_text_kept(self.cleaned_data["about"])
        return self.cleaned_data["about"]

    def clean_about_es(self):
        check_text_kept(self.cleaned_data["about_es"])
        return self.cleaned_data["about_es"]


@admin.register(Publication)
class PublicationAdmin(ChangelistQueryGuard, ModelAdmin):
    form = PublicationAdminForm
    formfield_overrides = HTTPS_URLS
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
                    "share_image",
                ]
            },
        ),
        (
            _("Briefs"),
            {
                "fields": [
                    "analysis_heading",
                    "analysis_heading_es",
                    "related_count",
                    "feed_full_text",
                ]
            },
        ),
        (_("About"), {"fields": ["about", "about_es"]}),
        (
            _("Reader comments"),
            {"fields": ["comment_prompt", "comment_prompt_es", "notification_email"]},
        ),
        (
            _("Social links"),
            {
                "fields": [field for field, _name in Publication.SOCIAL_NETWORKS],
                "description": _("Profile addresses, linked in the footer."),
            },
        ),
    ]

    def has_add_permission(self, request):
        return not Publication.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# Accounts and the technical tables, in the desk's Settings group.
from . import admin_settings  # noqa: E402, F401

admin.site.index_title = _("Today at the desk")
