"""The Spanish site in a real browser: valid, accessible, and Spanish with JavaScript on."""

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from briefs.models import Brief
from newsroom.feedback.models import Vote
from tests.browser.helpers import (
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def spanish(live_server):
    """The demo's Spanish brief with an analysis, and its republish page."""
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    with translation.override("es"):
        brief = (
            Brief.objects.published()
            .filter(language="es", license__allows_republishing=True)
            .exclude(analysis="")
            .first()
        )
        brief.url = live_server.url + brief.get_absolute_url()
    brief.republish_url = brief.url + "republish/"
    return brief


@pytest.mark.parametrize("which", ["url", "republish_url"])
def test_spanish_brief_and_republish_pages_are_valid_and_accessible(
    spanish, page, which
):
    url = getattr(spanish, which)
    errors = html_errors(fetch(url))
    assert errors == [], format_html_errors(errors)
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "es"
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_with_javascript_the_vote_answers_in_spanish(spanish, page):
    page.goto(spanish.url)
    status = page.locator("#feedback [role=status]")
    page.get_by_role("button", name="No", exact=True).click()
    expect(status).to_have_text("Gracias por tu opinión. ¿Qué podríamos mejorar?")
    improve = page.locator(".feedback-improve")
    expect(improve).to_be_visible()
    improve.get_by_label("¿Qué podríamos mejorar? (opcional)").fill(
        "Un mapa de la cuenca."
    )
    improve.get_by_role("button", name="Enviar sugerencia").click()
    expect(status).to_have_text("Gracias. Leemos todas las sugerencias.")
    vote = Vote.objects.get(brief=spanish, suggestion="Un mapa de la cuenca.")
    assert vote.helpful is False


def test_the_copy_button_reports_in_spanish(spanish, live_server, page):
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    page.goto(spanish.republish_url)
    page.get_by_role("button", name="Copiar HTML").click()
    expect(page.locator("#republish-html-status")).to_have_text(
        "HTML copiado al portapapeles."
    )
