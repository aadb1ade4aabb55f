"""The site's URLs plus views that change their Content-Security-Policy."""

from csp.decorators import csp, csp_exempt, csp_replace, csp_update
from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns


def page(request):
    return HttpResponse("<!doctype html><title>A page</title>")


urlpatterns = [
    path(
        "csp/analytics/",
        csp_update({"script-src": "https://stats.example.org"})(page),
    ),
    path("csp/replaced/", csp_replace({"img-src": ["'self'"]})(page)),
    path("csp/own/", csp({"default-src": ["'none'"]})(page)),
    path("csp/exempt/", csp_exempt()(page)),
    path(
        "admin/csp/analytics/",
        csp_update({"connect-src": "https://stats.example.org"})(page),
    ),
    *site_urlpatterns,
]
