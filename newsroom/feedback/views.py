"""The brief page's "Was this content helpful?" and comment forms.

Both answer plain form posts (redirect back to the brief with a thank-you, or
a small page with the errors) and, for ``Accept: application/json``, JSON for
static/js/feedback.js. They are exempt from the CSRF middleware on purpose:
the brief page cannot carry a CSRF cookie (see guards.py for what replaces it).
"""

import logging

from django.core.mail import EmailMessage
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from briefs.models import Brief
from newsroom.publication.models import Publication

from . import guards
from .forms import CommentForm, VoteForm
from .models import Vote

logger = logging.getLogger(__name__)


def wants_json(request):
    return "application/json" in request.META.get("HTTP_ACCEPT", "")


def public_brief(brief_id):
    try:
        return Brief.objects.published().select_related("section").get(pk=brief_id)
    except Brief.DoesNotExist:
        raise Http404("No such brief") from None


def refuse(request, brief, status, message, template="feedback/refused.html"):
    """A 4xx answer the reader can act on, as JSON or as a small page."""
    if wants_json(request):
        response = JsonResponse({"ok": False, "error": message}, status=status)
    else:
        response = TemplateResponse(
            request,
            template,
            {"brief": brief, "message": message},
            status=status,
        )
    return response


def guard(request, brief, kind):
    """The refusal for a foreign origin or a flooding client, or None."""
    if not guards.same_origin(request):
        return refuse(
            request,
            brief,
            403,
            _("This form can only be sent from our own pages."),
        )
    if guards.rate_limited(request, kind):
        response = refuse(
            request,
            brief,
            429,
            _("Too many submissions from your connection. Please try again later."),
        )
        response["Retry-After"] = str(guards.retry_after(kind))
        return response
    return None


def back_to_brief(brief, parameter, value, anchor):
    return redirect(f"{brief.get_absolute_url()}?{parameter}={value}#{anchor}")


@csrf_exempt
@never_cache
@require_POST
def vote(request, brief_id):
    """Record or change this reader's vote on a brief."""
    brief = public_brief(brief_id)
    refused = guard(request, brief, "vote")
    if refused:
        return refused
    form = VoteForm(request.POST)
    if not form.is_valid():
        errors = [error for errors in form.errors.values() for error in errors]
        return refuse(request, brief, 400, " ".join(errors))
    helpful = form.cleaned_data["helpful"]
    suggestion = form.cleaned_data["suggestion"].strip()
    values = {"helpful": helpful}
    if suggestion:
        # An empty suggestion (a second click on No) keeps the one already sent.
        values["suggestion"] = suggestion
    Vote.objects.update_or_create(
        brief=brief, reader=guards.reader_key(request, brief.pk), defaults=values
    )
    if suggestion:
        state, message = "sent", _("Thank you. We read every suggestion.")
    elif helpful:
        state, message = "thanks", _("Thank you for your feedback.")
    else:
        state, message = "no", _("Thank you for your feedback. What could we improve?")
    if wants_json(request):
        return JsonResponse(
            {"ok": True, "helpful": helpful, "state": state, "message": message}
        )
    return back_to_brief(brief, "feedback", state, "feedback")


@csrf_exempt
@never_cache
@require_POST
def comment(request, brief_id):
    """Store a reader's comment for the editors, and tell them by email if asked."""
    brief = public_brief(brief_id)
    refused = guard(request, brief, "comment")
    if refused:
        return refused
    form = CommentForm(request.POST)
    if not form.is_valid():
        if wants_json(request):
            return JsonResponse(
                {"ok": False, "errors": form.errors.get_json_data()}, status=400
            )
        return TemplateResponse(
            request,
            "feedback/comment_page.html",
            {"brief": brief, "form": form},
            status=400,
        )
    if not form.is_spam:
        message = form.save(commit=False)
        message.brief = brief
        message.language = get_language() or brief.language
        message.save()
        notify_editors(
            message,
            request.build_absolute_uri(
                reverse("admin:feedback_readermessage_change", args=[message.pk])
            ),
        )
    # Bots that fill the honeypot get the same thank-you and store nothing.
    if wants_json(request):
        return JsonResponse(
            {
                "ok": True,
                "message": _("Thank you. Your comment was sent to the editors."),
            }
        )
    return back_to_brief(brief, "comment", "thanks", "comments")


def notify_editors(message, admin_url):
    """Email the publication's notification address, when there is one.

    Sent while the reader waits, through the configured email backend (the
    console in development); a failure is logged, the comment stays stored.
    """
    address = Publication.load().notification_email
    if not address:
        return
    title = " ".join(message.brief.title.split())
    body = _(
        "%(name)s <%(email)s> wrote about “%(title)s”:\n\n%(message)s\n\n"
        "In the admin inbox: %(url)s"
    ) % {
        "name": message.name,
        "email": message.email,
        "title": title,
        "message": message.message,
        "url": admin_url,
    }
    email = EmailMessage(
        subject=_("New reader comment on “%(title)s”") % {"title": title},
        body=body,
        to=[address],
        reply_to=[message.email],
    )
    try:
        email.send()
    except Exception:
        # The comment is stored; a mail server problem must not fail the reader.
        logger.exception("Could not send the reader-comment notification")
