"""The opportunity list's filters, as a django-filter FilterSet read from a plain GET form."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils import timezone

from cases.performance import selectors as performance
from hub.base.models import Area, ClaimantGroup
from toolkits.supplychains.models import Opportunity

STATUSES = (("open", "Open"), ("closed", "Closed"), ("all", "Open and closed"))


def _through(relation: str, column: str):
    """Match any chosen term through the m2m table, without joining (no duplicate rows)."""

    def method(queryset, name, value):
        if not value:
            return queryset
        through = getattr(Opportunity, relation).through
        ids = through.objects.filter(**{f"{column}__in": [t.pk for t in value]}).values(
            "opportunity_id"
        )
        return queryset.filter(pk__in=ids)

    return method


class OpportunityFilter(django_filters.FilterSet):
    programme = django_filters.ModelMultipleChoiceFilter(
        field_name="programme__slug",
        queryset=performance.programmes(),
        to_field_name="slug",
        label="Programme",
        widget=forms.CheckboxSelectMultiple,
    )
    area = django_filters.ModelMultipleChoiceFilter(
        queryset=Area.objects.all(),
        to_field_name="slug",
        label="Area",
        method=_through("areas", "area_id"),
        widget=forms.CheckboxSelectMultiple,
    )
    group = django_filters.ModelMultipleChoiceFilter(
        queryset=ClaimantGroup.objects.all(),
        to_field_name="slug",
        label="Claimant group",
        method=_through("claimant_groups", "claimantgroup_id"),
        widget=forms.CheckboxSelectMultiple,
    )
    services = django_filters.MultipleChoiceFilter(
        choices=Opportunity.Services.choices,
        label="Services wanted",
        widget=forms.CheckboxSelectMultiple,
    )
    status = django_filters.ChoiceFilter(
        choices=STATUSES, label="Status", method="filter_status", empty_label=None
    )

    class Meta:
        model = Opportunity
        fields = ["programme", "services"]

    def filter_status(self, queryset, name, value):
        return queryset  # applied in filter_queryset, so it holds when the field is left out

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        status = self.form.cleaned_data.get("status") or "open"
        today = timezone.localdate()
        if status == "open":
            return queryset.open(today)
        if status == "closed":
            return queryset.closed(today)
        return queryset

    @property
    def chosen_status(self) -> str:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return data.get("status") or "open"

    def selected(self) -> dict[str, list[str]]:
        """The chosen slugs and values, for ticking the facet boxes."""
        if not self.form.is_valid():
            return {}
        data = self.form.cleaned_data
        return {
            "programme": [t.slug for t in data.get("programme") or []],
            "area": [t.slug for t in data.get("area") or []],
            "group": [t.slug for t in data.get("group") or []],
            "services": list(data.get("services") or []),
        }
