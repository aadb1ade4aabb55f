from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

PLACEHOLDER_HELP = _(
    "Placeholders: {publication}, {headline}, {url}, {license}, {deed_url}. "
    "Values are escaped when rendered."
)


class License(models.Model):
    """A license a brief can be published under, with its reader-facing texts."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60)
    slug = models.SlugField(_("slug"), unique=True)
    deed_url = models.URLField(_("deed URL"), blank=True)
    badge = models.ImageField(_("badge"), upload_to="licenses/", blank=True)
    allows_republishing = models.BooleanField(_("allows republishing"), default=True)
    allows_commercial_use = models.BooleanField(
        _("allows commercial use"), default=False
    )
    allows_derivatives = models.BooleanField(_("allows derivatives"), default=False)
    footer_text = models.TextField(_("footer text"), help_text=PLACEHOLDER_HELP)
    footer_text_es = models.TextField(
        _("footer text (Spanish)"), blank=True, help_text=PLACEHOLDER_HELP
    )
    attribution = models.TextField(_("attribution line"), help_text=PLACEHOLDER_HELP)
    attribution_es = models.TextField(
        _("attribution line (Spanish)"), blank=True, help_text=PLACEHOLDER_HELP
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("license")
        verbose_name_plural = _("licenses")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    def localized(self, field):
        if get_language() == "es":
            value = getattr(self, f"{field}_es", "")
            if value:
                return value
        return getattr(self, field)
