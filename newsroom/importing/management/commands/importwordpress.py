"""Import a WordPress export (WXR) as briefs and pages: docs/importing.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from briefs.models import Language, Section
from newsroom.importing.importer import Importer
from newsroom.importing.wxr import ExportError


class Command(BaseCommand):
    help = (
        "Import a WordPress export file (Tools → Export): posts as briefs, with "
        "their authors, countries, topics, images and comments, pages as the "
        "site's pages, and redirect the old addresses. Running it again updates "
        "what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress exported.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything and print the report, but write nothing.",
        )
        parser.add_argument(
            "--media-dir",
            help="A copy of the old site's wp-content/uploads folder.",
        )
        parser.add_argument(
            "--language",
            choices=Language.values,
            default=Language.ENGLISH,
            help="The posts' language when the export does not say (default: en).",
        )
        parser.add_argument(
            "--analysis-heading",
            action="append",
            default=[],
            metavar="TEXT",
            help="A heading that starts the analysis (repeatable). Default: a "
            "heading ending in “Analysis” or “Análisis”.",
        )
        parser.add_argument(
            "--section", help="The section for posts (default: the first one)."
        )
        pages = parser.add_mutually_exclusive_group()
        pages.add_argument(
            "--pages-section",
            help="Import pages as briefs in this section (default: as the "
            "site's pages, /<language>/page/<slug>/).",
        )
        pages.add_argument(
            "--skip-pages", action="store_true", help="Do not import pages."
        )
        parser.add_argument("--batch-size", type=int, default=50)

    def handle(self, *args, **options):
        export = Path(options["export"])
        if not export.is_file():
            raise CommandError(f"No such file: {export}")
        media_dir = options["media_dir"]
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"--media-dir is not a folder: {media_dir}")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        try:
            if options["dry_run"]:
                with transaction.atomic():
                    report = self.run(export, media_dir, options)
                    transaction.set_rollback(True)
            else:
                # One transaction per batch of posts (Importer.import_batch).
                report = self.run(export, media_dir, options)
        except ExportError as error:
            raise CommandError(f"Cannot import {export}: {error}") from error
        self.stdout.write(report.render(dry_run=options["dry_run"]))

    def run(self, export, media_dir, options):
        """The import; a dry run inside the transaction ``handle`` rolls back."""
        section = self.section(options["section"])
        # Pages are the site's Pages unless --pages-section names a section.
        pages_section = None
        if options["pages_section"]:
            pages_section = self.section(options["pages_section"])
        return Importer(
            export,
            language=options["language"],
            analysis_headings=options["analysis_heading"],
            section=section,
            pages_section=pages_section,
            skip_pages=options["skip_pages"],
            media_dir=media_dir,
            dry_run=options["dry_run"],
            batch_size=options["batch_size"],
            progress=self.stdout.write,
        ).run()

    def section(self, slug):
        """The section named ``slug``, or the first news section (a new
        "News" when there is none)."""
        if slug:
            try:
                return Section.objects.get(slug=slug)
            except Section.DoesNotExist:
                raise CommandError(f"No section with the slug “{slug}”.") from None
        found = Section.objects.filter(is_organization=False).first()
        if found is None:
            found, _created = Section.objects.get_or_create(
                slug="news", defaults={"name": "News", "is_organization": False}
            )
        return found
