"""The brief page's way into republishing."""

from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext

from newsroom.licensing.attribution import may_republish

register = template.Library()


@register.simple_tag
def republish_link(brief):
    """ "Republish this story" (``id="republish"``) when the license allows it."""
    if not (brief.is_public and may_republish(brief)):
        return ""
    # The republish page is in the brief's language, whatever the page's is.
    with translation.override(brief.language):
        url = reverse("republishing:republish", kwargs={"slug": brief.slug})
    return format_html(
        '<p class="republish-link"><a id="republish" href="{}">{}</a></p>',
        url,
        gettext("Republish this story"),
    )
