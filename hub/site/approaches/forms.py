"""The toolkit's filters: a GET form, so filtering works without JavaScript and any filtered
view is a link."""

from __future__ import annotations

from django import forms

from hub.base.models import Barrier, ClaimantGroup, JourneyStage

EVIDENCE_CHOICES = [("", "Any")] + [(str(n), f"{n} or more padlocks") for n in (2, 3, 4, 5)]
IMPACT_CHOICES = [
    ("", "Any, including not enough evidence"),
    ("0", "Any improvement (more than 0 points)"),
    ("5", "5 percentage points or more"),
    ("10", "10 percentage points or more"),
]


def _terms(model) -> list[tuple[str, str]]:
    return [("", "Any")] + list(
        model.objects.order_by("sort_order", "name").values_list("slug", "name")
    )


class ToolkitFilterForm(forms.Form):
    group = forms.ChoiceField(label="Claimant group", required=False)
    barrier = forms.ChoiceField(label="Barrier to work", required=False)
    stage = forms.ChoiceField(label="Journey stage", required=False)
    cost = forms.ChoiceField(label="Cost per participant", required=False)
    evidence = forms.ChoiceField(
        label="Evidence strength", required=False, choices=EVIDENCE_CHOICES,
        help_text="The typical case study's padlocks.",
    )  # fmt: skip
    impact = forms.ChoiceField(
        label="Impact on job outcomes", required=False, choices=IMPACT_CHOICES
    )

    def __init__(self, *args, cost_bands=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = _terms(ClaimantGroup)
        self.fields["barrier"].choices = _terms(Barrier)
        self.fields["stage"].choices = _terms(JourneyStage)
        self.fields["cost"].choices = [("", "Any")] + [
            (str(b.number), f"{b.label} or less ({b.range_text})") for b in cost_bands
        ]
