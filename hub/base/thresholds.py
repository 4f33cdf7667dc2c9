"""Minimum-threshold aggregates: a figure made from few people's answers can point at one of
them, and a rate from two organisations is not a benchmark. `gate` decides whether an
aggregate may be shown, given how many distinct respondents (or organisations) it is made from
and the minimum; every page, search result, API response and export that shows such a figure
goes through it, and templates say why it is missing with
`{% include "includes/not_enough.html" with gate=... %}`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Gated:
    """An aggregate, or the reason it is withheld: `value` is None unless `shown`."""

    value: Any
    count: int
    minimum: int
    noun: str = "responses"

    @property
    def shown(self) -> bool:
        return self.count >= self.minimum

    @property
    def needed(self) -> int:
        """How many more before it can be shown."""
        return max(self.minimum - self.count, 0)

    @property
    def message(self) -> str:
        """ "Not enough responses yet (3 of 10)", or "" when shown."""
        if self.shown:
            return ""
        return f"Not enough {self.noun} yet ({self.count} of {self.minimum})"


def gate(value: Any, *, count: int, minimum: int, noun: str = "responses") -> Gated:
    """`value` (or, if callable, what it returns) when `count` distinct respondents reach
    `minimum` (never less than 1); otherwise a withheld result that says how many there are.
    A callable is not called below the minimum, so nothing is computed from too few."""
    minimum = max(int(minimum), 1)
    count = max(int(count), 0)
    if count < minimum:
        return Gated(None, count, minimum, noun)
    return Gated(value() if isinstance(value, Callable) else value, count, minimum, noun)
