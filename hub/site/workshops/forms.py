"""Forms for workshop notes: the index's filters, a member's proposal and a moderator's review.
Each names its fields; status, owner and slug are never fields."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models.functions import ExtractYear

from hub.base.fields import MonthYearWidget
from hub.base.idempotency import SubmissionKeyMixin
from hub.base.models import Area, ClaimantGroup, Organisation, Theme
from hub.base.text import no_control_characters

MAX_CASE_STUDY_CHOICES = 60


class DateWidget(MonthYearWidget):
    """GOV.UK's date input: day, month and year."""

    parts = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(
            self,
            [
                forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "2"}),
                forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "2"}),
                forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "4"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A whole date from GOV.UK's date input, with one clear message whatever is wrong."""

    widget = DateWidget

    def __init__(self, **kwargs):
        super().__init__(
            (forms.CharField(), forms.CharField(), forms.CharField()),
            require_all_fields=False,
            **kwargs,
        )

    def clean(self, value):
        parts = [(p or "").strip() for p in (list(value or []) + [None] * 3)[:3]]
        label = self.label or "The date"
        if not any(parts):
            if self.required:
                raise ValidationError(f"Enter {label.lower()}", code="required")
            return None
        for part, name in zip(parts, ("day", "month", "year"), strict=True):
            if not part:
                raise ValidationError(f"{label} must include a {name}")
        if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
            raise ValidationError(f"{label} must be a real date, like 27 3 2026")
        try:
            return datetime.date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            raise ValidationError(f"{label} must be a real date, like 27 3 2026") from None

    def compress(self, data_list):  # clean() above does the work
        return data_list


class TimeField(forms.TimeField):
    def __init__(self, **kwargs):
        super().__init__(
            input_formats=["%H:%M", "%H.%M", "%H%M"],
            widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
            error_messages={"invalid": "Enter a time in hours and minutes, like 09:30 or 14:00"},
            **kwargs,
        )


class WorkshopFilterForm(forms.Form):
    """The index's filters: a GET form, so results have a link and work without JavaScript."""

    area = forms.ModelChoiceField(
        queryset=Area.objects.all(), to_field_name="slug", required=False, label="Area",
        empty_label="Any area",
    )  # fmt: skip
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(), to_field_name="slug", required=False, label="Theme",
        empty_label="Any theme",
    )  # fmt: skip
    group = forms.ModelChoiceField(
        queryset=ClaimantGroup.objects.all(), to_field_name="slug", required=False,
        label="Claimant group", empty_label="Any claimant group",
    )  # fmt: skip
    year = forms.TypedChoiceField(coerce=int, required=False, label="Year", empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Any year")] + [(y, str(y)) for y in years]


def workshop_years(queryset) -> list[int]:
    """The years workshops were held in, newest first (one query)."""
    return list(
        queryset.annotate(year=ExtractYear("date"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


class WorkshopProposalForm(SubmissionKeyMixin, forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, validators=[no_control_characters],
        help_text="Say what the workshop was about, like “Keeping young people engaged”.",
    )  # fmt: skip
    date = DateField(label="Date of the workshop", help_text="For example, 27 3 2026.")
    start_time = TimeField(
        label="Start time", required=False, help_text="Use the 24-hour clock, like 09:30."
    )
    end_time = TimeField(label="End time", required=False, help_text="Like 12:30.")
    venue = forms.CharField(
        label="Venue", max_length=255, required=False, validators=[no_control_characters],
        help_text="Where it was held, like “Riverside Pathways, Sunderland” or “Online”.",
    )  # fmt: skip
    area = forms.ModelChoiceField(
        queryset=Area.objects.all(), label="Local area", empty_label="Choose an area",
        error_messages={"required": "Choose the area the workshop was for"},
    )  # fmt: skip
    facilitator = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"), required=False,
        label="Facilitating organisation", empty_label="Choose an organisation",
    )  # fmt: skip
    attendees = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.order_by("name"), required=False,
        widget=forms.CheckboxSelectMultiple, label="Which organisations took part?",
        help_text="Choose all that apply.",
    )  # fmt: skip
    claimant_groups = forms.ModelMultipleChoiceField(
        queryset=ClaimantGroup.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple, label="Which claimant groups did it cover?",
        help_text="Choose all that apply.",
    )  # fmt: skip
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Themes", help_text="Choose all that apply.",
    )  # fmt: skip
    summary = forms.CharField(
        label="Summary", max_length=600, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Two or three sentences, shown in lists and search results.",
    )  # fmt: skip
    shared = forms.CharField(
        label="What was shared", required=False, max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What people said works and what does not. You can use Markdown: "
        "a line starting with - is a list item, **two stars** make text bold.",
    )  # fmt: skip
    examples = forms.CharField(
        label="Practice examples", required=False, max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Start each example on its own line with # and its title, like "
        "“# Text reminders the day before”, then describe it.",
    )  # fmt: skip
    actions = forms.CharField(
        label="Actions agreed", required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One action per line, saying who will do it.",
    )  # fmt: skip
    follow_ups = forms.CharField(
        label="Follow-ups", required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What will happen next, like a second workshop or a visit.",
    )  # fmt: skip
    case_studies = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        label="Case studies the workshop discussed",
        help_text="Published case studies, newest first.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from cases.casestudies import selectors as cases

        self.fields["case_studies"].queryset = cases.recent_published(MAX_CASE_STUDY_CHOICES)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time")
        if end and not start:
            self.add_error("start_time", "Enter the start time, or leave both times empty")
        sections = ("shared", "examples", "actions", "follow_ups")
        if not self.errors and not any((data.get(k) or "").strip() for k in sections):
            self.add_error("shared", "Enter what was shared, or at least one other part")
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve and publish"), ("reject", "Reject and ask for changes")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or reject the notes"},
    )
    comment = forms.CharField(
        label="Comment for the member", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed if you reject the notes: say what needs to change.",
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("comment") or "").strip():
            self.add_error("comment", "Say what needs to change, so the member can fix it")
        return data
