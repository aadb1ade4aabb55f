"""Old WordPress addresses, answered with 301s.

Every imported post's permalink path and every category and tag archive path
gets an ``OldAddress`` (editable in the admin). ``OldAddressMiddleware`` answers
them, and the ``/?p=<id>`` and ``/?page_id=<id>`` forms, with a 301, but only
to a brief or page that is public at the time of the request: for one that was
unpublished since, or a brief still scheduled, an old path answers 404 like
the brief or page itself, and ``/?p=<id>`` 410 Gone.
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponseGone, HttpResponsePermanentRedirect
from django.utils.encoding import escape_uri_path

from briefs.models import Brief
from newsroom.pages.models import Page

from .models import ImportedPost, OldAddress

MAX_PATH = OldAddress._meta.get_field("old_path").max_length


def old_path(url):
    """The path of an old address, or "" when it has none worth redirecting."""
    parts = urlsplit(url or "")
    if parts.path in ("", "/"):
        return ""  # "/?p=12": answered from ImportedPost
    # Spelt as request.get_full_path() spells it, whether the export has
    # "/año/" or "/a%C3%B1o/".
    path = escape_uri_path(unquote(parts.path))
    return path + (f"?{parts.query}" if parts.query else "")


def remember(path, brief=None, page=None, new_path=""):
    """Make ``path`` redirect to ``brief``, ``page`` or ``new_path``.

    Returns "created" or "updated", or None when the path is too long to keep.
    """
    if not path or len(path) > MAX_PATH:
        return None
    _address, created = OldAddress.objects.update_or_create(
        old_path=path,
        defaults={"brief": brief, "page": page, "new_path": new_path},
    )
    return "created" if created else "updated"


def forget(path):
    if path:
        OldAddress.objects.filter(old_path=path).delete()


class OldAddressMiddleware:
    """Old addresses and ``/?p=<id>`` answer with a 301, never to a non-public
    brief or page.

    Last in MIDDLEWARE, so it sees a 404 before the locale middleware turns
    it into a redirect to a language prefix; its 301s are not stored by the
    page cache, which keeps only 200 responses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/" and (
            "p" in request.GET or "page_id" in request.GET
        ):
            response = self.post_id_redirect(request)
            if response is not None:
                return response
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        paths = [request.get_full_path()]
        if settings.APPEND_SLASH and not request.path.endswith("/"):
            paths.append(request.get_full_path(force_append_slash=True))
        address = (
            OldAddress.objects.filter(old_path__in=paths)
            .select_related("brief", "page")
            .first()
        )
        if address is None:
            return response
        if address.brief_id:
            if Brief.objects.published().filter(pk=address.brief_id).exists():
                return HttpResponsePermanentRedirect(address.brief.get_absolute_url())
            return response
        if address.page_id:
            if address.page.is_public:
                return HttpResponsePermanentRedirect(address.page.get_absolute_url())
            return response
        if address.new_path:
            return HttpResponsePermanentRedirect(address.new_path)
        return HttpResponseGone()

    def post_id_redirect(self, request):
        """The answer to ``/?p=<id>`` or ``/?page_id=<id>``, or None when the id
        is not an imported post or page."""
        value = request.GET.get("p") or request.GET.get("page_id") or ""
        if not value.isdigit() or len(value) > 18:
            return None
        imported = ImportedPost.objects.filter(wordpress_id=int(value))
        if not imported.exists():
            return None
        public = (
            imported.filter(
                Q(brief__in=Brief.objects.published())
                | Q(page__in=Page.objects.published())
            )
            .select_related("brief", "page")
            .first()
        )
        if public is None:
            # Not a 404: the locale middleware would turn that into a
            # redirect to the home page.
            return HttpResponseGone()
        return HttpResponsePermanentRedirect(public.target.get_absolute_url())
