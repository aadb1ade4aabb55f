from django.db import models
from django.utils.translation import gettext_lazy as _


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
