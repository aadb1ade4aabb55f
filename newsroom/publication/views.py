"""The site icon at /favicon.ico and the web app manifest.

Both are outside the language prefix: browsers ask for /favicon.ico on their
own, and the manifest's link carries the page's language (``?lang=es``).
"""

import mimetypes

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .models import Publication

# The default icons (static/icons/, drawn by scripts/make_icons.py).
DEFAULT_FAVICON = "icons/favicon.ico"
DEFAULT_MANIFEST_ICONS = [
    ("icons/icon-192.png", "192x192", "image/png"),
    ("icons/icon-512.png", "512x512", "image/png"),
    ("icons/icon.svg", "any", "image/svg+xml"),
]
THEME_COLOR = "#a3231f"  # the site's accent (static/css/site.css)
BACKGROUND_COLOR = "#ffffff"
# An icon changed in the admin reaches browsers within a day at most.
ICON_MAX_AGE = 24 * 60 * 60
MANIFEST_MAX_AGE = 60 * 60


def cacheable(response, max_age):
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_safe
def favicon(request):
    """Redirect to the publication's icon, or to the default one."""
    publication = Publication.load()
    if publication.site_icon:
        url = publication.site_icon.url
    else:
        url = static(DEFAULT_FAVICON)
    return cacheable(redirect(url), ICON_MAX_AGE)


def manifest_icons(publication):
    if not publication.site_icon:
        return [
            {"src": static(path), "sizes": sizes, "type": kind}
            for path, sizes, kind in DEFAULT_MANIFEST_ICONS
        ]
    icon = {"src": publication.site_icon.url}
    if publication.site_icon_width and publication.site_icon_height:
        icon["sizes"] = f"{publication.site_icon_width}x{publication.site_icon_height}"
    kind, _encoding = mimetypes.guess_type(publication.site_icon.name)
    if kind:
        icon["type"] = kind
    return [icon]


@require_safe
def manifest(request):
    """The web app manifest in the language ``?lang=`` names (the default one
    when absent); an unknown language is a 404."""
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        raise Http404("No such language")
    publication = Publication.load()
    with translation.override(language):
        start_url = reverse("briefs:home")
        data = {
            "name": publication.name,
            "short_name": publication.name,
            "description": publication.localized_tagline,
            "lang": language,
            "start_url": start_url,
            "scope": "/",
            "display": "browser",
            "theme_color": THEME_COLOR,
            "background_color": BACKGROUND_COLOR,
            "icons": manifest_icons(publication),
        }
    response = JsonResponse(
        data,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
    return cacheable(response, MANIFEST_MAX_AGE)
