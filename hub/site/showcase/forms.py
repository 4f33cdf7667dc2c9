from django import forms

from hub.base.models import ShowcaseKind
from hub.site.showcase.models import ShowcasePage


class FeatureForm(forms.Form):
    showcase = forms.ModelChoiceField(
        label="Showcase page",
        queryset=ShowcasePage.objects.live(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(
        label="Which kind of good practice does it show?",
        choices=ShowcaseKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of good practice"},
    )
    note = forms.CharField(
        label="Why was it chosen?",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown beside it on the showcase.",
        error_messages={"required": "Say why it was chosen"},
    )
