"""The briefs app's models, one module per part; import them from here."""

from .authors import Author, BriefAuthor
from .brief import (
    HEAVY_FIELDS,
    LINK_FIELDS,
    RICH_TEXT_EXTENSIONS,
    Brief,
    BriefQuerySet,
)
from .links import RelatedBrief, SeeAlsoLink
from .taxonomy import (
    ArchiveTag,
    Country,
    Language,
    LocalizedNameMixin,
    Section,
    TaggedCountry,
    TaggedTopic,
    Topic,
)

__all__ = [
    "HEAVY_FIELDS",
    "LINK_FIELDS",
    "RICH_TEXT_EXTENSIONS",
    "ArchiveTag",
    "Author",
    "Brief",
    "BriefAuthor",
    "BriefQuerySet",
    "Country",
    "Language",
    "LocalizedNameMixin",
    "RelatedBrief",
    "Section",
    "SeeAlsoLink",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
]
