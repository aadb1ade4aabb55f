"""Editors also see and manage republication reports (licensing.Republication)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    licensing = apps.get_app_config("licensing")
    models_module = getattr(licensing, "models_module", None)
    licensing.models_module = models_module or True
    create_permissions(licensing, verbosity=0, using=using, apps=apps)
    licensing.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _created = Group.objects.get_or_create(name="Editor")
    editor.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="licensing",
            content_type__model="republication",
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0003_editorial_roles"),
        ("licensing", "0003_republication_and_template_validation"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
