"""RSS and Atom feeds of published briefs, one set per language.

The latest briefs (RSS and Atom), per-country, per-topic, per-author and
per-section feeds, and the license-attribution feed for republishers, whose
``content:encoded`` is exactly the HTML the republish page hands out. Extra
elements (Dublin Core, content, Creative Commons) come from the generator
subclasses below; each feed runs the same number of queries whatever the
number of items.
"""

import copy
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from newsroom.images import share_rendition
from newsroom.licensing.attribution import (
    absolute_links,
    brief_authors,
    republish_html,
    site_root,
)
from newsroom.publication.models import Publication

from .models import Author, Brief, Country, Section, Topic

CREATIVE_COMMONS_NS = "http://backend.userland.com/creativeCommonsRssModule"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


class BriefRssFeedGenerator(Rss201rev2Feed):
    """RSS 2.0 with a ``dc:creator`` per author, rights, license and full content."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": DUBLIN_CORE_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:creativeCommons": CREATIVE_COMMONS_NS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("license_url"):
            handler.addQuickElement("creativeCommons:license", self.feed["license_url"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("item_copyright"):
            handler.addQuickElement("dc:rights", item["item_copyright"])
        if item.get("license_url"):
            handler.addQuickElement("creativeCommons:license", item["license_url"])
        if item.get("content_encoded") is not None:
            handler.addQuickElement("content:encoded", item["content_encoded"])


class BriefAtomFeedGenerator(Atom1Feed):
    """Atom with every author and a ``<link rel="license">`` per entry (RFC 4946)."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("license_url"):
            handler.addQuickElement(
                "link", "", {"rel": "license", "href": self.feed["license_url"]}
            )

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("license_url"):
            handler.addQuickElement(
                "link", "", {"rel": "license", "href": item["license_url"]}
            )
        if item.get("content_encoded") is not None:
            handler.addQuickElement(
                "content", item["content_encoded"], {"type": "html"}
            )


def feed_size():
    return getattr(settings, "NEWSROOM_FEED_SIZE", 30)


def full_text_html(brief, base_url, publication):
    """The brief as the page reads: image, news, analysis; every link absolute."""
    url = base_url + brief.get_absolute_url()
    parts = []
    image = share_rendition(brief.featured_image) if brief.featured_image else None
    if image is not None:
        caption = " ".join(
            part for part in (brief.image_caption, brief.image_credit) if part
        )
        parts.append(
            format_html(
                '<figure><img src="{}" alt="{}" width="{}" height="{}">{}</figure>',
                urljoin(url, image.url),
                brief.image_alt,
                image.width,
                image.height,
                format_html("<figcaption>{}</figcaption>", caption) if caption else "",
            )
        )
    parts.append(mark_safe(absolute_links(brief.news, url)))
    if brief.analysis:
        parts.append(
            format_html("<h2>{}</h2>", brief.get_analysis_heading(publication))
        )
        parts.append(mark_safe(absolute_links(brief.analysis, url)))
    return "\n".join(str(part) for part in parts)


class LatestBriefsFeed(Feed):
    """The newest published briefs in the page's language."""

    feed_type = BriefRssFeedGenerator
    item_guid_is_permalink = True

    def __call__(self, request, *args, **kwargs):
        # Feed instances live in the URLconf and are shared by every request:
        # per-request state goes on a copy.
        feed = copy.copy(self)
        feed.request = request
        feed.publication = Publication.load()
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self, obj):
        return self.publication.name

    def about(self, obj):
        """What the feed holds, in plain text."""
        return self.publication.localized_tagline or gettext(
            "The latest briefs from %(publication)s."
        ) % {"publication": self.publication.name}

    def description(self, obj):
        # Readers take an RSS description, the channel's as well as an item's,
        # for HTML: plain text is escaped once for both, so "&" or "<b>" in a
        # tagline shows as typed.
        return escape(self.about(obj))

    def link(self, obj):
        return reverse("briefs:home")

    def feed_url(self, obj):
        return reverse("briefs:feed")

    def author_name(self, obj):
        return self.publication.name

    def feed_copyright(self, obj):
        return f"© {self.publication.name}"

    def filter_briefs(self, obj, queryset):
        return queryset

    def items(self, obj):
        queryset = (
            Brief.objects.published()
            .in_language()
            .select_related("license", "section")
            .with_bylines()
            .prefetch_related(
                "countries",
                "topics",
            )
        )
        return self.filter_briefs(obj, queryset)[: feed_size()]

    def item_title(self, item):
        # Plain text (Atom's default title type; what RSS readers expect of a
        # title): escaping it here would show "&amp;" to readers.
        return item.title

    def item_description(self, item):
        # The description is HTML; the summary is plain text.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.display_name for tag in item.countries.all()] + [
            tag.display_name for tag in item.topics.all()
        ]

    def item_copyright(self, item):
        year = item.published_at.year
        if item.license_id:
            return gettext("© %(year)s %(publication)s. %(license)s") % {
                "year": year,
                "publication": self.publication.name,
                "license": item.license.display_name,
            }
        return f"© {year} {self.publication.name}"

    def item_extra_kwargs(self, item):
        return {
            "authors": [author.name for author in brief_authors(item)],
            "license_url": item.license.deed_url if item.license_id else "",
            "content_encoded": self.item_content(item),
        }

    def item_content(self, item):
        """The full text (RSS ``content:encoded``, Atom ``content``), if chosen."""
        if not self.publication.feed_full_text:
            return None
        return full_text_html(item, site_root(self.request), self.publication)


class LatestBriefsAtomFeed(LatestBriefsFeed):
    feed_type = BriefAtomFeedGenerator

    def subtitle(self, obj):
        # Atom's subtitle is text unless it says otherwise.
        return self.about(obj)

    def feed_url(self, obj):
        return reverse("briefs:feed_atom")


class RepublishFeed(LatestBriefsFeed):
    """The license-attribution feed: full texts that other outlets may republish."""

    def title(self, obj):
        return gettext("Republish: %(publication)s briefs with attribution") % {
            "publication": self.publication.name
        }

    def about(self, obj):
        return gettext(
            "Briefs you may republish under their Creative Commons license, with "
            "the attribution at the top and the bottom."
        )

    def feed_url(self, obj):
        return reverse("briefs:feed_republish")

    def feed_extra_kwargs(self, obj):
        license = self.publication.default_license
        return {"license_url": license.deed_url if license else ""}

    def filter_briefs(self, obj, queryset):
        return queryset.filter(license__allows_republishing=True)

    def item_content(self, item):
        return republish_html(item, site_root(self.request), self.publication)


class ArchiveFeed(LatestBriefsFeed):
    """The latest briefs of one country, topic, author or section."""

    archive_model = None
    url_name = ""

    def get_object(self, request, slug):
        return get_object_or_404(self.archive_model, slug=slug)

    def filter_briefs(self, obj, queryset):
        return queryset.in_archive(obj)

    def title(self, obj):
        name = getattr(obj, "display_name", None) or obj.name
        return gettext("%(publication)s: %(archive)s") % {
            "publication": self.publication.name,
            "archive": name,
        }

    def about(self, obj):
        return self.title(obj)

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse(self.url_name, kwargs={"slug": obj.slug})


class CountryFeed(ArchiveFeed):
    archive_model = Country
    url_name = "briefs:country_feed"


class TopicFeed(ArchiveFeed):
    archive_model = Topic
    url_name = "briefs:topic_feed"


class AuthorFeed(ArchiveFeed):
    archive_model = Author
    url_name = "briefs:author_feed"


class SectionFeed(ArchiveFeed):
    archive_model = Section
    url_name = "briefs:section_feed"
