"""Writes for private messages: starting a conversation, replying, reading, leaving.

Only participants take part; moderators reach a message only through a member's report
(hub.base.moderation), never by reading conversations."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from forum import permissions
from forum.models import Conversation, Message, Participant
from hub.base import notifications
from hub.base.models import User


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Enter your message."})
    if len(body) > 10_000:
        raise ValidationError({"body": "Messages must be 10,000 characters or fewer."})
    return body


def can_message(user) -> bool:
    """Members of an organisation (and moderators) may send private messages."""
    return permissions.post_refusal(user) is None


def recipients_from(usernames: list[str], *, sender: User) -> list[User]:
    """The members named (by username, without the @), checked: each exists, is active, is
    not the sender, and the group fits the cap."""
    names = list(dict.fromkeys(n.strip().lstrip("@").lower() for n in usernames if n.strip()))
    if not names:
        raise ValidationError({"to": "Enter the username of at least one member."})
    limit = settings.FORUM_CONVERSATION_MAX_PEOPLE
    if len(names) + 1 > limit:
        raise ValidationError(
            {"to": f"A conversation can have up to {limit} people, you included: "
                   f"name {limit - 1} or fewer."}
        )  # fmt: skip
    found = {
        u.username.lower(): u
        for u in User.objects.filter(username__in=names, is_active=True, erased_at__isnull=True)
    }
    if sender.username.lower() in names:
        raise ValidationError({"to": "You do not need to add yourself."})
    missing = [n for n in names if n not in found or not can_message(found[n])]
    if missing:
        raise ValidationError(
            {"to": f"No member can receive messages as: {', '.join(missing)}. Check the spelling."}
        )
    return [found[n] for n in names]


def _notify(message: Message, *, recipients) -> None:
    conversation = message.conversation
    for user in recipients:
        notifications.notify(
            recipient=user, kind="forum.message", actor=message.author,
            url=conversation.get_absolute_url(),
            message=f"{message.author.public_name} sent you a private message: "
                    f"“{conversation.subject}”.",
        )  # fmt: skip


@transaction.atomic
def conversation_start(
    *, sender: User, recipients: list[User], subject: str, body: str, submission_key=None
) -> Conversation:
    """Start a conversation with one or a few members, with its first message."""
    if not can_message(sender):
        raise PermissionDenied("Join your organisation on the hub to send private messages.")
    subject = (subject or "").strip()
    if not subject:
        raise ValidationError({"subject": "Enter a subject."})
    body = _clean_body(body)
    if not recipients:
        raise ValidationError({"to": "Enter the username of at least one member."})
    now = timezone.now()
    conversation = Conversation.objects.create(
        subject=subject[:160], started_by=sender, last_message_at=now
    )
    Participant.objects.bulk_create(
        Participant(conversation=conversation, user=user, last_message_at=now)
        for user in [sender, *recipients]
    )
    message_send(sender=sender, conversation=conversation, body=body, submission_key=submission_key)
    return conversation


@transaction.atomic
def message_send(
    *, sender: User, conversation: Conversation, body: str, submission_key=None
) -> Message:
    """Add a message; every other participant who has not left is notified."""
    if not can_message(sender):
        raise PermissionDenied("Join your organisation on the hub to send private messages.")
    me = (
        Participant.objects.select_for_update()
        .filter(conversation=conversation, user=sender, left_at__isnull=True)
        .first()
    )
    if me is None:
        raise PermissionDenied("You are not in this conversation.")
    body = _clean_body(body)
    message = Message.objects.create(
        conversation=conversation, author=sender, body=body, submission_key=submission_key
    )
    now = message.created_at
    Conversation.objects.filter(pk=conversation.pk).update(
        message_count=F("message_count") + 1, last_message_at=now
    )
    Participant.objects.filter(conversation=conversation).update(last_message_at=now)
    Participant.objects.filter(pk=me.pk).update(last_read_at=now)
    others = [
        p.user
        for p in Participant.objects.filter(conversation=conversation, left_at__isnull=True)
        .exclude(user=sender)
        .select_related("user")
    ]
    message.conversation = Conversation.objects.get(pk=conversation.pk)
    _notify(message, recipients=others)
    return message


def mark_read(*, user: User, conversation: Conversation) -> None:
    Participant.objects.filter(conversation=conversation, user=user).update(
        last_read_at=timezone.now()
    )


@transaction.atomic
def conversation_leave(*, user: User, conversation: Conversation) -> None:
    """Leave: the member stops seeing it and hearing of it; the others keep it and see that
    they left."""
    updated = Participant.objects.filter(
        conversation=conversation, user=user, left_at__isnull=True
    ).update(left_at=timezone.now())
    if not updated:
        raise PermissionDenied("You are not in this conversation.")
