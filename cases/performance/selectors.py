"""Reads of performance records that other apps and the site may use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Sum

from cases.performance import benchmarks, cohorts, stars
from cases.performance.models import CohortRecord, PerformanceRecord, Programme
from cases.performance.stars import areas
from hub.base.models import Organisation


def visible_record(pk: int, user) -> PerformanceRecord | None:
    """A performance record `user` may see, or None."""
    return PerformanceRecord.objects.visible_to(user).filter(pk=pk).first()


_FIGURES = ("referrals", "attachments", "job_starts", "job_outcomes", "profile_job_outcomes",
            "funding_received")  # fmt: skip

# Benchmarks' peers: each is one query, whatever the number of records.


def visible_records(user):
    return PerformanceRecord.objects.visible_to(user)


def peer_records(user, *, programme, claimant_group, period_start, period_end, areas=(),
                 kinds=(), chain=None):  # fmt: skip
    """The records `user` may see on one programme, claimant group and period."""
    records = visible_records(user).filter(
        programme=programme,
        claimant_group=claimant_group,
        period_start=period_start,
        period_end=period_end,
    )
    if areas:
        records = records.filter(area__slug__in=areas)
    if kinds:
        records = records.filter(organisation__kind__in=kinds)
    if chain is not None:
        records = records.in_supply_chain_of(chain)
    return records.select_related("organisation", "area").order_by(
        "organisation__name", "area__name", "pk"
    )


def organisation_peer_records(user, organisation: Organisation):
    """Every record `user` may see on a programme and claimant group the organisation has a
    visible record for: its own records and all its peers', for every period and year."""
    own = visible_records(user).filter(
        organisation=organisation,
        programme=OuterRef("programme"),
        claimant_group=OuterRef("claimant_group"),
    )
    return (
        visible_records(user)
        .filter(Exists(own))
        .select_related("organisation", "programme", "claimant_group")
        .order_by("period_start", "period_end", "pk")
    )


def peer_outcome_totals(keys) -> dict[tuple, tuple[int, int]]:
    """For each (programme id, claimant group id, period start, period end, organisation id):
    the job outcomes and attachments of every *other* organisation's open, undisputed records
    on the same programme, claimant group and period. One query, whatever the number of keys.

    Only open records count, so the figures are the same for every viewer."""
    keys = set(keys)
    if not keys:
        return {}
    rows = (
        PerformanceRecord.objects.published()
        .exclude(status=PerformanceRecord.Status.DISPUTED)
        .filter(
            programme_id__in={k[0] for k in keys},
            claimant_group_id__in={k[1] for k in keys},
            period_start__in={k[2] for k in keys},
            job_outcomes__isnull=False,
            attachments__gt=0,
        )
        .values_list(
            "programme_id", "claimant_group_id", "period_start", "period_end", "organisation_id"
        )  # fmt: skip
        .annotate(outcomes=Sum("job_outcomes"), attached=Sum("attachments"))
        .order_by()
    )
    totals: dict[tuple, list[int]] = {}
    own: dict[tuple, tuple[int, int]] = {}
    for programme, group, start, end, organisation, outcomes, attached in rows:
        total = totals.setdefault((programme, group, start, end), [0, 0])
        total[0] += outcomes
        total[1] += attached
        own[(programme, group, start, end, organisation)] = (outcomes, attached)
    result = {}
    for key in keys:
        total = totals.get(key[:4])
        if total is None:
            continue
        mine = own.get(key, (0, 0))
        result[key] = (total[0] - mine[0], total[1] - mine[1])
    return result


# The Star Rating in four areas: the records' part, fed the other areas' inputs by the caller.


def rated_programme_years(user, organisation_ids) -> dict[int, list[tuple]]:
    """For each organisation, the (programme, financial year) pairs it has records `user` may
    see in, newest year first: one query."""
    rows = (
        visible_records(user)
        .filter(organisation_id__in=list(organisation_ids))
        .values_list("organisation_id", "programme_id", "period_start")
        .distinct()
        .order_by()
    )
    found: dict[int, set] = {}
    for org_id, programme_id, start in rows:
        found.setdefault(org_id, set()).add((programme_id, stars.financial_year(start)))
    programmes = Programme.objects.in_bulk({p for pairs in found.values() for p, _ in pairs})
    return {
        org_id: sorted(
            ((programmes[p], year) for p, year in pairs),
            key=lambda pair: (-pair[1], pair[0].sort_order, pair[0].name),
        )
        for org_id, pairs in found.items()
    }


@dataclass(frozen=True)
class FourAreas:
    """One organisation's figures and Star Rating on one programme and financial year."""

    organisation_id: int
    figures: benchmarks.Combined | None
    overall: areas.Overall
    basis: str

    def area(self, key: str) -> areas.AreaRating:
        return next(a for a in self.overall.areas if a.area == key)


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 1)


def _year_records(user, programme, year: int) -> dict[int, list]:
    """Every organisation's records `user` may see on the programme in the financial year,
    as plain rows: one query."""
    start, end = _year_bounds(year)
    rows = (
        visible_records(user)
        .filter(programme=programme, period_start__gte=start, period_start__lte=end)
        .values("organisation_id", "claimant_group_id", "status", *_FIGURES)
        .order_by()
    )
    by_org: dict[int, list] = {}
    for row in rows:
        by_org.setdefault(row["organisation_id"], []).append(SimpleNamespace(**row))
    return by_org


def _year_cohorts(user, programme, year: int, today: date) -> dict[int, dict]:
    """Per organisation and claimant group, the year's cohorts that are mature for the outcomes
    area's cohort rate on `today`, summed: GroupFigures(job outcomes by then, attached). One
    query."""
    start, end = _year_bounds(year)
    months = areas.COHORT_MONTHS
    field = f"job_outcomes_by_{months}"
    rows = (
        visible_cohorts(user)
        .filter(programme=programme, cohort_month__gte=start, cohort_month__lte=end)
        .exclude(**{f"{field}__isnull": True})
        .values_list("organisation_id", "claimant_group_id", "cohort_month", "attached", field)
        .order_by()
    )
    totals: dict[int, dict] = {}
    for org_id, group_id, month, attached, outcomes in rows:
        if not attached or not cohorts.is_mature(month, months, today):
            continue
        done, people = totals.setdefault(org_id, {}).get(group_id, (0, 0))
        totals[org_id][group_id] = (done + outcomes, people + attached)
    return {
        org_id: {g: areas.GroupFigures(n, d) for g, (n, d) in groups.items()}
        for org_id, groups in totals.items()
    }


def cohort_year_rates(user, *, programme, year: int, today: date | None = None):
    """Every organisation's job outcome rate over the year's cohorts that are mature for the
    outcomes area's cohort rate (all claimant groups together), as (job outcomes, attached):
    {organisation id: (numerator, denominator)}. One query. Shown beside period rates."""
    found = _year_cohorts(user, programme, year, today or date.today())
    return {
        org_id: (
            sum(f.numerator for f in groups.values()),
            sum(f.denominator for f in groups.values()),
        )
        for org_id, groups in found.items()
    }


def pair_rate(pair) -> Decimal | None:
    """numerator ÷ denominator of a (numerator, denominator) pair, or None without one."""
    return Decimal(pair[0]) / Decimal(pair[1]) if pair and pair[1] else None


def median_of_pairs(pairs) -> Decimal | None:
    """The median of the pairs' rates (benchmarks.quartiles), None when there are none."""
    return benchmarks.quartiles([pair_rate(p) for p in pairs])[1] if pairs else None


def _area_figures(by_org: dict[int, list]) -> tuple[dict, dict]:
    """Per organisation and claimant group: job outcomes of attachments (with profile), and
    funding of job outcomes where funding was disclosed."""
    outcome_figures, funding_figures = {}, {}
    for org_id, records in by_org.items():
        groups: dict[int, list] = {}
        for record in records:
            groups.setdefault(record.claimant_group_id, []).append(record)
        outcomes, funding = {}, {}
        for group_id, group_records in groups.items():
            paired = [r for r in group_records if r.job_outcomes is not None and r.attachments]
            if paired:
                profiled = [r for r in paired if r.profile_job_outcomes]
                outcomes[group_id] = areas.GroupFigures(
                    sum(r.job_outcomes for r in paired), sum(r.attachments for r in paired),
                    sum(r.profile_job_outcomes for r in profiled) if profiled else None,
                )  # fmt: skip
            disclosed = [
                r for r in group_records
                if r.funding_received is not None and r.job_outcomes is not None
            ]  # fmt: skip
            if disclosed:
                funding[group_id] = areas.GroupFigures(
                    sum(r.funding_received for r in disclosed),
                    sum(r.job_outcomes for r in disclosed),
                )
        if outcomes:
            outcome_figures[org_id] = outcomes
        if funding:
            funding_figures[org_id] = funding
    return outcome_figures, funding_figures


def _rate(key: str, record) -> Decimal | None:
    return getattr(record.rates, key)


RATE_KEYS = ("job_start_rate", "job_outcome_rate", "performance_against_profile")


def four_area_ratings(
    user, *, programme, year: int, organisation_ids, standards=None, accreditations=None,
    experience=None, today: date | None = None, medians: bool = False,
):  # fmt: skip
    """The Star Rating in four areas of each organisation on `programme` in financial year
    `year`, against every organisation with records `user` may see there (one query for the
    records). The other areas' inputs come from their own apps, keyed by organisation id:
    `standards` (with_results, met), `accreditations` (kinds) and `experience` (score,
    responses, reason); a missing key is "no data". With `medians`, also the median of each
    rate among these organisations and among every organisation on the programme that year:
    ({id: FourAreas}, {"chain": {rate: median}, "programme": {...}, "counts": (n, m)})."""
    standards, accreditations, experience = standards or {}, accreditations or {}, experience or {}
    by_org = _year_records(user, programme, year)
    period_figures, funding_figures = _area_figures(by_org)
    outcome_figures, bases = areas.outcome_basis(
        period_figures, _year_cohorts(user, programme, year, today or date.today())
    )
    confirmed = {PerformanceRecord.Status.PEER_CONFIRMED, PerformanceRecord.Status.VERIFIED}
    result = {}
    for org_id in organisation_ids:
        records = by_org.get(org_id, [])
        css = standards.get(org_id)
        feedback = experience.get(org_id)
        rated = [
            areas.outcomes_area(org_id, outcome_figures),
            areas.value_for_money_area(org_id, funding_figures),
            areas.quality_area(
                areas.QualityInputs(
                    records=len(records),
                    records_confirmed=sum(1 for r in records if r.status in confirmed),
                    measures_with_results=css.with_results if css else 0,
                    measures_met=css.met if css else 0,
                    accreditations=tuple(accreditations.get(org_id, ())),
                )
            ),
            areas.experience_area(
                feedback.score if feedback else None,
                feedback.responses if feedback else 0,
                feedback.reason if feedback else "",
            ),
        ]
        result[org_id] = FourAreas(
            organisation_id=org_id,
            figures=benchmarks.combine(records) if records else None,
            overall=areas.overall(rated),
            basis=bases.get(org_id, areas.PERIOD_BASIS),
        )
    if not medians:
        return result
    everyone = {org_id: benchmarks.combine(records) for org_id, records in by_org.items()}
    chain = [everyone[org_id] for org_id in organisation_ids if org_id in everyone]
    found = {
        "chain": {k: benchmarks.quartiles([_rate(k, c) for c in chain])[1] for k in RATE_KEYS},
        "programme": {
            k: benchmarks.quartiles([_rate(k, c) for c in everyone.values()])[1] for k in RATE_KEYS
        },
        "counts": (len(chain), len(everyone)),
    }
    return result, found


def programmes():
    """The programmes other apps may name (opportunities, watches), in the taxonomy's order."""
    from cases.performance.models import Programme

    return Programme.objects.all()


# Cohort records: the same visibility as period records.


def visible_cohorts(user):
    return CohortRecord.objects.visible_to(user)


def cohort_peers(user, *, programme, claimant_group, months):
    """The cohorts `user` may see on one programme and claimant group in the given cohort
    months, with their organisation and area: one query."""
    return (
        visible_cohorts(user)
        .filter(programme=programme, claimant_group=claimant_group, cohort_month__in=months)
        .select_related("organisation", "area")
        .order_by("organisation__name", "area__name", "cohort_month", "pk")
    )
