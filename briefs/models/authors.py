"""Who writes briefs: authors and the bylines that put them on a brief."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.localization import SpanishVariants
from newsroom.validators import validate_image_upload


class Author(SpanishVariants, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bio = models.TextField(_("bio"), blank=True)
    bio_es = models.TextField(
        _("bio (Spanish)"),
        blank=True,
        help_text=_("Shown on Spanish pages; empty: the bio above."),
    )
    photo = models.ImageField(
        _("photo"),
        upload_to="authors/",
        blank=True,
        validators=[validate_image_upload],
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("briefs:author", kwargs={"slug": self.slug})

    @property
    def display_bio(self):
        """The bio in the page's language."""
        return self.localized("bio")


class BriefAuthor(models.Model):
    brief = models.ForeignKey("briefs.Brief", on_delete=models.CASCADE)
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, verbose_name=_("author")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("byline")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["brief", "author"], name="brief_author_once"
            )
        ]
        # An author's archive reads their briefs' ids from this index alone.
        indexes = [models.Index(fields=["author", "brief"], name="byline_author")]

    def __str__(self):
        return str(self.author)
