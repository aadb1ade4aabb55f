"""Template tags for license footers, feed links and republishing.

Placeholders until the licensing issue fills them in; the brief page already
calls them so that the page layout does not change later.
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context):
    return ""


@register.simple_tag
def license_head(brief):
    return ""


@register.simple_tag(takes_context=True)
def license_footer(context, brief):
    return mark_safe('<footer id="license" class="license"></footer>')


@register.simple_tag
def republish_link(brief):
    return ""


@register.simple_tag(takes_context=True)
def brief_jsonld(context, brief):
    return ""
