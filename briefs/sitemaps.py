"""sitemap.xml, the Google News sitemap and robots.txt.

The sitemap lists every published brief (with hreflang alternates for its
translation), the home page and every archive with published briefs, per
language. The news sitemap lists the last two days' briefs, as Google News
asks. robots.txt points crawlers to both.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from newsroom.publication.models import Publication

from .models import Author, Brief, Country, Section, Topic

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap.


class BriefSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return (
            Brief.objects.published()
            .select_related("translation_of")
            .prefetch_related("translations")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, brief):
        return brief.updated_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["alternates"] = brief_alternates(url["item"], f"{protocol}://{domain}")
        return urls


def brief_alternates(brief, base_url):
    """hreflang alternates for a brief and its public translation, or none."""
    translation_ = brief.translation
    if translation_ is None or not translation_.is_public:
        return []
    original = brief.translation_of or brief
    alternates = [
        {
            "lang_code": version.language,
            "location": base_url + version.get_absolute_url(),
        }
        for version in sorted((brief, translation_), key=lambda b: b.language)
    ]
    alternates.append(
        {"lang_code": "x-default", "location": base_url + original.get_absolute_url()}
    )
    return alternates


class HomeSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return [code for code, _name in settings.LANGUAGES]

    def location(self, language):
        with translation.override(language):
            return reverse("briefs:home")

    def lastmod(self, language):
        return (
            Brief.objects.published()
            .filter(language=language)
            .aggregate(latest=Max("updated_at"))["latest"]
        )


class ArchiveSitemap(Sitemap):
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
        now = timezone.now()
        items = []
        for model, to_brief in self.archives:
            for language, _name in settings.LANGUAGES:
                published = Q(
                    **{
                        f"{to_brief}status": Brief.Status.PUBLISHED,
                        f"{to_brief}published_at__lte": now,
                        f"{to_brief}language": language,
                    }
                )
                archives = (
                    model.objects.annotate(
                        latest=Max(f"{to_brief}updated_at", filter=published)
                    )
                    .filter(latest__isnull=False)
                    .order_by("pk")
                )
                items.extend((archive, language) for archive in archives)
        return items

    def location(self, item):
        archive, language = item
        with translation.override(language):
            return archive.get_absolute_url()

    def lastmod(self, item):
        return item[0].latest


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
