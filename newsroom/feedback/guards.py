"""Protection for the public forms that must not set cookies.

Brief pages carry the vote and comment forms but must stay free of cookies and
``Vary: Cookie`` so that a CDN can cache them, which rules out Django's CSRF
token. Instead the form views:

- accept a POST only when its ``Origin`` (or, failing that, ``Referer``) is this
  site, which is what a browser sends for our own forms and never for a form on
  another site;
- count requests per client in the cache (Redis in production, so the limit
  holds across app servers) and refuse with 429 past a limit;
- recognise a returning voter by a keyed hash of address, browser and brief, so
  the address itself is never stored.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from django.utils.crypto import salted_hmac

from newsroom.security import client_ip  # one rule for the whole site

# Counters live apart from pages (settings.CACHES): a flood of page keys
# cannot evict them, and a new release does not reset them.
cache = ConnectionProxy(caches, "ratelimit")

# (requests, seconds) per client; settings can override them.
DEFAULT_RATES = {"vote": (30, 600), "comment": (5, 600)}


def reader_key(request, brief_id):
    """A stable, anonymous identity of a reader for one brief (64 hex digits)."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:500]
    value = f"{client_ip(request)}\n{user_agent}\n{brief_id}"
    return salted_hmac(
        "newsroom.feedback.reader", value, algorithm="sha256"
    ).hexdigest()


def allowed_origins(request):
    origins = {f"{request.scheme}://{request.get_host()}"}
    origins.update(getattr(settings, "CSRF_TRUSTED_ORIGINS", []))
    return origins


def same_origin(request):
    """Whether a POST comes from a page of this site (Origin, else Referer).

    A request with neither header is refused: every browser sends at least
    one of them with a form post or fetch, and a request without them is not
    a reader on our page.
    """
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        referer = request.META.get("HTTP_REFERER")
        if not referer:
            return False
        try:
            parts = urlsplit(referer)
        except ValueError:
            return False
        if not parts.scheme or not parts.netloc:
            return False
        origin = f"{parts.scheme}://{parts.netloc}"
    return origin in allowed_origins(request)


def rate_limited(request, kind):
    """Count one request of ``kind`` for this client; True when over the limit."""
    limit, window = getattr(settings, "NEWSROOM_FEEDBACK_RATES", {}).get(
        kind, DEFAULT_RATES[kind]
    )
    client = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"feedback-rate:{kind}:{client}"
    # add() is a no-op when the key exists, so the window starts at the first
    # request; incr() is atomic in Redis and in the local-memory cache.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is a new window.
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def retry_after(kind):
    return getattr(settings, "NEWSROOM_FEEDBACK_RATES", {}).get(
        kind, DEFAULT_RATES[kind]
    )[1]
