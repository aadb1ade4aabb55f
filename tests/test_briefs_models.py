from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from briefs.models import Brief
from newsroom.html import sanitize_html, split_blocks
from newsroom.licensing.models import License
from newsroom.publication.models import Publication
from tests.factories import make_brief, make_country, make_topic
from tests.payloads import XSS_PAYLOADS, executable_parts

pytestmark = pytest.mark.django_db


def test_published_includes_only_briefs_whose_time_has_come():
    past = make_brief("Past", when=timezone.now() - timedelta(minutes=1))
    make_brief("Future", when=timezone.now() + timedelta(hours=2))
    make_brief("Draft", published=False)
    assert list(Brief.objects.published()) == [past]


def test_scheduled_brief_becomes_public_when_its_time_passes(settings):
    brief = make_brief("Soon", when=timezone.now() + timedelta(seconds=1))
    assert not brief.is_public and brief.is_scheduled
    assert not Brief.objects.published().filter(pk=brief.pk).exists()
    Brief.objects.filter(pk=brief.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    assert Brief.objects.published().filter(pk=brief.pk).exists()


def test_publishing_without_a_time_stamps_now():
    brief = make_brief("Now", published=False, published_at=None)
    brief.status = Brief.Status.PUBLISHED
    brief.save()
    assert brief.published_at is not None
    assert brief.is_public


def test_slug_is_unique_within_a_language_only():
    make_brief("One", slug="same", language="en")
    make_brief("Uno", slug="same", language="es")
    with pytest.raises(IntegrityError):
        make_brief("Two", slug="same", language="en")


def test_new_brief_gets_the_publications_default_license():
    brief = make_brief("Licensed")
    assert brief.license == Publication.load().default_license
    assert brief.license.short_name == "CC BY-NC 3.0"


def test_explicit_license_is_kept():
    arr = License.objects.get(slug="all-rights-reserved")
    brief = make_brief("Reserved", license=arr)
    assert brief.license == arr


def test_kicker_defaults_to_the_first_country():
    chile, peru = make_country("Chile"), make_country("Peru")
    brief = make_brief("Tagged", countries=[chile, peru], topics=[make_topic("Water")])
    brief.refresh_from_db()
    assert brief.kicker == chile


def test_analysis_heading_comes_from_the_publication():
    publication = Publication.load()
    publication.name = "Ridgeline"
    publication.save()
    brief = make_brief("Heading")
    assert brief.get_analysis_heading() == "Ridgeline Analysis"
    brief.analysis_heading = "Our view"
    assert brief.get_analysis_heading() == "Our view"


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_rich_text_saved_from_code_is_sanitised(payload):
    brief = make_brief(
        "Injected", news=f"<p>Before</p>{payload}<p>After</p>", analysis=payload
    )
    brief.refresh_from_db()
    for html in (brief.news, brief.analysis):
        assert executable_parts(html) == [], html
    assert "Before" in brief.news  # text before the payload is never lost


def test_sanitiser_keeps_the_editors_formatting():
    html = (
        "<h2>Sub</h2><p><strong>bold</strong> <em>it</em> "
        '<a href="https://example.org/x">link</a></p><ul><li>one</li></ul>'
        "<blockquote><p>quote</p></blockquote>"
    )
    cleaned = sanitize_html(html)
    for fragment in [
        "<h2>Sub</h2>",
        "<strong>bold</strong>",
        "<em>it</em>",
        "<li>one</li>",
    ]:
        assert fragment in cleaned
    assert 'href="https://example.org/x"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


def test_empty_editor_output_is_stored_as_empty():
    assert sanitize_html("<p></p>") == ""
    assert sanitize_html("<p><br></p>") == ""


def test_split_blocks_counts_top_level_paragraphs():
    blocks = split_blocks(
        "<p>a</p><blockquote><p>b</p><p>c</p></blockquote><p>d<br>e</p>"
    )
    assert blocks == [
        "<p>a</p>",
        "<blockquote><p>b</p><p>c</p></blockquote>",
        "<p>d<br>e</p>",
    ]
