"""The brief form's inlines: the byline, the see-also links, related content.

``desk_column`` says where the writing screen puts each one
(templates/admin/briefs/brief/change_form.html): the byline beside the text,
the links under it.
"""

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from unfold.admin import StackedInline

from newsroom.admin_forms import HTTPS_URLS

from .models import Brief, BriefAuthor, RelatedBrief, SeeAlsoLink


class BylineFormSet(BaseInlineFormSet):
    """The byline: a published or scheduled brief keeps at least one author."""

    def clean(self):
        super().clean()
        if self.instance.status != Brief.Status.PUBLISHED:
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(
                _("A published or scheduled brief keeps at least one author."),
                code="no_author",
            )


class BriefAuthorInline(StackedInline):
    model = BriefAuthor
    formset = BylineFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    # One row a line: stacked, as a table would not fit the side column.
    fields = [("author", "order")]
    verbose_name = _("author")
    verbose_name_plural = _("byline (in order)")
    desk_column = "side"


class SeeAlsoInline(StackedInline):
    model = SeeAlsoLink
    fk_name = "brief"
    extra = 0
    formfield_overrides = HTTPS_URLS
    autocomplete_fields = ["target_brief", "target_country", "target_topic"]
    desk_column = "main"
    fields = [
        ("label", "place", "after_paragraph"),
        ("target_brief", "target_country"),
        ("target_topic", "url"),
    ]


class RelatedBriefInline(StackedInline):
    model = RelatedBrief
    fk_name = "brief"
    extra = 0
    autocomplete_fields = ["related"]
    desk_column = "main"
    fields = [("related", "order")]
