"""The arithmetic of ratings, kept free of the database so it can be tested and explained.

"Top rated" ranks by a Bayesian average: every case study starts as if it already had
PRIOR_WEIGHT ratings of PRIOR_MEAN (the middle of the 1-5 scale). A handful of ratings moves
the score a little; many ratings move it to their own mean. So one 5-star rating scores
(5 x 3 + 5) / (5 + 1) = 3.33, while forty ratings averaging 4.6 score
(5 x 3 + 40 x 4.6) / (5 + 40) = 4.42. The prior is fixed rather than the site-wide mean, so a
case study's score changes only when its own ratings do and can be stored and indexed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PRIOR_MEAN = Decimal(3)
PRIOR_WEIGHT = 5
SCALE = (1, 2, 3, 4, 5)
_PLACES = Decimal("0.001")


def mean(count: int, total: int) -> Decimal:
    """The plain mean of `count` ratings adding up to `total` (0 when there are none)."""
    if count == 0:
        return Decimal(0)
    return (Decimal(total) / count).quantize(_PLACES, rounding=ROUND_HALF_UP)


def bayesian_average(
    count: int, total: int, *, prior_mean: Decimal = PRIOR_MEAN, prior_weight: int = PRIOR_WEIGHT
) -> Decimal:
    """The score "top rated" sorts by: the mean pulled towards the prior by `prior_weight`
    imaginary ratings."""
    if count < 0 or total < 0:
        raise ValueError("A count and a total of ratings cannot be negative.")
    score = (prior_mean * prior_weight + total) / (prior_weight + count)
    return score.quantize(_PLACES, rounding=ROUND_HALF_UP)
