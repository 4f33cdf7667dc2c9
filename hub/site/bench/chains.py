"""A bench supply chain: the bench member's organisation as a prime with CHAIN_SIZE confirmed
subcontractors, so the supply-chain view and the Star Rating are timed on organisations with
records in many peer groups. Idempotent."""

from __future__ import annotations

CHAIN_SIZE = 40


def link(member_username: str, *, stdout=None) -> str | None:
    """The prime's slug, after making its chain (once)."""
    from hub.base.models import Membership, Organisation, SupplyChainLink

    membership = (
        Membership.objects.filter(user__username=member_username, status="approved")
        .select_related("organisation")
        .first()
    )
    if membership is None:
        return None
    prime = membership.organisation
    if not SupplyChainLink.objects.filter(prime=prime).exists():
        subcontractors = (
            Organisation.objects.filter(slug__startswith="bench-organisation-")
            .exclude(pk=prime.pk)
            .order_by("pk")[:CHAIN_SIZE]
        )
        SupplyChainLink.objects.bulk_create(
            SupplyChainLink(prime=prime, subcontractor=sub, status="confirmed",
                            proposed_by_organisation=prime)
            for sub in subcontractors
        )  # fmt: skip
        if stdout is not None:
            stdout.write(f"  linked {len(subcontractors)} subcontractors to {prime.name}")
    return prime.slug
