"""Reader comments: the form on brief pages, its guards, the email, the inbox."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from newsroom.feedback.forms import CommentForm, VoteForm
from newsroom.feedback.models import ReaderMessage
from newsroom.publication.models import Publication
from tests.factories import make_brief

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
GOOD = {
    "name": "Lucía Ferreyra",
    "email": "lucia@example.org",
    "message": "The trucks come twice a week.",
    "website": "",
}


@pytest.fixture
def reader():
    return Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")


def send(client, brief, data=None, origin=ORIGIN, json=False, language="en"):
    headers = {}
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    if json:
        headers["HTTP_ACCEPT"] = "application/json"
    return client.post(
        f"/{language}/feedback/{brief.pk}/comment/",
        GOOD if data is None else data,
        **headers,
    )


def comments_section(html):
    start = html.index('<section id="comments"')
    return html[start : html.index("</section>", start)]


def test_the_brief_page_invites_comments(client):
    brief = make_brief()
    section = comments_section(client.get(brief.get_absolute_url()).text)
    assert "Send us your comments" in section
    assert Publication.load().comment_prompt in section
    assert f'action="/en/feedback/{brief.pk}/comment/"' in section
    for field in ["name", "email", "message"]:
        assert f'<label for="comment-{field}">' in section
        assert f'id="comment-{field}"' in section
    assert 'type="email"' in section and 'maxlength="5000"' in section
    assert 'class="comment-hp"' in section and 'name="website"' in section
    assert "csrfmiddlewaretoken" not in section


def test_the_comment_prompt_follows_the_publication_and_the_language(client):
    publication = Publication.load()
    publication.comment_prompt = "Tell us what you think"
    publication.comment_prompt_es = "Cuéntanos qué piensas"
    publication.save()
    english = make_brief()
    spanish = make_brief(language="es", slug="nota-en-espanol")
    assert "Tell us what you think" in client.get(english.get_absolute_url()).text
    assert "Cuéntanos qué piensas" in client.get(spanish.get_absolute_url()).text


def test_the_comment_block_has_a_short_heading_and_the_prompt_below_it(client):
    publication = Publication.load()
    publication.comment_prompt = "Do you know more? Our editors read everything."
    publication.save()
    section = comments_section(client.get(make_brief().get_absolute_url()).text)
    assert '<h2 id="comments-heading">Send us your comments</h2>' in section
    assert (
        '<p class="comments-prompt">Do you know more? Our editors read everything.</p>'
        in section
    )


def test_the_default_prompt_does_not_repeat_the_heading(client):
    section = comments_section(client.get(make_brief().get_absolute_url()).text)
    prompt = section[section.index('class="comments-prompt"') :]
    assert "Send us your comments" not in prompt
    assert Publication.load().comment_prompt in prompt


def test_a_comment_lands_in_the_inbox_and_the_reader_is_thanked(reader):
    brief = make_brief()
    response = send(reader, brief)
    assert response.status_code == 302
    assert response["Location"] == brief.get_absolute_url() + "?comment=thanks#comments"
    assert "Set-Cookie" not in response.headers
    message = ReaderMessage.objects.get()
    assert (message.brief, message.name, message.email, message.message) == (
        brief,
        "Lucía Ferreyra",
        "lucia@example.org",
        "The trucks come twice a week.",
    )
    assert message.state == ReaderMessage.State.NEW
    assert message.language == "en"
    page = reader.get(brief.get_absolute_url() + "?comment=thanks").text
    assert "Your comment was sent to the editors." in comments_section(page)


def test_the_comment_language_is_the_page_language(reader):
    brief = make_brief(language="es", slug="nota")
    send(reader, brief, language="es")
    assert ReaderMessage.objects.get().language == "es"


def test_a_script_gets_json(reader):
    brief = make_brief()
    response = send(reader, brief, json=True)
    assert response.status_code == 200
    assert response.json()["ok"] is True
    response = send(reader, brief, {**GOOD, "email": "nope"}, json=True)
    assert response.status_code == 400
    assert "email" in response.json()["errors"]


def test_editors_get_an_email_when_the_publication_asks_for_it(reader):
    publication = Publication.load()
    publication.notification_email = "desk@example.org"
    publication.save()
    brief = make_brief("Drought decree")
    send(reader, brief)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["desk@example.org"]
    assert email.reply_to == ["lucia@example.org"]
    assert "Drought decree" in email.subject
    assert "The trucks come twice a week." in email.body
    message = ReaderMessage.objects.get()
    assert f"/admin/feedback/readermessage/{message.pk}/change/" in email.body


def test_no_email_without_a_notification_address(reader):
    send(reader, make_brief())
    assert mail.outbox == []
    assert ReaderMessage.objects.count() == 1


def test_a_broken_mail_server_does_not_lose_the_comment(reader, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard port: nothing listens, connection refused
    settings.EMAIL_TIMEOUT = 2
    publication = Publication.load()
    publication.notification_email = "desk@example.org"
    publication.save()
    response = send(reader, make_brief())
    assert response.status_code == 302
    assert ReaderMessage.objects.count() == 1


def test_a_filled_honeypot_is_thanked_but_nothing_is_stored(reader):
    publication = Publication.load()
    publication.notification_email = "desk@example.org"
    publication.save()
    brief = make_brief()
    response = send(reader, brief, {**GOOD, "website": "https://spam.example"})
    assert response.status_code == 302
    assert response["Location"].endswith("?comment=thanks#comments")
    assert not ReaderMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": ""}, "name"),
        ({"email": ""}, "email"),
        ({"message": ""}, "message"),
        ({"message": "   "}, "message"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "a@b.c\nBcc: x@evil.example"}, "email"),
        ({"email": '"?bcc=x@evil.example&body=hi"@example.com'}, "email"),
        ({"email": "lucia?bcc=x@evil.example"}, "email"),
        ({"email": "lucia&cc=x@example.org"}, "email"),
        ({"email": "lucia%3Fbcc@example.org"}, "email"),
        ({"email": "lucia#x@example.org"}, "email"),
        ({"message": "x" * 5001}, "message"),
        ({"name": "n" * 121}, "name"),
        ({"name": "nul\x00byte"}, "name"),
    ],
    ids=[
        "no-name",
        "no-email",
        "no-message",
        "blank-message",
        "bad-email",
        "header-injection",
        "quoted-local-part",
        "mailto-query-in-local-part",
        "ampersand-in-local-part",
        "percent-in-local-part",
        "hash-in-local-part",
        "oversized-message",
        "oversized-name",
        "nul",
    ],
)
def test_bad_comments_come_back_with_errors_and_what_was_typed(reader, changes, field):
    brief = make_brief()
    data = {**GOOD, "message": "Keep what I typed, please.", **changes}
    response = send(reader, brief, data)
    assert response.status_code == 400
    html = response.text
    assert "Your comment was not sent yet" in html
    assert f'id="comment-{field}_error"' in html
    assert f'id="comment-{field}"' in html and 'aria-invalid="true"' in html
    if field != "message":
        assert "Keep what I typed, please.</textarea>" in html
    if field != "name":
        assert 'value="Lucía Ferreyra"' in html
    assert brief.get_absolute_url() in html
    assert "Set-Cookie" not in response.headers
    assert not ReaderMessage.objects.exists()


def test_an_address_with_a_hidden_mailto_query_is_refused_with_a_reason(reader):
    data = {**GOOD, "email": '"?bcc=x@evil.example&body=hi"@example.com'}
    response = send(reader, make_brief(), data)
    assert response.status_code == 400
    assert "Enter an address we can reply to" in response.text
    assert not ReaderMessage.objects.exists()


@pytest.mark.parametrize(
    "email", ["lucia@example.org", "o'brien+news@example.org", "a.b-c_d@sub.example"]
)
def test_ordinary_addresses_are_accepted(reader, email):
    send(reader, make_brief(), {**GOOD, "email": email})
    assert ReaderMessage.objects.get().email == email


def test_a_message_of_exactly_5000_characters_is_accepted(reader):
    send(reader, make_brief(), {**GOOD, "message": "x" * 5000})
    assert len(ReaderMessage.objects.get().message) == 5000


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/form"},
        {},
    ],
    ids=["foreign-origin", "foreign-referer", "neither"],
)
def test_comments_from_other_sites_are_refused(reader, headers):
    brief = make_brief()
    response = reader.post(f"/en/feedback/{brief.pk}/comment/", GOOD, **headers)
    assert response.status_code == 403
    assert not ReaderMessage.objects.exists()


def test_a_client_that_comments_too_often_is_slowed_down(reader, settings):
    settings.NEWSROOM_FEEDBACK_RATES = {"vote": (30, 600), "comment": (2, 600)}
    brief = make_brief()
    assert send(reader, brief).status_code == 302
    assert send(reader, brief, {**GOOD, "email": ""}).status_code == 400
    response = send(reader, brief)
    assert response.status_code == 429
    assert "Too many submissions" in response.text
    assert ReaderMessage.objects.count() == 1


def test_the_comment_limit_is_per_address_whatever_the_browser_says(settings):
    """Neither a new User-Agent nor a new address in the same IPv6 /64 gives a
    client a fresh allowance; another /64 has its own."""
    settings.NEWSROOM_FEEDBACK_RATES = {"vote": (30, 600), "comment": (2, 600)}
    brief = make_brief()
    first = Client(REMOTE_ADDR="2001:db8:9:9::1", HTTP_USER_AGENT="Browser/1")
    assert send(first, brief).status_code == 302
    second = Client(REMOTE_ADDR="2001:db8:9:9::2", HTTP_USER_AGENT="Browser/2")
    assert send(second, brief).status_code == 302
    third = Client(REMOTE_ADDR="2001:db8:9:9:1::3", HTTP_USER_AGENT="Browser/3")
    assert send(third, brief).status_code == 429
    elsewhere = Client(REMOTE_ADDR="2001:db8:9:a::1", HTTP_USER_AGENT="Browser/3")
    assert send(elsewhere, brief).status_code == 302
    assert ReaderMessage.objects.count() == 3


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_the_comment_endpoint_only_accepts_post(reader, method):
    brief = make_brief()
    assert (
        getattr(reader, method)(f"/en/feedback/{brief.pk}/comment/").status_code == 405
    )


def test_comments_on_unknown_or_unpublished_briefs_are_not_found(reader):
    draft = make_brief(published=False)
    future = make_brief(when=timezone.now() + timedelta(hours=2))
    for brief_id in [draft.pk, future.pk, 424242, 10**20]:
        response = reader.post(
            f"/en/feedback/{brief_id}/comment/", GOOD, HTTP_ORIGIN=ORIGIN
        )
        assert response.status_code == 404
    assert not ReaderMessage.objects.exists()


def test_reader_messages_do_not_affect_public_pages():
    assert ReaderMessage.affects_public_pages is False


# The inbox


def make_message(brief, **kwargs):
    values = {"name": "Reader", "email": "reader@example.org", "message": "Hello."}
    values.update(kwargs)
    return ReaderMessage.objects.create(brief=brief, **values)


def test_the_inbox_is_searchable_and_filterable(admin_client):
    water, courts = make_brief("Water story"), make_brief("Courts story")
    make_message(water, message="About the trucks")
    make_message(water, message="Archived one", state="archived")
    make_message(courts, message="About the ruling", name="Daniel")

    def count(query):
        response = admin_client.get(f"/admin/feedback/readermessage/{query}")
        assert response.status_code == 200
        return response.context["cl"].result_count

    assert count("") == 3
    assert count("?q=trucks") == 1
    assert count("?q=Daniel") == 1
    assert count("?q=Courts+story") == 1
    assert count("?state__exact=new") == 2
    assert count("?state__exact=archived") == 1
    assert count(f"?brief__id__exact={water.pk}") == 2
    html = admin_client.get("/admin/feedback/readermessage/").text
    assert "Water story" in html and "Courts story" in html


def test_editors_mark_messages_read_and_archive_them_in_bulk(admin_client):
    brief = make_brief()
    first, second = make_message(brief), make_message(brief)
    response = admin_client.post(
        "/admin/feedback/readermessage/",
        {"action": "mark_read", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    assert set(ReaderMessage.objects.values_list("state", flat=True)) == {"read"}
    admin_client.post(
        "/admin/feedback/readermessage/",
        {"action": "archive", "_selected_action": [first.pk]},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == ("archived", "read")


def test_opening_a_new_message_marks_it_read(admin_client):
    message = make_message(make_brief(), email="lucia@example.org")
    response = admin_client.get(f"/admin/feedback/readermessage/{message.pk}/change/")
    assert response.status_code == 200
    assert 'href="mailto:lucia@example.org"' in response.text
    message.refresh_from_db()
    assert message.state == "read"


def test_the_reply_link_encodes_an_address_stored_before_the_form_refused_it(
    admin_client,
):
    """A quoted local part in mailto: carried a hidden Bcc: into the reply."""
    message = make_message(
        make_brief(), email='"?bcc=x@evil.example&body=hi"@example.com'
    )
    response = admin_client.get(f"/admin/feedback/readermessage/{message.pk}/change/")
    [href] = re.findall(r'href="(mailto:[^"]*)"', response.text)
    assert href == "mailto:%22%3Fbcc%3Dx@evil.example%26body%3Dhi%22@example.com"
    assert "?" not in href and "&" not in unescape(href)


def test_editors_can_set_the_state_but_not_rewrite_the_message(admin_client):
    message = make_message(make_brief(), message="Original words.")
    response = admin_client.post(
        f"/admin/feedback/readermessage/{message.pk}/change/",
        {"state": "archived", "message": "Forged words."},
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.state, message.message) == ("archived", "Original words.")


def test_every_page_shows_blank_forms_in_its_language(client, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    english, spanish = make_brief(), make_brief(language="es", slug="nota")
    pages = [client.get(brief.get_absolute_url()) for brief in (english, spanish)]
    for response in pages:
        forms = [context["form"] for context in response.context if "form" in context]
        assert {type(form) for form in forms} == {VoteForm, CommentForm}
        assert not any(form.is_bound or form.errors for form in forms)
    assert 'id="feedback-suggestion"' in pages[0].text
    assert "Your comment" in comments_section(pages[0].text)
    assert "Tu comentario" in comments_section(pages[1].text)
    assert "Your comment" not in comments_section(pages[1].text)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "english, spanish, expected",
    [
        (
            "What are your thoughts? Send us your comments",
            "¿Qué opinas? Envíanos tus comentarios",
            (
                "What are your thoughts on this brief? Our editors read every comment.",
                "¿Qué opinas de esta nota? Nuestro equipo editorial lee todos los "
                "comentarios.",
            ),
        ),
        (
            "Tips welcome.",
            "Se aceptan pistas.",
            ("Tips welcome.", "Se aceptan pistas."),
        ),
    ],
)
def test_migrating_replaces_only_the_old_default_prompt(english, spanish, expected):
    """The old default ended with the new heading's words; an editor's prompt stays."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(targets=None):
        executor = MigrationExecutor(connection)
        executor.migrate(targets or executor.loader.graph.leaf_nodes())

    migrate([("publication", "0004_editor_republication_permissions")])
    try:
        Publication.objects.filter(pk=1).update(
            comment_prompt=english, comment_prompt_es=spanish
        )
    finally:
        migrate()
    publication = Publication.load_from_database()
    assert (publication.comment_prompt, publication.comment_prompt_es) == expected
