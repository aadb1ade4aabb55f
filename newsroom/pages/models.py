"""The newsroom's own pages (About, Contact, Privacy, ...) and the header menu."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from briefs.models import Country, Language, Section, Topic
from briefs.models.brief import RICH_TEXT_EXTENSIONS
from newsroom.html import sanitize_html


class PageQuerySet(models.QuerySet):
    def published(self):
        """Pages a reader may see."""
        return self.filter(status=Page.Status.PUBLISHED)

    def in_language(self, language=None):
        return self.filter(language=language or get_language() or Language.ENGLISH)


class Page(models.Model):
    """A page about the newsroom, in one language, maybe translating another."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Role(models.TextChoices):
        # The footer and the demo find these pages by their role, whatever
        # their title and address.
        OTHER = "", _("Other page")
        ABOUT = "about", _("About")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy")
        REPUBLISHING = "republishing", _("Republishing guidelines")
        DONATE = "donate", _("Donate")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        help_text=_("The last part of the page's address; unique within a language."),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_("The original page this one translates."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("A sentence for search engines and link previews."),
    )
    body = ProseEditorField(_("text"), extensions=RICH_TEXT_EXTENSIONS, sanitize=True)
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        default=Role.OTHER,
        help_text=_(
            "What the page is for: the footer links the About and Donate pages "
            "and the republishing guidelines by their role."
        ),
    )
    in_footer = models.BooleanField(_("linked in the footer"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["language", "order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="page_slug_unique_per_language"
            ),
            models.UniqueConstraint(
                fields=["language", "role"],
                condition=~models.Q(role=""),
                name="page_role_once_per_language",
                violation_error_message=_(
                    "Another page in this language already has this role."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # A page's address is in its own language, whatever the current one.
        with translation.override(self.language):
            return reverse("pages:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        original = self.translation_of
        if original is None:
            return
        if original.pk == self.pk:
            raise ValidationError(
                {"translation_of": _("A page cannot translate itself.")}
            )
        if original.language == self.language:
            raise ValidationError(
                {"translation_of": _("A translation must be in another language.")}
            )
        if original.translation_of_id:
            raise ValidationError(
                {
                    "translation_of": _(
                        "Choose the original page, not one of its translations."
                    )
                }
            )
        taken = original.translations.filter(language=self.language)
        if taken.exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "translation_of": _(
                        "“%(original)s” already has a translation in this language."
                    )
                    % {"original": original}
                }
            )

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    @property
    def translation(self):
        """The page's counterpart in the other language, if any."""
        if self.translation_of_id:
            return self.translation_of
        return next(iter(self.translations.all()), None)


class MenuItem(models.Model):
    """An entry of the header menu of one language, in the order the editor sets.

    It points to one thing: a section, country, topic or page archive, or one
    of the index pages of all countries or all topics.
    """

    class Index(models.TextChoices):
        NONE = "", "—"
        COUNTRIES = "countries", _("All countries")
        TOPICS = "topics", _("All topics")

    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(
        _("label"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to show the name of what the item links to."),
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_items",
    )
    index = models.CharField(
        _("index page"), max_length=20, choices=Index.choices, blank=True
    )

    TARGETS = ("section", "country", "topic", "page", "index")

    class Meta:
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")
        ordering = ["language", "order", "id"]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        with translation.override(self.language):
            if self.index:
                return reverse(f"briefs:{self.index}")
            return self.target.get_absolute_url()

    def clean(self):
        super().clean()
        chosen = [name for name in self.TARGETS if getattr(self, name)]
        if len(chosen) != 1:
            raise ValidationError(
                _(
                    "Choose exactly one thing to link to: a section, a country, "
                    "a topic, a page or an index page."
                )
            )
        if self.page and self.page.language != self.language:
            raise ValidationError(
                {"page": _("Choose a page in the menu item's language.")}
            )

    @property
    def target(self):
        return self.section or self.country or self.topic or self.page

    @property
    def text(self):
        if self.label:
            return self.label
        if self.page:
            return self.page.title
        if self.target is not None:
            with translation.override(self.language):
                return self.target.display_name
        return str(self.get_index_display())
