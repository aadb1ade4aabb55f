from django.db import migrations, models

# Spanish names of the licenses 0002 seeded.
SPANISH_NAMES = {
    "cc-by-nc-3-0": "Creative Commons Atribución-NoComercial 3.0",
    "cc-by-nc-nd-4-0": "Creative Commons Atribución-NoComercial-SinDerivadas 4.0",
    "cc-by-4-0": "Creative Commons Atribución 4.0",
    "all-rights-reserved": "Todos los derechos reservados",
}

# The seeded Spanish footers called a brief "resumen"; the Spanish site calls
# it "nota". Only footers still exactly as seeded are replaced.
FOOTER_WORDING = [
    ("Este resumen se publica", "Esta nota se publica"),
    ("Puedes copiarlo y distribuirlo", "Puedes copiarla y distribuirla"),
    ("Puedes republicarlo sin", "Puedes republicarla sin"),
    ("Puedes copiarlo, adaptarlo y distribuirlo", "Puedes copiarla, adaptarla y distribuirla"),
]


def seeded_footers():
    module = __import__(
        "newsroom.licensing.migrations.0002_seed_licenses", fromlist=["LICENSES"]
    )
    return {data["slug"]: data["footer_text_es"] for data in module.LICENSES}


def reword(text):
    for old, new in FOOTER_WORDING:
        text = text.replace(old, new)
    return text


def seed(apps, schema_editor):
    License = apps.get_model("licensing", "License")
    footers = seeded_footers()
    for license in License.objects.filter(slug__in=SPANISH_NAMES):
        if not license.name_es:
            license.name_es = SPANISH_NAMES[license.slug]
        if license.footer_text_es == footers.get(license.slug):
            license.footer_text_es = reword(license.footer_text_es)
        license.save(update_fields=["name_es", "footer_text_es"])


class Migration(migrations.Migration):
    dependencies = [
        ("licensing", "0004_badge_upload_validation"),
    ]

    operations = [
        migrations.AddField(
            model_name="license",
            name="name_es",
            field=models.CharField(
                blank=True,
                help_text="Shown on Spanish pages; empty: the name above.",
                max_length=200,
                verbose_name="name (Spanish)",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
