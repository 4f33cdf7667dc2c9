"""Reads of performance records that other apps and the site may use."""

from __future__ import annotations

from cases.performance.models import PerformanceRecord


def visible_record(pk: int, user) -> PerformanceRecord | None:
    """A performance record `user` may see, or None."""
    return PerformanceRecord.objects.visible_to(user).filter(pk=pk).first()
