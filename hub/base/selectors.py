"""Reads that span relations, shaped for the pages that show them."""

from django.db.models import Prefetch, QuerySet

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


def organisation_directory(filterset_qs: QuerySet) -> QuerySet:
    """Directory rows with their areas: two queries whatever the page size."""
    return filterset_qs.prefetch_related(
        Prefetch("areas", queryset=Area.objects.only("pk", "name", "slug"))
    ).distinct()


def organisation_detail(slug: str) -> Organisation:
    return (
        Organisation.objects.prefetch_related(
            Prefetch("areas", queryset=Area.objects.only("pk", "name", "slug")),
            Prefetch("claimant_groups", queryset=ClaimantGroup.objects.only("pk", "name")),
        )
        .select_related("verified_by")
        .get(slug=slug)
    )


def organisation_members(organisation: Organisation) -> QuerySet:
    return (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.APPROVED)
        .select_related("user")
        .order_by("role", "user__display_name", "user__username")  # "admin" sorts before "member"
    )


def organisation_pending_requests(organisation: Organisation) -> QuerySet:
    return (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


def supply_chain(organisation: Organisation, *, confirmed_only: bool = True) -> dict:
    """Primes and subcontractors (and, for admins, links awaiting a decision)."""
    links = SupplyChainLink.objects.filter(prime=organisation) | SupplyChainLink.objects.filter(
        subcontractor=organisation
    )
    if confirmed_only:
        links = links.filter(status=SupplyChainLink.Status.CONFIRMED)
    links = links.select_related("prime", "subcontractor", "proposed_by_organisation")
    result = {"primes": [], "subcontractors": [], "awaiting_us": [], "awaiting_them": []}
    for link in links:
        if link.status == SupplyChainLink.Status.PROPOSED:
            if link.awaiting_organisation.pk == organisation.pk:
                result["awaiting_us"].append(link)
            else:
                result["awaiting_them"].append(link)
        elif link.prime_id == organisation.pk:
            result["subcontractors"].append(link)
        else:
            result["primes"].append(link)
    return result


def membership_for(user: User, organisation: Organisation) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def memberships_of(user: User, *, include_pending: bool = False) -> QuerySet:
    statuses = [Membership.Status.APPROVED]
    if include_pending:
        statuses.append(Membership.Status.PENDING)
    return (
        Membership.objects.filter(user=user, status__in=statuses)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def accreditations_of(organisation: Organisation, *, include_unverified: bool = False) -> list:
    """An organisation's accreditations, verified first; those waiting for a moderator only
    when asked (for its admins and moderators)."""
    queryset = Accreditation.objects.filter(organisation=organisation)
    if not include_unverified:
        queryset = queryset.verified()
    return sorted(queryset, key=lambda a: (not a.verified, a.kind, -a.awarded_on.toordinal()))


def verified_accreditations(organisation_ids, *, today) -> dict[int, tuple[str, ...]]:
    """The kinds of each organisation's verified, unexpired accreditations: one query."""
    found: dict[int, list[str]] = {}
    rows = Accreditation.objects.current(today).filter(organisation_id__in=list(organisation_ids))
    for org_id, kind in rows.values_list("organisation_id", "kind").order_by():
        found.setdefault(org_id, []).append(kind)
    return {org_id: tuple(kinds) for org_id, kinds in found.items()}


def confirmed_chain(prime: Organisation) -> list[Organisation]:
    """The prime and every subcontractor in its confirmed supply chain, the prime first."""
    subcontractors = Organisation.objects.filter(
        prime_links__prime=prime, prime_links__status=SupplyChainLink.Status.CONFIRMED
    ).order_by("name", "pk")
    return [prime, *subcontractors]


def in_chain_of(user: User, prime: Organisation) -> bool:
    """Whether `user` is an approved member of the prime or of a confirmed subcontractor of it."""
    if not user.is_authenticated:
        return False
    approved = Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
    return (
        approved.filter(organisation=prime).exists()
        or approved.filter(
            organisation__prime_links__prime=prime,
            organisation__prime_links__status=SupplyChainLink.Status.CONFIRMED,
        ).exists()
    )


def in_supply_chain(*, prime: Organisation, organisation_ids) -> list[int]:
    """Which of `organisation_ids` are, or were, in `prime`'s confirmed supply chain."""
    ids = set(organisation_ids)
    if not ids:
        return []
    current = SupplyChainLink.objects.filter(
        prime=prime, subcontractor_id__in=ids, status=SupplyChainLink.Status.CONFIRMED
    ).values_list("subcontractor_id", flat=True)
    former = EndedSupplyChainLink.objects.filter(prime=prime, subcontractor_id__in=ids).values_list(
        "subcontractor_id", flat=True
    )
    return sorted(set(current) | set(former))
