"""The Star Rating in the 2008 strategy's four areas: outcomes, value for money, quality and
customer experience, and an overall rating that shows each area beside it.

Every function here is pure: it takes plain numbers (the views and selectors fetch them) and
returns an `AreaRating`, which is either a number of stars (1 to 5) with the steps that led to
it, or "not enough data" with the reason. The rules, exactly (the methodology page explains them
in words, with a worked example computed by `cases.performance.stars.example`):

Outcomes, adjusted for claimant-group mix (`outcomes_area`)
    For one programme and financial year, each claimant group the organisation serves is
    compared only with that group's own peers. In group g the organisation's rate r(g) (job
    outcomes ÷ attachments; cohort rates where the caller has them) gets a percentile rank P(g)
    among the comparable organisations in g, itself included, ties counting half
    (`cases.performance.benchmarks.percentile_rank`). A group is compared when the
    organisation has at least MIN_ATTACHMENTS attachments in it and at least MIN_PEERS
    organisations (itself included) are comparable in it. The organisation's mix-adjusted rank
    is the caseload-weighted mean

        R = Σ_g w(g) × P(g),   w(g) = attachments(g) ÷ Σ attachments over the compared groups,

    and its stars are R's 20-point band (under 20 one star, 80 or more five), then one star
    added for being on or above contractual profile (job outcomes ÷ profile, summed over the
    compared groups' figures that give both) and one taken away under 80% of profile, kept
    between 1 and 5. Because each group is ranked against its own peers, an organisation with a
    12% rate where ESA claimants' peers reach 8% ranks high, and one with 25% where JSA 18-24
    peers reach 30% ranks low: serving harder groups is not penalised. Not rated ("not enough
    data") when the compared groups hold under MIN_COVERAGE of its attachments.

    Which rate (`outcome_basis`): in each claimant group, when at least MIN_PEERS organisations
    report cohorts of the year that are mature for COHORT_MONTHS (cases.performance.cohorts),
    everyone in that group is compared on the COHORT_MONTHS-month cohort job outcome rate (job
    outcomes within COHORT_MONTHS months ÷ people attached, summed over the mature cohort
    months; no profile, since profiles are per period), and an organisation without such
    cohorts is not compared in that group. Otherwise the group is compared on period rates.
    Every page says which basis each organisation's outcomes area used.

Value for money (`value_for_money_area`)
    Cost per job outcome: delivery funding received ÷ job outcomes, over the records where the
    organisation disclosed its funding (voluntarily) and gave job outcomes. Lower is better, so
    each group's percentile rank is taken on the negated cost, and groups are mix-weighted by
    job outcomes exactly as for outcomes (a group is compared when the organisation has at least
    MIN_VFM_OUTCOMES job outcomes in it and at least MIN_PEERS organisations disclosed in it).
    No profile adjustment. Never shown with fewer than MIN_PEERS peers in a group.

Quality (`quality_area`)
    A score out of 100 from three parts with published weights (QUALITY_WEIGHTS):
    verified figures 40 (the share of its records on the programme and year that a supply-chain
    partner confirmed or a moderator verified), Customer Service Standards 40 (the share of its
    Standard Measure results in the last four quarters that met their target) and
    accreditations 20 (a third for each distinct kind of moderator-verified, unexpired
    accreditation: Merlin Standard, matrix, Customer Service Excellence or another, three at
    most). Stars are the score's 20-point band. Not rated without records or
    without any Customer Service Standards results; accreditations are a fact either way (none
    held scores 0).

Customer experience (`experience_area`)
    From claimant feedback: a score out of 100, given by the feedback app only once enough
    claimants have answered. Stars are the score's 20-point band. Not rated without a score,
    with the feedback app's reason.

Overall (`overall`)
    The weighted mean of the areas' stars with AREA_WEIGHTS (outcomes 40, value for money 20,
    quality 20, customer experience 20), rounded half up. Given only when at least
    MIN_AREAS_FOR_OVERALL areas are rated and outcomes is one of them; the weights of the rated
    areas are then scaled up to 100 and the rating says which area is missing ("from 3 of 4
    areas; customer experience missing"). Otherwise there is no overall rating, and the page
    lists what is missing: never a silently different number.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from cases.performance.benchmarks import percentile_rank, quartiles
from cases.performance.stars.outcomes_only import (
    MAX_STARS,
    MIN_ATTACHMENTS,
    MIN_PEERS,
    base_stars,
    profile_adjustment,
)

MIN_COVERAGE = Decimal("0.5")
"""Share of the organisation's attachments (or job outcomes, for value for money) that must sit
in groups with enough peers before the area is rated."""

MIN_VFM_OUTCOMES = 10
"""Job outcomes with disclosed funding an organisation needs in a group for its cost to count."""

QUALITY_WEIGHTS = {"figures": Decimal(40), "standards": Decimal(40), "accreditations": Decimal(20)}
ACCREDITATION_KINDS_COUNTED = 3
"""Verified accreditations that give the full accreditation part."""

AREAS = {
    "outcomes": "Outcomes",
    "value_for_money": "Value for money",
    "quality": "Quality",
    "experience": "Customer experience",
}
AREA_WEIGHTS = {
    "outcomes": Decimal(40),
    "value_for_money": Decimal(20),
    "quality": Decimal(20),
    "experience": Decimal(20),
}
MIN_AREAS_FOR_OVERALL = 3

_HUNDRED = Decimal(100)
_ONE_PLACE = Decimal("0.1")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def score_stars(score: Decimal) -> int:
    """Stars from a score out of 100: 20-point bands, as for percentile ranks."""
    return base_stars(max(Decimal(0), min(_HUNDRED, score)))


@dataclass(frozen=True)
class GroupFigures:
    """One organisation's figures in one claimant group: the numerator and denominator of its
    rate (job outcomes and attachments, or a cohort's), and the optional profile or funding."""

    numerator: int
    denominator: int
    profile: int | None = None


COHORT_MONTHS = 12
"""The cohort rate the outcomes area uses where enough organisations report mature cohorts."""

PERIOD_BASIS = "period rates (job outcomes ÷ attachments in the same periods)"
COHORT_BASIS = (
    f"{COHORT_MONTHS}-month cohort rates (job outcomes within {COHORT_MONTHS} months ÷ people "
    "attached, over the year's mature cohorts)"
)
MIXED_BASIS = (
    f"{COHORT_MONTHS}-month cohort rates in the claimant groups where at least {MIN_PEERS} "
    "organisations report mature cohorts, period rates in the others"
)


def outcome_basis(
    period: Mapping[Hashable, Mapping[Hashable, GroupFigures]],
    cohort: Mapping[Hashable, Mapping[Hashable, GroupFigures]],
    *,
    min_peers: int = MIN_PEERS,
) -> tuple[dict, dict]:
    """The figures the outcomes area compares, {org: {group: GroupFigures}}, and each
    organisation's basis (PERIOD_BASIS, COHORT_BASIS or MIXED_BASIS): per claimant group, cohort
    figures for everyone when at least `min_peers` organisations have them, else period ones."""
    groups = {g for figures in (*period.values(), *cohort.values()) for g in figures}
    on_cohorts = {
        g for g in groups if sum(1 for figures in cohort.values() if g in figures) >= min_peers
    }
    chosen: dict = {}
    used: dict = {}
    for org in {*period, *cohort}:
        figures = {}
        for g in groups:
            source = cohort if g in on_cohorts else period
            if g in source.get(org, {}):
                figures[g] = source[org][g]
                used.setdefault(org, set()).add(g in on_cohorts)
        if figures:
            chosen[org] = figures
    basis = {
        org: COHORT_BASIS if kinds == {True} else PERIOD_BASIS if kinds == {False} else MIXED_BASIS
        for org, kinds in used.items()
    }
    return chosen, basis


@dataclass(frozen=True)
class GroupStanding:
    """How the organisation did in one claimant group, against that group's peers."""

    group: Hashable
    value: Decimal | None
    peers: int
    median: Decimal | None = None
    rank: Decimal | None = None
    weight: Decimal | None = None
    reason: str = ""

    @property
    def compared(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True)
class AreaRating:
    """One area's stars, or the reason there are none, with the working behind it."""

    area: str
    stars: int | None
    reason: str = ""
    score: Decimal | None = None
    groups: tuple[GroupStanding, ...] = ()
    parts: tuple[tuple[str, Decimal | None, Decimal], ...] = ()
    adjustment: int = 0
    adjustment_reason: str = ""
    detail: str = ""

    @property
    def rated(self) -> bool:
        return self.stars is not None

    @property
    def label(self) -> str:
        return f"{self.stars} out of {MAX_STARS}" if self.stars is not None else "Not enough data"

    @property
    def name(self) -> str:
        return AREAS[self.area]

    @property
    def symbols(self) -> str:
        if self.stars is None:
            return ""
        return "★" * self.stars + "☆" * (MAX_STARS - self.stars)


def _ratio(numerator: int | Decimal, denominator: int | Decimal) -> Decimal:
    return Decimal(numerator) / Decimal(denominator)


def _mix_adjusted(
    subject: Hashable,
    figures: Mapping[Hashable, Mapping[Hashable, GroupFigures]],
    *,
    value,
    weight,
    eligible,
    too_small: str,
    higher_is_better: bool,
) -> tuple[list[GroupStanding], Decimal | None, Decimal]:
    """Each of the subject's groups ranked among that group's eligible peers; the
    weighted-mean rank over the compared groups and the share of the weight they hold."""
    mine = figures.get(subject, {})
    standings = []
    total_weight = sum((weight(f) for f in mine.values()), Decimal(0))
    compared_weight = Decimal(0)
    weighted = Decimal(0)
    for group, own in mine.items():
        peers = [
            value(org[group]) for org in figures.values() if group in org and eligible(org[group])
        ]
        own_value = value(own) if own.denominator else None
        # A median of fewer than MIN_PEERS organisations is never shown: it would all but
        # give away the others' figures (a voluntary disclosure, for value for money).
        median = quartiles(peers)[1] if len(peers) >= MIN_PEERS else None
        if not eligible(own):
            standings.append(GroupStanding(group, own_value, len(peers), median, reason=too_small))
            continue
        if len(peers) < MIN_PEERS:
            standings.append(GroupStanding(group, own_value, len(peers), median, reason=(
                f"{_plural(len(peers), 'organisation')} to compare with in this group; "
                f"at least {MIN_PEERS} are needed."
            )))  # fmt: skip
            continue
        signed = peers if higher_is_better else [-v for v in peers]
        rank = percentile_rank(own_value if higher_is_better else -own_value, signed)
        compared_weight += weight(own)
        weighted += weight(own) * rank
        standings.append(GroupStanding(group, own_value, len(peers), median, rank, weight(own)))
    if not compared_weight:
        return standings, None, Decimal(0)
    standings = [
        s if s.weight is None else GroupStanding(
            s.group, s.value, s.peers, s.median, s.rank, s.weight / compared_weight)
        for s in standings
    ]  # fmt: skip
    share = compared_weight / total_weight if total_weight else Decimal(0)
    return standings, weighted / compared_weight, share


def outcomes_area(
    subject: Hashable, figures: Mapping[Hashable, Mapping[Hashable, GroupFigures]]
) -> AreaRating:
    """Outcomes adjusted for claimant-group mix. `figures` maps every organisation on one
    programme and year to its figures per claimant group (job outcomes and attachments)."""
    mine = figures.get(subject, {})
    attachments = sum(f.denominator for f in mine.values())
    if not mine or not attachments:
        return AreaRating("outcomes", None, "no job outcomes and attachments reported this year.")
    standings, rank, share = _mix_adjusted(
        subject, figures,
        value=lambda f: _ratio(f.numerator, f.denominator),
        weight=lambda f: Decimal(f.denominator),
        eligible=lambda f: f.denominator >= MIN_ATTACHMENTS,
        too_small=f"fewer than {MIN_ATTACHMENTS} attachments in this group.",
        higher_is_better=True,
    )  # fmt: skip
    if rank is None or share < MIN_COVERAGE:
        covered = (share * _HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return AreaRating("outcomes", None, (
            f"only {covered}% of its attachments are in claimant groups with enough figures "
            f"to compare; at least {int(MIN_COVERAGE * 100)}% are needed."
        ), groups=tuple(standings))  # fmt: skip
    profiled = [mine[s.group] for s in standings if s.compared and mine[s.group].profile]
    against = (
        _ratio(sum(f.numerator for f in profiled), sum(f.profile for f in profiled))
        if profiled
        else None
    )
    adjustment, why = profile_adjustment(against)
    base = base_stars(rank)
    return AreaRating(
        "outcomes",
        max(1, min(MAX_STARS, base + adjustment)),
        score=rank,
        groups=tuple(standings),
        adjustment=adjustment,
        adjustment_reason=why,
        detail=f"Mix-adjusted percentile rank {rank.quantize(_ONE_PLACE)}: {base} stars from "
        f"its rank.",
    )


def value_for_money_area(
    subject: Hashable, figures: Mapping[Hashable, Mapping[Hashable, GroupFigures]]
) -> AreaRating:
    """Cost per job outcome against each group's peers. `figures` holds, per organisation and
    claimant group, the funding received (numerator) and job outcomes (denominator) of the
    records where funding was disclosed; organisations that disclosed nothing are left out."""
    mine = figures.get(subject, {})
    if not mine:
        return AreaRating("value_for_money", None, "no delivery funding disclosed this year.")
    if not sum(f.denominator for f in mine.values()):
        return AreaRating(
            "value_for_money", None, "no job outcomes in the records with funding disclosed."
        )
    standings, rank, share = _mix_adjusted(
        subject, figures,
        value=lambda f: _ratio(f.numerator, f.denominator) if f.denominator else None,
        weight=lambda f: Decimal(f.denominator),
        eligible=lambda f: f.denominator >= MIN_VFM_OUTCOMES,
        too_small=f"fewer than {MIN_VFM_OUTCOMES} job outcomes with funding disclosed.",
        higher_is_better=False,
    )  # fmt: skip
    if rank is None or share < MIN_COVERAGE:
        return AreaRating("value_for_money", None, (
            f"fewer than {MIN_PEERS} organisations disclosed funding in its claimant groups, "
            "so cost per job outcome is not compared."
            if rank is None else
            "under half of its job outcomes are in claimant groups with enough peers disclosing."
        ), groups=tuple(standings))  # fmt: skip
    stars = base_stars(rank)
    return AreaRating(
        "value_for_money",
        stars,
        score=rank,
        groups=tuple(standings),
        detail=f"Mix-adjusted percentile rank {rank.quantize(_ONE_PLACE)} (a lower cost per "
        f"job outcome ranks higher): {stars} stars.",
    )


@dataclass(frozen=True)
class QualityInputs:
    """What the quality area needs, from three places: the organisation's records, its
    Customer Service Standards results and its verified accreditations."""

    records: int = 0
    records_confirmed: int = 0
    measures_with_results: int = 0
    measures_met: int = 0
    accreditations: tuple[str, ...] = field(default_factory=tuple)


def accreditation_share(kinds: tuple[str, ...]) -> Decimal:
    """Verified accreditations as a share: a third for each distinct kind, three at most."""
    return Decimal(min(len(set(kinds)), ACCREDITATION_KINDS_COUNTED)) / ACCREDITATION_KINDS_COUNTED


def quality_area(inputs: QualityInputs) -> AreaRating:
    """Verified figures, standards met and accreditations, weighted 40/40/20."""
    if not inputs.records:
        return AreaRating("quality", None, "no performance records to check.")
    if not inputs.measures_with_results:
        return AreaRating(
            "quality", None,
            "no Customer Service Standards results recorded in the last four quarters.",
        )  # fmt: skip
    shares = {
        "figures": _ratio(inputs.records_confirmed, inputs.records),
        "standards": _ratio(inputs.measures_met, inputs.measures_with_results),
        "accreditations": accreditation_share(inputs.accreditations),
    }
    score = sum((shares[k] * QUALITY_WEIGHTS[k] for k in QUALITY_WEIGHTS), Decimal(0)).quantize(
        _ONE_PLACE, rounding=ROUND_HALF_UP
    )
    stars = score_stars(score)
    return AreaRating(
        "quality",
        stars,
        score=score,
        parts=tuple((k, shares[k], QUALITY_WEIGHTS[k]) for k in QUALITY_WEIGHTS),
        detail=(
            f"{inputs.records_confirmed} of {inputs.records} records confirmed or verified, "
            f"{inputs.measures_met} of {inputs.measures_with_results} standard measures met, "
            f"{_plural(len(set(inputs.accreditations)), 'verified accreditation')}: "
            f"score {score} out of 100, {stars} stars."
        ),
    )


def experience_area(
    score: Decimal | int | None, responses: int = 0, reason: str = ""
) -> AreaRating:
    """Customer experience from the feedback app's score (0 to 100, or None with a reason)."""
    if score is None:
        if not responses or not reason:
            return AreaRating("experience", None, "no claimant feedback yet.")
        why = reason[0].lower() + reason[1:]
        return AreaRating("experience", None, why if why.endswith(".") else f"{why}.")
    score = Decimal(str(score)).quantize(_ONE_PLACE, rounding=ROUND_HALF_UP)
    stars = score_stars(score)
    return AreaRating(
        "experience",
        stars,
        score=score,
        detail=f"Feedback score {score} out of 100 from {_plural(responses, 'response')}: "
        f"{stars} stars.",
    )


@dataclass(frozen=True)
class Overall:
    """The overall rating and every area beside it."""

    stars: int | None
    areas: tuple[AreaRating, ...]
    reason: str = ""
    weighted: Decimal | None = None
    scope: str = ""

    @property
    def rated(self) -> bool:
        return self.stars is not None

    @property
    def label(self) -> str:
        return f"{self.stars} out of {MAX_STARS}" if self.stars is not None else "Not rated"

    @property
    def symbols(self) -> str:
        if self.stars is None:
            return ""
        return "★" * self.stars + "☆" * (MAX_STARS - self.stars)

    @property
    def missing(self) -> list[AreaRating]:
        return [area for area in self.areas if not area.rated]


def overall(areas: list[AreaRating]) -> Overall:
    """Combine the areas' stars with AREA_WEIGHTS, re-weighted over the rated areas and
    labelled so, only when enough areas (outcomes among them) are rated."""
    areas = tuple(sorted(areas, key=lambda a: list(AREAS).index(a.area)))
    rated = [a for a in areas if a.rated]
    missing = [a.name.lower() for a in areas if not a.rated]
    if len(rated) < MIN_AREAS_FOR_OVERALL or not any(a.area == "outcomes" for a in rated):
        need = f"at least {MIN_AREAS_FOR_OVERALL} of the {len(AREAS)} areas, outcomes among them"
        return Overall(None, areas, reason=f"an overall rating needs {need}; missing: "
                       f"{', '.join(missing)}.")  # fmt: skip
    total = sum(AREA_WEIGHTS[a.area] for a in rated)
    weighted = sum(AREA_WEIGHTS[a.area] * a.stars for a in rated) / total
    stars = int(weighted.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    scope = (
        f"from all {len(AREAS)} areas"
        if not missing
        else f"from {len(rated)} of {len(AREAS)} areas, re-weighted; missing: {', '.join(missing)}"
    )
    return Overall(stars, areas, weighted=weighted.quantize(Decimal("0.01")), scope=scope)
