"""The attribution a brief's license asks for, rendered in one place.

``attribution()`` is the single source of the byline that goes at the top of a
republished brief, the attribution footer that goes at its bottom and the
reader-facing license notice. The brief page's license footer, the republish
page and the license-attribution feed all call it; ``republish_html()`` and
``republish_text()`` build the ready-to-paste article around it, so the
republish page and the feed's ``content:encoded`` hand out the same string.

License texts are plain text with placeholders (``{publication}``,
``{headline}``, ``{url}``, ``{license}``, ``{deed_url}``). Everything in them
is escaped; the placeholders become links: the publication to the original
brief, the license to its deed.
"""

import re
import string
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom import images
from newsroom.html import resolve_urls

# The featured image handed to republishers: wide enough for an article column.
REPUBLISH_IMAGE_WIDTH = 800

PLACEHOLDERS = ("publication", "headline", "url", "license", "deed_url")

_formatter = string.Formatter()


def _parse(text):
    """(literal, field, format spec, conversion) tuples; ValueError on bad braces."""
    return list(_formatter.parse(text))


def validate_license_template(text):
    """Reject license texts with unknown placeholders or unbalanced braces."""
    known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    try:
        parts = _parse(text)
    except ValueError:
        raise ValidationError(
            _(
                "Unbalanced braces. Placeholders are written like {license}; "
                "write {{ or }} for a literal brace."
            ),
            code="unbalanced_braces",
        ) from None
    unknown = []
    for _literal, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in PLACEHOLDERS or spec or conversion:
            written = "{" + field + (f"!{conversion}" if conversion else "")
            written += (f":{spec}" if spec else "") + "}"
            if written not in unknown:
                unknown.append(written)
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(unknown)s. Use only %(known)s."),
            code="unknown_placeholder",
            params={"unknown": ", ".join(unknown), "known": known},
        )


@dataclass(frozen=True)
class Value:
    """A placeholder's text, and the address it links to in HTML (if any)."""

    text: str
    href: str = ""
    rel: str = ""


def render_license_text(template, values, *, html=True):
    """Fill a license text's placeholders.

    With ``html=True`` the result is safe HTML: literal text and values are
    escaped, values with an ``href`` become links. With ``html=False`` it is
    plain text, links written as "text (address)". A text that slipped past
    validation renders its odd parts literally instead of failing.
    """
    try:
        parts = _parse(template)
    except ValueError:
        parts = [(template, None, None, None)]
    out = []
    for literal, field, spec, conversion in parts:
        out.append(escape(literal) if html else literal)
        if field is None:
            continue
        value = values.get(field) if not (spec or conversion) else None
        if value is None:
            raw = "{" + field + "}"
            out.append(escape(raw) if html else raw)
        elif html:
            out.append(_link(value))
        elif value.href and value.href != value.text:
            out.append(f"{value.text} ({value.href})")
        else:
            out.append(value.text)
    result = "".join(out)
    return mark_safe(result) if html else result


def _link(value):
    if not value.href:
        return escape(value.text)
    if value.rel:
        return format_html(
            '<a href="{}" rel="{}">{}</a>', value.href, value.rel, value.text
        )
    return format_html('<a href="{}">{}</a>', value.href, value.text)


@dataclass(frozen=True)
class Attribution:
    """What a license asks republishers (and tells readers), in HTML and text."""

    url: str
    deed_url: str
    byline_html: SafeString
    footer_html: SafeString
    notice_html: SafeString
    byline_text: str
    footer_text: str
    notice_text: str


def brief_authors(brief):
    """The brief's authors in byline order (uses the ``bylines`` prefetch if any)."""
    bylines = getattr(brief, "bylines", None)
    if bylines is None:
        bylines = brief.briefauthor_set.select_related("author")
    return [byline.author for byline in bylines]


def join_names(names):
    """ "A", "A and B", "A, B and C" in the active language."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return gettext("%(names)s and %(last)s") % {
        "names": ", ".join(names[:-1]),
        "last": names[-1],
    }


def site_root(request):
    """The site's scheme and host, e.g. ``https://news.example``, from a request."""
    return request.build_absolute_uri("/").rstrip("/")


def attribution(brief, base_url, publication=None):
    """The byline, attribution footer and license notice for ``brief``.

    ``base_url`` is the site's scheme and host (see ``site_root``); every link
    is absolute so the text works wherever it is pasted. Texts are in the
    brief's language.
    """
    if publication is None:
        from newsroom.publication.models import Publication

        publication = Publication.load()
    license = brief.license
    url = base_url + brief.get_absolute_url()
    deed_url = license.deed_url if license else ""
    with translation.override(brief.language):
        values = {
            "publication": Value(publication.name, url),
            "headline": Value(brief.title),
            "url": Value(url, url),
            "license": Value(
                license.short_name if license else gettext("All rights reserved"),
                deed_url,
                "license",
            ),
            "deed_url": Value(deed_url, deed_url, "license"),
        }
        names = join_names(author.name for author in brief_authors(brief))
        if names:
            byline = gettext("By %(authors)s, %(publication)s")
        else:
            byline = gettext("By %(publication)s")
        byline_html = mark_safe(
            escape(byline)
            % {"authors": escape(names), "publication": _link(values["publication"])}
        )
        byline_text = byline % {
            "authors": names,
            "publication": f"{publication.name} ({url})",
        }
        footer = license.localized("attribution") if license else ""
        notice = license.localized("footer_text") if license else "© {publication}"
        return Attribution(
            url=url,
            deed_url=deed_url,
            byline_html=byline_html,
            footer_html=render_license_text(footer, values),
            notice_html=render_license_text(notice, values),
            byline_text=byline_text,
            footer_text=render_license_text(footer, values, html=False),
            notice_text=render_license_text(notice, values, html=False),
        )


def may_republish(brief):
    """Whether the brief's license lets other outlets republish it."""
    return bool(brief.license_id and brief.license.allows_republishing)


def absolute_links(html, page_url):
    """Make every link address in the brief's sanitised ``html`` absolute."""
    return resolve_urls(html, page_url)


def tracking_image_url(brief, base_url):
    return base_url + reverse("tracking:pixel", kwargs={"brief_id": brief.pk})


def republish_html(brief, base_url, publication=None):
    """The brief as other outlets paste it, attribution at the top and bottom.

    Byline, headline, the featured image when the license covers it, the news,
    the analysis under its heading, the attribution footer and a 1×1 tracking
    image. Used by the republish page and the license-attribution feed.
    """
    if publication is None:
        from newsroom.publication.models import Publication

        publication = Publication.load()
    credit = attribution(brief, base_url, publication)
    parts = [
        format_html('<p class="republished-byline">{}</p>', credit.byline_html),
        format_html("<h1>{}</h1>", brief.title),
    ]
    if brief.featured_image and brief.image_license_covered:
        caption = " ".join(
            part for part in (brief.image_caption, brief.image_credit) if part
        )
        # A web-sized JPEG with its size (no layout shift on their page), or
        # the upload itself when no rendition can be made of it.
        image = images.share_rendition(brief.featured_image, REPUBLISH_IMAGE_WIDTH)
        size = (
            format_html(' width="{}" height="{}"', image.width, image.height)
            if image
            else ""
        )
        parts.append(
            format_html(
                '<figure><img src="{}" alt="{}"{}>{}</figure>',
                urljoin(credit.url, (image or brief.featured_image).url),
                brief.image_alt,
                size,
                format_html("<figcaption>{}</figcaption>", caption) if caption else "",
            )
        )
    parts.append(mark_safe(absolute_links(brief.news, credit.url)))
    if brief.analysis:
        parts.append(
            format_html("<h2>{}</h2>", brief.get_analysis_heading(publication))
        )
        parts.append(mark_safe(absolute_links(brief.analysis, credit.url)))
    if credit.footer_html:
        parts.append(
            format_html('<p class="republished-footer">{}</p>', credit.footer_html)
        )
    parts.append(
        format_html(
            '<img src="{}" alt="" width="1" height="1" referrerpolicy="origin">',
            tracking_image_url(brief, base_url),
        )
    )
    return mark_safe("\n".join(str(part) for part in parts))


def republish_text(brief, base_url, publication=None):
    """The same article as plain text, links written out in parentheses."""
    if publication is None:
        from newsroom.publication.models import Publication

        publication = Publication.load()
    credit = attribution(brief, base_url, publication)
    parts = [credit.byline_text, brief.title]
    parts.append(html_to_text(absolute_links(brief.news, credit.url)))
    if brief.analysis:
        parts.append(brief.get_analysis_heading(publication))
        parts.append(html_to_text(absolute_links(brief.analysis, credit.url)))
    if credit.footer_text:
        parts.append(credit.footer_text)
    return "\n\n".join(part for part in parts if part) + "\n"


class _TextWriter(HTMLParser):
    """Plain text from the rich-text subset the briefs use."""

    BLOCKS = {"p", "h2", "h3", "h4", "blockquote", "ul", "ol", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = []
        self.links = []

    def flush(self):
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.current))
        text = "\n".join(line.strip() for line in text.split("\n")).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.flush()
        elif tag == "li":
            if self.current and "".join(self.current).strip():
                self.current.append("\n")
            self.current.append("- ")
        elif tag == "br":
            self.current.append("\n")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.current)))

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.flush()
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.current[start:]).strip()
            if href and href != label and not href.startswith("#"):
                self.current.append(f" ({href})")

    def handle_data(self, data):
        self.current.append(data.replace("\n", " "))

    def text(self):
        self.close()
        self.flush()
        return "\n\n".join(self.blocks)


def html_to_text(html):
    writer = _TextWriter()
    writer.feed(html)
    return writer.text()
