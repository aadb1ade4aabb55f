"""What the WordPress importer remembers of the rows it made, and old addresses.

Kept in this app rather than on the briefs' and feedback's own models: a
second run finds its briefs and comments by their WordPress ids, and the old
``?p=<id>`` addresses find their brief.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from briefs.models import Brief
from newsroom.feedback.models import ReaderMessage


class ImportedPost(models.Model):
    """A brief that came from a WordPress post or page."""

    brief = models.OneToOneField(
        Brief,
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        related_name="imported_post",
    )
    site = models.CharField(
        _("WordPress site"),
        max_length=200,
        help_text=_("The export's base address, as it names the old site."),
    )
    wordpress_id = models.PositiveBigIntegerField(_("WordPress post id"))
    guid = models.CharField(_("GUID"), max_length=500, blank=True)
    old_path = models.CharField(_("old address"), max_length=500, blank=True)
    image_source = models.CharField(
        _("featured image file"),
        max_length=500,
        blank=True,
        help_text=_("The file under the uploads folder it was copied from."),
    )
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported post")
        verbose_name_plural = _("imported posts")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "wordpress_id"], name="imported_post_once"
            )
        ]
        indexes = [models.Index(fields=["wordpress_id"], name="imported_post_id")]

    def __str__(self):
        return f"{self.site} #{self.wordpress_id}"


class ImportedComment(models.Model):
    """A reader message that was an approved WordPress comment."""

    message = models.OneToOneField(
        ReaderMessage,
        verbose_name=_("reader message"),
        on_delete=models.CASCADE,
        related_name="imported_comment",
    )
    site = models.CharField(_("WordPress site"), max_length=200)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress comment id"))

    class Meta:
        verbose_name = _("imported comment")
        verbose_name_plural = _("imported comments")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "wordpress_id"], name="imported_comment_once"
            )
        ]

    def __str__(self):
        return f"{self.site} comment #{self.wordpress_id}"


class OldAddress(models.Model):
    """A path of the old site that answers with a 301 (redirects.py).

    Django's redirects app would need the sites framework, which makes feeds
    and sitemaps build their links from a stored domain instead of the
    request's host. A brief target is kept as the brief, not its address: the
    redirect follows a changed slug, and answers 404 while the brief is not
    public.
    """

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_("A path on the old site, such as /2024/03/12/a-post/."),
    )
    brief = models.ForeignKey(
        Brief,
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="old_addresses",
    )
    new_path = models.CharField(
        _("redirect to"),
        max_length=500,
        blank=True,
        help_text=_(
            "A path on this site, for addresses that are not a brief's "
            "(archives). Leave both empty to answer 410 Gone."
        ),
    )

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["old_path"]

    def __str__(self):
        return self.old_path

    def clean(self):
        if self.brief_id and self.new_path:
            raise ValidationError(_("Choose a brief or a path, not both."))
        if self.new_path and not self.new_path.startswith("/"):
            raise ValidationError(
                {"new_path": _("Enter a path on this site, starting with “/”.")}
            )
        if not self.old_path.startswith("/"):
            raise ValidationError(
                {"old_path": _("Enter a path on this site, starting with “/”.")}
            )
