"""Notifications: the one way the hub tells a member that something concerns them.

An app declares the kinds it sends in its ``AppConfig.ready()``::

    register_kind(
        "case_study.comment",
        label="Someone comments on your case study",
        description="When another member comments on a case study you wrote.",
    )

and its services call ``notify(recipient=..., kind=..., message=..., url=..., actor=...)``. Each
member chooses, kind by kind, whether it shows on the site and whether it is emailed straight
away, in a daily digest or never; every email carries a one-click unsubscribe link (RFC 8058)
that works without signing in. ``manage.py send_digests``, run daily, queues
``hub.base.digests.send_daily_digests``, which sends each member one email listing what is waiting
(hub.base.digests).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator

from hub.base import content_cache
from hub.base.models import Notification, NotificationPreference, User
from hub.base.tasks import send_email

Email = NotificationPreference.Email
ALL_KINDS = NotificationPreference.ALL_KINDS
UNSUBSCRIBE_SALT = "hub.base.notifications.unsubscribe"
MESSAGE_MAX_LENGTH = Notification._meta.get_field("message").max_length
URL_MAX_LENGTH = Notification._meta.get_field("url").max_length

logger = logging.getLogger(__name__)

_KEY = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")


@dataclass(frozen=True)
class NotificationKind:
    """A kind of notification an app sends, worded for the member choosing how to hear of it."""

    key: str
    label: str
    description: str
    email_default: bool = True

    @property
    def default_email(self) -> str:
        return Email.IMMEDIATELY if self.email_default else Email.NEVER


class BadUnsubscribeToken(ValueError):
    """An unsubscribe link that was altered, or names someone or something no longer here."""


_kinds: dict[str, NotificationKind] = {}

# Not a kind one registers: what an unsubscribe link in the daily digest email stops.
DAILY_DIGEST = NotificationKind(
    "*daily",
    label="Daily digest",
    description="One email a day listing the notifications you have not read yet.",
)


def register_kind(key: str, *, label: str, description: str, email_default: bool = True) -> None:
    """Declare a kind of notification (from AppConfig.ready()), so members can choose for it."""
    if not _KEY.fullmatch(key) or len(key) > 64:
        raise ValueError(f"A notification kind is lower-case words joined by dots: {key!r}")
    kind = NotificationKind(key, label, description, email_default)
    if _kinds.get(key, kind) != kind:
        raise ValueError(f"Notification kind {key!r} is already registered differently.")
    _kinds[key] = kind


def kinds() -> list[NotificationKind]:
    """The registered kinds in registration order, as the preferences page lists them."""
    return list(_kinds.values())


def get_kind(key: str) -> NotificationKind:
    """The registered kind for `key`; a typo in a caller fails loudly rather than silently."""
    try:
        return _kinds[key]
    except KeyError:
        raise ValueError(f"Unregistered notification kind: {key!r}") from None


def is_local_path(url: str) -> bool:
    """Whether `url` is a path on this site, so following it can never leave the hub."""
    return url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=set())


_emails_muted: ContextVar[bool] = ContextVar("hub_notification_emails_muted", default=False)


@contextmanager
def emails_muted():
    """Send no notification emails inside this block (in-app notifications are still made).
    For bulk jobs such as loading demo content, which would otherwise mail hundreds of people."""
    token = _emails_muted.set(True)
    try:
        yield
    finally:
        _emails_muted.reset(token)


def notify(
    *,
    recipient: User,
    kind: str,
    message: str,
    url: str,
    actor: User | None = None,
) -> Notification | None:
    """Tell `recipient` something concerns them, on the site and by email as they chose.

    Returns the notification shown on the site, or None when none is shown (the recipient did
    it themselves, is inactive, or turned this kind off on the site). Any email is queued once
    the surrounding transaction commits, so a rolled-back action sends nothing. A kind emailed
    in a daily digest sends nothing now; its row waits for the digest, kept off the site
    (``in_app=False``) when the recipient turned the site off for that kind.
    """
    spec = get_kind(kind)
    if not is_local_path(url) or len(url) > URL_MAX_LENGTH:
        raise ValueError(f"A notification links to a path on this site, not {url!r}")
    message = Truncator(" ".join(message.split())).chars(MESSAGE_MAX_LENGTH)
    if not message:
        raise ValueError("A notification needs a message.")
    if not recipient.is_active or (actor is not None and actor.pk == recipient.pk):
        return None

    in_app, email = _effective(spec, _rows(recipient, keys=[kind]))
    can_email = bool(recipient.email) and not _emails_muted.get()
    for_digest = email == Email.DAILY and can_email
    notification = None
    if in_app or for_digest:
        notification = Notification.objects.create(
            recipient=recipient,
            kind=kind,
            actor=actor,
            message=message,
            url=url,
            in_app=in_app,
            for_digest=for_digest,
        )
    if email == Email.IMMEDIATELY and can_email:
        mail = _render_email(recipient=recipient, kind=spec, message=message, url=url)
        # robust: the action has committed by then, so a mail queue failure is logged, not a 500.
        transaction.on_commit(partial(send_email.enqueue, **mail), robust=True)
    return notification if in_app else None


def unread_count(user) -> int:
    """How many notifications `user` has not read yet, 0 when signed out: one indexed query
    when it last changed, then the member's own cached number (every signed-in page's header
    shows it). Creating, reading or deleting their notifications drops it (unread_changed)."""
    if not user.is_authenticated:
        return 0
    return content_cache.cached(
        "unread",
        [user.pk],
        lambda: Notification.objects.on_site().filter(recipient=user, read_at__isnull=True).count(),
        namespaces=(unread_namespace(user.pk),),
    )


def unread_namespace(user_id: int) -> str:
    return f"unread:{user_id}"


def unread_changed(sender=None, instance=None, **kwargs) -> None:
    """A member's notifications changed: forget their unread count (a signal receiver too)."""
    if instance is not None:
        content_cache.changed(unread_namespace(instance.recipient_id))


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    post_save.connect(unread_changed, sender=Notification, dispatch_uid="hub.unread.save")
    post_delete.connect(unread_changed, sender=Notification, dispatch_uid="hub.unread.delete")


def mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the user's own notifications read (all of them when `ids` is None); others' never.

    Only those shown on the site: one kept just for the digest is still waiting for it.
    """
    unread = Notification.objects.on_site().filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    marked = unread.update(read_at=timezone.now())  # no signals: forget the count here
    content_cache.changed(unread_namespace(user.pk))
    return marked


@dataclass(frozen=True)
class NotificationDay:
    """One day's notifications on the list, with a heading a member reads at a glance."""

    day: date
    label: str
    items: list
    unread_ids: list[int]


def group_by_day(items: Iterable, *, today: date) -> list[NotificationDay]:
    """Notifications (newest first) in days, headed "Today", "Yesterday" or "Monday 1 December
    2026" in the site's time zone; each notification gets its kind's label as `kind_label`."""
    days: list[NotificationDay] = []
    for item in items:
        day = timezone.localdate(item.created_at)
        if not days or days[-1].day != day:
            ago = (today - day).days
            label = (
                "Today"
                if ago == 0
                else "Yesterday"
                if ago == 1
                else f"{day:%A} {day.day} {day:%B %Y}"
            )
            days.append(NotificationDay(day, label, [], []))
        item.kind_label = _kind_label(item.kind)
        days[-1].items.append(item)
        if item.read_at is None:
            days[-1].unread_ids.append(item.pk)
    return days


def _kind_label(key: str) -> str:
    kind = _kinds.get(key)
    return kind.label if kind else ""


def preferences_for(user: User) -> list[tuple[NotificationKind, bool, str]]:
    """Each registered kind with the user's choice: (kind, shown on the site, email setting)."""
    rows = _rows(user)
    return [(kind, *_effective(kind, rows)) for kind in kinds()]


def all_email_stopped(user: User) -> bool:
    """Whether the user stopped all email from the hub, which covers kinds added later too."""
    return NotificationPreference.objects.filter(
        user=user, kind=ALL_KINDS, email=Email.NEVER
    ).exists()


@transaction.atomic
def preferences_set(*, user: User, values: Mapping[str, tuple[bool, str]]) -> None:
    """Save the user's choices, {kind: (in_app, email)}; asking for any email lifts a stop-all."""
    rows = []
    for key, (in_app, email) in values.items():
        get_kind(key)
        if email not in Email.values:
            raise ValueError(f"Not an email choice: {email!r}")
        rows.append(NotificationPreference(user=user, kind=key, in_app=bool(in_app), email=email))
    _upsert(rows, fields=["in_app", "email"])
    if any(email != Email.NEVER for _, email in values.values()):
        NotificationPreference.objects.filter(user=user, kind=ALL_KINDS).delete()


def unsubscribe_token(user: User, kind: str | None) -> str:
    """A token for a link that stops one kind of email (every kind when None, the daily digest
    when ``DAILY_DIGEST.key``) without sign-in.

    It never expires, so the link in an old email still works; it can only turn email off.
    """
    if kind is not None and kind != DAILY_DIGEST.key:
        get_kind(kind)
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"u": user.pk, "k": kind or ALL_KINDS})


def unsubscribe_target(token: str) -> tuple[User, NotificationKind | None]:
    """Who and which kind (None: all; DAILY_DIGEST: every kind emailed in the digest) an
    unsubscribe token is for, without changing anything."""
    try:
        data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
        user_id, key = data["u"], data["k"]
    except (signing.BadSignature, ValueError, TypeError, KeyError) as exc:
        raise BadUnsubscribeToken("This unsubscribe link is not valid.") from exc
    user = User.objects.filter(pk=user_id).first()
    targets = {ALL_KINDS: None, DAILY_DIGEST.key: DAILY_DIGEST}
    if user is None or (key not in targets and key not in _kinds):
        raise BadUnsubscribeToken("This unsubscribe link is out of date.")
    return user, targets[key] if key in targets else _kinds[key]


@transaction.atomic
def unsubscribe_from_token(token: str) -> tuple[User, NotificationKind | None]:
    """Stop the email an unsubscribe token names; doing it twice changes nothing.

    Stopping the digest sets every kind now emailed in it to 'never'; no kind is in the digest
    unless its member chose so, so kinds added later cannot bring it back.
    """
    user, kind = unsubscribe_target(token)
    if kind is DAILY_DIGEST:
        keys = _daily_kinds(_rows(user))
    elif kind is not None:
        keys = [kind.key]
    else:
        keys = [k.key for k in kinds()] + [ALL_KINDS]
    _upsert(
        [NotificationPreference(user=user, kind=key, email=Email.NEVER) for key in keys],
        fields=["email"],
    )
    return user, kind


def _daily_kinds(rows: Mapping[str, NotificationPreference]) -> list[str]:
    """The registered kinds a member with these preference rows gets in the daily digest."""
    return [kind.key for kind in kinds() if _effective(kind, rows)[1] == Email.DAILY]


def _upsert(rows: list[NotificationPreference], *, fields: list[str]) -> None:
    """Insert preference rows, or change only `fields` of those that exist: one query."""
    if rows:
        NotificationPreference.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["user", "kind"],
            update_fields=[*fields, "updated_at"],
        )


def _rows(user: User, *, keys: Iterable[str] | None = None) -> dict[str, NotificationPreference]:
    """The user's preference rows by kind (with the stop-all row), in one query."""
    rows = NotificationPreference.objects.filter(user=user)
    if keys is not None:
        rows = rows.filter(kind__in=[*keys, ALL_KINDS])
    return {row.kind: row for row in rows}


def _effective(kind: NotificationKind, rows: Mapping[str, NotificationPreference]):
    """(in_app, email) for `kind`: the user's row for it, else a stop-all, else its defaults."""
    row = rows.get(kind.key)
    if row is not None:
        return row.in_app, row.email
    stop_all = rows.get(ALL_KINDS)
    if stop_all is not None and stop_all.email == Email.NEVER:
        return True, Email.NEVER
    return True, kind.default_email


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _render_email(*, recipient: User, kind: NotificationKind, message: str, url: str) -> dict:
    """The finished email as plain JSON arguments for the send_email task."""
    unsubscribe_url = _absolute(
        reverse(
            "notification_unsubscribe",
            kwargs={"token": unsubscribe_token(recipient, kind.key)},
        )
    )
    context = {
        "recipient": recipient,
        "kind": kind,
        "message": message,
        "link": _absolute(url),
        "preferences_url": _absolute(reverse("notification_preferences")),
        "contact_url": _absolute(reverse("contact")),
        "unsubscribe_url": unsubscribe_url,
        "site_name": settings.SITE_NAME,
        "subject_prefix": settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    }
    subject = " ".join(render_to_string("hub/email/notification_subject.txt", context).split())
    return {
        "to": [recipient.email],
        "subject": subject,
        "body": render_to_string("hub/email/notification.txt", context),
        "headers": _unsubscribe_headers(unsubscribe_url),
    }
