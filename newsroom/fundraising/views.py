from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.connection import ConnectionProxy
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from briefs.models import Brief
from newsroom.security import client_network

from .models import DonationClick, DonationPrompt

# The cache every worker shares for counters (settings.CACHES).
cache = ConnectionProxy(caches, "ratelimit")


@require_safe
@never_cache
def donate(request, prompt_id):
    """Count a click on a prompt's button, then send the reader to its URL.

    The only possible destination is the prompt's own URL (https, checked when
    the editor saved it), so the endpoint cannot be used as an open redirect.
    Disabled or unknown prompts are a 404. A prompt whose time window ended
    still redirects: a page cached a moment earlier may still show its button.
    A brief id that is not a published brief is counted as a click without a
    brief rather than turning a willing donor away. HEAD requests redirect
    without counting, and so do repeated clicks (see ``first_click``).
    """
    prompt = get_object_or_404(DonationPrompt, pk=prompt_id, enabled=True)
    if request.method == "GET":
        brief = published_brief(request.GET.get("brief"))
        if first_click(request, prompt, brief):
            DonationClick.record(prompt, brief=brief)
    response = HttpResponseRedirect(prompt.url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def published_brief(value):
    if not value or not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return Brief.objects.published().filter(pk=int(value)).first()


def first_click(request, prompt, brief):
    """Whether this is the address's first click on the prompt and brief lately.

    One address (an IPv6 /64) counts at most one click per prompt and brief
    every ``NEWSROOM_DONATION_CLICK_PERIOD`` seconds, so that reloading, or a
    script, cannot inflate a prompt's numbers. ``add()`` on the shared cache
    is atomic: of many clicks at once, exactly one is first.
    """
    period = getattr(settings, "NEWSROOM_DONATION_CLICK_PERIOD", 1800)
    value = f"{client_network(request)}\n{prompt.pk}\n{brief.pk if brief else ''}"
    digest = salted_hmac("newsroom.fundraising.click", value, algorithm="sha256")
    return cache.add(f"donation-click:{digest.hexdigest()[:32]}", 1, timeout=period)
