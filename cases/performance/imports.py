"""Bulk upload of performance records: read a CSV or XLSX file, check every row, save all or none.

    rows = read_rows(uploaded_file)  # ValidationError: not a spreadsheet, too big, bad header
    records, errors = validate(rows, organisation)  # every bad cell, as RowError tuples
    upload = services.records_import(actor=..., organisation=..., records=records, ...)

An upload is for one organisation (chosen on the form, not a column). Lookups (programmes,
areas, claimant groups, prime contractors) are loaded once per file, not once per row; the
model's own rules come from `cases.performance.services.build`, so a row is accepted here
exactly when the single-record form would accept it.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError

from cases.performance import services as record_services
from cases.performance.models import PerformanceRecord, Programme
from cases.performance.rates import DEFINITIONS
from hub.base.models import Area, ClaimantGroup, Organisation
from hub.base.spreadsheets import EXTRA, ROW, file_sha256, read_table

__all__ = ["file_sha256", "read_rows", "validate", "RowError", "ROW", "EXTRA"]

COLUMNS = (
    "role", "prime", "programme", "area", "claimant_group", "period_start", "period_end",
    "referrals", "attachments", "job_starts", "job_outcomes", "sustainment_outcomes",
    "profile_job_outcomes", "visibility", "funding_received",
)  # fmt: skip
REQUIRED_COLUMNS = ("role", "programme", "area", "claimant_group", "period_start", "period_end")
FIGURES = record_services.FIGURES
NO_COLUMN = "—"  # the column of a problem with the whole row
MAX_COUNT = 2_147_483_647  # the largest value of the database's integer column
MIN_YEAR, MAX_YEAR = 1990, 2100

COLUMN_NOTES = {
    "role": "prime or subcontractor.",
    "prime": "For a subcontractor, the prime contractor's name exactly as in the hub's "
    "organisation directory. Leave it empty for a prime.",
    "programme": "The programme's name, for example Work and Health Programme.",
    "area": "The area's code (for example CPA5) or its name.",
    "claimant_group": "The claimant group's name, for example JSA 25+.",
    "period_start": "The first month of the period, as year and month: 2024-04.",
    "period_end": "The last month of the period, as year and month: 2025-03.",
    **{name: f"{DEFINITIONS[name]} A whole number; leave it empty if unknown." for name in FIGURES},
    "funding_received": f"{DEFINITIONS['funding_received']} Whole pounds, like 1450000; leave it "
    "empty not to disclose.",
    "visibility": "members (signed-in members only, the default) or public (published openly).",
}
EXAMPLE_ROW = (
    "prime", "", "Work and Health Programme", "CPA5", "JSA 25+", "2024-04", "2025-03",
    1200, 1100, 380, 260, 150, 300, "members", 1450000,
)  # fmt: skip

_ROLES = {
    "prime": PerformanceRecord.Role.PRIME,
    "prime contractor": PerformanceRecord.Role.PRIME,
    "subcontractor": PerformanceRecord.Role.SUBCONTRACTOR,
    "sub-contractor": PerformanceRecord.Role.SUBCONTRACTOR,
}
_VISIBILITY = {
    "": PerformanceRecord.Visibility.MEMBERS,
    "members": PerformanceRecord.Visibility.MEMBERS,
    "public": PerformanceRecord.Visibility.PUBLIC,
}
_WORDS = {
    "claimant_group": "Claimant group",
    "period_start": "Period start",
    "period_end": "Period end",
    "job_starts": "Job starts",
    "job_outcomes": "Job outcomes",
    "sustainment_outcomes": "Sustainment outcomes",
    "profile_job_outcomes": "Profile job outcomes",
    "funding_received": "Funding received",
}
_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?")
_SLASH_MONTH = re.compile(r"(?P<month>\d{1,2})/(?P<year>\d{4})")
_WHOLE = re.compile(r"\d+(?:\.0*)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")


class RowError(NamedTuple):
    """One problem: the spreadsheet row (header = 1), the column name and what is wrong."""

    row: int
    column: str
    reason: str


def read_rows(uploaded_file, *, columns=None, required=None) -> list[dict]:
    """The file's rows (see hub.base.spreadsheets.read_table), within the upload limits: period
    records' columns unless another kind of record (cohorts) passes its own."""
    return read_table(
        uploaded_file,
        columns=COLUMNS if columns is None else columns,
        required=REQUIRED_COLUMNS if required is None else required,
        max_bytes=settings.HUB_UPLOAD_MAX_BYTES,
        max_rows=settings.HUB_UPLOAD_MAX_ROWS,
    )


# Checking --------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Lookups:
    """Every name a file may use, loaded in a bounded number of queries (one per table)."""

    def __init__(self, rows: list[dict]):
        self.programmes: dict[str, Programme] = {}
        for programme in Programme.objects.all():
            self.programmes[_key(programme.slug)] = programme
            self.programmes[_key(programme.name)] = programme
        self.areas: dict[str, Area] = {}
        for area in Area.objects.all():
            self.areas[_key(area.slug)] = area
            self.areas[_key(area.name)] = area
            if area.code:
                self.areas[_key(area.code)] = area
        self.groups: dict[str, ClaimantGroup] = {}
        for group in ClaimantGroup.objects.all():
            self.groups[_key(group.slug)] = group
            self.groups[_key(group.name)] = group
        names = {" ".join(row["prime"].split()) for row in rows if row.get("prime")}
        self.organisations = (
            {o.name: o for o in Organisation.objects.filter(name__in=names)} if names else {}
        )


def _label(column: str) -> str:
    return _WORDS.get(column, column.replace("_", " ").capitalize())


def _count(column: str, value: str) -> tuple[int | None, str | None]:
    """A whole number of 0 or more (or None for an empty cell), or why the cell is wrong."""
    text = value.strip().replace(" ", "")
    if column == "funding_received":  # pounds: "£1,450,000" is what people type
        text = text.removeprefix("£")
    if not text:
        return None, None
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    if _WHOLE.fullmatch(text):
        number = int(text.split(".")[0])
        if number > MAX_COUNT:
            return None, f"{_label(column)} is too large: {value}"
        return number, None
    if _NUMBER.fullmatch(text):
        if text.startswith("-"):
            return None, f"{_label(column)} cannot be negative: enter 0 or more, not {value}"
        return None, f"{_label(column)} must be a whole number, not {value}"
    return None, f"{_label(column)} must be a number, like 120, not “{value}”"


def _month(column: str, value: str) -> tuple[datetime.date | None, str | None]:
    """The first day of a month written 2024-04 (or 04/2024, or an Excel date on the 1st)."""
    text = value.strip()
    if not text:
        return None, f"Enter the {_label(column).lower()}, as year and month: 2024-04"
    match = _MONTH.fullmatch(text) or _SLASH_MONTH.fullmatch(text)
    wrong = f"{_label(column)} must be a year and month like 2024-04, not “{value}”"
    if not match:
        return None, wrong
    year, month = int(match["year"]), int(match["month"])
    day = match.groupdict().get("day")
    if not 1 <= month <= 12 or (day is not None and int(day) != 1):
        return None, wrong
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None, f"{_label(column)}: the year must be between {MIN_YEAR} and {MAX_YEAR}"
    return datetime.date(year, month, 1), None


def _clean(
    row: dict,
    lookups: _Lookups,
    *,
    months: tuple[str, ...] = ("period_start", "period_end"),
    figures: tuple[str, ...] = FIGURES,
) -> tuple[dict, list[tuple[str, str]]]:
    """The row's values as the record's fields, and every (column, reason) that is wrong.
    Cohort uploads (cases.performance.cohort_imports) name their own month and figure columns."""
    data: dict = {}
    problems: list[tuple[str, str]] = []

    role = _ROLES.get(_key(row["role"]))
    if role is None:
        problems.append(
            ("role", "Enter prime or subcontractor" if not row["role"] else
             f"Role must be prime or subcontractor, not “{row['role']}”")
        )  # fmt: skip
    data["role"] = role

    prime_name = " ".join(row["prime"].split())
    data["prime"] = None
    if prime_name:
        if role == PerformanceRecord.Role.PRIME:
            problems.append(("prime", "Leave prime empty when the role is prime"))
        elif prime_name in lookups.organisations:
            data["prime"] = lookups.organisations[prime_name]
        else:
            problems.append(
                ("prime", f"No organisation on the hub is called “{prime_name}”: use its name "
                 "exactly as in the organisation directory")
            )  # fmt: skip
    elif role == PerformanceRecord.Role.SUBCONTRACTOR:
        problems.append(("prime", "Enter the name of the prime contractor you deliver for"))

    for column, table, noun in (
        ("programme", lookups.programmes, "programme"),
        ("area", lookups.areas, "area"),
        ("claimant_group", lookups.groups, "claimant group"),
    ):
        value = row[column]
        found = table.get(_key(value)) if value else None
        if found is None:
            problems.append(
                (column, f"Enter the {noun}" if not value else f"There is no {noun} “{value}”")
            )
        data[column] = found

    for column in months:
        data[column], problem = _month(column, row[column])
        if problem:
            problems.append((column, problem))

    for column in figures:
        data[column], problem = _count(column, row[column])
        if problem:
            problems.append((column, problem))

    visibility = _VISIBILITY.get(_key(row["visibility"]))
    if visibility is None:
        problems.append(
            ("visibility", f"Visibility must be members or public, not “{row['visibility']}”")
        )
    data["visibility"] = visibility

    if row.get(EXTRA):
        problems.append(
            (NO_COLUMN, "The row has values in a column with no header: remove them, or give "
             "the column a name from the template")
        )  # fmt: skip
    return data, problems


def validate(rows: list[dict], organisation: Organisation) -> tuple[list, list[RowError]]:
    """Unsaved, checked records for the rows without problems, and every problem in every row
    (sorted by row): each bad cell, the model's rules from `cases.records.build`, and rows that
    repeat another row of the file or a record already saved."""
    lookups = _Lookups(rows)
    checked: list[PerformanceRecord] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    # Records this organisation already has, in one query rather than one a row.
    existing = set(
        PerformanceRecord.objects.filter(organisation=organisation).values_list(
            "programme_id", "area_id", "claimant_group_id", "period_start", "period_end"
        )
    )
    for row in rows:
        number = row[ROW]
        data, problems = _clean(row, lookups)
        if problems:
            errors.extend(RowError(number, column, reason) for column, reason in problems)
            continue
        key = (
            data["programme"].pk, data["area"].pk, data["claimant_group"].pk,
            data["period_start"], data["period_end"],
        )  # fmt: skip
        if key in seen:
            errors.append(
                RowError(number, NO_COLUMN, f"Row {seen[key]} is for the same programme, area, "
                         "claimant group and period: give each one once")
            )  # fmt: skip
            continue
        seen[key] = number
        if key in existing:
            errors.append(RowError(number, NO_COLUMN, record_services.DUPLICATE_MESSAGE))
            continue
        try:
            record = record_services.build(
                organisation=organisation, data=data, check_duplicate=False
            )
        except ValidationError as exc:
            errors.extend(_model_errors(number, exc))
            continue
        record.source_row = number
        checked.append(record)
    errors.sort(key=lambda error: error.row)
    return checked, errors


def _model_errors(number: int, exc: ValidationError) -> list[RowError]:
    if not hasattr(exc, "error_dict"):
        return [RowError(number, NO_COLUMN, message) for message in exc.messages]
    return [
        RowError(number, field if field in COLUMNS else NO_COLUMN, message)
        for field, field_errors in exc.message_dict.items()
        for message in field_errors
    ]
