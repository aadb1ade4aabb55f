"""Counting republications from the tracking image's requests.

A hit is reduced to the referring site's domain before anything is stored; the
full Referer, the reader's address and any cookie are never looked at or kept.
Database writes are rate-limited through the cache: at most one write per brief
and domain every ``NEWSROOM_REPUBLICATION_WRITE_INTERVAL`` seconds, the hits in
between accumulated in the cache and added on the next write, so a flood of
requests costs cache operations, not database rows or locks.
"""

import hashlib
import logging
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from django.utils.connection import ConnectionProxy

from .models import Republication

# Counters live apart from pages (settings.CACHES): a flood of page keys
# cannot evict them, and a new release does not reset them.
cache = ConnectionProxy(caches, "ratelimit")

logger = logging.getLogger(__name__)

MAX_REFERER_LENGTH = 2048
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")
# A host whose last label is a number is an IPv4 address to browsers, in any
# of its spellings (2130706433, 0x7f.1, 0177.0.0.1, 127.1): no top-level
# domain is numeric.
_NUMERIC_LABEL = re.compile(r"^(?:[0-9]+|0x[0-9a-f]*)$")


def write_interval():
    return getattr(settings, "NEWSROOM_REPUBLICATION_WRITE_INTERVAL", 60)


def new_domains_per_hour():
    return getattr(settings, "NEWSROOM_REPUBLICATION_NEW_DOMAINS_PER_HOUR", 200)


def referring_domain(referer):
    """The host name of a Referer header, normalised, or None when unusable.

    Lower-cased, without a leading ``www.`` or trailing dot; IP addresses in
    any spelling (dotted, integer, hex, octal, IPv6), non-web schemes,
    malformed and overlong values give None.
    """
    if not referer or len(referer) > MAX_REFERER_LENGTH:
        return None
    try:
        parts = urlsplit(referer.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    host = host.rstrip(".").lower()
    if host.startswith("www."):
        host = host[4:]
    if len(host) > 253 or not _DOMAIN.match(host):
        return None
    if _NUMERIC_LABEL.match(host.rpartition(".")[2]):
        return None
    return host


def is_own_domain(domain, request):
    """Whether ``domain`` is this newsroom's site (the request's or allowed hosts)."""
    own_host, _port = split_domain_port(request.get_host())
    own_host = own_host.lower().removeprefix("www.")
    if domain == own_host:
        return True
    allowed = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    return validate_host(domain, allowed) or validate_host("www." + domain, allowed)


def classify(request):
    """(domain, kind) for a tracking-image request."""
    domain = referring_domain(request.headers.get("Referer", ""))
    if domain is None:
        return "", Republication.Kind.UNKNOWN
    if is_own_domain(domain, request):
        return domain, Republication.Kind.OWN
    return domain, Republication.Kind.SITE


def count_hit(brief_id, domain, kind):
    """Count one hit; write to the database at most once per interval."""
    interval = write_interval()
    if interval <= 0:
        _write(brief_id, domain, kind, 1)
        return
    key = f"republication:{brief_id}:{hashlib.sha256(domain.encode()).hexdigest()[:32]}"
    pending_key, lock_key = f"{key}:pending", f"{key}:lock"
    if not cache.add(pending_key, 1, timeout=max(interval * 20, 3600)):
        try:
            cache.incr(pending_key)
        except ValueError:  # expired between add and incr
            cache.add(pending_key, 1, timeout=max(interval * 20, 3600))
    if not cache.add(lock_key, 1, timeout=interval):
        return  # written recently: this hit waits in the cache for the next write
    hits = cache.get(pending_key) or 0
    if hits <= 0:
        return
    try:
        cache.decr(pending_key, hits)
    except ValueError:
        pass
    _write(brief_id, domain, kind, hits)


def _write(brief_id, domain, kind, hits):
    now = timezone.now()
    rows = Republication.objects.filter(brief_id=brief_id, domain=domain)
    try:
        if rows.update(count=F("count") + hits, last_seen=now):
            return
        if kind == Republication.Kind.SITE and not _may_add_domain(brief_id):
            return
        try:
            with transaction.atomic():
                Republication.objects.create(
                    brief_id=brief_id,
                    domain=domain,
                    kind=kind,
                    count=hits,
                    first_seen=now,
                    last_seen=now,
                )
        except IntegrityError:
            # Another request created the row first (or the brief is gone).
            rows.update(count=F("count") + hits, last_seen=now)
    except DatabaseError:
        # The image must answer even when the database cannot take the write.
        logger.warning("Could not record a republication hit", exc_info=True)


def _may_add_domain(brief_id):
    """Cap new domains per brief per hour, so forged Referers cannot flood rows."""
    key = f"republication:new-domains:{brief_id}"
    if cache.add(key, 1, timeout=3600):
        return True
    try:
        return cache.incr(key) <= new_domains_per_hour()
    except ValueError:
        return cache.add(key, 1, timeout=3600)
