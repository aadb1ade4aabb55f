"""Addresses of briefs, archives and authors, reversed once per language.

``reverse()`` walks the URL resolver on every call, and a brief page asks for
twenty-odd such addresses (the brief, its translation, tags, authors, section,
the related cards). They differ only by their slug, so each pattern is
reversed once per language and script prefix with a stand-in slug, and the
slug is put in its place afterwards. A slug that ``reverse()`` would have to
quote goes through ``reverse()`` itself.
"""

import functools
import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, override

STAND_IN = "stand-in-slug"
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


@functools.cache
def _around_slug(name, language, script_prefix):
    with override(language):
        url = reverse(name, kwargs={"slug": STAND_IN})
    before, _, after = url.partition(STAND_IN)
    return before, after


def slug_url(name, slug, language=None):
    """``reverse(name, kwargs={"slug": slug})`` in ``language`` (default: active)."""
    language = language or get_language()
    if language is None or not PLAIN_SLUG.match(slug):
        with override(language):
            return reverse(name, kwargs={"slug": slug})
    before, after = _around_slug(name, language, get_script_prefix())
    return before + slug + after


@receiver(setting_changed)
def _forget_patterns(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _around_slug.cache_clear()
