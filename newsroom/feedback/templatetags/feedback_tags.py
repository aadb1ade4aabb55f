"""Reader feedback on brief pages: the helpfulness vote and the comment form.

The page stays the same for every reader (and cacheable); the only variation is
the thank-you shown after a plain form post, which comes from the query string
the form views redirect to (``?feedback=thanks``, ``?comment=thanks``).
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from ..forms import CommentForm, VoteForm

register = template.Library()

VOTE_STATES = {"thanks", "no", "sent"}
# The answer each thank-you follows: a plain form post shows it pressed.
CHOSEN = {"thanks": "yes", "no": "no", "sent": "no"}


def query_value(context, name, allowed):
    request = context.get("request")
    if request is None:
        return ""
    value = request.GET.get(name, "")
    return value if value in allowed else ""


@register.inclusion_tag("feedback/feedback_block.html", takes_context=True)
def feedback_block(context, brief):
    """ "Was this content helpful?" with Yes / No, then "What could we improve?"."""
    state = query_value(context, "feedback", VOTE_STATES)
    return {
        "brief": brief,
        "form": VoteForm(auto_id="feedback-%s"),
        "state": state,
        "chosen": CHOSEN.get(state, ""),
    }


@register.inclusion_tag("feedback/comment_block.html", takes_context=True)
def comment_form(context, brief):
    """The publication's comment prompt and the form that sends editors a message."""
    return {
        "brief": brief,
        "form": CommentForm(),
        "publication": context.get("publication"),
        "thanks": bool(query_value(context, "comment", {"thanks"})),
    }


@register.simple_tag
def feedback_script():
    """The script that sends votes in place, for the page's <head> (deferred)."""
    return format_html('<script src="{}" defer></script>', static("js/feedback.js"))
