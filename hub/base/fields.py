"""Form fields the GOV.UK patterns need and Django lacks."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError


class MonthYearWidget(forms.MultiWidget):
    """GOV.UK's date input with month and year only (for periods such as "March 2024")."""

    parts = (("month", "Month", 2), ("year", "Year", 4))

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "2"}),
            forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "4"}),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.month), str(value.year)]
        return [None, None]


class MonthYearField(forms.MultiValueField):
    """A month as the first day of that month; one clear message whatever is wrong."""

    widget = MonthYearWidget

    def __init__(self, *, min_year: int = 1990, max_year: int = 2100, **kwargs):
        self.min_year, self.max_year = min_year, max_year
        fields = (forms.CharField(), forms.CharField())
        super().__init__(fields, require_all_fields=False, **kwargs)

    def clean(self, value):
        month, year = (value or [None, None]) + [None] * (2 - len(value or []))
        month, year = (month or "").strip(), (year or "").strip()
        label = (self.label or "the date").lower()
        if not month and not year:
            if self.required:
                raise ValidationError(f"Enter {label}", code="required")
            return None
        if not month:
            raise ValidationError(f"{self.label} must include a month")
        if not year:
            raise ValidationError(f"{self.label} must include a year")
        if not (month.isdigit() and 1 <= int(month) <= 12):
            raise ValidationError(f"{self.label}: the month must be a number from 1 to 12")
        if not (year.isdigit() and len(year) == 4):
            raise ValidationError(f"{self.label}: the year must have 4 numbers, like 2024")
        if not self.min_year <= int(year) <= self.max_year:
            raise ValidationError(
                f"{self.label}: the year must be between {self.min_year} and {self.max_year}"
            )
        return datetime.date(int(year), int(month), 1)

    def compress(self, data_list):  # clean() above does the work
        return data_list
