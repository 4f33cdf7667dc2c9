"""Builders for supply-chain tests. Every name and figure is made up."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from hub.base.models import Area, ClaimantGroup, Organisation, SupplyChainLink
from tests.factories import OrganisationFactory, admin_of
from toolkits.supplychains import services as supply


def programme(slug="test-programme"):
    from cases.performance.models import Programme

    return Programme.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def prime():
    return OrganisationFactory(kind=Organisation.Kind.PRIME)


def terms(**overrides) -> dict:
    data = {
        "title": "End-to-end delivery in the test area",
        "summary": "We want a local partner for **everyone** referred.",
        "programme": programme(),
        "services": "end_to_end",
        "specialism": "",
        "referrals_per_month": 20,
        "contract_months": 24,
        "starts_on": None,
        "attachment_fee": Decimal("300"),
        "outcome_payment": Decimal("1200"),
        "sustainment_payment": Decimal("120"),
        "sustainment_count": 6,
        "management_fee_percent": Decimal("15"),
        "payment_terms_days": 30,
        "prime_provides": "Training and a case management system.",
        "it_systems": "The prime's case management system.",
        "minimum_insurance": "£5 million public liability",
        "how_to_apply": "Send an expression of interest on the hub.",
        "deadline": timezone.localdate() + datetime.timedelta(days=30),
    }
    data.update(overrides)
    return data


def publish(the_prime=None, *, actor=None, areas=None, groups=None, **overrides):
    the_prime = the_prime or prime()
    actor = actor or admin_of(the_prime)
    return supply.opportunity_publish(
        actor=actor,
        prime=the_prime,
        data=terms(**overrides),
        areas=areas or [Area.objects.order_by("pk").first()],
        claimant_groups=groups if groups is not None else [ClaimantGroup.objects.first()],
    )


def eoi_data(**overrides) -> dict:
    data = {
        "services_offered": "Mentoring for young people in the test area.",
        "experience": "Ten years with JSA 18-24.",
        "capacity_per_month": 10,
        "quality_standards": "Matrix",
        "contact_email": "bids@example.org",
    }
    data.update(overrides)
    return data


def chain(the_prime, subcontractor):
    return SupplyChainLink.objects.create(
        prime=the_prime,
        subcontractor=subcontractor,
        proposed_by_organisation=the_prime,
        status=SupplyChainLink.Status.CONFIRMED,
        confirmed_at=timezone.now(),
    )


SCORES = {
    "paid_on_time": 4,
    "volumes_as_promised": 2,
    "fair_difficult_referrals": 3,
    "support_given": 5,
    "risk_fairly_shared": 1,
    "open_communication": 4,
}
