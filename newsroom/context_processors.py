from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def language_switch(request):
    """Links to the same page in the site's other languages.

    ``translate_url`` maps a language-prefixed URL to the other prefix (an
    archive to the same archive, a search to the same search); views whose
    address differs per language (a brief and its translation) override it.
    """
    current = get_language()
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        url = translate_url(path, code)
        if url == path:
            url = f"/{code}/"
        links.append(
            {"code": code, "name": get_language_info(code)["name_local"], "url": url}
        )
    return {"language_links": links}
