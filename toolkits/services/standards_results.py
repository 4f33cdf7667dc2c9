"""Customer Service Standards results: what an organisation achieved against each published
Standard Measure, quarter by quarter (Recommendation 11: show whether a promise is kept).

A result meets its measure when (`measure_met`):
* a target percentage: the percentage reached is at least the target;
* a number of working days: the working days it took (on average) are at most the target;
* "how often": the organisation says the frequency was kept.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from hub.base.models import Organisation, User
from toolkits.models import ServiceStandard, StandardResult, StandardsStatement

Kind = ServiceStandard.MeasureKind
QUARTERS_BACK = 8
"""Quarters an admin may record or correct results for, the current one included."""


def measure_met(kind: str, target: Decimal | None, result: Decimal | None, kept: bool | None):
    """Whether a result meets its Standard Measure (see the module's rules)."""
    if kind == Kind.FREQUENCY:
        return bool(kept)
    if result is None or target is None:
        return False
    return result >= target if kind == Kind.PERCENTAGE else result <= target


def quarter_start(day: datetime.date) -> datetime.date:
    """The first day of the calendar quarter `day` falls in."""
    return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def previous_quarters(day: datetime.date, count: int) -> list[datetime.date]:
    """The starts of `count` quarters up to and including the one `day` is in, newest first."""
    start, found = quarter_start(day), []
    for _ in range(count):
        found.append(start)
        month = start.month - 3
        start = datetime.date(start.year - (month < 1), month + 12 * (month < 1), 1)
    return found


def quarter_label(start: datetime.date) -> str:
    end_month = start.month + 2
    return f"{start:%B} to {datetime.date(start.year, end_month, 1):%B %Y}"


@dataclass(frozen=True)
class ResultInput:
    """One measure's result as the form gives it: a number, or kept/not kept."""

    result: Decimal | None = None
    kept: bool | None = None


@transaction.atomic
def standard_results_record(
    *,
    actor: User,
    organisation: Organisation,
    quarter: datetime.date,
    results: Mapping[int, ResultInput],
    today: datetime.date | None = None,
) -> list[StandardResult]:
    """Record (or correct) the quarter's results for the organisation's published measures,
    keyed by ServiceStandard id; measures left empty are left as they were."""
    if not Organisation.objects.administered_by(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied("Only the organisation's admins can record its results.")
    today = today or datetime.date.today()
    if quarter not in previous_quarters(today, QUARTERS_BACK):
        raise ValidationError("Choose one of the last eight quarters.", code="quarter")
    items = {
        item.pk: item
        for item in ServiceStandard.objects.filter(
            statement__organisation=organisation,
            statement__status=StandardsStatement.Status.PUBLISHED,
            pk__in=list(results),
        )
    }
    saved = []
    for pk, given in results.items():
        item = items.get(pk)
        if item is None:
            raise ValidationError("That measure is not one of your published standards.")
        if item.measure_kind == Kind.FREQUENCY:
            if given.kept is None:
                continue
            values = {"result": None, "kept": given.kept}
        else:
            if given.result is None:
                continue
            if given.result < 0 or (item.measure_kind == Kind.PERCENTAGE and given.result > 100):
                raise ValidationError(f"{item.measure}: enter a result from 0 to 100.")
            values = {"result": given.result, "kept": None}
        row, _ = StandardResult.objects.update_or_create(
            organisation=organisation, stage_id=item.stage_id, measure=item.measure,
            quarter_start=quarter,
            defaults={
                **values,
                "measure_kind": item.measure_kind,
                "target": item.measure_value,
                "frequency": item.measure_frequency,
                "met": measure_met(item.measure_kind, item.measure_value, values["result"],
                                   values["kept"]),
                "recorded_by": actor,
            },
        )  # fmt: skip
        saved.append(row)
    return saved


def results_by_measure(organisation_ids, quarter: datetime.date) -> dict[tuple, StandardResult]:
    """The quarter's results of these organisations, keyed (organisation id, stage id, measure):
    one query."""
    return {
        (r.organisation_id, r.stage_id, r.measure): r
        for r in StandardResult.objects.filter(
            organisation_id__in=list(organisation_ids), quarter_start=quarter
        )
    }


def latest_quarter_with_results(organisation_ids) -> datetime.date | None:
    return (
        StandardResult.objects.filter(organisation_id__in=list(organisation_ids))
        .order_by("-quarter_start")
        .values_list("quarter_start", flat=True)
        .first()
    )


def latest_results(organisation_ids, *, today: datetime.date) -> dict[tuple, StandardResult]:
    """Each measure's newest result in the last four quarters, keyed (organisation id, stage
    id, measure): one query."""
    since = previous_quarters(today, 4)[-1]
    found: dict[tuple, StandardResult] = {}
    rows = StandardResult.objects.filter(
        organisation_id__in=list(organisation_ids), quarter_start__gte=since
    ).order_by("-quarter_start", "pk")
    for row in rows:
        found.setdefault((row.organisation_id, row.stage_id, row.measure), row)
    return found


def attach_results(statements, *, today: datetime.date) -> None:
    """Set `.result` (the newest StandardResult or None) on every standard of the statements."""
    statements = list(statements)
    results = latest_results([s.organisation_id for s in statements], today=today)
    for statement in statements:
        for item in statement.items.all():
            item.result = results.get((statement.organisation_id, item.stage_id, item.measure))


def result_words(result: StandardResult) -> str:
    """A result as people read it: '96%', '4 working days', 'kept'."""
    if result.measure_kind == Kind.FREQUENCY:
        return "kept" if result.kept else "not kept"
    value = result.result.normalize()
    if result.measure_kind == Kind.PERCENTAGE:
        return f"{value:f}%"
    return f"{value:f} working day{'' if value == 1 else 's'}"
