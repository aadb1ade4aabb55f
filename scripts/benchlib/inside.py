"""Steps that run inside the benchmark's Django settings, in a subprocess.

`python -m scripts.benchlib.inside STEP ...` with the environment of the
server being measured (its database, its cache):

- ``discover``: the URLs to measure, as JSON;
- ``cache-backends``: the cache backends those settings give, as JSON;
- ``clear-caches``: empty every cache (a shared Redis between runs);
- ``save-briefs PATHS_FILE SECONDS``: save one of the briefs behind the paths
  every SECONDS seconds through the ORM until stopped, one line per save.
"""

import json
import os
import random
import sys
import time
from pathlib import Path

SEARCH_TERM = "water"
DEEP_PAGE = 500
# Brief pages spread over by the page-cache miss row.
MISS_PAGES = 50
# The license-attribution feed; reported as missing while it answers 404.
FEED_PATH = "/en/feed/republish/"
STATIC = "static file"


def discover(spike_pages=1000):
    """The pages to measure, read from the current database."""
    from django.conf import settings
    from django.db.models import Count, Q
    from django.templatetags.static import static
    from django.urls import reverse
    from django.utils import timezone, translation

    from briefs.models import Brief, Section

    with translation.override("en"):
        published = Brief.objects.published().filter(language="en")
        stories = published.filter(section__is_organization=False).order_by(
            "-published_at", "-pk"
        )
        brief = stories.first()
        if brief is None:
            raise SystemExit("The benchmark database has no published brief.")
        section = (
            Section.objects.annotate(
                size=Count(
                    "briefs",
                    filter=Q(
                        briefs__language="en",
                        briefs__status=Brief.Status.PUBLISHED,
                        briefs__published_at__lte=timezone.now(),
                    ),
                )
            )
            .order_by("-size")
            .first()
        )
        # The last page is usually short: a deep page with fewer cards than
        # the other size's would not compare like with like.
        full_pages = max(1, section.size // settings.NEWSROOM_PAGE_SIZE)
        deep_page = min(DEEP_PAGE, full_pages)
        archive = section.get_absolute_url()
        pages = [
            {"name": "home page", "path": reverse("briefs:home")},
            {"name": "brief page", "path": brief.get_absolute_url()},
            {"name": "archive, page 1", "path": archive},
            {"name": "archive, deep page", "path": f"{archive}?page={deep_page}"},
            {
                "name": "search",
                "path": f"{reverse('briefs:search')}?q={SEARCH_TERM}",
                "optional": True,
            },
            {"name": "republish feed", "path": FEED_PATH, "optional": True},
            {"name": STATIC, "path": static("css/site.css")},
        ]
        miss = [b.get_absolute_url() for b in stories[:MISS_PAGES]]
        # The archive's briefs in a shuffled order of popularity: the most
        # read stories are not all the latest ones.
        spike = [b.get_absolute_url() for b in stories[:spike_pages]]
        random.Random(19).shuffle(spike)
    return {
        "pages": pages,
        "deep_page": deep_page,
        "miss_pages": miss,
        "spike_pages": spike,
        "published": Brief.objects.published().count(),
    }


def cache_backends():
    from django.conf import settings

    return {alias: config["BACKEND"] for alias, config in settings.CACHES.items()}


def clear_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def save_briefs(paths_file, seconds):
    """Save a brief every ``seconds`` seconds, as an editor would in the admin."""
    from briefs.models import Brief

    # A brief's path is /<language>/briefs/<slug>/.
    briefs = [
        (path.strip("/").split("/")[0], path.strip("/").split("/")[-1])
        for path in Path(paths_file).read_text().split()
    ]
    chooser = random.Random(5)
    while True:
        language, slug = chooser.choice(briefs)
        brief = Brief.objects.get(language=language, slug=slug)
        brief.save()
        print(f"saved {language}/{slug}", flush=True)
        time.sleep(seconds)


def main(argv):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    step, *args = argv
    if step == "discover":
        print(json.dumps(discover(int(args[0]) if args else 1000)))
    elif step == "cache-backends":
        print(json.dumps(cache_backends()))
    elif step == "clear-caches":
        clear_caches()
    elif step == "save-briefs":
        save_briefs(args[0], float(args[1]))
    else:
        raise SystemExit(f"Unknown step: {step}")


if __name__ == "__main__":
    main(sys.argv[1:])
