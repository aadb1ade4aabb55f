from django.urls import path

from . import views

app_name = "briefs"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("briefs/<slug:slug>/", views.BriefDetailView.as_view(), name="detail"),
    path("preview/<str:token>/", views.BriefPreviewView.as_view(), name="preview"),
    path("country/<slug:slug>/", views.CountryArchiveView.as_view(), name="country"),
    path("topic/<slug:slug>/", views.TopicArchiveView.as_view(), name="topic"),
    path("author/<slug:slug>/", views.AuthorArchiveView.as_view(), name="author"),
    path("section/<slug:slug>/", views.SectionArchiveView.as_view(), name="section"),
    path("search/", views.SearchView.as_view(), name="search"),
]
