"""The methodology page's worked example of the four areas: fictional organisations rated by
the same functions that rate the real ones, so the page can never drift from the code."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from cases.performance.stars import areas

G = areas.GroupFigures

# name: {claimant group: (job outcomes, attachments, funding received)}
ORGANISATIONS = {
    "Example Employment Trust": {"JSA 25+": (30, 100, 300_000), "ESA": (30, 300, 600_000)},
    "Sample Skills CIC": {"JSA 25+": (90, 300, 540_000), "ESA": (10, 100, 190_000)},
    "Illustrative Works Ltd": {"JSA 25+": (20, 100, 260_000), "ESA": (10, 200, 170_000)},
    "Specimen Futures": {"JSA 25+": (40, 100, 280_000), "ESA": (15, 100, 210_000)},
    "Placeholder Pathways": {"JSA 25+": (25, 100, 200_000), "ESA": (16, 200, 150_000)},
}
SUBJECT = "Example Employment Trust"
SUBJECT_QUALITY = areas.QualityInputs(
    records=8, records_confirmed=6, measures_with_results=10, measures_met=8,
    accreditations=("merlin", "matrix"),
)  # fmt: skip
SUBJECT_EXPERIENCE = (Decimal(71), 48)


def _pct(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def _one(value: Decimal | None) -> str:
    return "–" if value is None else f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}"


def _money(value: Decimal | None) -> str:
    return "–" if value is None else f"£{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


def four_areas_example() -> dict:
    """The example's figures, each area of the subject's rating, and the working in words."""
    outcome_figures = {
        name: {group: G(outcomes, attached) for group, (outcomes, attached, _) in groups.items()}
        for name, groups in ORGANISATIONS.items()
    }
    funding_figures = {
        name: {group: G(funding, outcomes) for group, (outcomes, _, funding) in groups.items()}
        for name, groups in ORGANISATIONS.items()
    }
    outcomes = areas.outcomes_area(SUBJECT, outcome_figures)
    value = areas.value_for_money_area(SUBJECT, funding_figures)
    quality = areas.quality_area(SUBJECT_QUALITY)
    experience = areas.experience_area(*SUBJECT_EXPERIENCE)
    overall = areas.overall([outcomes, value, quality, experience])
    raw = {
        name: Decimal(sum(o for o, _, _ in groups.values()))
        / Decimal(sum(a for _, a, _ in groups.values()))
        for name, groups in ORGANISATIONS.items()
    }
    rows = [
        {
            "name": name,
            "cells": [
                f"{outcomes} of {attached} ({_pct(Decimal(outcomes) / attached)})"
                for outcomes, attached, _ in (groups["JSA 25+"], groups["ESA"])
            ],
            "costs": [
                _money(Decimal(groups[group][2]) / groups[group][0]) for group in ("JSA 25+", "ESA")
            ],
            "raw": _pct(raw[name]),
        }
        for name, groups in ORGANISATIONS.items()
    ]
    lower = sum(1 for rate in raw.values() if rate < raw[SUBJECT])
    o_groups = {g.group: g for g in outcomes.groups}
    v_groups = {g.group: g for g in value.groups}
    weights = areas.AREA_WEIGHTS
    words = {
        "outcomes": (
            f"{SUBJECT} serves mostly ESA claimants, the harder group, so its job outcome rate "
            f"over both groups is only {_pct(raw[SUBJECT])}, higher than only {lower} of the "
            f"other {len(raw) - 1}: ranked on that, it would look poor. "
            f"Compared group by group, its JSA 25+ rate of {_pct(o_groups['JSA 25+'].value)} "
            f"ranks {_one(o_groups['JSA 25+'].rank)} among JSA 25+ peers (median "
            f"{_pct(o_groups['JSA 25+'].median)}) and its ESA rate of "
            f"{_pct(o_groups['ESA'].value)} ranks {_one(o_groups['ESA'].rank)} among ESA peers "
            f"(median {_pct(o_groups['ESA'].median)}). Weighted by its attachments "
            f"({_pct(o_groups['JSA 25+'].weight)} JSA 25+, {_pct(o_groups['ESA'].weight)} ESA), "
            f"its mix-adjusted rank is {_one(outcomes.score)}: {outcomes.label} stars."
        ),
        "value_for_money": (
            f"Its cost per job outcome is {_money(v_groups['JSA 25+'].value)} for JSA 25+ (peers' "
            f"median {_money(v_groups['JSA 25+'].median)}, rank {_one(v_groups['JSA 25+'].rank)}) "
            f"and {_money(v_groups['ESA'].value)} for ESA (median "
            f"{_money(v_groups['ESA'].median)}, rank {_one(v_groups['ESA'].rank)}), a lower cost "
            f"ranking higher. Weighted by its job outcomes, its rank is {_one(value.score)}: "
            f"{value.label} stars."
        ),
        "quality": f"{quality.detail[0].upper()}{quality.detail[1:]}",
        "experience": experience.detail,
        "overall": (
            f"Overall: ({weights['outcomes']} × {outcomes.stars} + {weights['value_for_money']} × "
            f"{value.stars} + {weights['quality']} × {quality.stars} + {weights['experience']} × "
            f"{experience.stars}) ÷ 100 = {overall.weighted}, rounded: {overall.label} stars."
        ),
    }
    return {"rows": rows, "overall": overall, "words": words, "subject": SUBJECT}
