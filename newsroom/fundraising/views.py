from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from briefs.models import Brief

from .models import DonationClick, DonationPrompt


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
    without counting.
    """
    prompt = get_object_or_404(DonationPrompt, pk=prompt_id, enabled=True)
    if request.method == "GET":
        DonationClick.record(prompt, brief=published_brief(request.GET.get("brief")))
    response = HttpResponseRedirect(prompt.url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def published_brief(value):
    if not value or not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return Brief.objects.published().filter(pk=int(value)).first()
