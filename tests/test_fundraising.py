"""Donation prompts: choice per placement, the click counter, the admin report."""

import csv
import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from briefs.models import Brief
from newsroom.fundraising.models import DonationClick, DonationPrompt
from newsroom.publication.models import Publication
from tests.factories import (
    list_cell,
    make_brief,
    make_country,
    make_prompt,
    make_section,
    make_topic,
)

pytestmark = pytest.mark.django_db


def donate_html(html, element_id="donate"):
    """The <aside> with ``element_id`` on a page."""
    start = html.index(f'<aside id="{element_id}"')
    return html[start : html.index("</aside>", start) + len("</aside>")]


def page(client, brief):
    response = client.get(brief.get_absolute_url())
    assert response.status_code == 200
    return response.text


# Choosing the prompt


def test_an_untargeted_prompt_shows_at_the_end_of_every_brief(client):
    brief = make_brief()
    prompt = make_prompt(
        heading="Keep us reporting",
        message="We want to keep reporting, but to do so we need resources.",
        button_label="DONATE",
    )
    aside = donate_html(page(client, brief))
    assert "Keep us reporting" in aside
    assert "we need resources." in aside
    assert f'href="/donate/{prompt.pk}/?brief={brief.pk}"' in aside
    assert ">DONATE</a>" in aside


def test_a_targeted_prompt_beats_an_untargeted_one_of_higher_priority(client):
    water = make_topic("Water")
    on_water = make_brief(topics=[water])
    elsewhere = make_brief(topics=[make_topic("Courts")])
    make_prompt(heading="General appeal", priority=100)
    make_prompt(heading="Water appeal", topics=[water], priority=0)
    assert "Water appeal" in donate_html(page(client, on_water))
    assert "General appeal" in donate_html(page(client, elsewhere))
    assert "Water appeal" not in page(client, elsewhere)


def test_among_targeted_prompts_priority_decides(client):
    chile = make_country("Chile")
    water = make_topic("Water")
    brief = make_brief(countries=[chile], topics=[water])
    make_prompt(heading="Chile appeal", countries=[chile], priority=1)
    make_prompt(heading="Water appeal", topics=[water], priority=5)
    aside = donate_html(page(client, brief))
    assert "Water appeal" in aside and "Chile appeal" not in aside


def test_a_brief_must_match_every_targeting_list_a_prompt_fills_in(client):
    chile, peru = make_country("Chile"), make_country("Peru")
    water = make_topic("Water")
    opinion = make_section(slug="opinion", name="Opinion")
    make_prompt(heading="Fallback")
    make_prompt(heading="Chilean water", countries=[chile, peru], topics=[water])
    make_prompt(heading="Opinion only", sections=[opinion], priority=9)
    assert "Chilean water" in page(client, make_brief(countries=[peru], topics=[water]))
    only_country = page(client, make_brief(countries=[chile]))
    assert "Fallback" in donate_html(only_country)
    assert "Opinion only" in page(client, make_brief(section=opinion))


def test_prompts_in_another_language_do_not_show(client):
    make_prompt(heading="Apoya nuestro trabajo", language="es")
    html = page(client, make_brief())
    assert "Apoya nuestro trabajo" not in html
    spanish = make_brief(language="es", slug="una-nota")
    assert "Apoya nuestro trabajo" in donate_html(page(client, spanish))


def test_disabled_future_and_expired_prompts_do_not_show(client):
    now = timezone.now()
    make_prompt(heading="Switched off", enabled=False, priority=9)
    make_prompt(heading="Not yet", active_from=now + timedelta(hours=1), priority=9)
    make_prompt(heading="Over", active_until=now - timedelta(minutes=1), priority=9)
    make_prompt(
        heading="Running",
        active_from=now - timedelta(days=1),
        active_until=now + timedelta(days=1),
    )
    html = page(client, make_brief())
    assert "Running" in donate_html(html)
    for heading in ["Switched off", "Not yet", "Over"]:
        assert heading not in html


def test_a_page_shows_at_most_one_prompt_per_placement(client):
    make_prompt(heading="End low", priority=1)
    make_prompt(heading="End high", priority=2)
    make_prompt(heading="After news A", placement="after_news", priority=3)
    make_prompt(heading="After news B", placement="after_news")
    make_prompt(heading="Banner", placement="banner")
    html = page(client, make_brief())
    assert html.count('class="donate ') == 3
    assert "End high" in donate_html(html)
    assert "After news A" in donate_html(html, "donate-after-news")
    assert "Banner" in donate_html(html, "donate-banner")
    assert "End low" not in html and "After news B" not in html
    # After the news section, before the analysis.
    assert html.index('id="news"') < html.index('id="donate-after-news"')
    assert html.index('id="donate-after-news"') < html.index('id="analysis"')


def test_pages_without_a_brief_only_get_untargeted_banners(client):
    make_prompt(heading="Site banner", placement="banner")
    make_prompt(
        heading="Water banner", placement="banner", topics=[make_topic()], priority=9
    )
    html = client.get("/en/").text
    assert "Site banner" in donate_html(html, "donate-banner")
    assert "Water banner" not in html
    assert 'href="/donate/' in html and "?brief=" not in donate_html(
        html, "donate-banner"
    )


def test_a_brief_page_without_any_prompt_keeps_an_empty_donate_element(client):
    html = page(client, make_brief())
    assert '<aside id="donate" class="donate donate-empty" hidden></aside>' in html


def test_prompt_edits_show_on_the_next_page_view(client):
    brief = make_brief()
    prompt = make_prompt(heading="Old heading")
    assert "Old heading" in page(client, brief)
    prompt.heading = "New heading"
    prompt.save()
    html = page(client, brief)
    assert "New heading" in html and "Old heading" not in html


def test_prompt_text_is_escaped(client):
    make_prompt(heading="<script>alert(1)</script>", message="<b>bold</b>\nline two")
    html = page(client, make_brief())
    assert "<script>alert(1)" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;<br>line two" in html


def render_prompts(brief):
    request = RequestFactory().get(brief.get_absolute_url())
    template = Template(
        "{% load fundraising_tags %}"
        '{% donation_prompt "banner" %}'
        '{% donation_prompt "after_news" brief %}'
        '{% donation_prompt "end" brief %}'
    )
    return template.render(Context({"brief": brief, "request": request}))


def test_prompts_are_read_once_per_content_version_then_chosen_without_a_query(
    django_assert_max_num_queries, django_assert_num_queries
):
    water = make_topic("Water")
    brief = make_brief(topics=[water], countries=[make_country()])
    for index in range(12):
        make_prompt(placement=["end", "after_news", "banner"][index % 3])
        make_prompt(placement="end", topics=[water], priority=index)
    brief = Brief.objects.prefetch_related("countries", "topics").get(pk=brief.pk)
    Publication.load()  # Starts the content version (it reads the schedule).
    # The prompts and their three targeting lists, whatever their number.
    with django_assert_max_num_queries(4):
        first = render_prompts(brief)
    assert first.count("<aside") == 3
    with django_assert_num_queries(0):
        assert render_prompts(brief) == first
    # An edit changes the content version: the next page reads the new prompt.
    make_prompt(placement="end", topics=[water], priority=99, heading="Fresh appeal")
    assert "Fresh appeal" in render_prompts(brief)


def test_the_number_of_prompts_does_not_change_the_page_query_count(client):
    brief = make_brief(topics=[make_topic()])
    make_prompt()

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(brief.get_absolute_url())
        return len(queries)

    before = count()
    for index in range(10):
        make_prompt(placement="after_news", priority=index)
        make_prompt(placement="banner", topics=list(brief.topics.all()))
    assert count() == before


def test_destination_urls_must_be_https(admin_client):
    topic = make_topic()
    data = {
        "name": "Appeal",
        "enabled": "on",
        "heading": "Support us",
        "message": "We need resources.",
        "button_label": "Donate",
        "placement": "end",
        "language": "en",
        "priority": "0",
        "topics": [topic.pk],
    }
    for url in [
        "http://example.org/donate",
        "javascript:alert(1)",
        "ftp://example.org/",
        "not a url",
    ]:
        response = admin_client.post(
            "/admin/fundraising/donationprompt/add/", {**data, "url": url}
        )
        assert response.status_code == 200, url
        assert response.context["adminform"].form.errors["url"], url
    assert not DonationPrompt.objects.exists()
    response = admin_client.post(
        "/admin/fundraising/donationprompt/add/",
        {**data, "url": "https://example.org/donate"},
    )
    assert response.status_code == 302
    prompt = DonationPrompt.objects.get()
    assert list(prompt.topics.all()) == [topic]
    # Typed without a scheme, the address is taken as https.
    response = admin_client.post(
        f"/admin/fundraising/donationprompt/{prompt.pk}/change/",
        {**data, "url": "example.org/give"},
    )
    assert response.status_code == 302
    prompt.refresh_from_db()
    assert prompt.url == "https://example.org/give"


def test_a_prompt_cannot_end_before_it_starts(admin_client):
    response = admin_client.post(
        "/admin/fundraising/donationprompt/add/",
        {
            "name": "Backwards",
            "heading": "h",
            "message": "m",
            "button_label": "Donate",
            "url": "https://example.org/",
            "placement": "end",
            "language": "en",
            "priority": "0",
            "active_from_0": "2030-01-02",
            "active_from_1": "10:00",
            "active_until_0": "2030-01-01",
            "active_until_1": "10:00",
        },
    )
    assert response.status_code == 200
    assert "active_until" in response.context["adminform"].form.errors
    assert not DonationPrompt.objects.exists()


# The click counter


def test_a_click_is_counted_and_redirects_to_the_prompt_url(client):
    brief = make_brief()
    prompt = make_prompt(url="https://example.org/donate?campaign=spring")
    response = client.get(f"/donate/{prompt.pk}/?brief={brief.pk}")
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/donate?campaign=spring"
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "Set-Cookie" not in response.headers
    Client(REMOTE_ADDR="198.51.100.20").get(f"/donate/{prompt.pk}/?brief={brief.pk}")
    click = DonationClick.objects.get()
    assert (click.prompt, click.brief, click.day, click.clicks) == (
        prompt,
        brief,
        timezone.localdate(),
        2,
    )


def test_the_redirect_only_ever_goes_to_the_prompt_url(client):
    prompt = make_prompt(url="https://example.org/give")
    for query in [
        "?next=https://evil.example/",
        "?url=https://evil.example/",
        "?brief=https://evil.example/",
        "?redirect_to=//evil.example",
    ]:
        response = client.get(f"/donate/{prompt.pk}/{query}")
        assert response.status_code == 302
        assert response["Location"] == "https://example.org/give"


@pytest.mark.parametrize("prompt_id", ["999999", "0"])
def test_unknown_prompts_are_not_found(client, prompt_id):
    make_prompt()
    assert client.get(f"/donate/{prompt_id}/").status_code == 404
    assert client.get("/donate/abc/").status_code == 404
    assert client.get("/donate/99999999999999999999999/").status_code == 404
    assert not DonationClick.objects.exists()


def test_disabled_prompts_are_not_found(client):
    prompt = make_prompt(enabled=False)
    assert client.get(f"/donate/{prompt.pk}/").status_code == 404
    assert not DonationClick.objects.exists()


def test_an_expired_prompt_still_takes_the_reader_to_its_page(client):
    """A page cached a moment before the end still shows the button."""
    prompt = make_prompt(active_until=timezone.now() - timedelta(minutes=5))
    response = client.get(f"/donate/{prompt.pk}/")
    assert response.status_code == 302
    assert DonationClick.objects.get().clicks == 1


@pytest.mark.parametrize(
    "value", ["abc", "-1", "1.5", "99999999999999999999999999", "١٢", "%00", ""]
)
def test_a_bad_or_unknown_brief_is_counted_as_a_click_without_a_brief(client, value):
    prompt = make_prompt()
    response = client.get(f"/donate/{prompt.pk}/", {"brief": value})
    assert response.status_code == 302
    click = DonationClick.objects.get()
    assert click.brief is None and click.clicks == 1


def test_a_draft_brief_is_not_credited_with_clicks(client):
    prompt = make_prompt()
    draft = make_brief(published=False)
    client.get(f"/donate/{prompt.pk}/?brief={draft.pk}")
    assert DonationClick.objects.get().brief is None


def test_clicks_without_a_brief_share_one_row_per_day():
    prompt = make_prompt(placement="banner")
    for number in range(3):
        Client(REMOTE_ADDR=f"198.51.100.{number}").get(f"/donate/{prompt.pk}/")
    assert DonationClick.objects.get().clicks == 3


def test_one_address_clicking_200_times_counts_one_click_and_always_redirects():
    prompt = make_prompt(url="https://example.org/give")
    brief = make_brief()
    for number in range(200):
        # A new browser string each time changes nothing: the address counts.
        client = Client(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT=f"Clicker/{number}")
        response = client.get(f"/donate/{prompt.pk}/?brief={brief.pk}")
        assert response.status_code == 302
        assert response["Location"] == "https://example.org/give"
    assert DonationClick.objects.get().clicks == 1


def test_a_click_counts_once_per_address_prompt_and_brief():
    prompt, other_prompt = make_prompt(), make_prompt()
    brief, other_brief = make_brief(), make_brief()
    reader = Client(REMOTE_ADDR="2001:db8:7:7::1")
    neighbour = Client(REMOTE_ADDR="2001:db8:7:7::2")  # the same /64
    stranger = Client(REMOTE_ADDR="2001:db8:7:8::1")
    for client, clicked, on in [
        (reader, prompt, brief),
        (neighbour, prompt, brief),
        (reader, prompt, other_brief),
        (reader, prompt, None),
        (reader, other_prompt, brief),
        (stranger, prompt, brief),
    ]:
        query = f"?brief={on.pk}" if on else ""
        assert client.get(f"/donate/{clicked.pk}/{query}").status_code == 302
    counted = {
        (click.prompt_id, click.brief_id): click.clicks
        for click in DonationClick.objects.all()
    }
    assert counted == {
        (prompt.pk, brief.pk): 2,
        (prompt.pk, other_brief.pk): 1,
        (prompt.pk, None): 1,
        (other_prompt.pk, brief.pk): 1,
    }


def test_an_address_counts_again_after_the_click_period(client, settings):
    settings.NEWSROOM_DONATION_CLICK_PERIOD = 1
    prompt = make_prompt()
    client.get(f"/donate/{prompt.pk}/")
    client.get(f"/donate/{prompt.pk}/")
    time.sleep(1.1)
    client.get(f"/donate/{prompt.pk}/")
    assert DonationClick.objects.get().clicks == 2


def test_the_click_endpoint_only_answers_get_and_head(client):
    prompt = make_prompt()
    for method in ["post", "put", "delete", "patch"]:
        response = getattr(client, method)(f"/donate/{prompt.pk}/")
        assert response.status_code == 405, method
    response = client.head(f"/donate/{prompt.pk}/")
    assert response.status_code == 302
    assert not DonationClick.objects.exists(), "HEAD requests are not clicks"


def test_clicks_are_counted_per_day(client):
    prompt = make_prompt()
    brief = make_brief()
    yesterday = timezone.localdate() - timedelta(days=1)
    DonationClick.objects.create(prompt=prompt, brief=brief, day=yesterday, clicks=4)
    client.get(f"/donate/{prompt.pk}/?brief={brief.pk}")
    assert sorted(DonationClick.objects.values_list("day", "clicks")) == [
        (yesterday, 4),
        (timezone.localdate(), 1),
    ]


def test_clicks_do_not_affect_public_pages():
    assert DonationClick.affects_public_pages is False


# The admin report


def test_the_report_shows_clicks_per_day_and_top_briefs(admin_client):
    prompt = make_prompt(name="Spring appeal")
    popular, quiet = make_brief("Popular story"), make_brief("Quiet story")
    today = timezone.localdate()
    DonationClick.objects.create(prompt=prompt, brief=popular, day=today, clicks=7)
    DonationClick.objects.create(
        prompt=prompt, brief=popular, day=today - timedelta(days=3), clicks=5
    )
    DonationClick.objects.create(prompt=prompt, brief=quiet, day=today, clicks=2)
    DonationClick.objects.create(
        prompt=prompt, brief=quiet, day=today - timedelta(days=45), clicks=100
    )
    DonationClick.objects.create(prompt=make_prompt(), brief=popular, day=today)
    response = admin_client.get(
        f"/admin/fundraising/donationprompt/{prompt.pk}/report/"
    )
    assert response.status_code == 200
    html = response.text
    assert "Spring appeal" in html
    start = html.index('<svg class="chart"')
    chart = html[start : html.index("</svg>", start)]
    assert chart.count("<rect") == 2, "one bar per day with clicks in the last 30"
    assert ": 9 clicks</title>" in chart and ": 5 clicks</title>" in chart
    assert 'role="img"' in chart
    assert "<script" not in chart
    top = response.context["top_briefs"]
    assert [(row["brief__title"], row["total"]) for row in top] == [
        ("Quiet story", 102),
        ("Popular story", 12),
    ]
    assert response.context["recent_total"] == 14
    assert response.context["total"] == 114
    assert f"/admin/fundraising/donationprompt/{prompt.pk}/report/csv/" in html


def test_the_report_csv_lists_every_day_and_brief(admin_client):
    prompt = make_prompt()
    brief = make_brief("=HYPERLINK(1)")
    today = timezone.localdate()
    DonationClick.objects.create(prompt=prompt, brief=brief, day=today, clicks=3)
    DonationClick.objects.create(prompt=prompt, brief=None, day=today, clicks=1)
    response = admin_client.get(
        f"/admin/fundraising/donationprompt/{prompt.pk}/report/csv/"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["day", "brief_id", "brief_title", "clicks"]
    assert sorted(rows[1:]) == sorted(
        [
            [today.isoformat(), str(brief.pk), "'=HYPERLINK(1)", "3"],
            [today.isoformat(), "", "", "1"],
        ]
    )


def test_the_prompt_list_links_to_the_report(admin_client):
    prompt = make_prompt(name="Listed appeal", topics=[make_topic("Water")])
    DonationClick.objects.create(
        prompt=prompt, brief=None, day=timezone.localdate(), clicks=6
    )
    response = admin_client.get("/admin/fundraising/donationprompt/")
    assert response.status_code == 200
    html = response.text
    assert "Listed appeal" in html and "Water" in html
    assert f"/admin/fundraising/donationprompt/{prompt.pk}/report/" in html
    assert list_cell(html, "recent_clicks", "6")
    change = admin_client.get(f"/admin/fundraising/donationprompt/{prompt.pk}/change/")
    assert f"/admin/fundraising/donationprompt/{prompt.pk}/report/" in change.text


def test_the_report_needs_an_admin_login(client):
    prompt = make_prompt()
    for url in [
        f"/admin/fundraising/donationprompt/{prompt.pk}/report/",
        f"/admin/fundraising/donationprompt/{prompt.pk}/report/csv/",
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_report_of_an_unknown_prompt_is_not_found(admin_client):
    response = admin_client.get("/admin/fundraising/donationprompt/999/report/")
    assert response.status_code == 404


# The demo


def test_the_demo_has_a_default_prompt_per_language_and_a_targeted_one(client):
    call_command("loaddemo")
    call_command("loaddemo")
    prompts = DonationPrompt.objects.all()
    assert prompts.count() == 4, "loading the demo twice adds nothing"
    assert set(
        prompts.filter(topics__isnull=True).values_list("language", flat=True)
    ) == {
        "en",
        "es",
    }
    assert prompts.filter(topics__slug="water").count() == 2
    assert all(prompt.url.startswith("https://") for prompt in prompts)
    assert DonationClick.objects.exists(), "the report has something to show"
    published = Brief.objects.published()
    on_water = published.filter(language="en", topics__slug="water").first()
    elsewhere = published.filter(language="en").exclude(topics__slug="water").first()
    spanish = published.filter(language="es").exclude(topics__slug="water").first()
    assert "Keep our water desk going" in donate_html(page(client, on_water))
    assert "Independent reporting needs you" in donate_html(page(client, elsewhere))
    assert "El periodismo independiente te necesita" in donate_html(
        page(client, spanish)
    )
