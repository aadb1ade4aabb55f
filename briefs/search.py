"""Searching published briefs.

On PostgreSQL a brief's title, summary, news and analysis are stored as one
weighted ``tsvector`` (``Brief.search_vector``, GIN-indexed) in the brief's own
language, and a search ranks matches and returns highlighted snippets. Other
databases get a plain fallback: every word must appear somewhere in the brief,
newest first.
"""

import html
import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections
from django.db.models import Case, F, Func, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
# A search ranks at most this many matches, the most recent ones: ranking
# every brief that contains a common word would cost seconds on a large archive.
MAX_RESULTS = 1000
# Words the fallback search looks for; more than this and the query is cut.
MAX_FALLBACK_WORDS = 10
TEXT_SEARCH_CONFIGS = {"en": "english", "es": "spanish"}
# The dates a filter accepts. Python's dates end at 9999-12-31, and a filter
# reaches one day past its end date in the site's time zone: a bound well
# inside that range keeps every date the form accepts one the query can use.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)

# Private-use characters mark the highlighted words in PostgreSQL's snippets,
# so that the snippet can be escaped as plain text before <mark> goes in.
_START, _STOP = "\ue000", "\ue001"
_WORD = re.compile(r"\w+")


def text_search_config(language):
    return TEXT_SEARCH_CONFIGS.get(language, "english")


def _strip_tags(expression):
    """Plain text of an HTML column, for snippets (the parser skips tags itself)."""
    return Func(
        expression,
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def document_vector():
    """The weighted search document of a brief, in its language's configuration."""
    config = Case(
        *(
            When(language=language, then=Value(config))
            for language, config in TEXT_SEARCH_CONFIGS.items()
        ),
        default=Value("english"),
    )
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("news", weight="C", config=config)
        + SearchVector("analysis", weight="D", config=config)
    )


def update_search_vectors(queryset):
    """Recompute the stored search document of ``queryset`` in one UPDATE."""
    if connections[queryset.db].vendor != "postgresql":
        return
    queryset.update(search_vector=document_vector())


def uses_full_text_search(queryset):
    return connections[queryset.db].vendor == "postgresql"


class DateInput(forms.DateInput):
    """A date picker that leaves out a value it could not read.

    ``<input type="date">`` only accepts YYYY-MM-DD; the error message says
    what was wrong with the rest.
    """

    input_type = "date"

    def __init__(self):
        super().__init__(
            format="%Y-%m-%d",
            attrs={"min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()},
        )

    def format_value(self, value):
        value = super().format_value(value)
        if not value:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            datetime.strptime(value, "%Y-%m-%d")
        except ValueError:
            return None
        return value


def filter_date_field(label):
    """An optional date between ``MIN_DATE`` and ``MAX_DATE``."""
    message = _("Enter a date between %(min)s and %(max)s.") % {
        "min": MIN_DATE.isoformat(),
        "max": MAX_DATE.isoformat(),
    }
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput(),
        validators=[
            MinValueValidator(MIN_DATE, message=message),
            MaxValueValidator(MAX_DATE, message=message),
        ],
    )


class SearchForm(forms.Form):
    """The search box and its filters; country and topic choices come from the view."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Your search is too long: use at most %(limit_value)d characters."
            )
        },
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, data, countries, topics):
        super().__init__(data)
        # "from" and "to" are the natural names in the address, but not valid
        # Python identifiers for declared fields.
        self.fields["from"] = filter_date_field(_("From"))
        self.fields["to"] = filter_date_field(_("To"))
        self.countries = {tag.slug: tag for tag in countries}
        self.topics = {tag.slug: tag for tag in topics}
        any_choice = [("", _("Any"))]
        self.fields["country"].choices = any_choice + [
            (tag.slug, tag.display_name) for tag in countries
        ]
        self.fields["topic"].choices = any_choice + [
            (tag.slug, tag.display_name) for tag in topics
        ]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", _("The end date is before the start date."))
        query = cleaned.get("q")
        if query and not _WORD.search(query):
            self.add_error(
                "q",
                _(
                    "Search for words: quotes, operators and punctuation alone "
                    "find nothing."
                ),
            )
        return cleaned

    @property
    def filters_used(self):
        return any(self.data.get(name) for name in ("country", "topic", "from", "to"))


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def filter_briefs(queryset, form):
    """Apply the form's country, topic and date filters."""
    data = form.cleaned_data
    if data.get("country"):
        queryset = queryset.filter(taggedcountry__tag=form.countries[data["country"]])
    if data.get("topic"):
        queryset = queryset.filter(taggedtopic__tag=form.topics[data["topic"]])
    if data.get("from"):
        queryset = queryset.filter(published_at__gte=_day_start(data["from"]))
    if data.get("to"):
        queryset = queryset.filter(
            published_at__lt=_day_start(data["to"] + timedelta(days=1))
        )
    return queryset


def _tsquery(query, language):
    return SearchQuery(
        query, config=text_search_config(language), search_type="websearch"
    )


def search(queryset, query, language):
    """The briefs of ``queryset`` matching ``query``: ``(match_count, ids)``.

    ``match_count`` counts up to ``MAX_RESULTS`` + 1 matches, the most recent
    ones; ``ids`` are those (up to ``MAX_RESULTS``), best first. On PostgreSQL
    each match's rank is read in the same scan that finds it, and the matches
    are ordered here (rank, then newest): ranking them in a second query read
    every match's search document again and sent their ids back as parameters,
    which made a broad search on a large archive several times slower than on
    a small one. Elsewhere the newest come first. ``results`` reads the briefs
    of a page of ids.
    """
    newest_first = ("-published_at", "-id")
    if uses_full_text_search(queryset):
        tsquery = _tsquery(query, language)
        matches = list(
            queryset.filter(search_vector=tsquery)
            .annotate(rank=SearchRank(F("search_vector"), tsquery))
            .order_by(*newest_first)
            .values_list("pk", "rank")[: MAX_RESULTS + 1]
        )
        # A stable sort: among equal ranks, the newest first, as read.
        ranked = sorted(matches[:MAX_RESULTS], key=lambda match: -match[1])
        return len(matches), [pk for pk, _rank in ranked]
    matches = queryset
    for word in _WORD.findall(query)[:MAX_FALLBACK_WORDS]:
        matches = matches.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(news__icontains=word)
            | Q(analysis__icontains=word)
        )
    ids = list(
        matches.order_by(*newest_first).values_list("pk", flat=True)[: MAX_RESULTS + 1]
    )
    return len(ids), ids[:MAX_RESULTS]


def results(queryset, ids, query, language):
    """The briefs of ``queryset`` with these ``ids``, in their order.

    On PostgreSQL each carries ``title_html`` and ``snippet_html``: the title
    and an excerpt with the matching words marked (``highlighted`` makes them
    safe HTML). A brief unpublished since the search is left out.
    """
    briefs = queryset.filter(pk__in=ids)
    if uses_full_text_search(queryset):
        tsquery = _tsquery(query, language)
        config = text_search_config(language)
        marks = {"start_sel": _START, "stop_sel": _STOP}
        text = Concat(
            "summary",
            Value(" "),
            _strip_tags(F("news")),
            Value(" "),
            _strip_tags(F("analysis")),
            output_field=TextField(),
        )
        briefs = briefs.annotate(
            title_html=SearchHeadline(
                "title", tsquery, config=config, highlight_all=True, **marks
            ),
            snippet_html=SearchHeadline(
                text,
                tsquery,
                config=config,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
                **marks,
            ),
        )
    found = {brief.pk: brief for brief in briefs}
    return [found[pk] for pk in ids if pk in found]


def highlighted(text, source_is_html=False):
    """A snippet from ``search`` as safe HTML with the matched words marked."""
    if source_is_html:
        text = html.unescape(text)
    text = " ".join(text.split())
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))
