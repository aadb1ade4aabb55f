"""Turning a brief's stored text into what the page shows."""

from django.utils.html import format_html

from newsroom.html import split_blocks


def with_see_also(html, links):
    """Insert "See also" asides after the paragraphs the editor chose.

    A link whose paragraph number is past the end of the text goes at the end.
    """
    if not links:
        return html
    blocks = split_blocks(html)
    by_position = {}
    for link in links:
        position = min(max(link.after_paragraph, 1), len(blocks)) if blocks else 0
        by_position.setdefault(position, []).append(link)
    parts = [] if blocks else [html]
    for index, block in enumerate(blocks, start=1):
        parts.append(block)
        for link in by_position.get(index, []):
            parts.append(see_also_aside(link))
    if not blocks:
        parts.extend(see_also_aside(link) for link in by_position.get(0, []))
    return "".join(str(part) for part in parts)


def see_also_aside(link):
    from django.utils.translation import gettext

    return format_html(
        '<aside class="see-also"><span class="see-also-label">{}</span> '
        '<a href="{}">{}</a></aside>',
        gettext("See also:"),
        link.get_target_url(),
        link.label,
    )
