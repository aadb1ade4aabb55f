import pytest
from django.core.management import call_command
from django.utils.html import escape

from briefs.models import Author, Brief, Country, Topic

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
