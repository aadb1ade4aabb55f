"""What the WordPress importer remembers of the rows it made, and old addresses.

Kept in this app rather than on the briefs', pages' and feedback's own
models: a second run finds its briefs, pages and comments by their WordPress
ids, and the old ``?p=<id>`` and ``?page_id=<id>`` addresses find their brief
or page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from briefs.models import Brief
from newsroom.feedback.models import ReaderMessage
from newsroom.pages.models import Page


class ImportedPost(models.Model):
    """A brief or a page that came from a WordPress post or page.

    One model for both: WordPress numbers posts and pages in one series, so
    ``?p=<id>`` and ``?page_id=<id>`` name the same item, and a page imported
    as a brief (``--pages-section``) keeps its row when imported as a page.
    """

    brief = models.OneToOneField(
        Brief,
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="imported_post",
    )
    page = models.OneToOneField(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
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
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(brief__isnull=False, page__isnull=True)
                    | models.Q(brief__isnull=True, page__isnull=False)
                ),
                name="imported_post_brief_or_page",
            ),
        ]
        indexes = [models.Index(fields=["wordpress_id"], name="imported_post_id")]

    def __str__(self):
        return f"{self.site} #{self.wordpress_id}"

    @property
    def target(self):
        """The brief or the page."""
        return self.brief or self.page


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
    request's host. A brief or page target is kept as itself, not its
    address: the redirect follows a changed slug, and answers 404 while the
    brief or page is not public.
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
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
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
            "A path on this site, for addresses that are not a brief's or a "
            "page's (archives). Leave all three empty to answer 410 Gone."
        ),
    )

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["old_path"]

    def __str__(self):
        return self.old_path

    def clean(self):
        chosen = [self.brief_id, self.page_id, self.new_path]
        if len([target for target in chosen if target]) > 1:
            raise ValidationError(_("Choose one of a brief, a page or a path."))
        if self.new_path and not self.new_path.startswith("/"):
            raise ValidationError(
                {"new_path": _("Enter a path on this site, starting with “/”.")}
            )
        if not self.old_path.startswith("/"):
            raise ValidationError(
                {"old_path": _("Enter a path on this site, starting with “/”.")}
            )
