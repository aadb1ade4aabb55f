from importlib import import_module

import pytest
from django.apps import apps
from django.core.cache import cache

from newsroom.cache import forget_local_copies

# Rows that data migrations seed (licenses, the publication, the editorial roles).
# Transactional tests (live server, threads) end by flushing every table, which
# removes them for the transactional tests that follow; those get them back.
SEED_MIGRATIONS = [
    ("newsroom.licensing.migrations.0002_seed_licenses", "seed"),
    ("newsroom.licensing.migrations.0005_license_spanish_name", "seed"),
    ("newsroom.publication.migrations.0002_seed_publication", "seed"),
    ("newsroom.publication.migrations.0003_editorial_roles", "create_roles"),
    ("newsroom.republishing.migrations.0002_republication_permissions", "grant"),
]


def restore_seed_data():
    from newsroom.licensing.models import License

    if License.objects.exists():
        return
    for module, function in SEED_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache, as a fresh server would."""
    cache.clear()
    forget_local_copies()
    yield
    cache.clear()
    forget_local_copies()


@pytest.fixture(autouse=True)
def _seed_data_after_flush(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = (
        "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
        or (marker is not None and marker.kwargs.get("transaction"))
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        restore_seed_data()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "editor-in-chief", "", "pw-123456789"
    )
    client.force_login(user)
    return client
