"""The site-wide content version and the page cache for anonymous readers.

Every public page shows rows of a handful of apps (briefs, pages, publication,
licensing, fundraising, feedback, taggit). Rather than track which page shows
which row, the site has one *content version*, a random token kept in the
default cache: any commit that saves or deletes such a row (models that set
``affects_public_pages = False`` excepted) starts a new one, and so does the
next scheduled change (a brief's publication time, a donation prompt's window)
when it comes due. Pages and values computed from the database are stored
under the version they were computed with, so an edit makes them all
unreachable at once. docs/caching.md tells the whole story.
"""

import contextvars
import fcntl
import hashlib
import logging
import os
import secrets
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import Min
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    patch_cache_control,
)

logger = logging.getLogger(__name__)

# Apps whose rows appear on public pages.
TRACKED_APPS = frozenset(
    {
        "briefs",
        "publication",
        "licensing",
        "fundraising",
        "feedback",
        "pages",
        "taggit",
    }
)
VERSION_KEY = "content-version"
# Pages worth storing; images and files go by other routes.
CACHEABLE_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/json",
        "application/feed+json",
    }
)


# The content version


def content_version():
    """The current content version, made anew when none is current.

    Stored as ``(token, next_change)``: the version ends by itself at
    ``next_change`` (a POSIX time), when a scheduled page change comes due.
    """
    if settings.NEWSROOM_CACHE_DISABLED:
        return secrets.token_hex(8)  # nothing is stored: never a match
    stored = cache.get(VERSION_KEY)
    if stored is None or (stored[1] is not None and time.time() >= stored[1]):
        stored = new_version()
        cache.set(VERSION_KEY, stored, None)
    return stored[0]


def new_version():
    try:
        next_change = next_scheduled_change(timezone.now())
    except DatabaseError:
        # Tables missing (a database being migrated) or a failing query: look
        # again in a minute rather than break the request or the save.
        logger.exception("Could not read the next scheduled change")
        next_change = time.time() + 60
    return (secrets.token_hex(8), next_change)


def next_scheduled_change(now):
    """The earliest future moment at which a public page changes by itself.

    Read from ``NEWSROOM_CACHE_SCHEDULE_FIELDS`` ("app_label.Model.field").
    Returns a POSIX timestamp or None.
    """
    moments = []
    for spec in settings.NEWSROOM_CACHE_SCHEDULE_FIELDS:
        label, field = spec.rsplit(".", 1)
        # A WHERE clause, not an aggregate's FILTER: with an index on the
        # field the database reads one entry instead of every row.
        moment = (
            apps.get_model(label)
            ._base_manager.filter(**{f"{field}__gt": now})
            .aggregate(next=Min(field))["next"]
        )
        if moment is not None:
            moments.append(moment.timestamp())
    return min(moments, default=None)


def content_changed(using=DEFAULT_DB_ALIAS):
    """Start a new content version: what was rendered so far is out of date.

    Inside a transaction the version is dropped at once and made again once
    the transaction commits: a page another process renders meanwhile, from
    the data before the commit, is stored under a version nobody reads again.
    """
    drop_version()
    connection = connections[using]
    pending = [entry[1] for entry in connection.run_on_commit]
    if connection.in_atomic_block and drop_version not in pending:
        transaction.on_commit(drop_version, using=using, robust=True)


def drop_version(**kwargs):
    """Forget the content version: the next reader makes a new one.

    Also run when a setting changes (tests override the page size, the
    languages): pages rendered under the old settings are not served.
    """
    try:
        cache.delete(VERSION_KEY)
    except Exception:
        logger.exception("Could not invalidate the page cache")


def content_cached(name, compute, timeout=None):
    """``compute()``, kept in the cache under the current content version.

    The version is read before computing, so a value computed while an edit
    lands is stored under the old version and never served.
    """
    try:
        key = f"data:{content_version()}:{name}"
        value = cache.get(key)
    except Exception:
        logger.exception("Cache unavailable")
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.exception("Could not store %s in the cache", name)
    return value


@lru_cache
def release():
    """A fingerprint of the code, templates and translations that render pages.

    Part of every key of the default cache (``make_key``), so a new deployment
    sharing Redis never serves pages rendered by older code.
    ``NEWSROOM_RELEASE`` (a commit hash, say) replaces it.
    """
    if os.environ.get("NEWSROOM_RELEASE"):
        return os.environ["NEWSROOM_RELEASE"]
    base = Path(settings.BASE_DIR)
    roots = [base / "templates", base / "locale", base / "newsroom", base / "briefs"]
    digest = hashlib.sha256()
    for path in sorted(p for root in roots for p in root.rglob("*") if p.is_file()):
        if path.suffix in {".py", ".html", ".txt", ".xml", ".mo"}:
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


def make_key(key, key_prefix, version):
    """The default cache's KEY_FUNCTION: Django's key plus the release."""
    return f"{key_prefix}:{version}:{release()}:{key}"


class FileCache(FileBasedCache):
    """Django's file cache, culling on every ``CULL_EVERY``-th write only.

    FileBasedCache lists its whole directory on every write to decide whether
    to cull; with thousands of pages that costs more than the write itself.
    """

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self.cull_every = params.get("OPTIONS", {}).get("CULL_EVERY", 100)
        self.writes = 0

    def _cull(self):
        self.writes += 1
        if self.writes % self.cull_every == 1:
            super()._cull()

    # Django's file cache reads and then writes in add() and incr(), so two
    # workers counting at once lose a count; rate limits and republication
    # hits count through them. One lock file for the directory makes each
    # atomic across the threads and processes of the machine (counting is
    # quick; one lock, rather than one per key, leaves no files behind).

    @contextmanager
    def _locked(self, key, version):
        self._createdir()
        with open(os.path.join(self._dir, "counters.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked(key, version):
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._locked(key, version):
            return super().incr(key, delta, version)


# Signal receivers (connected in newsroom.publication.apps)


# Set while saves are made only to be rolled back (``rehearsal``).
_rehearsing = contextvars.ContextVar("newsroom_cache_rehearsing", default=False)


@contextmanager
def rehearsal(using=DEFAULT_DB_ALIAS):
    """Saves made in this block are rolled back: the content version stays.

    The brief form's live preview (briefs/admin_preview.py) saves the form to
    render the page readers would see, then rolls the transaction back;
    nothing public changed, so the page cache is left as it is.
    """
    token = _rehearsing.set(True)
    try:
        with transaction.atomic(using=using):
            yield
            transaction.set_rollback(True, using=using)
    finally:
        _rehearsing.reset(token)


def model_saved_or_deleted(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if _rehearsing.get():
        return
    # Migrations send signals with historical models: the tables may be half
    # built; post_migrate starts a new version when they are done.
    if (
        sender._meta.apps is apps
        and sender._meta.app_label in TRACKED_APPS
        and getattr(sender, "affects_public_pages", True)
    ):
        content_changed(using)


def relation_changed(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_"):
        model_saved_or_deleted(sender, using)


def migrated(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    content_changed(using)


# The page cache


def is_cacheable(response):
    """Whether ``response`` is the same for every anonymous reader of its URL."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in CACHEABLE_TYPES:
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & {"private", "no-store", "no-cache"}:
        return False
    varies = {
        header.strip().lower()
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    }
    # The key holds the language for pages outside the /<lang>/ prefix.
    return varies <= {"accept-language"}


def page_url(request):
    """What identifies a page: scheme, host, path, query and language."""
    url = request.build_absolute_uri()
    if translation.get_language_from_path(request.path_info) is None:
        url += "|" + translation.get_language_from_request(request)
    return url


def page_key(url, version):
    return f"page:{version}:{hashlib.md5(url.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Serve anonymous readers' GET and HEAD requests from the cache.

    Placed after ConditionalGetMiddleware (which answers a matching
    If-None-Match with 304) and before the session middleware: a hit skips
    sessions, CSRF, auth and the view. Logged-in editors get never-cached
    responses; responses that are not the same for every reader
    (``is_cacheable``) are passed on untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path_info.startswith(
            tuple(settings.NEWSROOM_CACHE_EXCLUDE)
        ):
            return self.get_response(request)
        try:
            url = page_url(request)
        except DisallowedHost:
            return self.get_response(request)  # the view answers 400
        try:
            version = content_version()
        except Exception:
            logger.exception("Cache unavailable")
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            response = self.get_response(request)
            if getattr(request, "user", None) and request.user.is_authenticated:
                add_never_cache_headers(response)
                return response
            return self.add_headers(response, url, version)

        key = page_key(url, version)
        if settings.NEWSROOM_PAGE_CACHE:
            try:
                if (hit := cache.get(key)) is not None:
                    return hit
            except Exception:
                logger.exception("Page cache unavailable")
        response = self.add_headers(self.get_response(request), url, version)
        if settings.NEWSROOM_PAGE_CACHE and is_cacheable(response):
            try:
                cache.set(key, response, settings.NEWSROOM_PAGE_CACHE_TIMEOUT)
            except Exception:
                logger.exception("Could not store a page in the cache")
        return response

    def add_headers(self, response, url, version):
        """Public caching headers and an ETag of the content version."""
        if not is_cacheable(response):
            return response
        if "ETag" not in response:
            digest = hashlib.sha256(f"{version}|{url}".encode()).hexdigest()[:24]
            response.headers["ETag"] = f'W/"{digest}"'
        if "Cache-Control" not in response:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.NEWSROOM_CACHE_MAX_AGE,
                s_maxage=settings.NEWSROOM_CACHE_S_MAXAGE,
                stale_while_revalidate=settings.NEWSROOM_CACHE_STALE_WHILE_REVALIDATE,
            )
        return response
