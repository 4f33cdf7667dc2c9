"""Forms for performance records. Each names its fields."""

from __future__ import annotations

from datetime import date

from django import forms

from cases.performance import benchmarks, cohorts
from cases.performance.models import CohortRecord, PerformanceRecord, Programme
from hub.base.fields import MonthYearField
from hub.base.models import Area, ClaimantGroup, Organisation


class RecordForm(forms.ModelForm):
    period_start = MonthYearField(label="First month", help_text="For example, 4 2025.")
    period_end = MonthYearField(label="Last month", help_text="For example, 6 2025.")

    class Meta:
        model = PerformanceRecord
        fields = [
            "role", "prime", "programme", "area", "claimant_group", "referrals", "attachments",
            "job_starts", "job_outcomes", "sustainment_outcomes", "profile_job_outcomes",
            "funding_received", "visibility",
        ]  # fmt: skip
        labels = {
            "role": "Your organisation's role in this contract",
            "prime": "The prime contractor you deliver for",
            "claimant_group": "Claimant group",
            "referrals": "Referrals",
            "attachments": "Attachments",
            "job_starts": "Job starts",
            "job_outcomes": "Job outcomes",
            "sustainment_outcomes": "Sustainment outcomes",
            "profile_job_outcomes": "Contractual profile: job outcomes expected",
            "funding_received": "Delivery funding received, in pounds (optional)",
            "visibility": "Who can see this record?",
        }
        help_texts = {
            "prime": "Only if you are a subcontractor.",
            "referrals": "Whole numbers only. Leave a figure empty if you do not know it.",
            "funding_received": "What the contract paid for this work in the period, in whole "
            "pounds. Disclosing it is voluntary; it gives your Star Rating's value for money.",
        }
        widgets = {
            "role": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            **{
                name: forms.NumberInput(attrs={"class": "govuk-input--width-5", "min": 0})
                for name in (
                    "referrals",
                    "attachments",
                    "job_starts",
                    "job_outcomes",
                    "sustainment_outcomes",
                    "profile_job_outcomes",
                    "funding_received",
                )  # fmt: skip
            },
        }
        error_messages = {
            name: {"invalid": f"Enter {label.lower()} as a whole number, like 120"}
            for name, label in (
                ("referrals", "Referrals"),
                ("attachments", "Attachments"),
                ("job_starts", "Job starts"),
                ("job_outcomes", "Job outcomes"),
                ("sustainment_outcomes", "Sustainment outcomes"),
                ("profile_job_outcomes", "The profile"),
                ("funding_received", "Funding received"),
            )  # fmt: skip
        }

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["role"].choices = PerformanceRecord.Role.choices
        self.fields["visibility"].choices = PerformanceRecord.Visibility.choices
        self.fields["prime"].queryset = Organisation.objects.filter(kind="prime").exclude(
            pk=organisation.pk
        )
        self.fields["prime"].empty_label = "Not a subcontractor"
        self.fields["programme"].queryset = Programme.objects.all()
        self.fields["area"].queryset = Area.objects.all()
        self.fields["claimant_group"].queryset = ClaimantGroup.objects.all()
        if self.instance.pk:
            self.initial.setdefault("period_start", self.instance.period_start)
            self.initial.setdefault("period_end", self.instance.period_end)

    def _post_clean(self):
        """The services validate the record; the form only parses it."""

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Note",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter a note"},
    )

    def __init__(self, *args, label="Note", help_text="", required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = label
        self.fields["note"].help_text = help_text
        self.fields["note"].required = required


class VisibilityForm(forms.Form):
    visibility = forms.ChoiceField(
        label="Who can see this record?",
        choices=PerformanceRecord.Visibility.choices,
        widget=forms.RadioSelect,
    )


class RecordFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.all(), required=False, to_field_name="slug",
        empty_label="Any programme",
    )  # fmt: skip
    group = forms.ModelChoiceField(
        label="Claimant group", queryset=ClaimantGroup.objects.all(), required=False,
        to_field_name="slug", empty_label="Any group",
    )  # fmt: skip
    area = forms.ModelChoiceField(
        queryset=Area.objects.all(), required=False, to_field_name="slug", empty_label="Any area"
    )
    kind = forms.ChoiceField(
        label="Kind of organisation",
        choices=[("", "Any kind"), *Organisation.Kind.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label="Checked",
        choices=[("", "Any"), *PerformanceRecord.Status.choices],
        required=False,
    )
    chain = forms.ModelChoiceField(
        label="Supply chain", queryset=Organisation.objects.none(), required=False,
        to_field_name="slug", empty_label="Any supply chain",
        help_text="A prime and its confirmed subcontractors.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chain"].queryset = Organisation.objects.filter(kind="prime").only(
            "pk", "name", "slug"
        )


FIGURE_KINDS = [
    ("period", "Period figures: a period's outcomes ÷ the same period's attachments"),
    ("cohort", "Cohort figures: of the people attached in a month, how many within N months"),
]


SMALL_CHECKBOXES = {"class": "govuk-checkboxes--small"}


def period_value(start: date, end: date) -> str:
    return f"{start:%Y-%m-%d}_{end:%Y-%m-%d}"


def parse_period(value: str) -> tuple[date, date] | None:
    try:
        start, end = value.split("_")
        return date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return None


class BenchmarkFilterForm(forms.Form):
    """Which peer group to show; every choice is one that has records the user may see."""

    figures = forms.ChoiceField(
        label="Kind of figure", required=False, widget=forms.RadioSelect, initial="period"
    )
    programme = forms.ChoiceField(label="Programme")
    group = forms.ChoiceField(label="Claimant group")
    period = forms.ChoiceField(label="Period")
    area = forms.MultipleChoiceField(
        label="Area", required=False, widget=forms.CheckboxSelectMultiple(attrs=SMALL_CHECKBOXES)
    )
    kind = forms.MultipleChoiceField(
        label="Kind of organisation",
        required=False,
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple(attrs=SMALL_CHECKBOXES),
    )
    chain = forms.ModelChoiceField(
        label="Supply chain", queryset=Organisation.objects.none(), required=False,
        to_field_name="slug", empty_label="Any supply chain",
        help_text="Only a prime and its confirmed subcontractors.",
    )  # fmt: skip

    def __init__(self, *args, programmes, groups, areas, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chain"].queryset = Organisation.objects.filter(kind="prime").only(
            "pk", "name", "slug"
        )
        self.fields["figures"].choices = FIGURE_KINDS
        self.fields["programme"].choices = [(p.slug, p.name) for p in programmes]
        self.fields["group"].choices = [(g.slug, g.name) for g in groups]
        self.fields["area"].choices = [(a.slug, a.name) for a in areas]
        self.fields["period"].choices = [
            (period_value(start, end), benchmarks.period_label(start, end))
            for start, end in periods
        ]


class CohortBenchmarkForm(forms.Form):
    """Which cohorts to compare: programme, claimant group, milestone and the year of cohorts
    (ending with a month that is mature for the milestone)."""

    figures = forms.ChoiceField(
        label="Kind of figure", choices=FIGURE_KINDS, widget=forms.RadioSelect, initial="cohort"
    )
    programme = forms.ChoiceField(label="Programme")
    group = forms.ChoiceField(label="Claimant group")
    months = forms.TypedChoiceField(
        label="Within",
        coerce=int,
        choices=[(n, f"{n} months of attachment") for n in cohorts.MILESTONES],
        initial=12,
    )
    end = forms.ChoiceField(label="Cohorts up to", required=False)

    def __init__(self, *args, programmes, groups, ends, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [(p.slug, p.name) for p in programmes]
        self.fields["group"].choices = [(g.slug, g.name) for g in groups]
        self.fields["end"].choices = [("", "The latest mature month")] + [
            (f"{month:%Y-%m}", cohorts.month_label(month)) for month in ends
        ]
        self.fields[
            "end"
        ].help_text = (
            f"A comparison covers {cohorts.WINDOW_MONTHS} cohort months, ending with this one."
        )


class CohortForm(forms.ModelForm):
    """One cohort, entered or updated by an organisation's admin."""

    cohort_month = MonthYearField(label="Month of attachment", help_text="For example, 4 2025.")

    class Meta:
        model = CohortRecord
        fields = [
            "role", "prime", "programme", "area", "claimant_group", "attached",
            *cohorts.FIGURE_NAMES, "visibility",
        ]  # fmt: skip
        labels = {
            "role": "Your organisation's role in this contract",
            "prime": "The prime contractor you deliver for",
            "claimant_group": "Claimant group",
            "attached": "People attached in the month",
            "visibility": "Who can see this cohort?",
            **{
                cohorts.figure_name(measure, months): (
                    f"{cohorts.MEASURES[measure].removesuffix(' rate')}s within {months} months"
                    if measure != "sustainment_outcomes"
                    else f"Sustainment outcomes within {months} months"
                )
                for measure in cohorts.MEASURES
                for months in cohorts.MILESTONES
            },
        }
        widgets = {
            "role": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            **{
                name: forms.NumberInput(attrs={"class": "govuk-input--width-5", "min": 0})
                for name in ("attached", *cohorts.FIGURE_NAMES)
            },
        }

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["role"].choices = CohortRecord.Role.choices
        self.fields["visibility"].choices = CohortRecord.Visibility.choices
        self.fields["prime"].queryset = Organisation.objects.filter(kind="prime").exclude(
            pk=organisation.pk
        )
        self.fields["prime"].empty_label = "Not a subcontractor"
        self.fields["attached"].help_text = (
            "Whole numbers only. Give each later figure once its time has passed; leave it "
            "empty until then."
        )
        for name in ("attached", *cohorts.FIGURE_NAMES):
            label = self.fields[name].label
            self.fields[name].error_messages["invalid"] = (
                f"Enter {label[0].lower() + label[1:]} as a whole number, like 12"
            )

    def _post_clean(self):
        """The services validate the cohort; the form only parses it."""

    def service_data(self) -> dict:
        return dict(self.cleaned_data)
