import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_TEXT, ReaderMessage

# The part before the @ of an address we can write back to. The standard also
# allows quoted local parts and characters such as ? & % # /, which mean
# something in a mailto: link (a "?bcc=" hidden in the address); mailboxes
# people reply to do not use them.
_PLAIN_LOCAL_PART = re.compile(
    r"[A-Za-z0-9!$'*+=^_`{|}~-]+(?:\.[A-Za-z0-9!$'*+=^_`{|}~-]+)*"
)


class VoteForm(forms.Form):
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


class CommentForm(forms.ModelForm):
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

    def clean_email(self):
        email = self.cleaned_data["email"]
        local_part = email.rpartition("@")[0]
        if not _PLAIN_LOCAL_PART.fullmatch(local_part):
            raise forms.ValidationError(
                _(
                    "Enter an address we can reply to: before the @ use "
                    "letters, digits and . - _ +, without quotes, spaces or "
                    "symbols such as ? and &."
                ),
                code="unusual_email",
            )
        return email

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
