from django.contrib import admin

from .models import OldAddress


@admin.register(OldAddress)
class OldAddressAdmin(admin.ModelAdmin):
    list_display = ["old_path", "brief", "page", "new_path"]
    search_fields = ["old_path", "new_path"]
    raw_id_fields = ["brief", "page"]
