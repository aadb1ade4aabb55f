"""HTML sanitising and small HTML helpers shared by every app.

Everything an editor writes as rich text goes through ``sanitize_html`` before
it is stored, whether it arrives through the admin form or from code, so the
database never holds markup that could run script in a reader's browser.
"""

import re
from urllib.parse import urljoin

import nh3

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
