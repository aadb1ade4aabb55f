"""The brief page's hand-written loader reads what prefetch_related would."""

import pytest
from django.db import connection
from django.db.models import Prefetch

from briefs.models import Brief, BriefAuthor, SeeAlsoLink
from briefs.page import load_page_relations
from briefs.views import brief_detail_queryset
from tests.factories import make_author, make_brief, make_country, make_topic

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
    make_brief(language="es", translation_of=brief)
    loaded = brief_detail_queryset().get(pk=brief.pk)
    with django_assert_num_queries(6):
        load_page_relations(loaded)
    with django_assert_num_queries(0):
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


def test_a_target_deleted_between_the_two_see_also_queries_drops_its_link():
    brief = make_brief()
    target = make_brief()
    SeeAlsoLink.objects.create(brief=brief, label="Gone", target_brief=target)
    SeeAlsoLink.objects.create(brief=brief, label="Kept", url="https://example.org/")
    loaded = brief_detail_queryset().get(pk=brief.pk)

    def delete_the_target_first(execute, sql, params, many, context):
        if "WHERE id IN (SELECT target_brief_id" in sql:
            Brief.objects.filter(pk=target.pk).delete()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(delete_the_target_first):
        load_page_relations(loaded)
    assert not Brief.objects.filter(pk=target.pk).exists()
    assert [link.label for link in loaded.see_also.all()] == ["Kept"]
