"""Reads for private messages. Every read goes through the member's own participant row, so a
conversation someone is not in does not exist for them (a 404), moderators included."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch

from forum.models import Conversation, Message, Participant
from hub.base.pagination import KeysetPage, keyset_page

INBOX_ORDER = ["-last_message_at", "-id"]
MESSAGE_ORDER = ["-created_at", "-id"]


def inbox_page(user, *, after=None, before=None) -> KeysetPage:
    """The member's conversations (not those they left), latest first, with the people in
    each: two queries a page whatever the number of conversations or people."""
    others = Participant.objects.select_related("user").order_by("id")
    rows = (
        Participant.objects.filter(user=user, left_at__isnull=True)
        .select_related("conversation")
        .prefetch_related(Prefetch("conversation__participants", queryset=others))
    )
    return keyset_page(
        rows, order=INBOX_ORDER, after=after, before=before, size=settings.FORUM_THREADS_PER_PAGE
    )


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    from django.db.models import F, Q

    return Participant.objects.filter(
        Q(last_read_at__isnull=True) | Q(last_message_at__gt=F("last_read_at")),
        user=user,
        left_at__isnull=True,
    ).count()


def participation(user, pk: int) -> Participant | None:
    """The member's place in conversation `pk` (None: not theirs; they may have left it)."""
    if not user.is_authenticated:
        return None
    return (
        Participant.objects.filter(user=user, conversation_id=pk)
        .select_related("conversation")
        .first()
    )


def people(conversation: Conversation) -> list[Participant]:
    return list(
        Participant.objects.filter(conversation=conversation).select_related("user").order_by("id")
    )


def message_page(conversation: Conversation, *, after=None, before=None) -> KeysetPage:
    """The latest messages first in the database's order, shown oldest first on the page;
    "older messages" follows the cursor."""
    rows = Message.objects.filter(conversation=conversation).select_related("author")
    page = keyset_page(
        rows,
        order=MESSAGE_ORDER,
        after=after,
        before=before,
        size=settings.FORUM_POSTS_PER_PAGE,
    )
    page.items = list(reversed(page.items))
    return page
