"""Cohort rates: of the people attached in a month, how many reached a job start, a job outcome
or a sustainment outcome within N months. Pure functions, no database.

A *cohort* is anything with a ``cohort_month`` (a date, the first of the month), ``attached``
(people attached in that month) and the cumulative figures ``<measure>_by_<N>`` for each
measure in MEASURES and each N in MILESTONES (None while not yet known).

Maturity, the exact rule
    A cohort month M is *mature for an N-month rate on date D* when at least N whole calendar
    months have passed since the end of M: D is on or after the first day of the month
    M + 1 + N. So the January 2025 cohort is mature for its 12-month rate from 1 February
    2026 (the whole of February 2025 to January 2026 has passed since January ended), and for
    its 3-month rate from 1 May 2025. Before that, some of its people have had less than N
    months, so its N-month figure can only grow and would flatter nobody but mislead everyone.

Rates
    An N-month rate of a set of cohorts is Σ numerator ÷ Σ attached, both summed over the
    *mature* cohorts that give the N-month figure (a cohort that has not reported it yet is left
    out of both sides, never counted as 0). The numerator and denominator are kept beside the
    rate, so every rate can be shown as "32% (48 of 150 attached)".

Like for like
    Rates are compared only between cohorts of the same programme and claimant group (the
    caller groups them) and over *the same cohort months for everyone compared*: a window of
    calendar months, all mature; a series (an organisation, or an organisation in an area)
    that does not give the figure for every month of the window is listed as not compared,
    with the months it lacks, rather than compared over a different mix of months.

The interface other parts use::

    cohort_rates(cohorts, *, months: int, on: date, window: Sequence[date] | None = None)
        -> dict[str, CohortRate]   # one CohortRate per measure in MEASURES

``cohorts`` is an iterable of cohort-like objects (for one organisation, or combined); only
the cohorts that are mature for ``months`` on ``on`` count, and with ``window`` only those
whose ``cohort_month`` is in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MILESTONES = (3, 6, 12, 24)
MEASURES = {
    "job_starts": "Job start rate",
    "job_outcomes": "Job outcome rate",
    "sustainment_outcomes": "Sustainment rate",
}
"""Each cumulative measure a cohort reports, and the name of its rate."""

WINDOW_MONTHS = 12
"""How many cohort months a comparison covers by default: a year of cohorts."""

_PLACES = Decimal("0.0001")


def figure_name(measure: str, months: int) -> str:
    """The attribute (and upload column) of a measure's cumulative figure: job_outcomes_by_12."""
    return f"{measure}_by_{months}"


FIGURE_NAMES = tuple(figure_name(m, n) for m in MEASURES for n in MILESTONES)


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after (or before) `month`'s month."""
    index = month.year * 12 + (month.month - 1) + count
    return date(index // 12, index % 12 + 1, 1)


def mature_from(cohort_month: date, months: int) -> date:
    """The first day on which the cohort of `cohort_month` is mature for a `months`-month rate."""
    return add_months(cohort_month, months + 1)


def is_mature(cohort_month: date, months: int, on: date) -> bool:
    """Whether at least `months` whole months have passed since the end of `cohort_month`."""
    return on >= mature_from(cohort_month, months)


def latest_mature_month(months: int, on: date) -> date:
    """The newest cohort month that is mature for a `months`-month rate on `on`."""
    return add_months(date(on.year, on.month, 1), -(months + 1))


def window_ending(end: date, length: int = WINDOW_MONTHS) -> list[date]:
    """The `length` cohort months up to and including `end`, oldest first."""
    return [add_months(end, -offset) for offset in range(length - 1, -1, -1)]


@dataclass(frozen=True)
class CohortRate:
    """An N-month rate with what it is made of: numerator ÷ denominator (people attached) over
    the cohorts counted."""

    measure: str
    months: int
    numerator: int | None
    denominator: int | None
    cohorts: int
    rate: Decimal | None

    @property
    def label(self) -> str:
        return f"{MEASURES[self.measure]} within {self.months} months"


def ratio(numerator: int | None, denominator: int | None) -> Decimal | None:
    """numerator ÷ denominator to four places, or None when either is missing or it is ÷ 0."""
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(_PLACES, rounding=ROUND_HALF_UP)


def _counted(cohorts, measure: str, months: int, on: date, window) -> list[tuple[int, int]]:
    name = figure_name(measure, months)
    allowed = set(window) if window is not None else None
    pairs = []
    for cohort in cohorts:
        if allowed is not None and cohort.cohort_month not in allowed:
            continue
        if not is_mature(cohort.cohort_month, months, on):
            continue
        value = getattr(cohort, name)
        if value is None or cohort.attached is None:
            continue
        pairs.append((value, cohort.attached))
    return pairs


def cohort_rate(
    cohorts: Iterable, *, measure: str, months: int, on: date, window: Sequence[date] | None = None
) -> CohortRate:
    """One measure's `months`-month rate over the mature cohorts that give it."""
    if measure not in MEASURES or months not in MILESTONES:
        raise ValueError(f"No {months}-month {measure} figure is reported.")
    pairs = _counted(cohorts, measure, months, on, window)
    if not pairs:
        return CohortRate(measure, months, None, None, 0, None)
    numerator = sum(n for n, _ in pairs)
    denominator = sum(d for _, d in pairs)
    return CohortRate(measure, months, numerator, denominator, len(pairs),
                      ratio(numerator, denominator))  # fmt: skip


def cohort_rates(
    cohorts: Iterable, *, months: int, on: date, window: Sequence[date] | None = None
) -> dict[str, CohortRate]:
    """Every measure's `months`-month rate (see the module's docstring)."""
    cohorts = list(cohorts)
    return {
        measure: cohort_rate(cohorts, measure=measure, months=months, on=on, window=window)
        for measure in MEASURES
    }


@dataclass(frozen=True)
class Comparison:
    """Several series' rates over the same mature cohort months."""

    months: int
    window: list[date]
    rates: dict = field(default_factory=dict)  # key -> {measure: CohortRate}
    missing: dict = field(default_factory=dict)  # key -> the window's months it does not give
    immature: list[date] = field(default_factory=list)  # months of the window not yet mature


def compare(
    series: Mapping[object, Iterable], *, months: int, on: date, window: Sequence[date]
) -> Comparison:
    """Like-for-like rates of each series (key -> its cohorts, one programme and claimant
    group): only when the window is wholly mature, and only for the series that give the
    N-month job outcome figure for every month of the window; the rest are in `missing`."""
    window = sorted(window)
    immature = [month for month in window if not is_mature(month, months, on)]
    if immature:
        return Comparison(months, window, immature=immature)
    outcome = figure_name("job_outcomes", months)
    rates, missing = {}, {}
    for key, cohorts in series.items():
        cohorts = [c for c in cohorts if c.cohort_month in set(window)]
        given = {c.cohort_month: 0 for c in cohorts}
        for cohort in cohorts:
            if getattr(cohort, outcome) is not None and cohort.attached is not None:
                given[cohort.cohort_month] += 1
        lacking = [month for month in window if not given.get(month)]
        if lacking:
            missing[key] = lacking
            continue
        rates[key] = cohort_rates(cohorts, months=months, on=on, window=window)
    return Comparison(months, window, rates=rates, missing=missing)


def combine(cohorts: Iterable, factory) -> list:
    """Cohorts of the same month added together (an organisation's areas, say), as
    `factory(cohort_month=..., attached=..., **figures)`; a figure is summed only when every
    cohort of the month gives it, since a partial sum would understate it."""
    by_month: dict[date, list] = {}
    for cohort in cohorts:
        by_month.setdefault(cohort.cohort_month, []).append(cohort)
    combined = []
    for month, group in sorted(by_month.items()):
        figures = {}
        for name in ("attached", *FIGURE_NAMES):
            values = [getattr(c, name) for c in group]
            figures[name] = None if any(v is None for v in values) else sum(values)
        combined.append(factory(cohort_month=month, **figures))
    return combined


def month_label(month: date) -> str:
    return f"{month:%b %Y}"


def window_label(window: Sequence[date]) -> str:
    """ "Cohorts attached Jan 2025 to Dec 2025"."""
    if not window:
        return "No cohort months"
    first, last = window[0], window[-1]
    if first == last:
        return f"Cohort attached in {month_label(first)}"
    return f"Cohorts attached {month_label(first)} to {month_label(last)}"


# The definitions page's worked example: fictional cohorts, computed by the functions above.

WORKED_EXAMPLE_ON = date(2026, 3, 1)
WORKED_EXAMPLE = [
    # cohort month, people attached, job outcomes within 12 months
    (date(2025, 1, 1), 100, 20),
    (date(2025, 2, 1), 50, 16),
    (date(2025, 3, 1), 80, 1),
]


def worked_example() -> dict:
    """The cohorts of WORKED_EXAMPLE on WORKED_EXAMPLE_ON: which are mature for a 12-month
    rate, from when, and the rate with its numerator and denominator."""
    from types import SimpleNamespace

    rows, cohorts = [], []
    for month, attached, outcomes in WORKED_EXAMPLE:
        figures = dict.fromkeys(FIGURE_NAMES)
        figures["job_outcomes_by_12"] = outcomes
        cohort = SimpleNamespace(cohort_month=month, attached=attached, **figures)
        cohorts.append(cohort)
        rows.append(
            {
                "month": month_label(month),
                "attached": attached,
                "outcomes": outcomes,
                "mature_from": mature_from(month, 12),
                "mature": is_mature(month, 12, WORKED_EXAMPLE_ON),
            }
        )
    rate = cohort_rate(cohorts, measure="job_outcomes", months=12, on=WORKED_EXAMPLE_ON)
    return {"on": WORKED_EXAMPLE_ON, "rows": rows, "rate": rate}
