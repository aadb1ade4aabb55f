"""Donation prompts on public pages, chosen on the server so pages stay cacheable."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from ..models import DonationPrompt, Placement

register = template.Library()

ELEMENT_IDS = {
    Placement.END: "donate",
    Placement.AFTER_NEWS: "donate-after-news",
    Placement.BANNER: "donate-banner",
}


def prompts_for(request, brief):
    """The best prompt per placement for this page, chosen once per request.

    The page calls the tag for several placements; the first call chooses for
    all of them (from the prompts read once per content version, without a
    query) and later calls reuse the answer kept on the request.
    """
    language = get_language()
    key = (language, brief.pk if brief is not None else None)
    cache = getattr(request, "_donation_prompts", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._donation_prompts = cache
    if key not in cache:
        cache[key] = DonationPrompt.best_per_placement(language, brief)
    return cache[key]


@register.simple_tag(takes_context=True)
def donation_prompt(context, placement, brief=None):
    """The prompt for ``placement`` ("banner", "after_news" or "end"), or nothing.

    The banner in the base template gets no brief argument; on a brief page it
    uses the page's brief so that targeted banners work there too. The "end"
    placement always renders an element with id="donate" (the page contract):
    an empty, hidden one when no prompt fits.
    """
    if brief is None:
        candidate = context.get("brief")
        if candidate is not None and hasattr(candidate, "section_id"):
            brief = candidate
    request = context.get("request")
    prompt = prompts_for(request, brief).get(placement)
    if prompt is None and placement != Placement.END:
        return ""
    return render_to_string(
        "fundraising/prompt.html",
        {
            "prompt": prompt,
            "placement": placement,
            "element_id": ELEMENT_IDS.get(placement, f"donate-{placement}"),
            "brief": brief,
        },
    )
