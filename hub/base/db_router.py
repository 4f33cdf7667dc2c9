"""Reads to a replica, writes to the primary (on when DATABASE_REPLICA_URL is set).

A request with a safe method (GET, HEAD, OPTIONS) is read-only by intent, so its reads may go to
the replica; everything else, and anything inside a transaction, reads the primary. After a
member writes something, a short-lived cookie keeps their own reads on the primary for a few
seconds, so they see their change even while the replica lags. When the replica cannot be
reached, reads go to the primary and the replica is tried again after a pause
(DATABASE_REPLICA_RETRY_SECONDS), so the hub keeps answering with one database.
"""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

PIN_COOKIE = "hub_primary"
_read_only: ContextVar[bool] = ContextVar("hub_read_only_request", default=False)


def pin_seconds() -> int:
    return getattr(settings, "DATABASE_REPLICA_PIN_SECONDS", 10)


_replica_down_until = 0.0  # per process: time.monotonic() before which the replica is not tried


def replica_available(alias: str = "replica") -> bool:
    """Whether reads may go to the replica now: it is configured and answers. A failed connection
    (or a failed health check of a kept one) sends reads to the primary for a while."""
    global _replica_down_until
    if alias not in settings.DATABASES:
        return False
    if time.monotonic() < _replica_down_until:
        return False
    connection = connections[alias]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DatabaseError as error:
        retry = getattr(settings, "DATABASE_REPLICA_RETRY_SECONDS", 30)
        _replica_down_until = time.monotonic() + retry
        logger.warning(
            "The read replica is unreachable; reading the primary for %ss: %s", retry, error
        )
        return False
    return True


class ReadOnlyRequestMiddleware:
    """Marks safe-method requests (not pinned to the primary) as read-only for the router."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        read_only = (
            request.method in ("GET", "HEAD", "OPTIONS")
            and not request.COOKIES.get(PIN_COOKIE)
            and replica_available()
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
