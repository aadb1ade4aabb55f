"""Time the reader pages that must stay fast on a large archive."""

import math
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation

from briefs.models import Brief, Country

# Pages that answer within this many milliseconds meet the target.
TARGET_MS = 100


class Command(BaseCommand):
    help = (
        "Median time of a plain request (page cache off) to a brief page, page 1 "
        "and page 500 of the largest country archive, a search and the home "
        "page, measured in-process against the current database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repeat", type=int, default=20, help="Timed requests per page."
        )
        parser.add_argument(
            "--query", default="", help="Search words (default: a country's name)."
        )
        parser.add_argument("--language", default="en", choices=["en", "es"])

    def handle(self, *args, repeat, query, language, **options):
        if repeat < 1:
            raise CommandError("--repeat must be 1 or more")
        with translation.override(language):
            pages = self.pages(language, query)
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        # A "plain request": the page cache neither answers nor stores.
        with override_settings(ALLOWED_HOSTS=hosts, NEWSROOM_PAGE_CACHE=False):
            rows = [self.measure(label, url, repeat) for label, url, _t in pages]
        self.report(pages, rows, repeat)

    def pages(self, language, query):
        brief = (
            Brief.objects.published()
            .filter(language=language)
            .order_by("-published_at", "-id")
            .first()
        )
        if brief is None:
            raise CommandError(
                "No published brief: run `manage.py loaddemo --briefs N` first."
            )
        self.stdout.write("Finding the largest country archive…")
        visible = Q(
            tagged_briefs__content_object__in=Brief.objects.published().filter(
                language=language
            )
        )
        country = (
            Country.objects.annotate(size=Count("tagged_briefs", filter=visible))
            .order_by("-size", "name")
            .first()
        )
        if country is None or not country.size:
            raise CommandError("No country has published briefs.")
        last_page = max(math.ceil(country.size / settings.NEWSROOM_PAGE_SIZE), 1)
        deep = min(500, last_page)
        archive = country.get_absolute_url()
        query = query or country.name
        self.stdout.write(
            f"{country.name}: {country.size} briefs, {last_page} pages "
            f"(now {timezone.now():%Y-%m-%d %H:%M})."
        )
        return [
            ("brief page", brief.get_absolute_url(), True),
            ("country archive, page 1", archive, True),
            (f"country archive, page {deep}", f"{archive}?page={deep}", True),
            (f"search “{query}”", f"/{language}/search/?q={query}", False),
            ("home page", f"/{language}/", False),
        ]

    def measure(self, label, url, repeat):
        client = Client()
        self.stdout.write(f"  {label}: {url} ", ending="")
        self.stdout.flush()
        response = client.get(url)  # warms the connection and app caches
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        reset_queries()  # the count starts from an empty query log
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        timings = []
        for number in range(repeat):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            if (number + 1) % max(repeat // 10, 1) == 0:
                self.stdout.write(".", ending="")
                self.stdout.flush()
        self.stdout.write("")
        return statistics.median(timings), min(timings), len(queries)

    def report(self, pages, rows, repeat):
        width = max(len(label) for label, _u, _t in pages)
        self.stdout.write("")
        self.stdout.write(
            f"{'page':<{width}}  {'median':>9}  {'fastest':>9}  {'queries':>7}  target"
        )
        for (label, _url, targeted), (median, fastest, queries) in zip(
            pages, rows, strict=True
        ):
            verdict = ""
            if targeted:
                verdict = "ok" if median < TARGET_MS else f"over {TARGET_MS} ms"
            self.stdout.write(
                f"{label:<{width}}  {median:7.1f}ms  {fastest:7.1f}ms  "
                f"{queries:>7}  {verdict}"
            )
        self.stdout.write(
            f"\n{repeat} requests per page; {connection.vendor} database "
            f"{connection.settings_dict['NAME']}."
        )
