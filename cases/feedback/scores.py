"""The customer experience score: one number from claimants' answers, for an organisation's
own results and the Star Rating's customer experience area. Pure: no database.

Each answer is worth a share of its best:
- how well they were treated, 1 (very badly) to 5 (very well): (answer - 1) / 4;
- helped towards work: yes 1, a little ½, no 0;
- would recommend: yes 1, not sure ½, no 0.
A response's score is the mean of its three shares; the organisation's score is the mean over
its responses, × 100, rounded to one decimal place. So everyone answering "very well", "yes",
"yes" scores 100, and "neither", "a little", "not sure" scores 50.

Below `minimum` responses there is no score ("not enough responses yet"): a handful of answers
could point at the claimants who gave them, and would swing the number too far.

Worked example: three responses — (very well, yes, yes) = (1 + 1 + 1) / 3 = 1;
(well, a little, not sure) = (¾ + ½ + ½) / 3 = 7/12; (badly, no, no) = (¼ + 0 + 0) / 3 = 1/12.
Mean = (12/12 + 7/12 + 1/12) / 3 = 20/36 = 0.5556 → 55.6.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    """Answer counts for one organisation (or one stage of it): what the score needs, summed
    in the database."""

    responses: int = 0
    treated_total: int = 0  # the sum of the 1-5 answers
    helped_yes: int = 0
    helped_partly: int = 0
    recommend_yes: int = 0
    recommend_not_sure: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))


def _fields(tally: Tally) -> tuple[int, ...]:
    return (
        tally.responses,
        tally.treated_total,
        tally.helped_yes,
        tally.helped_partly,
        tally.recommend_yes,
        tally.recommend_not_sure,
    )


@dataclass(frozen=True)
class ExperienceScore:
    """0-100, or None with the reason it is missing; always with the number of responses."""

    score: float | None
    responses: int
    reason: str = ""


@dataclass(frozen=True)
class Shares:
    """The three answers as percentages of their best, for a results table."""

    treated: float
    helped: float
    recommend: float


def shares(tally: Tally) -> Shares | None:
    n = tally.responses
    if n <= 0:
        return None
    return Shares(
        treated=round(100 * (tally.treated_total - n) / (4 * n), 1),
        helped=round(100 * (tally.helped_yes + tally.helped_partly / 2) / n, 1),
        recommend=round(100 * (tally.recommend_yes + tally.recommend_not_sure / 2) / n, 1),
    )


def experience_score(tally: Tally, *, minimum: int) -> ExperienceScore:
    """The score from `tally`, or None with "Not enough responses yet (n of minimum)"."""
    n = tally.responses
    minimum = max(int(minimum), 1)
    if n < minimum:
        return ExperienceScore(None, n, f"Not enough responses yet ({n} of {minimum})")
    treated = (tally.treated_total - n) / 4
    helped = tally.helped_yes + tally.helped_partly / 2
    recommend = tally.recommend_yes + tally.recommend_not_sure / 2
    score = 100 * (treated + helped + recommend) / (3 * n)
    return ExperienceScore(round(score, 1), n, "")
