"""Forms for case studies, ratings, comments and moderation. Each names its fields."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from cases.casestudies.models import Approach, CaseStudy
from hub.base.fields import MonthYearField
from hub.base.idempotency import SubmissionKeyMixin
from hub.base.models import Organisation
from hub.base.text import no_control_characters


class CaseStudyForm(SubmissionKeyMixin, forms.ModelForm):
    period_start = MonthYearField(
        label="When did it start?", help_text="For example, 3 2024 for March 2024."
    )
    period_end = MonthYearField(
        label="When did it end?",
        required=False,
        help_text="Leave empty if it is still running.",
    )
    cited_records = forms.ModelMultipleChoiceField(
        label="Which performance records evidence it?",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Optional. Your organisation's records; a case study citing a record that a "
        "partner confirmed or a moderator verified is marked as evidenced by data.",
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=300,
        help_text="Optional words that help people find it, separated by commas.",
    )

    class Meta:
        model = CaseStudy
        fields = [
            "title", "organisation", "summary", "claimant_groups", "barriers", "journey_stages",
            "areas", "provision", "delivery_approach", "partners", "what_was_done", "body",
            "outcomes", "participants", "job_starts", "job_outcomes", "lessons", "approaches",
            "comparison", "comparison_outcome_rate", "follow_up_months", "cost_per_participant",
            "cost_covers",
        ]  # fmt: skip
        labels = {
            "title": "Title",
            "organisation": "Which organisation is this for?",
            "claimant_groups": "Who was it for?",
            "barriers": "Which barriers to work did it address?",
            "journey_stages": "At which stages of the journey?",
            "areas": "Where was it delivered?",
            "provision": "Was the service end-to-end or specialist?",
            "delivery_approach": "How was it delivered?",
            "what_was_done": "What did you do?",
            "body": "The story",
            "outcomes": "What were the outcomes?",
            "participants": "How many people took part?",
            "job_starts": "How many started work?",
            "job_outcomes": "How many reached a job outcome?",
            "lessons": "Lessons and pitfalls",
            "approaches": "Which approaches is it an example of?",
            "comparison": "What did you compare your results with?",
            "comparison_outcome_rate": "The comparison's job outcome rate",
            "follow_up_months": "For how many months did you follow people up?",
            "cost_per_participant": "Cost per participant",
            "cost_covers": "What does the cost cover?",
        }
        help_texts = {
            "title": "Say what worked and for whom, like “Job clubs run with a housing charity”.",
            "claimant_groups": "Choose all that apply.",
            "barriers": "Choose all that apply.",
            "journey_stages": "Choose all that apply.",
            "areas": "Choose all that apply.",
            "body": "Markdown: *italic*, **bold**, [links](https://example.org), lists with -.",
            "what_was_done": "The steps you took, in order. Markdown.",
            "participants": "Optional. Whole numbers only.",
            "job_starts": "Optional.",
            "job_outcomes": "Optional. A paid outcome after the qualifying period in work.",
            "approaches": "Optional. Your case study counts towards each approach's evidence "
            "on the What works toolkit; a moderator may confirm the link.",
            "comparison": "Peers are compared from the performance database, using the records "
            "you cite below.",
            "comparison_outcome_rate": "Optional. Job outcomes per 100 people in what you "
            "compared with, like 12.5. Not needed for peers.",
            "follow_up_months": "Optional. How long after starting you knew whether people "
            "were in work.",
            "cost_per_participant": "Optional. In pounds, like 350.",
            "cost_covers": "Optional. For example, staff time and travel passes.",
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "claimant_groups": forms.CheckboxSelectMultiple,
            "barriers": forms.CheckboxSelectMultiple,
            "journey_stages": forms.CheckboxSelectMultiple,
            "areas": forms.CheckboxSelectMultiple,
            "provision": forms.RadioSelect,
            "organisation": forms.RadioSelect,
            "delivery_approach": forms.Textarea(attrs={"rows": 4}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "what_was_done": forms.Textarea(attrs={"rows": 8}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "outcomes": forms.Textarea(attrs={"rows": 5}),
            "lessons": forms.Textarea(attrs={"rows": 5}),
            "participants": forms.NumberInput(attrs={"class": "govuk-input--width-5", "min": 0}),
            "job_starts": forms.NumberInput(attrs={"class": "govuk-input--width-5", "min": 0}),
            "job_outcomes": forms.NumberInput(attrs={"class": "govuk-input--width-5", "min": 0}),
            "approaches": forms.CheckboxSelectMultiple,
            "comparison": forms.RadioSelect,
            "comparison_outcome_rate": forms.NumberInput(
                attrs={"class": "govuk-input--width-4", "step": "0.1", "min": 0, "max": 100}
            ),
            "follow_up_months": forms.NumberInput(
                attrs={"class": "govuk-input--width-3", "min": 0}
            ),
            "cost_per_participant": forms.NumberInput(
                attrs={"class": "govuk-input--width-5", "min": 0}
            ),
        }
        error_messages = {
            "title": {"required": "Enter a title"},
            "summary": {"required": "Enter a summary"},
            "body": {"required": "Tell the story of what happened"},
            "organisation": {"required": "Choose the organisation this is for"},
            "claimant_groups": {"required": "Choose at least one claimant group"},
            "journey_stages": {"required": "Choose at least one journey stage"},
            "provision": {"required": "Say whether the service was end-to-end or specialist"},
            "delivery_approach": {"required": "Say how it was delivered"},
            "what_was_done": {"required": "Say what you did"},
            "outcomes": {"required": "Describe the outcomes"},
            "lessons": {"required": "Share at least one lesson or pitfall"},
            "participants": {"invalid": "Enter a whole number of people, like 40"},
            "job_starts": {"invalid": "Enter a whole number of job starts, like 12"},
            "job_outcomes": {"invalid": "Enter a whole number of job outcomes, like 8"},
            "comparison_outcome_rate": {
                "invalid": "Enter the comparison's job outcome rate as a number, like 12.5",
                "max_digits": "Enter a rate from 0 to 100, like 12.5",
                "max_decimal_places": "Enter the rate with at most one decimal place",
            },
            "follow_up_months": {"invalid": "Enter a whole number of months, like 6"},
            "cost_per_participant": {"invalid": "Enter a whole number of pounds, like 350"},
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = organisations if organisations is not None else Organisation.objects.none()
        self.fields["organisation"].queryset = queryset
        self.fields["title"].validators.append(no_control_characters)
        self.fields["organisation"].empty_label = None
        if not self.instance.pk and len(queryset) == 1:
            self.initial.setdefault("organisation", queryset[0].pk)
        self.fields["provision"].choices = CaseStudy.Provision.choices
        if self.instance.pk:
            self.initial.setdefault("tags", ", ".join(sorted(self.instance.tags.names())))
            self.initial.setdefault("period_start", self.instance.period_start)
            self.initial.setdefault("period_end", self.instance.period_end)
        for name in ("participants", "job_starts", "job_outcomes"):
            self.fields[name].min_value = 0
        self.fields["approaches"].queryset = Approach.objects.live().order_by("title")
        self.fields["comparison"].choices = CaseStudy.Comparison.choices
        self.fields["comparison"].required = False
        if not self.fields["approaches"].queryset.exists():
            del self.fields["approaches"]
        from cases.performance.models import PerformanceRecord

        org_ids = [o.pk for o in queryset]
        recent = list(
            PerformanceRecord.objects.filter(organisation__in=org_ids)
            .order_by("-period_start", "-id")
            .values_list("pk", flat=True)[:40]
        )
        self.fields["cited_records"].queryset = (
            PerformanceRecord.objects.filter(pk__in=recent)
            .select_related("organisation", "programme", "claimant_group", "area")
            .order_by("-period_start", "-id")
        )
        if self.instance.pk:
            self.initial.setdefault("cited_records", list(self.instance.cited_records.all()))

    def clean_comparison(self) -> str:
        return self.cleaned_data.get("comparison") or CaseStudy.Comparison.NONE

    def clean_tags(self) -> list[str]:
        names = [t.strip()[:100] for t in self.cleaned_data.get("tags", "").split(",")]
        names = list(dict.fromkeys(n.lower() for n in names if n))
        if len(names) > 10:
            raise forms.ValidationError("Use 10 tags or fewer")
        return names

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        this_month = timezone.localdate().replace(day=1)
        if start and start > this_month:
            self.add_error("period_start", "The start cannot be in the future")
        if start and end and end < start:
            self.add_error("period_end", "The end must be the same month as the start or later")
        if end and end > this_month:
            self.add_error("period_end", "The end cannot be in the future")
        participants, starts, outcomes = (
            data.get("participants"), data.get("job_starts"), data.get("job_outcomes"),
        )  # fmt: skip
        if participants is not None and starts is not None and starts > participants:
            self.add_error("job_starts", "Job starts cannot be more than the people who took part")
        if starts is not None and outcomes is not None and outcomes > starts:
            self.add_error("job_outcomes", "Job outcomes cannot be more than job starts")
        rate, comparison = data.get("comparison_outcome_rate"), data.get("comparison")
        if rate is not None and not 0 <= rate <= 100:
            self.add_error("comparison_outcome_rate", "Enter a rate from 0 to 100, like 12.5")
        elif rate is not None and comparison in ("none", "peers"):
            self.add_error(
                "comparison_outcome_rate",
                "Leave this empty when you compared with nothing or with peers"
                if comparison == "none"
                else "Leave this empty: peers' rate comes from the performance database",
            )
        return data

    def service_data(self) -> dict:
        """The cleaned data in the shape the services take."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "submission_key"}
        data.pop("organisation", None)
        return data


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label="How useful is this practice?",
        coerce=int,
        choices=[
            (5, "5 – Very useful"),
            (4, "4 – Useful"),
            (3, "3 – Somewhat useful"),
            (2, "2 – Not very useful"),
            (1, "1 – Not useful"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how useful this practice is, from 1 to 5"},
    )


class CommentForm(SubmissionKeyMixin, forms.Form):
    body = forms.CharField(
        label="Your comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Markdown is allowed. Be kind and specific; don't name participants.",
        error_messages={"required": "Enter your comment"},
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label="Your comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter your comment"},
    )
