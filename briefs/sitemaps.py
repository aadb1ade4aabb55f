"""sitemap.xml, the Google News sitemap and robots.txt.

``/sitemap.xml`` is a sitemap index. It points to the home pages' sitemap,
the briefs' sitemap in pages of ``BriefSitemap.limit`` (every published
brief, with hreflang alternates for its translation) and the archives'
sitemap (every archive with published briefs, per language), so a crawler
finds all of a large archive while each file stays small. The news sitemap
lists the last two days' briefs, as Google News asks. robots.txt points
crawlers to the index and the news sitemap.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.views.decorators.http import require_safe

from newsroom.cache import content_cached
from newsroom.publication.models import Publication

from .models import Author, Brief, Country, Section, Topic
from .page import BRIEF_LINK

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap.


def latest_change(language=None):
    """When a published brief (in ``language``) last changed, read from the
    ``brief_updated`` index once per content version. It is the index's
    ``lastmod`` for every sitemap: each lists published briefs, or pages
    (home pages, archives) that change when one does, so none changed later
    than this."""
    return content_cached(
        f"sitemap-latest-change:{language}", lambda: latest_change_query(language)
    )


def latest_change_query(language=None):
    briefs = Brief.objects.published()
    if language is not None:
        briefs = briefs.filter(language=language)
    return briefs.order_by("-updated_at").values_list("updated_at", flat=True).first()


class LatestChangeMixin:
    def get_latest_lastmod(self):
        # Django's default asks every item for its lastmod: every brief.
        return latest_change()


class BriefSitemap(LatestChangeMixin, Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return (
            Brief.objects.published()
            .select_related("translation_of")
            .only(
                *BRIEF_LINK,
                "updated_at",
                *(f"translation_of__{field}" for field in BRIEF_LINK),
            )
            .order_by("-published_at", "-id")
        )

    def lastmod(self, brief):
        return brief.updated_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # The translations of this page's originals, in one query. (A
        # translation's original came with it, joined in.)
        originals = [
            url["item"].pk for url in urls if url["item"].translation_of_id is None
        ]
        translations = {}
        if originals:
            found = Brief.objects.filter(translation_of__in=originals).only(*BRIEF_LINK)
            # In the default order, the first is what ``Brief.translation`` gives.
            for translation_ in found:
                translations.setdefault(translation_.translation_of_id, translation_)
        base_url = f"{protocol}://{domain}"
        for url in urls:
            brief = url["item"]
            counterpart = (
                brief.translation_of
                if brief.translation_of_id
                else translations.get(brief.pk)
            )
            url["alternates"] = brief_alternates(brief, counterpart, base_url)
        return urls


def brief_alternates(brief, counterpart, base_url):
    """hreflang alternates for a brief and its public counterpart in the other
    language (its original or its translation), or none."""
    if counterpart is None or not counterpart.is_public:
        return []
    original = counterpart if brief.translation_of_id else brief
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


class UrlsetXML:
    """Django's ``sitemap.xml`` template, written in Python.

    The sitemap view accepts any object with a ``render()`` as its template.
    A page of 5,000 briefs, each with its alternates, goes through the
    template engine in about a third of a second; this writes the same
    document (a URL's ``lastmod`` is its date in the current time zone, as
    the template's ``date`` filter gives it) in a few milliseconds.
    """

    HEAD = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )

    def render(self, context=None, request=None):
        parts = [self.HEAD]
        for url in context["urlset"]:
            parts.append(f"<url><loc>{escape(url['location'])}</loc>")
            lastmod = url.get("lastmod")
            if lastmod:
                if isinstance(lastmod, datetime) and timezone.is_aware(lastmod):
                    lastmod = timezone.localtime(lastmod)
                parts.append(f"<lastmod>{lastmod.strftime('%Y-%m-%d')}</lastmod>")
            for name in ("changefreq", "priority"):
                if url.get(name):
                    parts.append(f"<{name}>{escape(url[name])}</{name}>")
            for alternate in url.get("alternates") or ():
                parts.append(
                    '<xhtml:link rel="alternate"'
                    f' hreflang="{escape(alternate["lang_code"])}"'
                    f' href="{escape(alternate["location"])}"/>'
                )
            parts.append("</url>\n")
        parts.append("</urlset>\n")
        return "".join(parts)


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
