"""Evidence strength, cost bands and impact: how sure we are an approach works, what it costs
and how much it moves job outcomes, kept free of the database so each rule can be tested and
shown with its reasons.

Evidence strength is computed, never voted: members' 1-5 rating says how useful a practice is.

**A case study's evidence strength** is one padlock for a published account, plus one for each
of these, at most five:

- it compares its job outcome rate with something, and says what that something's rate was
  (or, for peers, the performance database has their figures);
- that comparison is like for like: a comparison group, or peers on the same programme, claimant
  group and period (before-and-after and earlier cohorts are not);
- it followed MIN_PARTICIPANTS (100) people or more;
- it cites performance records that a supply-chain partner confirmed or a moderator verified;
- it followed people up for MIN_FOLLOW_UP_MONTHS (6) months or more.

So an account of 40 people with nothing compared has one padlock; 150 people against a
comparison group at 12%, verified records and 12 months' follow-up meets all six rules and is
shown with the most, five.

**Impact** of a case study is its job outcome rate (job outcomes ÷ people supported) minus its
comparison's rate, in percentage points. An approach's impact is the mean of its case studies'
impacts weighted by their people supported: 100 people at +10 points and 300 at +2 points give
(100 × 10 + 300 × 2) ÷ 400 = +4.0 points.

**Cost** is the median of the reported costs per participant, placed in the bands of COST_BANDS.

An approach shows a cost or an impact only when at least MIN_STUDIES (2) case studies report
it; otherwise it says there is not enough evidence.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

MIN_PARTICIPANTS = 100
MIN_FOLLOW_UP_MONTHS = 6
MIN_STUDIES = 2
MAX_PADLOCKS = 5
_TENTH = Decimal("0.1")

# (band number, label, the highest cost per participant in £ it holds; None: no upper limit)
COST_BANDS = (
    (1, "Very low", 100),
    (2, "Low", 300),
    (3, "Moderate", 700),
    (4, "High", 1500),
    (5, "Very high", None),
)

LIKE_FOR_LIKE = {"comparison_group", "peers"}
COMPARED = {"before_after", "earlier_cohorts", "comparison_group", "peers"}


@dataclass(frozen=True)
class StudyFacts:
    """What one case study reports, and what the database adds (verified records, peers)."""

    participants: int | None = None
    job_outcomes: int | None = None
    comparison: str = "none"
    comparison_outcome_rate: Decimal | None = None  # a percentage, 0-100
    peer_outcome_rate: Decimal | None = None  # a percentage, from the performance database
    follow_up_months: int | None = None
    records_verified: bool = False
    cost_per_participant: int | None = None


@dataclass(frozen=True)
class Reason:
    label: str
    met: bool
    detail: str


@dataclass(frozen=True)
class Strength:
    padlocks: int
    reasons: tuple[Reason, ...]


def _pct(value: Decimal) -> str:
    return f"{value.quantize(_TENTH, rounding=ROUND_HALF_UP)}%"


def outcome_rate(facts: StudyFacts) -> Decimal | None:
    """Job outcomes per 100 people supported, or None without both figures."""
    if not facts.participants or facts.job_outcomes is None:
        return None
    return Decimal(facts.job_outcomes) * 100 / Decimal(facts.participants)


def comparison_rate(facts: StudyFacts) -> Decimal | None:
    """The rate the case study compares itself with: the peers' from the database, or the one
    the author gave for any other comparison."""
    if facts.comparison == "peers":
        return facts.peer_outcome_rate
    if facts.comparison in COMPARED:
        return facts.comparison_outcome_rate
    return None


def impact(facts: StudyFacts) -> Decimal | None:
    """Its job outcome rate minus its comparison's, in percentage points (one decimal)."""
    own, other = outcome_rate(facts), comparison_rate(facts)
    if own is None or other is None:
        return None
    return (own - other).quantize(_TENTH, rounding=ROUND_HALF_UP)


def strength(facts: StudyFacts) -> Strength:
    """The padlocks and, for each rule, whether it was met and why."""
    compared = comparison_rate(facts) is not None
    if facts.comparison == "none":
        compared_detail = "It compares its results with nothing."
    elif compared:
        rate = _pct(comparison_rate(facts))
        compared_detail = f"Its job outcome rate is set against a rate of {rate}."
    elif facts.comparison == "peers":
        compared_detail = "It compares with peers, but the performance database has no open " \
            "figures for them on its records' programme, group and period."  # fmt: skip
    else:
        compared_detail = "It names a comparison but not the comparison's job outcome rate."
    like = compared and facts.comparison in LIKE_FOR_LIKE
    n = facts.participants
    months = facts.follow_up_months
    reasons = (
        Reason("A published account from a delivery organisation", True, "Every case study."),
        Reason("Compared with something", compared, compared_detail),
        Reason(
            "Compared like for like",
            like,
            "With a comparison group or peers on the same programme and claimant group."
            if like
            else "Before-and-after and earlier cohorts do not rule out other changes."
            if compared
            else "No comparison.",
        ),
        Reason(
            f"{MIN_PARTICIPANTS} people or more",
            bool(n and n >= MIN_PARTICIPANTS),
            f"{n} people took part." if n is not None else "It does not say how many took part.",
        ),
        Reason(
            "Cites verified performance data",
            facts.records_verified,
            "It cites records a supply-chain partner confirmed or a moderator verified."
            if facts.records_verified
            else "It cites no confirmed or verified performance record.",
        ),
        Reason(
            f"Followed up for {MIN_FOLLOW_UP_MONTHS} months or more",
            bool(months and months >= MIN_FOLLOW_UP_MONTHS),
            f"People were followed up for {months} months."
            if months
            else "It does not say how long people were followed up.",
        ),
    )
    return Strength(min(MAX_PADLOCKS, sum(r.met for r in reasons)), reasons)


@dataclass(frozen=True)
class CostBand:
    number: int
    label: str
    low: int  # £, inclusive
    high: int | None  # £, inclusive; None for the top band

    @property
    def range_text(self) -> str:
        if self.high is None:
            return f"over £{self.low - 1:,}"
        return f"£{self.low:,} to £{self.high:,}" if self.low else f"up to £{self.high:,}"


def cost_bands() -> list[CostBand]:
    bands, low = [], 0
    for number, label, high in COST_BANDS:
        bands.append(CostBand(number, label, low, high))
        low = (high or 0) + 1
    return bands


def cost_band(cost: int | Decimal) -> CostBand:
    """The band a cost per participant in £ falls in: £100 is Very low, £101 is Low."""
    if cost < 0:
        raise ValueError("A cost cannot be negative.")
    for band in cost_bands():
        if band.high is None or cost <= band.high:
            return band
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class StudyEvidence:
    """One case study as an approach's summary sees it."""

    case_study_id: int
    organisation_id: int
    participants: int | None
    padlocks: int
    impact: Decimal | None
    cost_per_participant: int | None


@dataclass(frozen=True)
class CostSummary:
    band: CostBand
    median: Decimal
    studies: int


@dataclass(frozen=True)
class ImpactSummary:
    points: Decimal  # percentage points, one decimal
    studies: int
    participants: int


@dataclass(frozen=True)
class Summary:
    case_studies: int = 0
    organisations: int = 0
    participants: int = 0
    best_padlocks: int | None = None
    typical_padlocks: int | None = None
    cost: CostSummary | None = None
    impact: ImpactSummary | None = None
    strengths: tuple[int, ...] = field(default=())

    @property
    def enough(self) -> bool:
        return self.case_studies >= MIN_STUDIES


def summarise(studies: list[StudyEvidence]) -> Summary:
    """An approach's numbers from its (published) case studies."""
    if not studies:
        return Summary()
    padlocks = sorted(s.padlocks for s in studies)
    costs = [Decimal(s.cost_per_participant) for s in studies if s.cost_per_participant is not None]
    cost = None
    if len(costs) >= MIN_STUDIES:
        median = Decimal(statistics.median(costs)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        cost = CostSummary(cost_band(median), median, len(costs))
    weighed = [s for s in studies if s.impact is not None and s.participants]
    effect = None
    if len(weighed) >= MIN_STUDIES:
        people = sum(s.participants for s in weighed)
        points = sum(s.impact * s.participants for s in weighed) / people
        effect = ImpactSummary(
            points.quantize(_TENTH, rounding=ROUND_HALF_UP), len(weighed), people
        )
    return Summary(
        case_studies=len(studies),
        organisations=len({s.organisation_id for s in studies}),
        participants=sum(s.participants or 0 for s in studies),
        best_padlocks=padlocks[-1],
        # The lower median: with four studies of 1, 2, 4 and 5 padlocks the typical one has 2.
        typical_padlocks=statistics.median_low(padlocks),
        cost=cost,
        impact=effect,
        strengths=tuple(padlocks),
    )
