"""The derived rates of a performance record, computed in one place and nowhere else.

Every rate is a fraction (0.25 for 25%) or None when its denominator is missing or zero, so a
missing figure never turns into a misleading 0%.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

_PLACES = Decimal("0.0001")

DEFINITIONS = {
    "referrals": "People the Jobcentre referred to the provider in the period.",
    "attachments": "Referred people the provider took on (attached) in the period.",
    "job_starts": "Attached people who started work in the period. Reported weeks after the "
    "event, long before outcome payments, so the earliest sign of how a service is doing.",
    "job_outcomes": "Job outcomes claimed in the period: people in work for the programme's "
    "qualifying time.",
    "sustainment_outcomes": "Further payments claimed in the period while people stayed in work.",
    "profile_job_outcomes": "The job outcomes the provider's contract expected for the period "
    "(its contractual profile).",
    "funding_received": "Optional: delivery funding the contract paid for this work in the period, "
    "in whole pounds (service fees and outcome payments received). Disclosed voluntarily; "
    "funding ÷ job outcomes is the Star Rating's value for money.",
    "attachment_rate": "Attachments ÷ referrals.",
    "job_start_rate": "Job starts ÷ attachments.",
    "job_outcome_rate": "Job outcomes ÷ attachments.",
    "performance_against_profile": "Job outcomes ÷ the contractual profile; 100% means on profile.",
}


def _ratio(numerator: int | None, denominator: int | None) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Rates:
    attachment_rate: Decimal | None
    job_start_rate: Decimal | None
    job_outcome_rate: Decimal | None
    performance_against_profile: Decimal | None


def rates(
    *,
    referrals: int | None,
    attachments: int | None,
    job_starts: int | None,
    job_outcomes: int | None,
    profile_job_outcomes: int | None,
) -> Rates:
    """The four derived rates of one record's figures."""
    return Rates(
        attachment_rate=_ratio(attachments, referrals),
        job_start_rate=_ratio(job_starts, attachments),
        job_outcome_rate=_ratio(job_outcomes, attachments),
        performance_against_profile=_ratio(job_outcomes, profile_job_outcomes),
    )


def rates_of(record) -> Rates:
    return rates(
        referrals=record.referrals,
        attachments=record.attachments,
        job_starts=record.job_starts,
        job_outcomes=record.job_outcomes,
        profile_job_outcomes=record.profile_job_outcomes,
    )
