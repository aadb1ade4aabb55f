from django.urls import path

from . import views

app_name = "fundraising"

urlpatterns = [
    path("<int:prompt_id>/", views.donate, name="click"),
]
