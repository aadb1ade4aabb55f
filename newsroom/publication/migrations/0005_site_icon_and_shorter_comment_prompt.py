"""The site icon; a comment prompt that no longer repeats the new heading.

The comment block's heading is now "Send us your comments", so a publication
still using the old default prompt (which ended with those words) gets the
new default; a prompt an editor wrote is kept.
"""

import newsroom.validators
from django.db import migrations, models

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
        ("publication", "0004_editor_republication_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="site_icon",
            field=models.ImageField(
                blank=True,
                height_field="site_icon_height",
                help_text="The icon of browser tabs, bookmarks and phone home screens: a square image (PNG is best), at least 180 × 180 pixels; 512 × 512 looks sharp everywhere. Leave empty for the default icon.",
                upload_to="publication/",
                validators=[
                    newsroom.validators.ImageUploadValidator(),
                    newsroom.validators.SquareImageValidator(),
                ],
                verbose_name="site icon",
                width_field="site_icon_width",
            ),
        ),
        migrations.AddField(
            model_name="publication",
            name="site_icon_height",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="publication",
            name="site_icon_width",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AlterField(
            model_name="publication",
            name="comment_prompt",
            field=models.CharField(
                default="What are your thoughts on this brief? Our editors read every comment.",
                help_text="Shown under the heading “Send us your comments”.",
                max_length=200,
                verbose_name="comment prompt",
            ),
        ),
        migrations.AlterField(
            model_name="publication",
            name="comment_prompt_es",
            field=models.CharField(
                default="¿Qué opinas de esta nota? Nuestro equipo editorial lee todos los comentarios.",
                max_length=200,
                verbose_name="comment prompt (Spanish)",
            ),
        ),
        migrations.RunPython(
            replace_prompts(OLD_PROMPTS, NEW_PROMPTS),
            replace_prompts(NEW_PROMPTS, OLD_PROMPTS),
        ),
    ]
