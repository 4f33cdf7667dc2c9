"""Forms for writing Customer Service Standards: the statement, and one formset per journey stage.

Forms name only what an admin may change. Every form of a formset is treated as an extra form
when posted, so a blank standard (one added but not filled in) is skipped, not an error.
"""

from __future__ import annotations

from django import forms

from hub.base.models import Area, Organisation
from toolkits.models import ServiceStandard
from toolkits.services.standards import COMPARE_AT_MOST, MAX_PER_STAGE, StandardInput
from toolkits.services.standards_results import ResultInput

Kind = ServiceStandard.MeasureKind
PLAIN_ENGLISH = {"data-plain-english": "true"}


class StatementForm(forms.Form):
    use_required_attribute = False

    rights = forms.CharField(
        label="What a claimant can expect from you",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6, **PLAIN_ENGLISH}),
        help_text="Their rights, in plain English. For example: 'We will treat you with respect. "
        "You can see the notes we keep about you.' You need this to publish.",
    )
    responsibilities = forms.CharField(
        label="What you ask of a claimant in return",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6, **PLAIN_ENGLISH}),
        help_text="Their responsibilities. For example: 'Come to the appointments you agree "
        "with your adviser, or tell us if you cannot.' You need this to publish.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class StandardForm(forms.Form):
    """One standard: the promise (Service Standard) and how it is measured (Standard Measure)."""

    use_required_attribute = False

    service_standard = forms.CharField(
        label="Service standard",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, **PLAIN_ENGLISH}),
        help_text="What you promise, in plain English. For example: 'Your adviser will agree "
        "a plan with you, with steps you both sign up to.'",
        error_messages={"required": "Enter the service standard: what you promise"},
    )
    measure = forms.CharField(
        label="Standard measure",
        max_length=300,
        help_text="What you count. For example: 'Action plans updated'.",
        error_messages={"required": "Enter the standard measure: what you count"},
    )
    measure_kind = forms.ChoiceField(
        label="How is it measured?",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the standard is measured"},
    )
    percentage = forms.DecimalField(
        label="Target percentage",
        required=False,
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        help_text="Needed when the measure is a target percentage: a number from 0 to 100, "
        "for example 95.",
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-4", "spellcheck": "false"}
        ),
        error_messages={
            "invalid": "Enter the target percentage as a number, like 95",
            "min_value": "The target percentage must be 0 or more",
            "max_value": "The target percentage must be 100 or less",
            "max_decimal_places": "Give the percentage to one decimal place at most",
            "max_digits": "Enter the target percentage as a number from 0 to 100",
        },
    )
    days = forms.DecimalField(
        label="Number of working days",
        required=False,
        min_value=0.5,
        max_value=365,
        max_digits=4,
        decimal_places=1,
        help_text="For example, 5.",
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-4", "spellcheck": "false"}
        ),
        error_messages={
            "invalid": "Enter the number of working days as a number, like 5",
            "min_value": "The number of working days must be more than 0",
            "max_value": "The number of working days must be 365 or fewer",
            "max_decimal_places": "Give the number of days to one decimal place at most",
            "max_digits": "Enter the number of working days as a number, like 5",
        },
    )
    frequency = forms.ChoiceField(
        label="How often",
        required=False,
        choices=[("", "Choose how often"), *ServiceStandard.Frequency.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each value is required once its kind is chosen (it is shown under that choice), so
        # its label must not say "(optional)".
        for name, kind in (("percentage", Kind.PERCENTAGE), ("days", Kind.DAYS),
                           ("frequency", Kind.FREQUENCY)):  # fmt: skip
            self.fields[name].required_when = kind.label

    def clean(self):
        data = super().clean()
        kind = data.get("measure_kind")
        if (
            kind == Kind.PERCENTAGE
            and data.get("percentage") is None
            and not self.has_error("percentage")
        ):
            self.add_error(
                "percentage",
                "Enter the target percentage, from 0 to 100: you chose a target percentage",
            )
        elif kind == Kind.DAYS and data.get("days") is None and not self.has_error("days"):
            self.add_error(
                "days", "Enter the number of working days: you chose a number of working days"
            )
        elif kind == Kind.FREQUENCY and not data.get("frequency"):
            self.add_error("frequency", "Choose how often: you chose 'How often'")
        return data

    def standard_input(self, stage) -> StandardInput:
        data = self.cleaned_data
        kind = data["measure_kind"]
        return StandardInput(
            stage=stage,
            service_standard=data["service_standard"],
            measure=data["measure"],
            measure_kind=kind,
            measure_value=data.get("percentage")
            if kind == Kind.PERCENTAGE
            else data.get("days")
            if kind == Kind.DAYS
            else None,
            measure_frequency=data.get("frequency", "") if kind == Kind.FREQUENCY else "",
        )


class BaseStandardFormSet(forms.BaseFormSet):
    def initial_form_count(self):
        """Posted forms are all 'extra', so one left blank is skipped rather than required."""
        return 0 if self.is_bound else super().initial_form_count()

    def filled_forms(self) -> list[StandardForm]:
        return [form for form in self.forms if form.has_changed() and form.cleaned_data]


StandardFormSet = forms.formset_factory(
    StandardForm,
    formset=BaseStandardFormSet,
    extra=0,
    max_num=MAX_PER_STAGE,
    validate_max=True,
    absolute_max=MAX_PER_STAGE + 5,
)


def initial_from(item: ServiceStandard) -> dict:
    """A saved standard as a form's initial values."""
    value = "" if item.measure_value is None else f"{item.measure_value.normalize():f}"
    return {
        "service_standard": item.service_standard,
        "measure": item.measure,
        "measure_kind": item.measure_kind,
        "percentage": value if item.measure_kind == Kind.PERCENTAGE else "",
        "days": value if item.measure_kind == Kind.DAYS else "",
        "frequency": item.measure_frequency,
    }


def raw_values(form: forms.Form) -> dict:
    """What was typed into a posted form, as it was typed, to show again unvalidated."""
    return {name: form[name].data or "" for name in form.fields}


class CompareForm(forms.Form):
    """Choose organisations to compare, narrowed by area or kind."""

    use_required_attribute = False

    area = forms.ModelChoiceField(
        label="Area",
        queryset=Area.objects.order_by("sort_order", "name"),
        to_field_name="slug",
        required=False,
        empty_label="Any area",
    )
    kind = forms.ChoiceField(
        label="Kind of organisation",
        required=False,
        choices=[("", "Any kind"), *Organisation.Kind.choices],
    )
    org = forms.MultipleChoiceField(
        label="Organisations to compare",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Choose up to {COMPARE_AT_MOST}.",
        error_messages={"invalid_choice": "Choose organisations from the list"},
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].choices = [(org.slug, org.name) for org in candidates]

    def clean_org(self):
        chosen = self.cleaned_data["org"]
        if len(chosen) > COMPARE_AT_MOST:
            raise forms.ValidationError(
                f"Choose {COMPARE_AT_MOST} organisations or fewer to compare"
            )
        return chosen


class ResultsForm(forms.Form):
    """One quarter's results for each published Standard Measure: a number, or kept / not kept
    for a 'how often' measure. Left empty, a measure keeps whatever was recorded before."""

    quarter = forms.ChoiceField(label="Quarter")

    def __init__(self, *args, items, quarters, labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.fields["quarter"].choices = [(q.isoformat(), labels[q]) for q in quarters]
        kind = ServiceStandard.MeasureKind
        for item in self.items:
            name = f"measure_{item.pk}"
            label = f"{item.stage.name}: {item.measure}"
            if item.measure_kind == kind.FREQUENCY:
                self.fields[name] = forms.ChoiceField(
                    label=label, required=False, widget=forms.RadioSelect,
                    choices=[("yes", "Kept"), ("no", "Not kept")],
                    help_text=f"The promise: {item.get_measure_frequency_display().lower()}.",
                )  # fmt: skip
            else:
                percentage = item.measure_kind == kind.PERCENTAGE
                self.fields[name] = forms.DecimalField(
                    label=label, required=False, min_value=0,
                    max_value=100 if percentage else None, max_digits=5, decimal_places=1,
                    help_text=(f"Target {item.measure_value.normalize():f}%. "
                               "The percentage reached." if percentage else
                               f"Target within {item.measure_value.normalize():f} working days. "
                               "The working days it took on average."),
                    widget=forms.TextInput(attrs={"class": "govuk-input--width-4",
                                                  "inputmode": "decimal"}),
                    error_messages={
                        "invalid": "Enter a number, like 92.5",
                        "min_value": "Enter a number that is 0 or more",
                        "max_value": "Enter a percentage of 100 or less",
                        "max_digits": "Enter a number with up to 4 digits before the point",
                        "max_decimal_places": "Enter a number with one decimal place at most",
                    },
                )  # fmt: skip

    def results(self) -> dict:
        """{ServiceStandard id: ResultInput} for the measures filled in."""
        found = {}
        for item in self.items:
            value = self.cleaned_data.get(f"measure_{item.pk}")
            if value in (None, ""):
                continue
            if isinstance(value, str):
                found[item.pk] = ResultInput(kept=value == "yes")
            else:
                found[item.pk] = ResultInput(result=value)
        return found
