"""Rate limits for member actions, on top of django-ratelimit (shared through the cache)."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def over_limit(request, *, group: str, rate: str) -> bool:
    """Count one action by the signed-in user (or the address) and say whether it is over `rate`."""
    return is_ratelimited(request, group=group, key="user_or_ip", rate=rate, increment=True)


def join_rate() -> str:
    return f"{settings.HUB_JOIN_REQUESTS_PER_HOUR}/h"


def organisation_create_rate() -> str:
    return f"{settings.HUB_ORGANISATIONS_PER_DAY}/d"
