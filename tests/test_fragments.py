"""A brief's own text is cached under its own key; what it shows decides the key."""

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.test import Client

from briefs.models import SeeAlsoLink
from newsroom.licensing.models import License
from tests.factories import make_author, make_brief, make_country, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def story():
    """A brief with a byline, tags and a see-also link to another brief."""
    target = make_brief("Dam inquiry opens", slug="dam-inquiry")
    brief = make_brief(
        "River levels fall",
        authors=[make_author("Ana Ruiz")],
        countries=[make_country("Peru")],
        topics=[make_topic("Water")],
    )
    SeeAlsoLink.objects.create(
        brief=brief, label="The inquiry", target_brief=target, after_paragraph=1
    )
    return brief, target


def own_text(page):
    """The page from the headline to the end of the brief's footer."""
    return page[page.index('class="brief-header"') : page.index("</footer>")]


def own_key(reader, brief):
    response = reader.get(brief.get_absolute_url())
    assert response.status_code == 200
    return response.context["own_part_key"]


def test_the_brief_text_is_kept_under_its_own_key(reader, story):
    brief, _target = story
    key = own_key(reader, brief)
    for name in ("brief-news", "brief-analysis"):
        assert cache.get(make_template_fragment_key(name, [key])) is not None


def test_an_edit_to_another_brief_keeps_this_brief_text_cached(reader, story):
    brief, _target = story
    before = own_key(reader, brief)
    other = make_brief("Unrelated council vote")
    other.title = "Council vote postponed"
    other.save()
    # The page itself is rendered again (a new content version), its own
    # text is not: same key, and the fragment is still there.
    assert own_key(reader, brief) == before
    assert cache.get(make_template_fragment_key("brief-news", [before])) is not None


@pytest.mark.parametrize(
    "change, shown",
    [
        ("author", "Ana Ruiz Paredes"),
        ("country", "Perú del Sur"),
        ("target", "/en/briefs/dam-inquiry-report/"),
    ],
)
def test_edits_to_what_the_text_shows_appear_at_once(reader, story, change, shown):
    brief, target = story
    reader.get(brief.get_absolute_url())
    if change == "author":
        author = brief.authors.get()
        author.name = shown
        author.save()
    elif change == "country":
        country = brief.countries.get()
        country.name = shown
        country.save()
    else:
        target.slug = "dam-inquiry-report"
        target.save()
    page = reader.get(brief.get_absolute_url()).content.decode()
    # In the brief's own text, not only in the JSON-LD or the license footer.
    assert shown in own_text(page)


def test_a_see_also_target_unpublished_disappears_at_once(reader, story):
    brief, target = story
    assert (
        'href="/en/briefs/dam-inquiry/"'
        in reader.get(brief.get_absolute_url()).content.decode()
    )
    target.status = target.Status.DRAFT
    target.save()
    page = reader.get(brief.get_absolute_url()).content.decode()
    assert 'href="/en/briefs/dam-inquiry/"' not in page


def test_a_license_that_stops_allowing_republishing_hides_the_link(reader, story):
    brief, _target = story
    assert 'id="republish"' in reader.get(brief.get_absolute_url()).content.decode()
    license = License.objects.get(pk=brief.license_id)
    license.allows_republishing = False
    license.save()
    assert 'id="republish"' not in reader.get(brief.get_absolute_url()).content.decode()


def test_the_related_block_follows_the_site_wide_version(reader, story):
    brief, _target = story
    reader.get(brief.get_absolute_url())
    newer = make_brief("Peru water tariffs rise", countries=[brief.countries.get()])
    page = reader.get(brief.get_absolute_url()).content.decode()
    related = page[page.index('id="related"') :]
    assert newer.title in related
