"""A reader following an old WordPress link lands on the imported brief (issue #23)."""

from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

LEDGER = Path(__file__).resolve().parents[1] / "data" / "wordpress" / "ledger.xml"


def test_an_old_permalink_and_its_post_id_form_land_on_the_brief(live_server, page):
    call_command("importwordpress", str(LEDGER), stdout=open("/dev/null", "w"))
    for old in ("/2024/03/12/valparaiso-water-tariffs/", "/?p=101"):
        page.goto(live_server.url + old)
        assert page.url == live_server.url + "/en/briefs/valparaiso-water-tariffs/"
        assert page.locator("#news").is_visible()
        assert "for the last time" in page.locator("h1").text_content()
        assert page.locator("#analysis").is_visible()
