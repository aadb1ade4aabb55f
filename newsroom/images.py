"""Responsive renditions of uploaded images, made by sorl-thumbnail.

An image is shown in a few widths (``WIDTHS``), each in WebP and in JPEG for
browsers without WebP. sorl-thumbnail makes each rendition the first time a
page asks for it, writes it through the default storage (files under
MEDIA_ROOT, or the S3 store) and remembers its name and size in a key-value
store. That store is ``CacheKVStore``, on the "thumbnails" cache: a page asks
it about every rendition, so it must cost no SQL query. If the cache loses an
entry, sorl finds the file already in the storage and only reads its size
again; it never makes a rendition twice.
"""

import logging

from django.core.cache import caches
from sorl.thumbnail import get_thumbnail
from sorl.thumbnail.conf import settings as thumbnail_settings
from sorl.thumbnail.kvstores.base import KVStoreBase

# Widths a layout may ask for, in pixels: a phone's card, the brief's column
# (42rem) on a normal and on a high-density screen.
WIDTHS = (480, 800, 1200)
WEBP = "WEBP"
FALLBACK = "JPEG"
QUALITY = 80
logger = logging.getLogger(__name__)
# The share image (Open Graph, Twitter): wide, in a format every reader takes.
SHARE_WIDTH = 1200


class CacheKVStore(KVStoreBase):
    """sorl-thumbnail's key-value store on a Django cache alone: no SQL.

    sorl 13 steers users to its cached-database store, which falls back to a
    query on every cache miss: one per rendition on a cold page. The base
    class's ``__init__`` only warns about that choice, so it is not called.
    """

    def __init__(self):
        pass

    @property
    def cache(self):
        return caches[thumbnail_settings.THUMBNAIL_CACHE]

    def _get_raw(self, key):
        return self.cache.get(key)

    def _set_raw(self, key, value):
        self.cache.set(key, value, None)

    def _delete_raw(self, *keys):
        self.cache.delete_many(keys)

    def _find_keys_raw(self, prefix):
        # A cache cannot list its keys; ``thumbnail clear`` is a cache clear.
        return []


def rendition(image, width, image_format=FALLBACK):
    """The ``image`` at most ``width`` pixels wide, never enlarged."""
    return get_thumbnail(
        image, str(width), format=image_format, quality=QUALITY, upscale=False
    )


def responsive(image, widths=WIDTHS):
    """What a ``<picture>`` of ``image`` needs: its renditions and its size.

    None when the image cannot be read. Widths the original is too small for collapse into one rendition at its
    own width. ``width`` and ``height`` are those of the largest rendition,
    so the browser reserves the right space before any file arrives.
    """
    webp, fallback = {}, {}
    try:
        for width in widths:
            for found, image_format in ((webp, WEBP), (fallback, FALLBACK)):
                thumbnail = rendition(image, width, image_format)
                if thumbnail.size is None:
                    # sorl could not read the original (a missing file).
                    return None
                found.setdefault(thumbnail.width, thumbnail)
    except Exception:
        # A broken upload or an unreachable store costs the image, not the page.
        logger.exception("No renditions of %s", image.name)
        return None
    largest = fallback[max(fallback)]
    return {
        "webp_srcset": srcset(webp),
        "srcset": srcset(fallback),
        "src": fallback[min(fallback)].url,
        "width": largest.width,
        "height": largest.height,
    }


def srcset(renditions):
    return ", ".join(
        f"{thumb.url} {width}w" for width, thumb in sorted(renditions.items())
    )


def share_rendition(image, width=SHARE_WIDTH):
    """The JPEG rendition for share cards (or, with ``width``, for pasting into
    other sites), or None when the image is unreadable."""
    try:
        thumbnail = rendition(image, width)
    except Exception:
        logger.exception("No %spx rendition of %s", width, image.name)
        return None
    return thumbnail if thumbnail.size is not None else None
