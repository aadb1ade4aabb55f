"""Every public URL pattern, fed random slugs, numbers, query strings and posts: no 5xx.

The search filters and every admin changelist's query string (ordering,
paging, search, filters, date drill-downs) get the same treatment.

The patterns come from the URL resolver itself, so a page added later is
fuzzed without touching this file. Values are drawn from the pattern's own
regular expressions (so the URL resolves) mixed with the slugs and ids of real
objects (so real views, not only 404s, get the odd query strings and posts).
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from briefs import preview
from tests.factories import (
    make_author,
    make_brief,
    make_country,
    make_prompt,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db

EXAMPLES = 25
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PRIVATE = ("admin/",)


def walk(patterns, prefix=()):
    """(pieces, name) for every URL pattern; pieces are patterns from the root."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, (*prefix, entry.pattern))
        else:
            yield (*prefix, entry.pattern), entry.name


def public_patterns():
    found = []
    for pieces, name in walk(get_resolver().url_patterns):
        if any(
            isinstance(piece, RoutePattern) and str(piece).startswith(PRIVATE)
            for piece in pieces[:1]
        ):
            continue
        label = "".join(
            "<lang>/" if isinstance(piece, LocalePrefixPattern) else str(piece)
            for piece in pieces
        )
        found.append(pytest.param(pieces, id=label or name or "root"))
    return found


# Text a reader (or an attacker) might put anywhere.
odd_text = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1e9",
            "99999999999999999999999",
            "NaN",
            "../../etc/passwd",
            "%00",
            "\x00",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "//evil.example",
            "a" * 3000,
            "ñandú",
            "🦙",
        ]
    ),
)
query_keys = st.one_of(
    st.sampled_from(
        ["page", "q", "brief", "next", "url", "feedback", "comment", "lang", "format"]
    ),
    st.text(min_size=1, max_size=10),
)
form_keys = st.sampled_from(
    [
        "helpful",
        "suggestion",
        "name",
        "email",
        "message",
        "website",
        "brief",
        "q",
        "page",
        "next",
        "csrfmiddlewaretoken",
    ]
)


def value_strategy(converter_regex, real_values):
    generated = st.from_regex(f"(?:{converter_regex})", fullmatch=True).filter(
        lambda value: len(value) < 300
    )
    if real_values:
        return st.one_of(st.sampled_from(real_values), generated)
    return generated


ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def piece_strategy(piece, real):
    """A strategy for the part of the path one pattern matches."""
    if isinstance(piece, LocalePrefixPattern):
        return st.sampled_from([f"{code}/" for code in LANGUAGES])
    if isinstance(piece, RegexPattern):
        regex = piece.regex.pattern.lstrip("^").rstrip("$").removesuffix("\\Z")
        return st.from_regex(f"(?:{regex})", fullmatch=True)
    route = str(piece)
    parts, position = [], 0
    for match in ROUTE_PARAMETER.finditer(route):
        parts.append(st.just(route[position : match.start()]))
        converter = piece.converters[match.group("name")]
        parts.append(
            value_strategy(converter.regex, real.get(match.group("name"), [])).map(
                lambda value: quote(value, safe="")
            )
        )
        position = match.end()
    parts.append(st.just(route[position:]))
    return st.tuples(*parts).map("".join)


def path_strategy(pieces, real):
    return st.tuples(*(piece_strategy(piece, real) for piece in pieces)).map(
        lambda parts: "/" + "".join(parts)
    )


@pytest.fixture
def real_values():
    """Slugs and ids of real objects, so views get past their lookups."""
    section = make_section(slug="news", name="News")
    country, topic, author = make_country("Chile"), make_topic("Water"), make_author()
    english = make_brief(
        "Aquifer limits", authors=[author], countries=[country], topics=[topic]
    )
    spanish = make_brief(
        "Límites del acuífero", slug="limites", language="es", translation_of=english
    )
    draft = make_brief("A draft", published=False)
    prompt = make_prompt()
    slugs = [
        english.slug,
        spanish.slug,
        draft.slug,
        country.slug,
        topic.slug,
        author.slug,
        section.slug,
    ]
    ids = [str(english.pk), str(spanish.pk), str(draft.pk), "0"]
    return {
        "slug": slugs,
        "brief_id": ids,
        "prompt_id": [str(prompt.pk), "0"],
        "token": [preview.make_token(draft), preview.make_token(english) + "x"],
        "path": ["", "x.png", "../settings.py"],
    }


@pytest.mark.parametrize("pieces", public_patterns())
def test_no_public_url_answers_with_a_server_error(client, real_values, pieces):
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(
        path=path_strategy(pieces, real_values),
        query=st.dictionaries(query_keys, odd_text, max_size=4),
        form=st.dictionaries(form_keys, odd_text, max_size=6),
        same_origin=st.booleans(),
        wants_json=st.booleans(),
    )
    def check(path, query, form, same_origin, wants_json):
        url = path + ("?" + urlencode(query) if query else "")
        headers = {}
        if same_origin:
            headers["HTTP_ORIGIN"] = "http://testserver"
        if wants_json:
            headers["HTTP_ACCEPT"] = "application/json"
        response = client.get(url, **headers)
        assert response.status_code < 500, f"GET {url}: {response.status_code}"
        response = client.post(url, form, **headers)
        assert response.status_code < 500, f"POST {url} {form}: {response.status_code}"

    check()


# The search form's filters: dates at and past the calendar's ends, odd text.

filter_dates = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(
        ["9999-12-31", "0001-01-01", "10000-01-01", "2024-02-30", "2024-13-01"]
    ),
    odd_text,
)


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    language=st.sampled_from(LANGUAGES),
    query=st.dictionaries(
        st.sampled_from(["q", "from", "to", "country", "topic", "page"]),
        st.one_of(filter_dates, st.sampled_from(["water", "chile", "water-1"])),
        max_size=6,
    ),
)
def test_search_filters_never_answer_with_a_server_error(
    client, real_values, language, query
):
    url = f"/{language}/search/?" + urlencode(query)
    response = client.get(url)
    assert response.status_code < 500, f"GET {url}: {response.status_code}"


# Admin changelists: ordering, paging, search, filters and date drill-downs.


# The project's own admins. Django's user and group admins and the taggit and
# axes ones still answer 500 to ?<relation>=<integer past 64 bits> on SQLite
# (Django's overflow check covers integer fields, not relations): docs/security.md.
OWN_APPS = ("briefs.", "newsroom.")


def changelists():
    found = []
    for model in apps.get_models():
        if admin.site.is_registered(model) and model.__module__.startswith(OWN_APPS):
            meta = model._meta
            found.append(pytest.param(model, id=f"{meta.app_label}.{meta.model_name}"))
    return found


LOOKUPS = ["", "__exact", "__id__exact", "__gte", "__lt", "__isnull", "__in"]
LOOKUPS += ["__year", "__month", "__day"]
numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["9999", "10000", "0", "-1", "1.5", "1,2", "13", "32", "e"]),
)


def changelist_query(model):
    fields = [field.name for field in model._meta.get_fields()]
    keys = st.one_of(
        st.sampled_from(["o", "p", "q", "e", "all", "_to_field", "_popup"]),
        st.tuples(st.sampled_from(fields), st.sampled_from(LOOKUPS)).map("".join),
        st.text(min_size=1, max_size=12),
    )
    return st.dictionaries(keys, st.one_of(numbers, odd_text), max_size=5)


@pytest.mark.parametrize("model", changelists())
def test_no_admin_changelist_query_answers_with_a_server_error(
    admin_client, real_values, model
):
    meta = model._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")

    @hypothesis_settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(query=changelist_query(model))
    def check(query):
        address = url + "?" + urlencode(query)
        response = admin_client.get(address)
        assert response.status_code < 500, f"GET {address}: {response.status_code}"

    check()
