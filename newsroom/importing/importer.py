"""Turning the posts, pages and comments of a WXR export into briefs and pages."""

from datetime import UTC

from django.db import DatabaseError, transaction
from django.utils import timezone, translation

from briefs.models import Brief, BriefAuthor, Language, SeeAlsoLink
from newsroom.pages.models import Page
from newsroom.publication.models import Publication

from . import media, redirects
from .body import convert, plain, summary, unique_slug
from .comments import import_comments
from .models import ImportedPost
from .report import Report
from .site_pages import import_page
from .terms import Tags, author, build_index
from .wxr import parse_date, read

IMPORTED_TYPES = ("post", "page")
# WordPress statuses → a brief's; private and password-protected posts are
# drafts whatever their status says.
STATUSES = {
    "publish": Brief.Status.PUBLISHED,
    "future": Brief.Status.PUBLISHED,
    "draft": Brief.Status.DRAFT,
    "pending": Brief.Status.DRAFT,
    "auto-draft": Brief.Status.DRAFT,
}
LANGUAGE_META = ("_icl_lang_code", "wpml_language", "_wpml_language")
TRANSLATION_META = ("_icl_trid", "wpml_trid", "_wpml_trid")


class Importer:
    def __init__(
        self,
        source,
        *,
        language=Language.ENGLISH,
        analysis_headings=(),
        section,
        pages_section=None,
        skip_pages=False,
        media_dir=None,
        dry_run=False,
        batch_size=50,
        progress=None,
    ):
        self.source = source
        self.language = language
        self.analysis_headings = analysis_headings
        self.section = section
        # Pages: briefs in ``pages_section`` when there is one, else Pages.
        self.pages_section = pages_section
        self.skip_pages = skip_pages
        self.media_dir = media_dir
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.progress = progress or (lambda line: None)
        self.report = Report()
        self.tags = Tags(language)
        self.see_also = []  # (brief id, SeeAlso)
        self.translation_groups = {}  # (model, group key) → [(id, language)]
        self.publication = Publication.load()

    def run(self):
        self.index = build_index(self.source)
        self.report.source = self.index.key or str(self.source)
        self.progress(f"Read the export: {self.index.items} items.")
        # Dry runs: the command rolls back one transaction around it all.
        self.import_items()
        with transaction.atomic():
            self.link()
        return self.report

    # Passes

    def import_items(self):
        batch, read_so_far = [], 0
        for kind, item in read(self.source):
            if kind != "item":
                continue
            read_so_far += 1
            if item.post_type not in IMPORTED_TYPES:
                if item.post_type != "attachment":
                    self.report.note(f"{item.post_type} items skipped")
                continue
            if item.post_type == "page" and self.skip_pages:
                self.report.count("pages", "skipped")
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                self.import_batch(batch)
                batch = []
                self.progress(self.report.progress(read_so_far))
        if batch:
            self.import_batch(batch)
        self.progress(self.report.progress(read_so_far))
        for kind, number in self.tags.created.items():
            self.report.count(kind, "created", number)
        self.archive_redirects()

    def import_batch(self, items):
        # One transaction per batch, and a savepoint per item, so an item that
        # fails leaves nothing of it behind.
        with transaction.atomic():
            for item in items:
                try:
                    with transaction.atomic():
                        self.import_item(item)
                except (DatabaseError, ValueError, OSError) as error:
                    self.tags.countries.clear()
                    self.tags.topics.clear()
                    self.report.count(self.kind(item), "skipped")
                    self.report.problem(self.label(item), f"not imported ({error})")

    def kind(self, item):
        return "pages" if item.post_type == "page" else "posts"

    def label(self, item):
        title = plain(item.title) or "(no title)"
        return f"{item.post_type} {item.wordpress_id} “{title}”"

    # One post or page

    def import_item(self, item):
        label = self.label(item)
        if item.status in ("trash", "inherit"):
            self.report.count(self.kind(item), "skipped")
            self.report.note(f"{self.kind(item)} in the trash skipped")
            return
        imported = (
            ImportedPost.objects.filter(
                site=self.index.key, wordpress_id=item.wordpress_id
            )
            .select_related("brief", "page")
            .first()
        )
        as_page = item.post_type == "page" and self.pages_section is None
        if imported and (imported.page if as_page else imported.brief) is None:
            before = "brief" if as_page else "page"
            self.report.problem(
                label, f"was a {before}: that {before} is left as it is"
            )
        if as_page:
            target = import_page(
                item,
                imported.page if imported else None,
                language=self.language_of(item, label),
                media_dir=self.media_dir,
                report=self.report,
                label=label,
            )
            image_source = ""
        else:
            target, body, image_source = self.import_brief(item, imported, label)
        imported, created = ImportedPost.objects.update_or_create(
            site=self.index.key,
            wordpress_id=item.wordpress_id,
            defaults={
                "brief": None if as_page else target,
                "page": target if as_page else None,
                "guid": item.guid[:500],
                "old_path": redirects.old_path(item.link)[:500],
                "image_source": image_source[:500],
            },
        )
        self.report.count(self.kind(item), "created" if created else "updated")
        self.old_address(item, target, label)
        if not as_page:
            import_comments(item.comments, target, self.index.key, self.report)
            # The see-also links of an imported brief are the export's: a line
            # removed in WordPress goes on a second run. They are made again
            # once every post is there to point at (``link``).
            SeeAlsoLink.objects.filter(brief=target).delete()
            self.see_also.extend((target.pk, link) for link in body.see_also)
        # Last: an item that failed above (rolled back) is in no group.
        if group := self.translation_group(item):
            self.translation_groups.setdefault((type(target), group), []).append(
                (target.pk, target.language)
            )

    def import_brief(self, item, imported, label):
        """The brief of a post (or a page in ``pages_section``), saved, with its
        bylines and tags; returns it, its converted text and its image's file."""
        brief = imported.brief if imported and imported.brief else Brief()
        body = convert(item.content, self.analysis_headings)
        for problem in body.problems:
            self.report.problem(label, problem)

        brief.title = (
            plain(item.title)[:200] or f"WordPress {item.post_type} {item.wordpress_id}"
        )
        brief.language = self.language_of(item, label)
        brief.slug = unique_slug(item, brief)
        brief.summary = summary(item.excerpt, body.news)[:400]
        brief.news = body.news
        brief.analysis = body.analysis
        default_heading = self.default_heading(brief.language)
        brief.analysis_heading = (
            body.analysis_heading[:120]
            if body.analysis and body.analysis_heading != default_heading
            else ""
        )
        brief.section = self.pages_section if item.post_type == "page" else self.section
        brief.status = STATUSES.get(item.status, Brief.Status.DRAFT)
        if item.status == "private" or item.password:
            brief.status = Brief.Status.DRAFT
            self.report.problem(
                label, "private or password-protected: imported as a draft"
            )
        published = parse_date(item.date_gmt)
        if published is not None:
            published = published.replace(tzinfo=UTC)
        elif (local := parse_date(item.date)) is not None:
            published = timezone.make_aware(local)
        brief.published_at = published
        image_source = self.featured_image(item, body, brief, label, imported)
        brief.save()
        self.bylines(item, brief)
        self.file_under(item, brief)
        return brief, body, image_source

    def language_of(self, item, label):
        hints = [slug for domain, slug, _name in item.terms if domain == "language"]
        hints += [item.meta[key] for key in LANGUAGE_META if item.meta.get(key)]
        for hint in hints:
            code = hint.lower()[:2]
            if code in Language.values:
                return code
            self.report.problem(label, f"language “{hint}” is not one of the site's")
        return self.language

    def translation_group(self, item):
        for domain, slug, _name in item.terms:
            if domain == "post_translations":
                return f"polylang:{slug}"
        for key in TRANSLATION_META:
            if item.meta.get(key):
                return f"wpml:{item.meta[key]}"
        return None

    def default_heading(self, language):
        with translation.override(language):
            return self.publication.analysis_heading_text()

    def featured_image(self, item, body, brief, label, imported):
        """Set the brief's image from ``_thumbnail_id`` or the text's first image.

        Returns the uploads path it came from ("" for none).
        """
        images = list(body.images)
        thumbnail = item.meta.get("_thumbnail_id", "")
        featured = None
        if thumbnail.isdigit():
            featured = self.index.attachments.get(int(thumbnail))
            if featured is None:
                self.report.problem(
                    label, f"featured image {thumbnail} is not in the export"
                )
        if featured is None and images:
            featured = images.pop(0)
        for image in images:
            path, reason = media.find(self.media_dir, image.src)
            if path is not None:
                reason = (
                    "image in the text left out (a brief's text holds no "
                    f"images): {media.upload_path(image.src)}"
                )
            if image.caption:
                reason += f", caption “{image.caption}”"
            self.report.problem(label, reason)
        if featured is None:
            return ""
        relative = media.upload_path(featured.src)
        path, reason = media.find(self.media_dir, featured.src)
        if path is None:
            self.report.problem(label, reason)
            return imported.image_source if imported and brief.featured_image else ""
        if not self.dry_run and (
            not brief.featured_image
            or imported is None
            or imported.image_source != relative
        ):
            media.attach(brief, path)
        brief.image_alt = featured.alt[:250]
        brief.image_caption = featured.caption[:300]
        return relative

    def bylines(self, item, brief):
        logins = [item.creator] if item.creator else []
        # Co-Authors Plus lists every byline as an "author" term.
        logins += [
            slug.removeprefix("cap-") or name
            for domain, slug, name in item.terms
            if domain == "author"
        ]
        authors = []
        for login in logins:
            found, created = author(login, self.index)
            if created:
                self.report.count("authors", "created")
            if found not in authors:
                authors.append(found)
        BriefAuthor.objects.filter(brief=brief).delete()
        BriefAuthor.objects.bulk_create(
            BriefAuthor(brief=brief, author=found, order=order)
            for order, found in enumerate(authors)
        )

    def file_under(self, item, brief):
        countries, topics = [], []
        for domain, _slug, name in item.terms:
            if domain not in ("category", "post_tag") or not name:
                continue
            tag = self.tags.tag(plain(name))
            chosen = countries if tag in self.tags.countries.values() else topics
            if tag not in chosen:
                chosen.append(tag)
        brief.countries.set(countries)
        brief.topics.set(topics)
        kicker = countries[0] if countries else None
        Brief.objects.filter(pk=brief.pk).update(primary_country=kicker)

    def old_address(self, item, target, label):
        """The old path redirects to the brief or page (checked again at each
        request: a scheduled brief's is answered once it is public)."""
        path = redirects.old_path(item.link)
        if target.status != type(target).Status.PUBLISHED:
            redirects.forget(path)  # never a redirect to a draft
            return
        if not path:
            return
        kind = "page" if isinstance(target, Page) else "brief"
        if action := redirects.remember(path, **{kind: target}):
            self.report.count("redirects", action)
        else:
            self.report.problem(label, f"old address too long to redirect: {path}")

    # After every post: links between them

    def archive_redirects(self):
        for nicename, (name, _parent) in self.index.categories.items():
            self.archive_redirect(self.index.category_path(nicename), name)
        for slug, name in self.index.tags.items():
            self.archive_redirect(f"/tag/{slug}/", name)

    def archive_redirect(self, path, name):
        tag = self.tags.countries.get(name) or self.tags.topics.get(name)
        if tag is None:
            return  # no imported brief carries it: no archive to go to
        with translation.override(self.language):
            target = tag.get_absolute_url()
        if action := redirects.remember(path, new_path=target):
            self.report.count("redirects", action)

    def link(self):
        by_post = dict(
            ImportedPost.objects.filter(
                site=self.index.key, brief__isnull=False
            ).values_list("wordpress_id", "brief_id")
        )
        archives = {}
        for nicename, (name, _parent) in self.index.categories.items():
            archives[self.index.category_path(nicename)] = name
        for slug, name in self.index.tags.items():
            archives[f"/tag/{slug}/"] = name
        for brief_id, link in self.see_also:
            target = {}
            post = self.index.post_id_of(link.url)
            name = archives.get(redirects.old_path(link.url))
            if post in by_post:
                target["target_brief_id"] = by_post[post]
            elif name in self.tags.countries:
                target["target_country"] = self.tags.countries[name]
            elif name in self.tags.topics:
                target["target_topic"] = self.tags.topics[name]
            else:
                target["url"] = link.url[:200]
            SeeAlsoLink.objects.create(
                brief_id=brief_id,
                label=link.label[:200] or link.url[:200],
                place=link.place,
                after_paragraph=link.after_paragraph,
                **target,
            )
        self.link_translations()

    def link_translations(self):
        for (model, _group), members in self.translation_groups.items():
            original = next(
                (pk for pk, language in members if language == self.language),
                members[0][0],
            )
            languages = {language for pk, language in members if pk == original}
            for pk, language in members:
                if pk != original and language not in languages:
                    languages.add(language)
                    model.objects.filter(pk=pk).update(translation_of_id=original)
