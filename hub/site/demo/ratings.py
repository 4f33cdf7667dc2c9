"""Fictional demo data for the Star Rating in four areas: accreditations (verified and waiting
for a moderator), delivery funding disclosed on the demo records, and Customer Service
Standards results for the last four quarters. Idempotent; every figure is invented."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hub.site.demo.data import load

_DATA = load("ratings")
RANDOM_SEED = 2026
EVIDENCE = "https://example.org/demo-register/{slug}/{kind}"


def _month(text: str) -> date | None:
    if not text:
        return None
    year, month = str(text).split("-")
    return date(int(year), int(month), 1)


def _admin(organisation):
    from hub.base.models import Membership

    membership = (
        Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN,
                                  status=Membership.Status.APPROVED)
        .select_related("user").order_by("user__username").first()
    )  # fmt: skip
    return membership.user if membership else None


def _accreditations(organisations, moderator) -> int:
    from hub.base import services
    from hub.base.models import Accreditation

    made = 0
    for name, kind, other, awarded, expires, verified in _DATA["ACCREDITATIONS"]:
        organisation = organisations.get(name)
        admin = _admin(organisation) if organisation else None
        if (
            admin is None
            or Accreditation.objects.filter(organisation=organisation, kind=kind).exists()
        ):
            continue
        accreditation = services.accreditation_add(
            organisation=organisation, actor=admin, kind=kind, other_name=other,
            awarded_on=_month(awarded), expires_on=_month(expires),
            evidence_url=EVIDENCE.format(slug=organisation.slug, kind=kind),
        )  # fmt: skip
        if verified and moderator is not None:
            services.accreditation_verify(accreditation=accreditation, actor=moderator)
        made += 1
    return made


def _funding(organisations) -> int:
    """Disclose funding on the records of the organisations that do, where not yet given:
    job outcomes × the organisation's cost per job outcome, varied ±15% a record."""
    from cases.performance.models import PerformanceRecord

    rng = random.Random(RANDOM_SEED)
    changed = []
    for name, cost in _DATA["FUNDING_PER_OUTCOME"].items():
        organisation = organisations.get(name)
        if organisation is None:
            continue
        records = PerformanceRecord.objects.filter(
            organisation=organisation, funding_received__isnull=True, job_outcomes__gt=0
        ).order_by("pk")
        for record in records:
            record.funding_received = round(record.job_outcomes * cost * rng.uniform(0.85, 1.15))
            changed.append(record)
    PerformanceRecord.objects.bulk_update(changed, ["funding_received"])
    return len(changed)


def _standards_results(organisations) -> int:
    from toolkits.models import ServiceStandard, StandardResult
    from toolkits.services import standards_results as results

    rng = random.Random(RANDOM_SEED)
    quarters = results.previous_quarters(timezone.localdate(), 4)
    made = 0
    for name, share in _DATA["STANDARDS_MET"].items():
        organisation = organisations.get(name)
        admin = _admin(organisation) if organisation else None
        if admin is None or StandardResult.objects.filter(organisation=organisation).exists():
            continue
        items = list(
            ServiceStandard.objects.filter(
                statement__organisation=organisation, statement__status="published"
            ).order_by("pk")
        )
        for quarter in quarters:
            given = {}
            for item in items:
                meet = rng.random() < share
                if item.measure_kind == "frequency":
                    given[item.pk] = results.ResultInput(kept=meet)
                elif item.measure_kind == "percentage":
                    target = item.measure_value
                    value = min(Decimal(100), target + Decimal(rng.randint(0, 6)))
                    given[item.pk] = results.ResultInput(
                        result=value if meet else target - Decimal(rng.randint(3, 12))
                    )
                else:
                    target = item.measure_value
                    given[item.pk] = results.ResultInput(
                        result=max(Decimal(1), target - rng.randint(0, 2)) if meet
                        else target + rng.randint(1, 4)
                    )  # fmt: skip
            made += len(results.standard_results_record(
                actor=admin, organisation=organisation, quarter=quarter, results=given
            ))  # fmt: skip
    return made


def seed(stdout=None) -> str:
    """Create the demo's accreditations, funding disclosures and standards results once."""
    from hub.base.models import Organisation, User

    organisations = {o.name: o for o in Organisation.objects.all()}
    moderator = User.objects.filter(username="moderator").first()
    with transaction.atomic():
        accreditations = _accreditations(organisations, moderator)
        funding = _funding(organisations)
        standards = _standards_results(organisations)
    return (
        f"Star Rating demo: {accreditations} accreditations added, funding disclosed on "
        f"{funding} records, {standards} Customer Service Standards results recorded."
    )
