"""Page caching for anonymous readers, invalidated by a site-wide content version.

Every public page shows content from a handful of apps (briefs, publication,
licensing, fundraising, feedback, taggit). Instead of tracking which page shows
which row, the whole site shares one *content state*: a random token that
changes whenever a row of those apps is saved or deleted (models that set
``affects_public_pages = False`` excepted) and when the next scheduled change
(a brief's publication time, a donation prompt's window) comes due. Rendered
pages are stored under their URL together with the token they were rendered
with; an entry whose token is not the current one is never served.

A cache hit costs one cache round trip (the state and the page are fetched
together) and no database query. The state lives in the shared cache when
there is one (Redis), else in a small file that every worker process on the
machine reads with a ``stat`` call, so gunicorn workers with process-local
caches still see an edit made through another worker.
"""

import hashlib
import logging
import os
import secrets
import tempfile
import time
import zlib
from functools import lru_cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import Min
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re
from django.utils.http import parse_etags

logger = logging.getLogger(__name__)

# Apps whose rows appear on public pages.
TRACKED_APPS = frozenset(
    {"briefs", "publication", "licensing", "fundraising", "feedback", "taggit"}
)
STATE_KEY = "newsroom:content-state"
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
# Headers a 304 repeats from the full response (RFC 9110, 15.4.5).
NOT_MODIFIED_HEADERS = ("Cache-Control", "Content-Location", "ETag", "Expires", "Vary")


# The content state


def affects_public_pages(model):
    """Whether saving or deleting a row of ``model`` may change a public page."""
    return model._meta.app_label in TRACKED_APPS and getattr(
        model, "affects_public_pages", True
    )


def next_scheduled_change(now):
    """The earliest future moment at which a public page changes by itself.

    Read from ``NEWSROOM_CACHE_SCHEDULE_FIELDS`` ("app_label.Model.field"): a
    brief's publication time, a donation prompt's start and end. Returns a
    POSIX timestamp or None. Models that do not exist (yet) are skipped.
    """
    fields_by_model = {}
    for spec in settings.NEWSROOM_CACHE_SCHEDULE_FIELDS:
        app_label, model_name, field = spec.rsplit(".", 2)
        fields_by_model.setdefault(f"{app_label}.{model_name}", []).append(field)
    moments = []
    for label, fields in fields_by_model.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        for field in fields:
            # A WHERE clause, not an aggregate's FILTER: with an index on the
            # field the database reads one entry instead of every row.
            value = model._base_manager.filter(**{f"{field}__gt": now}).aggregate(
                next=Min(field)
            )["next"]
            if value is not None:
                moments.append(value)
    return min(moments).timestamp() if moments else None


def new_state():
    """A fresh content state: a new token and the next scheduled change."""
    now = timezone.now()
    try:
        next_change = next_scheduled_change(now)
    except DatabaseError:
        # Tables missing (a database being migrated) or a failing query: look
        # again in a minute rather than break the request or the save.
        logger.exception("Could not read the next scheduled change")
        next_change = now.timestamp() + 60
    return (secrets.token_hex(8), next_change)


def is_current(state):
    return state is not None and (state[1] is None or time.time() < state[1])


class CacheStateStore:
    """The state in the shared cache: every app server sees a change at once."""

    def read(self, backend, keys):
        values = backend.get_many([STATE_KEY, *keys])
        return values.pop(STATE_KEY, None), values

    def write(self, backend, state):
        backend.set(STATE_KEY, state, None)

    def clear(self, backend):
        backend.delete(STATE_KEY)


class LocalStateStore:
    """The state in this process, for a database no other process can open."""

    def __init__(self):
        self.state = None

    def read(self, backend, keys):
        return self.state, (backend.get_many(keys) if keys else {})

    def write(self, backend, state):
        self.state = state

    def clear(self, backend):
        self.state = None


class FileStateStore:
    """The state in a small file, shared by the worker processes of one machine.

    Each read is a ``stat`` call; the file is read again only when it was
    replaced. Writes replace the file atomically.
    """

    def __init__(self, path):
        self.path = Path(path)
        self.last_read = (None, None)  # (file signature, state)

    def read(self, backend, keys):
        return self.load(), (backend.get_many(keys) if keys else {})

    def load(self):
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return None
        signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        last_signature, state = self.last_read
        if signature != last_signature:
            try:
                token, next_change = self.path.read_text().split()
            except (OSError, ValueError):
                return None
            state = (token, None if next_change == "-" else float(next_change))
            self.last_read = (signature, state)
        return state

    def write(self, backend, state):
        token, next_change = state
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(f"{token} {'-' if next_change is None else next_change}")
        os.replace(temporary, self.path)

    def clear(self, backend):
        self.path.unlink(missing_ok=True)


_stores = {}


def state_store():
    """Where the content state lives for the current cache and database."""
    database = connections[DEFAULT_DB_ALIAS].settings_dict
    key = (
        type(caches[DEFAULT_CACHE_ALIAS]),
        settings.NEWSROOM_CACHE_STATE_FILE,
        database["ENGINE"],
        str(database["NAME"]),
        database.get("HOST"),
        database.get("PORT"),
    )
    store = _stores.get(key)
    if store is None:
        store = _stores[key] = make_state_store(database)
    return store


def make_state_store(database):
    if not isinstance(caches[DEFAULT_CACHE_ALIAS], (LocMemCache, DummyCache)):
        return CacheStateStore()
    if settings.NEWSROOM_CACHE_STATE_FILE:
        return FileStateStore(settings.NEWSROOM_CACHE_STATE_FILE)
    name = str(database["NAME"])
    if database["ENGINE"].endswith("sqlite3") and (
        name == ":memory:" or "mode=memory" in name
    ):
        return LocalStateStore()
    # One file per database: processes that share the data share the state.
    identity = "|".join(
        str(database.get(part)) for part in ("ENGINE", "NAME", "HOST", "PORT")
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return FileStateStore(Path(tempfile.gettempdir()) / f"newsroom-content-{digest}")


def read_state(*keys):
    """The current content state and the cache values of ``keys``, together."""
    store = state_store()
    try:
        state, values = store.read(cache, keys)
    except Exception:
        logger.exception("Page cache unavailable")
        return None, {}
    if not is_current(state):
        state, values = new_state(), {}
        try:
            store.write(cache, state)
        except Exception:
            logger.exception("Page cache unavailable")
            return None, {}
    return state, values


def content_changed(using=DEFAULT_DB_ALIAS):
    """Start a new content version: the pages rendered so far are out of date.

    Inside a transaction the state is dropped at once (readers in this
    transaction see the change) and made again once the transaction commits,
    so that no other process keeps a page rendered from the data before the
    commit.
    """
    connection = connections[using]
    if not connection.in_atomic_block:
        _renew_state()
        return
    _drop_state()
    pending = getattr(connection, "run_on_commit", [])
    if not any(entry[1] is _renew_state for entry in pending):
        transaction.on_commit(_renew_state, using=using, robust=True)


def _renew_state():
    forget_local_copies()
    try:
        state_store().write(cache, new_state())
    except Exception:
        logger.exception("Could not invalidate the page cache")


def _drop_state():
    forget_local_copies()
    try:
        state_store().clear(cache)
    except Exception:
        logger.exception("Could not invalidate the page cache")


def content_cached(name, compute, timeout=None):
    """``compute()``, kept in the cache until the content changes.

    The state is read before computing, so a value computed while an edit
    lands is stored under the old version and never served.
    """
    values = content_cached_many([name], lambda _missing: {name: compute()}, timeout)
    return values[name]


# This process's copies of what ``content_cached_many`` read, as
# ``{key: (token, value)}``. A copy made under the current content version is
# used as it is: no cache round trip, no unpickling (about 0.2 ms a brief
# page for the publication, the donation prompts and related content's tag
# windows). Pages only read these values; code that changes one saves it,
# which starts a new version.
_local_copies = {}


def forget_local_copies():
    _local_copies.clear()


def content_cached_many(names, compute, timeout=None):
    """``{name: value}`` for ``names``, each kept until the content changes.

    A value is looked for in this process's copies, then in the cache (one
    round trip for all), and computed last: ``compute(missing)`` returns
    ``{name: value}`` for the names found in neither, which are stored
    together. The state is read before computing, so a value computed while
    an edit lands is stored under the old version and never served.
    """
    keys = {f"newsroom:data:{release()}:{name}": name for name in names}
    state, _values = read_state()
    if state is None:
        return compute(list(keys.values()))
    token = state[0]
    found, missing = {}, {}
    for key, name in keys.items():
        copy = _local_copies.get(key)
        if copy is not None and copy[0] == token:
            found[name] = copy[1]
        else:
            missing[key] = name
    if missing:
        try:
            values = cache.get_many(list(missing))
        except Exception:
            logger.exception("Page cache unavailable")
            values = {}
        for key in list(missing):
            entry = values.get(key)
            if entry is not None and entry[0] == token:
                found[missing.pop(key)] = entry[1]
                _local_copies[key] = entry
    if missing:
        computed = compute(list(missing.values()))
        found.update(computed)
        fresh = {
            key: (token, computed[name])
            for key, name in missing.items()
            if name in computed
        }
        _local_copies.update(fresh)
        try:
            cache.set_many(fresh, timeout)
        except Exception:
            logger.exception(
                "Could not store %s in the cache", ", ".join(missing.values())
            )
    return found


@lru_cache
def release():
    """A fingerprint of the code, templates and translations that render pages.

    Part of every cache key, so that pages rendered by an older deployment are
    not served by a newer one sharing the same Redis. ``NEWSROOM_RELEASE`` (a
    commit hash, say) replaces it.
    """
    if os.environ.get("NEWSROOM_RELEASE"):
        return os.environ["NEWSROOM_RELEASE"]
    base = Path(settings.BASE_DIR)
    roots = [base / "templates", base / "locale", Path(__file__).parent]
    roots += [
        Path(config.path)
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base)
    ]
    files = {
        path
        for root in roots
        for path in root.rglob("*")
        if path.suffix in {".py", ".html", ".txt", ".xml", ".mo"}
    }
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


# Signal receivers (connected in newsroom.publication.apps)


def model_saved_or_deleted(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    # Migrations send signals with historical models: the tables may be half
    # built; post_migrate starts a new version when they are done.
    if sender._meta.apps is apps and affects_public_pages(sender):
        content_changed(using)


def relation_changed(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_"):
        model_saved_or_deleted(sender, using)


def migrated(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    content_changed(using)


def setting_changed(**kwargs):
    # Tests override settings (page size, languages) that change pages. No
    # query here: the next reader makes the new state.
    _drop_state()


# The middleware


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


def etag_matches(request, etag):
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = parse_etags(header)
    weak = etag.removeprefix("W/")
    return "*" in tags or any(tag.removeprefix("W/") == weak for tag in tags)


def not_modified(headers):
    response = HttpResponseNotModified()
    for name in NOT_MODIFIED_HEADERS:
        if name in headers:
            response.headers[name] = headers[name]
    return response


class PageCacheMiddleware:
    """Serve anonymous readers' GET and HEAD requests from the page cache.

    Place it right after WhiteNoise, before the session middleware: a hit
    skips sessions, CSRF, auth and the view. Requests with a session cookie
    (editors) always render and, when the user is logged in, get a private
    response. Responses that set cookies, vary on anything but the language,
    are not 200, or say ``private``/``no-store``/``no-cache`` are passed on
    untouched and never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path_info.startswith(
            tuple(settings.NEWSROOM_CACHE_EXCLUDE)
        ):
            return self.get_response(request)
        try:
            url = self.page_url(request)
        except DisallowedHost:
            url = None  # the view answers 400
        if url is None:
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                response.headers["Cache-Control"] = "private, no-cache"
                return response
            return self.finish(request, response, url, None, None)

        key = f"newsroom:page:{release()}:{hashlib.sha256(url.encode()).hexdigest()}"
        state, values = read_state(key)
        entry = values.get(key)
        if (
            settings.NEWSROOM_PAGE_CACHE
            and state is not None
            and entry is not None
            and entry[0] == state[0]
        ):
            return self.from_entry(request, entry)
        response = self.get_response(request)
        return self.finish(request, response, url, key, state)

    def page_url(self, request):
        """What identifies the page: scheme, host, path, query and language."""
        full_path = request.get_full_path()
        if len(full_path) > 1000:
            return None
        url = f"{request.scheme}://{request.get_host()}{full_path}"
        if translation.get_language_from_path(request.path_info) is None:
            url += "|" + translation.get_language_from_request(request)
        return url

    def finish(self, request, response, url, key, state):
        if not is_cacheable(response):
            return response
        if state is None:
            state = read_state()[0]
        if "ETag" not in response and state is not None:
            digest = hashlib.sha256(f"{state[0]}|{url}".encode()).hexdigest()[:24]
            response.headers["ETag"] = f'W/"{digest}"'
        if "Cache-Control" not in response:
            response.headers["Cache-Control"] = (
                f"public, max-age={settings.NEWSROOM_CACHE_MAX_AGE}, "
                f"s-maxage={settings.NEWSROOM_CACHE_S_MAXAGE}"
            )
        if key is not None and state is not None and settings.NEWSROOM_PAGE_CACHE:
            content = response.content
            # Compressed in a shared cache: a third of the bytes over the
            # network. Local memory is bounded by MAX_ENTRIES and keeps hits
            # cheaper uncompressed.
            compressed = not isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache)
            entry = (
                state[0],
                response.status_code,
                tuple(response.headers.items()),
                zlib.compress(content) if compressed else content,
                compressed,
            )
            try:
                cache.set(key, entry, settings.NEWSROOM_PAGE_CACHE_TIMEOUT)
            except Exception:
                logger.exception("Could not store a page in the cache")
        if "ETag" in response and etag_matches(request, response["ETag"]):
            return not_modified(response.headers)
        return response

    def from_entry(self, request, entry):
        _token, status, headers, content, compressed = entry
        headers = dict(headers)
        if "ETag" in headers and etag_matches(request, headers["ETag"]):
            return not_modified(headers)
        if compressed:
            content = zlib.decompress(content)
        return HttpResponse(content, status=status, headers=headers)
