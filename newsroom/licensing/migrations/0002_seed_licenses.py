from django.db import migrations

NC_FOOTER = (
    "This brief is published under {license}. You may copy and distribute it for "
    "non-commercial purposes, provided you credit {publication} in the byline and link "
    "to the original at the top and bottom of the article."
)
NC_FOOTER_ES = (
    "Este resumen se publica bajo la licencia {license}. Puedes copiarlo y distribuirlo "
    "con fines no comerciales, siempre que menciones a {publication} en la firma y "
    "enlaces al original al principio y al final del artículo."
)
ND_FOOTER = (
    "This brief is published under {license}. You may republish it unchanged for "
    "non-commercial purposes, crediting {publication} in the byline and linking to the "
    "original at the top and bottom of the article."
)
ND_FOOTER_ES = (
    "Este resumen se publica bajo la licencia {license}. Puedes republicarlo sin "
    "cambios con fines no comerciales, mencionando a {publication} en la firma y "
    "enlazando al original al principio y al final del artículo."
)
BY_FOOTER = (
    "This brief is published under {license}. You may copy, adapt and distribute it "
    "for any purpose, including commercially, provided you credit {publication} and "
    "link to the original."
)
BY_FOOTER_ES = (
    "Este resumen se publica bajo la licencia {license}. Puedes copiarlo, adaptarlo y "
    "distribuirlo con cualquier fin, también comercial, siempre que menciones a "
    "{publication} y enlaces al original."
)
ATTRIBUTION = (
    "This article first appeared on {publication} and is republished here under {license}."
)
ATTRIBUTION_ES = (
    "Este artículo se publicó originalmente en {publication} y se republica aquí bajo "
    "la licencia {license}."
)

LICENSES = [
    {
        "slug": "cc-by-nc-3-0",
        "name": "Creative Commons Attribution-NonCommercial 3.0",
        "short_name": "CC BY-NC 3.0",
        "deed_url": "https://creativecommons.org/licenses/by-nc/3.0/",
        "allows_republishing": True,
        "allows_commercial_use": False,
        "allows_derivatives": True,
        "footer_text": NC_FOOTER,
        "footer_text_es": NC_FOOTER_ES,
        "attribution": ATTRIBUTION,
        "attribution_es": ATTRIBUTION_ES,
    },
    {
        "slug": "cc-by-nc-nd-4-0",
        "name": "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0",
        "short_name": "CC BY-NC-ND 4.0",
        "deed_url": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "allows_republishing": True,
        "allows_commercial_use": False,
        "allows_derivatives": False,
        "footer_text": ND_FOOTER,
        "footer_text_es": ND_FOOTER_ES,
        "attribution": ATTRIBUTION,
        "attribution_es": ATTRIBUTION_ES,
    },
    {
        "slug": "cc-by-4-0",
        "name": "Creative Commons Attribution 4.0",
        "short_name": "CC BY 4.0",
        "deed_url": "https://creativecommons.org/licenses/by/4.0/",
        "allows_republishing": True,
        "allows_commercial_use": True,
        "allows_derivatives": True,
        "footer_text": BY_FOOTER,
        "footer_text_es": BY_FOOTER_ES,
        "attribution": ATTRIBUTION,
        "attribution_es": ATTRIBUTION_ES,
    },
    {
        "slug": "all-rights-reserved",
        "name": "All rights reserved",
        "short_name": "All rights reserved",
        "deed_url": "",
        "allows_republishing": False,
        "allows_commercial_use": False,
        "allows_derivatives": False,
        "footer_text": "© {publication}. All rights reserved.",
        "footer_text_es": "© {publication}. Todos los derechos reservados.",
        "attribution": "© {publication}. All rights reserved.",
        "attribution_es": "© {publication}. Todos los derechos reservados.",
    },
]


def seed(apps, schema_editor):
    License = apps.get_model("licensing", "License")
    for data in LICENSES:
        License.objects.update_or_create(slug=data["slug"], defaults=data)


class Migration(migrations.Migration):
    dependencies = [("licensing", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
