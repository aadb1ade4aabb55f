"""The editorial roles: the Contributor and Editor groups and their permissions.

Contributors write briefs (their own, as drafts, submitted for review; the
admin enforces the ownership and status rules in briefs/workflow.py). Editors
publish and schedule briefs and manage everything the newsroom publishes:
tags, authors, sections, licenses, donation prompts, reader feedback and the
publication itself. Superusers administer accounts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTOR = {
    "briefs": [
        "add_brief",
        "change_brief",
        "view_brief",
        "view_author",
        "view_section",
        "view_country",
        "view_topic",
        # The byline, see-also and related-brief inlines of the brief form.
        "add_briefauthor",
        "change_briefauthor",
        "delete_briefauthor",
        "view_briefauthor",
        "add_seealsolink",
        "change_seealsolink",
        "delete_seealsolink",
        "view_seealsolink",
        "add_relatedbrief",
        "change_relatedbrief",
        "delete_relatedbrief",
        "view_relatedbrief",
    ],
}

# "*": every permission of the app's models.
EDITOR = {
    "briefs": "*",
    "licensing": "*",
    "fundraising": "*",
    "feedback": "*",
    "publication": ["view_publication", "change_publication"],
}


def ensure_permissions(apps, using):
    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        app_config.models_module = models_module


def permissions_for(apps, spec):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codenames in spec.items():
        permissions = Permission.objects.filter(content_type__app_label=app_label)
        if codenames != "*":
            permissions = permissions.filter(codename__in=codenames)
            missing = set(codenames) - set(
                permissions.values_list("codename", flat=True)
            )
            if missing:
                raise RuntimeError(
                    f"Unknown {app_label} permissions: {sorted(missing)}"
                )
        found.extend(permissions)
    return found


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    ensure_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    for name, spec in (("Contributor", CONTRIBUTOR), ("Editor", EDITOR)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions_for(apps, spec))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Contributor", "Editor"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("publication", "0002_seed_publication"),
        ("briefs", "0001_initial"),
        ("licensing", "0002_seed_licenses"),
        ("fundraising", "0001_initial"),
        ("feedback", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
