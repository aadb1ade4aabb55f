from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from briefs.models import Country, Language, Section, Topic


class Placement(models.TextChoices):
    AFTER_NEWS = "after_news", _("After the news section")
    END = "end", _("At the end of the article")
    BANNER = "banner", _("Site-wide banner")


class DonationPromptQuerySet(models.QuerySet):
    def with_targets(self):
        """The prompts, each with ``target_ids``: its targeted ids per list.

        Four queries whatever the number of prompts; the page code matches
        briefs against these sets in Python.
        """
        prompts = list(self)
        by_pk = {prompt.pk: prompt for prompt in prompts}
        for prompt in prompts:
            prompt.target_ids = {name: set() for name, _column in TARGET_LISTS}
        for name, column in TARGET_LISTS:
            rows = getattr(DonationPrompt, name).through.objects.filter(
                donationprompt__in=by_pk
            )
            for prompt_id, target_id in rows.values_list("donationprompt", column):
                by_pk[prompt_id].target_ids[name].add(target_id)
        return prompts


# The targeting lists of a prompt and the through-table column of each.
TARGET_LISTS = (
    ("countries", "country"),
    ("topics", "topic"),
    ("sections", "section"),
)


class DonationPrompt(models.Model):
    """A call for donations that editors place on the site and aim at briefs."""

    name = models.CharField(
        _("internal name"),
        max_length=120,
        help_text=_("Only editors see it, in the admin and the reports."),
    )
    heading = models.CharField(_("heading"), max_length=150)
    message = models.TextField(_("message"), max_length=1000)
    button_label = models.CharField(_("button label"), max_length=40, default="Donate")
    url = models.URLField(
        _("destination URL"),
        max_length=500,
        validators=[URLValidator(schemes=["https"])],
        help_text=_("Where the button leads; must start with https://."),
    )
    placement = models.CharField(
        _("placement"), max_length=12, choices=Placement.choices, default=Placement.END
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="donation_prompts",
        help_text=_("Show only on briefs tagged with one of these countries."),
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="donation_prompts",
        help_text=_("Show only on briefs tagged with one of these topics."),
    )
    sections = models.ManyToManyField(
        Section,
        verbose_name=_("sections"),
        blank=True,
        related_name="donation_prompts",
        help_text=_("Show only on briefs in one of these sections."),
    )
    active_from = models.DateTimeField(
        _("active from"), null=True, blank=True, help_text=_("Empty: from now on.")
    )
    active_until = models.DateTimeField(
        _("active until"), null=True, blank=True, help_text=_("Empty: no end.")
    )
    priority = models.SmallIntegerField(
        _("priority"),
        default=0,
        help_text=_(
            "When several prompts fit a page, targeted prompts win over untargeted "
            "ones, then the higher priority."
        ),
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DonationPromptQuerySet.as_manager()

    class Meta:
        verbose_name = _("donation prompt")
        verbose_name_plural = _("donation prompts")
        ordering = ["placement", "language", "-priority", "name"]
        indexes = [
            models.Index(fields=["language", "enabled"], name="prompt_language_enabled")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (
            self.active_from
            and self.active_until
            and self.active_until <= self.active_from
        ):
            raise ValidationError(
                {"active_until": _("The end must come after the start.")}
            )

    def is_active(self, now=None):
        """Whether the prompt is enabled and within its time window at ``now``."""
        now = now or timezone.now()
        return (
            self.enabled
            and (self.active_from is None or self.active_from <= now)
            and (self.active_until is None or self.active_until > now)
        )

    @classmethod
    def best_per_placement(cls, language, brief=None, now=None):
        """``{placement: prompt}`` for a page: at most one prompt per placement.

        A prompt fits when it is active, in the page's language, and every
        targeting list it fills in (countries, topics, sections) shares at least
        one entry with the brief; an empty list matches everything. Pages
        without a brief only get untargeted prompts. Targeted prompts win, then
        higher priority, then the one that targets more lists, then the most
        recently edited.

        The enabled, unexpired prompts and their targets are site settings like
        the Publication: they are read once per content version (any edit to
        a prompt changes it) and matched here without a query.
        """
        now = now or timezone.now()
        if brief is None:
            brief_ids = None
        else:
            brief_ids = {
                "countries": {tag.pk for tag in brief.countries.all()},
                "topics": {tag.pk for tag in brief.topics.all()},
                "sections": {brief.section_id},
            }
        best = {}
        fitting = (
            prompt
            for prompt in cls.candidates()
            if prompt.language == language
            and prompt.is_active(now)
            and prompt.fits(brief_ids)
        )
        for prompt in sorted(fitting, key=lambda prompt: prompt.rank, reverse=True):
            best.setdefault(prompt.placement, prompt)
        return best

    @classmethod
    def candidates(cls):
        """Enabled prompts that have not ended, with their ``target_ids``.

        Kept until the content changes (see ``newsroom.cache.content_cached``);
        ``is_active()`` still decides on each page whether a prompt has started.
        """
        from newsroom.cache import content_cached

        return content_cached("donation-prompts", cls.load_candidates)

    @classmethod
    def load_candidates(cls):
        now = timezone.now()
        return cls.objects.filter(
            Q(active_until__isnull=True) | Q(active_until__gt=now), enabled=True
        ).with_targets()

    def fits(self, brief_ids):
        """Whether every targeting list filled in shares an id with ``brief_ids``.

        ``brief_ids`` maps list names to the brief's ids; None for a page
        without a brief, which only untargeted prompts fit.
        """
        for name, ids in self.target_ids.items():
            if ids and (brief_ids is None or ids.isdisjoint(brief_ids[name])):
                return False
        return True

    @property
    def rank(self):
        """Sort key among the prompts that fit a page: higher is better."""
        targeted = sum(1 for ids in self.target_ids.values() if ids)
        return (targeted > 0, self.priority, targeted, self.updated_at, self.pk)


class DonationClick(models.Model):
    """How many times a prompt's button was clicked on one brief on one day."""

    prompt = models.ForeignKey(
        DonationPrompt,
        verbose_name=_("donation prompt"),
        on_delete=models.CASCADE,
        related_name="clicks",
    )
    brief = models.ForeignKey(
        "briefs.Brief",
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="donation_clicks",
        help_text=_("Empty for clicks on pages that are not a brief (the banner)."),
    )
    day = models.DateField(_("day"))
    clicks = models.PositiveIntegerField(_("clicks"), default=0)

    # Written by reader traffic, never shown on public pages: the page cache
    # does not need to forget anything when a click is counted.
    affects_public_pages = False

    class Meta:
        verbose_name = _("donation click")
        verbose_name_plural = _("donation clicks")
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["prompt", "brief", "day"], name="donation_click_once_per_day"
            ),
            # NULLs are distinct in unique constraints: clicks without a brief
            # need their own constraint to stay one row per prompt and day.
            models.UniqueConstraint(
                fields=["prompt", "day"],
                condition=Q(brief__isnull=True),
                name="donation_click_once_per_day_no_brief",
            ),
        ]

    def __str__(self):
        return f"{self.prompt} · {self.day} · {self.clicks}"

    @classmethod
    def record(cls, prompt, brief=None, day=None):
        """Count one click; safe when many readers click at the same moment."""
        day = day or timezone.localdate()
        rows = cls.objects.filter(prompt=prompt, brief=brief, day=day)
        if rows.update(clicks=F("clicks") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(prompt=prompt, brief=brief, day=day, clicks=1)
        except IntegrityError:
            # Another request created the row between our update and insert.
            rows.update(clicks=F("clicks") + 1)
