from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("page/<slug:slug>/", views.PageDetailView.as_view(), name="detail"),
]
