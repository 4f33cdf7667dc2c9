"""Rate limits for member actions, on top of django-ratelimit (shared through the cache)."""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited


def over_limit(request, *, group: str, rate: str) -> bool:
    """Count one action by the signed-in user (or the address) and say whether it is over `rate`."""
    return is_ratelimited(request, group=group, key="user_or_ip", rate=rate, increment=True)


def over_limit_for(request, *, group: str, key: str, rate: str) -> bool:
    """Count one action against `key` (a feedback link's id, say) rather than the person, and
    say whether it is over `rate`. Like every limit here the key only ever reaches the cache
    hashed (django-ratelimit's cache key is a SHA-256 of group, key and window)."""
    return is_ratelimited(
        request, group=group, key=lambda _group, _request: str(key), rate=rate, increment=True
    )


def join_rate() -> str:
    return f"{settings.HUB_JOIN_REQUESTS_PER_HOUR}/h"


def organisation_create_rate() -> str:
    return f"{settings.HUB_ORGANISATIONS_PER_DAY}/d"


def search_refusal(request, query: str):
    """Count one search on any search box (the hub's, the forum's, the case studies') against
    one shared allowance, and return the "too many searches" page (429) when it is used up:
    HUB_SEARCHES_PER_MINUTE from one address for visitors, HUB_MEMBER_SEARCHES_PER_MINUTE for
    each signed-in member. None when the search may go ahead."""
    if not query:
        return None
    member = request.user.is_authenticated
    per_minute = (
        settings.HUB_MEMBER_SEARCHES_PER_MINUTE if member else settings.HUB_SEARCHES_PER_MINUTE
    )
    if not over_limit(request, group="search", rate=f"{per_minute}/m"):
        return None
    return render(
        request, "hub/search/limited.html", {"query": query, "member": member}, status=429
    )


def forum_thread_rate() -> str:
    return f"{settings.FORUM_THREADS_PER_HOUR}/h"


def forum_reply_rates() -> tuple[str, str]:
    """A burst limit and an hourly one: both must hold."""
    return f"{settings.FORUM_REPLIES_PER_MINUTE}/m", f"{settings.FORUM_REPLIES_PER_HOUR}/h"


def forum_message_rates(*, new_member: bool, new_conversation: bool) -> list[tuple[str, str]]:
    """(group, rate) pairs a private message must stay within: an hourly limit for everyone,
    a tighter one for new members, and for new members a daily limit on new conversations."""
    if not new_member:
        return [("forum_message", f"{settings.FORUM_MESSAGES_PER_HOUR}/h")]
    rates = [("forum_message_new", f"{settings.FORUM_NEW_MEMBER_MESSAGES_PER_HOUR}/h")]
    if new_conversation:
        per_day = settings.FORUM_NEW_MEMBER_CONVERSATIONS_PER_DAY
        rates.append(("forum_conversation_new", f"{per_day}/d"))
    return rates
