"""Republication, taken over from licensing with its rows.

The model was created by licensing's 0003 in the table
``licensing_republication``. Here it enters this app's state on that table,
then the table is renamed to this app's default name: the rows, their ids, the
indexes and the unique constraint all stay.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("briefs", "0001_initial"),
        ("licensing", "0006_republication_moves_to_republishing"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Republication",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "domain",
                            models.CharField(
                                blank=True, max_length=253, verbose_name="domain"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("site", "Other site"),
                                    ("own", "Our own site"),
                                    ("unknown", "No referrer"),
                                ],
                                default="site",
                                max_length=10,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "count",
                            models.PositiveIntegerField(
                                default=0, verbose_name="count"
                            ),
                        ),
                        ("first_seen", models.DateTimeField(verbose_name="first seen")),
                        ("last_seen", models.DateTimeField(verbose_name="last seen")),
                        (
                            "brief",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="republications",
                                to="briefs.brief",
                                verbose_name="brief",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "republication",
                        "verbose_name_plural": "republications",
                        "ordering": ["-last_seen"],
                        "db_table": "licensing_republication",
                        "indexes": [
                            models.Index(
                                fields=["domain"], name="republication_domain"
                            ),
                            models.Index(
                                fields=["-last_seen"], name="republication_last_seen"
                            ),
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("brief", "domain"),
                                name="republication_once_per_domain",
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="republication", table=None),
    ]
