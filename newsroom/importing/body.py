"""A WordPress post's text as a brief's: paragraphs, shortcodes, sections.

``convert`` applies WordPress's automatic paragraphs to classic-editor text,
removes block-editor comments, converts the shortcodes it knows, takes the
images out (a brief's text holds none), sanitises the result as the admin
does, and splits it into news and analysis with the "SEE ALSO:" lines pulled
out as links (a page's text is not split).
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.utils.html import strip_tags
from django.utils.text import slugify

from newsroom.html import lost_text, sanitize_html, split_blocks

DEFAULT_ANALYSIS_ENDINGS = ("analysis", "análisis")
SEE_ALSO = re.compile(r"^\s*(see also|ver también)\s*:\s*", re.IGNORECASE)

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.DOTALL)
_EMBED = re.compile(r"\[embed[^\]]*\]\s*(\S+?)\s*\[/embed\]")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LINKED_IMG = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", re.IGNORECASE)
_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\]")
_BARE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_BLOCK_TAGS = (
    "address|article|aside|blockquote|dd|div|dl|dt|figcaption|figure|footer|"
    "h[1-6]|header|hr|li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
_OPENING_BLOCK = re.compile(rf"(<(?:{_BLOCK_TAGS})\b[^>]*>)", re.IGNORECASE)
_CLOSING_BLOCK = re.compile(rf"(</(?:{_BLOCK_TAGS})>)", re.IGNORECASE)
_STARTS_WITH_BLOCK = re.compile(rf"^</?(?:{_BLOCK_TAGS})\b", re.IGNORECASE)
_HEADING = re.compile(r"^<(h[2-4])>(.*)</\1>$", re.DOTALL)
_BOLD_PARAGRAPH = re.compile(
    r"^<p>\s*<(strong|b)>(.*)</\1>\s*</p>$", re.DOTALL | re.IGNORECASE
)
_LINK = re.compile(r"<a\b[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", re.DOTALL)


@dataclass
class Image:
    src: str
    alt: str = ""
    caption: str = ""


@dataclass
class SeeAlso:
    place: str  # "news" or "analysis"
    after_paragraph: int
    label: str
    url: str


@dataclass
class Body:
    news: str = ""
    analysis: str = ""
    analysis_heading: str = ""
    see_also: list = field(default_factory=list)
    images: list = field(default_factory=list)
    # Short English sentences for the report.
    problems: list = field(default_factory=list)


def plain(value):
    """Text without markup and with entities decoded (titles, excerpts)."""
    return " ".join(html.unescape(strip_tags(html.unescape(value or ""))).split())


def _attributes(tag):
    return {
        name.lower(): html.unescape(double if double is not None else single)
        for name, double, single in _ATTRIBUTE.findall(tag)
    }


def autop(text):
    """WordPress's automatic paragraphs: blank lines separate paragraphs,
    single line breaks inside one become ``<br>``; block elements stay as
    they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _OPENING_BLOCK.sub(r"\n\n\1", text)
    text = _CLOSING_BLOCK.sub(r"\1\n\n", text)
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _STARTS_WITH_BLOCK.match(chunk):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(paragraphs)


def _take_images(text, images):
    """Replace ``[caption]`` and ``<img>`` by nothing, noting each image."""

    def caption(match):
        inner = match.group(2)
        tag = _IMG.search(inner)
        words = plain(_IMG.sub("", _LINKED_IMG.sub("", inner)))
        if tag is None:
            return f"<p>{html.escape(words)}</p>" if words else ""
        attributes = _attributes(tag.group(0))
        images.append(
            Image(attributes.get("src", ""), attributes.get("alt", ""), words)
        )
        return ""

    def image(match):
        attributes = _attributes(match.group(0))
        images.append(Image(attributes.get("src", ""), attributes.get("alt", "")))
        return ""

    text = _CAPTION.sub(caption, text)
    text = _LINKED_IMG.sub(lambda match: image(_IMG.match(match.group(1))), text)
    return _IMG.sub(image, text)


def _links(text, problems):
    def embed(match):
        url = html.escape(match.group(1))
        return f'\n\n<a href="{url}">{url}</a>\n\n'

    text = _EMBED.sub(embed, text)
    text = _BARE_URL.sub(
        lambda match: (
            f'<a href="{html.escape(match.group(1))}">{html.escape(match.group(1))}</a>'
        ),
        text,
    )
    unknown = sorted({match.group(2) for match in _SHORTCODE.finditer(text)})
    for name in unknown:
        problems.append(f"unknown shortcode [{name}] kept as text")
    return text


def is_analysis_heading(words, headings):
    words = words.strip().rstrip(":").strip().casefold()
    if headings:
        return words in {heading.strip().casefold() for heading in headings}
    return words.endswith(DEFAULT_ANALYSIS_ENDINGS)


def _heading_words(block):
    match = _HEADING.match(block) or _BOLD_PARAGRAPH.match(block)
    return plain(match.group(2)) if match else None


def _see_also(block):
    """(label, url) pairs of a "SEE ALSO:" paragraph, or None for another block."""
    if not block.startswith("<p>") or not SEE_ALSO.match(plain(block)):
        return None
    links = [(plain(label), html.unescape(url)) for url, label in _LINK.findall(block)]
    if links:
        return links
    return [(SEE_ALSO.sub("", plain(block)), "")]


def convert(content, analysis_headings=(), split=True):
    """The text as a brief's (``split``: news, analysis and see-also links) or,
    without ``split``, as one text with every block in ``news`` (a page's)."""
    body = Body()
    text = content or ""
    has_blocks = bool(_BLOCK_COMMENT.search(text))
    text = _BLOCK_COMMENT.sub("", text)
    text = _take_images(text, body.images)
    text = _links(text, body.problems)
    if not has_blocks:
        text = autop(text)
    cleaned = sanitize_html(text)
    loss = lost_text(text, cleaned)
    if loss is not None:
        paragraph, _reason, words = loss
        body.problems.append(
            f"the sanitiser removed text after paragraph {paragraph}: “{words}”"
        )
    sections = {"news": [], "analysis": []}
    place = "news"
    for block in (block.strip() for block in split_blocks(cleaned)):
        if not split:
            sections["news"].append(block)
            continue
        heading = _heading_words(block)
        if (
            place == "news"
            and heading is not None
            and is_analysis_heading(heading, analysis_headings)
        ):
            place = "analysis"
            body.analysis_heading = heading.rstrip(":").strip()
            continue
        links = _see_also(block)
        if links is None:
            sections[place].append(block)
            continue
        for label, url in links:
            if not url:
                body.problems.append(f"a SEE ALSO line without a link: “{label}”")
                sections[place].append(block)
                break
            body.see_also.append(SeeAlso(place, len(sections[place]), label, url))
    body.news = "\n".join(sections["news"])
    body.analysis = "\n".join(sections["analysis"])
    return body


def summary(excerpt, news, limit=300):
    """The excerpt, or the news text's first sentences up to ``limit`` characters."""
    text = plain(excerpt) or plain(news)
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[: limit - 1].rstrip() + "…"


def unique_slug(item, instance):
    """``wp:post_name`` as a slug unique among ``instance``'s model's rows in its
    language (a brief's or a page's), ``-2``, ``-3``... when taken."""
    base = (
        slugify(unquote(item.name))
        or slugify(plain(item.title))
        or f"{item.post_type}-{item.wordpress_id}"
    )[:190].strip("-")
    slug, number = base, 1
    taken = type(instance).objects.filter(language=instance.language)
    if instance.pk:
        taken = taken.exclude(pk=instance.pk)
    while taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
