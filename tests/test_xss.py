"""Script-injection payloads in every editable text field come out inert.

Each payload of tests/payloads.py goes into every text field editors can fill
(brief, author, tags, section, donation prompts, license texts, publication).
The pages that show them, the feeds and the republish HTML must then contain
nothing a browser could run beyond what the same page has with plain text.
"""

import json
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser

import feedparser
import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from tests.factories import make_text_site, set_site_text
from tests.payloads import XSS_PAYLOADS, executable_parts

pytestmark = pytest.mark.django_db

PLAIN = "Plain words"


def test_the_payload_list_is_long_and_varied():
    assert len(XSS_PAYLOADS) >= 50
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)
    for kind in ["<script", "onerror=", "javascript:", "<svg", "&#", '">', "<math"]:
        assert any(kind.lower() in payload.lower() for payload in XSS_PAYLOADS), kind


def test_executable_parts_finds_what_it_should():
    assert executable_parts('<p>ok <a href="https://x.example/">x</a></p>') == []
    for payload in [
        "<script>alert(1)</script>",
        '<a href=" javascript:x">',
        "<p onclick=x>",
    ]:
        assert executable_parts(payload), payload


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_text_site()


def html_pages(site):
    brief, spanish = site["brief"], site["spanish"]
    with translation.override("en"):
        pages = {
            "brief": brief.get_absolute_url(),
            "brief (es)": spanish.get_absolute_url(),
            "home": reverse("briefs:home"),
            "country": site["country"].get_absolute_url(),
            "topic": site["topic"].get_absolute_url(),
            "author": site["author"].get_absolute_url(),
            "section": site["section"].get_absolute_url(),
            "search": reverse("briefs:search") + "?q=brief",
            "republish": reverse("republishing:republish", args=[brief.slug]),
        }
    with translation.override("es"):
        pages["home (es)"] = reverse("briefs:home")
        pages["republish (es)"] = reverse("republishing:republish", args=[spanish.slug])
    return pages


def feed_urls(site):
    with translation.override("en"):
        return {
            "latest": reverse("briefs:feed"),
            "atom": reverse("briefs:feed_atom"),
            "republish": reverse("briefs:feed_republish"),
            "country": reverse("briefs:country_feed", args=[site["country"].slug]),
            "author": reverse("briefs:author_feed", args=[site["author"].slug]),
        }


class Scripts(HTMLParser):
    """Every <script> element: its attributes and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = {"attrs": dict(attrs), "text": ""}
            self.scripts.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


class Textareas(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._id = {}, None

    def handle_starttag(self, tag, attrs):
        if tag == "textarea":
            self._id = dict(attrs).get("id")
            self.found[self._id] = ""

    def handle_data(self, data):
        if self._id is not None:
            self.found[self._id] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._id = None


def only_our_own_scripts(html):
    """Problems with the page's <script> elements: JSON-LD data and /static/ files only."""
    parser = Scripts()
    parser.feed(html)
    problems = []
    for script in parser.scripts:
        attrs, text = script["attrs"], script["text"]
        if attrs.get("type") == "application/ld+json":
            if "</" in text or "<!--" in text:
                problems.append(f"markup inside JSON-LD: {text[:80]}")
            try:
                json.loads(text)
            except ValueError:
                problems.append(f"JSON-LD that is not JSON: {text[:80]}")
        elif attrs.get("src", "").startswith("/static/") and not text.strip():
            continue
        else:
            problems.append(f"script {attrs} {text[:80]}")
    return problems


def fetch_all(client, site):
    cache.clear()
    pages = {}
    for name, url in html_pages(site).items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} {response.status_code}"
        pages[name] = response.text
    feeds = {}
    for name, url in feed_urls(site).items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} feed: {response.status_code}"
        feeds[name] = response.content
    return pages, feeds


def html_in_feed(xml):
    """The HTML of a feed's items: descriptions, content and summaries.

    Titles, categories, authors and the channel's own description are plain
    text (escaped once for XML), which is how feed readers show them.
    """
    root = ET.fromstring(xml)
    texts = []
    for item in root.iter():
        if item.tag.rsplit("}", 1)[-1] not in {"item", "entry"}:
            continue
        for element in item:
            tag = element.tag.rsplit("}", 1)[-1]
            if tag in {"description", "encoded", "content", "summary"}:
                texts.append(element.text or "")
    assert texts, "a feed with items"
    return texts


_baseline = {}


def plain_baseline(client, site):
    """What each page and feed runs with plain text: its own forms, links, scripts.

    It does not depend on the payload, so it is measured once per test run.
    """
    if not _baseline:
        set_site_text(site, PLAIN)
        pages, feeds = fetch_all(client, site)
        for name, html in pages.items():
            _baseline[name] = Counter(executable_parts(html))
        for name, xml in feeds.items():
            _baseline[f"{name} feed"] = Counter(executable_parts(xml.decode()))
    return _baseline


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_payload_in_every_text_field_runs_nowhere(client, site, payload):
    baseline = plain_baseline(client, site)
    set_site_text(site, payload)
    pages, feeds = fetch_all(client, site)

    for name, html in pages.items():
        assert only_our_own_scripts(html) == [], name
        added = Counter(executable_parts(html)) - baseline[name]
        assert not added, f"{name}: {sorted(added)}"

    republish = Textareas()
    republish.feed(pages["republish"])
    snippet = republish.found["republish-html"]
    assert "republish" in snippet or "<p>" in snippet
    assert executable_parts(snippet) == []

    for name, xml in feeds.items():
        parsed = feedparser.parse(xml)
        assert parsed.bozo == 0, f"{name} feed: {parsed.get('bozo_exception')}"
        added = Counter(executable_parts(xml.decode())) - baseline[f"{name} feed"]
        assert not added, f"{name} feed markup: {sorted(added)}"
        for text in html_in_feed(xml):
            assert executable_parts(text) == [], f"{name} feed: {text[:200]}"


def test_the_payloads_really_reach_the_pages(client, site):
    """The check above is only worth something if the text is on every page."""
    marker = "Zq7marker"
    set_site_text(site, marker)
    pages, feeds = fetch_all(client, site)
    for name, html in pages.items():
        assert marker in html, name
    for name, xml in feeds.items():
        assert marker in xml.decode(), name
    brief_page = pages["brief"]
    assert brief_page.count(marker) >= 10
