"""The index of an export read in a first pass, and its terms as tags.

Posts can name attachments, authors and other posts that come later in the
file; the first pass keeps the little the second one needs about each.
"""

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from django.utils.text import slugify

from briefs.models import Author, Country, Topic

from .body import Image, plain
from .mapping import country_names
from .redirects import old_path
from .wxr import read


@dataclass
class Index:
    site: dict = field(default_factory=dict)
    authors: dict = field(default_factory=dict)  # login → display name
    categories: dict = field(default_factory=dict)  # nicename → (name, parent)
    tags: dict = field(default_factory=dict)  # slug → name
    attachments: dict = field(default_factory=dict)  # id → Image
    paths: dict = field(default_factory=dict)  # old path → post id
    items: int = 0

    @property
    def key(self):
        """What names the old site in ImportedPost and ImportedComment."""
        return (self.site.get("base_url") or self.site.get("link") or "").rstrip("/")

    def category_path(self, nicename):
        parts, seen = [], set()
        while nicename and nicename not in seen:
            seen.add(nicename)
            parts.insert(0, nicename)
            nicename = self.categories.get(nicename, ("", ""))[1]
        return "/category/" + "/".join(parts) + "/"

    def post_id_of(self, url):
        """The WordPress id a link to the old site points at, or None."""
        parts = urlsplit(url)
        home = urlsplit(self.key)
        if parts.netloc and parts.netloc != home.netloc:
            return None
        if parts.path in ("", "/"):
            value = (parse_qs(parts.query).get("p") or [""])[0]
            return int(value) if value.isdigit() else None
        return self.paths.get(old_path(url))


def build_index(source):
    index = Index()
    for kind, value in read(source):
        if kind == "site":
            index.site = dict(value)
        elif kind == "author":
            login = value.get("login", "")
            index.authors[login] = value.get("display_name") or login
        elif kind == "category":
            index.categories[value.get("nicename", "")] = (
                plain(value.get("cat_name", "")),
                value.get("parent", ""),
            )
        elif kind == "tag":
            index.tags[value.get("slug", "")] = plain(value.get("name", ""))
        elif kind == "item":
            index.items += 1
            item = value
            if item.post_type == "attachment":
                index.attachments[item.wordpress_id] = Image(
                    item.attachment_url or item.guid,
                    item.meta.get("_wp_attachment_image_alt", ""),
                    plain(item.excerpt),
                )
            elif (path := old_path(item.link)) and item.post_type in ("post", "page"):
                index.paths[path] = item.wordpress_id
    return index


class Tags:
    """Countries and topics by WordPress term name, made on first use."""

    def __init__(self, language):
        self.language = language
        self.countries, self.topics = {}, {}
        self.created = {"countries": 0, "topics": 0}

    def country(self, name):
        if name not in self.countries:
            english, spanish = country_names(name)
            country = (
                Country.objects.filter(slug=slugify(english)).first()
                or Country.objects.filter(name__iexact=english).first()
            )
            if country is None:
                country = Country.objects.create(
                    name=english, slug=slugify(english), name_es=spanish
                )
                self.created["countries"] += 1
            self.countries[name] = country
        return self.countries[name]

    def topic(self, name):
        if name not in self.topics:
            topic = Topic.objects.filter(name__iexact=name).first()
            if topic is None:
                topic = Topic.objects.create(name=name)
                self.created["topics"] += 1
            self.topics[name] = topic
        return self.topics[name]

    def tag(self, name):
        """The country or topic a category or tag called ``name`` is."""
        return self.country(name) if country_names(name) else self.topic(name)


def author(login, index):
    """The Author for a WordPress login, made or renamed as the export says."""
    name = index.authors.get(login) or login
    slug = slugify(login) or slugify(name) or "author"
    found, created = Author.objects.get_or_create(slug=slug, defaults={"name": name})
    if not created and found.name != name and login in index.authors:
        found.name = name
        found.save(update_fields=["name"])
    return found, created
