"""Forms for the forum. Each names its fields."""

from __future__ import annotations

from django import forms

from forum.models import Category
from hub.base.idempotency import new_key
from hub.base.text import no_control_characters


class _KeyedForm(forms.Form):
    """A one-time key, so a double click or a resubmitted form posts once."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_key())


BODY_HELP = (
    "Markdown: **bold**, *italic*, [links](https://example.org), > quotes, - lists. "
    "Mention someone with @ and their username. Never name a participant."
)


class ThreadForm(_KeyedForm):
    title = forms.CharField(
        label="Title",
        max_length=160,
        error_messages={"required": "Enter a title"},
        validators=[no_control_characters],
    )
    body = forms.CharField(
        label="Your message",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=BODY_HELP,
        error_messages={"required": "Enter your message"},
    )
    is_question = forms.BooleanField(
        label="This is a question: let me mark the reply that answers it", required=False
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=200,
        help_text="Optional words that help people find it, separated by commas.",
    )

    def clean_tags(self) -> list[str]:
        names = [t.strip().lower()[:60] for t in self.cleaned_data.get("tags", "").split(",")]
        names = list(dict.fromkeys(n for n in names if n))
        if len(names) > 5:
            raise forms.ValidationError("Use 5 tags or fewer")
        return names


class ReplyForm(_KeyedForm):
    body = forms.CharField(
        label="Your reply",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=BODY_HELP,
        error_messages={"required": "Enter your reply"},
    )
    quote = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PostEditForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=BODY_HELP,
        error_messages={"required": "Enter your message"},
    )


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(
        label="Move it to",
        queryset=Category.objects.all(),
        empty_label=None,
        widget=forms.RadioSelect,
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the forum",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"required": "Enter words to search for"},
    )


class ConversationForm(_KeyedForm):
    to = forms.CharField(
        label="To",
        max_length=400,
        help_text="Members' usernames, separated by commas (up to 7 people).",
        error_messages={"required": "Enter the username of at least one member"},
    )
    subject = forms.CharField(
        label="Subject",
        max_length=160,
        error_messages={"required": "Enter a subject"},
        validators=[no_control_characters],
    )
    body = forms.CharField(
        label="Your message",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Only the people in this conversation can read it. Never name a participant.",
        error_messages={"required": "Enter your message"},
    )

    def clean_to(self) -> list[str]:
        return [n for n in (part.strip() for part in self.cleaned_data["to"].split(",")) if n]


class MessageForm(_KeyedForm):
    body = forms.CharField(
        label="Your message",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter your message"},
    )
