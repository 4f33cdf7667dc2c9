"""Reports, the automatic hide, hiding, restoring and dismissing: the same rules for every kind
of content an app registers (see hub.base.moderation).

- Nobody reports their own content, and a member has one open report on an item at a time.
- A report weighs the reporter's standing (`reporter_weight`). When the open reports on an item
  weigh `MODERATION_REPORTS_TO_HIDE` established members' worth, it is hidden until a moderator
  reviews it; the content of an established member needs at least one established reporter, so
  fresh accounts alone cannot hide it.
- A moderator hides with a reason the author sees (and is told), restores (with a reason for the
  record if they give one) or dismisses the reports; each is written to Wagtail's audit log.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from wagtail.log_actions import log

from hub.base import notifications
from hub.base.moderation import Kind, is_auto_hidden, is_moderator, kind_of, kinds
from hub.base.moderation.models import Report

FULL, HALF = 2, 1  # a report's weight, in halves of an established member's
AUTO_HIDE_REASON = "Hidden until a moderator reviews it: several members reported it."


class AlreadyReported(ValidationError):
    """The member's earlier report on this item is still open."""


def is_established(user) -> bool:
    """An account older than FORUM_NEW_MEMBER_DAYS that has written something (a case study,
    a comment, a post: any registered kind); moderators always are."""
    if is_moderator(user):
        return True
    if user.date_joined > timezone.now() - timedelta(days=settings.FORUM_NEW_MEMBER_DAYS):
        return False
    return any(k.model._default_manager.filter(author=user).exists() for k in kinds())


def reporter_weight(user) -> int:
    return FULL if is_established(user) else HALF


def _require_moderator(user, kind: Kind) -> None:
    if not is_moderator(user, kind):
        raise PermissionDenied(f"Only a moderator can do that to a {kind.label}.")


def _locked(kind: Kind, obj):
    return kind.queryset().select_for_update(of=("self",)).get(pk=obj.pk)


def _resolve(obj, moderator, status: str) -> int:
    return (
        Report.objects.about(obj)
        .open()
        .update(status=status, resolved_at=timezone.now(), resolved_by=moderator)
    )


def _set_hidden(kind: Kind, obj, *, reason: str, moderator) -> None:
    obj.hidden_at = obj.hidden_at or timezone.now()
    obj.hidden_reason, obj.hidden_by = reason, moderator
    obj.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])


def _should_hide(kind: Kind, obj) -> bool:
    if obj.hidden_at is not None or kind.is_gone(obj):
        return False
    reports = Report.objects.about(obj).open()
    totals = reports.aggregate(total=Sum("weight"), full=Count("id", filter=Q(weight=FULL)))
    if (totals["total"] or 0) < settings.MODERATION_REPORTS_TO_HIDE * FULL:
        return False
    return totals["full"] > 0 or not is_established(obj.author)


@transaction.atomic
def report_create(*, reporter, target, reason: str) -> Report:
    """Report an item to the moderators; enough weight of reports hides it until reviewed."""
    kind = kind_of(target)
    if not reporter.is_authenticated:
        raise PermissionDenied(f"Sign in to report a {kind.label}.")
    if target.author_id == reporter.pk:
        raise PermissionDenied(f"You cannot report your own {kind.label}.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say what is wrong, so a moderator can judge it."})
    obj = _locked(kind, target)
    already = AlreadyReported(
        f"You have already reported this {kind.label}. A moderator will look at it."
    )
    if Report.objects.about(obj).open().filter(reporter=reporter).exists():
        raise already
    try:
        with transaction.atomic():
            report = Report.objects.create(
                content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
                object_id=obj.pk,
                reporter=reporter,
                reason=reason[:1000],
                weight=reporter_weight(reporter),
            )
    except IntegrityError:  # a double click: the first request made it
        raise already from None
    if _should_hide(kind, obj):
        _set_hidden(kind, obj, reason=AUTO_HIDE_REASON, moderator=None)
        kind.on_hide(obj, moderator=None)
        log(instance=obj, action="moderation.auto_hide", data={"reports": reports_open(obj)})
    return report


def reports_open(obj) -> int:
    return Report.objects.about(obj).open().count()


@transaction.atomic
def hide(*, moderator, target, reason: str):
    """Hide an item with a reason its author sees and is told (or confirm an automatic hide);
    its open reports close as actioned."""
    kind = kind_of(target)
    _require_moderator(moderator, kind)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter the reason the author will see."})
    obj = _locked(kind, target)
    settled = kind.is_gone(obj) or (obj.hidden_at is not None and not is_auto_hidden(obj))
    if settled:  # deleted, or a second moderator or a double click: the reports are dealt with
        _resolve(obj, moderator, Report.Status.ACTIONED)
        return obj
    was_shown = obj.hidden_at is None
    _set_hidden(kind, obj, reason=reason, moderator=moderator)
    if was_shown:
        kind.on_hide(obj, moderator=moderator)
    _resolve(obj, moderator, Report.Status.ACTIONED)
    log(instance=obj, action=kind.actions["hide"], user=moderator, data={"reason": reason})
    notifications.notify(
        recipient=obj.author,
        kind=kind.notification_kind,
        actor=moderator,
        message=f"A moderator hid your {kind.label} {kind.titled(obj)}: {reason[:200]}",
        url=obj.get_absolute_url(),
    )
    return obj


@transaction.atomic
def restore(*, moderator, target, reason: str = ""):
    """Show a hidden item again (the reason, if given, goes in the audit log); its open reports
    close as dismissed."""
    kind = kind_of(target)
    _require_moderator(moderator, kind)
    obj = _locked(kind, target)
    if obj.hidden_at is None:
        return obj
    obj.hidden_at, obj.hidden_reason, obj.hidden_by = None, "", None
    obj.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    kind.on_restore(obj, moderator=moderator)
    _resolve(obj, moderator, Report.Status.DISMISSED)
    reason = (reason or "").strip()
    log(
        instance=obj,
        action=kind.actions["restore"],
        user=moderator,
        data={"reason": reason} if reason else {},
    )
    return obj


@transaction.atomic
def dismiss(*, moderator, target) -> int:
    """Close an item's open reports without hiding it."""
    kind = kind_of(target)
    _require_moderator(moderator, kind)
    count = _resolve(target, moderator, Report.Status.DISMISSED)
    if count:
        log(instance=target, action=kind.actions["dismiss"], user=moderator, data={"flags": count})
    return count


def _held_decide(*, reviewer, target, state: str, note: str, action: str, hook: str):
    from hub.base.moderation import held

    kind = held.kind_of(target)
    if not kind.can_review(reviewer, target):
        raise PermissionDenied(f"You cannot review this {kind.label}.")
    obj = kind.model._default_manager.select_for_update().get(pk=target.pk)
    if obj.review_state == state:  # a double click or a second reviewer: already decided
        return obj
    obj.review_state, obj.review_note = state, note[:1000]
    obj.reviewed_at, obj.reviewed_by = timezone.now(), reviewer
    obj.save(update_fields=["review_state", "review_note", "reviewed_at", "reviewed_by"])
    getattr(kind, hook)(obj, reviewer=reviewer)
    log(
        instance=obj,
        action=kind.actions[action],
        user=reviewer,
        data={"reason": note} if note else {},
    )
    return obj


@transaction.atomic
def held_publish(*, reviewer, target, note: str = ""):
    """Publish an item held for review (or one rejected earlier, on second thoughts); `note`
    goes in the audit log."""
    return _held_decide(
        reviewer=reviewer,
        target=target,
        state="published",
        note=(note or "").strip(),
        action="publish",
        hook="on_publish",
    )


@transaction.atomic
def held_reject(*, reviewer, target, reason: str):
    """Keep an item off the site for good, with a reason for the record (the audit log and the
    item's review note); a published item can be taken back this way too."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter the reason it is not published."})
    return _held_decide(
        reviewer=reviewer,
        target=target,
        state="rejected",
        note=reason,
        action="reject",
        hook="on_reject",
    )
