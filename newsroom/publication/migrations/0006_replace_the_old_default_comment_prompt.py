"""A comment prompt that no longer repeats the comment block's new heading.

The heading is now "Send us your comments", so a publication still using the
old default prompt (which ended with those words) gets the new default; a
prompt an editor wrote is kept. A migration of its own: PostgreSQL refuses to
alter a table in the transaction that updated its rows (their deferred
foreign-key checks are still pending).
"""

from django.db import migrations

OLD_PROMPTS = {
    "comment_prompt": "What are your thoughts? Send us your comments",
    "comment_prompt_es": "¿Qué opinas? Envíanos tus comentarios",
}
NEW_PROMPTS = {
    "comment_prompt": (
        "What are your thoughts on this brief? Our editors read every comment."
    ),
    "comment_prompt_es": (
        "¿Qué opinas de esta nota? Nuestro equipo editorial lee todos los comentarios."
    ),
}


def replace_prompts(old, new):
    def run(apps, schema_editor):
        Publication = apps.get_model("publication", "Publication")
        for field in old:
            Publication.objects.filter(**{field: old[field]}).update(
                **{field: new[field]}
            )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0005_site_icon_and_shorter_comment_prompt"),
    ]

    operations = [
        migrations.RunPython(
            replace_prompts(OLD_PROMPTS, NEW_PROMPTS),
            replace_prompts(NEW_PROMPTS, OLD_PROMPTS),
        ),
    ]
