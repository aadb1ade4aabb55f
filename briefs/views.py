from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, TemplateView

from . import preview
from .models import Author, Brief, BriefAuthor, Country, Section, SeeAlsoLink, Topic


def brief_detail_queryset():
    """A brief with everything its page shows, in a fixed number of queries."""
    return Brief.objects.select_related(
        "section", "primary_country", "primary_topic", "license", "translation_of"
    ).prefetch_related(
        Prefetch(
            "briefauthor_set",
            queryset=BriefAuthor.objects.select_related("author"),
            to_attr="bylines",
        ),
        "countries",
        "topics",
        Prefetch(
            "see_also",
            queryset=SeeAlsoLink.objects.select_related(
                "target_brief", "target_country", "target_topic"
            ),
        ),
        "translations",
    )


class BriefDetailView(DetailView):
    template_name = "briefs/brief_detail.html"
    context_object_name = "brief"

    def get_queryset(self):
        return brief_detail_queryset().published()

    def get(self, request, *args, **kwargs):
        language = get_language()
        try:
            self.object = self.get_queryset().get(
                slug=kwargs["slug"], language=language
            )
        except Brief.DoesNotExist:
            # The slug may belong to a brief in the other language: send the reader
            # to this language's translation when there is one, else to the brief.
            other = (
                Brief.objects.published()
                .filter(slug=kwargs["slug"])
                .exclude(language=language)
                .select_related("translation_of")
                .first()
            )
            if other is None:
                raise Http404("No brief here") from None
            translation = other.translation
            if translation is not None and translation.is_public:
                return redirect(translation)
            return redirect(other)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)


class BriefPreviewView(DetailView):
    """A draft or scheduled brief, shown to whoever holds a valid signed link."""

    template_name = "briefs/brief_detail.html"
    context_object_name = "brief"

    def get_object(self, queryset=None):
        brief_id = preview.read_token(self.kwargs["token"])
        if brief_id is None:
            raise Http404("Invalid or expired preview link")
        return get_object_or_404(brief_detail_queryset(), pk=brief_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response


def paginate(request, queryset, per_page=None):
    """The requested page; a page number that is not a page is a 404."""
    paginator = Paginator(queryset, per_page or settings.NEWSROOM_PAGE_SIZE)
    number = request.GET.get("page", "1")
    if len(number) > 9:
        raise Http404("No such page")
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page") from None


class HomeView(TemplateView):
    template_name = "briefs/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(
            Brief.objects.published()
            .in_language()
            .filter(section__is_organization=False)
            .for_cards()[:13]
        )
        context["lead"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        return context


class ArchiveView(ListView):
    """Published briefs of one country, topic, author or section, newest first."""

    template_name = "briefs/archive.html"
    context_object_name = "briefs"
    archive_model = None
    archive_kind = ""

    def get_archive_object(self):
        return get_object_or_404(self.archive_model, slug=self.kwargs["slug"])

    def filter_briefs(self, queryset):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.archive = self.get_archive_object()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filter_briefs(Brief.objects.published().in_language().for_cards())

    def paginate_queryset(self, queryset, page_size):
        page = paginate(self.request, queryset, page_size)
        return page.paginator, page, page.object_list, page.has_other_pages()

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            archive=self.archive, archive_kind=self.archive_kind, **kwargs
        )


class CountryArchiveView(ArchiveView):
    archive_model = Country
    archive_kind = "country"

    def filter_briefs(self, queryset):
        return queryset.filter(taggedcountry__tag=self.archive)


class TopicArchiveView(ArchiveView):
    archive_model = Topic
    archive_kind = "topic"

    def filter_briefs(self, queryset):
        return queryset.filter(taggedtopic__tag=self.archive)


class AuthorArchiveView(ArchiveView):
    archive_model = Author
    archive_kind = "author"
    template_name = "briefs/author_detail.html"

    def filter_briefs(self, queryset):
        return queryset.filter(briefauthor__author=self.archive)


class SectionArchiveView(ArchiveView):
    archive_model = Section
    archive_kind = "section"

    def filter_briefs(self, queryset):
        return queryset.filter(section=self.archive)
