"""Donation prompts on public pages (filled in by the reader-revenue issue)."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def donation_prompt(context, placement, brief=None):
    if placement == "end":
        return mark_safe('<aside id="donate" class="donate"></aside>')
    return ""
