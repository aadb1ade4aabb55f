"""Republication's content type and permissions follow it from licensing.

The content type row is relabelled rather than replaced, so the permissions
hanging from it stay the same rows: the Editor group (granted them by
publication's 0004), any user given them one by one, and the admin's history
all keep pointing at them. On a database where both content types exist, the
old one's grants are carried over to the new one's permissions before it is
deleted. Last, the Editor group is granted every republication permission, as
publication's 0004 did under the old label; ``grant`` also restores that
after a test run flushes the tables.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def move_content_type(apps, using):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    manager = ContentType.objects.db_manager(using)
    old = manager.filter(app_label="licensing", model="republication").first()
    if old is None:
        return
    new = manager.filter(app_label="republishing", model="republication").first()
    if new is None:
        old.app_label = "republishing"
        old.save(update_fields=["app_label"])
        return
    for permission in Permission.objects.using(using).filter(content_type=old):
        same = Permission.objects.using(using).filter(
            content_type=new, codename=permission.codename
        )
        target = same.first()
        if target is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        target.group_set.add(*permission.group_set.all())
        target.user_set.add(*permission.user_set.all())
        permission.delete()
    old.delete()


def grant(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    move_content_type(apps, using)
    republishing = apps.get_app_config("republishing")
    # create_permissions skips an app without a models module, which the
    # historical app configs of a migration never have.
    models_module = getattr(republishing, "models_module", None)
    republishing.models_module = models_module or True
    create_permissions(republishing, verbosity=0, using=using, apps=apps)
    republishing.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _created = Group.objects.using(using).get_or_create(name="Editor")
    editor.permissions.add(
        *Permission.objects.using(using).filter(
            content_type__app_label="republishing",
            content_type__model="republication",
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("republishing", "0001_initial"),
        ("publication", "0004_editor_republication_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
