from django.urls import path, re_path

from . import views

app_name = "republishing"

# Under the language prefix (included from newsroom/urls.py's i18n_patterns).
urlpatterns = [
    path(
        "briefs/<slug:slug>/republish/",
        views.RepublishView.as_view(),
        name="republish",
    ),
]

# Without a language prefix: the tracking image pasted into other sites.
tracking_urlpatterns = (
    [re_path(r"^r/(?P<brief_id>[0-9]{1,18})\.gif$", views.pixel, name="pixel")],
    "tracking",
)
