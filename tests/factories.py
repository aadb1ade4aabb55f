"""Small helpers that make test data. Dates are relative to now."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from briefs.models import Author, Brief, BriefAuthor, Country, Section, Topic

_counter = itertools.count(1)


def unique(prefix):
    return f"{prefix}-{next(_counter)}"


def make_section(**kwargs):
    slug = kwargs.pop("slug", None) or unique("section")
    defaults = {"name": slug.replace("-", " ").title()}
    defaults.update(kwargs)
    return Section.objects.get_or_create(slug=slug, defaults=defaults)[0]


def make_country(name=None, **kwargs):
    name = name or unique("Country")
    return Country.objects.create(name=name, **kwargs)


def make_topic(name=None, **kwargs):
    name = name or unique("Topic")
    return Topic.objects.create(name=name, **kwargs)


def make_author(name=None, **kwargs):
    name = name or unique("Author")
    return Author.objects.create(
        name=name, slug=kwargs.pop("slug", None) or slugify(name), **kwargs
    )


def make_brief(
    title=None,
    *,
    authors=(),
    countries=(),
    topics=(),
    published=True,
    when=None,
    **kwargs,
):
    """A brief, published an hour ago unless told otherwise."""
    title = title or unique("Brief")
    values = {
        "title": title,
        "slug": kwargs.pop("slug", None) or slugify(title),
        "summary": f"Summary of {title}.",
        "news": f"<p>News of {title}.</p><p>Second paragraph.</p>",
        "analysis": f"<p>Analysis of {title}.</p>",
        "language": "en",
        "status": Brief.Status.PUBLISHED if published else Brief.Status.DRAFT,
        "published_at": when or (timezone.now() - timedelta(hours=1)),
    }
    values.update(kwargs)
    if "section" not in values:
        values["section"] = make_section(slug="news", name="News")
    brief = Brief.objects.create(**values)
    for order, author in enumerate(authors):
        BriefAuthor.objects.create(brief=brief, author=author, order=order)
    if countries:
        brief.countries.set(countries)
    if topics:
        brief.topics.set(topics)
    brief.set_default_kicker()
    return brief


def make_user(
    username=None, *, superuser=False, groups=(), password="correct-horse-42"
):
    User = get_user_model()
    username = username or unique("user")
    if superuser:
        user = User.objects.create_superuser(
            username=username, password=password, email=""
        )
    else:
        user = User.objects.create_user(
            username=username, password=password, is_staff=True
        )
    for group in groups:
        user.groups.add(group)
    return user


def make_prompt(**kwargs):
    """An enabled, untargeted English donation prompt at the end of briefs."""
    from newsroom.fundraising.models import DonationPrompt

    countries = kwargs.pop("countries", ())
    topics = kwargs.pop("topics", ())
    sections = kwargs.pop("sections", ())
    name = kwargs.pop("name", None) or unique("Prompt")
    values = {
        "heading": f"Heading of {name}",
        "message": f"Message of {name}.",
        "button_label": "Donate",
        "url": "https://example.org/donate",
        "placement": "end",
        "language": "en",
    }
    values.update(kwargs)
    prompt = DonationPrompt.objects.create(name=name, **values)
    prompt.countries.set(countries)
    prompt.topics.set(topics)
    prompt.sections.set(sections)
    return prompt


def role(name):
    """The ``Contributor`` or ``Editor`` group, as the roles migration seeds it.

    Transactional tests (the browser ones) empty the database afterwards; the
    migration's own function seeds the groups again then.
    """
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name=name).first()
    if group is None:
        migration = importlib.import_module(
            "newsroom.publication.migrations.0003_editorial_roles"
        )
        migration.create_roles(apps, None)
        group = Group.objects.get(name=name)
    return group


def make_contributor(username=None, **kwargs):
    return make_user(username, groups=[role("Contributor")], **kwargs)


def make_editor(username=None, **kwargs):
    return make_user(username, groups=[role("Editor")], **kwargs)
