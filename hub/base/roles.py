"""A member's organisations and roles, read once per request and shared by every app."""

from __future__ import annotations

from hub.base.models import Membership


def organisation_roles(user) -> dict[int, str]:
    """{organisation id: role} for the user's approved memberships, cached on the user object."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_hub_member_of", None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(user=user, status=Membership.Status.APPROVED).values_list(
                "organisation_id", "role"
            )
        )
        user._hub_member_of = cached
    return cached


def is_member(user) -> bool:
    """A member in the domain's sense: signed in and affiliated to an organisation."""
    return bool(organisation_roles(user))


def admin_organisation_ids(user) -> set[int]:
    return {org for org, role in organisation_roles(user).items() if role == Membership.Role.ADMIN}
