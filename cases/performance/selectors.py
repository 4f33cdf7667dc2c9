"""Reads of performance records that other apps and the site may use."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Sum

from cases.performance.models import CohortRecord, PerformanceRecord
from hub.base.models import Organisation


def visible_record(pk: int, user) -> PerformanceRecord | None:
    """A performance record `user` may see, or None."""
    return PerformanceRecord.objects.visible_to(user).filter(pk=pk).first()


# Benchmarks' peers: each is one query, whatever the number of records.


def visible_records(user):
    return PerformanceRecord.objects.visible_to(user)


def peer_records(user, *, programme, claimant_group, period_start, period_end, areas=(),
                 kinds=()):  # fmt: skip
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
