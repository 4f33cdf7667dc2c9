"""The Star Rating's inputs from each app that holds one, keyed by organisation id, for the
four areas computed by `cases.performance.selectors.four_area_ratings`."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from cases.feedback import selectors as feedback
from hub.base import selectors as base
from toolkits import selectors as toolkits


def experience_scores(organisation_ids) -> dict:
    """Claimant feedback scores by organisation (score 0-100 or None with the reason, and the
    number of responses), from the feedback app: one query."""
    return feedback.experience_scores(organisation_ids)


def other_areas(organisation_ids, *, today: date) -> dict:
    """The keyword arguments `four_area_ratings` takes from the other apps: three queries."""
    ids = list(organisation_ids)
    return {
        "standards": toolkits.standards_met(ids, today=today),
        "accreditations": base.verified_accreditations(ids, today=today),
        "experience": experience_scores(ids),
    }


def percent(value: Decimal | None, places: int = 1) -> str:
    """0.2345 -> "23.5%"; None -> "–"."""
    if value is None:
        return "–"
    step = Decimal(1).scaleb(-places)
    return f"{(value * 100).quantize(step, rounding=ROUND_HALF_UP)}%"


def pounds(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return f"£{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


def one_place(value: Decimal | None) -> str:
    return "–" if value is None else f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}"
