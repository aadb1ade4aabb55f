import pytest
from django.contrib.auth.models import Group

from newsroom.licensing.models import License
from newsroom.publication.models import Publication


@pytest.mark.django_db
def test_migrations_seed_licenses_publication_and_roles():
    assert set(License.objects.values_list("short_name", flat=True)) == {
        "CC BY-NC 3.0",
        "CC BY-NC-ND 4.0",
        "CC BY 4.0",
        "All rights reserved",
    }
    assert not License.objects.get(slug="all-rights-reserved").allows_republishing
    assert Publication.load().default_license.short_name == "CC BY-NC 3.0"
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Contributor",
        "Editor",
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", [1, 2])
def test_transactional_tests_keep_the_seeded_rows(run):
    """The table flush after a transactional test must not lose the seeded rows."""
    assert License.objects.count() == 4
    assert Publication.load().default_license is not None
    assert Group.objects.filter(name="Editor").exists()
    License.objects.filter(slug="cc-by-4-0").update(short_name=f"changed {run}")
