"""The desk's Settings group: accounts, and the technical tables for superusers.

Django's, django-axes' and django-taggit's own model admins, registered again
on the theme's ModelAdmin so their forms and lists look like the rest of the
desk, and refuse query strings their database cannot answer
(newsroom/admin_queries.py) like every other changelist. Login attempts and
the generic Tags table (the briefs use countries and
topics) are for superusers only: an editor neither sees nor opens them.
"""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, User
from taggit import admin as taggit_admin
from taggit.models import Tag
from unfold.admin import ModelAdmin
from unfold.forms import AdminPasswordChangeForm, UserChangeForm, UserCreationForm

from newsroom.admin_queries import ChangelistQueryGuard


class SuperuserOnly(ChangelistQueryGuard):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_view_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_delete_permission(
            request, obj
        )

    def has_add_permission(self, request, *args):
        return self.has_module_permission(request) and super().has_add_permission(
            request, *args
        )


def register_again(model, admin_class):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, admin_class)


class UserAdmin(ChangelistQueryGuard, auth_admin.UserAdmin, ModelAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    change_password_form = AdminPasswordChangeForm


class GroupAdmin(ChangelistQueryGuard, auth_admin.GroupAdmin, ModelAdmin):
    pass


class AccessAttemptAdmin(SuperuserOnly, axes_admin.AccessAttemptAdmin, ModelAdmin):
    pass


class AccessLogAdmin(SuperuserOnly, axes_admin.AccessLogAdmin, ModelAdmin):
    pass


class AccessFailureLogAdmin(
    SuperuserOnly, axes_admin.AccessFailureLogAdmin, ModelAdmin
):
    pass


class TagAdmin(SuperuserOnly, taggit_admin.TagAdmin, ModelAdmin):
    pass


register_again(User, UserAdmin)
register_again(Group, GroupAdmin)
for model, admin_class in (
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
):
    if admin.site.is_registered(model):
        register_again(model, admin_class)
register_again(Tag, TagAdmin)
