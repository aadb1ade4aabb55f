"""Which WordPress categories and tags are countries, and their names.

Country names come from pycountry (the ISO 3166 list with its translations):
its English names, common and official ones, and their Spanish translations
from pycountry's own gettext catalogue. Everything else is a topic.
"""

import gettext
import unicodedata
from functools import lru_cache

import pycountry


def normalized(name):
    """``"  Perú "`` → ``"peru"``: case, accents and spacing do not matter."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join(
        "".join(char for char in decomposed if not unicodedata.combining(char)).split()
    )


@lru_cache(maxsize=1)
def _countries():
    """Every spelling we recognise → (English name, Spanish name)."""
    spanish = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True
    )
    known = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        names = {
            country.name,
            english,
            getattr(country, "official_name", None) or country.name,
        }
        translated = {spanish.gettext(name) for name in names}
        spanish_name = spanish.gettext(english)
        if spanish_name == english:
            # "Bolivia, Estado Plurinacional de": the name readers use.
            spanish_name = spanish.gettext(country.name).split(",")[0].strip()
        for name in names | translated:
            known.setdefault(normalized(name), (english, spanish_name))
    return known


def country_names(name):
    """(English name, Spanish name) when ``name`` is a country, else None."""
    return _countries().get(normalized(name))
