"""Load the invented demo newsroom, and optionally many generated briefs."""

import importlib
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from briefs import demo_data, demo_images
from briefs.models import (
    Author,
    Brief,
    BriefAuthor,
    Country,
    RelatedBrief,
    Section,
    SeeAlsoLink,
    TaggedCountry,
    TaggedTopic,
    Topic,
)
from briefs.search import update_search_vectors
from newsroom.cache import content_changed
from newsroom.html import sanitize_html
from newsroom.licensing.models import License
from newsroom.publication.models import Publication

GENERATED_PREFIX = "generated-brief-"
# Apps that add their own demo rows (donation prompts, ...) through a `demo` module
# with a `load(command)` function.
DEMO_APPS = [
    "newsroom.licensing",
    "newsroom.fundraising",
    "newsroom.feedback",
    "newsroom.pages",
]


class Command(BaseCommand):
    help = "Load the demo publication (idempotent). --briefs N adds N generated briefs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--briefs",
            type=int,
            default=0,
            help="Make sure N generated briefs exist (deterministic, bulk inserted).",
        )
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, briefs, batch_size, **options):
        if briefs < 0:
            raise CommandError("--briefs must be zero or more")
        with transaction.atomic():
            created = self.load_demo()
        self.stdout.write(f"Demo publication ready ({created} briefs created).")
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError:
                continue
            module.load(self)
        if briefs:
            self.generate(briefs, batch_size)
            # Bulk inserts send no signals: tell the page cache the content changed.
            content_changed()

    # The hand-written demo

    def load_demo(self):
        publication = Publication.load()
        for field, value in demo_data.PUBLICATION.items():
            setattr(publication, field, value)
        publication.save()

        sections = {
            data["slug"]: Section.objects.update_or_create(
                slug=data["slug"], defaults=data
            )[0]
            for data in demo_data.SECTIONS
        }
        countries = {
            data["slug"]: Country.objects.update_or_create(
                slug=data["slug"], defaults=data
            )[0]
            for data in demo_data.COUNTRIES
        }
        topics = {
            data["slug"]: Topic.objects.update_or_create(
                slug=data["slug"], defaults=data
            )[0]
            for data in demo_data.TOPICS
        }
        authors = {
            data["slug"]: Author.objects.update_or_create(
                slug=data["slug"], defaults=data
            )[0]
            for data in demo_data.AUTHORS
        }

        now = timezone.now().replace(second=0, microsecond=0)
        created = 0
        by_slug, spanish = {}, {}
        for data in demo_data.BRIEFS:
            brief, was_created = self.make_brief(
                data, "en", sections, countries, topics, authors, now
            )
            created += was_created
            by_slug[data["slug"]] = brief
            if data.get("translation"):
                translation = dict(data, **data["translation"])
                translation["translation_of"] = brief
                spanish[data["slug"]], was_created = self.make_brief(
                    translation, "es", sections, countries, topics, authors, now
                )
                created += was_created

        for data in demo_data.BRIEFS:
            brief = by_slug[data["slug"]]
            if not (brief.see_also.exists() or brief.related_picks.exists()):
                self.add_see_also(brief, data["see_also"], by_slug, countries, topics)
                for order, slug in enumerate(data.get("related", [])):
                    RelatedBrief.objects.create(
                        brief=brief, related=by_slug[slug], order=order
                    )
            translation = spanish.get(data["slug"])
            if translation is not None and not translation.see_also.exists():
                # The original's links, in Spanish, to the Spanish briefs where
                # there are some.
                labels = data["translation"].get("see_also_labels", [])
                links = [
                    dict(link, label=label)
                    for link, label in zip(data["see_also"], labels, strict=True)
                ]
                targets = {**by_slug, **spanish}
                self.add_see_also(translation, links, targets, countries, topics)
        self.add_images(by_slug, spanish, publication)
        return created

    def add_see_also(self, brief, links, briefs, countries, topics):
        for link in links:
            SeeAlsoLink.objects.create(
                brief=brief,
                label=link["label"],
                place=link.get("place", "news"),
                after_paragraph=link.get("after_paragraph", 1),
                target_brief=briefs.get(link.get("brief")),
                target_country=countries.get(link.get("country")),
                target_topic=topics.get(link.get("topic")),
                url=link.get("url", ""),
            )

    def add_images(self, by_slug, spanish, publication):
        """Drawn pictures for the briefs (and translations) that have none yet."""
        for slug, spec in demo_data.BRIEF_IMAGES.items():
            name = None
            for brief, suffix in ((by_slug[slug], ""), (spanish.get(slug), "_es")):
                if brief is None or brief.featured_image:
                    continue
                name = name or self.store_image(f"briefs/demo/{slug}.png", spec)
                brief.featured_image = name
                brief.image_alt = spec.get("alt" + suffix, spec["alt"])
                brief.image_caption = spec.get("caption" + suffix, spec["caption"])
                brief.image_credit = (
                    demo_data.CREDIT if not suffix else demo_data.CREDIT_ES
                )
                brief.image_license_covered = True
                brief.save()
        if not publication.share_image:
            publication.share_image = self.store_image(
                "publication/demo-share.png", demo_data.SHARE_IMAGE
            )
            publication.save()

    def store_image(self, name, spec):
        """Draw the picture into the default storage (files or S3), once."""
        if not default_storage.exists(name):
            content = demo_images.draw(spec["kind"], spec["seed"])
            name = default_storage.save(name, ContentFile(content))
        return name

    def make_brief(self, data, language, sections, countries, topics, authors, now):
        existing = Brief.objects.filter(language=language, slug=data["slug"]).first()
        if existing is not None:
            return existing, False
        brief = Brief.objects.create(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            news=data["news"],
            analysis=data.get("analysis", ""),
            section=sections[data["section"]],
            language=language,
            translation_of=data.get("translation_of"),
            status=data.get("status", Brief.Status.PUBLISHED),
            license=(
                License.objects.get(slug=data["license"]) if "license" in data else None
            ),
            published_at=now
            - timedelta(
                days=data.get("days_ago", 0), hours=1 if language == "es" else 0
            ),
        )
        for order, slug in enumerate(data.get("authors", [])):
            BriefAuthor.objects.create(brief=brief, author=authors[slug], order=order)
        brief.countries.set([countries[slug] for slug in data.get("countries", [])])
        brief.topics.set([topics[slug] for slug in data.get("topics", [])])
        brief.set_default_kicker()
        return brief, True

    # Generated briefs for load and scale tests

    def generate(self, total, batch_size):
        existing = Brief.objects.filter(slug__startswith=GENERATED_PREFIX).count()
        if existing >= total:
            self.stdout.write(f"{existing} generated briefs already exist.")
            return
        news_section = (
            Section.objects.filter(is_organization=False).order_by("order").first()
        )
        countries = list(Country.objects.order_by("slug"))
        topics = list(Topic.objects.order_by("slug"))
        authors = list(Author.objects.order_by("slug"))
        if not (news_section and countries and topics and authors):
            raise CommandError(
                "Load the demo first: sections, tags and authors are missing."
            )
        license_id = Publication.load().default_license_id
        now = timezone.now().replace(second=0, microsecond=0)
        self.stdout.write(f"Generating briefs {existing + 1}–{total}…")
        for start in range(existing, total, batch_size):
            end = min(start + batch_size, total)
            with transaction.atomic():
                self.generate_batch(
                    range(start, end),
                    news_section,
                    countries,
                    topics,
                    authors,
                    license_id,
                    now,
                )
            self.stdout.write(
                f"  {end}/{total} generated briefs ({end * 100 // total}%)"
            )

    def generate_batch(
        self, numbers, section, countries, topics, authors, license_id, now
    ):
        rows, extras = [], []
        for number in numbers:
            rng = random.Random(number)
            language = "es" if number % 7 == 6 else "en"
            sentences = (
                demo_data.GENERATED_SENTENCES_ES
                if language == "es"
                else demo_data.GENERATED_SENTENCES
            )
            subject = rng.choice(demo_data.GENERATED_SUBJECTS)
            verb = rng.choice(demo_data.GENERATED_VERBS)
            brief_countries = rng.sample(countries, rng.randint(1, 2))
            brief_topics = rng.sample(topics, rng.randint(1, 2))
            title = f"{subject.capitalize()} {verb} {brief_countries[0].name} ({number + 1})"
            news = "".join(
                f"<p>{' '.join(rng.sample(sentences, rng.randint(2, 4)))}</p>"
                for _ in range(rng.randint(2, 5))
            )
            analysis = (
                ""
                if number % 5 == 4
                else "".join(
                    f"<p>{' '.join(rng.sample(sentences, rng.randint(2, 4)))}</p>"
                    for _ in range(rng.randint(1, 3))
                )
            )
            rows.append(
                Brief(
                    title=title[:200],
                    slug=f"{GENERATED_PREFIX}{number + 1:06d}",
                    summary=" ".join(rng.sample(sentences, 2))[:400],
                    news=sanitize_html(news),
                    analysis=sanitize_html(analysis),
                    section=section,
                    language=language,
                    status=Brief.Status.PUBLISHED,
                    published_at=now - timedelta(days=61, minutes=37 * (number + 1)),
                    primary_country=brief_countries[0],
                    license_id=license_id,
                )
            )
            extras.append(
                (rng.sample(authors, rng.randint(1, 2)), brief_countries, brief_topics)
            )
        Brief.objects.bulk_create(rows)
        if rows[0].pk is None:  # backends that do not return ids from bulk inserts
            ids = dict(
                Brief.objects.filter(slug__in=[row.slug for row in rows]).values_list(
                    "slug", "id"
                )
            )
            for row in rows:
                row.pk = row.id = ids[row.slug]
        BriefAuthor.objects.bulk_create(
            BriefAuthor(brief=row, author=author, order=order)
            for row, (brief_authors, _c, _t) in zip(rows, extras, strict=True)
            for order, author in enumerate(brief_authors)
        )
        TaggedCountry.objects.bulk_create(
            TaggedCountry(content_object=row, tag=tag)
            for row, (_a, brief_countries, _t) in zip(rows, extras, strict=True)
            for tag in brief_countries
        )
        TaggedTopic.objects.bulk_create(
            TaggedTopic(content_object=row, tag=tag)
            for row, (_a, _c, brief_topics) in zip(rows, extras, strict=True)
            for tag in brief_topics
        )
        # bulk_create skips Brief.save(): write the batch's search documents
        # in one UPDATE (PostgreSQL only).
        update_search_vectors(Brief.objects.filter(pk__in=[row.pk for row in rows]))
