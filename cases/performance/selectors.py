"""Reads of performance records that other apps and the site may use."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from cases.performance.models import PerformanceRecord
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
