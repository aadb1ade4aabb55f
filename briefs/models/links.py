"""Links an editor places on a brief: related briefs and "See also" links."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .taxonomy import Country, Topic


class RelatedBrief(models.Model):
    """A related brief picked by hand, shown before the automatic ones."""

    brief = models.ForeignKey(
        "briefs.Brief", on_delete=models.CASCADE, related_name="related_picks"
    )
    related = models.ForeignKey(
        "briefs.Brief",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("related brief"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("related brief")
        verbose_name_plural = _("related briefs (picked by hand)")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["brief", "related"], name="related_once")
        ]

    def __str__(self):
        return str(self.related)

    def clean(self):
        if self.brief_id and self.brief_id == self.related_id:
            raise ValidationError(_("A brief cannot be related to itself."))


class SeeAlsoLink(models.Model):
    """A "See also" link placed inside the text, after a given paragraph."""

    class Place(models.TextChoices):
        NEWS = "news", _("News")
        ANALYSIS = "analysis", _("Analysis")

    brief = models.ForeignKey(
        "briefs.Brief", on_delete=models.CASCADE, related_name="see_also"
    )
    label = models.CharField(_("label"), max_length=200)
    target_brief = models.ForeignKey(
        "briefs.Brief",
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    target_country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    target_topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, null=True, blank=True
    )
    url = models.URLField(_("URL"), blank=True)
    place = models.CharField(
        _("placed in"), max_length=10, choices=Place.choices, default=Place.NEWS
    )
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"),
        default=1,
        help_text=_("1 places it after the first paragraph."),
    )

    class Meta:
        verbose_name = _("see-also link")
        verbose_name_plural = _("see-also links")
        ordering = ["place", "after_paragraph", "id"]

    def __str__(self):
        return self.label

    def clean(self):
        targets = [
            self.target_brief_id,
            self.target_country_id,
            self.target_topic_id,
            self.url,
        ]
        if sum(1 for target in targets if target) != 1:
            raise ValidationError(
                _("Choose exactly one target: a brief, a country, a topic or a URL.")
            )

    def get_target_url(self):
        if self.target_brief_id:
            return self.target_brief.get_absolute_url()
        if self.target_country_id:
            return self.target_country.get_absolute_url()
        if self.target_topic_id:
            return self.target_topic.get_absolute_url()
        return self.url
