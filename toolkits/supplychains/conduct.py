"""Conduct feedback as aggregates: a pure calculation, no database.

The rules (the profile page says the same):

- A year's results are shown only when at least `minimum` different organisations answered for
  that year (one answer per organisation per prime per year, so answers = organisations).
  Below it, nothing is shown: not the scores, not the number of answers.
- For each Code of Conduct statement, the mean score (1 = strongly disagree, 5 = strongly agree)
  to one decimal place, rounded half up, and the percentage of organisations who agree (4 or 5),
  rounded half up to a whole number.
- Nothing is ever broken down by organisation, area or anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hub.base.thresholds import gate

TENTH = Decimal("0.1")
ONE = Decimal(1)


@dataclass(frozen=True)
class StatementResult:
    key: str
    label: str
    mean: Decimal
    agree_percent: int


@dataclass(frozen=True)
class YearResult:
    year: int
    shown: bool
    organisations: int | None
    """None when hidden: below the minimum even the count is withheld."""
    statements: tuple[StatementResult, ...] = ()

    @property
    def overall(self) -> Decimal | None:
        """The mean of the statements' means, for the trend."""
        if not self.statements:
            return None
        total = sum(s.mean for s in self.statements)
        return (total / len(self.statements)).quantize(TENTH, rounding=ROUND_HALF_UP)


def year_result(
    *,
    year: int,
    organisations: int,
    sums: dict[str, int],
    agrees: dict[str, int],
    statements,
    minimum: int,
) -> YearResult:
    """One year's aggregate, or a hidden result when fewer than `minimum` organisations answered."""
    if minimum < 2:
        raise ValueError("The minimum must be at least two organisations.")
    n = Decimal(organisations)

    def statements_of() -> tuple[StatementResult, ...]:
        return tuple(
            StatementResult(
                key=key,
                label=label,
                mean=(Decimal(sums[key]) / n).quantize(TENTH, rounding=ROUND_HALF_UP),
                agree_percent=int(
                    (Decimal(agrees[key]) * 100 / n).quantize(ONE, rounding=ROUND_HALF_UP)
                ),
            )
            for key, label in statements
        )

    # The base's threshold decides, and computes nothing below the minimum.
    gated = gate(statements_of, count=organisations, minimum=minimum, noun="organisations")
    if not gated.shown:
        return YearResult(year=year, shown=False, organisations=None)
    return YearResult(year=year, shown=True, organisations=organisations, statements=gated.value)
