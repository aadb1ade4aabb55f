from django.conf import settings
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
from taggit.models import TagBase, TaggedItemBase

from newsroom.cache import content_cached
from newsroom.html import sanitize_html
from newsroom.localization import SpanishVariants
from newsroom.validators import validate_image_upload

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
        from .search import update_search_vectors

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
            if self.translation_of.language == self.language:
                raise ValidationError(
                    {"translation_of": _("A translation must be in another language.")}
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


class BriefAuthor(models.Model):
    brief = models.ForeignKey(Brief, on_delete=models.CASCADE)
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


class TaggedCountry(TaggedItemBase):
    content_object = models.ForeignKey(Brief, on_delete=models.CASCADE)
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
    content_object = models.ForeignKey(Brief, on_delete=models.CASCADE)
    tag = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="tagged_briefs"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="topic_tag_once"
            )
        ]


class RelatedBrief(models.Model):
    """A related brief picked by hand, shown before the automatic ones."""

    brief = models.ForeignKey(
        Brief, on_delete=models.CASCADE, related_name="related_picks"
    )
    related = models.ForeignKey(
        Brief,
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

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="see_also")
    label = models.CharField(_("label"), max_length=200)
    target_brief = models.ForeignKey(
        Brief,
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
        _("section"), max_length=10, choices=Place.choices, default=Place.NEWS
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
