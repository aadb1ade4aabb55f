"""Addresses reversed once per pattern and language, not once per link.

``reverse()`` walks the URL resolver on every call, and a brief page asks for
thirty-odd addresses (the brief, its translation, tags, authors, section, the
related cards, the home page, the feeds, the forms' actions). Those of one
pattern differ only by their one argument, a slug or an id, so each pattern is
reversed once per language and script prefix with a stand-in value, and the
real value is put in its place afterwards. It suits patterns whose argument
goes through the ``slug``, ``int`` or ``str`` converter. A value that
``reverse()`` would have to quote or check goes through ``reverse()`` itself.

``{% link_url 'name' [value] %}`` (``briefs.templatetags.brief_tags``) is
``{% url %}`` for such patterns.
"""

import functools
import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import get_language, override

STAND_IN = "stand-in-slug"
STAND_IN_ID = 918273645
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


@functools.cache
def _around(name, language, script_prefix, keyword, stand_in):
    """``name``'s address in ``language``: the parts before and after its argument."""
    with override(language):
        if stand_in is None:
            return reverse(name), ""
        if keyword:
            url = reverse(name, kwargs={keyword: stand_in})
        else:
            url = reverse(name, args=[stand_in])
    before, _, after = url.partition(str(stand_in))
    return before, after


def link_url(name, value=None, keyword=None, language=None):
    """``reverse(name, args=[value])`` (``kwargs={keyword: value}`` with a
    keyword; no argument when ``value`` is None), in ``language`` (default:
    the active one)."""
    language = language or get_language()
    if type(value) is int and value >= 0:
        stand_in, text = STAND_IN_ID, str(value)
    elif isinstance(value, str) and PLAIN_SLUG.match(value):
        stand_in, text = STAND_IN, value
    elif value is None:
        stand_in, text = None, ""
    else:
        stand_in = text = False
    if language is not None and stand_in is not False:
        try:
            before, after = _around(
                name, language, get_script_prefix(), keyword, stand_in
            )
        except NoReverseMatch:
            pass  # The pattern refuses the stand-in: reverse() decides.
        else:
            return before + text + after
    arguments = {} if value is None else {"args": [value]}
    if keyword and value is not None:
        arguments = {"kwargs": {keyword: value}}
    with override(language):
        return reverse(name, **arguments)


def slug_url(name, slug, language=None):
    """``reverse(name, kwargs={"slug": slug})`` in ``language`` (default: active)."""
    return link_url(name, slug, keyword="slug", language=language)


@receiver(setting_changed)
def _forget_patterns(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _around.cache_clear()
