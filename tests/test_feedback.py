""" "Was this content helpful?": votes without cookies, their guards, the admin."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from newsroom.feedback.models import ReaderMessage, Vote
from newsroom.security import client_network
from tests.factories import list_cell, make_brief, make_prompt

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def reader():
    """A browser on our page: CSRF checks on, as in production."""
    return Client(
        enforce_csrf_checks=True,
        HTTP_USER_AGENT="Mozilla/5.0 (reader)",
        REMOTE_ADDR="203.0.113.7",
    )


def vote(client, brief, helpful="yes", origin=ORIGIN, json=False, data=None, **fields):
    """Post a vote as our page's form (or script, with ``json``) would."""
    headers = {}
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    if json:
        headers["HTTP_ACCEPT"] = "application/json"
    payload = data if data is not None else {"helpful": helpful, **fields}
    return client.post(f"/en/feedback/{brief.pk}/vote/", payload, **headers)


def feedback_section(html):
    start = html.index('<section id="feedback"')
    return html[start : html.index("</section>", start)]


# The block on the brief page


def test_the_brief_page_asks_whether_the_content_was_helpful(client):
    brief = make_brief()
    html = client.get(brief.get_absolute_url()).text
    section = feedback_section(html)
    assert "<fieldset>" in section and "<legend>" in section
    assert "Was this content helpful?" in section
    assert f'action="/en/feedback/{brief.pk}/vote/"' in section
    assert (
        '<button type="submit" name="helpful" value="yes" aria-pressed="false">Yes'
        "</button>"
    ) in section
    assert 'name="helpful" value="no"' in section
    assert 'class="feedback-improve" method="post"' in section
    assert "hidden>" in section.split('class="feedback-improve"')[1].split("\n")[0]
    assert 'role="status"' in section
    assert '<label for="feedback-suggestion">What could we improve?' in section
    assert '<script src="/static/js/feedback.js" defer></script>' in html
    assert "csrfmiddlewaretoken" not in html


def test_an_anonymous_reader_gets_no_cookie_and_no_vary_cookie(client):
    make_prompt()
    brief = make_brief()
    for url in [
        brief.get_absolute_url(),
        brief.get_absolute_url() + "?feedback=thanks",
        brief.get_absolute_url() + "?feedback=no",
        brief.get_absolute_url() + "?comment=thanks",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url
        assert "cookie" not in response.headers.get("Vary", "").lower(), url


def test_voting_sets_no_cookie(reader):
    brief = make_brief()
    response = vote(reader, brief)
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


# Voting without JavaScript


def test_a_yes_vote_comes_back_to_the_brief_with_a_thank_you(reader):
    brief = make_brief()
    response = vote(reader, brief, "yes")
    assert response.status_code == 302
    assert (
        response["Location"] == brief.get_absolute_url() + "?feedback=thanks#feedback"
    )
    stored = Vote.objects.get()
    assert (stored.brief, stored.helpful, stored.suggestion) == (brief, True, "")
    page = reader.get(response["Location"].split("#")[0]).text
    assert "Thank you for your feedback." in feedback_section(page)


def test_a_no_vote_opens_the_improvement_box(reader):
    brief = make_brief()
    response = vote(reader, brief, "no")
    assert response["Location"].endswith("?feedback=no#feedback")
    assert Vote.objects.get().helpful is False
    section = feedback_section(
        reader.get(brief.get_absolute_url() + "?feedback=no").text
    )
    assert "What could we improve?" in section
    improve = section.split('class="feedback-improve"')[1].split(">")[0]
    assert "hidden" not in improve


def test_a_suggestion_is_stored_with_the_no_vote(reader):
    brief = make_brief()
    vote(reader, brief, "no")
    response = vote(reader, brief, "no", suggestion="  Add a map of the valleys.  ")
    assert response["Location"].endswith("?feedback=sent#feedback")
    stored = Vote.objects.get()
    assert (stored.helpful, stored.suggestion) == (False, "Add a map of the valleys.")
    page = reader.get(brief.get_absolute_url() + "?feedback=sent").text
    assert "We read every suggestion." in page


def test_a_reader_has_one_vote_per_brief_and_can_change_it(reader):
    brief, other = make_brief(), make_brief()
    vote(reader, brief, "no", suggestion="Too short.")
    vote(reader, brief, "yes")
    vote(reader, other, "yes")
    assert Vote.objects.filter(brief=brief).count() == 1
    changed = Vote.objects.get(brief=brief)
    assert changed.helpful is True
    assert changed.suggestion == "Too short.", "an empty suggestion keeps the old one"
    assert Vote.objects.filter(brief=other).count() == 1


def test_readers_are_told_apart_by_address_without_storing_it(reader):
    brief = make_brief()
    vote(reader, brief, "yes")
    other_address = Client(HTTP_USER_AGENT="Mozilla/5.0 (reader)", REMOTE_ADDR="::1")
    vote(other_address, brief, "no")
    keys = list(Vote.objects.values_list("reader", flat=True))
    assert len(set(keys)) == 2
    for key in keys:
        assert len(key) == 64 and all(c in "0123456789abcdef" for c in key)
        assert "203.0.113.7" not in key


def test_a_new_user_agent_does_not_make_a_new_voter(reader):
    """The browser string is the client's to change: it is not part of the voter."""
    brief = make_brief()
    vote(reader, brief, "yes")
    for number in range(5):
        other_browser = Client(
            HTTP_USER_AGENT=f"Stuffer/{number}", REMOTE_ADDR="203.0.113.7"
        )
        assert vote(other_browser, brief, "no").status_code == 302
    assert Vote.objects.filter(brief=brief).count() == 1
    assert Vote.objects.get(brief=brief).helpful is False, "the last vote counts"


def test_addresses_of_one_ipv6_64_are_one_voter():
    brief = make_brief()
    for address in ["2001:db8:5:6::1", "2001:db8:5:6:aaaa:bbbb:cccc:dddd"]:
        assert vote(Client(REMOTE_ADDR=address), brief, "yes").status_code == 302
    assert Vote.objects.filter(brief=brief).count() == 1
    vote(Client(REMOTE_ADDR="2001:db8:5:7::1"), brief, "no")
    assert Vote.objects.filter(brief=brief).count() == 2


def test_a_vote_the_next_day_counts_again(reader, monkeypatch):
    """One counted vote per address per brief per day."""
    brief = make_brief()
    vote(reader, brief, "yes")
    vote(reader, brief, "no")
    assert list(Vote.objects.values_list("helpful", flat=True)) == [False]
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    vote(reader, brief, "yes")
    vote(reader, brief, "yes")
    assert sorted(Vote.objects.values_list("helpful", flat=True)) == [False, True]


def test_the_reader_key_depends_on_the_brief(reader):
    first, second = make_brief(), make_brief()
    vote(reader, first)
    vote(reader, second)
    keys = set(Vote.objects.values_list("reader", flat=True))
    assert len(keys) == 2, "votes cannot be linked across briefs"


# Voting with JavaScript


def test_a_vote_sent_by_script_gets_json(reader):
    brief = make_brief()
    response = vote(reader, brief, "no", json=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "ok": True,
        "helpful": False,
        "state": "no",
        "message": "Thank you for your feedback. What could we improve?",
    }
    response = vote(reader, brief, "no", json=True, suggestion="More numbers.")
    assert response.json()["state"] == "sent"
    assert Vote.objects.get().suggestion == "More numbers."


# Cross-site posting


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
        {"HTTP_ORIGIN": "https://testserver"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_REFERER": "not a url"},
        {"HTTP_REFERER": "http://[broken/"},
        {},
    ],
    ids=[
        "foreign-origin",
        "lookalike-origin",
        "other-scheme",
        "null-origin",
        "foreign-referer",
        "junk-referer",
        "broken-referer",
        "no-origin-or-referer",
    ],
)
def test_votes_from_other_sites_are_refused(reader, headers):
    brief = make_brief()
    response = reader.post(
        f"/en/feedback/{brief.pk}/vote/", {"helpful": "yes"}, **headers
    )
    assert response.status_code == 403
    assert "only be sent from our own pages" in response.text
    assert not Vote.objects.exists()


def test_a_same_site_referer_is_enough_without_origin(reader):
    brief = make_brief()
    response = reader.post(
        f"/en/feedback/{brief.pk}/vote/",
        {"helpful": "yes"},
        HTTP_REFERER=f"http://testserver{brief.get_absolute_url()}",
    )
    assert response.status_code == 302
    assert Vote.objects.count() == 1


def test_a_refused_script_vote_gets_json(reader):
    brief = make_brief()
    response = vote(reader, brief, origin="https://evil.example", json=True)
    assert response.status_code == 403
    assert response.json()["ok"] is False


# Flooding


def test_a_client_that_votes_too_often_is_slowed_down(reader, settings):
    settings.NEWSROOM_FEEDBACK_RATES = {"vote": (3, 600), "comment": (5, 600)}
    brief = make_brief()
    for _ in range(3):
        assert vote(reader, brief).status_code == 302
    response = vote(reader, brief)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert vote(reader, brief, json=True).status_code == 429
    neighbour = Client(REMOTE_ADDR="198.51.100.2")
    assert vote(neighbour, brief).status_code == 302


def test_a_new_user_agent_does_not_reset_the_vote_limit(reader, settings):
    settings.NEWSROOM_FEEDBACK_RATES = {"vote": (3, 600), "comment": (5, 600)}
    brief = make_brief()
    for number in range(3):
        client = Client(HTTP_USER_AGENT=f"Stuffer/{number}", REMOTE_ADDR="203.0.113.7")
        assert vote(client, brief).status_code == 302
    assert vote(reader, brief).status_code == 429


def test_addresses_of_one_ipv6_64_share_the_vote_limit(settings):
    settings.NEWSROOM_FEEDBACK_RATES = {"vote": (3, 600), "comment": (5, 600)}
    brief = make_brief()
    for number in range(1, 4):
        client = Client(REMOTE_ADDR=f"2001:db8:5:6::{number}")
        assert vote(client, brief).status_code == 302
    assert vote(Client(REMOTE_ADDR="2001:db8:5:6::ff"), brief).status_code == 429
    assert vote(Client(REMOTE_ADDR="2001:db8:5:7::1"), brief).status_code == 302


@pytest.mark.parametrize(
    "address, network",
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:5:6:aaaa:bbbb:cccc:dddd", "2001:db8:5:6::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("not an address", "not an address"),
    ],
)
def test_limits_count_an_ipv4_address_or_an_ipv6_64(address, network):
    assert client_network(RequestFactory().get("/", REMOTE_ADDR=address)) == network


def test_behind_trusted_proxies_the_network_is_the_one_the_proxy_saw(settings):
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 2001:db8::9"
    )
    assert client_network(request) == "2001:db8::/64"


def test_the_limit_holds_when_the_page_cache_is_emptied(reader, settings):
    """Counters live in their own cache: a flood of pages, or an edit, that
    empties the page cache does not hand a client a fresh allowance."""
    settings.NEWSROOM_FEEDBACK_RATES = {"vote": (2, 600), "comment": (5, 600)}
    brief = make_brief()
    for _ in range(2):
        assert vote(reader, brief).status_code == 302
    caches["default"].clear()
    assert vote(reader, brief).status_code == 429


# Bad input


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"helpful": ""},
        {"helpful": "maybe"},
        {"helpful": "YES"},
        {"helpful": "no", "suggestion": "x" * 5001},
        {"helpful": "no", "suggestion": "null\x00byte"},
    ],
    ids=["missing", "empty", "other", "case", "oversized", "nul"],
)
def test_bad_votes_get_a_400_and_store_nothing(reader, data):
    brief = make_brief()
    response = vote(reader, brief, data=data)
    assert response.status_code == 400
    assert brief.get_absolute_url() in response.text
    assert not Vote.objects.exists()
    response = vote(reader, brief, json=True, data=data)
    assert response.status_code == 400
    assert response.json()["ok"] is False


def test_a_suggestion_of_exactly_5000_characters_is_accepted(reader):
    brief = make_brief()
    assert vote(reader, brief, "no", suggestion="x" * 5000).status_code == 302
    assert len(Vote.objects.get().suggestion) == 5000


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_the_vote_endpoint_only_accepts_post(reader, method):
    brief = make_brief()
    response = getattr(reader, method)(f"/en/feedback/{brief.pk}/vote/")
    assert response.status_code == 405
    assert not Vote.objects.exists()


def test_votes_on_unknown_draft_or_future_briefs_are_not_found(reader):
    draft = make_brief(published=False)
    future = make_brief(when=timezone.now() + timedelta(days=1))
    for brief_id in [draft.pk, future.pk, 999999, 10**20]:
        response = reader.post(
            f"/en/feedback/{brief_id}/vote/", {"helpful": "yes"}, HTTP_ORIGIN=ORIGIN
        )
        assert response.status_code == 404
    assert reader.post("/en/feedback/abc/vote/").status_code == 404
    assert not Vote.objects.exists()


def test_votes_do_not_affect_public_pages():
    assert Vote.affects_public_pages is False


# The admin


def add_votes(brief, yes, no, suggestions=()):
    for index in range(yes):
        Vote.objects.create(brief=brief, reader=f"yes-{brief.pk}-{index}", helpful=True)
    for index in range(no):
        suggestion = suggestions[index] if index < len(suggestions) else ""
        Vote.objects.create(
            brief=brief,
            reader=f"no-{brief.pk}-{index}",
            helpful=False,
            suggestion=suggestion,
        )


def test_the_admin_lists_briefs_with_votes_and_helpful_share(admin_client):
    loved, mixed = make_brief("Loved story"), make_brief("Mixed story")
    make_brief("Unvoted story")
    add_votes(loved, yes=3, no=1)
    add_votes(mixed, yes=1, no=4)
    response = admin_client.get("/admin/feedback/brieffeedback/")
    assert response.status_code == 200
    html = response.text
    assert "Unvoted story" not in html
    assert list_cell(html, "votes", "4")
    assert list_cell(html, "helpful_percent", "75%")
    assert list_cell(html, "helpful_percent", "20%")
    assert 'class="chart"' in html

    def titles(order):
        page = admin_client.get(f"/admin/feedback/brieffeedback/?o={order}")
        return [brief.title for brief in page.context["cl"].result_list]

    columns = response.context["cl"].list_display
    votes_column = columns.index("votes")
    helpful_column = columns.index("helpful_percent")
    assert titles(f"{votes_column}") == ["Loved story", "Mixed story"]
    assert titles(f"-{votes_column}") == ["Mixed story", "Loved story"]
    assert titles(f"{helpful_column}") == ["Mixed story", "Loved story"]
    assert titles(f"-{helpful_column}") == ["Loved story", "Mixed story"]


def test_the_brief_feedback_report_shows_suggestions_and_a_chart(admin_client):
    brief = make_brief("Drought story")
    add_votes(brief, yes=2, no=2, suggestions=["Add a map <please>", ""])
    old = Vote.objects.filter(brief=brief).first()
    Vote.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    response = admin_client.get(f"/admin/feedback/brieffeedback/{brief.pk}/change/")
    assert response.status_code == 200
    html = response.text
    assert "Add a map &lt;please&gt;" in html
    assert "The numbers as a table" in html
    assert "50%" in html
    start = html.index('<svg class="chart"')
    chart = html[start : html.index("</svg>", start)]
    assert chart.count("<rect") == 3, "yes and no today, one vote three days ago"
    assert "<script" not in chart


def test_editors_read_every_suggestion_in_the_vote_list(admin_client):
    brief = make_brief()
    add_votes(brief, yes=1, no=2, suggestions=["Cite the decree."])
    response = admin_client.get("/admin/feedback/vote/?suggestion=yes")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert "Cite the decree." in response.text
    assert (
        admin_client.get("/admin/feedback/vote/?q=decree").context["cl"].result_count
        == 1
    )


def test_the_feedback_report_is_read_only(admin_client):
    brief = make_brief("Kept title")
    add_votes(brief, yes=1, no=0)
    response = admin_client.post(
        f"/admin/feedback/brieffeedback/{brief.pk}/change/", {"title": "Changed"}
    )
    brief.refresh_from_db()
    assert brief.title == "Kept title"
    assert response.status_code in (200, 403)
    assert admin_client.get("/admin/feedback/brieffeedback/add/").status_code == 403


def test_the_demo_has_votes_and_reader_messages_once():
    call_command("loaddemo")
    counts = (Vote.objects.count(), ReaderMessage.objects.count())
    call_command("loaddemo")
    assert counts == (Vote.objects.count(), ReaderMessage.objects.count())
    assert counts[0] > 0 and counts[1] > 0
    assert Vote.objects.exclude(suggestion="").exists()


@pytest.mark.parametrize(
    "state, pressed, text",
    [("thanks", "yes", "You answered Yes."), ("no", "no", "You answered No.")],
)
def test_the_thank_you_page_shows_the_answer_pressed(client, state, pressed, text):
    """Without JavaScript the redirect's state says which answer was sent."""
    brief = make_brief()
    html = client.get(f"{brief.get_absolute_url()}?feedback={state}").text
    section = html[html.index('id="feedback"') :]
    assert f'value="{pressed}" aria-pressed="true"' in section or (
        f'value="{pressed}" class="button-secondary" aria-pressed="true"' in section
    )
    assert f'<p class="feedback-choice">{text}</p>' in section
    plain = client.get(brief.get_absolute_url()).text
    assert 'aria-pressed="true"' not in plain
    assert '<p class="feedback-choice" hidden></p>' in plain
