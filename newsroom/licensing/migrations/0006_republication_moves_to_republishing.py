"""Republication moves to the republishing app, rows and all.

Only Django's idea of the model moves here; the table stays, and
republishing's first migration takes it over (and renames it).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("licensing", "0005_license_spanish_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Republication")],
        ),
    ]
