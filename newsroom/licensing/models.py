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
