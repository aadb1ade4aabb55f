from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.localization import SpanishVariants
from newsroom.validators import validate_image_upload, validate_square_image

# Social links are web pages: no ftp:// (which URLField allows).
web_address = URLValidator(schemes=["http", "https"])


class Publication(SpanishVariants, models.Model):
    """The newsroom itself: one row, edited in the admin."""

    name = models.CharField(_("name"), max_length=120, default="Newsroom")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    tagline_es = models.CharField(_("tagline (Spanish)"), max_length=200, blank=True)
    analysis_heading = models.CharField(
        _("analysis heading"),
        max_length=120,
        default="{publication} Analysis",
        help_text=_(
            "Heading of a brief's analysis section. {publication} is the name."
        ),
    )
    analysis_heading_es = models.CharField(
        _("analysis heading (Spanish)"),
        max_length=120,
        default="Análisis de {publication}",
    )
    about = models.TextField(_("about"), blank=True)
    about_es = models.TextField(_("about (Spanish)"), blank=True)
    comment_prompt = models.CharField(
        _("comment prompt"),
        max_length=200,
        default="What are your thoughts on this brief? Our editors read every comment.",
        help_text=_("Shown under the heading “Send us your comments”."),
    )
    comment_prompt_es = models.CharField(
        _("comment prompt (Spanish)"),
        max_length=200,
        default=(
            "¿Qué opinas de esta nota? Nuestro equipo editorial lee todos los "
            "comentarios."
        ),
    )
    default_license = models.ForeignKey(
        "licensing.License",
        verbose_name=_("default license"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    related_count = models.PositiveSmallIntegerField(
        _("related briefs shown"), default=3
    )
    site_icon = models.ImageField(
        _("site icon"),
        upload_to="publication/",
        blank=True,
        width_field="site_icon_width",
        height_field="site_icon_height",
        validators=[validate_image_upload, validate_square_image],
        help_text=_(
            "The icon of browser tabs, bookmarks and phone home screens: a square "
            "image (PNG is best), at least 180 × 180 pixels; 512 × 512 looks sharp "
            "everywhere. Leave empty for the default icon."
        ),
    )
    site_icon_width = models.PositiveIntegerField(null=True, editable=False)
    site_icon_height = models.PositiveIntegerField(null=True, editable=False)
    share_image = models.ImageField(
        _("share image"),
        upload_to="publication/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_(
            "Shown when a brief without a featured image is shared on social "
            "networks and messaging apps. A wide image, at least 1200 × 630 pixels."
        ),
    )
    feed_full_text = models.BooleanField(
        _("full text in the latest-briefs feeds"),
        default=False,
        help_text=_(
            "Feed readers get each brief's news and analysis, not only its summary."
        ),
    )
    notification_email = models.EmailField(
        _("notification email"),
        blank=True,
        help_text=_("Reader comments are sent here as well; leave empty for none."),
    )
    # Social links, shown in the footer in this order (SOCIAL_NETWORKS).
    mastodon_url = models.URLField(_("Mastodon"), blank=True, validators=[web_address])
    bluesky_url = models.URLField(_("Bluesky"), blank=True, validators=[web_address])
    instagram_url = models.URLField(
        _("Instagram"), blank=True, validators=[web_address]
    )
    facebook_url = models.URLField(_("Facebook"), blank=True, validators=[web_address])
    x_url = models.URLField(_("X (Twitter)"), blank=True, validators=[web_address])
    youtube_url = models.URLField(_("YouTube"), blank=True, validators=[web_address])
    updated_at = models.DateTimeField(auto_now=True)

    # (field, the network's name): names of brands, not translated.
    SOCIAL_NETWORKS = [
        ("mastodon_url", "Mastodon"),
        ("bluesky_url", "Bluesky"),
        ("instagram_url", "Instagram"),
        ("facebook_url", "Facebook"),
        ("x_url", "X"),
        ("youtube_url", "YouTube"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publication")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The publication, from the cache until any public content changes."""
        from newsroom.cache import content_cached

        return content_cached("publication", cls.load_from_database)

    @classmethod
    def load_from_database(cls):
        publication, _created = cls.objects.select_related(
            "default_license"
        ).get_or_create(pk=1)
        return publication

    @property
    def localized_tagline(self):
        return self.localized("tagline")

    @property
    def localized_about(self):
        return self.localized("about")

    @property
    def localized_comment_prompt(self):
        return self.localized("comment_prompt")

    @property
    def social_links(self):
        """``[(network name, url), ...]`` of the social links that are set."""
        return [
            (name, getattr(self, field))
            for field, name in self.SOCIAL_NETWORKS
            if getattr(self, field)
        ]

    def analysis_heading_text(self):
        return self.localized("analysis_heading").replace("{publication}", self.name)
