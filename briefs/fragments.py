"""Keys for the brief page's own fragments.

A brief page is cached whole under the site-wide content version, which any
edit anywhere renews. Its own text (headline, byline, news, analysis, tags)
is also kept as ``{% cache %}`` fragments under a key of its own, so that an
edit to one brief does not make every other brief's text render again.

The key is what those fragments show: the brief's ``updated_at`` for its own
columns, the name of its featured image (whose renditions sorl-thumbnail
names after it), and the values they take from other rows (the section, the kicker,
the authors, the tags, the see-also targets and whether they are public, the
translation, the license, the analysis heading), all loaded for the page
anyway. An edit to any of those rows changes the key at once; nothing else
has to be told.
"""

import hashlib

from django.utils.translation import get_language


def _tag(tag):
    return tag and (tag.pk, tag.name, tag.name_es, tag.slug)


def shown_values(brief, publication, site_root):
    """What the brief's own fragments show, beyond the brief's columns."""
    translation = brief.translation
    license = brief.license
    return (
        get_language(),
        site_root,
        brief.pk,
        brief.updated_at.isoformat(),
        # The image's file: a new one shows at once, however it was set.
        brief.featured_image.name,
        brief.is_public,
        (brief.section.name, brief.section.name_es, brief.section.slug),
        _tag(brief.primary_country),
        _tag(brief.primary_topic),
        [(line.author.name, line.author.slug) for line in brief.bylines],
        [_tag(tag) for tag in brief.countries.all()],
        [_tag(tag) for tag in brief.topics.all()],
        [
            (
                link.pk,
                link.label,
                link.get_target_url(),
                link.target_brief is None or link.target_brief.is_public,
            )
            for link in brief.see_also.all()
        ],
        translation and (translation.get_absolute_url(), translation.is_public),
        license and (license.pk, license.updated_at.isoformat()),
        brief.get_analysis_heading(publication),
    )


def own_part_key(brief, publication, site_root):
    """A short digest of ``shown_values``, for ``{% cache %}``'s key."""
    shown = repr(shown_values(brief, publication, site_root)).encode()
    return hashlib.sha256(shown).hexdigest()[:32]
