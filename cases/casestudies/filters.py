"""The case-study list's facets, search box and sort, as a django-filter FilterSet."""

from __future__ import annotations

import django_filters
from django import forms

from cases.casestudies.models import CaseStudy, TaggedCaseStudy
from hub.base.models import Area, Barrier, ClaimantGroup, JourneyStage, Organisation

SORTS = {
    "newest": ("Newest", ["-published_at", "-id"]),
    "top": ("Top rated", ["-rating_score", "-id"]),
    "discussed": ("Most discussed", ["-comment_count", "-id"]),
}
# Facet name -> (the taxonomy, the case-study relation)
TERM_FACETS = {
    "group": (ClaimantGroup, "claimant_groups"),
    "barrier": (Barrier, "barriers"),
    "stage": (JourneyStage, "journey_stages"),
    "area": (Area, "areas"),
}


def _through_filter(relation: str):
    """Match any of the chosen terms without joining (and so without duplicate rows)."""

    def method(queryset, name, value):
        if not value:
            return queryset
        through = getattr(CaseStudy, relation).through
        target = through._meta.get_field(
            next(f.name for f in through._meta.fields if f.name not in {"id", "casestudy"})
        ).attname
        ids = through.objects.filter(**{f"{target}__in": [t.pk for t in value]}).values(
            "casestudy_id"
        )
        return queryset.filter(pk__in=ids)

    return method


def _term_filter(model, relation: str, label: str):
    """A facet on one taxonomy: any of the chosen terms, by slug, as checkboxes."""
    return django_filters.ModelMultipleChoiceFilter(
        queryset=model.objects.all(),
        to_field_name="slug",
        label=label,
        method=_through_filter(relation),
        widget=forms.CheckboxSelectMultiple,
    )


class CaseStudyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="noop", label="Search case studies")
    group = _term_filter(ClaimantGroup, "claimant_groups", "Claimant group")
    barrier = _term_filter(Barrier, "barriers", "Barrier to work")
    stage = _term_filter(JourneyStage, "journey_stages", "Journey stage")
    area = _term_filter(Area, "areas", "Area")
    kind = django_filters.MultipleChoiceFilter(
        choices=Organisation.Kind.choices,
        label="Kind of organisation",
        method="filter_kind",
        widget=forms.CheckboxSelectMultiple,
    )
    tag = django_filters.CharFilter(method="filter_tag", label="Tag")
    evidenced = django_filters.BooleanFilter(
        method="filter_evidenced",
        label="Only those evidenced by checked data",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="noop",
        label="Sort by",
        empty_label=None,
    )

    class Meta:
        model = CaseStudy
        fields = ["q", "group", "barrier", "stage", "area", "kind", "tag", "evidenced", "sort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget = forms.TextInput(attrs={"type": "search"})
        self.form.fields["tag"].widget = forms.HiddenInput()

    def noop(self, queryset, name, value):
        return queryset  # applied by the view: search and sort are not filters

    def filter_kind(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(organisation__kind__in=value)

    def filter_evidenced(self, queryset, name, value):
        return queryset.evidenced() if value else queryset

    def filter_tag(self, queryset, name, value):
        value = (value or "").strip().lower()
        if not value:
            return queryset
        return queryset.filter(
            pk__in=TaggedCaseStudy.objects.filter(tag__slug=value).values("content_object_id")
        )

    @property
    def sort_key(self) -> str:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return data.get("sort") or "newest"

    @property
    def search_text(self) -> str:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return (data.get("q") or "").strip()
