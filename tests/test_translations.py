from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from briefs.models import Brief, RelatedBrief
from newsroom.licensing.models import License
from tests.factories import make_author, make_brief, make_country, make_topic

pytestmark = pytest.mark.django_db


def test_create_translation_action_copies_a_brief_as_a_linked_draft(admin_client):
    chile, water = make_country("Chile"), make_topic("Water")
    author = make_author("Pilar Soto")
    license = License.objects.get(slug="cc-by-4-0")
    picked = make_brief("Picked story")
    picked_es = make_brief("Historia elegida", language="es", translation_of=picked)
    unpicked = make_brief("English only")
    original = make_brief(
        "Dam approved",
        authors=[author],
        countries=[chile],
        topics=[water],
        license=license,
    )
    RelatedBrief.objects.create(brief=original, related=picked, order=0)
    RelatedBrief.objects.create(brief=original, related=unpicked, order=1)

    response = admin_client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "translate", "_selected_action": [original.pk]},
    )
    translation = Brief.objects.get(translation_of=original)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:briefs_brief_change", args=[translation.pk]
    )
    assert translation.language == "es"
    assert translation.status == Brief.Status.DRAFT and translation.published_at is None
    assert translation.license == license
    assert list(translation.countries.all()) == [chile]
    assert list(translation.topics.all()) == [water]
    assert [b.author for b in translation.briefauthor_set.all()] == [author]
    assert [pick.related for pick in translation.related_picks.all()] == [picked_es]
    assert translation.news == original.news  # left for the translator to replace

    again = admin_client.post(
        reverse("admin:briefs_brief_changelist"),
        {"action": "translate", "_selected_action": [original.pk]},
        follow=True,
    )
    assert "already has a translation" in again.text
    assert Brief.objects.filter(translation_of=original).count() == 1


def test_change_page_shows_which_translation_exists_and_if_it_is_out_of_date(
    admin_client,
):
    original = make_brief("Harvest report")
    translation = make_brief(
        "Informe de cosecha", language="es", translation_of=original
    )
    url = reverse("admin:briefs_brief_change", args=[original.pk])
    assert "Spanish" in admin_client.get(url).text
    assert "up to date" in admin_client.get(url).text
    Brief.objects.filter(pk=original.pk).update(
        updated_at=timezone.now() + timedelta(minutes=1)
    )
    page = admin_client.get(url)
    assert "out of date" in page.text
    page = admin_client.get(reverse("admin:briefs_brief_change", args=[translation.pk]))
    assert "the original changed after this translation" in page.text


def test_brief_page_links_its_translation_with_hreflang_pairs(client):
    original = make_brief("Border reopens", slug="border-reopens")
    translation = make_brief(
        "Reabre la frontera",
        slug="reabre-la-frontera",
        language="es",
        translation_of=original,
    )
    html = client.get(original.get_absolute_url()).text
    host = "http://testserver"
    assert (
        f'<link rel="alternate" hreflang="en" href="{host}/en/briefs/border-reopens/">'
        in html
    )
    assert (
        f'<link rel="alternate" hreflang="es" href="{host}/es/briefs/reabre-la-frontera/">'
        in html
    )
    assert f'hreflang="x-default" href="{host}/en/briefs/border-reopens/"' in html
    assert (
        'href="/es/briefs/reabre-la-frontera/" hreflang="es" lang="es">Español</a>'
        in html
    )
    spanish = client.get(translation.get_absolute_url()).text
    assert (
        'href="/en/briefs/border-reopens/" hreflang="en" lang="en">English</a>'
        in spanish
    )
    assert f'hreflang="x-default" href="{host}/en/briefs/border-reopens/"' in spanish


def test_unpublished_translation_is_not_linked(client):
    original = make_brief("Quiet news")
    make_brief("Noticia", language="es", translation_of=original, published=False)
    html = client.get(original.get_absolute_url()).text
    assert 'hreflang="es" href=' not in html
    assert '<a href="/es/" hreflang="es" lang="es">Español</a>' in html


def test_language_switch_keeps_the_reader_on_the_equivalent_page(client):
    make_country("Peru")
    html = client.get("/en/country/peru/?page=1").text
    assert (
        '<a href="/es/country/peru/?page=1" hreflang="es" lang="es">Español</a>' in html
    )
    html = client.get("/es/").text
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
