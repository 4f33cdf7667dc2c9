"""Writes for supply chains: each checks the actor's role itself, validates, saves atomically."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.base import pii
from hub.base import selectors as base_selectors
from hub.base.idempotency import create_once
from hub.base.models import Membership, Organisation, User
from hub.base.notifications import notify
from hub.base.services import is_organisation_admin
from toolkits.supplychains.models import (
    STATEMENTS,
    ConductComment,
    ConductFeedback,
    ConductReply,
    ExpressionOfInterest,
    Opportunity,
    OpportunityWatch,
)

OPPORTUNITY_FIELDS = (
    "title", "summary", "programme", "services", "specialism", "referrals_per_month",
    "contract_months", "starts_on", "attachment_fee", "outcome_payment", "sustainment_payment",
    "sustainment_count", "management_fee_percent", "payment_terms_days", "prime_provides",
    "it_systems", "minimum_insurance", "how_to_apply", "deadline",
)  # fmt: skip
EOI_FIELDS = (
    "services_offered", "experience", "capacity_per_month", "quality_standards", "contact_email",
)  # fmt: skip


def _require_admin(actor: User, organisation: Organisation, what: str) -> None:
    if not is_organisation_admin(user=actor, organisation=organisation):
        raise PermissionDenied(f"Only an admin of {organisation} can {what}.")


def _admins(organisation_id: int) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=organisation_id,
            memberships__status=Membership.Status.APPROVED,
            memberships__role=Membership.Role.ADMIN,
        )
    )


def _notify_watchers(opportunity: Opportunity, area_ids: list[int], actor: User) -> None:
    """Members watching the opportunity's programme or any of its areas hear of it once."""
    watchers = (
        User.objects.filter(is_active=True, opportunity_watches__programme=opportunity.programme_id)
        | User.objects.filter(is_active=True, opportunity_watches__area__in=area_ids)
    ).distinct()
    for user in watchers:
        notify(
            recipient=user,
            kind="opportunity.new",
            message=f"New subcontract opportunity from {opportunity.prime}: {opportunity.title}",
            url=opportunity.get_absolute_url(),
            actor=actor,
        )


@transaction.atomic
def opportunity_publish(
    *,
    actor: User,
    prime: Organisation,
    data: dict,
    areas: Iterable,
    claimant_groups: Iterable,
    submission_key: uuid.UUID | None = None,
) -> Opportunity:
    """A prime's admin publishes an opportunity; watchers of its programme or areas are told."""
    _require_admin(actor, prime, "publish its opportunities")
    if prime.kind != Organisation.Kind.PRIME:
        raise ValidationError("Only a prime contractor publishes subcontract opportunities.")
    areas, claimant_groups = list(areas), list(claimant_groups)
    if not areas:
        raise ValidationError("Choose at least one area.")
    if data["deadline"] < timezone.localdate():
        raise ValidationError("The deadline cannot be in the past.")

    def create() -> Opportunity:
        opportunity = Opportunity(
            prime=prime,
            published_by=actor,
            submission_key=submission_key,
            **{name: data[name] for name in OPPORTUNITY_FIELDS if name in data},
        )
        opportunity.full_clean(exclude=["prime", "published_by", "submission_key"])
        opportunity.save()
        opportunity.areas.set(areas)
        opportunity.claimant_groups.set(claimant_groups)
        _notify_watchers(opportunity, [a.pk for a in areas], actor)
        return opportunity

    opportunity, _new = create_once(
        Opportunity, key=submission_key, owner={"prime": prime}, create=create
    )
    return opportunity


@transaction.atomic
def opportunity_update(
    *, actor: User, opportunity: Opportunity, data: dict, areas: Iterable, claimant_groups: Iterable
) -> Opportunity:
    """The prime's admin corrects an open opportunity; a closed one is a record and stays."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    _require_admin(actor, opportunity.prime, "change its opportunities")
    if opportunity.closed_at is not None:
        raise ValidationError("A closed opportunity is a record of the terms offered.")
    for name in OPPORTUNITY_FIELDS:
        if name in data:
            setattr(opportunity, name, data[name])
    opportunity.full_clean(exclude=["prime", "published_by", "submission_key"])
    opportunity.save()
    areas = list(areas)
    if not areas:
        raise ValidationError("Choose at least one area.")
    opportunity.areas.set(areas)
    opportunity.claimant_groups.set(list(claimant_groups))
    return opportunity


@transaction.atomic
def opportunity_close(*, actor: User, opportunity: Opportunity) -> Opportunity:
    """Stop taking expressions of interest early; the page stays as a record of the terms."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    _require_admin(actor, opportunity.prime, "close its opportunities")
    if opportunity.closed_at is None:
        opportunity.closed_at = timezone.now()
        opportunity.save(update_fields=["closed_at", "updated_at"])
    return opportunity


def watch_set(*, user: User, programme=None, area=None, watching: bool) -> None:
    """Start or stop hearing of new opportunities in one programme or one area."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to watch opportunities.")
    if (programme is None) == (area is None):
        raise ValidationError("Watch a programme or an area.")
    subject = {"programme": programme} if programme is not None else {"area": area}
    if watching:
        try:
            with transaction.atomic():
                OpportunityWatch.objects.get_or_create(user=user, **subject)
        except IntegrityError:
            pass  # a simultaneous click made it
    else:
        OpportunityWatch.objects.filter(user=user, **subject).delete()


@transaction.atomic
def eoi_send(
    *,
    actor: User,
    organisation: Organisation,
    opportunity: Opportunity,
    data: dict,
    submission_key: uuid.UUID | None = None,
) -> ExpressionOfInterest:
    """An organisation's admin sends its one expression of interest; the prime's admins hear."""
    _require_admin(actor, organisation, "send its expressions of interest")
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if organisation.pk == opportunity.prime_id:
        raise ValidationError("A prime does not express interest in its own opportunity.")
    if not opportunity.is_open:
        raise ValidationError("This opportunity has closed.")
    if submission_key is not None:
        repeat = ExpressionOfInterest.objects.filter(
            submission_key=submission_key, organisation=organisation
        ).first()
        if repeat is not None:  # a double click or a resubmitted form
            return repeat
    existing = ExpressionOfInterest.objects.filter(
        opportunity=opportunity, organisation=organisation
    ).first()
    if existing is not None and existing.status != ExpressionOfInterest.Status.WITHDRAWN:
        raise ValidationError(f"{organisation} has already expressed interest.")
    values = {name: data[name] for name in EOI_FIELDS}
    if existing is not None:  # sending again after withdrawing
        eoi = existing
        for name, value in values.items():
            setattr(eoi, name, value)
        eoi.status = ExpressionOfInterest.Status.SENT
        eoi.reply, eoi.answered_by, eoi.answered_at = "", None, None
        eoi.sent_by, eoi.created_at = actor, timezone.now()
    else:
        eoi = ExpressionOfInterest(
            opportunity=opportunity,
            organisation=organisation,
            sent_by=actor,
            submission_key=submission_key,
            **values,
        )
    eoi.full_clean(exclude=["opportunity", "organisation", "sent_by", "submission_key"])
    eoi.save()
    for admin in _admins(opportunity.prime_id):
        notify(
            recipient=admin,
            kind="opportunity.eoi_received",
            message=f"{organisation} expressed interest in {opportunity.title}",
            url=f"{opportunity.get_absolute_url()}expressions/",
            actor=actor,
        )
    return eoi


@transaction.atomic
def eoi_answer(
    *, actor: User, eoi: ExpressionOfInterest, status: str, reply: str
) -> ExpressionOfInterest:
    """The prime's admin shortlists or declines an expression of interest; its sender hears."""
    eoi = (
        ExpressionOfInterest.objects.select_for_update()
        .select_related("opportunity", "opportunity__prime", "organisation")
        .get(pk=eoi.pk)
    )
    _require_admin(actor, eoi.opportunity.prime, "answer expressions of interest")
    allowed = {ExpressionOfInterest.Status.SHORTLISTED, ExpressionOfInterest.Status.DECLINED}
    if status not in allowed:
        raise ValidationError("Shortlist or decline the expression of interest.")
    if eoi.status == ExpressionOfInterest.Status.WITHDRAWN:
        raise ValidationError("The organisation has withdrawn this expression of interest.")
    eoi.status, eoi.reply = status, reply.strip()
    eoi.answered_by, eoi.answered_at = actor, timezone.now()
    eoi.save(update_fields=["status", "reply", "answered_by", "answered_at"])
    label = ExpressionOfInterest.Status(status).label.lower()
    for admin in _admins(eoi.organisation_id):
        notify(
            recipient=admin,
            kind="opportunity.eoi_answered",
            message=f"{eoi.opportunity.prime} {label} your interest in {eoi.opportunity.title}",
            url=eoi.opportunity.get_absolute_url(),
            actor=actor,
        )
    return eoi


@transaction.atomic
def eoi_withdraw(*, actor: User, eoi: ExpressionOfInterest) -> ExpressionOfInterest:
    """The sending organisation's admin takes its expression of interest back; the prime hears."""
    eoi = (
        ExpressionOfInterest.objects.select_for_update()
        .select_related("opportunity", "organisation")
        .get(pk=eoi.pk)
    )
    _require_admin(actor, eoi.organisation, "withdraw its expressions of interest")
    if eoi.status != ExpressionOfInterest.Status.WITHDRAWN:
        eoi.status = ExpressionOfInterest.Status.WITHDRAWN
        eoi.save(update_fields=["status"])
        for admin in _admins(eoi.opportunity.prime_id):
            notify(
                recipient=admin,
                kind="opportunity.eoi_withdrawn",
                message=f"{eoi.organisation} withdrew its interest in {eoi.opportunity.title}",
                url=f"{eoi.opportunity.get_absolute_url()}expressions/",
                actor=actor,
            )
    return eoi


def feedback_organisations(user: User, prime: Organisation) -> list[Organisation]:
    """The user's organisations that are, or were, in the prime's confirmed supply chain."""
    if not user.is_authenticated:
        return []
    mine = Membership.objects.filter(user=user, status=Membership.Status.APPROVED).values_list(
        "organisation_id", flat=True
    )
    ids = base_selectors.in_supply_chain(prime=prime, organisation_ids=mine)
    return list(Organisation.objects.filter(pk__in=ids).exclude(pk=prime.pk).order_by("name"))


@transaction.atomic
def conduct_feedback_set(
    *,
    actor: User,
    prime: Organisation,
    organisation: Organisation,
    scores: dict,
    year=None,
    comment: str = "",
) -> ConductFeedback:
    """A chain member's organisation rates the prime for this year; answering again changes it.
    A comment is held until a moderator publishes it; changed words are held again."""
    if organisation not in feedback_organisations(actor, prime):
        raise PermissionDenied(
            "Only members of organisations in this prime's supply chain can give feedback on it."
        )
    year = year or timezone.localdate().year
    values = {}
    for name, _label in STATEMENTS:
        value = scores.get(name)
        if value not in (1, 2, 3, 4, 5):
            raise ValidationError("Rate every statement from 1 to 5.")
        values[name] = value
    feedback, _created = ConductFeedback.objects.select_for_update().update_or_create(
        prime=prime,
        organisation=organisation,
        year=year,
        defaults={**values, "answered_by": actor},
    )
    _comment_set(feedback, (comment or "").strip())
    return feedback


def _comment_set(feedback: ConductFeedback, text: str) -> None:
    existing = ConductComment.objects.filter(feedback=feedback).first()
    if not text:
        if existing is not None:
            existing.delete()
        return
    if existing is not None and existing.text == text:
        return  # unchanged words keep their review
    ConductComment.objects.update_or_create(
        feedback=feedback,
        defaults={
            "prime_id": feedback.prime_id,
            "year": feedback.year,
            "text": text,
            "review_state": ConductComment.State.HELD,
            "held_reasons": pii.scan(text),
            "reviewed_at": None,
            "reviewed_by": None,
            "review_note": "",
            "created_at": timezone.now(),
        },
    )


@transaction.atomic
def conduct_reply_set(*, actor: User, prime: Organisation, year: int, text: str) -> ConductReply:
    """The prime's one public reply for a year (posting again replaces it)."""
    _require_admin(actor, prime, "reply for it")
    text = text.strip()
    if not text:
        raise ValidationError("Enter your reply.")
    reply, _created = ConductReply.objects.update_or_create(
        prime=prime, year=year, defaults={"text": text, "posted_by": actor}
    )
    return reply
