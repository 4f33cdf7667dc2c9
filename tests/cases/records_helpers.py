"""Builders for performance-record tests. Every name and figure here is made up."""

import datetime

from cases.performance.models import Programme
from hub.base.models import Area, ClaimantGroup, Membership, SupplyChainLink
from tests.factories import OrganisationFactory, admin_of, member_of


def figures(**overrides) -> dict:
    data = {
        "role": "prime",
        "prime": None,
        "programme": Programme.objects.get(slug="work-and-health-programme"),
        "area": Area.objects.get(code="CPA5"),
        "claimant_group": ClaimantGroup.objects.get(slug="jsa-25"),
        "period_start": datetime.date(2025, 4, 1),
        "period_end": datetime.date(2025, 6, 1),
        "referrals": 200,
        "attachments": 180,
        "job_starts": 60,
        "job_outcomes": 30,
        "sustainment_outcomes": 12,
        "profile_job_outcomes": 40,
        "visibility": "public",
    }
    data.update(overrides)
    return data


def supply_chain():
    """A prime and its subcontractor, confirmed, each with an admin and a member."""
    prime = OrganisationFactory(kind="prime")
    sub = OrganisationFactory(kind="end_to_end")
    SupplyChainLink.objects.create(
        prime=prime, subcontractor=sub, status="confirmed", proposed_by_organisation=prime
    )
    return {
        "prime": prime,
        "sub": sub,
        "prime_admin": admin_of(prime),
        "prime_member": member_of(prime),
        "sub_admin": admin_of(sub),
        "sub_member": member_of(sub),
    }


__all__ = ["Membership", "figures", "supply_chain"]
