"""Moving Republication from licensing to republishing keeps every row and grant.

The database is taken back to the migrations before the move (the model in
licensing, its table ``licensing_republication``, its content type labelled
``licensing``), given republication rows and permissions there, and migrated
forward again, as ``migrate`` does on a deployed site.
"""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from newsroom.republishing.models import Republication
from tests.factories import make_brief, make_editor

BEFORE_THE_MOVE = [("licensing", "0005_license_spanish_name")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def applied_state_apps():
    """The models as the migrations applied to the database describe them."""
    loader = MigrationExecutor(connection).loader
    return loader.project_state(list(loader.applied_migrations)).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("content_type_made_twice", [False, True])
def test_republications_survive_the_move_to_their_own_app(
    client, content_type_made_twice
):
    brief = make_brief("Republished before the move")
    editor = make_editor("editor-before-the-move")
    reader = User.objects.create_user("given-view-before-the-move")

    migrate(BEFORE_THE_MOVE)
    assert "licensing_republication" in connection.introspection.table_names()
    assert "republishing_republication" not in connection.introspection.table_names()
    # A database at the old migrations has the content type under licensing.
    ContentType.objects.filter(app_label="republishing").update(app_label="licensing")
    old = applied_state_apps()
    OldRepublication = old.get_model("licensing", "Republication")
    rows = [
        OldRepublication.objects.create(
            brief_id=brief.pk,
            domain=domain,
            kind=kind,
            count=count,
            first_seen=brief.published_at,
            last_seen=brief.published_at,
        )
        for domain, kind, count in [
            ("partner.example", "site", 41),
            ("", "unknown", 3),
            ("testserver", "own", 2),
        ]
    ]
    view = Permission.objects.get(
        content_type__app_label="licensing", codename="view_republication"
    )
    reader.user_permissions.add(view)
    assert Group.objects.get(name="Editor").permissions.filter(pk=view.pk).exists()
    if content_type_made_twice:
        # As if post_migrate had already made the new label's content type.
        twin = ContentType.objects.create(
            app_label="republishing", model="republication"
        )
        Permission.objects.create(
            content_type=twin, codename="view_republication", name="Can view"
        )

    migrate()

    tables = connection.introspection.table_names()
    assert "republishing_republication" in tables
    assert "licensing_republication" not in tables
    assert sorted(
        Republication.objects.values_list("pk", "brief_id", "domain", "kind", "count")
    ) == sorted((row.pk, brief.pk, row.domain, row.kind, row.count) for row in rows)

    assert not ContentType.objects.filter(app_label="licensing", model="republication")
    content_type = ContentType.objects.get_for_model(Republication)
    assert content_type.app_label == "republishing"
    assert set(
        Permission.objects.filter(content_type=content_type).values_list(
            "codename", flat=True
        )
    ) == {f"{action}_republication" for action in ("add", "change", "delete", "view")}
    assert set(
        Group.objects.get(name="Editor")
        .permissions.filter(content_type=content_type)
        .values_list("codename", flat=True)
    ) == {f"{action}_republication" for action in ("add", "change", "delete", "view")}
    editor = User.objects.get(pk=editor.pk)
    reader = User.objects.get(pk=reader.pk)
    assert editor.has_perm("republishing.view_republication")
    assert reader.has_perm("republishing.view_republication")
    assert not reader.has_perm("republishing.change_republication")

    # The unique constraint and the id sequence came along with the table.
    with pytest.raises(IntegrityError), transaction.atomic():
        Republication.objects.create(
            brief=brief,
            domain="partner.example",
            first_seen=brief.published_at,
            last_seen=brief.published_at,
        )
    Republication.objects.create(
        brief=brief,
        domain="after.example",
        first_seen=brief.published_at,
        last_seen=brief.published_at,
    )

    # Editors read the report on the brief's admin page as before.
    client.force_login(editor)
    page = client.get(reverse("admin:briefs_brief_change", args=[brief.pk]))
    assert page.status_code == 200
    assert "Republished on 2 sites" in page.text
    assert "partner.example" in page.text
    changelist = client.get(reverse("admin:republishing_republication_changelist"))
    assert changelist.status_code == 200
    assert "partner.example" in changelist.text
