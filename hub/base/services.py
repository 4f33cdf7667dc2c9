"""Writes for accounts and organisations: each validates, checks the actor's role, then saves."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from hub.base.models import (
    Accreditation,
    Area,
    ClaimantGroup,
    EndedSupplyChainLink,
    Membership,
    Organisation,
    SupplyChainLink,
    User,
)
from hub.base.notifications import notify
from hub.base.slugs import save_with_free_slug

ORGANISATION_FIELDS = ("name", "kind", "website", "description")


def is_organisation_admin(*, user: User, organisation: Organisation) -> bool:
    """Whether `user` is an approved admin of `organisation`."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user,
        organisation=organisation,
        status=Membership.Status.APPROVED,
        role=Membership.Role.ADMIN,
    ).exists()


def _require_admin(*, actor: User, organisation: Organisation) -> None:
    if not is_organisation_admin(user=actor, organisation=organisation):
        raise PermissionDenied("Only an admin of this organisation can do that.")


def profile_update(*, user: User, display_name: str, job_title: str, bio: str) -> User:
    """Change the public profile of `user`; nothing else about the account can change here."""
    user.display_name = display_name.strip()
    user.job_title = job_title.strip()
    user.bio = bio.strip()
    user.full_clean(exclude=["password", "username", "email"])
    user.save(update_fields=["display_name", "job_title", "bio"])
    return user


@transaction.atomic
def organisation_create(
    *,
    user: User,
    name: str,
    kind: str,
    website: str = "",
    description: str = "",
    areas: Iterable[Area] = (),
    claimant_groups: Iterable[ClaimantGroup] = (),
) -> Organisation:
    """Create an organisation; its creator becomes its first organisation admin."""
    organisation = Organisation(
        name=name.strip(),
        kind=kind,
        website=website,
        description=description.strip(),
        created_by=user,
    )
    organisation.full_clean(exclude=["slug"])
    save_with_free_slug(organisation, name, default="organisation")
    organisation.areas.set(areas)
    organisation.claimant_groups.set(claimant_groups)
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=Membership.Role.ADMIN,
        status=Membership.Status.APPROVED,
        decided_at=timezone.now(),
        decided_by=user,
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    actor: User,
    areas: Iterable[Area] | None = None,
    claimant_groups: Iterable[ClaimantGroup] | None = None,
    **fields,
) -> Organisation:
    """Change an organisation's profile; only its admins may. Verification is not editable here."""
    _require_admin(actor=actor, organisation=organisation)
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    for field, value in fields.items():
        setattr(organisation, field, value.strip() if isinstance(value, str) else value)
    organisation.full_clean()
    organisation.save(update_fields=list(fields))
    if areas is not None:
        organisation.areas.set(areas)
    if claimant_groups is not None:
        organisation.claimant_groups.set(claimant_groups)
    return organisation


def organisation_set_verified(
    *, organisation: Organisation, actor: User, verified: bool
) -> Organisation:
    """Mark an organisation verified (or not); a moderator's decision."""
    if not actor.has_perm("hub.verify_organisation"):
        raise PermissionDenied("Only a moderator can verify an organisation.")
    organisation.verified = verified
    organisation.verified_at = timezone.now() if verified else None
    organisation.verified_by = actor if verified else None
    organisation.save(update_fields=["verified", "verified_at", "verified_by"])
    return organisation


@transaction.atomic
def membership_request(*, user: User, organisation: Organisation, message: str = "") -> Membership:
    """Ask to join an organisation. Asking again after a decline reopens the request."""
    membership = (
        Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
    )
    if membership is not None:
        if membership.status == Membership.Status.APPROVED:
            raise ValidationError("You are already a member of this organisation.")
        if membership.status == Membership.Status.PENDING:
            raise ValidationError("You have already asked to join. An admin will decide soon.")
        membership.status = Membership.Status.PENDING
        membership.role = Membership.Role.MEMBER
        membership.message = message.strip()
        membership.decided_at = membership.decided_by = None
        membership.full_clean()
        membership.save()
    else:
        membership = Membership(user=user, organisation=organisation, message=message.strip())
        membership.full_clean()
        membership.save()
    admins = User.objects.filter(
        memberships__organisation=organisation,
        memberships__status=Membership.Status.APPROVED,
        memberships__role=Membership.Role.ADMIN,
        is_active=True,
    )
    who = f"{user.public_name} ({user.job_title})" if user.job_title else user.public_name
    members_url = reverse("organisation_members", kwargs={"slug": organisation.slug})
    for admin in admins:
        notify(
            recipient=admin,
            kind="organisation.join_request",
            actor=user,
            message=f"{who} asked to join {organisation.name}.",
            url=f"{members_url}#requests",
        )
    return membership


@transaction.atomic
def membership_decide(*, membership: Membership, actor: User, approve: bool) -> Membership:
    """Approve or decline a pending join request; only the organisation's admins may."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_admin(actor=actor, organisation=membership.organisation)
    if membership.status != Membership.Status.PENDING:
        raise ValidationError("This request has already been decided.")
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.DECLINED
    membership.role = Membership.Role.MEMBER
    membership.decided_at = timezone.now()
    membership.decided_by = actor
    membership.save(update_fields=["status", "role", "decided_at", "decided_by"])
    organisation = membership.organisation
    notify(
        recipient=membership.user,
        kind="organisation.join_decision",
        actor=actor,
        message=f"Your request to join {organisation.name} was approved."
        if approve
        else f"Your request to join {organisation.name} was declined.",
        url=organisation.get_absolute_url(),
    )
    return membership


def _lock_admins(organisation_id: int) -> None:
    """Lock the organisation's admin rows, so two admins demoting or removing each other at
    once cannot leave it with none."""
    list(
        Membership.objects.select_for_update().filter(
            organisation_id=organisation_id, role=Membership.Role.ADMIN
        )
    )


def _refuse_last_admin(membership: Membership) -> None:
    if membership.role == Membership.Role.ADMIN and _admin_count(membership.organisation) <= 1:
        raise ValidationError(
            "An organisation needs at least one admin. Make someone else an admin first."
        )


def _admin_count(organisation: Organisation) -> int:
    return Membership.objects.filter(
        organisation=organisation,
        status=Membership.Status.APPROVED,
        role=Membership.Role.ADMIN,
    ).count()


@transaction.atomic
def membership_set_role(*, membership: Membership, actor: User, role: str) -> Membership:
    """Make an approved member an organisation admin or a plain member; never the last admin."""
    _lock_admins(membership.organisation_id)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_admin(actor=actor, organisation=membership.organisation)
    if role not in Membership.Role.values:
        raise ValidationError("Choose a role.")
    if membership.status != Membership.Status.APPROVED:
        raise ValidationError("Only approved members can be given a role.")
    if role != Membership.Role.ADMIN:
        _refuse_last_admin(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: User) -> None:
    """A member leaves, or an admin removes a member; the last admin cannot go."""
    _lock_admins(membership.organisation_id)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.user_id != actor.pk:
        _require_admin(actor=actor, organisation=membership.organisation)
    _refuse_last_admin(membership)
    membership.delete()


@transaction.atomic
def supply_chain_propose(
    *, actor: User, organisation: Organisation, other: Organisation, other_is_prime: bool
) -> SupplyChainLink:
    """One side of a prime-subcontractor relationship proposes it; the other side confirms it."""
    _require_admin(actor=actor, organisation=organisation)
    if organisation.pk == other.pk:
        raise ValidationError("An organisation cannot be in its own supply chain.")
    prime, subcontractor = (other, organisation) if other_is_prime else (organisation, other)
    existing = SupplyChainLink.objects.filter(
        prime__in=[prime, subcontractor], subcontractor__in=[prime, subcontractor]
    ).first()
    if existing is not None:
        raise ValidationError("These organisations are already linked, or a link is waiting.")
    link = SupplyChainLink.objects.create(
        prime=prime,
        subcontractor=subcontractor,
        proposed_by_organisation=organisation,
        proposed_by=actor,
    )
    return link


@transaction.atomic
def supply_chain_confirm(*, link: SupplyChainLink, actor: User) -> SupplyChainLink:
    """The side that did not propose a link confirms it."""
    link = SupplyChainLink.objects.select_for_update().get(pk=link.pk)
    _require_admin(actor=actor, organisation=link.awaiting_organisation)
    if link.status == SupplyChainLink.Status.CONFIRMED:
        return link
    link.status = SupplyChainLink.Status.CONFIRMED
    link.confirmed_at = timezone.now()
    link.save(update_fields=["status", "confirmed_at"])
    return link


def supply_chain_remove(*, link: SupplyChainLink, actor: User) -> None:
    """Either side's admin may end (or withdraw, or decline) a supply-chain link."""
    if not (
        is_organisation_admin(user=actor, organisation=link.prime)
        or is_organisation_admin(user=actor, organisation=link.subcontractor)
    ):
        raise PermissionDenied("Only an admin of one of these organisations can do that.")
    with transaction.atomic():
        if link.status == SupplyChainLink.Status.CONFIRMED:
            # A former subcontractor keeps its say on how the prime treated it.
            EndedSupplyChainLink.objects.update_or_create(
                prime_id=link.prime_id,
                subcontractor_id=link.subcontractor_id,
                defaults={"confirmed_at": link.confirmed_at, "ended_at": timezone.now()},
            )
        link.delete()


# Accreditations: organisation admins add them, moderators verify them.

ACCREDITATION_FIELDS = ("kind", "other_name", "awarded_on", "expires_on", "evidence_url")


@transaction.atomic
def accreditation_add(*, organisation: Organisation, actor: User, **fields) -> Accreditation:
    """Add an accreditation the organisation holds; it counts only once a moderator verifies it."""
    _require_admin(actor=actor, organisation=organisation)
    unknown = set(fields) - set(ACCREDITATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    accreditation = Accreditation(organisation=organisation, added_by=actor, **fields)
    if accreditation.kind != Accreditation.Kind.OTHER:
        accreditation.other_name = ""
    elif not accreditation.other_name.strip():
        raise ValidationError({"other_name": "Enter the name of the standard"})
    if accreditation.expires_on and accreditation.expires_on <= accreditation.awarded_on:
        raise ValidationError({"expires_on": "The expiry date must be after the award date"})
    accreditation.full_clean()
    accreditation.save()
    return accreditation


def accreditation_remove(*, accreditation: Accreditation, actor: User) -> None:
    """Remove an accreditation (expired, or added by mistake): the organisation's admins only."""
    _require_admin(actor=actor, organisation=accreditation.organisation)
    accreditation.delete()


def accreditation_verify(
    *, accreditation: Accreditation, actor: User, verified: bool = True
) -> Accreditation:
    """A moderator's check of the evidence: only verified accreditations count and show as such."""
    if not actor.has_perm("hub.verify_accreditation"):
        raise PermissionDenied("Only a moderator can verify an accreditation.")
    accreditation.verified_at = timezone.now() if verified else None
    accreditation.verified_by = actor if verified else None
    accreditation.save(update_fields=["verified_at", "verified_by"])
    return accreditation
