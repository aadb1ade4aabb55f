"""No edit is lost: two editors on one brief, presence, failed saves keep text."""

from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from briefs.models import Brief, BriefAuthor, SeeAlsoLink
from tests.factories import make_author, make_brief, make_editor, make_user

pytestmark = pytest.mark.django_db


class FormReader(HTMLParser):
    """What a browser posts for the brief form of a page: name -> [values]."""

    def __init__(self):
        super().__init__()
        self.data, self.inside, self.select, self.textarea = {}, False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "brief_form":
            self.inside = True
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image"):
                self.data.setdefault(name, []).append(attrs.get("value", "on"))
        elif tag == "textarea" and name:
            self.textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data


def form_of(response):
    reader = FormReader()
    reader.feed(response.text)
    return {
        name: values[0] if len(values) == 1 else values
        for name, values in reader.data.items()
    }


def change_url(brief):
    return reverse("admin:briefs_brief_change", args=[brief.pk])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def brief():
    brief = make_brief("Water regulator orders a review", authors=[make_author("Ana")])
    # A first save through the admin, so the brief has a revision.
    first = logged_in(make_user("setup", superuser=True))
    form = form_of(first.get(change_url(brief)))
    assert first.post(change_url(brief), form).status_code == 302
    brief.refresh_from_db()
    cache.clear()  # Forget that "setup" had the brief open.
    return brief


def test_the_later_of_two_saves_is_refused_and_keeps_what_was_typed(brief):
    ana = logged_in(make_user("ana", superuser=True))
    bruno = logged_in(make_user("bruno", superuser=True))
    ana_form = form_of(ana.get(change_url(brief)))
    bruno_form = form_of(bruno.get(change_url(brief)))
    assert ana_form["loaded_version"] == brief.updated_at.isoformat()

    ana_form["title"] = "Regulator orders a review, Ana's headline"
    assert ana.post(change_url(brief), ana_form).status_code == 302

    bruno_form["title"] = "Bruno's headline"
    bruno_form["news"] = "<p>Bruno rewrote the news.</p>"
    response = bruno.post(change_url(brief), bruno_form)

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert len(errors) == 1 and "ana" in errors[0]
    assert "/history/" in errors[0] and "/diff/" in errors[0]
    brief.refresh_from_db()
    assert brief.title == "Regulator orders a review, Ana's headline"
    assert "Bruno" not in brief.news
    kept = form_of(response)
    assert kept["title"] == "Bruno's headline"
    assert "Bruno rewrote the news." in kept["news"]


def test_saving_again_after_the_warning_replaces_the_other_version(brief):
    ana = logged_in(make_user("ana", superuser=True))
    bruno = logged_in(make_user("bruno", superuser=True))
    ana_form = form_of(ana.get(change_url(brief)))
    bruno_form = form_of(bruno.get(change_url(brief)))
    ana_form["title"] = "Ana's headline"
    ana.post(change_url(brief), ana_form)
    bruno_form["title"] = "Bruno's headline"
    refused = bruno.post(change_url(brief), bruno_form)

    assert bruno.post(change_url(brief), form_of(refused)).status_code == 302
    brief.refresh_from_db()
    assert brief.title == "Bruno's headline"


def test_a_save_without_anyone_else_goes_through(brief):
    ana = logged_in(make_user("ana", superuser=True))
    form = form_of(ana.get(change_url(brief)))
    form["title"] = "First headline"
    assert ana.post(change_url(brief), form).status_code == 302
    form = form_of(ana.get(change_url(brief)))
    form["title"] = "Second headline"
    assert ana.post(change_url(brief), form).status_code == 302
    brief.refresh_from_db()
    assert brief.title == "Second headline"


def test_a_garbled_version_is_a_form_error_not_a_500(brief):
    ana = logged_in(make_user("ana", superuser=True))
    form = form_of(ana.get(change_url(brief)))
    form["loaded_version"] = "not-a-date"
    form["title"] = "Garbled"
    response = ana.post(change_url(brief), form)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    brief.refresh_from_db()
    assert brief.title != "Garbled"


def test_a_contributor_is_shown_the_history_not_staff_usernames(brief):
    from tests.factories import make_contributor

    writer = make_contributor("writer")
    author = make_author("Writer Name", user=writer)
    BriefAuthor.objects.create(brief=brief, author=author, order=1)
    Brief.objects.filter(pk=brief.pk).update(status=Brief.Status.DRAFT)
    contributor = logged_in(writer)
    editor = logged_in(make_editor("edna-the-editor"))
    contributor_form = form_of(contributor.get(change_url(brief)))
    editor_form = form_of(editor.get(change_url(brief)))
    editor_form["title"] = "Edited by the desk"
    assert editor.post(change_url(brief), editor_form).status_code == 302

    response = contributor.post(change_url(brief), contributor_form)
    error = response.context["adminform"].form.non_field_errors()[0]
    assert "edna-the-editor" not in error
    assert reverse("admin:briefs_brief_history", args=[brief.pk]) in error


def test_a_failed_save_keeps_everything_typed_inlines_included(brief):
    ana = logged_in(make_user("ana", superuser=True))
    form = form_of(ana.get(change_url(brief)))
    form["title"] = ""  # Required: the save fails.
    form["summary"] = "A summary typed before the failure."
    form["news"] = "<p>News typed before the failure.</p>"
    prefix = "see_also"
    total = int(form[f"{prefix}-TOTAL_FORMS"])
    form[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    form.update(
        {
            f"{prefix}-{total}-label": "A see-also typed before the failure",
            f"{prefix}-{total}-place": SeeAlsoLink.Place.NEWS,
            f"{prefix}-{total}-after_paragraph": "1",
            f"{prefix}-{total}-url": "https://example.org/typed",
        }
    )
    response = ana.post(change_url(brief), form)

    assert response.status_code == 200
    kept = form_of(response)
    assert kept["summary"] == "A summary typed before the failure."
    assert "News typed before the failure." in kept["news"]
    assert kept[f"{prefix}-{total}-label"] == "A see-also typed before the failure"
    assert kept[f"{prefix}-{total}-url"] == "https://example.org/typed"
    assert kept["loaded_version"] == brief.updated_at.isoformat()
    assert not SeeAlsoLink.objects.filter(brief=brief).exists()


def presence_url(brief):
    return reverse("admin:briefs_brief_presence", args=[brief.pk])


def test_presence_lists_the_other_editors_with_the_brief_open(brief):
    ana = logged_in(make_user("ana", superuser=True))
    bruno = logged_in(make_user("bruno", superuser=True))
    ana.get(change_url(brief))
    data = bruno.post(presence_url(brief)).json()
    assert [other["name"] for other in data["others"]] == ["ana"]
    assert data["message"].startswith("Also open by: ana (since ")
    assert [
        other["name"] for other in ana.post(presence_url(brief)).json()["others"]
    ] == ["bruno"]


def test_presence_is_for_staff_who_may_see_the_brief(brief, client):
    response = client.post(presence_url(brief))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    ana = logged_in(make_user("ana", superuser=True))
    assert ana.get(presence_url(brief)).status_code == 405
    missing = reverse("admin:briefs_brief_presence", args=[brief.pk + 1000])
    assert ana.post(missing).status_code == 404
    from tests.factories import make_contributor

    outsider = logged_in(make_contributor("outsider"))
    assert outsider.post(presence_url(brief)).status_code in (403, 404)


def test_presence_needs_the_csrf_token(brief):
    ana = Client(enforce_csrf_checks=True)
    ana.force_login(make_user("ana", superuser=True))
    assert ana.post(presence_url(brief)).status_code == 403
