from django.urls import path

from . import feeds, views

app_name = "briefs"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("briefs/<slug:slug>/", views.BriefDetailView.as_view(), name="detail"),
    path("preview/<str:token>/", views.BriefPreviewView.as_view(), name="preview"),
    path("countries/", views.CountryIndexView.as_view(), name="countries"),
    path("topics/", views.TopicIndexView.as_view(), name="topics"),
    path("country/<slug:slug>/", views.CountryArchiveView.as_view(), name="country"),
    path("topic/<slug:slug>/", views.TopicArchiveView.as_view(), name="topic"),
    path("author/<slug:slug>/", views.AuthorArchiveView.as_view(), name="author"),
    path("section/<slug:slug>/", views.SectionArchiveView.as_view(), name="section"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Feeds (briefs/feeds.py).
    path("feed/", feeds.LatestBriefsFeed(), name="feed"),
    path("feed/atom/", feeds.LatestBriefsAtomFeed(), name="feed_atom"),
    path("feed/republish/", feeds.RepublishFeed(), name="feed_republish"),
    path("country/<slug:slug>/feed/", feeds.CountryFeed(), name="country_feed"),
    path("topic/<slug:slug>/feed/", feeds.TopicFeed(), name="topic_feed"),
    path("author/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("section/<slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
]
