"""Private messages as a kind of content members may report (hub.base.moderation). Moderators
see a message only as the review queue shows a reported one; they never browse conversations."""

from __future__ import annotations

from forum.models import Message
from forum.permissions import MODERATE
from hub.base import moderation


def _describe(message: Message) -> str:
    return f"the private message by {message.author.public_name}"


def _heading(message: Message) -> str:
    return f"Private message in “{message.conversation.subject}”"


def _where(message: Message) -> str:
    sent = message.created_at.strftime("%-d %B %Y, %H:%M")
    return f"Sent by {message.author.public_name}, {sent}."


def register() -> None:
    moderation.register(
        moderation.Kind(
            Message,
            MODERATE,
            "forum.message_",
            _describe,
            _heading,
            titled=lambda message: f"in “{message.conversation.subject}”",
            where=_where,
            related=("author", "conversation"),
        )  # fmt: skip
    )
