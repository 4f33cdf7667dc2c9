"""Forms for opportunities, expressions of interest and conduct feedback: only what members set."""

from __future__ import annotations

from django import forms

from cases.performance import selectors as performance
from hub.base.idempotency import SubmissionKeyMixin
from hub.base.models import Area, ClaimantGroup
from hub.base.text import no_control_characters
from toolkits.supplychains.models import SCORES, STATEMENTS, ExpressionOfInterest, Opportunity

DATE_INPUT = forms.DateInput(attrs={"type": "date", "class": "govuk-input--width-10"})


class OpportunityForm(SubmissionKeyMixin, forms.ModelForm):
    """The subcontract opportunity and its standard fact sheet."""

    programme = forms.ModelChoiceField(
        queryset=performance.programmes(), empty_label="Choose a programme"
    )
    areas = forms.ModelMultipleChoiceField(
        queryset=Area.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one area"},
    )
    claimant_groups = forms.ModelMultipleChoiceField(
        queryset=ClaimantGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave empty if the opportunity is for everyone referred.",
    )

    class Meta:
        model = Opportunity
        fields = [
            "title", "summary", "programme", "areas", "claimant_groups", "services",
            "specialism", "referrals_per_month", "contract_months", "starts_on",
            "attachment_fee", "outcome_payment", "sustainment_payment", "sustainment_count",
            "management_fee_percent", "payment_terms_days", "prime_provides", "it_systems",
            "minimum_insurance", "how_to_apply", "deadline",
        ]  # fmt: skip
        labels = {
            "summary": "What the service is",
            "services": "Services wanted",
            "specialism": "Specialism (for specialist provision)",
            "referrals_per_month": "Expected referrals a month",
            "contract_months": "Contract length in months",
            "starts_on": "Start date (optional)",
            "attachment_fee": "Attachment fee per person (£)",
            "outcome_payment": "Job outcome payment (£)",
            "sustainment_payment": "Each sustainment payment (£)",
            "sustainment_count": "Number of sustainment payments",
            "management_fee_percent": "Prime's management fee (%)",
            "payment_terms_days": "Payment terms (days from invoice to payment)",
            "prime_provides": "What the prime provides",
            "it_systems": "IT systems you must use",
            "minimum_insurance": "Minimum insurance",
            "how_to_apply": "How to apply",
            "deadline": "Deadline for expressions of interest",
        }
        help_texts = {
            "summary": "Who you want, for whom, and where. You can use Markdown.",
            "specialism": "For example, mental health, housing or debt advice.",
            "prime_provides": "Training, premises, case management, marketing, anything else.",
            "minimum_insurance": "For example, £5 million public liability.",
        }
        widgets = {
            "starts_on": DATE_INPUT,
            "deadline": DATE_INPUT,
            "services": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].validators.append(no_control_characters)
        self.fields["services"].choices = Opportunity.Services.choices

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("areas"), data.pop("claimant_groups")
        return data


class EOIForm(SubmissionKeyMixin, forms.ModelForm):
    """The short, standard expression of interest (the Merlin-style form the report asks for)."""

    class Meta:
        model = ExpressionOfInterest
        fields = [
            "services_offered", "experience", "capacity_per_month", "quality_standards",
            "contact_email",
        ]  # fmt: skip
        labels = {
            "services_offered": "What would you deliver?",
            "experience": "Your experience with these claimant groups, and your results",
            "capacity_per_month": "How many people could you take on each month?",
            "quality_standards": "Quality standards you hold (optional)",
            "contact_email": "Email address for the prime to reply to",
        }
        help_texts = {
            "services_offered": "The part of the service you would run, and where.",
            "experience": "Keep it short: the prime will ask for more if it shortlists you.",
            "quality_standards": "For example, Matrix, Investors in People, ISO 9001.",
        }


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label="Your answer",
        choices=[
            (ExpressionOfInterest.Status.SHORTLISTED, "Shortlist"),
            (ExpressionOfInterest.Status.DECLINED, "Decline"),
        ],
        widget=forms.RadioSelect,
    )
    reply = forms.CharField(
        label="Message to the organisation (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WatchForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=performance.programmes(),
        to_field_name="slug",
        required=False,
        empty_label="No programme",
        label="Programme",
    )
    area = forms.ModelChoiceField(
        queryset=Area.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="No area",
        label="Area",
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("programme")) == bool(data.get("area")):
            raise forms.ValidationError("Choose a programme or an area, not both")
        return data


class ConductForm(forms.Form):
    """The six statements, each rated 1 to 5."""

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        organisations = list(organisations)
        if len(organisations) > 1:
            self.fields["organisation"] = forms.ChoiceField(
                label="Answering for",
                choices=[(o.slug, o.name) for o in organisations],
                widget=forms.RadioSelect,
            )
        for name, label in STATEMENTS:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Say how far you agree: {label.lower()}"},
            )
        self.fields["comment"] = forms.CharField(
            label="Comment (optional)",
            required=False,
            max_length=1500,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text="A moderator reads it before it is published, and it is never shown with "
            "your name or organisation. Do not name people. Changing it sends it for review again.",
        )

    def scores(self) -> dict:
        return {name: self.cleaned_data[name] for name, _ in STATEMENTS}


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="Your public reply for this year",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One reply a year, shown beside the results. Posting again replaces it.",
    )
