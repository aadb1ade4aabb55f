"""Donating, voting and commenting in a real browser, with JavaScript on and off."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from newsroom.feedback.models import ReaderMessage, Vote
from newsroom.fundraising.models import DonationClick
from tests.browser.helpers import (
    axe_violations,
    fetch,
    format_axe_violations,
    format_html_errors,
    html_errors,
)
from tests.factories import make_brief, make_prompt, make_topic

pytestmark = pytest.mark.django_db(transaction=True)

THANKS = "Thank you for your feedback."


@pytest.fixture
def story(live_server):
    """A brief with a prompt in every placement, served by the live server."""
    water = make_topic("Water")
    make_prompt(heading="Keep us reporting", button_label="DONATE")
    make_prompt(heading="Water desk", placement="after_news", topics=[water])
    make_prompt(heading="Reader-funded news", placement="banner")
    # Whole seconds: the page's <time datetime> keeps microseconds otherwise,
    # which the HTML checker rejects (reported to the brief page's owner).
    when = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    brief = make_brief(
        "Drought decree extended",
        topics=[water],
        analysis="<p>Our reading.</p>",
        when=when,
    )
    brief.url = live_server.url + brief.get_absolute_url()
    return brief


def test_with_javascript_a_vote_is_sent_in_place(story, page):
    page.goto(story.url)
    page.evaluate("window.notReloaded = true")
    status = page.locator("#feedback [role=status]")

    page.get_by_role("button", name="Yes", exact=True).click()
    expect(status).to_have_text(THANKS)
    assert page.evaluate("window.notReloaded") is True
    assert page.url == story.url
    expect(page.locator(".feedback-improve")).to_be_hidden()
    assert Vote.objects.get().helpful is True

    page.get_by_role("button", name="No", exact=True).click()
    expect(status).to_have_text("Thank you for your feedback. What could we improve?")
    improve = page.get_by_label("What could we improve?")
    expect(improve).to_be_visible()
    improve.fill("A map of the valleys would help.")
    page.get_by_role("button", name="Send suggestion").click()
    expect(status).to_have_text("Thank you. We read every suggestion.")
    expect(page.locator(".feedback-improve")).to_be_hidden()
    assert page.evaluate("window.notReloaded") is True
    vote = Vote.objects.get()
    assert (vote.helpful, vote.suggestion) == (
        False,
        "A map of the valleys would help.",
    )


def test_without_javascript_a_vote_is_a_plain_form_post(story, nojs_page):
    page = nojs_page
    page.goto(story.url)
    page.get_by_role("button", name="No", exact=True).click()
    page.wait_for_url("**?feedback=no#feedback")
    status = page.locator("#feedback [role=status]")
    expect(status).to_have_text("Thank you for your feedback. What could we improve?")
    page.get_by_label("What could we improve?").fill("Say who decides.")
    page.get_by_role("button", name="Send suggestion").click()
    page.wait_for_url("**?feedback=sent#feedback")
    expect(status).to_have_text("Thank you. We read every suggestion.")
    vote = Vote.objects.get()
    assert (vote.helpful, vote.suggestion) == (False, "Say who decides.")

    page.goto(story.url)
    page.get_by_role("button", name="Yes", exact=True).click()
    page.wait_for_url("**?feedback=thanks#feedback")
    expect(status).to_have_text(THANKS)
    assert Vote.objects.get().helpful is True, "the reader changed their vote"


def test_the_chosen_answer_is_pressed_and_remembered_after_a_reload(story, page):
    page.goto(story.url)
    yes = page.get_by_role("button", name="Yes", exact=True)
    no = page.get_by_role("button", name="No", exact=True)
    choice = page.locator("#feedback .feedback-choice")
    expect(yes).to_have_attribute("aria-pressed", "false")
    expect(choice).to_be_hidden()

    yes.click()
    expect(yes).to_have_attribute("aria-pressed", "true")
    expect(no).to_have_attribute("aria-pressed", "false")
    expect(choice).to_have_text("You answered Yes.")
    # The pressed button looks pressed, not merely focused: a check mark.
    mark = yes.evaluate("b => getComputedStyle(b, '::before').content")
    assert "\u2713" in mark

    page.reload()
    expect(yes).to_have_attribute("aria-pressed", "true")
    expect(choice).to_have_text("You answered Yes.")
    expect(page.locator("#feedback [role=status]")).to_have_text("")
    key = f"newsroom:vote:{story.pk}"
    assert page.evaluate(f"localStorage.getItem('{key}')") == "yes"
    # Remembered by the browser alone: no cookie.
    assert page.context.cookies() == []

    no.click()
    expect(no).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(no).to_have_attribute("aria-pressed", "true")
    expect(yes).to_have_attribute("aria-pressed", "false")
    expect(choice).to_have_text("You answered No.")
    assert Vote.objects.get().helpful is False


def test_without_javascript_the_thank_you_page_shows_the_answer(story, nojs_page):
    page = nojs_page
    page.goto(story.url)
    page.get_by_role("button", name="Yes", exact=True).click()
    page.wait_for_url("**?feedback=thanks#feedback")
    expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#feedback .feedback-choice")).to_have_text("You answered Yes.")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_reader_sends_a_comment(story, page, nojs_page, javascript):
    page = page if javascript else nojs_page
    page.goto(story.url)
    page.get_by_label("Your name", exact=True).fill("Lucía Ferreyra")
    page.get_by_label("Your email", exact=True).fill("lucia@example.org")
    page.get_by_label("Your comment", exact=True).fill("Who pays for the water trucks?")
    page.get_by_role("button", name="Send comment").click()
    page.wait_for_url("**?comment=thanks#comments")
    expect(page.locator("#comments [role=status]")).to_contain_text(
        "Your comment was sent to the editors."
    )
    message = ReaderMessage.objects.get()
    assert (message.brief_id, message.message) == (
        story.pk,
        "Who pays for the water trucks?",
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_donate_button_counts_the_click_and_lands_on_the_donation_page(
    story, page, nojs_page, javascript
):
    page = page if javascript else nojs_page
    # The donation site is outside: answer for it instead of going to the network.
    page.route(
        "https://example.org/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!DOCTYPE html><title>Donate</title><h1>Donation page</h1>",
        ),
    )
    page.goto(story.url)
    page.locator("#donate").get_by_role("link", name="DONATE").click()
    page.wait_for_url("https://example.org/donate")
    expect(page.locator("h1")).to_have_text("Donation page")
    click = DonationClick.objects.get()
    assert (click.brief_id, click.clicks, click.prompt.heading) == (
        story.pk,
        1,
        "Keep us reporting",
    )


@pytest.mark.parametrize(
    "query", ["", "?feedback=no", "?feedback=thanks", "?comment=thanks"]
)
def test_the_brief_page_with_prompts_and_forms_is_valid_html(story, query):
    html = fetch(story.url + query)
    for element_id in ["donate", "donate-after-news", "donate-banner", "feedback"]:
        assert f'id="{element_id}"' in html
    errors = html_errors(html)
    assert errors == [], format_html_errors(errors)


@pytest.mark.parametrize("query", ["", "?feedback=no"])
def test_the_brief_page_with_prompts_and_forms_is_accessible(story, page, query):
    page.goto(story.url + query)
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)


def test_the_comment_error_page_is_valid_and_accessible(story, page):
    page.goto(story.url)
    # Skip the browser's own checks to reach the server's answer.
    page.evaluate("document.querySelector('.comment-form').noValidate = true")
    page.get_by_label("Your comment", exact=True).fill("Only a message.")
    page.get_by_role("button", name="Send comment").click()
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page.get_by_label("Your comment", exact=True)).to_have_value(
        "Only a message."
    )
    errors = html_errors(page.content())
    assert errors == [], format_html_errors(errors)
    violations = axe_violations(page)
    assert violations == [], format_axe_violations(violations)
    assert not ReaderMessage.objects.exists()


def test_the_feedback_forms_fit_a_phone(story, mobile_page):
    mobile_page.goto(story.url)
    width = mobile_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no horizontal scrolling on a phone"
    expect(mobile_page.locator("#donate .donate-button")).to_be_visible()
