"""The Star Rating: the yearly job-outcome rating (`outcomes_only`) and the rating in the
strategy's four areas (`areas`), pure functions with no database."""

from cases.performance.stars.outcomes_only import (  # noqa: F401
    ADJUSTMENT_TEXT,
    BAND_WIDTH,
    BELOW_PROFILE,
    MAX_STARS,
    MIN_ATTACHMENTS,
    MIN_PEERS,
    ON_PROFILE,
    WORKED_EXAMPLE,
    StarRating,
    base_stars,
    comparable,
    financial_year,
    financial_year_label,
    profile_adjustment,
    star_rating,
    star_ratings,
    worked_example,
)
