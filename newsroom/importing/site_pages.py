"""WordPress pages as the site's own pages (``newsroom.pages.Page``).

A page's text is converted as a post's, but not split into news and
analysis: it is the page's one text. The editors' choices about the site's
structure (whether the footer links the page, its role and its order) are
theirs: a new page is not in the footer, and a second run leaves those
alone.
"""

from newsroom.pages.models import Page

from . import media
from .body import convert, plain, summary, unique_slug


def import_page(item, page, *, language, media_dir, report, label):
    """Fill ``page`` (or a new Page) from the WordPress page ``item``; saved."""
    if page is None:
        page = Page(in_footer=False, role=Page.Role.OTHER)
    body = convert(item.content, split=False)
    for problem in body.problems:
        report.problem(label, problem)
    for image in body.images:
        _path, reason = media.find(media_dir, image.src)
        if not reason:
            reason = (
                "image in the text left out (a page's text holds no images): "
                f"{media.upload_path(image.src)}"
            )
        report.problem(label, reason)
    page.title = plain(item.title)[:200] or f"WordPress page {item.wordpress_id}"
    page.language = language
    page.slug = unique_slug(item, page)
    page.summary = summary(item.excerpt, body.news)[:300]
    page.body = body.news
    # Pages have no scheduled time: anything but "publish" is a draft.
    page.status = (
        Page.Status.PUBLISHED if item.status == "publish" else Page.Status.DRAFT
    )
    if item.status == "private" or item.password:
        page.status = Page.Status.DRAFT
        report.problem(label, "private or password-protected: imported as a draft")
    page.save()
    if item.comments:
        # A page has no reader messages: its comments are left out.
        report.note("comments skipped (on a page)", len(item.comments))
    return page
