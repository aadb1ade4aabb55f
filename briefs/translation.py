"""Linked translations of briefs."""

from django.db import transaction

from .models import Brief, BriefAuthor, Language, RelatedBrief, SeeAlsoLink


def other_language(language):
    return Language.SPANISH if language == Language.ENGLISH else Language.ENGLISH


def translation_in(brief, language):
    """The brief's version in ``language``: itself, its original or a translation."""
    if brief.language == language:
        return brief
    original = brief.translation_of or brief
    if original.language == language:
        return original
    return original.translations.filter(language=language).first()


@transaction.atomic
def create_translation(brief, language=None, linkable=None):
    """Copy ``brief`` into the other language as a linked draft.

    Tags, authors, license, section, image, see-also links and the related picks
    (as their own translations, where those exist and are in ``linkable``, a
    queryset of briefs; default: any) are carried over; the text is copied for
    the translator to replace. Returns the existing translation when there
    already is one.
    """
    language = language or other_language(brief.language)
    existing = translation_in(brief, language)
    if existing is not None:
        return existing, False
    original = brief.translation_of or brief
    slug, suffix = brief.slug, 2
    while Brief.objects.filter(language=language, slug=slug).exists():
        slug = f"{brief.slug}-{suffix}"[:200]
        suffix += 1
    copy = Brief.objects.create(
        title=brief.title,
        slug=slug,
        summary=brief.summary,
        news=brief.news,
        analysis=brief.analysis,
        section=brief.section,
        language=language,
        translation_of=original,
        license=brief.license,
        primary_country=brief.primary_country,
        primary_topic=brief.primary_topic,
        featured_image=brief.featured_image,
        image_alt=brief.image_alt,
        image_caption=brief.image_caption,
        image_credit=brief.image_credit,
        image_license_covered=brief.image_license_covered,
        status=Brief.Status.DRAFT,
        published_at=None,
    )
    BriefAuthor.objects.bulk_create(
        BriefAuthor(brief=copy, author_id=byline.author_id, order=byline.order)
        for byline in brief.briefauthor_set.all()
    )
    copy.countries.set(brief.countries.all())
    copy.topics.set(brief.topics.all())

    def counterpart(target):
        found = translation_in(target, language)
        if found is None or (
            linkable is not None and not linkable.filter(pk=found.pk).exists()
        ):
            return None
        return found

    for link in brief.see_also.all():
        target = link.target_brief and counterpart(link.target_brief)
        if link.target_brief and target is None:
            continue  # the linked brief has no version in this language
        SeeAlsoLink.objects.create(
            brief=copy,
            label=link.label,
            target_brief=target,
            target_country=link.target_country,
            target_topic=link.target_topic,
            url=link.url,
            place=link.place,
            after_paragraph=link.after_paragraph,
        )
    picks = []
    for pick in brief.related_picks.select_related("related__translation_of"):
        related = counterpart(pick.related)
        if related is not None:
            picks.append(RelatedBrief(brief=copy, related=related, order=pick.order))
    RelatedBrief.objects.bulk_create(picks)
    return copy, True


def is_out_of_date(translation):
    """A translation is out of date when its original changed after it."""
    original = translation.translation_of
    return original is not None and original.updated_at > translation.updated_at
