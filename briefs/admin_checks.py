"""Checks before publishing: what a brief may lack before readers see it.

``checks(brief, data)`` returns a list of ``(level, message)``; each check is a
small function below. The change form shows them beside the fields
(``ChecksAdmin.pre_publish_checks``), a save repeats them as messages, and the
one ``ERROR`` (a featured image without alt text) stops a brief from being
published (``ChecksForm``). Word counts are here too, for the panel; the form
counts again as the editor types (static/js/brief-wordcount.js).
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin, messages
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import Brief

ERROR, WARNING = "error", "warning"
HEADLINE_MAX = 60  # what search results show of a title
SUMMARY_MIN, SUMMARY_MAX = 50, 160  # the meta description (brief_detail.html)
WORDS_PER_MINUTE = 200


# Tags that end a word; inline ones (b, a, em) do not.
BLOCKS = {"p", "li", "ul", "ol", "h2", "h3", "h4", "blockquote", "br", "hr", "div"}


class _Text(HTMLParser):
    """The words and the link targets of a piece of rich text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.parts, self.hrefs = [], []
        self.feed(html or "")
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)

    @property
    def words(self):
        return len("".join(self.parts).split())


def word_count(html):
    return _Text(html).words


def reading_minutes(words):
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


def count_label(words):
    """ "230 words, 1 min read": what the panel and the script show."""
    text = ngettext("%(count)d word", "%(count)d words", words) % {"count": words}
    if not words:
        return text
    minutes = reading_minutes(words)
    read = ngettext("%(minutes)d min read", "%(minutes)d min read", minutes) % {
        "minutes": minutes
    }
    return f"{text}, {read}"


def _value(brief, data, name):
    if data is not None and name in data:
        return data[name]
    return getattr(brief, name)


def check_headline(brief, data):
    length = len(_value(brief, data, "title") or "")
    if length > HEADLINE_MAX:
        return [
            (
                WARNING,
                _(
                    "The headline has %(length)d characters: search results show "
                    "about %(limit)d."
                )
                % {"length": length, "limit": HEADLINE_MAX},
            )
        ]
    return []


def check_summary(brief, data):
    length = len((_value(brief, data, "summary") or "").strip())
    if SUMMARY_MIN <= length <= SUMMARY_MAX:
        return []
    return [
        (
            WARNING,
            _(
                "The summary has %(length)d characters: as the description in "
                "search results it reads best with %(min)d to %(max)d."
            )
            % {"length": length, "min": SUMMARY_MIN, "max": SUMMARY_MAX},
        )
    ]


def check_image_alt(brief, data):
    image = _value(brief, data, "featured_image")
    alt = (_value(brief, data, "image_alt") or "").strip()
    if image and not alt:
        return [
            (
                ERROR,
                _(
                    "The featured image has no alt text: describe it for readers "
                    "who cannot see it. A brief cannot be published without it."
                ),
            )
        ]
    return []


def check_countries(brief, data):
    if data is not None and "countries" in data:
        countries = list(data["countries"] or [])
    else:
        countries = list(brief.countries.all()) if brief.pk else []
    if not countries:
        return [(WARNING, _("The brief has no country."))]
    return []


def check_analysis(brief, data):
    if word_count(_value(brief, data, "analysis")) or _value(
        brief, data, "no_analysis"
    ):
        return []
    return [
        (
            WARNING,
            _("The analysis is empty: write it, or tick “This brief has no analysis”."),
        )
    ]


def check_see_also(brief, data):
    if not brief.pk:
        return []
    links = brief.see_also.filter(target_brief__isnull=False).select_related(
        "target_brief"
    )
    return [
        (
            WARNING,
            _("The see-also link “%(label)s” points to a brief that is not public.")
            % {"label": link.label},
        )
        for link in links
        if not link.target_brief.is_public
    ]


def _linked_brief(href):
    """The (language, slug) of a brief on this site that ``href`` points to."""
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https"):
        return None
    host = (parts.hostname or "").lower()
    if host and host not in {name.lower() for name in settings.ALLOWED_HOSTS}:
        return None
    # The address carries its language: resolve it in that language.
    language = parts.path.strip("/").split("/", 1)[0]
    if language not in dict(settings.LANGUAGES):
        return None
    try:
        with translation.override(language):
            match = resolve(parts.path)
    except Resolver404:
        return None
    if match.view_name != "briefs:detail":
        return None
    return language, match.kwargs["slug"]


def check_draft_links(brief, data):
    found = []
    for name in ("news", "analysis"):
        for href in _Text(_value(brief, data, name)).hrefs:
            target = _linked_brief(href)
            if target is None:
                continue
            linked = Brief.objects.filter(language=target[0], slug=target[1]).first()
            if linked is not None and not linked.is_public:
                found.append(
                    (
                        WARNING,
                        _("The text links to “%(brief)s”, which is not public.")
                        % {"brief": linked},
                    )
                )
    return found


CHECKS = [
    check_headline,
    check_summary,
    check_image_alt,
    check_countries,
    check_analysis,
    check_see_also,
    check_draft_links,
]


def checks(brief, data=None):
    """Every check's findings for ``brief``, ``data`` (cleaned data) first."""
    return [finding for check in CHECKS for finding in check(brief, data)]


def hold_back_without_alt(model_admin, request, queryset):
    """``queryset`` less the briefs the publish action may not publish."""
    blocked = queryset.exclude(featured_image="").filter(image_alt__regex=r"^\s*$")
    for brief in blocked:
        model_admin.message_user(
            request,
            _("“%(brief)s”: %(problem)s")
            % {"brief": brief, "problem": check_image_alt(brief, None)[0][1]},
            messages.WARNING,
        )
    return queryset.exclude(pk__in=blocked.values("pk"))


class ChecksForm:
    """Mixed into the brief's admin form: no publishing an image without alt."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Brief.Status.PUBLISHED:
            for _level, message in check_image_alt(self.instance, cleaned):
                self.add_error("image_alt", message)
        return cleaned


class ChecksAdmin:
    """Mixed into the brief's admin: the checks panel and the save messages."""

    class Media:
        js = ["js/brief-wordcount.js"]

    @admin.display(description=gettext_lazy("Checks before publishing"))
    def pre_publish_checks(self, obj):
        counts = [
            (field, Brief._meta.get_field(field).verbose_name, count_label(words))
            for field, words in (
                ("news", word_count(obj.news)),
                ("analysis", word_count(obj.analysis)),
            )
        ]
        return render_to_string(
            "admin/briefs/brief/checks.html",
            {"saved": obj.pk is not None, "findings": checks(obj), "counts": counts},
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for _level, message in checks(form.instance):
            self.message_user(request, message, messages.WARNING)
