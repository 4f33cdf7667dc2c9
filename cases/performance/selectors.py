"""Reads of performance records that other apps and the site may use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Sum

from cases import caching
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
    see in, newest year first: one query over each organisation's records, cached per audience
    under the records' version (cases.caching)."""
    ids = sorted(set(organisation_ids))
    audience = "members" if user.is_authenticated else "public"

    def compute():
        rows = (
            visible_records(user)
            .filter(organisation_id__in=ids)
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

    return caching.cached("rated_programme_years", [audience, ids], compute)


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
    {organisation id: (numerator, denominator)}. Cached like `year_inputs`. Shown beside
    period rates."""
    today = today or date.today()

    def compute():
        found = year_inputs(user, programme=programme, year=year, today=today).cohorts
        return {
            org_id: (
                sum(f.numerator for f in groups.values()),
                sum(f.denominator for f in groups.values()),
            )
            for org_id, groups in found.items()
        }

    audience = "members" if user.is_authenticated else "public"
    parts = [audience, getattr(programme, "pk", programme), year, today.isoformat()]
    return caching.cached("cohort_year_rates", parts, compute)


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


@dataclass(frozen=True)
class OrganisationYear:
    """One organisation's records on a programme in a financial year, summed."""

    records: int
    confirmed: int
    figures: benchmarks.Combined


@dataclass(frozen=True)
class YearInputs:
    """What the Star Rating's records areas read from every organisation on one programme and
    financial year: per organisation its summed records, and per organisation and claimant group
    the outcome figures compared (with the basis chosen), the funding figures and the mature
    cohorts' figures."""

    records: dict[int, OrganisationYear]
    outcomes: dict
    bases: dict
    funding: dict
    cohorts: dict


def year_inputs(user, *, programme, year: int, today: date) -> YearInputs:
    """Every organisation's records and cohorts `user` may see on the programme in the
    financial year, reduced to the Star Rating's inputs. Reading them means thousands of rows,
    and they change only when a record or cohort does, so the answer is cached per audience
    (what `visible_to` shows depends only on being signed in), programme, year and day (cohort
    maturity) under the records' version (cases.caching), which every write bumps."""
    audience = "members" if user.is_authenticated else "public"
    programme_id = getattr(programme, "pk", programme)

    def compute() -> YearInputs:
        by_org = _year_records(user, programme_id, year)
        period_figures, funding_figures = _area_figures(by_org)
        cohort_figures = _year_cohorts(user, programme_id, year, today)
        outcome_figures, bases = areas.outcome_basis(period_figures, cohort_figures)
        confirmed = {PerformanceRecord.Status.PEER_CONFIRMED, PerformanceRecord.Status.VERIFIED}
        return YearInputs(
            records={
                org_id: OrganisationYear(
                    records=len(records),
                    confirmed=sum(1 for r in records if r.status in confirmed),
                    figures=benchmarks.combine(records),
                )
                for org_id, records in by_org.items()
            },
            outcomes=outcome_figures,
            bases=bases,
            funding=funding_figures,
            cohorts=cohort_figures,
        )

    parts = [audience, programme_id, year, today.isoformat()]
    return caching.cached("star_year_inputs", parts, compute)


RATE_KEYS = ("job_start_rate", "job_outcome_rate", "performance_against_profile")


@dataclass(frozen=True)
class RecordsAreas:
    """The Star Rating's two areas that come from records alone, for one organisation."""

    summary: OrganisationYear | None
    outcomes: areas.AreaRating
    value_for_money: areas.AreaRating
    basis: str


def records_areas(user, *, programme, year: int, organisation_ids, today: date,
                  medians: bool = False):  # fmt: skip
    """Each organisation's outcomes and value-for-money areas (ranked against every
    organisation on the programme and year) and, with `medians`, the medians of its rates
    among these organisations and among everyone. Small, and cached like `year_inputs` (under
    the same version, per audience and set of organisations), so a page that shows a few
    organisations does not read every organisation's inputs again."""
    audience = "members" if user.is_authenticated else "public"
    programme_id = getattr(programme, "pk", programme)
    ids = list(dict.fromkeys(organisation_ids))

    def compute():
        inputs = year_inputs(user, programme=programme_id, year=year, today=today)
        found = {
            org_id: RecordsAreas(
                summary=inputs.records.get(org_id),
                outcomes=areas.outcomes_area(org_id, inputs.outcomes),
                value_for_money=areas.value_for_money_area(org_id, inputs.funding),
                basis=inputs.bases.get(org_id, areas.PERIOD_BASIS),
            )
            for org_id in ids
        }
        if not medians:
            return found, None
        everyone = [summary.figures for summary in inputs.records.values()]
        chain = [inputs.records[i].figures for i in ids if i in inputs.records]
        return found, {
            "chain": {k: benchmarks.quartiles([_rate(k, c) for c in chain])[1] for k in RATE_KEYS},
            "programme": {
                k: benchmarks.quartiles([_rate(k, c) for c in everyone])[1] for k in RATE_KEYS
            },
            "counts": (len(chain), len(everyone)),
        }

    parts = [audience, programme_id, year, today.isoformat(), sorted(ids), medians]
    return caching.cached("star_records_areas", parts, compute)


def four_area_ratings(
    user, *, programme, year: int, organisation_ids, standards=None, accreditations=None,
    experience=None, today: date | None = None, medians: bool = False,
):  # fmt: skip
    """The Star Rating in four areas of each organisation on `programme` in financial year
    `year`, against every organisation with records `user` may see there (the records' part
    cached: `records_areas`). The other areas' inputs come from their own apps, keyed by
    organisation id: `standards` (with_results, met), `accreditations` (kinds) and
    `experience` (score, responses, reason); a missing key is "no data". With `medians`, also
    the median of each rate among these organisations and among every organisation on the
    programme that year:
    ({id: FourAreas}, {"chain": {rate: median}, "programme": {...}, "counts": (n, m)})."""
    standards, accreditations, experience = standards or {}, accreditations or {}, experience or {}
    found, middle = records_areas(
        user, programme=programme, year=year, organisation_ids=organisation_ids,
        today=today or date.today(), medians=medians,
    )  # fmt: skip
    result = {}
    for org_id in organisation_ids:
        part = found[org_id]
        summary = part.summary
        css = standards.get(org_id)
        feedback = experience.get(org_id)
        rated = [
            part.outcomes,
            part.value_for_money,
            areas.quality_area(
                areas.QualityInputs(
                    records=summary.records if summary else 0,
                    records_confirmed=summary.confirmed if summary else 0,
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
            figures=summary.figures if summary else None,
            overall=areas.overall(rated),
            basis=part.basis,
        )
    if not medians:
        return result
    return result, middle


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
