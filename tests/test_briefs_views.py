from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from briefs import preview
from briefs.models import SeeAlsoLink
from newsroom.licensing.models import License
from tests.factories import make_author, make_brief, make_country, make_topic

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language():
    response = Client_get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def Client_get(path, **extra):
    from django.test import Client

    return Client().get(path, **extra)


def test_root_redirect_follows_accept_language():
    response = Client_get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    assert response["Location"] == "/es/"


def test_invalid_accept_language_falls_back_to_english():
    response = Client_get("/", HTTP_ACCEPT_LANGUAGE="!!garbage;;q=x")
    assert response["Location"] == "/en/"


def test_home_lists_latest_published_briefs(client):
    make_brief("Visible headline")
    make_brief("Draft headline", published=False)
    make_brief("Future headline", when=timezone.now() + timedelta(days=1))
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Visible headline" in response.text
    assert "Draft headline" not in response.text
    assert "Future headline" not in response.text


def test_brief_page_structure(client):
    chile = make_country("Chile")
    ana, luis = make_author("Ana Reyes", slug="ana-reyes"), make_author("Luis Vega")
    brief = make_brief(
        "Water council approves plan",
        authors=[ana, luis],
        countries=[chile],
        topics=[make_topic("Water")],
        news="<p>First news paragraph.</p><p>Second news paragraph.</p>",
        analysis="<p>Our reading of it.</p>",
    )
    response = client.get(brief.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert brief.get_absolute_url() == "/en/briefs/water-council-approves-plan/"
    assert '<section id="news"' in html and "First news paragraph." in html
    assert '<section id="analysis"' in html and "Our reading of it." in html
    assert html.index('id="news"') < html.index('id="analysis"')
    assert 'id="analysis-heading">Newsroom Analysis</h2>' in html
    assert '<a href="/en/country/chile/">Chile</a>' in html  # kicker
    assert 'href="/en/author/ana-reyes/" rel="author">Ana Reyes</a>' in html
    assert "Ana Reyes</a> and <a" in html
    for element_id in ["related", "license", "donate", "feedback"]:
        assert f'id="{element_id}"' in html
    for share in [
        "mailto:?",
        "https://x.com/intent/post?",
        "facebook.com/sharer",
        "wa.me",
        "linkedin.com",
    ]:
        assert share in html
    assert 'class="breadcrumb"' in html
    assert "<script" not in html.split("</head>")[1] or "application/ld+json" in html


def test_brief_page_names_its_canonical_address_on_the_requests_host(client):
    brief = make_brief("Canonical brief", slug="canonical-brief")
    html = client.get(brief.get_absolute_url()).text
    assert (
        '<link rel="canonical" href="http://testserver/en/briefs/canonical-brief/">'
        in html
    )
    html = client.get(brief.get_absolute_url(), secure=True).text
    assert 'href="https://testserver/en/briefs/canonical-brief/"' in html
    # A preview names the brief's future address.
    html = client.get(preview.preview_url(brief)).text
    assert 'href="http://testserver/en/briefs/canonical-brief/"' in html


def test_brief_without_analysis_has_no_analysis_section(client):
    brief = make_brief("Only news", analysis="")
    html = client.get(brief.get_absolute_url()).text
    assert 'id="news"' in html
    assert 'id="analysis"' not in html


def test_see_also_links_sit_after_the_chosen_paragraph(client):
    other = make_brief("Earlier story")
    brief = make_brief("With links", news="<p>One.</p><p>Two.</p><p>Three.</p>")
    SeeAlsoLink.objects.create(
        brief=brief, label="The earlier story", target_brief=other, after_paragraph=2
    )
    html = client.get(brief.get_absolute_url()).text
    assert html.index("Two.") < html.index("The earlier story") < html.index("Three.")
    assert f'href="{other.get_absolute_url()}"' in html


def test_see_also_link_to_a_draft_is_not_shown(client):
    draft = make_brief("Unready", published=False)
    brief = make_brief("Linking")
    SeeAlsoLink.objects.create(brief=brief, label="Secret draft", target_brief=draft)
    assert "Secret draft" not in client.get(brief.get_absolute_url()).text


@pytest.mark.parametrize(
    "kwargs",
    [
        {"published": False},
        {"when": timezone.now() + timedelta(days=3)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_briefs_are_404(client, kwargs):
    brief = make_brief("Hidden", **kwargs)
    assert client.get(brief.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/briefs/no-such-brief/",
        "/en/briefs/%E2%98%83/",
        "/en/briefs/a%00b/",
        "/en/briefs/" + "x" * 500 + "/",
        "/xx/",
        "/fr/briefs/anything/",
        "/en/country/nowhere/",
        "/en/author/nobody/",
        "/en/topic/nothing/",
        "/en/section/none/",
    ],
)
def test_unknown_addresses_are_404(client, path):
    assert client.get(path).status_code == 404


def test_brief_under_the_other_language_prefix_redirects(client):
    original = make_brief("English original", slug="original")
    translation = make_brief(
        "Original en español",
        slug="original-es",
        language="es",
        translation_of=original,
    )
    response = client.get("/es/briefs/original/")
    assert response.status_code == 302
    assert response["Location"] == translation.get_absolute_url()
    lonely = make_brief("Only English", slug="only-english")
    response = client.get("/es/briefs/only-english/")
    assert response["Location"] == lonely.get_absolute_url()


def test_valid_preview_link_shows_a_draft(client):
    brief = make_brief("Secret plan", published=False)
    response = client.get(preview.preview_url(brief))
    assert response.status_code == 200
    assert "Secret plan" in response.text
    assert "noindex" in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_preview_link_shows_a_scheduled_brief(client):
    brief = make_brief("Tomorrow's news", when=timezone.now() + timedelta(days=1))
    response = client.get(preview.preview_url(brief))
    assert response.status_code == 200
    assert "scheduled for" in response.text


def test_tampered_preview_link_is_404(client):
    brief = make_brief("Secret plan", published=False)
    other = make_brief("Other secret", published=False)
    token = preview.make_token(brief)
    value, timestamp, signature = token.rsplit(":", 2)
    forged = signing.TimestampSigner(salt=preview.SALT).sign_object({"id": other.pk})
    forged_value = forged.rsplit(":", 2)[0]
    for bad in [
        f"{forged_value}:{timestamp}:{signature}",
        token[:-2] + ("aa" if not token.endswith("aa") else "bb"),
        "garbage",
        "",
    ]:
        url = (
            reverse("briefs:preview", kwargs={"token": bad}) if bad else "/en/preview//"
        )
        assert client.get(url).status_code == 404


def test_expired_preview_link_is_404(client, settings):
    brief = make_brief("Old secret", published=False)

    class PastSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(timezone.now().timestamp()) - 8 * 24 * 3600)

    token = PastSigner(salt=preview.SALT).sign_object({"id": brief.pk})
    settings.NEWSROOM_PREVIEW_MAX_AGE = 7 * 24 * 3600
    response = client.get(reverse("briefs:preview", kwargs={"token": token}))
    assert response.status_code == 404


def test_license_in_use_cannot_be_deleted():
    from django.db.models import ProtectedError

    brief = make_brief("Uses license")
    with pytest.raises(ProtectedError):
        License.objects.filter(pk=brief.license_id).delete()


def test_404_page_keeps_the_site_navigation(client):
    response = client.get("/en/briefs/missing/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'class="site-header"' in response.text
    response = client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
