"""Kept only until ``newsroom.licensing`` stops importing it: ``reverse()``."""

from django.urls import reverse
from django.utils.translation import get_language, override


def link_url(name, value=None, keyword=None, language=None):
    """``reverse(name)`` with ``value`` as its argument, in ``language``."""
    if value is None:
        arguments = {}
    elif keyword:
        arguments = {"kwargs": {keyword: value}}
    else:
        arguments = {"args": [value]}
    with override(language or get_language()):
        return reverse(name, **arguments)
