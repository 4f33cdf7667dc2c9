"""An opportunity's terms as the financial model's answers, so one link fills the model in."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils.http import urlencode

from toolkits.supplychains.models import Opportunity

GROUP_NAME_MAX = 60


def _number(value: Decimal) -> str:
    return f"{Decimal(value).normalize():f}"


def model_answers(opportunity: Opportunity, group_names: list[str]) -> dict[str, str]:
    """The answers the prime's terms decide; the charity adds its own rates and costs."""
    name = ", ".join(group_names) or "All participants"
    if len(name) > GROUP_NAME_MAX:
        name = name[: GROUP_NAME_MAX - 1].rstrip(", ") + "…"
    return {
        "prefill": str(opportunity.pk),
        "contract_months": str(opportunity.contract_months),
        "referrals_per_month": str(opportunity.referrals_per_month),
        "attachment_fee": _number(opportunity.attachment_fee),
        "management_fee": _number(opportunity.management_fee_percent),
        "group_1_name": name,
        "group_1_share": "100",
        "group_1_outcome_payment": _number(opportunity.outcome_payment),
        "sustainment_count": str(opportunity.sustainment_count),
        "sustainment_payment": _number(opportunity.sustainment_payment),
    }


def model_url(opportunity: Opportunity) -> str:
    """The financial model's address, filled in with the opportunity's terms."""
    groups = [g.name for g in opportunity.claimant_groups.all()]
    return f"{reverse('financial_model')}?{urlencode(model_answers(opportunity, groups))}"


def opportunity_for_model(value) -> Opportunity | None:
    """The opportunity a filled-in model came from, to name it on the page."""
    if not str(value or "").isdigit():
        return None
    return Opportunity.objects.select_related("prime").filter(pk=int(value)).first()
