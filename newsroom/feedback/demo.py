"""Demo votes and reader messages (called by ``manage.py loaddemo``; idempotent).

Invented, so that the admin reports have something to show on a fresh site.
"""

from datetime import timedelta

from django.utils import timezone

from briefs.models import Brief

from .models import ReaderMessage, Vote

# (helpful, suggestion) per demo reader, spread over the last days.
VOTES = [
    (True, ""),
    (True, ""),
    (False, "A map of the affected valleys would help."),
    (True, ""),
    (False, ""),
    (True, ""),
    (True, ""),
    (False, "Explain what the decree changes for small farmers."),
]

MESSAGES = [
    {
        "name": "Lucía Ferreyra",
        "email": "lucia@example.org",
        "message": (
            "Thank you for following this. In our valley the water trucks come "
            "only twice a week; is anyone looking into the contracts?"
        ),
    },
    {
        "name": "Daniel Okafor",
        "email": "daniel@example.org",
        "message": "Could you publish the full text of the decree next to the story?",
    },
]


def load(command):
    briefs = list(
        Brief.objects.published()
        .filter(language="en", section__is_organization=False)
        .order_by("-published_at", "-id")[:3]
    )
    if not briefs:
        return
    now = timezone.now()
    votes = 0
    for brief_index, brief in enumerate(briefs):
        for index, (helpful, suggestion) in enumerate(VOTES[brief_index:]):
            vote, created = Vote.objects.get_or_create(
                brief=brief,
                reader=f"demo-reader-{index}",
                defaults={"helpful": helpful, "suggestion": suggestion},
            )
            if created:
                votes += 1
                when = now - timedelta(days=index * 2 + brief_index, hours=index)
                Vote.objects.filter(pk=vote.pk).update(created_at=when, updated_at=when)
    messages = 0
    for data in MESSAGES:
        _message, created = ReaderMessage.objects.get_or_create(
            brief=briefs[0], email=data["email"], defaults=data
        )
        messages += created
    command.stdout.write(
        f"Reader feedback ready ({votes} votes, {messages} messages created)."
    )
