"""Validation of uploaded images: real images only, within size and pixel limits.

Used by every ImageField editors upload to (featured images, author photos,
license badges). Pillow reads the header for the dimensions and then checks
the whole file, so a renamed text file, a truncated upload or a "decompression
bomb" (a small file that decodes to billions of pixels) is refused with a form
error instead of reaching the site or crashing a worker.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Formats browsers display and editors plausibly upload.
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


@deconstructible
class ImageUploadValidator:
    """Refuse files that are not images, or bigger than the configured limits.

    Limits come from ``NEWSROOM_IMAGE_MAX_BYTES`` and
    ``NEWSROOM_IMAGE_MAX_PIXELS`` at validation time, so they are settings,
    not part of the migrations.
    """

    messages = {
        "too_big": _("The file is %(size)s; images may be at most %(limit)s."),
        "not_image": _(
            "Upload a JPEG, PNG, GIF or WebP image; this file is not one or is damaged."
        ),
        "too_many_pixels": _(
            "The image is %(width)s × %(height)s pixels; images may have at most "
            "%(limit)s megapixels."
        ),
    }

    def __call__(self, file):
        if isinstance(file, FieldFile) and file._committed:
            # Already stored (validated when it was uploaded): saving a brief
            # again must not read, or depend on, the stored file.
            return
        max_bytes = settings.NEWSROOM_IMAGE_MAX_BYTES
        max_pixels = settings.NEWSROOM_IMAGE_MAX_PIXELS
        size = getattr(file, "size", None)
        if size is not None and size > max_bytes:
            raise ValidationError(
                self.messages["too_big"],
                code="too_big",
                params={
                    "size": filesizeformat(size),
                    "limit": filesizeformat(max_bytes),
                },
            )
        try:
            file.seek(0)
            with warnings.catch_warnings():
                # Pillow warns about (or refuses) huge images: our own limit
                # below gives the editor a clear message instead.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(file) as image:
                    width, height = image.size
                    image_format = image.format
                    if width * height > max_pixels:
                        raise ValidationError(
                            self.messages["too_many_pixels"],
                            code="too_many_pixels",
                            params={
                                "width": width,
                                "height": height,
                                "limit": f"{max_pixels / 1_000_000:g}",
                            },
                        )
                    image.verify()
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises many kinds for a bad file
            raise ValidationError(
                self.messages["not_image"], code="not_image"
            ) from error
        finally:
            if hasattr(file, "seek"):
                file.seek(0)
        if image_format not in ALLOWED_FORMATS:
            raise ValidationError(self.messages["not_image"], code="not_image")

    def __eq__(self, other):
        return isinstance(other, ImageUploadValidator)


validate_image_upload = ImageUploadValidator()


@deconstructible
class SquareImageValidator:
    """Refuse images that are not square or smaller than ``min_side`` pixels
    (site icons). Files that are not images are left to ImageUploadValidator."""

    message = _(
        "The image is %(width)s × %(height)s pixels; use a square image of at "
        "least %(min_side)s × %(min_side)s pixels."
    )

    def __init__(self, min_side=180):
        self.min_side = min_side

    def __call__(self, file):
        if isinstance(file, FieldFile) and file._committed:
            return
        try:
            width, height = get_image_dimensions(file)
        except Exception:  # not an image: the upload validator says so
            return
        if width is None or height is None:
            return
        if width != height or width < self.min_side:
            raise ValidationError(
                self.message,
                code="not_square",
                params={"width": width, "height": height, "min_side": self.min_side},
            )

    def __eq__(self, other):
        return (
            isinstance(other, SquareImageValidator) and other.min_side == self.min_side
        )


validate_square_image = SquareImageValidator()
