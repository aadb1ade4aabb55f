"""The pages' sitemap: every published page, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Prefetch

from .models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return (
            Page.objects.published()
            .select_related("translation_of")
            .prefetch_related(
                Prefetch(
                    "translations",
                    queryset=Page.objects.published(),
                    to_attr="public_translations",
                )
            )
            .order_by("language", "order", "pk")
        )

    def lastmod(self, page):
        return page.updated_at

    def get_latest_lastmod(self):
        # One aggregate, not a lastmod() call for every page.
        return Page.objects.published().aggregate(latest=Max("updated_at"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        base_url = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            url["alternates"] = page_alternates(url["item"], base_url)
        return urls


def page_alternates(page, base_url):
    """hreflang alternates for a page and its public counterpart, or none."""
    if page.translation_of_id:
        original = page.translation_of
        counterpart = original if original.is_public else None
    else:
        original = page
        counterpart = next(iter(page.public_translations), None)
    if counterpart is None:
        return []
    alternates = [
        {
            "lang_code": version.language,
            "location": base_url + version.get_absolute_url(),
        }
        for version in sorted((page, counterpart), key=lambda p: p.language)
    ]
    alternates.append(
        {"lang_code": "x-default", "location": base_url + original.get_absolute_url()}
    )
    return alternates
