"""The ``<field>_es`` convention: editor texts with a Spanish variant."""

from django.utils.translation import get_language


class SpanishVariants:
    """For models whose reader-facing texts have a ``<field>_es`` companion."""

    def localized(self, field):
        """The Spanish variant of ``field`` on Spanish pages, when it is filled in."""
        if get_language() == "es":
            value = getattr(self, f"{field}_es", "")
            if value:
                return value
        return getattr(self, field)
