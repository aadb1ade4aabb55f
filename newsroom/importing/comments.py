"""WordPress comments as reader messages in the editors' inbox.

Only approved comments are kept, as messages already read; an
ImportedComment marks each one so that a second run updates it.
"""

from datetime import UTC

from newsroom.feedback.models import MAX_TEXT, ReaderMessage

from .body import plain
from .models import ImportedComment
from .wxr import parse_date


def import_comments(comments, brief, site, report):
    """Approved comments as reader messages; the rest counted in ``report``."""
    for comment in comments:
        approved = comment.get("comment_approved", "")
        if comment.get("comment_type") in ("pingback", "trackback"):
            report.note("pingbacks and trackbacks skipped")
            continue
        if approved != "1":
            reason = {"spam": "spam", "trash": "in the trash"}.get(
                approved, "not approved"
            )
            report.note(f"comments skipped ({reason})")
            continue
        import_comment(comment, brief, site, report)


def import_comment(comment, brief, site, report):
    wordpress_id = int(comment.get("comment_id") or 0)
    fields = {
        "brief": brief,
        "name": plain(comment.get("comment_author", ""))[:120] or "—",
        "email": comment.get("comment_author_email", "").strip()[:254],
        "message": plain(comment.get("comment_content", ""))[:MAX_TEXT],
        "language": brief.language,
    }
    known = (
        ImportedComment.objects.filter(site=site, wordpress_id=wordpress_id)
        .select_related("message")
        .first()
    )
    if known:
        ReaderMessage.objects.filter(pk=known.message_id).update(**fields)
        report.count("comments", "updated")
    else:
        message = ReaderMessage.objects.create(state=ReaderMessage.State.READ, **fields)
        ImportedComment.objects.create(
            message=message, site=site, wordpress_id=wordpress_id
        )
        report.count("comments", "created")
        known = ImportedComment(message=message)
    sent = parse_date(comment.get("comment_date_gmt", ""))
    if sent is not None:
        ReaderMessage.objects.filter(pk=known.message_id).update(
            created_at=sent.replace(tzinfo=UTC)
        )
