from django.contrib import admin

from .models import License


@admin.register(License)
class LicenseAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "short_name",
        "allows_republishing",
        "allows_commercial_use",
    ]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
