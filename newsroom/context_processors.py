from django.conf import settings
from django.urls import translate_url
from django.utils.functional import cached_property, lazy
from django.utils.translation import get_language, get_language_info

from newsroom import cache


class LanguageLink:
    """A link to the current page in another language.

    ``translate_url`` maps a language-prefixed URL to the other prefix (an
    archive to the same archive, a search to the same search), falling back
    to that language's home page. It resolves and reverses the URL, so it runs
    only when a template asks for ``url``: the brief and republish pages link
    to the translation instead.
    """

    def __init__(self, code, path):
        self.code = code
        self.name = get_language_info(code)["name_local"]
        self.path = path

    @cached_property
    def url(self):
        url = translate_url(self.path, self.code)
        return f"/{self.code}/" if url == self.path else url


def language_switch(request):
    """Links to the same page in the site's other languages."""
    current = get_language()
    path = request.get_full_path()
    return {
        "language_links": [
            LanguageLink(code, path)
            for code, _name in settings.LANGUAGES
            if code != current
        ]
    }


def content_version(request):
    """The site-wide content version, for ``{% cache %}`` fragments' keys.

    Lazy: the cache is read only when a template uses it.
    """
    return {"content_version": lazy(cache.content_version, str)()}
