"""A streaming reader of WordPress eXtended RSS (WXR) exports.

The file is read with ``iterparse`` and every item is dropped once it has
been turned into a plain dict, so memory follows the largest item, not the
export. defusedxml refuses entity declarations (the "billion laughs" bomb)
and external references.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

# WordPress has spelt its namespace with http and https, for WXR 1.0 to 1.2.
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.\d/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.\d/excerpt/$")
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
CHANNEL_CHILDREN = {"item", "wp:author", "wp:category", "wp:tag", "wp:term"}


class ExportError(Exception):
    """The file is not a WXR export we can read (or is an XML attack)."""


def short_name(tag):
    """``{http://wordpress.org/export/1.2/}post_id`` → ``wp:post_id``."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if EXCERPT_NAMESPACE.match(uri):
        return f"excerpt:{local}"
    if WP_NAMESPACE.match(uri):
        return f"wp:{local}"
    prefix = NAMESPACES.get(uri)
    return f"{prefix}:{local}" if prefix else local


def text(element, name, default=""):
    """The stripped text of ``element``'s first child called ``name``."""
    for child in element:
        if short_name(child.tag) == name:
            return (child.text or "").strip()
    return default


def parse_date(value):
    """A WordPress date ("2024-03-12 09:30:00") as a naive datetime, or None."""
    try:
        moment = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return None  # "0000-00-00 00:00:00" on drafts
    return moment


@dataclass
class Item:
    """One ``<item>``: a post, page, attachment or anything else WordPress exports."""

    wordpress_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    name: str = ""
    status: str = ""
    date_gmt: str = ""
    date: str = ""
    password: str = ""
    parent: int = 0
    attachment_url: str = ""
    # (domain, nicename, name) in the export's order.
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _item(element):
    item = Item(wordpress_id=_int(text(element, "wp:post_id")), post_type="")
    for child in element:
        name = short_name(child.tag)
        value = child.text or ""
        if name == "category":
            item.terms.append(
                (child.get("domain", ""), child.get("nicename", ""), value.strip())
            )
        elif name == "wp:postmeta":
            item.meta[text(child, "wp:meta_key")] = text(child, "wp:meta_value")
        elif name == "wp:comment":
            item.comments.append(
                {short_name(part.tag)[3:]: (part.text or "") for part in child}
            )
        elif name == "content:encoded":
            item.content = value
        elif name == "excerpt:encoded":
            item.excerpt = value.strip()
        else:
            simple = {
                "title": "title",
                "link": "link",
                "guid": "guid",
                "dc:creator": "creator",
                "wp:post_type": "post_type",
                "wp:post_name": "name",
                "wp:status": "status",
                "wp:post_date_gmt": "date_gmt",
                "wp:post_date": "date",
                "wp:post_password": "password",
                "wp:attachment_url": "attachment_url",
            }
            if name in simple:
                setattr(item, simple[name], value.strip())
            elif name == "wp:post_parent":
                item.parent = _int(value)
    return item


def _fields(element, prefix):
    """A ``wp:author``/``wp:category``/``wp:tag``/``wp:term`` as a dict."""
    found = {}
    for child in element:
        name = short_name(child.tag)
        if name.startswith("wp:"):
            key = name[3:]
            found[key.removeprefix(prefix)] = (child.text or "").strip()
    return found


def read(source):
    """Yield ``(kind, value)`` for what the export holds, in the file's order.

    Kinds: ``"site"`` (a dict with ``base_url``, ``link``, ``version`` and
    ``language``, before the first record), ``"author"``, ``"category"``,
    ``"tag"``, ``"term"`` (dicts of their fields) and ``"item"`` (an ``Item``).
    ``source`` is a path or a binary file. Raises ExportError.
    """
    site = {"base_url": "", "link": "", "version": "", "language": ""}
    site_sent = False
    channel = None
    depth = 0
    try:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 1 and short_name(element.tag) != "rss":
                    raise ExportError("not an RSS file")
                if depth == 2 and short_name(element.tag) == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            name = short_name(element.tag)
            if name in CHANNEL_CHILDREN:
                if not site_sent:
                    site_sent = True
                    yield "site", site
                if name == "item":
                    yield "item", _item(element)
                elif name == "wp:author":
                    yield "author", _fields(element, "author_")
                elif name == "wp:category":
                    yield "category", _fields(element, "category_")
                elif name == "wp:tag":
                    yield "tag", _fields(element, "tag_")
                else:
                    yield "term", _fields(element, "term_")
                channel.remove(element)
            elif name == "wp:wxr_version":
                site["version"] = (element.text or "").strip()
            elif name == "wp:base_site_url":
                site["base_url"] = (element.text or "").strip()
            elif name == "link":
                site["link"] = (element.text or "").strip()
            elif name == "language":
                site["language"] = (element.text or "").strip()
    except DefusedXmlException as error:
        raise ExportError(f"refused: the file declares entities ({error})") from error
    except ParseError as error:
        raise ExportError(f"not well-formed XML: {error}") from error
    if channel is None:
        raise ExportError("no <channel> in the file")
    if not site_sent:
        yield "site", site
