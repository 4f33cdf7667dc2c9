"""The Star Rating, a pure function: tested without a database."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from cases.performance import stars
from cases.performance.benchmarks import combine


def figures(attachments, job_outcomes, profile=None, job_starts=None):
    """One organisation's year, as `combine` makes it from its records."""
    return combine(
        [
            SimpleNamespace(
                referrals=None,
                attachments=attachments,
                job_starts=job_starts,
                job_outcomes=job_outcomes,
                profile_job_outcomes=profile,
            )
        ]
    )


def group_of(*outcomes, attachments=100):
    """Organisations "o0", "o1"... with these job outcomes out of `attachments` each."""
    return {f"o{i}": figures(attachments, n) for i, n in enumerate(outcomes)}


@pytest.mark.parametrize(
    ("rank", "expected"),
    [("0", 1), ("19.99", 1), ("20", 2), ("39.9", 2), ("40", 3), ("60", 4), ("79.99", 4),
     ("80", 5), ("100", 5)],
)  # fmt: skip
def test_base_stars_are_twenty_point_bands(rank, expected):
    assert stars.base_stars(Decimal(rank)) == expected


def test_five_different_rates_give_one_to_five_stars():
    group = group_of(10, 20, 30, 40, 50)
    ratings = stars.star_ratings(group)
    assert [ratings[f"o{i}"].stars for i in range(5)] == [1, 2, 3, 4, 5]
    assert [ratings[f"o{i}"].rank for i in range(5)] == [10, 30, 50, 70, 90]
    assert ratings["o4"].comparable == 5


def test_a_group_smaller_than_min_peers_is_not_rated():
    rating = stars.star_rating("o0", group_of(10, 20, 30, 40))
    assert rating.stars is None
    assert not rating.rated
    assert (
        rating.reason
        == "4 organisations with enough figures to compare; a rating needs at least 5."
    )
    assert rating.label == "Not rated"
    assert rating.symbols == ""


def test_a_single_organisation_is_not_rated():
    rating = stars.star_rating("o0", group_of(30))
    assert rating.stars is None
    assert rating.reason.startswith("1 organisation with")


def test_when_all_peers_are_equal_everyone_gets_three_stars():
    ratings = stars.star_ratings(group_of(25, 25, 25, 25, 25, 25))
    assert {r.stars for r in ratings.values()} == {3}
    assert {r.rank for r in ratings.values()} == {Decimal(50)}


def test_ties_share_a_mid_rank_and_the_same_stars():
    ratings = stars.star_ratings(group_of(10, 20, 20, 30, 40))
    assert ratings["o1"].rank == ratings["o2"].rank == Decimal(40)
    assert ratings["o1"].stars == ratings["o2"].stars == 3


def test_missing_profile_makes_no_adjustment_and_says_so():
    group = group_of(10, 20, 30, 40, 50)
    rating = stars.star_rating("o2", group)
    assert rating.performance_against_profile is None
    assert (rating.base_stars, rating.adjustment, rating.stars) == (3, 0, 3)
    assert "No contractual profile" in rating.adjustment_reason


@pytest.mark.parametrize(
    ("profile", "adjustment", "expected"),
    [(30, 1, 4), (29, 1, 4), (31, 0, 3), (37, 0, 3), (38, -1, 2)],
)
def test_performance_against_profile_adjusts_by_one_star(profile, adjustment, expected):
    """30 outcomes: on profile at 30 or less, 80% to under 100% up to 37, under 80% from 38."""
    group = group_of(10, 20, 40, 50)
    group["subject"] = figures(100, 30, profile=profile)
    rating = stars.star_rating("subject", group)
    assert rating.base_stars == 3
    assert (rating.adjustment, rating.stars) == (adjustment, expected)


def test_stars_stay_between_one_and_five():
    group = group_of(20, 30, 40)
    group["top"] = figures(100, 50, profile=10)
    group["bottom"] = figures(100, 10, profile=100)
    assert stars.star_rating("top", group).stars == 5
    assert stars.star_rating("bottom", group).stars == 1


def test_zero_attachments_is_not_enough_data():
    group = group_of(10, 20, 30, 40, 50)
    group["empty"] = figures(0, 0)
    rating = stars.star_rating("empty", group)
    assert rating.stars is None
    assert rating.reason == "no attachments in the year."


def test_too_few_attachments_is_not_rated_and_not_a_peer():
    group = group_of(10, 20, 30, 40, 50)
    group["small"] = figures(stars.MIN_ATTACHMENTS - 1, 29)
    rating = stars.star_rating("small", group)
    assert rating.stars is None
    n = stars.MIN_ATTACHMENTS
    assert rating.reason == f"{n - 1} attachments in the year; a rating needs at least {n}."
    # The small organisation does not change the others' ranks.
    assert stars.star_rating("o4", group).rank == 90
    assert stars.star_rating("o4", group).comparable == 5


def test_exactly_min_attachments_counts():
    group = group_of(10, 20, 30, 40)
    group["edge"] = figures(stars.MIN_ATTACHMENTS, 15)
    assert stars.star_rating("edge", group).rated


def test_no_job_outcomes_is_not_enough_data():
    group = group_of(10, 20, 30, 40, 50)
    group["starts_only"] = figures(100, None, job_starts=40)
    rating = stars.star_rating("starts_only", group)
    assert rating.stars is None
    assert "no job outcomes" in rating.reason


def test_an_organisation_without_figures_is_not_rated():
    rating = stars.star_rating("missing", group_of(10, 20, 30, 40, 50))
    assert rating.stars is None
    assert rating.reason == "no records for this year."


def test_symbols_and_label_for_people_and_screen_readers():
    rating = stars.StarRating(stars=4)
    assert rating.symbols == "★★★★☆"
    assert rating.label == "4 out of 5"


def test_combined_rates_only_pair_figures_given_together():
    """A record with attachments but no job outcomes yet does not pull the outcome rate down."""
    records = [
        SimpleNamespace(referrals=200, attachments=100, job_starts=40, job_outcomes=20,
                        profile_job_outcomes=25),
        SimpleNamespace(referrals=None, attachments=100, job_starts=30, job_outcomes=None,
                        profile_job_outcomes=None),
    ]  # fmt: skip
    combined = combine(records)
    assert combined.attachments == 100
    assert combined.job_outcomes == 20
    assert combined.rates.job_outcome_rate == Decimal("0.2000")
    assert combined.rates.job_start_rate == Decimal("0.3500")
    assert combined.rates.attachment_rate == Decimal("0.5000")
    assert combined.rates.performance_against_profile == Decimal("0.8000")


@pytest.mark.parametrize(
    ("day", "year"),
    [(datetime.date(2025, 3, 1), 2024), (datetime.date(2025, 4, 1), 2025),
     (datetime.date(2024, 12, 1), 2024)],
)  # fmt: skip
def test_financial_years_run_april_to_march(day, year):
    assert stars.financial_year(day) == year
    assert stars.financial_year_label(2024) == "April 2024 to March 2025"


def test_the_worked_example_shows_every_step():
    rows, walkthrough = stars.worked_example()
    by_name = {row["name"]: row["rating"] for row in rows}
    assert by_name["Example Employment Trust"].stars == 5  # 5 from rank, +1 clamped
    assert by_name["Sample Skills CIC"].stars == 3  # 4 from rank, -1 under 80% of profile
    assert by_name["Specimen Futures"].stars == 4  # 3 from rank, +1 above profile
    assert by_name["Placeholder Pathways"].adjustment == 0  # no profile
    assert by_name["Tiny Test Charity"].stars is None
    assert rows[-1]["name"] == "Tiny Test Charity"
    assert "75.0" in walkthrough and "3 out of 5" in walkthrough
