"""Bulk upload of cohort records, through the same reader and checks as period records
(cases.performance.imports): all or nothing, every bad row named with its row number.

    rows = read_rows(uploaded_file)
    new, updates, errors = validate(rows, organisation)
    upload = cohort_services.cohorts_import(actor=..., organisation=..., cohorts=new,
                                            updates=updates, ...)

A row for a cohort the organisation already has (same programme, area, claimant group, month
and prime) updates it: the figures it gives replace the stored ones, an empty figure keeps the
stored one.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from cases.performance import cohort_services, imports
from cases.performance.cohorts import FIGURE_NAMES, MEASURES, MILESTONES, figure_name
from cases.performance.imports import NO_COLUMN, ROW, RowError, _clean, _count, _Lookups
from cases.performance.models import CohortRecord
from hub.base.models import Organisation

COLUMNS = (
    "role", "prime", "programme", "area", "claimant_group", "cohort_month", "attached",
    *FIGURE_NAMES, "visibility",
)  # fmt: skip
REQUIRED_COLUMNS = ("role", "programme", "area", "claimant_group", "cohort_month", "attached")
_WORDS = {"job_starts": "job start", "job_outcomes": "job outcome",
          "sustainment_outcomes": "sustainment outcome"}  # fmt: skip

COLUMN_NOTES = {
    "role": "prime or subcontractor.",
    "prime": "For a subcontractor, the prime contractor's name exactly as in the hub's "
    "organisation directory. Leave it empty for a prime.",
    "programme": "The programme's name, for example Work and Health Programme.",
    "area": "The area's code (for example CPA5) or its name.",
    "claimant_group": "The claimant group's name, for example JSA 25+.",
    "cohort_month": "The month the people were attached, as year and month: 2024-04.",
    "attached": "People attached in that month. A whole number.",
    **{
        figure_name(measure, months): (
            f"Of the people attached that month, how many had had a {_WORDS[measure]} within "
            f"{months} months (counting everyone so far, not only the latest months). Leave it "
            "empty until the time has passed or if unknown."
        )
        for measure in MEASURES
        for months in MILESTONES
    },
    "visibility": "members (signed-in members only, the default) or public (published openly).",
}
EXAMPLE_ROWS = (
    ("prime", "", "Work and Health Programme", "CPA5", "JSA 25+", "2024-04", 150,
     40, 60, 72, 80, 10, 30, 48, 55, 0, 12, 30, 41, "members"),
    ("prime", "", "Work and Health Programme", "CPA5", "JSA 25+", "2025-09", 140,
     35, "", "", "", 8, "", "", "", 0, "", "", "", "members"),
)  # fmt: skip


def read_rows(uploaded_file) -> list[dict]:
    """The file's cohorts, within the upload limits (the period reader with cohort columns)."""
    return imports.read_rows(uploaded_file, columns=COLUMNS, required=REQUIRED_COLUMNS)


def validate(
    rows: list[dict], organisation: Organisation
) -> tuple[list[CohortRecord], list[tuple[CohortRecord, dict]], list[RowError]]:
    """New unsaved cohorts, (stored cohort, row data) pairs to update, and every problem in
    every row, sorted by row. The organisation's stored cohorts for the file's months are read
    in one query."""
    lookups = _Lookups(rows)
    new: list[CohortRecord] = []
    updates: list[tuple[CohortRecord, dict]] = []
    errors: list[RowError] = []
    cleaned = []
    for row in rows:
        number = row[ROW]
        data, problems = _clean(row, lookups, months=("cohort_month",), figures=FIGURE_NAMES)
        attached, problem = _attached(row)
        data["attached"] = attached
        if problem:
            problems.append(("attached", problem))
        if not row.get("visibility", "").strip():
            data["visibility"] = None  # keep a stored cohort's sharing
        if problems:
            errors.extend(RowError(number, column, reason) for column, reason in problems)
            continue
        cleaned.append((number, data))
    months = {data["cohort_month"] for _, data in cleaned}
    stored = {
        cohort_services.cohort_key(c): c
        for c in CohortRecord.objects.filter(organisation=organisation, cohort_month__in=months)
    }
    seen: dict[tuple, int] = {}
    for number, data in cleaned:
        key = (
            data["programme"].pk, data["area"].pk, data["claimant_group"].pk,
            data["cohort_month"], data["prime"].pk if data["prime"] else None,
        )  # fmt: skip
        if key in seen:
            errors.append(
                RowError(number, NO_COLUMN, f"Row {seen[key]} is for the same programme, area, "
                         "claimant group, month and prime: give each cohort once")
            )  # fmt: skip
            continue
        seen[key] = number
        existing = stored.get(key)
        try:
            if existing is not None:
                if existing.role != data["role"]:
                    raise ValidationError(
                        {"role": "This cohort is stored with another role: change the role "
                         "in the file or the stored cohort"}
                    )  # fmt: skip
                cohort_services.changes_of(existing, data)
                updates.append((existing, data))
            else:
                if data["visibility"] is None:
                    data["visibility"] = CohortRecord.Visibility.MEMBERS
                cohort = cohort_services.build(organisation=organisation, data=data)
                cohort.source_row = number
                new.append(cohort)
        except ValidationError as exc:
            errors.extend(_model_errors(number, exc))
    errors.sort(key=lambda error: error.row)
    return new, updates, errors


def _model_errors(number: int, exc: ValidationError) -> list[RowError]:
    if not hasattr(exc, "error_dict"):
        return [RowError(number, NO_COLUMN, message) for message in exc.messages]
    return [
        RowError(number, field if field in COLUMNS else NO_COLUMN, message)
        for field, field_errors in exc.message_dict.items()
        for message in field_errors
    ]


def _attached(row: dict) -> tuple[int | None, str | None]:
    value, problem = _count("attached", row.get("attached", ""))
    if problem:
        return None, problem.replace("Attached", "People attached")
    if value is None:
        return None, "Enter the number of people attached in the month"
    return value, None
