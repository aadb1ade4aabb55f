from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.localization import SpanishVariants
from newsroom.validators import validate_image_upload

from .attribution import validate_license_template

PLACEHOLDER_HELP = _(
    "Placeholders: {publication}, {headline}, {url}, {license}, {deed_url}. "
    "Values are escaped when rendered."
)


class License(SpanishVariants, models.Model):
    """A license a brief can be published under, with its reader-facing texts."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_es = models.CharField(
        _("name (Spanish)"),
        max_length=200,
        blank=True,
        help_text=_("Shown on Spanish pages; empty: the name above."),
    )
    short_name = models.CharField(_("short name"), max_length=60)
    slug = models.SlugField(_("slug"), unique=True)
    deed_url = models.URLField(_("deed URL"), blank=True)
    badge = models.ImageField(
        _("badge"),
        upload_to="licenses/",
        blank=True,
        validators=[validate_image_upload],
    )
    allows_republishing = models.BooleanField(_("allows republishing"), default=True)
    allows_commercial_use = models.BooleanField(
        _("allows commercial use"), default=False
    )
    allows_derivatives = models.BooleanField(_("allows derivatives"), default=False)
    footer_text = models.TextField(
        _("footer text"),
        help_text=PLACEHOLDER_HELP,
        validators=[validate_license_template],
    )
    footer_text_es = models.TextField(
        _("footer text (Spanish)"),
        blank=True,
        help_text=PLACEHOLDER_HELP,
        validators=[validate_license_template],
    )
    attribution = models.TextField(
        _("attribution line"),
        help_text=PLACEHOLDER_HELP,
        validators=[validate_license_template],
    )
    attribution_es = models.TextField(
        _("attribution line (Spanish)"),
        blank=True,
        help_text=PLACEHOLDER_HELP,
        validators=[validate_license_template],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("license")
        verbose_name_plural = _("licenses")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    @property
    def display_name(self):
        """The license's full name in the current language."""
        return self.localized("name")


class Republication(models.Model):
    """How often a brief's tracking image was loaded from one site.

    One row per brief and referring domain. Hits without a usable referrer and
    hits from the newsroom's own site (the republish page's preview, an editor
    pasting into the admin) get their own rows, marked by ``kind``, so they are
    counted without passing for republications. No reader data is stored: no
    IP address, no full referring URL, no cookie.
    """

    class Kind(models.TextChoices):
        SITE = "site", _("Other site")
        OWN = "own", _("Our own site")
        UNKNOWN = "unknown", _("No referrer")

    # Written by reader traffic and never shown on public pages: saving one
    # must not invalidate the page cache.
    affects_public_pages = False

    brief = models.ForeignKey(
        "briefs.Brief",
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        related_name="republications",
    )
    domain = models.CharField(_("domain"), max_length=253, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.SITE
    )
    count = models.PositiveIntegerField(_("count"), default=0)
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("republication")
        verbose_name_plural = _("republications")
        ordering = ["-last_seen"]
        constraints = [
            models.UniqueConstraint(
                fields=["brief", "domain"], name="republication_once_per_domain"
            )
        ]
        indexes = [
            models.Index(fields=["domain"], name="republication_domain"),
            models.Index(fields=["-last_seen"], name="republication_last_seen"),
        ]

    def __str__(self):
        return self.domain or self.get_kind_display()
