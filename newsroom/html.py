"""HTML sanitising and small HTML helpers shared by every app.

Everything an editor writes as rich text goes through ``sanitize_html`` before
it is stored, whether it arrives through the admin form or from code, so the
database never holds markup that could run script in a reader's browser.
"""

import os
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "hr",
    "code",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

URL_ATTRIBUTES = {"href", "src"}

_OPTIONS = {
    "tags": ALLOWED_TAGS,
    "clean_content_tags": {"script", "style"},
    "attributes": ALLOWED_ATTRIBUTES,
    "url_schemes": URL_SCHEMES,
    "link_rel": "noopener noreferrer",
    "strip_comments": True,
}
_cleaner = nh3.Cleaner(**_OPTIONS)


def sanitize_html(value):
    """Return ``value`` with everything outside the rich-text allowlist removed."""
    if not value:
        return ""
    cleaned = _cleaner.clean(value).strip()
    # The editor leaves a lone empty paragraph in an empty field.
    if re.fullmatch(r"(<p>\s*(<br>)?\s*</p>\s*)*", cleaned):
        return ""
    return cleaned


def resolve_urls(html, base_url):
    """Sanitised ``html`` with every ``href`` and ``src`` resolved against ``base_url``.

    The sanitiser's parser finds the attributes, so text that only looks like
    one (inside a ``title``, say) is left alone.
    """

    def resolve(tag, attribute, value):
        if attribute not in URL_ATTRIBUTES:
            return value
        try:
            return urljoin(base_url, value)
        except ValueError:  # e.g. an unclosed "[" in the host
            return value

    return nh3.clean(html, **_OPTIONS, attribute_filter=resolve) if html else ""


_TOP_LEVEL_END = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>")
_VOID = {"br", "hr", "img"}


def split_blocks(html):
    """Split sanitised HTML into its top-level blocks (paragraphs, lists, ...).

    Text outside any element is kept with the block that follows it.
    """
    blocks, depth, start = [], 0, 0
    for match in _TOP_LEVEL_END.finditer(html):
        closing, tag, selfclosing = (
            match.group(1),
            match.group(2).lower(),
            match.group(3),
        )
        if tag in _VOID or selfclosing:
            if depth == 0:
                blocks.append(html[start : match.end()])
                start = match.end()
            continue
        if closing:
            depth -= 1
            if depth == 0:
                blocks.append(html[start : match.end()])
                start = match.end()
        else:
            depth += 1
    tail = html[start:]
    if tail.strip():
        blocks.append(tail)
    return [block for block in blocks if block.strip()]


# What sanitising loses

# Elements whose content a browser reads as text up to their end tag: left
# open, they swallow the rest of the paste.
RAW_TEXT_TAGS = {
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
}
# Content readers never see, closed: removing it loses nothing.
_HIDDEN_TAGS = {"script", "style", "template"}
_FOREIGN_TAGS = {"math"}
# Tags inside a line of text (the rest separate words, for quoting them).
_INLINE_TAGS = {"a", "b", "code", "em", "font", "i", "s", "span", "strong", "sub"}
_INLINE_TAGS |= {"sup", "u"}
# How many unclosed constructs inside one another are read again as markup.
_MAX_DEPTH = 10


class _Reading(HTMLParser):
    """The words of some HTML as its author meant them to show.

    Also notes the first construct that makes a browser (and the sanitiser)
    read the rest differently: a comment or raw-text element never closed, or
    a ``<style>`` or ``<script>`` inside ``<math>``, where browsers show its
    text and the sanitiser drops it.
    """

    def __init__(self, html, depth=0):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.depth = depth
        self.line_starts = [0]
        self.line_starts += [index + 1 for index, c in enumerate(html) if c == "\n"]
        self.text = []
        self.open = []  # (tag, offset of "<", offset after the start tag)
        self.foreign = 0
        self.trouble = None  # (reason, offset)
        self.feed(html)
        self.close()
        for tag, start, end in self.open:
            if tag in RAW_TEXT_TAGS:
                self.note(tag, start)
                if tag in self.CDATA_CONTENT_ELEMENTS:
                    # The parser kept the rest back as the element's content.
                    self.text.append(" " + self.words_of(html[end:]))
                break
        self.words = "".join(self.text).replace("\x00", "").split()

    def words_of(self, html):
        """The words of a part read again, as markup (up to a nesting depth)."""
        if self.depth >= _MAX_DEPTH:
            return html  # as typed: it cannot match the sanitised text
        return " ".join(_Reading(html, self.depth + 1).words) + " "

    def note(self, reason, offset):
        if self.trouble is None or offset < self.trouble[1]:
            self.trouble = (reason, offset)

    def position(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self.position()
        end = start + len(self.get_starttag_text() or "")
        self.open.append((tag, start, end))
        if tag not in _INLINE_TAGS:
            self.text.append(" ")
        if tag in _FOREIGN_TAGS:
            self.foreign += 1

    def handle_startendtag(self, tag, attrs):
        if tag not in _INLINE_TAGS:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag not in _INLINE_TAGS:
            self.text.append(" ")
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break
        if tag in _FOREIGN_TAGS and self.foreign:
            self.foreign -= 1

    def handle_data(self, data):
        inside = {tag for tag, _start, _end in self.open}
        if data.startswith("<!--"):
            # A comment never closed, which this parser hands over as text.
            self.note("<!--", self.position())
            self.text.append(" " + self.words_of(data[4:]))
        elif inside & _HIDDEN_TAGS:
            if self.foreign and inside & {"script", "style"}:
                self.note("foreign", self.position())
                self.text.append(" " + self.words_of(data))
        else:
            self.text.append(data)

    def handle_comment(self, data):
        start = self.position()
        if self.html.find("-->", start + 4) < 0 and self.html.find("--!>", start) < 0:
            self.note("<!--", start)  # newer parsers read it to the end
            self.text.append(" " + self.words_of(data))


def _visible_text(html):
    """The visible characters of ``html``, whitespace left out.

    Without whitespace, a tag the sanitiser strips between two words (a
    ``<div>`` or ``<span>``) changes nothing, whichever parser reads it.
    """
    return "".join(_Reading(html).words)


def lost_text(value, cleaned=None):
    """Where sanitising ``value`` loses or changes visible text; None if nowhere.

    Returns ``(paragraph, reason, words)``: how many paragraphs (top-level
    blocks) of the sanitised HTML come before the first lost text, what caused
    it (``"<!--"``, a raw-text tag name, ``"foreign"``, or ``""`` when
    unknown) and the first words lost.
    """
    if not value:
        return None
    cleaned = sanitize_html(value) if cleaned is None else cleaned
    reading = _Reading(value)
    meant, kept = "".join(reading.words), _visible_text(cleaned)
    if meant == kept:
        return None
    same = len(os.path.commonprefix([meant, kept]))
    paragraph, counted = 0, 0
    for block in split_blocks(cleaned):
        counted += len(_visible_text(block))
        if counted > same:
            break
        paragraph += 1
    # The words of the original between the first and last characters that
    # differ.
    tail = len(os.path.commonprefix([meant[same:][::-1], kept[same:][::-1]]))
    end = max(len(meant) - tail, same + 1)
    position, lost = 0, []
    for word in reading.words:
        if position < end and position + len(word) > same:
            lost.append(word)
        position += len(word)
    reason = reading.trouble[0] if reading.trouble else ""
    words = " ".join(lost[:8]) + (" …" if len(lost) > 8 else "")
    return paragraph, reason, words


def _reason(reason):
    if reason == "<!--":
        return gettext("an unclosed <!-- comment")
    if reason == "foreign":
        return gettext("a <style> or <script> inside <math>")
    if reason:
        return gettext("an unclosed <%(tag)s> element") % {"tag": reason}
    return gettext("markup the cleaning cannot keep")


def check_text_kept(value):
    """Raise ValidationError when sanitising ``value`` would lose visible text.

    Rich-text form fields call it: the editor sees where and why, and the
    field keeps what they pasted, instead of a shorter text saved quietly.
    """
    loss = lost_text(value)
    if loss is None:
        return
    paragraph, reason, words = loss
    params = {"paragraph": paragraph, "reason": _reason(reason), "words": words}
    if paragraph:
        message = gettext(
            "The pasted HTML would be cut after paragraph %(paragraph)s, at "
            "%(reason)s: “%(words)s” would not be saved. Remove or close it "
            "and save again."
        )
    else:
        message = gettext(
            "The pasted HTML would be cut at its start, at %(reason)s: "
            "“%(words)s” would not be saved. Remove or close it and save again."
        )
    raise ValidationError(message % params, code="text_lost")
