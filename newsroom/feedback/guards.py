"""Protection for the public forms that must not set cookies.

Brief pages carry the vote and comment forms but must stay free of cookies and
``Vary: Cookie`` so that a CDN can cache them, which rules out Django's CSRF
token. Instead the form views:

- accept a POST only when its ``Origin`` (or, failing that, ``Referer``) is this
  site, which is what a browser sends for our own forms and never for a form on
  another site;
- count requests per client address (an IPv6 client by its /64) in the
  "ratelimit" cache, which every worker shares (Redis with several app
  servers), and refuse with 429 past a limit;
- recognise a returning voter by a keyed hash of address, brief and day, so
  the address itself is never stored.

The browser's User-Agent plays no part in either: it is the client's to change
at will, and changing it must not make a new voter or a fresh allowance.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.connection import ConnectionProxy
from django.utils.crypto import salted_hmac

from newsroom.security import client_network  # one rule for the whole site

# Counters live apart from pages (settings.CACHES): a flood of page keys
# cannot evict them, and a new release does not reset them.
cache = ConnectionProxy(caches, "ratelimit")

# (requests, seconds) per client; settings can override them.
DEFAULT_RATES = {"vote": (30, 600), "comment": (5, 600)}


def reader_key(request, brief_id, day=None):
    """An anonymous identity of a reader for one brief and day (64 hex digits).

    One address (an IPv6 /64) has one counted vote per brief per local day:
    voting again that day replaces the vote, the next day counts anew. The
    key cannot be linked to the address, nor across briefs or days.
    """
    day = day or timezone.localdate()
    value = f"{client_network(request)}\n{brief_id}\n{day.isoformat()}"
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
    client = hashlib.sha256(client_network(request).encode()).hexdigest()[:32]
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
