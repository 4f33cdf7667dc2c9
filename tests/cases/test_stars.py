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


# The Star Rating in four areas (cases.performance.stars.areas): hand-worked figures.

from cases.performance.stars import areas  # noqa: E402

G = areas.GroupFigures


def _two_groups():
    """H serves mostly ESA claimants, S mostly JSA; in each group both do exactly as well."""
    return {
        "H": {"jsa": G(30, 100), "esa": G(30, 300)},
        "S": {"jsa": G(90, 300), "esa": G(10, 100)},
        "P1": {"jsa": G(20, 100), "esa": G(5, 100)},
        "P2": {"jsa": G(40, 100), "esa": G(15, 100)},
        "P3": {"jsa": G(25, 100), "esa": G(8, 100)},
    }


def test_serving_harder_groups_is_not_penalised():
    # JSA rates 30, 30, 20, 40, 25%: H and S have 2 below and 2 equal, rank (2 + 2/2) / 5 = 60.
    # ESA rates 10, 10, 5, 15, 8%: the same, rank 60. Weighted: 0.75 × 60 + 0.25 × 60 = 60.
    figures = _two_groups()
    harder, easier = areas.outcomes_area("H", figures), areas.outcomes_area("S", figures)
    assert harder.score == easier.score == 60
    assert harder.stars == easier.stars == 4
    assert [(g.group, g.rank, g.weight) for g in harder.groups] == [
        ("jsa", 60, Decimal("0.25")),
        ("esa", 60, Decimal("0.75")),
    ]
    # The outcomes-only rating of the same figures added up: H's 60/400 = 15% is second
    # lowest of 15, 25, 12.5, 27.5 and 16.5%, rank 30, two stars; S's 25% ranks 70, four.
    combined = {
        name: combine([SimpleNamespace(referrals=None, job_starts=None, profile_job_outcomes=None,
                                       attachments=sum(f.denominator for f in groups.values()),
                                       job_outcomes=sum(f.numerator for f in groups.values()))])
        for name, groups in figures.items()
    }  # fmt: skip
    assert stars.star_rating("H", combined).stars == 2
    assert stars.star_rating("S", combined).stars == 4


def test_outcomes_weights_each_groups_rank_by_caseload():
    # JSA: X 50% of 100, peers 20-35%: rank (4 + 0.5) / 5 = 90. ESA: X 6/300 = 2%, peers 5-15%:
    # rank 0.5 / 5 = 10. Weighted (100 × 90 + 300 × 10) / 400 = 30: two stars.
    figures = {
        "X": {"jsa": G(50, 100), "esa": G(6, 300)},
        **{f"P{i}": {"jsa": G(j, 100), "esa": G(e, 100)}
           for i, (j, e) in enumerate([(20, 5), (25, 8), (30, 10), (35, 15)])},
    }  # fmt: skip
    rating = areas.outcomes_area("X", figures)
    assert rating.score == 30
    assert rating.stars == 2
    assert rating.adjustment == 0


def test_outcomes_profile_adjusts_as_before():
    figures = _two_groups()
    figures["H"] = {"jsa": G(30, 100, profile=25), "esa": G(30, 300, profile=30)}
    rating = areas.outcomes_area("H", figures)
    # 60 job outcomes against a profile of 55: on profile, 4 + 1 = 5 stars.
    assert (rating.score, rating.adjustment, rating.stars) == (60, 1, 5)


def test_outcomes_needs_half_its_attachments_in_groups_with_peers():
    figures = _two_groups()
    figures["H"] = {"jsa": G(12, 40), "whp": G(10, 50)}
    rating = areas.outcomes_area("H", figures)
    assert not rating.rated
    # 40 of 90 attachments (44%) are in a group with five organisations; WHP has only H.
    assert rating.reason.startswith("only 44% of its attachments")
    assert rating.groups[1].reason == (
        "1 organisation to compare with in this group; at least 5 are needed."
    )


def test_outcomes_small_groups_are_not_compared():
    figures = _two_groups()
    figures["H"] = {"jsa": G(5, 29)}
    rating = areas.outcomes_area("H", figures)
    assert not rating.rated
    assert rating.groups[0].reason == "fewer than 30 attachments in this group."
    assert areas.outcomes_area("nobody", figures).reason == (
        "no job outcomes and attachments reported this year."
    )


def test_outcomes_ties_share_the_middle_rank():
    figures = {f"T{i}": {"jsa": G(25, 100)} for i in range(5)}
    rating = areas.outcomes_area("T0", figures)
    assert rating.score == 50
    assert rating.stars == 3


def _vfm(costs):
    """Organisations V0... with 20 job outcomes each at these costs per job outcome."""
    return {f"V{i}": {"jsa": G(cost * 20, 20)} for i, cost in enumerate(costs)}


def test_value_for_money_ranks_a_lower_cost_higher():
    figures = _vfm([1000, 2000, 3000, 4000, 5000])
    # Costs negated: -1000 is the highest of five, rank 90; -5000 the lowest, rank 10.
    cheapest, dearest = (
        areas.value_for_money_area("V0", figures),
        areas.value_for_money_area("V4", figures),
    )
    assert (cheapest.score, cheapest.stars) == (90, 5)
    assert (dearest.score, dearest.stars) == (10, 1)
    assert cheapest.groups[0].value == 1000
    assert cheapest.groups[0].median == 3000


def test_value_for_money_is_never_shown_for_fewer_than_the_minimum_peers():
    rating = areas.value_for_money_area("V0", _vfm([1000, 2000, 3000, 4000]))
    assert not rating.rated
    assert rating.reason.startswith("fewer than 5 organisations disclosed funding")
    assert rating.groups[0].reason.startswith("4 organisations to compare with")
    assert rating.groups[0].median is None  # never a median of fewer than five


def test_value_for_money_without_disclosure_or_outcomes():
    figures = _vfm([1000, 2000, 3000, 4000, 5000])
    assert areas.value_for_money_area("none", figures).reason == (
        "no delivery funding disclosed this year."
    )
    figures["Z"] = {"jsa": G(5000, 0)}
    assert areas.value_for_money_area("Z", figures).reason == (
        "no job outcomes in the records with funding disclosed."
    )
    figures["Y"] = {"jsa": G(9000, 9)}
    assert areas.value_for_money_area("Y", figures).groups[0].reason == (
        "fewer than 10 job outcomes with funding disclosed."
    )


def test_quality_weighs_figures_standards_and_accreditations():
    rating = areas.quality_area(
        areas.QualityInputs(records=10, records_confirmed=6, measures_with_results=5,
                            measures_met=4, accreditations=("merlin", "matrix"))
    )  # fmt: skip
    # 0.6 × 40 + 0.8 × 40 + 2/3 × 20 = 24 + 32 + 13.33 = 69.3: four stars.
    assert rating.score == Decimal("69.3")
    assert rating.stars == 4
    assert [(name, weight) for name, _, weight in rating.parts] == [
        ("figures", 40), ("standards", 40), ("accreditations", 20)
    ]  # fmt: skip


def test_quality_counts_at_most_three_distinct_accreditations():
    assert areas.accreditation_share(("merlin", "merlin")) == Decimal(1) / 3
    assert areas.accreditation_share(("merlin", "matrix", "cse", "other")) == 1
    rating = areas.quality_area(
        areas.QualityInputs(records=4, records_confirmed=4, measures_with_results=2,
                            measures_met=2, accreditations=("merlin", "matrix", "cse", "other"))
    )  # fmt: skip
    assert (rating.score, rating.stars) == (100, 5)


def test_quality_needs_records_and_standards_results():
    assert areas.quality_area(areas.QualityInputs()).reason == "no performance records to check."
    rating = areas.quality_area(areas.QualityInputs(records=3, records_confirmed=3))
    assert not rating.rated
    assert rating.reason == (
        "no Customer Service Standards results recorded in the last four quarters."
    )
    none_held = areas.quality_area(
        areas.QualityInputs(records=2, records_confirmed=1, measures_with_results=4, measures_met=1)
    )
    # 0.5 × 40 + 0.25 × 40 + 0 = 30: two stars; no accreditation is a fact, not missing data.
    assert (none_held.score, none_held.stars) == (30, 2)


def test_experience_from_the_feedback_score():
    assert areas.experience_area(72, responses=31).stars == 4
    assert areas.experience_area(Decimal("80"), responses=12).stars == 5
    empty = areas.experience_area(None, 9, reason="Not enough responses yet (9 of 10)")
    assert (empty.rated, empty.reason) == (False, "not enough responses yet (9 of 10).")
    assert areas.experience_area(None).reason == "no claimant feedback yet."
    assert areas.experience_area(None, 0, "Not enough responses yet (0 of 10)").reason == (
        "no claimant feedback yet."
    )
    assert areas.experience_area(71.25, 40).score == Decimal("71.3")


def _rated(area, n):
    return areas.AreaRating(area, n)


def _missing(area):
    return areas.AreaRating(area, None, "why")


def test_overall_combines_the_four_areas_with_published_weights():
    result = areas.overall([_rated("outcomes", 4), _rated("value_for_money", 2),
                            _rated("quality", 3), _rated("experience", 5)])  # fmt: skip
    # (40 × 4 + 20 × 2 + 20 × 3 + 20 × 5) / 100 = 3.6: four stars.
    assert result.weighted == Decimal("3.60")
    assert result.stars == 4
    assert result.scope == "from all 4 areas"
    assert [a.area for a in result.areas] == list(areas.AREAS)


def test_overall_with_a_missing_area_is_re_weighted_and_says_so():
    result = areas.overall([_rated("outcomes", 3), _rated("value_for_money", 4),
                            _rated("quality", 4), _missing("experience")])  # fmt: skip
    # (40 × 3 + 20 × 4 + 20 × 4) / 80 = 3.5, rounded half up: four stars.
    assert result.weighted == Decimal("3.50")
    assert result.stars == 4
    assert result.scope == ("from 3 of 4 areas, re-weighted; missing: customer experience")
    assert [a.area for a in result.missing] == ["experience"]


def test_overall_needs_three_areas_with_outcomes_among_them():
    two = areas.overall([_rated("outcomes", 5), _rated("quality", 5),
                         _missing("value_for_money"), _missing("experience")])  # fmt: skip
    assert not two.rated
    assert two.reason == (
        "an overall rating needs at least 3 of the 4 areas, outcomes among them; missing: "
        "value for money, customer experience."
    )
    no_outcomes = areas.overall([_missing("outcomes"), _rated("value_for_money", 5),
                                 _rated("quality", 5), _rated("experience", 5)])  # fmt: skip
    assert not no_outcomes.rated


def test_a_group_with_enough_mature_cohorts_is_compared_on_cohort_rates_for_everyone():
    """Hand-worked: group "esa" has cohort figures from 5 organisations (the minimum), so all
    are compared there on cohorts and "x", which has only period figures in it, drops out of
    that group; group "jsa" has cohort figures from 1 organisation only, so period rates stay."""
    from cases.performance.stars import areas

    G = areas.GroupFigures
    period = {
        org: {"esa": G(10, 100, 12), "jsa": G(30, 100)} for org in ("a", "b", "c", "d", "e", "x")
    }
    cohort = {org: {"esa": G(20, 80)} for org in ("a", "b", "c", "d", "e")}
    cohort["a"]["jsa"] = G(5, 10)
    chosen, basis = areas.outcome_basis(period, cohort, min_peers=5)
    assert chosen["a"] == {"esa": G(20, 80), "jsa": G(30, 100)}  # jsa stays on periods
    assert chosen["x"] == {"jsa": G(30, 100)}  # not compared on esa: no cohorts there
    assert basis["a"] == areas.MIXED_BASIS and basis["x"] == areas.PERIOD_BASIS
    chosen, basis = areas.outcome_basis(period, cohort, min_peers=6)
    assert chosen == period and set(basis.values()) == {areas.PERIOD_BASIS}
    only = {"a": {"esa": G(3, 9)}}
    chosen, basis = areas.outcome_basis({}, only, min_peers=1)
    assert chosen == only and basis == {"a": areas.COHORT_BASIS}
