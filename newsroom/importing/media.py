"""Images from a copy of the old site's ``wp-content/uploads`` folder.

Nothing is downloaded: an image is used when its file is in ``--media-dir``
and is a real image within the site's limits, and is reported otherwise.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File

from newsroom.validators import validate_image_upload

UPLOADS = "/wp-content/uploads/"


def upload_path(url):
    """``https://old.example/wp-content/uploads/2024/03/a.jpg`` → ``2024/03/a.jpg``."""
    path = unquote(urlsplit(url).path)
    if UPLOADS in path:
        return path.split(UPLOADS, 1)[1]
    return path.lstrip("/")


def find(media_dir, url):
    """The file for ``url`` under ``media_dir``, or None (with the reason)."""
    relative = upload_path(url)
    if not relative:
        return None, "an image without an address"
    if media_dir is None:
        return None, f"image not copied (no --media-dir): {relative}"
    root = Path(media_dir).resolve()
    candidate = (root / relative).resolve()
    if root not in candidate.parents or not candidate.is_file():
        return None, f"image file missing from --media-dir: {relative}"
    with candidate.open("rb") as handle:
        try:
            validate_image_upload(File(handle, name=candidate.name))
        except ValidationError as error:
            return None, f"image refused ({' '.join(error.messages)}): {relative}"
    return candidate, ""


def attach(brief, path):
    """Copy the file at ``path`` into the brief's featured image (not saved)."""
    with Path(path).open("rb") as handle:
        brief.featured_image.save(path.name, File(handle), save=False)
