from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("<int:brief_id>/vote/", views.vote, name="vote"),
    path("<int:brief_id>/comment/", views.comment, name="comment"),
]
