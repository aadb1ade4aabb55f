"""The brief page's hand-written loader reads what prefetch_related would."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from briefs import page
from briefs.columns import fetch_many
from briefs.models import Brief, BriefAuthor, SeeAlsoLink
from briefs.page import JOINED_COLUMNS, load_brief, load_page_relations
from briefs.views import brief_detail_queryset
from tests.factories import (
    make_author,
    make_brief,
    make_country,
    make_license,
    make_section,
    make_topic,
)
from tests.queries import prepared_statements

pytestmark = pytest.mark.django_db


def orm_brief(pk):
    """The same brief through the ORM's own prefetching, for comparison."""
    return Brief.objects.prefetch_related(
        Prefetch(
            "briefauthor_set",
            queryset=BriefAuthor.objects.select_related("author"),
            to_attr="bylines",
        ),
        "countries",
        "topics",
        "see_also",
        "translations",
    ).get(pk=pk)


def test_loader_matches_the_orm_and_keeps_every_order():
    # Created out of name order, so that only an ORDER BY gives name order.
    countries = [make_country(name) for name in ("Peru", "Chile", "Bolivia")]
    topics = [make_topic(name) for name in ("Water", "Mining")]
    authors = [make_author(name) for name in ("Zoe Quiroga", "Ana Bermúdez")]
    brief = make_brief(countries=countries, topics=topics, authors=authors)
    target = make_brief()
    SeeAlsoLink.objects.create(
        brief=brief, label="Later", target_brief=target, after_paragraph=2
    )
    SeeAlsoLink.objects.create(
        brief=brief, label="Earlier", target_country=countries[0], after_paragraph=1
    )
    spanish = make_brief(language="es", translation_of=brief, published=False)

    loaded = load_page_relations(brief_detail_queryset().get(pk=brief.pk))
    expected = orm_brief(brief.pk)

    assert [byline.author.name for byline in loaded.bylines] == [
        "Zoe Quiroga",
        "Ana Bermúdez",
    ]
    assert [(b.pk, b.author_id, b.order) for b in loaded.bylines] == [
        (b.pk, b.author_id, b.order) for b in expected.bylines
    ]
    assert [tag.name for tag in loaded.countries.all()] == ["Bolivia", "Chile", "Peru"]
    assert list(loaded.countries.all()) == sorted(
        expected.countries.all(), key=lambda tag: tag.name
    )
    assert [tag.name for tag in loaded.topics.all()] == ["Mining", "Water"]
    assert [link.label for link in loaded.see_also.all()] == ["Earlier", "Later"]
    assert list(loaded.see_also.all()) == list(expected.see_also.all())
    assert loaded.translation == spanish
    assert loaded.translation.status == Brief.Status.DRAFT
    assert not loaded.translation.is_public


def test_loaded_relations_answer_without_further_queries(django_assert_num_queries):
    country = make_country()
    brief = make_brief(countries=[country], authors=[make_author()])
    SeeAlsoLink.objects.create(brief=brief, label="Map", target_country=country)
    target = make_brief()
    SeeAlsoLink.objects.create(brief=brief, label="Earlier", target_brief=target)
    make_brief(language="es", translation_of=brief)
    loaded = brief_detail_queryset().get(pk=brief.pk)
    with django_assert_num_queries(4):
        load_page_relations(loaded)
    with django_assert_num_queries(0):
        linked = loaded.see_also.all()[1]
        assert linked.get_target_url() == target.get_absolute_url()
        assert linked.target_brief.is_public
        assert loaded.bylines[0].author.get_absolute_url()
        assert loaded.bylines[0].brief is loaded
        assert [tag.get_absolute_url() for tag in loaded.countries.all()]
        assert list(loaded.topics.all()) == []
        assert loaded.see_also.all()[0].get_target_url() == country.get_absolute_url()
        assert loaded.translation.get_absolute_url().startswith("/es/")
        assert loaded.translation.is_public


def test_a_brief_without_relations_loads_empty_lists(django_assert_num_queries):
    loaded = brief_detail_queryset().get(pk=make_brief().pk)
    load_page_relations(loaded)
    with django_assert_num_queries(0):
        assert loaded.bylines == []
        assert list(loaded.countries.all()) == []
        assert list(loaded.see_also.all()) == []
        assert loaded.translation is None


def test_a_query_chained_onto_loaded_relations_keeps_the_brief_filter():
    """The loaded querysets hold their filter back, but apply it when chained."""
    peru, chile = make_country("Peru"), make_country("Chile")
    brief = make_brief(countries=[peru, chile])
    other = make_brief(countries=[make_country("Bolivia")])
    make_brief(language="es", translation_of=other)
    SeeAlsoLink.objects.create(brief=other, label="Elsewhere", url="https://a.example/")
    loaded = load_page_relations(brief_detail_queryset().get(pk=brief.pk))

    assert [tag.name for tag in loaded.countries.order_by("-name")] == ["Peru", "Chile"]
    assert list(loaded.countries.filter(name="Bolivia")) == []
    assert loaded.countries.count() == 2
    assert loaded.topics.count() == 0
    assert not loaded.see_also.exists()
    assert not loaded.translations.exists()


def field_values(instance):
    """Every loaded column of ``instance``, by attribute name."""
    deferred = instance.get_deferred_fields()
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.attname not in deferred
    }


def assert_same_brief(loaded, expected):
    assert type(loaded) is Brief
    assert not loaded._state.adding
    assert loaded.get_deferred_fields() == expected.get_deferred_fields()
    assert field_values(loaded) == field_values(expected)
    for field, _columns, _join in JOINED_COLUMNS:
        assert field.is_cached(loaded), field.name
        mine, theirs = field.get_cached_value(loaded), field.get_cached_value(expected)
        assert (mine is None) == (theirs is None), field.name
        if mine is not None:
            assert type(mine) is type(theirs)
            assert field_values(mine) == field_values(theirs), field.name


def test_load_brief_reads_what_the_orm_query_reads(django_assert_num_queries):
    """Dates, booleans and joined rows come back as the ORM gives them."""
    country, topic = make_country("Peru"), make_country("Chile")
    original = make_brief(countries=[country])
    brief = make_brief(
        language="es",
        translation_of=original,
        section=make_section(slug="analisis", name="Analysis", is_organization=True),
        countries=[country, topic],
        topics=[make_topic("Water")],
        license=make_license(),
        image_license_covered=False,
    )
    plain = make_brief(section=original.section)
    Brief.objects.filter(pk=plain.pk).update(
        primary_country=None, primary_topic=None, license=None
    )

    for pk in (original.pk, brief.pk, plain.pk):
        expected = brief_detail_queryset().published().get(pk=pk)
        with django_assert_num_queries(1):
            loaded = load_brief(expected.slug, expected.language)
        assert_same_brief(loaded, expected)
    assert load_brief(brief.slug, "es").translation_of == original
    assert load_brief(plain.slug, "en").license is None


def test_load_brief_shows_only_what_published_shows():
    now = timezone.now()
    shown = make_brief(when=now - timedelta(seconds=1))
    hidden = [
        make_brief(published=False),
        make_brief(status=Brief.Status.REVIEW),
        make_brief(when=now + timedelta(minutes=1)),
    ]
    Brief.objects.filter(pk=hidden[0].pk).update(published_at=None)
    for brief in [shown, *hidden]:
        visible = Brief.objects.published().filter(pk=brief.pk).exists()
        assert (load_brief(brief.slug, "en") is not None) == visible
    assert load_brief(shown.slug, "en") == shown
    assert load_brief(shown.slug, "es") is None
    assert load_brief("no-such-brief", "en") is None


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_postgresql_prepares_the_queries_every_brief_page_repeats(client, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    brief = make_brief(countries=[make_country()], authors=[make_author()])
    for _ in range(7):
        assert client.get(brief.get_absolute_url()).status_code == 200
    prepared = prepared_statements()
    # The brief itself, with its visibility rule sent as parameters.
    assert any(
        "b.slug = $" in statement and "b.published_at <= $" in statement
        for statement in prepared
    ), prepared


def test_fetch_many_answers_each_query_in_order():
    older, newer = make_brief(title="Older"), make_brief(title="Newer")
    rows = fetch_many(
        [
            ("SELECT title FROM briefs_brief WHERE id = %s", [newer.pk]),
            ("SELECT title FROM briefs_brief WHERE id = %s", [older.pk]),
            ("SELECT title FROM briefs_brief WHERE id = %s", [0]),
        ]
    )
    assert rows == [[("Newer",)], [("Older",)], []]


def test_a_failing_query_in_fetch_many_raises_a_database_error():
    brief = make_brief(title="Still readable")
    with pytest.raises(DatabaseError):
        with transaction.atomic():
            fetch_many(
                [
                    ("SELECT title FROM briefs_brief WHERE id = %s", [brief.pk]),
                    ("SELECT no_such_column FROM briefs_brief", []),
                ]
            )
    # The connection is still usable afterwards.
    assert (
        fetch_many([("SELECT title FROM briefs_brief", [])] * 2)
        == [[("Still readable",)]] * 2
    )


@pytest.mark.parametrize("by_slug", [False, True], ids=["in turn", "by slug"])
def test_load_brief_page_reads_what_load_brief_and_the_relations_read(
    by_slug, monkeypatch
):
    """Both ways of reading the page (the second is PostgreSQL's, run here on
    either database) find the same brief with the same relations."""
    monkeypatch.setattr(page, "pipelines", lambda: by_slug)
    countries = [make_country("Peru"), make_country("Chile")]
    authors = [make_author("Zoe Quiroga"), make_author("Ana Bermúdez")]
    brief = make_brief(slug="same", countries=countries, authors=authors)
    SeeAlsoLink.objects.create(brief=brief, label="Map", target_country=countries[0])
    # Another brief with the same slug in the other language, and a draft.
    spanish = make_brief(
        slug="same", language="es", translation_of=brief, topics=[make_topic()]
    )
    make_brief(slug="draft", published=False, countries=countries)

    loaded = page.load_brief_page("same", "en")
    expected = load_page_relations(load_brief("same", "en"))
    assert loaded == brief
    assert field_values(loaded) == field_values(expected)
    assert [(b.pk, b.author.name) for b in loaded.bylines] == [
        (b.pk, b.author.name) for b in expected.bylines
    ]
    assert [tag.name for tag in loaded.countries.all()] == ["Chile", "Peru"]
    assert list(loaded.topics.all()) == []
    assert [link.label for link in loaded.see_also.all()] == ["Map"]
    assert loaded.translation == spanish

    in_spanish = page.load_brief_page("same", "es")
    assert in_spanish == spanish
    assert in_spanish.bylines == []
    assert list(in_spanish.countries.all()) == []
    assert len(in_spanish.topics.all()) == 1
    assert in_spanish.translation == brief

    assert page.load_brief_page("draft", "en") is None
    assert page.load_brief_page("same", "fr") is None
    assert page.load_brief_page("no-such-brief", "en") is None


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pipeline mode is PostgreSQL's"
)
def test_postgresql_reads_the_brief_and_its_relations_in_one_pipeline(client, settings):
    from psycopg import pq

    settings.NEWSROOM_PAGE_CACHE = False
    brief = make_brief(countries=[make_country()], authors=[make_author()])
    queries = []

    def record(execute, sql, params, many, context):
        queries.append((sql, connection.connection.info.pipeline_status))
        return execute(sql, params, many, context)

    for _ in range(7):
        assert client.get(brief.get_absolute_url()).status_code == 200
    with connection.execute_wrapper(record):
        assert client.get(brief.get_absolute_url()).status_code == 200
    # The brief, its bylines, tags, see-also links and translations: one
    # pipeline. Related content, which needs the tags, follows.
    pipelined = [pq.PipelineStatus.ON] * 5
    assert [status for _sql, status in queries[:5]] == pipelined, queries
    assert queries[5][1] == pq.PipelineStatus.OFF
    assert len(queries) == 6
    # A preview reads the relations of a brief it already has: four queries.
    queries.clear()
    with connection.execute_wrapper(record):
        load_page_relations(brief_detail_queryset().get(pk=brief.pk))
    assert [status for _sql, status in queries] == [pq.PipelineStatus.OFF] + [
        pq.PipelineStatus.ON
    ] * 4
    prepared = prepared_statements()
    # Pipelined queries are prepared like the others.
    assert any(
        "WHERE b.brief_id = (SELECT k.id" in statement for statement in prepared
    ), prepared
