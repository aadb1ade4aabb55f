"""briefs.links.slug_url: the same addresses as reverse(), reversed once."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from briefs.links import slug_url

NAMES = ["briefs:detail", "briefs:section", "briefs:country", "briefs:author"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_same_address_as_reverse(name, language):
    for slug in ["water", "a-b_c-2026", "x"]:
        with translation.override(language):
            expected = reverse(name, kwargs={"slug": slug})
            assert slug_url(name, slug) == expected
        assert slug_url(name, slug, language) == expected
        assert expected.startswith(f"/{language}/")


def test_an_explicit_language_wins_over_the_active_one():
    with translation.override("es"):
        assert slug_url("briefs:detail", "water", "en") == "/en/briefs/water/"
        assert slug_url("briefs:detail", "water") == "/es/briefs/water/"


@pytest.mark.parametrize("slug", ["", "café", "two words", "../admin", "a/b"])
def test_a_slug_the_pattern_refuses_is_refused_as_before(slug):
    with pytest.raises(NoReverseMatch):
        reverse("briefs:detail", kwargs={"slug": slug})
    with pytest.raises(NoReverseMatch):
        slug_url("briefs:detail", slug, "en")


def test_the_script_prefix_is_kept():
    set_script_prefix("/newsroom/")
    try:
        assert slug_url("briefs:detail", "water", "en") == "/newsroom/en/briefs/water/"
    finally:
        set_script_prefix("/")
    assert slug_url("briefs:detail", "water", "en") == "/en/briefs/water/"
