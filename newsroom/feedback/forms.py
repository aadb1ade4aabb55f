from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import MAX_TEXT, ReaderMessage


class BlankWidgetMemo(BoundField):
    """A field whose blank widget and label are rendered once per language.

    Every brief page shows the vote and comment forms blank. A blank widget's
    HTML depends only on the form's definition and the language, and rendering
    it through Django's widget templates cost about a millisecond per page, so
    it is rendered once per process. A form with data (a reader's post sent
    back with errors) or with initial values renders as usual.
    """

    rendered = {}

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        if (
            self.form.is_bound
            or self.form.initial
            or self.field.initial is not None
            or widget is not None
            or attrs
            or only_initial
        ):
            return super().as_widget(widget, attrs, only_initial)
        key = (type(self.form), self.name, self.auto_id, get_language())
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = super().as_widget()
        return html

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        """The ``<label>``, rendered once per language like the blank widget."""
        if self.form.is_bound or any(
            argument is not None for argument in (contents, attrs, label_suffix, tag)
        ):
            return super().label_tag(contents, attrs, label_suffix, tag)
        key = (type(self.form), self.name, self.auto_id, get_language(), "label")
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = super().label_tag()
        return html


class BlankFormMixin:
    """``blank()``: the one unbound, empty instance of the form, shared.

    Every brief page shows the vote and comment forms blank. An unbound form
    with no initial data renders the same for every page (its labels are
    translated as it renders, its widgets come from ``BlankWidgetMemo``), so
    the page uses one instance per process instead of building one, with
    copies of every field, per request. Pages never bind or change it.
    """

    blank_options = {}

    @classmethod
    def blank(cls):
        form = cls.__dict__.get("_blank")
        if form is None:
            form = cls(**cls.blank_options)
            form.full_clean()  # Unbound: settles its (empty) errors now.
            cls._blank = form
        return form


class VoteForm(BlankFormMixin, forms.Form):
    bound_field_class = BlankWidgetMemo
    blank_options = {"auto_id": "feedback-%s"}

    helpful = forms.TypedChoiceField(
        label=_("Was this content helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Choose Yes or No."),
            "invalid_choice": _("Choose Yes or No."),
        },
    )
    suggestion = forms.CharField(
        label=_("What could we improve?"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CommentForm(BlankFormMixin, forms.ModelForm):
    bound_field_class = BlankWidgetMemo

    # Hidden from people by CSS; bots that fill in every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    class Meta:
        model = ReaderMessage
        fields = ["name", "email", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email"),
            "message": _("Your comment"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "comment-%s")
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["message"].widget.attrs["maxlength"] = MAX_TEXT
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1"}
        )

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
