from django.contrib import admin
from unfold.admin import ModelAdmin

from newsroom.admin_queries import ChangelistQueryGuard

from .models import OldAddress


@admin.register(OldAddress)
class OldAddressAdmin(ChangelistQueryGuard, ModelAdmin):
    list_display = ["old_path", "brief", "page", "new_path"]
    search_fields = ["old_path", "new_path"]
    raw_id_fields = ["brief", "page"]
