from django.views.generic import DetailView

from newsroom.licensing.attribution import site_root

from .models import Page


class PageDetailView(DetailView):
    """A published page in the current language."""

    context_object_name = "page"

    def get_queryset(self):
        return (
            Page.objects.published()
            .in_language()
            .select_related("translation_of")
            .prefetch_related("translations")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(site_root=site_root(self.request), **kwargs)
