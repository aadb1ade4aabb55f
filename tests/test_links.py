"""briefs.links: the same addresses as reverse(), reversed once per pattern."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from briefs.links import link_url, slug_url

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


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "name, value",
    [
        ("briefs:home", None),
        ("briefs:search", None),
        ("briefs:feed_republish", None),
        ("feedback:vote", 7),
        ("feedback:comment", 123456789012),
        ("fundraising:click", 1),
        ("briefs:preview", "a-token_2"),
    ],
)
def test_link_url_gives_what_reverse_gives(name, value, language):
    arguments = {} if value is None else {"args": [value]}
    with translation.override(language):
        expected = reverse(name, **arguments)
        assert link_url(name, value) == expected
    assert link_url(name, value, language=language) == expected


def test_a_keyword_argument():
    assert link_url("republishing:republish", "water", "slug", "es") == reverse(
        "republishing:republish", kwargs={"slug": "water"}
    ).replace("/en/", "/es/")
    with translation.override("es"):
        assert link_url("republishing:republish", "water", "slug") == reverse(
            "republishing:republish", kwargs={"slug": "water"}
        )


@pytest.mark.parametrize("value", [-1, "12", True])
def test_values_the_stand_in_cannot_take_go_through_reverse(value):
    # An id as text, which the int converter turns into an int.
    if value == "12":
        assert (
            link_url("feedback:vote", value, language="en") == "/en/feedback/12/vote/"
        )
        return
    with pytest.raises(NoReverseMatch):
        reverse("feedback:vote", args=[value])
    with pytest.raises(NoReverseMatch):
        link_url("feedback:vote", value, language="en")


def test_the_template_tag_renders_the_address():
    template = Template("{% load brief_tags %}{% link_url 'feedback:vote' 5 %}")
    with translation.override("es"):
        assert template.render(Context()) == reverse("feedback:vote", args=[5])


def test_time_tag_gives_the_machine_and_the_reader_their_dates(settings):
    template = Template("{% load brief_tags %}{% time_tag when %}")
    when = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    settings.TIME_ZONE = "America/Santiago"
    with translation.override("en"):
        html = template.render(Context({"when": when}))
    assert html == '<time datetime="2026-03-04T20:30:00-03:00">4 Mar 2026</time>'
    with translation.override("es"):
        html = template.render(Context({"when": when}))
    assert html == '<time datetime="2026-03-04T20:30:00-03:00">4 mar 2026</time>'
    assert template.render(Context({"when": None})) == ""


def test_reader_dates_follow_the_language_they_are_asked_in():
    from briefs.templatetags.brief_tags import reader_date

    day = datetime(2026, 1, 9).date()
    assert reader_date(day, "en") == "9 Jan 2026"
    assert reader_date(day, "es") == "9 ene 2026"
    with translation.override("es"):
        assert reader_date(day, "en") == "9 Jan 2026"
