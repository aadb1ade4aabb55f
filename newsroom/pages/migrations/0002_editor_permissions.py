"""Editors manage the pages and the menu, as they manage everything published."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    # Permissions are normally created after migrate; the group needs them now.
    app_config = apps.get_app_config("pages")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor = Group.objects.using(using).filter(name="Editor").first()
    if editor is not None:
        editor.permissions.add(
            *Permission.objects.using(using).filter(content_type__app_label="pages")
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor = Group.objects.filter(name="Editor").first()
    if editor is not None:
        editor.permissions.remove(
            *Permission.objects.filter(content_type__app_label="pages")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("publication", "0003_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
