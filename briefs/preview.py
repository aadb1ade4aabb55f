"""Signed, expiring preview links for drafts and scheduled briefs."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "briefs.preview"


def make_token(brief):
    return signing.TimestampSigner(salt=SALT).sign_object({"id": brief.pk})


def read_token(token):
    """The brief id in ``token``, or None when it is tampered with or expired."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=settings.NEWSROOM_PREVIEW_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        return None
    return data["id"]


def preview_url(brief):
    with translation.override(brief.language):
        return reverse("briefs:preview", kwargs={"token": make_token(brief)})
