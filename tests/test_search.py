"""Search at /<lang>/search/: full text on PostgreSQL, a plain fallback on SQLite."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from briefs import search
from briefs.models import Brief
from tests.factories import make_brief, make_country, make_topic

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


def result_titles(response):
    titles = re.findall(
        r'class="card-title"><a href="[^"]+">(.+?)</a></h3>', response.text
    )
    return [re.sub(r"</?mark>", "", title) for title in titles]


def find(client, query="", language="en", **filters):
    return client.get(f"/{language}/search/", {"q": query, **filters})


def test_search_url_and_header_form(client):
    assert reverse("briefs:search") == "/en/search/"
    html = client.get("/en/").text
    assert 'role="search" action="/en/search/" method="get"' in html
    assert 'name="q"' in html
    assert "csrfmiddlewaretoken" not in html


def test_search_finds_published_briefs_by_title_summary_news_or_analysis(client):
    make_brief("Aquifer limits approved", summary="Pumping caps.")
    make_brief("Election day", summary="Turnout in the aquifer towns was high.")
    make_brief("Courts", news="<p>Judges heard the aquifer case.</p>")
    make_brief("Mining", analysis="<p>The aquifer will decide it.</p>")
    make_brief("Unrelated", summary="Nothing to see.")
    make_brief("Aquifer draft", published=False)
    make_brief("Aquifer tomorrow", when=timezone.now() + timedelta(days=1))
    make_brief("Acuífero", summary="aquifer en español", language="es")
    response = find(client, "aquifer")
    assert response.status_code == 200
    assert sorted(result_titles(response)) == [
        "Aquifer limits approved",
        "Courts",
        "Election day",
        "Mining",
    ]
    assert "4 results for “aquifer”" in response.text


def test_every_word_must_match(client):
    make_brief("Water court ruling")
    make_brief("Water board meeting")
    assert result_titles(find(client, "water court")) == ["Water court ruling"]


def test_results_rank_title_matches_first_on_postgresql_newest_first_elsewhere(
    client,
):
    now = timezone.now()
    make_brief("Glacier retreat measured", when=now - timedelta(days=9))
    make_brief(
        "Mountain towns",
        analysis="<p>The glacier matters here.</p>",
        when=now - timedelta(hours=2),
    )
    titles = result_titles(find(client, "glacier"))
    if POSTGRES:
        assert titles == ["Glacier retreat measured", "Mountain towns"]
    else:
        assert titles == ["Mountain towns", "Glacier retreat measured"]


def test_matches_are_highlighted_in_a_snippet(client):
    make_brief(
        "Glacier retreat measured",
        summary="Scientists measured the <b>glacier</b> again.",
        news="<p>The ice lost 40 metres &amp; more. &lt;script&gt;x()&lt;/script&gt;</p>",
    )
    html = find(client, "glacier").text
    if POSTGRES:
        assert "<mark>Glacier</mark> retreat measured" in html
        # The text parser drops what looks like a tag; the rest is escaped.
        assert "the <mark>glacier</mark> again. The ice lost" in html
        assert "40 metres &amp; more" in html
    else:
        assert "Scientists measured the &lt;b&gt;glacier&lt;/b&gt; again." in html
    assert "<b>glacier</b>" not in html
    assert "<script>x()" not in html


def test_spanish_pages_search_spanish_briefs_with_spanish_stemming(client):
    make_brief("Sequías en el norte", language="es", summary="Faltan lluvias.")
    make_brief("Droughts in the north", summary="No rain.")
    assert result_titles(find(client, "Sequías", "es")) == ["Sequías en el norte"]
    if POSTGRES:
        # The Spanish configuration reduces both forms to one stem.
        assert result_titles(find(client, "sequía", "es")) == ["Sequías en el norte"]
        assert result_titles(find(client, "drought", "en")) == ["Droughts in the north"]


def test_filters_by_country_topic_and_dates(client):
    chile, peru = make_country("Chile"), make_country("Peru")
    water = make_topic("Water")
    now = timezone.now()
    make_brief("River in Chile", countries=[chile], topics=[water])
    make_brief("River in Peru", countries=[peru], when=now - timedelta(days=40))
    make_brief("River again", countries=[chile], when=now - timedelta(days=20))
    assert sorted(result_titles(find(client, "river", country="chile"))) == [
        "River again",
        "River in Chile",
    ]
    assert result_titles(find(client, "river", topic="water")) == ["River in Chile"]
    day = timezone.localdate() - timedelta(days=30)
    assert result_titles(find(client, "river", **{"to": day.isoformat()})) == [
        "River in Peru"
    ]
    assert sorted(
        result_titles(find(client, "river", **{"from": day.isoformat()}))
    ) == [
        "River again",
        "River in Chile",
    ]
    html = find(client, "river", country="chile").text
    assert '<option value="chile" selected>Chile</option>' in html
    assert '<details class="search-filters" open>' in html


def test_results_are_paginated_keeping_the_query(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    chile = make_country("Chile")
    for number in range(5):
        make_brief(f"Harvest report {number}", countries=[chile])
    first = find(client, "harvest", country="chile")
    assert len(result_titles(first)) == 2
    assert 'href="?q=harvest&amp;country=chile&amp;page=2"' in first.text
    third = find(client, "harvest", country="chile", page="3")
    assert len(result_titles(third)) == 1
    assert find(client, "harvest", page="4").status_code == 404
    assert find(client, "harvest", page="abc").status_code == 404


def test_very_broad_searches_rank_the_most_recent_matches(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    now = timezone.now()
    for number in range(5):
        make_brief(f"Harvest report {number}", when=now - timedelta(days=number))
    response = find(client, "harvest")
    assert "More than 3 results for “harvest”" in response.text
    assert sorted(result_titles(response)) == [
        "Harvest report 0",
        "Harvest report 1",
        "Harvest report 2",
    ]


@pytest.mark.skipif(not POSTGRES, reason="ranking is PostgreSQL's full-text search")
def test_results_come_in_the_order_postgresql_would_rank_them(client, settings):
    """Ranked in Python from one scan: the order of ORDER BY rank, date, id."""
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.db.models import F

    settings.NEWSROOM_PAGE_SIZE = 50
    now = timezone.now()
    same_time = now - timedelta(hours=3)
    for number in range(12):
        make_brief(
            f"Harvest {number}" if number % 3 else f"Harvest harvest {number}",
            summary="The harvest came early." if number % 2 else "A quiet week.",
            # Ties on rank and on time: the id decides.
            when=same_time if number < 4 else now - timedelta(days=number),
        )
    tsquery = SearchQuery("harvest", config="english", search_type="websearch")
    expected = list(
        Brief.objects.published()
        .filter(search_vector=tsquery)
        .annotate(rank=SearchRank(F("search_vector"), tsquery))
        .order_by("-rank", "-published_at", "-id")
        .values_list("title", flat=True)
    )
    assert len(set(expected)) == 12
    assert result_titles(find(client, "harvest")) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "Type a few words to search the briefs."),
        ("   ", "Type a few words to search the briefs."),
        ("x" * 201, "Your search is too long: use at most 200 characters."),
        ("a\x00b", "Null characters are not allowed."),
        ("& | ! :*", "Search for words: quotes, operators and punctuation alone"),
        ('"', "Search for words"),
        ("((((", "Search for words"),
    ],
)
def test_empty_long_or_odd_queries_get_a_clear_message(client, query, message):
    make_brief("Something")
    response = find(client, query)
    assert response.status_code == 200
    assert message in response.text.replace("&#x27;", "'")
    assert result_titles(response) == []


@pytest.mark.parametrize(
    "query",
    [
        '"water court',
        "water & !court",
        "water | court",
        "wat:*",
        "-water",
        "water OR court",
        "'; DROP TABLE briefs_brief; --",
        "Ñandú café 水 🌊",
        "\\",
        "%_",
        "x" * 200,
    ],
)
def test_operators_quotes_and_unicode_never_break_the_page(client, query):
    make_brief("Water court ruling", summary="Ñandú café.")
    response = find(client, query)
    assert response.status_code == 200
    assert Brief.objects.count() == 1


@pytest.mark.parametrize(
    "params",
    [
        {"country": "atlantis"},
        {"topic": "a\x00b"},
        {"from": "2024-13-45"},
        {"to": "99999-01-01"},
        {"from": "2024-05-02", "to": "2024-05-01"},
    ],
)
def test_bad_filters_get_a_form_error(client, params):
    make_brief("River")
    response = find(client, "river", **params)
    assert response.status_code == 200
    assert 'class="errorlist' in response.text
    assert result_titles(response) == []


@pytest.mark.parametrize(
    "params",
    [
        {"to": "9999-12-31"},
        {"from": "9999-12-31"},
        {"from": "0001-01-01"},
        {"to": "0001-01-01"},
        {"from": "1899-12-31", "to": "3000-01-01"},
    ],
)
def test_dates_at_the_ends_of_the_calendar_get_a_form_error_not_a_crash(client, params):
    """?to=9999-12-31 reached one day past the last date Python has (500)."""
    make_brief("Water court ruling")
    response = find(client, "water", **params)
    assert response.status_code == 200
    assert "Enter a date between 1900-01-01 and 2999-12-31." in response.text
    assert result_titles(response) == []


def test_dates_at_the_bounds_filter_normally(client):
    make_brief("Water court ruling")
    response = find(client, "water", **{"from": "1900-01-01", "to": "2999-12-31"})
    assert result_titles(response) == ["Water court ruling"]


def test_unicode_words_are_found(client):
    make_brief("Café de altura", summary="Cosecha récord.", language="es")
    assert result_titles(find(client, "récord", "es")) == ["Café de altura"]


def test_search_pages_set_no_cookies(client):
    make_brief("River")
    response = find(client, "river")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_edits_and_generated_briefs_are_searchable(client):
    brief = make_brief("Old headline")
    brief.title = "Condor census published"
    brief.save()
    assert result_titles(find(client, "condor")) == ["Condor census published"]
    call_command("loaddemo", briefs=3, stdout=open("/dev/null", "w"))
    generated = Brief.objects.get(slug="generated-brief-000001")
    word = re.findall(r"[A-Za-z]{6,}", generated.title)[0]
    assert generated.title in result_titles(find(client, word, generated.language))
    if POSTGRES:
        assert not Brief.objects.filter(search_vector__isnull=True).exists()


def test_an_unreadable_date_is_not_echoed_into_the_date_picker(client):
    make_brief("River")
    html = find(client, "river", **{"from": "2024-13-45", "to": "2024-05-01"}).text
    assert 'value="2024-13-45"' not in html
    assert 'name="to" value="2024-05-01"' in html


@pytest.mark.skipif(not POSTGRES, reason="TOAST storage is PostgreSQL's")
def test_the_search_document_stays_in_the_briefs_row(client):
    """Search reads the document of every brief it checks: kept out of the
    row, each read cost an index lookup in the TOAST table and its pages."""
    words = " ".join(f"lexeme{number}x" for number in range(250))
    brief = make_brief("Long brief", news=f"<p>{words}</p>")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(search_vector) FROM briefs_brief WHERE id = %s",
            [brief.pk],
        )
        [(size,)] = cursor.fetchall()
        cursor.execute(
            "SELECT reltoastrelid::regclass::text FROM pg_class"
            " WHERE relname = 'briefs_brief'"
        )
        [(toast_table,)] = cursor.fetchall()
        cursor.execute(f"SELECT count(*) FROM {toast_table}")
        [(out_of_row,)] = cursor.fetchall()
    assert size > 2500  # over the size that used to move it out
    assert out_of_row == 0
    assert result_titles(find(client, "lexeme123x")) == ["Long brief"]


def test_result_pages_may_be_indexed_empty_searches_may_not(client):
    """Lighthouse's SEO audit: a page of results is content; an empty search,
    an unreadable one or one without matches is a thin page kept out of indexes."""
    make_brief("Drought in the valleys")
    robots = '<meta name="robots" content="noindex, follow">'
    results = find(client, "drought")
    assert result_titles(results) == ["Drought in the valleys"]
    assert robots not in results.text
    for query in ("", "nothing-matches-this", "x" * 500):
        assert robots in find(client, query).text, query
