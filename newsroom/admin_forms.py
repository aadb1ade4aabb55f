"""Form defaults shared by the project's admin classes."""

from django.db import models

# An address typed without a scheme ("example.org/report") is https, as
# Django 6.0 will assume; Django 5.2's forms still default to http.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


def https_formfield(field, **kwargs):
    """A ModelForm's ``Meta.formfield_callback`` with ``HTTPS_URLS``' rule, for
    forms built outside a ModelAdmin's ``formfield_overrides``."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)
