from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

urlpatterns = [
    path("admin/", admin.site.urls),
    # The donate button's click counter: no language, it only redirects.
    path("donate/", include("newsroom.fundraising.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("briefs.urls")),
    path("feedback/", include("newsroom.feedback.urls")),
    prefix_default_language=True,
)

# Uploaded images. A large deployment puts them on object storage or a CDN.
urlpatterns += [
    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
]
