"""The site icon, and the comment prompt's new default (the data follows in 0006)."""

import newsroom.validators
from django.db import migrations, models


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
    ]
