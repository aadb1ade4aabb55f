import base64

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from briefs.models import Brief
from newsroom.cache import content_cached
from newsroom.licensing.attribution import (
    attribution,
    may_republish,
    republish_html,
    republish_text,
    site_root,
)
from newsroom.publication.models import Publication

from . import tracking

# The smallest transparent 1x1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


class RepublishView(DetailView):
    """The brief ready to paste, with the license terms in plain words."""

    template_name = "republishing/republish.html"
    context_object_name = "brief"

    def get_object(self, queryset=None):
        brief = (
            Brief.objects.published()
            .filter(slug=self.kwargs["slug"], language=get_language())
            .select_related("license", "section", "translation_of")
            .with_bylines()
            .prefetch_related(
                "translations",
            )
            .first()
        )
        if brief is None or not may_republish(brief):
            raise Http404("This brief cannot be republished")
        return brief

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        brief = self.object
        publication = Publication.load()
        base_url = site_root(self.request)
        translation_ = brief.translation
        translation_url = ""
        if translation_ is not None and translation_.is_public:
            translation_url = translation_.get_absolute_url()
            if may_republish(translation_):
                with translation.override(translation_.language):
                    translation_url = reverse(
                        "republishing:republish", kwargs={"slug": translation_.slug}
                    )
        context.update(
            translation_url=translation_url,
            translation_language=translation_ and translation_.language,
            license=brief.license,
            credit=attribution(brief, base_url, publication),
            republish_html=republish_html(brief, base_url, publication),
            republish_text=republish_text(brief, base_url, publication),
            image_left_out=bool(
                brief.featured_image and not brief.image_license_covered
            ),
        )
        return context


def _counts_hits(brief_id):
    """Whether loads of this id count: a public brief that may be republished.

    Kept under the content version, so a brief published, unpublished or
    relicensed counts (or stops counting) from its next load.
    """

    def countable():
        return (
            Brief.objects.published()
            .filter(pk=brief_id, license__allows_republishing=True)
            .exists()
        )

    return content_cached(f"republication:countable:{brief_id}", countable)


@require_safe
def pixel(request, brief_id):
    """The 1×1 tracking image: counts where a republished brief was loaded.

    Every well-formed id gets the same image: an id that is a draft, a
    scheduled brief, one not to be republished or no brief at all counts
    nothing, and an outsider cannot tell which ids exist.
    """
    brief_id = int(brief_id)
    if request.method == "GET" and _counts_hits(brief_id):
        domain, kind = tracking.classify(request)
        tracking.count_hit(brief_id, domain, kind)
    response = HttpResponse(PIXEL, content_type="image/gif")
    # Every load should reach us (no browser or CDN copy), and other sites must
    # be able to embed it whatever resource policy the rest of the site sets.
    response["Cache-Control"] = "no-store, max-age=0"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Robots-Tag"] = "noindex"
    return response
