"""The brief: its fields, the rules for who may see it, and what a page loads.

Just over 400 lines because the Brief model, its queryset and its validation
are one unit; authors, links and taxonomy are their own modules already.
"""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from newsroom.html import sanitize_html
from newsroom.validators import validate_image_upload

from .authors import Author, BriefAuthor
from .links import SeeAlsoLink
from .taxonomy import Country, Language, Section, Topic

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
}


class BriefQuerySet(models.QuerySet):
    def published(self):
        """Briefs a reader may see: published, and whose time has come."""
        return self.filter(
            status=Brief.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def in_language(self, language=None):
        return self.filter(language=language or get_language() or Language.ENGLISH)

    def in_archive(self, archive):
        """Briefs listed on a country, topic, author or section page."""
        lookup = {
            Country: "taggedcountry__tag",
            Topic: "taggedtopic__tag",
            Author: "briefauthor__author",
            Section: "section",
        }[type(archive)]
        return self.filter(**{lookup: archive})

    def with_bylines(self):
        """Authors in byline order, as ``brief.bylines``, in one extra query."""
        return self.prefetch_related(
            models.Prefetch(
                "briefauthor_set",
                queryset=BriefAuthor.objects.select_related("author"),
                to_attr="bylines",
            )
        )

    def for_cards(self):
        """What a list card shows (section, kicker) without a query per card."""
        return self.select_related("section", "primary_country", "primary_topic")

    def for_page(self):
        """What the brief page shows, in six queries however much there is.

        The brief with its section, kicker tags, license and original joined
        in; then its bylines, countries, topics, see-also links (with their
        targets) and translations, one query each. Linked briefs bring only
        what a link needs (``LINK_FIELDS``); the search document stays behind.
        """
        see_also = SeeAlsoLink.objects.select_related(
            "target_brief", "target_country", "target_topic"
        ).only(
            *(field.name for field in SeeAlsoLink._meta.concrete_fields),
            *(f"target_brief__{name}" for name in LINK_FIELDS),
        )
        return (
            self.select_related(
                "section",
                "primary_country",
                "primary_topic",
                "license",
                "translation_of",
            )
            .defer(
                "search_vector",
                *(f"translation_of__{name}" for name in HEAVY_FIELDS),
            )
            .with_bylines()
            .prefetch_related(
                "countries",
                "topics",
                models.Prefetch("see_also", queryset=see_also),
                models.Prefetch(
                    "translations", queryset=Brief.objects.only(*LINK_FIELDS)
                ),
            )
        )


# What a link to a brief needs (a see-also target, a translation link, a
# sitemap entry): its address and whether it is public.
LINK_FIELDS = ("title", "slug", "language", "status", "published_at", "translation_of")
# Columns a list of briefs never shows: the texts and the search document.
HEAVY_FIELDS = ("news", "analysis", "search_vector")


class Brief(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Ready for review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        allow_unicode=False,
        help_text=_("The last part of the brief's address; unique within a language."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "The dek: shown under the headline, on cards, in feeds and search results."
        ),
    )
    news = ProseEditorField(_("news"), extensions=RICH_TEXT_EXTENSIONS, sanitize=True)
    analysis = ProseEditorField(
        _("analysis"), extensions=RICH_TEXT_EXTENSIONS, sanitize=True, blank=True
    )
    no_analysis = models.BooleanField(
        _("This brief has no analysis"),
        default=False,
        help_text=_("Tick it to publish the news alone, without the check's warning."),
    )
    analysis_heading = models.CharField(
        _("analysis heading"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for the publication's default heading."),
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="briefs",
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
        help_text=_("The original brief this one translates."),
    )
    authors = models.ManyToManyField(
        Author, through="BriefAuthor", verbose_name=_("authors"), related_name="briefs"
    )
    countries = TaggableManager(
        verbose_name=_("countries"),
        through="TaggedCountry",
        related_name="briefs",
        blank=True,
        help_text=_("A comma-separated list of countries."),
    )
    topics = TaggableManager(
        verbose_name=_("topics"),
        through="TaggedTopic",
        related_name="briefs",
        blank=True,
        help_text=_("A comma-separated list of topics."),
    )
    primary_country = models.ForeignKey(
        Country,
        verbose_name=_("kicker country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    primary_topic = models.ForeignKey(
        Topic,
        verbose_name=_("kicker topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set a topic to use it as the kicker instead of the country."),
    )
    license = models.ForeignKey(
        "licensing.License",
        verbose_name=_("license"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="briefs",
        help_text=_("Leave empty for the publication's default license."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_(
            "A time in the future schedules the brief: it appears on the site then."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    featured_image = models.ImageField(
        _("featured image"),
        upload_to="briefs/",
        blank=True,
        validators=[validate_image_upload],
    )
    image_alt = models.CharField(_("image alt text"), max_length=250, blank=True)
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    image_license_covered = models.BooleanField(
        _("image is covered by the brief's license"),
        default=False,
        help_text=_(
            "Untick for agency or third-party photos: republishers do not get them."
        ),
    )
    related = models.ManyToManyField(
        "self",
        through="RelatedBrief",
        symmetrical=False,
        verbose_name=_("related briefs"),
        related_name="+",
        blank=True,
    )
    # Weighted full-text document for search on PostgreSQL, written by
    # briefs.search.update_search_vectors after every save; its GIN index is
    # created by migration 0002 on PostgreSQL only. Stays empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = BriefQuerySet.as_manager()

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="brief_slug_unique_per_language"
            ),
        ]
        indexes = [
            models.Index(
                fields=["language", "status", "-published_at", "-id"],
                name="brief_listing",
            ),
            # With -id, a section page's ids come from the index alone, in
            # order: page 500 of a large section reads 10,000 index entries
            # and no table rows.
            models.Index(
                fields=["section", "language", "status", "-published_at", "-id"],
                name="brief_section_listing",
            ),
            # Lets joins from the tag and byline tables (archives, related
            # content) check visibility and order by date from the index alone.
            models.Index(
                fields=["id", "language", "status", "published_at", "translation_of"],
                name="brief_visibility",
            ),
            # The next scheduled publication, which starts a new content
            # version (newsroom.cache.next_scheduled_change), is the first
            # entry after now rather than a scan of every brief.
            models.Index(fields=["published_at"], name="brief_schedule"),
            # The sitemaps' lastmod: the latest change to a published brief,
            # the first entry rather than a pass over every brief.
            models.Index(fields=["status", "updated_at"], name="brief_updated"),
        ]
        permissions = [("publish_brief", _("Can publish and schedule briefs"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.news = sanitize_html(self.news)
        self.analysis = sanitize_html(self.analysis)
        if not self.slug:
            self.slug = slugify(self.title)[:200] or "brief"
        if self.license_id is None:
            from newsroom.publication.models import Publication

            self.license_id = Publication.load().default_license_id
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        from ..search import update_search_vectors

        update_search_vectors(Brief.objects.filter(pk=self.pk))

    def get_absolute_url(self):
        # A brief's address is in its own language, whatever the page's.
        with translation.override(self.language):
            return reverse("briefs:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.translation_of_id:
            if self.translation_of_id == self.pk:
                raise ValidationError(
                    {"translation_of": _("A brief cannot translate itself.")}
                )
            original = self.translation_of
            if original.language == self.language:
                raise ValidationError(
                    {"translation_of": _("A translation must be in another language.")}
                )
            # One original, one translation per language: what "Create
            # translation" and the language switcher rely on.
            if original.translation_of_id:
                raise ValidationError(
                    {
                        "translation_of": _(
                            "Choose the original brief, not one of its translations."
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
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def kicker(self):
        """The primary tag shown above the headline."""
        return self.primary_topic or self.primary_country

    def set_default_kicker(self):
        """Make the first country the kicker when the editor chose none."""
        if self.primary_country_id or self.primary_topic_id:
            return
        first = self.countries.order_by("tagged_briefs__id").first()
        if first is None:
            first_topic = self.topics.order_by("tagged_briefs__id").first()
            if first_topic is not None:
                Brief.objects.filter(pk=self.pk).update(primary_topic=first_topic)
                self.primary_topic = first_topic
            return
        Brief.objects.filter(pk=self.pk).update(primary_country=first)
        self.primary_country = first

    def get_analysis_heading(self, publication=None):
        if self.analysis_heading:
            return self.analysis_heading
        if publication is None:
            from newsroom.publication.models import Publication

            publication = Publication.load()
        with translation.override(self.language):
            return publication.analysis_heading_text()

    @property
    def translation(self):
        """The brief's counterpart in the other language, if any (published or not)."""
        if self.translation_of_id:
            return self.translation_of
        return next(iter(self.translations.all()), None)
