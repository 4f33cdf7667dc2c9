"""Benchmark statistics: quartiles, percentile ranks and where a figure stands among its peers.

Pure functions on Decimals, with no database: the views fetch the records and pass their rates
in. Rates themselves come from `cases.performance`, never from here. Every function skips
None (a figure that was not given) rather than treating it as 0.

Methods, stated once:

* Quartiles use inclusive linear interpolation, the method of Excel's QUARTILE.INC, R's default
  (type 7) and ``statistics.quantiles(values, n=4, method="inclusive")``: sort the n values, and
  the p-th quantile sits at position (n - 1) × p counted from 0, interpolating between the two
  values either side. One value is its own quartiles.
* Small numbers are honest: with fewer values than a minimum (never below QUARTER_MINIMUM,
  four, and on the site the HUB_BENCHMARK_MIN_PEERS setting) a figure is not placed in a
  quarter, ranked or given quartiles: ``standing`` says "Not enough data to compare" and the
  pages list the records without a box plot. Four values are the least that have four
  quarters, so "the top quarter" of two or three peers never appears.
* Every rate is shown with its denominator (``with_denominator``): "32.0% (48 of 150 attached)".
* A percentile rank uses mid-ranks for ties: the share of the values below it plus half the
  share equal to it, × 100. The group includes the figure being ranked, so with five different
  values the ranks are 10, 30, 50, 70 and 90, and when every value is the same each ranks 50.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from cases.performance import rates as performance
from cases.performance.rates import Rates
from hub.base import thresholds

METRICS: dict[str, str] = {
    "job_outcome_rate": "Job outcome rate",
    "job_start_rate": "Job start rate",
    "performance_against_profile": "Performance against profile",
}
"""The rates peers are compared on, higher being better for each."""

QUARTER_WORDS = {
    4: "in the top quarter",
    3: "in the second quarter, above the median",
    2: "in the third quarter, below the median",
    1: "in the bottom quarter",
}

_HUNDRED = Decimal(100)

QUARTER_MINIMUM = 4
"""The fewest values that have quarters: below it no figure is "in the top quarter"."""

NOT_ENOUGH = "Not enough data to compare"


def peer_gate(count: int, minimum: int = QUARTER_MINIMUM, value=None) -> thresholds.Gated:
    """The hub's minimum-threshold gate (hub.base.thresholds) for a figure made from `count`
    peers: `value` (a callable is computed only when shown) or withheld below the minimum,
    which is never below QUARTER_MINIMUM."""
    return thresholds.gate(value, count=count, minimum=max(minimum, QUARTER_MINIMUM), noun="peers")


def enough(count: int, minimum: int = QUARTER_MINIMUM) -> bool:
    """Whether `count` peers (the subject included) are enough to show quartiles and ranks."""
    return peer_gate(count, minimum).shown


def not_enough_words(count: int, minimum: int = QUARTER_MINIMUM) -> str:
    """ "Not enough data to compare: 3 records given, at least 5 needed"."""
    needed = max(minimum, QUARTER_MINIMUM)
    return f"{NOT_ENOUGH}: {count} given, at least {needed} needed"


def with_denominator(
    rate: Decimal | None, numerator: int | None, denominator: int | None, noun: str = "attached"
) -> str:
    """A rate with what it divides: "32.0% (48 of 150 attached)"; "–" when there is no rate."""
    if rate is None or numerator is None or denominator is None:
        return "–"
    return f"{percent(rate)} ({numerator:,} of {denominator:,} {noun})"


def _clean(values: Iterable[Decimal | int | None]) -> list[Decimal]:
    return sorted(Decimal(v) for v in values if v is not None)


def _quantile(ordered: list[Decimal], p: Decimal) -> Decimal:
    """The p-quantile (0 <= p <= 1) of sorted values, inclusive linear interpolation."""
    position = (len(ordered) - 1) * p
    lower = int(position)
    fraction = position - lower
    if fraction == 0 or lower + 1 >= len(ordered):
        return ordered[lower]
    return ordered[lower] + (ordered[lower + 1] - ordered[lower]) * fraction


def quartiles(
    values: Iterable[Decimal | int | None],
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(lower quartile, median, upper quartile) by inclusive linear interpolation, as Excel's
    QUARTILE.INC; (None, None, None) when no value is given."""
    ordered = _clean(values)
    if not ordered:
        return (None, None, None)
    return tuple(_quantile(ordered, Decimal(k) / 4) for k in (1, 2, 3))  # type: ignore[return-value]


def percentile_rank(
    value: Decimal | int | None, values: Iterable[Decimal | int | None]
) -> Decimal | None:
    """The share of `values` below `value`, counting ties as half, × 100 (0 to 100).

    None when `value` is None or there are no values to rank it among.
    """
    if value is None:
        return None
    ordered = _clean(values)
    if not ordered:
        return None
    value = Decimal(value)
    below = sum(1 for v in ordered if v < value)
    equal = sum(1 for v in ordered if v == value)
    return (Decimal(below) + Decimal(equal) / 2) * _HUNDRED / len(ordered)


def quarter(rank: Decimal | None) -> int | None:
    """Which quarter a percentile rank falls in: 4 is the top quarter (75 or more), 1 the
    bottom (under 25)."""
    if rank is None:
        return None
    if rank >= 75:
        return 4
    if rank >= 50:
        return 3
    if rank >= 25:
        return 2
    return 1


@dataclass(frozen=True)
class Summary:
    """The spread of one rate across a peer group."""

    count: int
    minimum: Decimal | None
    q1: Decimal | None
    median: Decimal | None
    q3: Decimal | None
    maximum: Decimal | None


def summarise(values: Iterable[Decimal | int | None]) -> Summary:
    """Count, range and quartiles of the values that were given."""
    ordered = _clean(values)
    q1, median, q3 = quartiles(ordered)
    return Summary(
        count=len(ordered),
        minimum=ordered[0] if ordered else None,
        q1=q1,
        median=median,
        q3=q3,
        maximum=ordered[-1] if ordered else None,
    )


@dataclass(frozen=True)
class Standing:
    """Where one figure stands among its peers, in numbers and in words."""

    value: Decimal | None
    rank: Decimal | None
    quarter: int | None
    words: str


def standing(
    value: Decimal | None,
    values: Iterable[Decimal | int | None],
    *,
    minimum: int = QUARTER_MINIMUM,
) -> Standing:
    """Percentile rank, quarter and a phrase ("in the top quarter") for `value` among `values`
    (which include it); with fewer than `minimum` values (never fewer than four), no rank and
    no quarter, only "Not enough data to compare"."""
    ordered = _clean(values)
    if value is None:
        return Standing(None, None, None, "Not given, so not compared")
    if len(ordered) < 2:
        return Standing(value, None, None, "No peers to compare with")
    if not enough(len(ordered), minimum):
        return Standing(value, None, None, not_enough_words(len(ordered), minimum))
    rank = percentile_rank(value, ordered)
    if ordered[0] == ordered[-1]:
        return Standing(value, rank, None, "The same as every peer")
    q1, median, q3 = quartiles(ordered)
    if value == median and rank == 50:
        return Standing(value, rank, None, "At the median")
    number = quarter(rank)
    return Standing(value, rank, number, QUARTER_WORDS[number])


def compare(
    subject: Mapping[str, Decimal | None],
    peers: Iterable[Mapping[str, Decimal | None]],
    *,
    minimum: int = QUARTER_MINIMUM,
) -> list[dict]:
    """For each metric: its label, the peers' summary, whether there are enough peers to show
    its quartiles, and the subject's standing.

    `subject` and each of `peers` map metric names to rates; `peers` includes the subject.
    """
    peers = list(peers)
    rows = []
    for metric, label in METRICS.items():
        values = [peer.get(metric) for peer in peers]
        rows.append(
            {
                "metric": metric,
                "label": label,
                "summary": summarise(values),
                "enough": enough(len(_clean(values)), minimum),
                "standing": standing(subject.get(metric), values, minimum=minimum),
            }
        )
    return rows


def percent(value: Decimal | None, places: int = 1) -> str:
    """A fraction as a percentage for people: Decimal("0.2345") -> "23.5%"; None -> "–"."""
    if value is None:
        return "–"
    step = Decimal(1).scaleb(-places)
    return f"{(value * _HUNDRED).quantize(step, rounding=ROUND_HALF_UP)}%"


def ordinal(rank: Decimal | None) -> str:
    """A percentile rank as words for people: 62.5 -> "63rd percentile"."""
    if rank is None:
        return "–"
    whole = int(rank.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole}{suffix} percentile"


@dataclass(frozen=True)
class Combined:
    """Several records of one organisation added together (areas, or the periods of a year).

    Each rate divides sums taken over the records that give both of its figures, so a record
    with attachments but no job outcomes yet (outcomes lag) does not pull the outcome rate down.
    """

    records: int
    attachments: int | None
    job_starts: int | None
    job_outcomes: int | None
    profile_job_outcomes: int | None
    rates: Rates

    def metrics(self) -> dict[str, Decimal | None]:
        return {metric: getattr(self.rates, metric) for metric in METRICS}


def _paired_sum(records, numerator: str, denominator: str) -> tuple[int | None, int | None]:
    pairs = [
        (getattr(r, numerator), getattr(r, denominator))
        for r in records
        if getattr(r, numerator) is not None and getattr(r, denominator) is not None
    ]
    if not pairs:
        return None, None
    return sum(n for n, _ in pairs), sum(d for _, d in pairs)


def combine(records: Iterable) -> Combined:
    """Add up records' figures (anything with the record's figure attributes) and take the
    rates of the sums, through `cases.performance.rates`."""
    records = list(records)
    outcomes, attachments = _paired_sum(records, "job_outcomes", "attachments")
    starts, start_attachments = _paired_sum(records, "job_starts", "attachments")
    referred_attached, referrals = _paired_sum(records, "attachments", "referrals")
    profiled_outcomes, profile = _paired_sum(records, "job_outcomes", "profile_job_outcomes")

    def rate(name: str, **figures) -> Decimal | None:
        given = dict.fromkeys(
            ("referrals", "attachments", "job_starts", "job_outcomes", "profile_job_outcomes")
        )
        return getattr(performance.rates(**{**given, **figures}), name)

    return Combined(
        records=len(records),
        attachments=attachments,
        job_starts=starts,
        job_outcomes=outcomes,
        profile_job_outcomes=profile,
        rates=Rates(
            attachment_rate=rate(
                "attachment_rate", attachments=referred_attached, referrals=referrals
            ),
            job_start_rate=rate("job_start_rate", job_starts=starts, attachments=start_attachments),
            job_outcome_rate=rate(
                "job_outcome_rate", job_outcomes=outcomes, attachments=attachments
            ),
            performance_against_profile=rate(
                "performance_against_profile",
                job_outcomes=profiled_outcomes,
                profile_job_outcomes=profile,
            ),
        ),
    )


def metrics_of(record) -> dict[str, Decimal | None]:
    """One record's benchmark rates, from `cases.performance`."""
    found = performance.rates_of(record)
    return {metric: getattr(found, metric) for metric in METRICS}


def period_label(start: date, end: date) -> str:
    """ "Apr 2024", "Apr to Jun 2024" or "Nov 2024 to Jan 2025"."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%b %Y}"
    if start.year == end.year:
        return f"{start:%b} to {end:%b %Y}"
    return f"{start:%b %Y} to {end:%b %Y}"
