"""Reads to a replica, writes to the primary (on when DATABASE_REPLICA_URL is set).

A request with a safe method (GET, HEAD, OPTIONS) is read-only by intent, so its reads may go to
the replica; everything else, and anything inside a transaction, reads the primary. After a
member writes something, a short-lived cookie keeps their own reads on the primary for a few
seconds, so they see their change even while the replica lags.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

PIN_COOKIE = "hub_primary"
_read_only: ContextVar[bool] = ContextVar("hub_read_only_request", default=False)


def pin_seconds() -> int:
    return getattr(settings, "DATABASE_REPLICA_PIN_SECONDS", 10)


class ReadOnlyRequestMiddleware:
    """Marks safe-method requests (not pinned to the primary) as read-only for the router."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        read_only = request.method in ("GET", "HEAD", "OPTIONS") and not request.COOKIES.get(
            PIN_COOKIE
        )
        token = _read_only.set(read_only)
        try:
            response = self.get_response(request)
        finally:
            _read_only.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(
                PIN_COOKIE, "1", max_age=pin_seconds(), httponly=True, samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )  # fmt: skip
        return response


class ReplicaRouter:
    """The replica for reads in read-only requests; the primary for everything else."""

    replica = "replica"

    def has_replica(self) -> bool:
        return self.replica in settings.DATABASES

    def db_for_read(self, model, **hints):
        if _read_only.get() and self.has_replica() and not connections["default"].in_atomic_block:
            return self.replica
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data, whichever copy it was read from

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary by replication
