"""The header menu and the site footer, shown on every public page.

base.html keeps both in ``{% cache %}`` fragments under the content version,
so their queries run once per language until the content changes.
"""

from django import template
from django.utils.translation import get_language

from ..models import MenuItem, Page

register = template.Library()


@register.inclusion_tag("includes/site_menu.html")
def site_menu():
    """The header menu of the current language, in the editor's order."""
    items = MenuItem.objects.filter(language=get_language()).select_related(
        "section", "country", "topic", "page"
    )
    # A menu item pointing to a draft page is left out until it is published.
    return {
        "menu_items": [
            item for item in items if item.page is None or item.page.is_public
        ]
    }


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    """The publication's about line, its pages, feeds, license and social links."""
    pages = list(
        Page.objects.published()
        .in_language()
        .only("title", "slug", "language", "role", "in_footer")
    )
    by_role = {page.role: page for page in pages if page.role}
    return {
        "publication": context["publication"],
        "footer_pages": [page for page in pages if page.in_footer],
        "about_page": by_role.get(Page.Role.ABOUT),
        "donate_page": by_role.get(Page.Role.DONATE),
        "republishing_page": by_role.get(Page.Role.REPUBLISHING),
    }
