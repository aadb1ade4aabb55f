"""Form defaults shared by the project's admin classes."""

from django.db import models

# An address typed without a scheme ("example.org/report") is https, as
# Django 6.0 will assume; Django 5.2's forms still default to http.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}
