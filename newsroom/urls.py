from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from briefs.sitemaps import news_sitemaps, robots_txt
from briefs.sitemaps import sitemaps as brief_sitemaps
from newsroom.admin_views import view_on_site
from newsroom.pages.sitemaps import PageSitemap
from newsroom.republishing.urls import tracking_urlpatterns

sitemaps = {**brief_sitemaps, "pages": PageSitemap}

urlpatterns = [
    # Before the admin's own view-on-site shortcut (``admin:view_on_site``),
    # which it replaces with one that keeps each model admin's view rules.
    path(
        "admin/r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
    ),
    path("admin/", admin.site.urls),
    # The donate button's click counter: no language, it only redirects.
    path("donate/", include("newsroom.fundraising.urls")),
    # Republishing: the tracking image in republished copies.
    path("", include(tracking_urlpatterns)),
    # A sitemap index, and the sitemaps it lists, a large one in pages.
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path(
        "news-sitemap.xml",
        sitemap,
        {"sitemaps": news_sitemaps, "template_name": "sitemaps/news_sitemap.xml"},
        name="news_sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The site icon and the web app manifest (the Publication's icon).
    path("", include("newsroom.publication.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("briefs.urls")),
    path("", include("newsroom.republishing.urls")),
    path("feedback/", include("newsroom.feedback.urls")),
    # About, Contact, ...: /<lang>/page/<slug>/.
    path("", include("newsroom.pages.urls")),
    prefix_default_language=True,
)

# Uploaded images, for development and for a site that asks for it. In
# production the web server or the S3 store serves them (docs/deployment.md).
if settings.DEBUG or settings.NEWSROOM_SERVE_MEDIA:
    urlpatterns += [
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
