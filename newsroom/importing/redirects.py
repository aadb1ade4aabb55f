"""Old WordPress addresses as rows of Django's redirects app.

Every imported post's permalink path and every category and tag archive path
gets a ``Redirect`` (editable in the admin). ``OldAddressMiddleware`` answers
them, and the ``/?p=<id>`` form, with a 301, but only to a brief that is
public at the time of the request: for a brief that was unpublished since, or
is still scheduled, an old path answers 404 like the brief itself, and
``/?p=<id>`` 410 Gone.
"""

from urllib.parse import unquote, urlsplit

from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.http import HttpResponseGone, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.encoding import escape_uri_path

from briefs.models import Brief

from .models import ImportedPost

MAX_PATH = Redirect._meta.get_field("old_path").max_length


def old_path(url):
    """The path of an old address, or "" when it has none worth redirecting."""
    parts = urlsplit(url or "")
    if parts.path in ("", "/"):
        return ""  # "/?p=12": answered from ImportedPost
    # Spelt as request.get_full_path() spells it, whether the export has
    # "/año/" or "/a%C3%B1o/".
    path = escape_uri_path(unquote(parts.path))
    return path + (f"?{parts.query}" if parts.query else "")


def remember(path, new_path):
    """Make ``path`` redirect to ``new_path``.

    Returns "created" or "updated", or None when the path is too long to keep.
    """
    if not path or len(path) > MAX_PATH:
        return None
    _redirect, created = Redirect.objects.update_or_create(
        site=Site.objects.get_current(),
        old_path=path,
        defaults={"new_path": new_path},
    )
    return "created" if created else "updated"


def forget(path):
    if path:
        Redirect.objects.filter(site=Site.objects.get_current(), old_path=path).delete()


def public_brief_at(path):
    """Whether ``path`` is a brief's address: then whether that brief is public.

    Returns None for an address that is not a brief page.
    """
    language = translation.get_language_from_path(path)
    if language is None:
        return None
    with translation.override(language):
        try:
            match = resolve(urlsplit(path).path)
        except Resolver404:
            return None
    if match.view_name != "briefs:detail":
        return None
    return (
        Brief.objects.published()
        .filter(language=language, slug=match.kwargs["slug"])
        .exists()
    )


class OldAddressMiddleware(RedirectFallbackMiddleware):
    """Django's redirect fallback, plus ``/?p=<id>``, never to a non-public brief.

    Last in MIDDLEWARE, so it sees a 404 before the locale middleware turns
    it into a redirect to a language prefix; its 301s are not stored by the
    page cache, which keeps only 200 responses.
    """

    response_redirect_class = HttpResponsePermanentRedirect

    def __call__(self, request):
        if request.path_info == "/" and (
            "p" in request.GET or "page_id" in request.GET
        ):
            return self.post_id_redirect(request)
        return super().__call__(request)

    def post_id_redirect(self, request):
        value = request.GET.get("p") or request.GET.get("page_id") or ""
        if not value.isdigit() or len(value) > 18:
            return super().__call__(request)  # not a post id
        imported = ImportedPost.objects.filter(wordpress_id=int(value))
        if not imported.exists():
            return super().__call__(request)  # not one of ours
        public = (
            imported.filter(brief__in=Brief.objects.published())
            .select_related("brief")
            .first()
        )
        if public is None:
            # Not a 404: the locale middleware would turn that into a
            # redirect to the home page.
            return HttpResponseGone()
        return self.response_redirect_class(public.brief.get_absolute_url())

    def process_response(self, request, response):
        redirected = super().process_response(request, response)
        if redirected is response or redirected.status_code not in (301, 302):
            return redirected
        if public_brief_at(redirected["Location"]) is False:
            return response
        return redirected
