from django.db import migrations


def seed(apps, schema_editor):
    Publication = apps.get_model("publication", "Publication")
    License = apps.get_model("licensing", "License")
    default = License.objects.filter(slug="cc-by-nc-3-0").first()
    publication, _created = Publication.objects.get_or_create(pk=1)
    if publication.default_license_id is None and default is not None:
        publication.default_license = default
        publication.save(update_fields=["default_license"])


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0001_initial"),
        ("licensing", "0002_seed_licenses"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
