import django_filters
from django import forms

from hub.base.models import Area, Organisation


class OrganisationFilter(django_filters.FilterSet):
    """The directory's filters: a name search, the kind of organisation and an area served."""

    q = django_filters.CharFilter(
        field_name="name", lookup_expr="icontains", label="Organisation name"
    )
    kind = django_filters.ChoiceFilter(
        choices=Organisation.Kind.choices,
        label="Kind of organisation",
        empty_label="Any kind",
    )
    area = django_filters.ModelChoiceFilter(
        field_name="areas",
        queryset=Area.objects.all(),
        to_field_name="slug",
        label="Area served",
        empty_label="Any area",
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget = forms.TextInput(attrs={"type": "search"})
