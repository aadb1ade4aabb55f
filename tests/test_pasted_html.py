"""Pasted rich text the sanitiser would cut: the brief form says where and why."""

from html import escape

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from briefs.models import Brief
from newsroom.html import lost_text
from newsroom.publication.models import Publication
from tests.test_admin import brief_form_data

pytestmark = pytest.mark.django_db

THREE = "<p>One.</p><p>Two.</p><p>Three.</p>"


def post(admin_client, **fields):
    return admin_client.post(
        reverse("admin:briefs_brief_add"), brief_form_data(**fields)
    )


@pytest.mark.parametrize(
    "field, pasted, where, why",
    [
        (
            "news",
            THREE + "<!-- note <p>Four.</p><p>Five.</p>",
            "after paragraph 3",
            "an unclosed <!-- comment",
        ),
        (
            "analysis",
            THREE + "<style>p {}<p>Four.</p>",
            "after paragraph 3",
            "an unclosed <style> element",
        ),
        (
            "news",
            "<p>One.</p><math><style>x</style>Two <a>words</a>.</math>",
            "after paragraph 1",
            "a <style> or <script> inside <math>",
        ),
        (
            "news",
            "<p>One.</p><math><style>Two.</style></math><p>Three.</p>",
            "after paragraph 1",
            "a <style> or <script> inside <math>",
        ),
        ("news", "<!-- <p>One.</p>", "at its start", "an unclosed <!-- comment"),
        (
            "news",
            "<p>One.</p><textarea>Two.<p>Three.</p>",
            "after paragraph 1",
            "an unclosed <textarea> element",
        ),
    ],
)
def test_html_the_sanitiser_would_cut_is_refused_with_where_and_why(
    admin_client, field, pasted, where, why
):
    """An unclosed comment or raw-text element dropped the rest of the paste
    and the brief was saved shorter without a word to the editor."""
    response = post(admin_client, **{field: pasted})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors[field]
    assert len(errors) == 1
    assert f"The pasted HTML would be cut {where}, at {why}" in errors[0]
    assert not Brief.objects.exists()
    # What the editor pasted comes back in the field, nothing lost.
    assert response.context["adminform"].form[field].value() == pasted


def test_the_message_quotes_the_words_that_would_be_lost(admin_client):
    response = post(admin_client, news=THREE + "<!-- <p>Four and five.</p>")
    [error] = response.context["adminform"].form.errors["news"]
    assert "“Four and five.”" in error


@pytest.mark.parametrize(
    "pasted",
    [
        "<p>Closed <!-- comment --> text.</p>",
        "<p>Word</p><!--[if gte mso 9]><xml><o:p>w</o:p></xml><![endif]--><p>B</p>",
        "<p>Styled</p><style>p { color: red }</style><p>text.</p>",
        "<p>Script <script>alert(1)</script>removed.</p>",
        '<div><span style="x">Google</span> <b id="docs-internal">Docs</b></div>',
        "<p>A &lt; b &amp; c&nbsp;d</p><ul><li>one</li></ul><table><tr><td>t</td>"
        "</tr></table>",
        '<p><a href="javascript:alert(1)">a link</a> <img src=x alt=pic></p>',
        "<h1>Heading</h1><template><p>hidden</p></template><p>body</p>",
    ],
)
def test_html_whose_visible_text_survives_is_saved(admin_client, pasted):
    response = post(admin_client, news=pasted)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert lost_text(pasted) is None


def publication_form(publication, **fields):
    return {
        "name": publication.name,
        "tagline": "",
        "tagline_es": "",
        "analysis_heading": publication.analysis_heading,
        "analysis_heading_es": publication.analysis_heading_es,
        "about": "",
        "about_es": "",
        "comment_prompt": publication.comment_prompt,
        "comment_prompt_es": publication.comment_prompt_es,
        "default_license": publication.default_license_id or "",
        "related_count": "3",
        "notification_email": "",
        **fields,
    }


@pytest.mark.parametrize("field", ["about", "about_es"])
def test_the_about_text_is_checked_the_same_way(admin_client, field):
    publication = Publication.load()
    url = reverse("admin:publication_publication_change", args=[publication.pk])
    pasted = "<p>Who we are.</p><!-- <p>Our funders.</p>"
    response = admin_client.post(url, publication_form(publication, **{field: pasted}))
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors[field]
    assert "cut after paragraph 1, at an unclosed <!-- comment" in error
    publication.refresh_from_db()
    assert getattr(publication, field) == ""
    fine = "<p>Who we are.</p><p>Our funders.</p>"
    response = admin_client.post(url, publication_form(publication, **{field: fine}))
    assert response.status_code == 302


html_pieces = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<!--",
        "-->",
        "<style>",
        "</style>",
        "<math>",
        "</math>",
        "<textarea>",
        "<b>",
        "</b>",
        "<div>",
        "<br>",
        "&amp;",
        "&lt;",
        "<![CDATA[",
        "<a href='/x'>",
        "</a>",
        "<script>",
        "</script>",
        "\n",
        " ",
        "\x00",
    ]
)
pasted_html = st.lists(st.one_of(html_pieces, st.text(max_size=8)), max_size=30).map(
    "".join
)


@hypothesis_settings(max_examples=200, deadline=None)
@given(pasted=pasted_html)
def test_the_check_answers_whatever_is_pasted(pasted):
    loss = lost_text(pasted)
    if loss is not None:
        paragraph, reason, words = loss
        assert paragraph >= 0 and isinstance(reason, str) and isinstance(words, str)


words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
).map(escape)
inline = st.one_of(
    words,
    words.map("<b>{}</b>".format),
    words.map("<em>{}</em>".format),
    words.map('<a href="/x" title="a&quot; src=">{}</a>'.format),
    words.map('<span style="color:red">{}</span>'.format),
    st.just("<br>"),
)
block = st.lists(inline, min_size=1, max_size=5).map(" ".join)
wellformed = st.lists(
    st.one_of(
        block.map("<p>{}</p>".format),
        block.map("<div>{}</div>".format),
        block.map("<h2>{}</h2>".format),
        block.map("<ul><li>{}</li></ul>".format),
        st.just("<!-- a closed comment -->"),
        st.just("<style>p { color: red }</style>"),
    ),
    min_size=1,
    max_size=6,
).map("\n".join)


@hypothesis_settings(max_examples=200, deadline=None)
@given(pasted=wellformed)
def test_well_formed_html_is_never_refused(pasted):
    assert lost_text(pasted) is None


@pytest.mark.parametrize("trap", ["<style>", "<math><style>", "<!--"])
def test_thousands_of_nested_traps_are_refused_not_a_server_error(admin_client, trap):
    response = post(admin_client, news="<p>One.</p>" + trap * 3000 + "<p>Two.</p>")
    assert response.status_code == 200
    assert (
        "The pasted HTML would be cut"
        in response.context["adminform"].form.errors["news"][0]
    )
