from collections import Counter
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.generic import DetailView, TemplateView

from newsroom.licensing.attribution import site_root
from newsroom.publication.models import Publication

from . import fragments, preview, search
from .models import (
    Author,
    Brief,
    Country,
    Section,
    TaggedCountry,
    Topic,
)

FRAGMENT_SECONDS = 86400


class BriefPageMixin:
    """What the brief page's template needs besides the brief."""

    template_name = "briefs/brief_detail.html"
    context_object_name = "brief"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The scheme and host of the canonical and alternate links, worked
        # out once rather than once per link.
        context["site_root"] = site_root(self.request)
        # How long the page's own {% cache %} fragments keep (none in a live preview).
        context.setdefault("fragment_seconds", FRAGMENT_SECONDS)
        context["own_part_key"] = fragments.own_part_key(
            self.object, Publication.load(), context["site_root"]
        )
        return context


class BriefDetailView(BriefPageMixin, DetailView):
    """A published brief in the page's language."""

    def get_queryset(self):
        return Brief.objects.published().in_language().for_page()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            other = self.brief_in_other_language()
            if other is None:
                raise
        # The slug belongs to a brief in the other language: send the reader
        # to this language's translation when there is one, else to the brief.
        translation = other.translation
        if translation is not None and translation.is_public:
            return redirect(translation)
        return redirect(other)

    def brief_in_other_language(self):
        return (
            Brief.objects.published()
            .filter(slug=self.kwargs["slug"])
            .exclude(language=get_language())
            .select_related("translation_of")
            .first()
        )


class BriefPreviewView(BriefPageMixin, DetailView):
    """A draft or scheduled brief, shown to whoever holds a valid signed link."""

    queryset = Brief.objects.for_page()

    def get_object(self, queryset=None):
        brief_id = preview.read_token(self.kwargs["token"])
        if brief_id is None:
            raise Http404("Invalid or expired preview link")
        return get_object_or_404(self.get_queryset(), pk=brief_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response


# Counts of archives bigger than this are kept in the cache for a while: a
# COUNT over a large archive costs tens of milliseconds on every page view,
# while small archives are counted exactly each time.
CACHED_COUNT_ABOVE = 1000
CACHED_COUNT_SECONDS = 300
CARD_DEFERRED = ("news", "analysis", "search_vector")


class BriefPaginator(Paginator):
    """Pages of a brief queryset that stay fast deep into a large archive.

    A page is read in two steps: the ids of its briefs, through the indexes
    alone, then those briefs for their cards; so page 500 does not drag the
    text of 10,000 skipped briefs through the database. A large archive's
    count comes from the cache; a page number past a stale count is checked
    against a fresh one before it becomes a 404.
    """

    def __init__(self, object_list, per_page, count_key=None):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key:
            cached = cache.get(self.count_key)
            if cached is not None:
                return cached
        return self.fresh_count()

    def fresh_count(self):
        count = self.object_list.count()
        self.__dict__["count"] = count
        self.__dict__.pop("num_pages", None)
        if self.count_key and count > CACHED_COUNT_ABOVE:
            cache.set(self.count_key, count, CACHED_COUNT_SECONDS)
        return count

    def page(self, number):
        try:
            number = self.validate_number(number)
        except EmptyPage:
            if not self.count_key:
                raise
            self.fresh_count()
            number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(
            self.object_list.values_list("pk", flat=True)[
                bottom : bottom + self.per_page
            ]
        )
        if not ids and number > 1:
            if self.count_key:
                self.fresh_count()
            raise EmptyPage("That page contains no results")
        briefs = (
            Brief.objects.for_cards().defer(*CARD_DEFERRED).in_bulk(ids) if ids else {}
        )
        return self._get_page([briefs[pk] for pk in ids], number, self)


def paginate(request, paginator):
    """The requested page; a page number that is not a page is a 404."""
    number = request.GET.get("page", "1")
    # Only plain page numbers: not "0", "-1", "1e3", " 2" or a thousand digits.
    if not number.isdigit() or not number.isascii() or len(number) > 9:
        raise Http404("No such page")
    try:
        page = paginator.page(number)
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page") from None
    page.elided_page_range = list(paginator.get_elided_page_range(page.number))
    return page


def country_groups(briefs, groups=4, per_group=3):
    """The countries with the most of ``briefs``, each with its newest briefs.

    ``briefs`` come newest first. Each brief appears in one group at most.
    """
    tagged = TaggedCountry.objects.filter(
        content_object__in=[brief.pk for brief in briefs]
    ).select_related("tag")
    countries_of = {}
    for row in tagged:
        countries_of.setdefault(row.content_object_id, []).append(row.tag)
    counts = Counter()
    for brief in briefs:
        counts.update(countries_of.get(brief.pk, []))
    # Most briefs first; among equals, the country seen first, in the newer brief.
    first_seen = {}
    for brief in briefs:
        for country in countries_of.get(brief.pk, []):
            first_seen.setdefault(country, len(first_seen))
    ranked = sorted(counts, key=lambda country: (-counts[country], first_seen[country]))
    shown, result = set(), []
    for country in ranked:
        items = [
            brief
            for brief in briefs
            if brief.pk not in shown and country in countries_of.get(brief.pk, [])
        ][:per_group]
        if not items:
            continue
        shown.update(brief.pk for brief in items)
        result.append({"country": country, "briefs": items})
        if len(result) == groups:
            break
    return result


class HomeView(TemplateView):
    """The lead brief, the latest briefs, a few countries, and the About block."""

    template_name = "briefs/home.html"
    latest_count = 6
    # Country groups are drawn from this many recent briefs.
    window = 60
    organization_count = 3

    def get_queryset(self):
        return Brief.objects.published().in_language().for_cards().defer(*CARD_DEFERRED)

    def get_organization_posts(self):
        """The About block's posts, newest first.

        They are few and can be old. Asked for by section id, they come from
        the ``brief_section_listing`` index in order; joined on the section's
        flag, PostgreSQL may instead walk every brief newest first to find
        them.
        """
        return self.get_queryset().filter(section_id__in=Section.organization_ids())[
            : self.organization_count
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recent = list(
            self.get_queryset().filter(section__is_organization=False)[: self.window]
        )
        context["lead"] = recent[0] if recent else None
        context["latest"] = recent[1 : self.latest_count + 1]
        context["country_groups"] = country_groups(recent[self.latest_count + 1 :])
        context["organization_posts"] = list(self.get_organization_posts())
        return context


class ArchiveView(TemplateView):
    """Published briefs of one country, topic, author or section, newest first."""

    template_name = "briefs/archive.html"
    archive_model = None
    archive_kind = ""

    def get_archive_object(self):
        return get_object_or_404(self.archive_model, slug=self.kwargs["slug"])

    def get_queryset(self):
        return Brief.objects.published().in_language().in_archive(self.archive)

    def get_context_data(self, **kwargs):
        self.archive = self.get_archive_object()
        language = get_language()
        paginator = BriefPaginator(
            self.get_queryset(),
            settings.NEWSROOM_PAGE_SIZE,
            count_key=f"briefs:archive-count:{self.archive_kind}:"
            f"{self.archive.pk}:{language}",
        )
        page = paginate(self.request, paginator)
        return super().get_context_data(
            archive=self.archive,
            archive_kind=self.archive_kind,
            page_obj=page,
            briefs=page.object_list,
            **kwargs,
        )


class CountryArchiveView(ArchiveView):
    archive_model = Country
    archive_kind = "country"


class TopicArchiveView(ArchiveView):
    archive_model = Topic
    archive_kind = "topic"


class AuthorArchiveView(ArchiveView):
    archive_model = Author
    archive_kind = "author"
    template_name = "briefs/author_detail.html"


class SectionArchiveView(ArchiveView):
    archive_model = Section
    archive_kind = "section"


class TagIndexView(TemplateView):
    """Every country or topic, with how many published briefs it has here."""

    template_name = "briefs/tag_index.html"
    tag_model = None
    archive_kind = ""

    def get_tags(self):
        to_brief = "tagged_briefs__content_object__"
        published_here = Q(
            **{
                f"{to_brief}status": Brief.Status.PUBLISHED,
                f"{to_brief}published_at__lte": timezone.now(),
                f"{to_brief}language": get_language(),
            }
        )
        tags = self.tag_model.objects.annotate(
            brief_count=Count("tagged_briefs", filter=published_here)
        )
        # In the page's language's alphabetical order ("Perú", "México").
        return sorted(tags, key=lambda tag: tag.display_name.casefold())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tags=self.get_tags(), archive_kind=self.archive_kind, **kwargs
        )


class CountryIndexView(TagIndexView):
    tag_model = Country
    archive_kind = "country"


class TopicIndexView(TagIndexView):
    tag_model = Topic
    archive_kind = "topic"


class SearchView(TemplateView):
    """Full-text search with country, topic and date filters."""

    template_name = "briefs/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = search.SearchForm(
            self.request.GET,
            countries=Country.objects.all(),
            topics=Topic.objects.all(),
        )
        context["form"] = form
        if not form.is_valid() or not form.cleaned_data["q"]:
            return context
        language = get_language()
        briefs = search.filter_briefs(
            Brief.objects.published().in_language(language), form
        )
        words = form.cleaned_data["q"]
        matches, ids = search.search(briefs, words, language)
        page = paginate(self.request, Paginator(ids, settings.NEWSROOM_PAGE_SIZE))
        page.object_list = search.results(
            Brief.objects.published().for_cards().defer(*CARD_DEFERRED),
            page.object_list,
            words,
            language,
        )
        for brief in page.object_list:
            if hasattr(brief, "snippet_html"):
                brief.title_html = search.highlighted(brief.title_html)
                brief.snippet_html = search.highlighted(
                    brief.snippet_html, source_is_html=True
                )
        query = {
            name: value
            for name, value in self.request.GET.items()
            if name != "page" and value
        }
        context.update(
            query=words,
            more_results=matches > search.MAX_RESULTS,
            max_results=search.MAX_RESULTS,
            page_obj=page,
            results=page.object_list,
            page_query=urlencode(query) + "&" if query else "",
        )
        return context
