"""sitemap.xml, the Google News sitemap and robots.txt.

``/sitemap.xml`` is a sitemap index. It points to the home pages' sitemap,
the briefs' sitemap in pages of ``BriefSitemap.limit`` (every published
brief, with hreflang alternates for its translation) and the archives'
sitemap (every archive with published briefs, per language), so a crawler
finds all of a large archive while each file stays small. The news sitemap
lists the last two days' briefs, as Google News asks. robots.txt points
crawlers to the index and the news sitemap.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Prefetch, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from newsroom.cache import content_cached
from newsroom.publication.models import Publication

from .models import Author, Brief, Country, Section, Topic

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap.


def latest_change(language=None):
    """When a published brief (in ``language``) last changed, read from the
    ``brief_updated`` index once per content version. It is the index's
    ``lastmod`` for every sitemap: each lists published briefs, or pages
    (home pages, archives) that change when one does, so none changed later
    than this."""
    return content_cached(
        f"sitemap-latest-change:{language}",
        lambda: latest_changes(language).first(),
    )


def latest_changes(language=None):
    """When published briefs (in ``language``) changed, the latest first."""
    briefs = Brief.objects.published()
    if language is not None:
        briefs = briefs.filter(language=language)
    return briefs.order_by("-updated_at").values_list("updated_at", flat=True)


class LatestChangeMixin:
    def get_latest_lastmod(self):
        # Django's default asks every item for its lastmod: every brief.
        return latest_change()


# What a brief's entry and its alternates read: its address, and whether it is
# public (a translation's original may not be).
LINK_FIELDS = ("slug", "language", "status", "published_at", "translation_of")


class BriefSitemap(LatestChangeMixin, Sitemap):
    """Every published brief, with hreflang alternates for its translation.

    Not Django's ``i18n`` mode: that lists every item once per language, with
    one address each, and builds the whole list for every page. Here a brief
    and its translation are two rows, each with its own slug, so the list
    stays a paginated queryset and the alternates come from the rows a page
    reads.
    """

    changefreq = "weekly"
    limit = 5000

    def items(self):
        # A page's briefs come with their originals joined in and their
        # public translations in one more query.
        return (
            Brief.objects.published()
            .select_related("translation_of")
            .only(
                *LINK_FIELDS,
                "updated_at",
                *(f"translation_of__{field}" for field in LINK_FIELDS),
            )
            .prefetch_related(
                Prefetch(
                    "translations",
                    queryset=Brief.objects.published().only(*LINK_FIELDS),
                    to_attr="public_translations",
                )
            )
            .order_by("-published_at", "-id")
        )

    def lastmod(self, brief):
        return brief.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        base_url = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            url["alternates"] = brief_alternates(url["item"], base_url)
        return urls


def brief_alternates(brief, base_url):
    """hreflang alternates for a brief and its public counterpart in the other
    language (its original or its translation), or none."""
    if brief.translation_of_id:
        original = brief.translation_of
        counterpart = original if original.is_public else None
    else:
        original = brief
        counterpart = next(iter(brief.public_translations), None)
    if counterpart is None:
        return []
    alternates = [
        {
            "lang_code": version.language,
            "location": base_url + version.get_absolute_url(),
        }
        for version in sorted((brief, counterpart), key=lambda b: b.language)
    ]
    alternates.append(
        {"lang_code": "x-default", "location": base_url + original.get_absolute_url()}
    )
    return alternates


class HomeSitemap(LatestChangeMixin, Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return [code for code, _name in settings.LANGUAGES]

    def location(self, language):
        with translation.override(language):
            return reverse("briefs:home")

    def lastmod(self, language):
        return latest_change(language)


class ArchiveSitemap(LatestChangeMixin, Sitemap):
    """Countries, topics, authors and sections with published briefs, per language."""

    changefreq = "daily"
    # (model, path from the archive to its briefs)
    archives = [
        (Country, "tagged_briefs__content_object__"),
        (Topic, "tagged_briefs__content_object__"),
        (Author, "briefs__"),
        (Section, "briefs__"),
    ]

    def items(self):
        # A pass over every brief for each kind of archive: done once per
        # content version, for the index and this sitemap alike.
        return content_cached("sitemap-archives", self.find_archives)

    def find_archives(self):
        """``[(archive, language, latest change), ...]``, by kind, language, id.

        One query per kind of archive reads every language's latest change
        at once: a pass over the briefs per kind, not per kind and language.
        """
        now = timezone.now()
        languages = [code for code, _name in settings.LANGUAGES]
        items = []
        for model, to_brief in self.archives:
            latest = {
                f"latest_{position}": Max(
                    f"{to_brief}updated_at",
                    filter=Q(
                        **{
                            f"{to_brief}status": Brief.Status.PUBLISHED,
                            f"{to_brief}published_at__lte": now,
                            f"{to_brief}language": language,
                        }
                    ),
                )
                for position, language in enumerate(languages)
            }
            any_published = Q()
            for name in latest:
                any_published |= Q(**{f"{name}__isnull": False})
            archives = list(
                model.objects.annotate(**latest).filter(any_published).order_by("pk")
            )
            for position, language in enumerate(languages):
                for archive in archives:
                    changed = getattr(archive, f"latest_{position}")
                    if changed is not None:
                        items.append((archive, language, changed))
        return items

    def location(self, item):
        archive, language, _changed = item
        with translation.override(language):
            return archive.get_absolute_url()

    def lastmod(self, item):
        return item[2]


class NewsSitemap(Sitemap):
    """Briefs of the last two days, with the Google News ``news:news`` element."""

    limit = NEWS_SITEMAP_LIMIT

    def items(self):
        since = timezone.now() - timedelta(days=NEWS_SITEMAP_DAYS)
        return Brief.objects.published().filter(published_at__gte=since)[
            :NEWS_SITEMAP_LIMIT
        ]

    def lastmod(self, brief):
        return brief.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        name = Publication.load().name
        for url in urls:
            url["publication_name"] = name
        return urls


sitemaps = {
    "home": HomeSitemap,
    "briefs": BriefSitemap,
    "archives": ArchiveSitemap,
}
news_sitemaps = {"news": NewsSitemap}


@require_safe
def robots_txt(request):
    base = request.build_absolute_uri("/").rstrip("/")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /r/"]
    lines += [f"Disallow: /{code}/preview/" for code, _name in settings.LANGUAGES]
    lines += [
        "",
        f"Sitemap: {base}{reverse('sitemap')}",
        f"Sitemap: {base}{reverse('news_sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
