"""The claimant's questions (plain English, nothing that asks who they are), the review and
the complaint-themes forms."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from cases.feedback.models import ComplaintTheme, FeedbackResponse
from cases.feedback.selectors import quarter_label
from cases.feedback.services import quarter_start
from hub.base.idempotency import SubmissionKeyMixin

R = FeedbackResponse


class FeedbackForm(SubmissionKeyMixin, forms.Form):
    treated = forms.TypedChoiceField(
        label="How well were you treated?",
        choices=R.Treated.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how well you were treated"},
    )
    helped = forms.ChoiceField(
        label="Did they help you get closer to work?",
        choices=R.Helped.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether they helped you get closer to work"},
    )
    recommend = forms.ChoiceField(
        label="Would you tell a friend in your situation to use this service?",
        choices=R.Recommend.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you would tell a friend to use this service"},
    )
    comment = forms.CharField(
        label="Anything else you want to tell us? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "Do not include names, phone numbers, e-mail addresses or anything else that "
            "could identify you or someone else. Someone reads every comment before it is shown."
        ),
        error_messages={"max_length": "Your comment must be 1,000 characters or fewer"},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Why should it not be shown?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter why the comment should not be shown"},
    )


def recent_quarters(count: int = 8) -> list[tuple[str, str]]:
    day = quarter_start(timezone.localdate())
    found = []
    for _ in range(count):
        found.append((day.isoformat(), quarter_label(day)))
        day = quarter_start(day - datetime.timedelta(days=1))
    return found


class ComplaintThemesForm(forms.Form):
    """One stage and quarter: a count for each theme."""

    quarter = forms.ChoiceField(label="Quarter")
    stage = forms.ModelChoiceField(queryset=None, label="Journey stage", empty_label=None)

    def __init__(self, *args, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = recent_quarters()
        self.fields["stage"].queryset = stages
        for value, label in ComplaintTheme.Theme.choices:
            self.fields[f"theme_{value}"] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=100000,
                required=False,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
                error_messages={
                    "min_value": "Enter 0 or more",
                    "invalid": "Enter a whole number",
                    "max_value": "Enter 100,000 or fewer",
                },
            )

    def clean_quarter(self):
        return datetime.date.fromisoformat(self.cleaned_data["quarter"])

    def counts(self) -> dict[str, int]:
        return {
            value: self.cleaned_data.get(f"theme_{value}") or 0
            for value in ComplaintTheme.Theme.values
        }
