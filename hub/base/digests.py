"""The daily digest: one email a member chose to get instead of an email per notification,
listing what is waiting for them. Sent by ``manage.py send_digests`` (a background task)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from hub.base.models import Notification, NotificationPreference, User
from hub.base.notifications import (
    DAILY_DIGEST,
    _absolute,
    _daily_kinds,
    _unsubscribe_headers,
    unsubscribe_token,
)
from hub.base.tasks import send_email

DIGEST_MAX_ITEMS = 50
DIGEST_USER_BATCH = 500

logger = logging.getLogger(__name__)


@task()
def send_daily_digests() -> int:
    """Email each member who chose a daily digest the unread notifications waiting for it.

    Queued once a day by ``manage.py send_digests``; returns how many digests were sent.
    """
    return digests_send()


def digests_send(*, now=None) -> int:
    """Email each member one digest of their unread notifications of the kinds they chose to
    get daily, then mark those sent; returns how many digests were queued. Run it once a day
    (``manage.py send_digests`` queues it as a background task); a second run sends nothing.

    Queries grow with the members who have something waiting, never with their notifications:
    members and their preferences are read a batch at a time, and each member's digest is one
    UPDATE that claims the rows (so two overlapping runs cannot both send them) and one SELECT.
    A failure for one member is logged and the others still get theirs; it is then raised.
    """
    now = now or timezone.now()
    waiting = (
        Notification.objects.digest_due()
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
    user_ids = list(waiting)
    sent = failed = 0
    for start in range(0, len(user_ids), DIGEST_USER_BATCH):
        batch = user_ids[start : start + DIGEST_USER_BATCH]
        rows_by_user: dict[int, dict[str, NotificationPreference]] = {pk: {} for pk in batch}
        for row in NotificationPreference.objects.filter(user_id__in=batch):
            rows_by_user[row.user_id][row.kind] = row
        users = User.objects.filter(pk__in=batch, is_active=True).exclude(email="")
        for user in users.order_by("pk"):
            daily = _daily_kinds(rows_by_user[user.pk])
            if not daily:
                continue
            try:
                sent += _send_digest(user, kind_keys=daily, now=now)
            except Exception:
                failed += 1
                logger.exception("The daily digest for user %s failed.", user.pk)
    if failed:
        raise RuntimeError(f"{failed} daily digest(s) failed; {sent} were sent.")
    return sent


@transaction.atomic
def _send_digest(user: User, *, kind_keys: list[str], now) -> int:
    """Claim and email one member's waiting notifications of these kinds: 1 if sent, else 0."""
    total = (
        Notification.objects.digest_due()
        .filter(recipient=user, kind__in=kind_keys)
        .update(digested_at=now)
    )
    if not total:
        return 0
    items = list(
        Notification.objects.filter(recipient=user, digested_at=now, for_digest=True)
        .order_by("-created_at", "-pk")
        .only("message", "url", "created_at")[:DIGEST_MAX_ITEMS]
    )
    # Queued inside the transaction: with the database task backend the email and the rows'
    # digested_at commit together; with others a failure here un-claims the rows for a retry.
    send_email.enqueue(**_render_digest(recipient=user, items=items, total=total))
    return 1


def _render_digest(*, recipient: User, items: list[Notification], total: int) -> dict:
    """The daily digest email, newest first, as plain JSON arguments for the send_email task."""
    unsubscribe_url = _absolute(
        reverse(
            "notification_unsubscribe",
            kwargs={"token": unsubscribe_token(recipient, DAILY_DIGEST.key)},
        )
    )
    context = {
        "recipient": recipient,
        "items": [
            {"message": item.message, "link": _absolute(item.url), "created_at": item.created_at}
            for item in items
        ],
        "total": total,
        "more": total - len(items),
        "list_url": _absolute(reverse("notification_list")),
        "preferences_url": _absolute(reverse("notification_preferences")),
        "contact_url": _absolute(reverse("contact")),
        "unsubscribe_url": unsubscribe_url,
        "site_name": settings.SITE_NAME,
        "subject_prefix": settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    }
    subject = " ".join(render_to_string("hub/email/digest_subject.txt", context).split())
    return {
        "to": [recipient.email],
        "subject": subject,
        "body": render_to_string("hub/email/digest.txt", context),
        "headers": _unsubscribe_headers(unsubscribe_url),
    }
