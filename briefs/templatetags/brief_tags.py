from urllib.parse import quote, urlencode

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from newsroom.html import sanitize_html

from .. import related
from ..rendering import with_see_also

register = template.Library()


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
