"""Where a brief is filed: languages, sections, countries and topics."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase, TaggedItemBase

from newsroom.cache import content_cached
from newsroom.localization import SpanishVariants


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")


class LocalizedNameMixin(SpanishVariants):
    """Country, topic and section names and descriptions in the page's language."""

    @property
    def display_name(self):
        return self.localized("name")

    @property
    def display_description(self):
        return self.localized("description")


class Section(LocalizedNameMixin, models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    is_organization = models.BooleanField(
        _("organization section"),
        default=False,
        help_text=_(
            "Posts about the newsroom itself, listed in the home page's About block."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("briefs:section", kwargs={"slug": self.slug})

    @classmethod
    def organization_ids(cls):
        """The ids of the organization sections, kept until the content changes."""
        return content_cached(
            "organization-sections",
            lambda: list(
                cls.objects.filter(is_organization=True).values_list("id", flat=True)
            ),
        )


class ArchiveTag(LocalizedNameMixin, TagBase):
    """A tag with its own archive page: countries and topics."""

    name_es = models.CharField(_("name (Spanish)"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)

    archive_url_name = None

    class Meta:
        abstract = True
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse(self.archive_url_name, kwargs={"slug": self.slug})


class Country(ArchiveTag):
    archive_url_name = "briefs:country"

    class Meta(ArchiveTag.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Topic(ArchiveTag):
    archive_url_name = "briefs:topic"

    class Meta(ArchiveTag.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TaggedCountry(TaggedItemBase):
    content_object = models.ForeignKey("briefs.Brief", on_delete=models.CASCADE)
    tag = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="tagged_briefs"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="country_tag_once"
            )
        ]


class TaggedTopic(TaggedItemBase):
    content_object = models.ForeignKey("briefs.Brief", on_delete=models.CASCADE)
    tag = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="tagged_briefs"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="topic_tag_once"
            )
        ]
