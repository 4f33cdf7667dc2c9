"""The Star Rating: one to five stars for an organisation on one programme, claimant group and
financial year, compared with its peers on the same three.

The DWP Commissioning Strategy (2008) proposed a published Star Rating of providers. This one
rates job outcomes only, the one standardised measure every record shares; it says nothing
about value for money, quality or customer experience.

The method, exactly (the methodology page explains it in words, with a worked example computed
by `star_ratings`):

1. Figures. An organisation's records for the programme, claimant group and financial year
   (April to March; a record belongs to the year its period starts in) are added up across
   areas and periods (`cases.benchmarks.combine`). Its job outcome rate is job outcomes ÷
   attachments and its performance against profile is job outcomes ÷ contractual profile, each
   summed over the records that give both figures.
2. Enough data. An organisation is comparable when it has a job outcome rate and at least
   MIN_ATTACHMENTS attachments (behind that rate). Only comparable organisations are rated, and
   only when at least MIN_PEERS comparable organisations, itself included, are in the group.
   Otherwise the result is "not enough data", with the reason.
3. Base stars from the percentile rank of its job outcome rate among the comparable
   organisations, itself included, ties counted as half (`cases.benchmarks.percentile_rank`):
   under 20 is 1 star, 20 to under 40 is 2, 40 to under 60 is 3, 60 to under 80 is 4,
   80 or more is 5.
4. Adjustment for performance against profile: on or above profile (100% or more) adds a star;
   under 80% of profile takes one away; from 80% to under 100%, or with no profile given,
   nothing changes. The result is kept between 1 and 5.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from cases.performance.benchmarks import Combined, combine, percent, percentile_rank

MIN_PEERS = 5
"""Comparable organisations (the rated one included) a group needs before anyone is rated."""

MIN_ATTACHMENTS = 30
"""Attachments an organisation needs in the year for its job outcome rate to count."""

BAND_WIDTH = Decimal(20)
"""Percentile points per star: under 20 is one star, 80 or more is five."""

ON_PROFILE = Decimal("1.00")
"""Performance against profile at or above which a star is added."""

BELOW_PROFILE = Decimal("0.80")
"""Performance against profile under which a star is taken away."""

MAX_STARS = 5


@dataclass(frozen=True)
class StarRating:
    """A rating, or the reason there is none, with every step that led to it."""

    stars: int | None
    reason: str = ""
    comparable: int = 0
    attachments: int | None = None
    job_outcome_rate: Decimal | None = None
    rank: Decimal | None = None
    base_stars: int | None = None
    performance_against_profile: Decimal | None = None
    adjustment: int = 0
    adjustment_reason: str = ""

    @property
    def rated(self) -> bool:
        return self.stars is not None

    @property
    def symbols(self) -> str:
        """ "★★★★☆" for 4; for sight only, the text says the same."""
        if self.stars is None:
            return ""
        return "★" * self.stars + "☆" * (MAX_STARS - self.stars)

    @property
    def label(self) -> str:
        return f"{self.stars} out of {MAX_STARS}" if self.stars is not None else "Not rated"


def comparable(figures: Combined | None) -> bool:
    """Whether an organisation's year has a job outcome rate on enough attachments."""
    return (
        figures is not None
        and figures.rates.job_outcome_rate is not None
        and (figures.attachments or 0) >= MIN_ATTACHMENTS
    )


def base_stars(rank: Decimal) -> int:
    """Stars from a percentile rank (0 to 100): 20-point bands, 1 to 5."""
    return min(MAX_STARS, int(rank // BAND_WIDTH) + 1)


def profile_adjustment(against_profile: Decimal | None) -> tuple[int, str]:
    """+1, 0 or -1 star for performance against profile, and why."""
    if against_profile is None:
        return 0, "No contractual profile was given, so no adjustment."
    if against_profile >= ON_PROFILE:
        return 1, "On or above its contractual profile: one star added."
    if against_profile < BELOW_PROFILE:
        return -1, "Under 80% of its contractual profile: one star taken away."
    return 0, "Between 80% and 100% of its contractual profile: no adjustment."


def _not_enough(reason: str, figures: Combined | None, count: int) -> StarRating:
    return StarRating(
        stars=None,
        reason=reason,
        comparable=count,
        attachments=figures.attachments if figures else None,
        job_outcome_rate=figures.rates.job_outcome_rate if figures else None,
        performance_against_profile=(
            figures.rates.performance_against_profile if figures else None
        ),
    )


def star_rating(subject: Hashable, group: Mapping[Hashable, Combined]) -> StarRating:
    """The Star Rating of `subject`, one key of `group`: every organisation's combined figures
    for the same programme, claimant group and financial year."""
    figures = group.get(subject)
    rates = [f.rates.job_outcome_rate for f in group.values() if comparable(f)]
    count = len(rates)
    if figures is None or figures.records == 0:
        return _not_enough("no records for this year.", None, count)
    if not figures.attachments or figures.rates.job_outcome_rate is None:
        if figures.attachments == 0:
            return _not_enough("no attachments in the year.", figures, count)
        return _not_enough(
            "no job outcomes reported with attachments in the same record.", figures, count
        )
    if figures.attachments < MIN_ATTACHMENTS:
        return _not_enough(
            f"{figures.attachments} attachment{'s' if figures.attachments != 1 else ''} in the "
            f"year; a rating needs at least {MIN_ATTACHMENTS}.",
            figures,
            count,
        )
    if count < MIN_PEERS:
        return _not_enough(
            f"{count} organisation{'s' if count != 1 else ''} with enough figures to compare; "
            f"a rating needs at least {MIN_PEERS}.",
            figures,
            count,
        )
    rank = percentile_rank(figures.rates.job_outcome_rate, rates)
    base = base_stars(rank)
    adjustment, why = profile_adjustment(figures.rates.performance_against_profile)
    return StarRating(
        stars=max(1, min(MAX_STARS, base + adjustment)),
        comparable=count,
        attachments=figures.attachments,
        job_outcome_rate=figures.rates.job_outcome_rate,
        rank=rank,
        base_stars=base,
        performance_against_profile=figures.rates.performance_against_profile,
        adjustment=adjustment,
        adjustment_reason=why,
    )


def star_ratings(group: Mapping[Hashable, Combined]) -> dict[Hashable, StarRating]:
    """Every organisation's rating in one group."""
    return {key: star_rating(key, group) for key in group}


def financial_year(day: date) -> int:
    """The calendar year a financial year (April to March) starts in."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start_year: int) -> str:
    return f"April {start_year} to March {start_year + 1}"


# The methodology page's worked example: fictional organisations, rated by the real function.

WORKED_EXAMPLE = [
    # name, attachments, job outcomes, contractual profile (expected job outcomes)
    ("Example Employment Trust", 400, 120, 110),
    ("Sample Skills CIC", 220, 55, 75),
    ("Illustrative Works Ltd", 250, 60, 70),
    ("Specimen Futures", 300, 66, 60),
    ("Placeholder Pathways", 180, 36, None),
    ("Model Routes to Work", 500, 80, 120),
    ("Tiny Test Charity", 20, 8, 6),
]


def _example_record(attachments, job_outcomes, profile) -> SimpleNamespace:
    """Stands in for a record in the worked example."""
    return SimpleNamespace(referrals=None, attachments=attachments, job_starts=None,
                           job_outcomes=job_outcomes, profile_job_outcomes=profile)  # fmt: skip


ADJUSTMENT_TEXT = {1: "+1", 0: "0", -1: "−1"}
WALKTHROUGH_ORGANISATION = "Sample Skills CIC"


def worked_example() -> tuple[list[dict], str]:
    """The example's rows (those rated first, highest job outcome rate first) and one in words."""
    group = {
        name: combine([_example_record(attachments, outcomes, profile)])
        for name, attachments, outcomes, profile in WORKED_EXAMPLE
    }
    ratings = star_ratings(group)
    rows = [
        {
            "name": name,
            "attachments": group[name].attachments,
            "job_outcomes": group[name].job_outcomes,
            "rate": percent(rating.job_outcome_rate),
            "rank": "–" if rating.rank is None else f"{rating.rank:.1f}",
            "base": rating.base_stars,
            "profile": percent(rating.performance_against_profile),
            "adjustment": ADJUSTMENT_TEXT[rating.adjustment] if rating.rated else "–",
            "rating": rating,
        }
        for name, rating in ratings.items()
    ]
    rows.sort(key=lambda row: (not row["rating"].rated, -(row["rating"].job_outcome_rate or 0)))
    return rows, _walkthrough(group, ratings, WALKTHROUGH_ORGANISATION)


def _walkthrough(group, ratings, name: str) -> str:
    """One organisation's rating in words, every number from the computed rating."""
    rating = ratings[name]
    rates = [f.rates.job_outcome_rate for f in group.values() if comparable(f)]
    below = sum(1 for r in rates if r < rating.job_outcome_rate)
    same = sum(1 for r in rates if r == rating.job_outcome_rate) - 1
    p = percent
    ties = f"{same} other{'s' if same != 1 else ''} the same" if same else "none the same"
    return (
        f"For example, {name} had {rating.attachments} attachments and a job outcome rate of "
        f"{p(rating.job_outcome_rate)}. Of the {rating.comparable} comparable organisations "
        f"(Tiny Test Charity has too few attachments to count), {below} have a lower rate and "
        f"{ties}, so its percentile rank is ({below} lower + half of the {same + 1} with its "
        f"rate, itself included) ÷ {rating.comparable} × 100 = {rating.rank:.1f}: "
        f"{rating.base_stars} stars from its "
        f"rank. It reached {p(rating.performance_against_profile)} of its contractual profile. "
        f"{rating.adjustment_reason} Its Star Rating is {rating.label}."
    )
