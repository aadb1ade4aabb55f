"""Template tags for license footers, machine-readable metadata and feeds.

Every tag that shows attribution gets it from ``attribution.attribution``.
"""

import json

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..attribution import attribution, brief_authors, site_root

register = template.Library()

ARCHIVE_FEEDS = {
    "country": "briefs:country_feed",
    "topic": "briefs:topic_feed",
    "author": "briefs:author_feed",
    "section": "briefs:section_feed",
}


def _publication(context):
    publication = context.get("publication")
    if publication is None:
        from newsroom.publication.models import Publication

        publication = Publication.load()
    return publication


def _base_url(context):
    request = context.get("request")
    return site_root(request) if request is not None else ""


@register.simple_tag(takes_context=True)
def feed_links(context):
    """The head's feed links: latest briefs (RSS, Atom) and the republish feed."""
    name = _publication(context).name
    links = [
        (
            "application/rss+xml",
            gettext("%(publication)s: latest briefs") % {"publication": name},
            reverse("briefs:feed"),
        ),
        (
            "application/atom+xml",
            gettext("%(publication)s: latest briefs (Atom)") % {"publication": name},
            reverse("briefs:feed_atom"),
        ),
        (
            "application/rss+xml",
            gettext("Republish: %(publication)s briefs with attribution")
            % {"publication": name},
            reverse("briefs:feed_republish"),
        ),
    ]
    return format_html_join(
        "\n", '<link rel="alternate" type="{}" title="{}" href="{}">', links
    )


@register.simple_tag(takes_context=True)
def archive_feed_link(context, archive, archive_kind):
    """The RSS link for a country, topic, author or section archive's head."""
    url_name = ARCHIVE_FEEDS.get(archive_kind)
    if url_name is None or archive is None:
        return ""
    try:
        url = reverse(url_name, kwargs={"slug": archive.slug})
    except NoReverseMatch:
        return ""
    name = getattr(archive, "display_name", None) or archive.name
    title = gettext("%(publication)s: %(archive)s") % {
        "publication": _publication(context).name,
        "archive": name,
    }
    return format_html(
        '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">',
        title,
        url,
    )


@register.simple_tag
def license_head(brief):
    """``<link rel="license">`` to the brief's license deed (RFC 4946)."""
    if brief.license_id is None or not brief.license.deed_url:
        return ""
    return format_html('<link rel="license" href="{}">', brief.license.deed_url)


@register.simple_tag(takes_context=True)
def license_footer(context, brief):
    """The reuse-license footer (``id="license"``) under the brief."""
    credit = attribution(brief, _base_url(context), _publication(context))
    license = brief.license
    with translation.override(brief.language):
        notice = license.localized("footer_text") if license else ""
        return render_to_string(
            "licensing/license_footer.html",
            {
                "license": license,
                "credit": credit,
                # A notice that names the license already links to its deed.
                "deed_link": bool(credit.deed_url)
                and "{license}" not in notice
                and "{deed_url}" not in notice,
            },
        )


# The characters json_script escapes, so that no string in the data can close
# the script element or open a comment.
_JSON_SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def _json_ld(data):
    text = json.dumps(data, ensure_ascii=False)
    # str.replace, not str.translate: a mapping makes translate look up every
    # character of the page's text in Python (about 0.1 ms a brief page).
    for character, escape in _JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(text)
    )


@register.simple_tag(takes_context=True)
def brief_jsonld(context, brief):
    """A schema.org ``NewsArticle`` describing the brief, for search engines."""
    publication = _publication(context)
    base_url = _base_url(context)
    url = base_url + brief.get_absolute_url()
    home = base_url + reverse("briefs:home")
    organization = {"@type": "NewsMediaOrganization", "name": publication.name}
    if base_url:
        organization["url"] = home
    authors = [
        {
            "@type": "Person",
            "name": author.name,
            "url": base_url + author.get_absolute_url(),
        }
        for author in brief_authors(brief)
    ]
    with translation.override(brief.language):
        section = brief.section.display_name
    keywords = [tag.display_name for tag in brief.countries.all()]
    keywords += [tag.display_name for tag in brief.topics.all()]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": brief.title,
        "description": brief.summary,
        "inLanguage": brief.language,
        "articleSection": section,
        "keywords": keywords,
        "author": authors or [organization],
        "publisher": organization,
        "isAccessibleForFree": True,
        "copyrightHolder": organization,
    }
    if brief.published_at:
        data["datePublished"] = brief.published_at.isoformat()
        data["copyrightYear"] = brief.published_at.year
    if brief.updated_at:
        data["dateModified"] = brief.updated_at.isoformat()
    if brief.featured_image:
        data["image"] = [base_url + brief.featured_image.url]
    if brief.license_id and brief.license.deed_url:
        data["license"] = brief.license.deed_url
    return _json_ld(data)
