"""Demo donation prompts (called by ``manage.py loaddemo``; safe to run again).

A default prompt per language at the end of every brief, and a targeted one for
briefs on water that wins over the default there. Prompts an editor already
changed are left alone; clicks are invented once so the report has a chart.
"""

from datetime import timedelta

from django.utils import timezone

from briefs.models import Brief, Topic

from .models import DonationClick, DonationPrompt, Placement

DONATE_URL = "https://example.org/donate"

PROMPTS = [
    {
        "name": "Default prompt (English)",
        "language": "en",
        "heading": "Independent reporting needs you",
        "message": (
            "We want to keep reporting on water, land and rights across the "
            "region, but to do so we need resources. Readers like you fund most "
            "of our work."
        ),
        "button_label": "DONATE",
        "url": DONATE_URL,
    },
    {
        "name": "Default prompt (Spanish)",
        "language": "es",
        "heading": "El periodismo independiente te necesita",
        "message": (
            "Queremos seguir informando sobre el agua, la tierra y los derechos en "
            "la región, pero para hacerlo necesitamos recursos. Lectores como tú "
            "financian la mayor parte de nuestro trabajo."
        ),
        "button_label": "DONAR",
        "url": DONATE_URL,
    },
    {
        "name": "Water desk (English)",
        "language": "en",
        "topic": "water",
        "priority": 10,
        "heading": "Keep our water desk going",
        "message": (
            "Droughts, permits and rivers that run dry: we want to keep following "
            "who gets water and who decides, but to do so we need resources."
        ),
        "button_label": "SUPPORT THE WATER DESK",
        "url": DONATE_URL + "?fund=water",
    },
    {
        "name": "Water desk (Spanish)",
        "language": "es",
        "topic": "water",
        "priority": 10,
        "heading": "Sostén nuestra cobertura del agua",
        "message": (
            "Sequías, permisos y ríos que se secan: queremos seguir investigando "
            "quién recibe agua y quién decide, pero para hacerlo necesitamos "
            "recursos."
        ),
        "button_label": "APOYA LA COBERTURA DEL AGUA",
        "url": DONATE_URL + "?fund=water",
    },
]

# Clicks per day for the demo report, newest day first.
DEMO_CLICKS = [3, 5, 2, 0, 4, 7, 6, 1, 0, 2, 3, 8, 4, 2]


def load(command):
    created = 0
    for data in PROMPTS:
        data = dict(data)
        topic_slug = data.pop("topic", None)
        prompt, was_created = DonationPrompt.objects.get_or_create(
            name=data.pop("name"),
            defaults={"placement": Placement.END, **data},
        )
        if was_created:
            created += 1
            if topic_slug:
                prompt.topics.set(Topic.objects.filter(slug=topic_slug))
    default = DonationPrompt.objects.filter(name=PROMPTS[0]["name"]).first()
    if default is not None and not default.clicks.exists():
        briefs = list(Brief.objects.published().filter(language="en")[:3])
        today = timezone.localdate()
        DonationClick.objects.bulk_create(
            DonationClick(
                prompt=default,
                brief=briefs[offset % len(briefs)] if briefs else None,
                day=today - timedelta(days=offset),
                clicks=count,
            )
            for offset, count in enumerate(DEMO_CLICKS)
            if count
        )
    command.stdout.write(f"Donation prompts ready ({created} created).")
