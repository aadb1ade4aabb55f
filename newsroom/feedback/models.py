from django.db import models
from django.utils.translation import gettext_lazy as _

from briefs.models import Brief, Language

MAX_TEXT = 5000


class Vote(models.Model):
    """A reader's answer to "Was this content helpful?" on one brief.

    Readers have no account and get no cookie: ``reader`` is a keyed hash of
    their address (an IPv6 address by its /64), the brief and the day (see
    ``guards.reader_key``). So one address has one counted vote per brief per
    day: a second vote that day replaces the first, the next day's is a new
    row. The browser is not part of it, and the address itself is never
    stored. Rows from before the day was part of the key keep their old keys.
    """

    brief = models.ForeignKey(
        Brief,
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        related_name="feedback_votes",
    )
    reader = models.CharField(_("reader key"), max_length=64, editable=False)
    helpful = models.BooleanField(_("helpful"))
    suggestion = models.TextField(
        _("what could we improve"), max_length=MAX_TEXT, blank=True
    )
    created_at = models.DateTimeField(_("voted"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    # Written by reader traffic, never shown on public pages.
    affects_public_pages = False

    class Meta:
        verbose_name = _("helpfulness vote")
        verbose_name_plural = _("helpfulness votes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["brief", "reader"], name="feedback_vote_once_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.brief} · {_('yes') if self.helpful else _('no')}"


class ReaderMessage(models.Model):
    """A comment a reader sent from a brief page, for the editors' inbox."""

    class State(models.TextChoices):
        NEW = "new", _("New")
        READ = "read", _("Read")
        ARCHIVED = "archived", _("Archived")

    brief = models.ForeignKey(
        Brief,
        verbose_name=_("brief"),
        on_delete=models.CASCADE,
        related_name="reader_messages",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    message = models.TextField(_("message"), max_length=MAX_TEXT)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.NEW
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    # Written by reader traffic, never shown on public pages.
    affects_public_pages = False

    class Meta:
        verbose_name = _("reader message")
        verbose_name_plural = _("reader messages")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["state", "-created_at"], name="reader_message_inbox")
        ]

    def __str__(self):
        return f"{self.name} · {self.brief}"


class BriefFeedback(Brief):
    """Briefs seen through their readers' votes, for the admin's feedback report."""

    class Meta:
        proxy = True
        verbose_name = _("feedback per brief")
        verbose_name_plural = _("feedback per brief")
