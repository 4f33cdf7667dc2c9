"""Fictional demo private messages, bookmarks and an edited post with its earlier version, so
the forum's habits have something to show. Idempotent: a second run adds nothing."""

from __future__ import annotations

from django.db import transaction

from hub.base import notifications
from hub.site.demo.data import load

_DATA = load("forum_habits")


def seed(stdout=None) -> str:
    from forum.habits import services as habits
    from forum.messages import services as messages
    from forum.models import Bookmark, Conversation, Thread
    from forum.services import post_update
    from hub.base.models import TextRevision, User

    made = {"conversations": 0, "bookmarks": 0, "edits": 0}
    with notifications.emails_muted(), transaction.atomic():
        people = {u.username: u for u in User.objects.filter(is_active=True)}
        for plan in _DATA["CONVERSATIONS"]:
            if Conversation.objects.filter(subject=plan["subject"]).exists():
                continue
            if any(name not in people for name in plan["people"]):
                continue
            (first_author, first_body), *rest = plan["messages"]
            sender = people[first_author]
            others = [people[n] for n in plan["people"] if n != first_author]
            conversation = messages.conversation_start(
                sender=sender, recipients=others, subject=plan["subject"], body=first_body
            )
            for author, body in rest:
                messages.message_send(sender=people[author], conversation=conversation, body=body)
            made["conversations"] += 1
        threads = list(Thread.objects.filter(hidden_at__isnull=True).order_by("-last_post_at")[:5])
        for username, count in _DATA["BOOKMARKS"].items():
            user = people.get(username)
            if user is None or Bookmark.objects.filter(user=user).exists():
                continue
            for thread in threads[:count]:
                habits.bookmark_set(user=user, thread=thread, on=True)
                made["bookmarks"] += 1
        note = _DATA["EDITED_POST_NOTE"]
        if not TextRevision.objects.exists() and threads:
            opening = threads[0].posts.select_related("author").filter(number=1).first()
            if opening and not opening.is_removed and opening.author.is_active:
                post_update(actor=opening.author, post=opening, body=f"{opening.body}\n\n{note}")
                made["edits"] += 1
    return (
        f"Demo forum habits: {made['conversations']} private conversations, "
        f"{made['bookmarks']} bookmarks and {made['edits']} edited post added."
    )
