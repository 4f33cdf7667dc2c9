"""Fictional supply-chain demo content: five subcontract opportunities (open and closed),
expressions of interest in every state, and conduct feedback above and below the minimum.
The words and figures are in data/supplychains.yaml."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hub.site.demo.data import load

SCORE_FIELDS = (
    "paid_on_time", "volumes_as_promised", "fair_difficult_referrals", "support_given",
    "risk_fairly_shared", "open_communication",
)  # fmt: skip
MONEY = ("attachment_fee", "outcome_payment", "sustainment_payment", "management_fee_percent")
PLAIN = (
    "title", "summary", "services", "referrals_per_month", "contract_months",
    "sustainment_count", "payment_terms_days", "prime_provides", "it_systems",
    "minimum_insurance", "how_to_apply",
)  # fmt: skip


def _admin(organisation):
    from hub.base.models import Membership

    membership = (
        Membership.objects.filter(
            organisation=organisation,
            status=Membership.Status.APPROVED,
        )
        .order_by("role", "pk")  # "admin" sorts before "member": an admin if there is one
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


@transaction.atomic
def seed(stdout=None) -> str:
    """Create or refresh the demo opportunities, EOIs and conduct feedback (idempotent)."""
    from cases.performance.models import Programme
    from hub.base.models import Area, ClaimantGroup, Organisation
    from toolkits.models import (
        ConductComment,
        ConductFeedback,
        ConductReply,
        ExpressionOfInterest,
        Opportunity,
    )

    data = load("supplychains")
    organisations = {o.name: o for o in Organisation.objects.all()}
    if "Northgate Employment Partnership" not in organisations:
        return ""
    today = timezone.localdate()
    made = {}
    for row in data["opportunities"]:
        prime = organisations[row["prime"]]
        values = {name: row[name] for name in PLAIN}
        values.update({name: Decimal(row[name]) for name in MONEY})
        values.update(
            programme=Programme.objects.get(slug=row["programme"]),
            specialism=row.get("specialism", ""),
            deadline=today + datetime.timedelta(days=row["deadline_days"]),
            published_by=_admin(prime),
        )
        opportunity, _created = Opportunity.objects.update_or_create(
            prime=prime, title=row["title"], defaults=values
        )
        if row.get("closed") and opportunity.closed_at is None:
            opportunity.closed_at = timezone.now()
            opportunity.save(update_fields=["closed_at"])
        opportunity.areas.set(Area.objects.filter(code__in=row["areas"]))
        opportunity.claimant_groups.set(ClaimantGroup.objects.filter(slug__in=row["groups"]))
        made[row["key"]] = opportunity

    for key, sender_name, status, reply in data["expressions"]:
        opportunity, sender = made[key], organisations[sender_name]
        answered = status in ("shortlisted", "declined")
        ExpressionOfInterest.objects.update_or_create(
            opportunity=opportunity,
            organisation=sender,
            defaults={
                "sent_by": _admin(sender),
                "services_offered": f"{sender.name} would deliver this service (demo answer).",
                "experience": "Several years with these claimant groups (fictional).",
                "capacity_per_month": 10,
                "quality_standards": "Matrix (fictional)",
                "contact_email": f"bids@{sender.slug}.example.org",
                "status": status,
                "reply": reply,
                "answered_by": _admin(opportunity.prime) if answered else None,
                "answered_at": timezone.now() if answered else None,
            },
        )

    year = today.year
    answers = 0
    for prime_name, by_organisation in data["conduct"].items():
        prime = organisations[prime_name]
        for sub_name, scores in by_organisation.items():
            sub = organisations[sub_name]
            ConductFeedback.objects.update_or_create(
                prime=prime,
                organisation=sub,
                year=year,
                defaults={
                    "answered_by": _admin(sub),
                    **dict(zip(SCORE_FIELDS, scores, strict=True)),
                },
            )
            answers += 1
    for row in data.get("comments", []):
        state, text = row["state"], row["text"]
        feedback = ConductFeedback.objects.get(
            prime=organisations[row["prime"]],
            organisation=organisations[row["organisation"]],
            year=year,
        )
        ConductComment.objects.update_or_create(
            feedback=feedback,
            defaults={
                "prime": feedback.prime,
                "year": year,
                "text": text,
                "review_state": state,
                "reviewed_at": timezone.now() if state == "published" else None,
            },
        )
    for prime_name, text in data["replies"].items():
        ConductReply.objects.update_or_create(
            prime=organisations[prime_name],
            year=year,
            defaults={"text": text, "posted_by": _admin(organisations[prime_name])},
        )
    return (
        f"{len(made)} subcontract opportunities, {len(data['expressions'])} expressions of "
        f"interest, {answers} conduct feedback answers"
    )
