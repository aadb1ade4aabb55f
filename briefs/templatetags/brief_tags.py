from urllib.parse import quote, urlencode, urljoin

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from newsroom import images
from newsroom.html import sanitize_html

from .. import related
from ..rendering import with_see_also

register = template.Library()

# How wide each kind of picture is drawn, for the browser's choice of file:
# the brief's column (42rem) and a card of the home page's or related grid.
PICTURES = {
    "lead": (images.WIDTHS, "(min-width: 44rem) 42rem, calc(100vw - 2rem)"),
    "card": (
        images.WIDTHS[:2],
        "(min-width: 72rem) 23rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)",
    ),
    # Related content: three across the brief's column (42rem, 1.5rem gaps).
    "related": (
        images.WIDTHS[:2],
        "(min-width: 44rem) 13rem, (min-width: 40rem) 30vw, calc(100vw - 2rem)",
    ),
}


@register.simple_tag
def brief_section_html(brief, place):
    """The news or analysis HTML (sanitised on save) with its see-also links."""
    html = brief.news if place == "news" else brief.analysis
    links = [
        link
        for link in brief.see_also.all()
        if link.place == place
        and (link.target_brief is None or link.target_brief.is_public)
    ]
    return mark_safe(with_see_also(html, links))


@register.simple_tag(takes_context=True)
def share_links(context, brief):
    """Plain share URLs: no third-party scripts, no tracking."""
    request = context["request"]
    url = request.build_absolute_uri(brief.get_absolute_url())
    title = brief.title
    links = [
        (
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
            _("Email"),
        ),
        ("https://x.com/intent/post?" + urlencode({"url": url, "text": title}), "X"),
        (
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
            "Facebook",
        ),
        ("https://wa.me/?" + urlencode({"text": f"{title} {url}"}), "WhatsApp"),
        (
            "https://www.linkedin.com/sharing/share-offsite/?"
            + urlencode({"url": url}),
            "LinkedIn",
        ),
    ]
    return format_html_join(
        "",
        '<li><a href="{}" rel="noopener">{}</a></li>',
        ((href, label) for href, label in links),
    )


@register.filter
def words(value, count=20):
    """Cut plain text at about ``count`` words, ending with an ellipsis."""
    return Truncator(value).words(int(count), truncate="…")


@register.simple_tag
def card_kicker(brief, archive=None):
    """The tag a card shows above its headline: the brief's kicker, unless the
    card is listed in that tag's own archive; then its other kicker tag, if any.

    ``archive`` is the country, topic, author or section being listed (empty
    elsewhere); a Country and a Topic with the same id are not equal.
    """
    tags = [brief.primary_topic, brief.primary_country]
    return next((tag for tag in tags if tag is not None and tag != archive), None)


@register.filter
def sanitized(value):
    """Editor HTML (the publication's About text) through the rich-text allowlist."""
    return mark_safe(sanitize_html(value))


@register.inclusion_tag("briefs/includes/related.html", takes_context=True)
def related_briefs(context, brief):
    """The related-content block: editors' picks, then the closest briefs."""
    publication = context.get("publication")
    count = publication.related_count if publication is not None else 3
    return {"related": related.related_briefs(brief, count)}


@register.inclusion_tag("includes/picture.html")
def picture(image, alt, kind="card", eager=False):
    """A ``<picture>`` of ``image``: WebP and JPEG renditions, sized, lazy.

    Only the brief page's lead image, and with ``eager`` the first card of a
    list, load at once (they are above the fold and usually the largest thing
    drawn); every other picture waits until the reader scrolls near it.
    """
    widths, sizes = PICTURES[kind]
    return {
        "picture": images.responsive(image, widths) if image else None,
        "alt": alt,
        "sizes": sizes,
        "lazy": kind != "lead" and not eager,
    }


@register.inclusion_tag("briefs/includes/share_meta.html", takes_context=True)
def share_meta(context, brief):
    """Open Graph and Twitter card tags: what a shared link of the brief shows.

    The image is the brief's featured image, or else the publication's share
    image, in its wide JPEG rendition with its size (networks draw the card
    before they fetch the file).
    """
    request = context["request"]
    publication = context["publication"]
    url = request.build_absolute_uri(brief.get_absolute_url())
    image, alt = None, ""
    if brief.featured_image:
        image, alt = images.share_rendition(brief.featured_image), brief.image_alt
    if image is None and publication.share_image:
        image, alt = images.share_rendition(publication.share_image), publication.name
    return {
        "brief": brief,
        "publication": publication,
        "url": url,
        "locale": "es_ES" if brief.language == "es" else "en_US",
        "image": image,
        "image_url": urljoin(url, image.url) if image else "",
        "image_alt": alt,
    }
