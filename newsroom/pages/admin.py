from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin

from newsroom.admin_queries import ChangelistQueryGuard
from newsroom.html import check_text_kept

from .models import MenuItem, Page


class PageAdminForm(forms.ModelForm):
    """The text is HTML shown through the sanitiser: refuse what it would cut."""

    class Meta:
        model = Page
        fields = "__all__"  # noqa: DJ007 - the admin picks the fields

    def clean_body(self):
        check_text_kept(self.cleaned_data["body"])
        return self.cleaned_data["body"]


@admin.register(Page)
class PageAdmin(ChangelistQueryGuard, ModelAdmin):
    form = PageAdminForm
    list_display = ["title", "language", "role", "status", "in_footer", "order"]
    list_editable = ["in_footer", "order"]
    list_filter = ["language", "status", "role", "in_footer"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["translation_of"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "translation_of"]}),
        (None, {"fields": ["summary", "body"]}),
        (
            _("Publishing"),
            {"fields": ["status", "role", "in_footer", "order"]},
        ),
    ]


@admin.register(MenuItem)
class MenuItemAdmin(ChangelistQueryGuard, ModelAdmin):
    list_display = ["__str__", "language", "order"]
    list_editable = ["order"]
    list_filter = ["language"]
    list_select_related = ["section", "country", "topic", "page"]
    autocomplete_fields = ["country", "topic", "page"]
    fieldsets = [
        (None, {"fields": ["language", "order", "label"]}),
        (
            _("Links to"),
            {
                "fields": ["section", "country", "topic", "page", "index"],
                "description": _("Choose one."),
            },
        ),
    ]
