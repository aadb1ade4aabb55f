"""Settings for Newsroom, read from the environment.

Development defaults are safe to run locally; with DJANGO_DEBUG=0 the values a
production site cannot do without (the secret key) must be set or start-up stops.

One module (about 480 lines) on purpose: every environment variable the site
reads is in this file, in the order Django documents its settings, so an
operator finds them all in one place (README, "Settings").
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The editors' desk: django-unfold's admin theme (before the admin, whose
    # templates it overrides); its settings are UNFOLD below.
    "unfold",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "taggit",
    "django_prose_editor",
    # Revisions of briefs, with compare and restore in the admin (briefs/workflow.py).
    "reversion",
    # Throttles admin logins (newsroom/security.py, AXES_* below).
    "axes",
    # Content-Security-Policy headers (CONTENT_SECURITY_POLICY below); the app
    # adds django-csp's checks of its settings.
    "csp",
    "newsroom.publication",
    "newsroom.licensing",
    "newsroom.fundraising",
    "newsroom.feedback",
    "newsroom.republishing",
    "briefs",
    # About, Contact, Privacy and the newsroom's other pages; the header menu.
    "newsroom.pages",
    # The WordPress importer, and old addresses answered with 301s
    # (newsroom/importing/redirects.py).
    "newsroom.importing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages get these headers too: the
    # Content-Security-Policy (django-csp, with the admin's own policy) ...
    "newsroom.security.NewsroomCSPMiddleware",
    # ... and Permissions-Policy and frame denial.
    "newsroom.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag/If-None-Match: 304 Not Modified, for cached pages too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions: a cached page skips the rest (newsroom/cache.py).
    "newsroom.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a locked-out login into a 429 page; touches nothing else.
    "axes.middleware.AxesMiddleware",
    # Last, so it sees a 404 first: old WordPress addresses answer with a 301
    # to the brief, when it is public (newsroom/importing/redirects.py).
    "newsroom.importing.redirects.OldAddressMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "newsroom.publication.context_processors.publication",
                "newsroom.context_processors.language_switch",
                "newsroom.context_processors.content_version",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
# Connections are kept for a minute: a new one costs a handshake on
# PostgreSQL, and on SQLite a fresh parse of the schema and a cold page cache.
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite takes one writer at a time. A transaction that reads and then
    # writes (update_or_create, the admin's saves) would be refused at once
    # with "database is locked" when another process wrote in between: BEGIN
    # IMMEDIATE takes the write lock first, so it waits up to `timeout`
    # seconds instead. WAL lets readers go on while a write is under way.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("timeout", 20)
    options.setdefault("transaction_mode", "IMMEDIATE")
    options.setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Three caches: "default" holds pages, fragments and the content version
# (newsroom/cache.py, docs/caching.md); "ratelimit" holds rate-limit counters,
# apart so that a flood of page keys cannot evict them; "thumbnails" holds the
# names and sizes of image renditions (newsroom/images.py), apart for the same
# reason and outside the release fingerprint, as a deployment leaves the files. Without Redis both are
# directories that every worker process of the machine shares.
REDIS_URL = os.environ.get("REDIS_URL", "")
NEWSROOM_CACHE_DISABLED = env_bool("NEWSROOM_CACHE_DISABLED", False)
NEWSROOM_CACHE_DIR = Path(os.environ.get("NEWSROOM_CACHE_DIR", BASE_DIR / ".cache"))
if NEWSROOM_CACHE_DISABLED:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in ("default", "ratelimit")
    }
    # Not content but what sorl-thumbnail knows of the files on disk: with a
    # store that keeps nothing it cannot record a rendition and pages lose
    # their images. Kept in each process.
    CACHES["thumbnails"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
elif REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            # Adds the release fingerprint: a new deployment never serves
            # pages rendered by the old one.
            "KEY_FUNCTION": "newsroom.cache.make_key",
        },
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom-ratelimit",
        },
        "thumbnails": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom-thumbnails",
        },
    }
else:
    CACHES = {
        "default": {
            # FileBasedCache culling every 100th write (newsroom/cache.py).
            "BACKEND": "newsroom.cache.FileCache",
            "LOCATION": NEWSROOM_CACHE_DIR / "default",
            "KEY_PREFIX": "newsroom",
            "KEY_FUNCTION": "newsroom.cache.make_key",
            "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4, "CULL_EVERY": 100},
        },
        "ratelimit": {
            "BACKEND": "newsroom.cache.FileCache",
            "LOCATION": NEWSROOM_CACHE_DIR / "ratelimit",
            "OPTIONS": {"MAX_ENTRIES": 10000, "CULL_FREQUENCY": 4},
        },
        "thumbnails": {
            "BACKEND": "newsroom.cache.FileCache",
            "LOCATION": NEWSROOM_CACHE_DIR / "thumbnails",
            "OPTIONS": {"MAX_ENTRIES": 50000, "CULL_FREQUENCY": 4},
        },
    }

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin logins are throttled by django-axes: after AXES_FAILURE_LIMIT failed
# attempts for one username from one address, that pair is refused (even with
# the right password) until the cool-off time passes.
AUTHENTICATION_BACKENDS = [
    "newsroom.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip"
# Load balancers in front of the app servers that append to X-Forwarded-For.
NEWSROOM_TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", 0))

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
# Our catalogue, then the Spanish of the admin theme's own strings
# (django-unfold ships none), which `make messages` leaves alone.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_unfold"]
# Per-language date formats ("12 Aug 2016", "12 ago 2016").
FORMAT_MODULE_PATH = ["newsroom.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded images. By default they are files under DJANGO_MEDIA_ROOT, which
# Django serves at /media/ only with DEBUG on or NEWSROOM_SERVE_MEDIA=1
# (newsroom/urls.py); in production the web server serves that folder
# (docs/deployment.md). DJANGO_S3_BUCKET puts them on an S3-compatible store
# through django-storages instead, so several app servers share them.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", False)
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
if S3_BUCKET:
    # Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or any
    # other source boto3 reads), never from this file.
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
            # Images are public: plain URLs a CDN and browsers can cache, not
            # signed ones that expire.
            "querystring_auth": False,
            # A second upload named like the first gets its own name rather
            # than replacing the image a published brief shows.
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000
# Image renditions (newsroom/images.py): made once by sorl-thumbnail in the
# default storage under media/cache/, remembered in the "thumbnails" cache.
THUMBNAIL_KVSTORE = "newsroom.images.CacheKVStore"
THUMBNAIL_CACHE = "thumbnails"
THUMBNAIL_STORAGE = "default"
THUMBNAIL_UPSCALE = False
THUMBNAIL_PRESERVE_FORMAT = False
# Uploaded images (newsroom/validators.py): real images within these limits.
NEWSROOM_IMAGE_MAX_BYTES = int(
    os.environ.get("NEWSROOM_IMAGE_MAX_BYTES", 5 * 1024 * 1024)
)
NEWSROOM_IMAGE_MAX_PIXELS = int(os.environ.get("NEWSROOM_IMAGE_MAX_PIXELS", 40_000_000))

SECURE_SSL = env_bool("DJANGO_SECURE_SSL", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy, sent by django-csp (docs/security.md). Public pages
# run only our own static scripts; JSON-LD blocks are data, which CSP does not
# execute. A view that needs more says so with csp.decorators.csp_update.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Images on another host (a CDN or object storage for uploads): DJANGO_CSP_IMG_HOSTS.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += env_list("DJANGO_CSP_IMG_HOSTS")
# Browser features no page of ours uses (the clipboard stays: "Copy HTML").
NEWSROOM_PERMISSIONS_POLICY_DENY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
]
SESSION_COOKIE_HTTPONLY = True
if SECURE_SSL:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
    # Both reach beyond this site (every subdomain; browsers' preload lists,
    # hard to leave), so each is the owner's explicit choice. Left off, the
    # deploy check's reminders about them are silenced: off is deliberate.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
    SILENCED_SYSTEM_CHECKS = [
        check
        for check, chosen in (
            ("security.W005", SECURE_HSTS_INCLUDE_SUBDOMAINS),
            ("security.W021", SECURE_HSTS_PRELOAD),
        )
        if not chosen
    ]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# The admin's own policy, for every URL under the admin (newsroom/security.py):
# the public one plus inline scripts and styles, as the rich-text editor loads
# its modules through an inline import map, string evaluation for the admin
# theme's Alpine.js (its menus, tabs and dialogs are attributes Alpine
# evaluates), and blob: images.
NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "blob:"],
    }
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The admin's theme (django-unfold): branded with the Publication, navigation
# grouped for a newsroom (newsroom/publication/desk.py, where the groups are
# listed), and the desk's own styles for lists and reports.
UNFOLD = {
    "SITE_TITLE": "newsroom.publication.desk.site_title",
    "SITE_HEADER": "newsroom.publication.desk.site_title",
    "SITE_SUBHEADER": "newsroom.publication.desk.site_subheader",
    "SITE_ICON": "newsroom.publication.desk.site_icon",
    "SITE_SYMBOL": "newspaper",
    "SITE_URL": "/",
    "SHOW_VIEW_ON_SITE": True,
    "DASHBOARD_CALLBACK": "newsroom.publication.desk.dashboard",
    "STYLES": ["newsroom.publication.desk.stylesheets"],
    "COLORS": {
        # A newsroom red (the donate button's) instead of the default violet.
        "primary": {
            "50": "oklch(97.1% .013 17.38)",
            "100": "oklch(93.6% .032 17.717)",
            "200": "oklch(88.5% .062 18.334)",
            "300": "oklch(80.8% .114 19.571)",
            "400": "oklch(70.4% .191 22.216)",
            "500": "oklch(63.7% .237 25.331)",
            "600": "oklch(57.7% .245 27.325)",
            "700": "oklch(50.5% .213 27.518)",
            "800": "oklch(44.4% .177 26.899)",
            "900": "oklch(39.6% .141 25.723)",
            "950": "oklch(25.8% .092 26.042)",
        },
    },
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": False,
        "navigation": "newsroom.publication.desk.navigation",
    },
}

# After logging in at /admin/login/ with no page to go back to: the desk. (The
# theme's login form sends no "next" field of its own, so Django would go to
# its default, /accounts/profile/, which this site does not have.)
LOGIN_REDIRECT_URL = "admin:index"

# Newsroom's own settings.
# How long a signed draft-preview link stays valid, in seconds.
NEWSROOM_PREVIEW_MAX_AGE = int(
    os.environ.get("NEWSROOM_PREVIEW_MAX_AGE", 7 * 24 * 3600)
)
# Briefs per page on archives and lists.
NEWSROOM_PAGE_SIZE = int(os.environ.get("NEWSROOM_PAGE_SIZE", 20))

# Page cache for anonymous readers (newsroom/cache.py). Browsers keep a page
# NEWSROOM_CACHE_MAX_AGE seconds, shared caches (a CDN) NEWSROOM_CACHE_S_MAXAGE;
# both then revalidate with the ETag. NEWSROOM_PAGE_CACHE=0 turns off the
# server-side store (the headers stay).
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", True)
NEWSROOM_CACHE_MAX_AGE = int(os.environ.get("NEWSROOM_CACHE_MAX_AGE", 60))
NEWSROOM_CACHE_S_MAXAGE = int(os.environ.get("NEWSROOM_CACHE_S_MAXAGE", 300))
# How long a CDN may keep serving a page past s-maxage while it refetches it.
NEWSROOM_CACHE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("NEWSROOM_CACHE_STALE_WHILE_REVALIDATE", 60)
)
# How long a rendered page may sit in the cache; an edit invalidates it sooner.
NEWSROOM_PAGE_CACHE_TIMEOUT = int(os.environ.get("NEWSROOM_PAGE_CACHE_TIMEOUT", 3600))
# Paths never cached (editors' and files' URLs).
NEWSROOM_CACHE_EXCLUDE = ["/admin/", "/static/", "/media/"]
# Times at which a page changes by itself: the cache starts a new version then.
NEWSROOM_CACHE_SCHEDULE_FIELDS = [
    "briefs.Brief.published_at",
    "fundraising.DonationPrompt.active_from",
    "fundraising.DonationPrompt.active_until",
]

# Items in each RSS/Atom feed.
NEWSROOM_FEED_SIZE = int(os.environ.get("NEWSROOM_FEED_SIZE", 30))
# Republication tracking: at most one database write per brief and site in this
# many seconds (hits in between are added up), and at most this many new sites
# per brief and hour, so a flood of forged referrers cannot fill the table.
NEWSROOM_REPUBLICATION_WRITE_INTERVAL = int(
    os.environ.get("NEWSROOM_REPUBLICATION_WRITE_INTERVAL", 60)
)
NEWSROOM_REPUBLICATION_NEW_DOMAINS_PER_HOUR = int(
    os.environ.get("NEWSROOM_REPUBLICATION_NEW_DOMAINS_PER_HOUR", 200)
)
