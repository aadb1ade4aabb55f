"""The demo publication: loaddemo's content, consistent with itself, and its images."""

import hashlib
import re

import feedparser
import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils.html import escape
from PIL import Image

from briefs import demo_data
from briefs.models import Author, Brief, Country, Topic
from newsroom.publication.models import Publication

pytestmark = pytest.mark.django_db


def test_loaddemo_builds_the_demo_publication_and_is_idempotent(capsys):
    call_command("loaddemo")
    counts = (
        Brief.objects.count(),
        Author.objects.count(),
        Country.objects.count(),
        Topic.objects.count(),
    )
    call_command("loaddemo")
    assert counts == (
        Brief.objects.count(),
        Author.objects.count(),
        Country.objects.count(),
        Topic.objects.count(),
    )
    english = Brief.objects.filter(language="en", section__is_organization=False)
    assert english.count() >= 12
    assert Country.objects.filter(briefs__isnull=False).distinct().count() >= 4
    assert Topic.objects.filter(briefs__isnull=False).distinct().count() >= 4
    assert Author.objects.count() >= 3
    translations = Brief.objects.filter(language="es", translation_of__language="en")
    assert translations.count() >= 4
    assert Brief.objects.filter(section__is_organization=True).count() >= 3
    assert Brief.objects.filter(status=Brief.Status.DRAFT).exists()
    assert (
        Brief.objects.exclude(pk__in=Brief.objects.published())
        .filter(status=Brief.Status.PUBLISHED)
        .exists()
    ), "one brief is scheduled for the future"
    assert Brief.objects.published().filter(analysis="").exists()
    for brief in Brief.objects.published().filter(language="en"):
        assert brief.news.startswith("<p>")
        assert brief.briefauthor_set.exists()


def test_loaddemo_generates_briefs_deterministically(capsys):
    call_command("loaddemo", briefs=30, batch_size=7)
    output = capsys.readouterr().out
    assert "30/30 generated briefs (100%)" in output

    def generated():
        return Brief.objects.filter(slug__startswith="generated-brief-")

    assert generated().count() == 30
    first = {
        brief.slug: (brief.title, brief.news, brief.primary_country_id)
        for brief in generated()
    }
    assert all(brief.briefauthor_set.exists() for brief in generated())
    assert all(
        brief.countries.exists() and brief.topics.exists() for brief in generated()
    )
    call_command("loaddemo", briefs=30)
    assert generated().count() == 30
    call_command("loaddemo", briefs=40)
    assert generated().count() == 40
    again = {
        brief.slug: (brief.title, brief.news, brief.primary_country_id)
        for brief in Brief.objects.filter(slug__in=first)
    }
    assert again == first
    assert len({title for title, _news, _country in first.values()}) == 30


def test_generated_briefs_show_on_the_site(client):
    call_command("loaddemo", briefs=5)
    brief = (
        Brief.objects.published().filter(slug__startswith="generated-brief-").first()
    )
    response = client.get(brief.get_absolute_url())
    assert response.status_code == 200
    assert 'id="news"' in response.text


def test_ensureadmin_creates_a_login_once(capsys, monkeypatch, django_user_model):
    monkeypatch.setenv("NEWSROOM_ADMIN_PASSWORD", "a-demo-password-123")
    call_command("ensureadmin")
    assert "Admin login: admin / a-demo-password-123" in capsys.readouterr().out
    call_command("ensureadmin")
    assert django_user_model.objects.filter(username="admin").count() == 1
    user = django_user_model.objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-demo-password-123")


def test_ensureadmin_generates_and_prints_a_password(
    capsys, monkeypatch, django_user_model
):
    monkeypatch.delenv("NEWSROOM_ADMIN_PASSWORD", raising=False)
    call_command("ensureadmin")
    line = next(
        line for line in capsys.readouterr().out.splitlines() if "Admin login" in line
    )
    password = line.split(" / ")[1].strip()
    assert django_user_model.objects.get(username="admin").check_password(password)
    call_command("ensureadmin")
    assert password not in capsys.readouterr().out


def test_generated_briefs_are_not_hidden_by_the_page_cache(client):
    call_command("loaddemo")
    country = Country.objects.get(slug="chile")
    before = client.get(country.get_absolute_url())
    assert before.status_code == 200
    call_command("loaddemo", briefs=20)
    generated = Brief.objects.filter(
        slug__startswith="generated-brief-", countries=country, language="en"
    ).first()
    after = client.get(country.get_absolute_url())
    assert escape(generated.title) in after.text


# Consistency and images


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("loaddemo")
    return tmp_path


def text(html):
    return re.sub(r"<[^>]+>", "", html)


def test_the_about_text_names_the_default_license(demo):
    publication = Publication.load()
    license = publication.default_license
    assert license.short_name == "CC BY-NC 3.0"
    for about in (publication.about, publication.about_es):
        assert license.short_name in text(about)
    assert "Attribution licence" not in publication.about
    for brief in Brief.objects.all():
        assert "Creative Commons Attribution licence" not in brief.news


def test_translations_keep_the_see_also_links_of_their_originals(demo):
    translations = Brief.objects.filter(translation_of__isnull=False)
    assert translations.exists()
    for translation in translations:
        original = translation.translation_of
        theirs = list(original.see_also.order_by("pk"))
        ours = list(translation.see_also.order_by("pk"))
        assert len(ours) == len(theirs), translation.slug
        for mine, source in zip(ours, theirs, strict=True):
            assert (mine.place, mine.after_paragraph) == (
                source.place,
                source.after_paragraph,
            )
            assert mine.label != source.label  # in Spanish
            if source.target_brief is not None:
                target = source.target_brief
                spanish = target.translations.filter(language="es").first()
                assert mine.target_brief == (spanish or target)
            else:
                assert (mine.target_country, mine.target_topic, mine.url) == (
                    source.target_country,
                    source.target_topic,
                    source.url,
                )


def test_the_spanish_page_shows_its_see_also_links(demo, client):
    translation = Brief.objects.get(
        slug="regantes-bolivianos-obtienen-lugar-en-autoridad-de-cuenca"
    )
    html = client.get(translation.get_absolute_url()).text
    assert 'class="see-also"' in html
    assert 'href="/es/briefs/peru-suspende-ampliacion-de-relavera-en-condorhuasi/"' in (
        html
    )


def test_one_brief_is_all_rights_reserved(demo, client):
    reserved = Brief.objects.filter(license__slug="all-rights-reserved")
    assert reserved.count() == 1
    brief = reserved.get()
    assert brief.is_public
    page = client.get(brief.get_absolute_url()).text
    assert 'id="republish"' not in page
    assert "All rights reserved" in page
    feed = feedparser.parse(client.get("/en/feed/republish/").content)
    links = [entry.link for entry in feed.entries]
    assert links and not any(brief.get_absolute_url() in link for link in links)
    # Still in the ordinary feed: readers may read it.
    latest = feedparser.parse(client.get("/en/feed/").content)
    assert any(brief.get_absolute_url() in entry.link for entry in latest.entries)


def test_demo_briefs_have_drawn_images_with_alt_caption_and_credit(demo, client):
    pictured = Brief.objects.exclude(featured_image="")
    slugs = set(pictured.filter(language="en").values_list("slug", flat=True))
    assert slugs == set(demo_data.BRIEF_IMAGES)
    assert pictured.filter(language="es").count() == 4
    for brief in pictured:
        assert brief.image_alt and brief.image_caption and brief.image_credit
        assert default_storage.exists(brief.featured_image.name)
        with default_storage.open(brief.featured_image.name) as file:
            assert Image.open(file).size == (1600, 900)
        if brief.translation_of_id:
            original = brief.translation_of
            assert brief.featured_image.name == original.featured_image.name
            assert brief.image_alt != original.image_alt  # in Spanish
    assert Publication.load().share_image
    brief = pictured.filter(language="en").first()
    html = client.get(brief.get_absolute_url()).text
    assert "<picture>" in html and brief.image_credit in html


def test_demo_images_are_the_same_on_every_run(settings, tmp_path):
    digests = []
    for run in ("first", "second"):
        settings.MEDIA_ROOT = tmp_path / run
        Brief.objects.all().delete()
        publication = Publication.load()
        publication.share_image = ""
        publication.save()
        call_command("loaddemo")
        digests.append(
            sorted(
                hashlib.sha256(path.read_bytes()).hexdigest()
                for path in (tmp_path / run).rglob("*.png")
            )
        )
    assert digests[0] == digests[1]
    assert len(digests[0]) == len(demo_data.BRIEF_IMAGES) + 1


def test_a_second_loaddemo_makes_no_new_files(demo):
    before = sorted(path.name for path in demo.rglob("*.png"))
    call_command("loaddemo")
    assert sorted(path.name for path in demo.rglob("*.png")) == before
