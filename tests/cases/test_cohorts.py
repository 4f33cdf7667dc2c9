"""Cohort maturity, cohort rates and like-for-like comparison, worked by hand (no database)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from cases.performance import benchmarks, cohorts
from cases.performance.models import COHORT_MEASURES, COHORT_MILESTONES

D = Decimal


@dataclass
class Cohort:
    cohort_month: date
    attached: int | None
    job_starts_by_3: int | None = None
    job_starts_by_6: int | None = None
    job_starts_by_12: int | None = None
    job_starts_by_24: int | None = None
    job_outcomes_by_3: int | None = None
    job_outcomes_by_6: int | None = None
    job_outcomes_by_12: int | None = None
    job_outcomes_by_24: int | None = None
    sustainment_outcomes_by_3: int | None = None
    sustainment_outcomes_by_6: int | None = None
    sustainment_outcomes_by_12: int | None = None
    sustainment_outcomes_by_24: int | None = None


def test_model_and_pure_module_agree_on_milestones_and_measures():
    assert tuple(cohorts.MILESTONES) == COHORT_MILESTONES
    assert tuple(cohorts.MEASURES) == COHORT_MEASURES


@pytest.mark.parametrize(
    "month, months, on, mature",
    [
        # January 2025 ends on 31 January; 12 whole months later is the end of January 2026.
        (date(2025, 1, 1), 12, date(2026, 1, 31), False),
        (date(2025, 1, 1), 12, date(2026, 2, 1), True),
        # 3 months: February, March, April 2025 must have passed.
        (date(2025, 1, 1), 3, date(2025, 4, 30), False),
        (date(2025, 1, 1), 3, date(2025, 5, 1), True),
        # Across a year end: November 2025 + 3 whole months (Dec, Jan, Feb) -> 1 March 2026.
        (date(2025, 11, 1), 3, date(2026, 2, 28), False),
        (date(2025, 11, 1), 3, date(2026, 3, 1), True),
        (date(2024, 12, 1), 24, date(2027, 1, 1), True),
        (date(2024, 12, 1), 24, date(2026, 12, 31), False),
    ],
)
def test_a_cohort_is_mature_only_after_n_whole_months_since_its_month_ended(
    month, months, on, mature
):
    assert cohorts.is_mature(month, months, on) is mature


def test_latest_mature_month_and_the_window_before_it():
    assert cohorts.latest_mature_month(12, date(2026, 12, 3)) == date(2025, 11, 1)
    assert cohorts.latest_mature_month(3, date(2026, 1, 15)) == date(2025, 9, 1)
    window = cohorts.window_ending(date(2025, 11, 1), 3)
    assert window == [date(2025, 9, 1), date(2025, 10, 1), date(2025, 11, 1)]


def test_rate_is_sum_of_mature_cohorts_figures_over_their_attached():
    # Worked: Jan 100 attached, 20 outcomes by 12; Feb 50 attached, 16 by 12;
    # Mar is not mature on 1 March 2026 (needs 1 April 2026), so it is left out of both sides.
    group = [
        Cohort(date(2025, 1, 1), 100, job_outcomes_by_12=20, job_starts_by_12=40),
        Cohort(date(2025, 2, 1), 50, job_outcomes_by_12=16, job_starts_by_12=20),
        Cohort(date(2025, 3, 1), 80, job_outcomes_by_12=1, job_starts_by_12=5),
    ]
    rates = cohorts.cohort_rates(group, months=12, on=date(2026, 3, 1))
    outcome = rates["job_outcomes"]
    assert (outcome.numerator, outcome.denominator, outcome.cohorts) == (36, 150, 2)
    assert outcome.rate == D("0.2400")  # 36 / 150
    assert rates["job_starts"].rate == D("0.4000")  # 60 / 150
    assert rates["sustainment_outcomes"].rate is None  # nobody gave it
    assert rates["sustainment_outcomes"].denominator is None
    assert outcome.label == "Job outcome rate within 12 months"


def test_a_cohort_without_the_figure_is_left_out_of_numerator_and_denominator():
    group = [
        Cohort(date(2025, 1, 1), 100, job_outcomes_by_6=10),
        Cohort(date(2025, 2, 1), 300),  # mature, but its 6-month figure is not given
    ]
    rate = cohorts.cohort_rate(group, measure="job_outcomes", months=6, on=date(2026, 1, 1))
    assert (rate.numerator, rate.denominator, rate.rate) == (10, 100, D("0.1000"))


def test_a_window_limits_the_cohorts_counted():
    group = [
        Cohort(date(2025, 1, 1), 100, job_outcomes_by_3=10),
        Cohort(date(2025, 2, 1), 100, job_outcomes_by_3=30),
    ]
    rate = cohorts.cohort_rate(
        group, measure="job_outcomes", months=3, on=date(2026, 1, 1), window=[date(2025, 2, 1)]
    )
    assert rate.rate == D("0.3000")


def test_unknown_measure_or_milestone_is_refused():
    with pytest.raises(ValueError):
        cohorts.cohort_rate([], measure="job_outcomes", months=9, on=date(2026, 1, 1))


def test_compare_uses_the_same_months_for_everyone_and_names_who_lacks_some():
    window = [date(2025, 1, 1), date(2025, 2, 1)]
    series = {
        "a": [Cohort(date(2025, 1, 1), 100, job_outcomes_by_12=25),
              Cohort(date(2025, 2, 1), 100, job_outcomes_by_12=15),
              Cohort(date(2024, 12, 1), 100, job_outcomes_by_12=90)],  # outside the window
        "b": [Cohort(date(2025, 1, 1), 40, job_outcomes_by_12=4)],  # lacks February
        "c": [Cohort(date(2025, 1, 1), 10, job_outcomes_by_12=1),
              Cohort(date(2025, 2, 1), 30, job_outcomes_by_12=9)],
    }  # fmt: skip
    result = cohorts.compare(series, months=12, on=date(2026, 6, 1), window=window)
    assert set(result.rates) == {"a", "c"}
    assert result.rates["a"]["job_outcomes"].rate == D("0.2000")  # 40 / 200
    assert result.rates["c"]["job_outcomes"].rate == D("0.2500")  # 10 / 40
    assert result.missing == {"b": [date(2025, 2, 1)]}
    assert result.immature == []


def test_compare_refuses_a_window_that_is_not_yet_mature():
    window = [date(2025, 12, 1), date(2026, 1, 1)]
    series = {"a": [Cohort(date(2025, 12, 1), 10, job_outcomes_by_12=1)]}
    result = cohorts.compare(series, months=12, on=date(2026, 12, 31), window=window)
    assert result.rates == {}
    assert result.immature == [date(2025, 12, 1), date(2026, 1, 1)]


def test_combine_adds_areas_month_by_month_and_keeps_partial_figures_unknown():
    group = [
        Cohort(date(2025, 1, 1), 100, job_outcomes_by_3=10, job_starts_by_3=30),
        Cohort(date(2025, 1, 1), 50, job_outcomes_by_3=5),
        Cohort(date(2025, 2, 1), 20, job_outcomes_by_3=2),
    ]
    combined = cohorts.combine(group, Cohort)
    assert [c.cohort_month for c in combined] == [date(2025, 1, 1), date(2025, 2, 1)]
    january = combined[0]
    assert (january.attached, january.job_outcomes_by_3) == (150, 15)
    assert january.job_starts_by_3 is None  # one area did not give it


def test_window_label():
    assert cohorts.window_label([date(2025, 1, 1), date(2025, 12, 1)]) == (
        "Cohorts attached Jan 2025 to Dec 2025"
    )
    assert cohorts.window_label([date(2025, 1, 1)]) == "Cohort attached in Jan 2025"


# Honest small numbers.


def test_rate_shows_its_denominator():
    assert benchmarks.with_denominator(D("0.32"), 48, 150) == "32.0% (48 of 150 attached)"
    assert benchmarks.with_denominator(D("0.5"), 1200, 2400) == "50.0% (1,200 of 2,400 attached)"
    assert benchmarks.with_denominator(None, None, None) == "–"


@pytest.mark.parametrize("count, minimum, enough", [(3, 4, False), (4, 4, True), (4, 5, False),
                                                     (5, 5, True), (3, 2, False)])  # fmt: skip
def test_enough_peers_never_below_four(count, minimum, enough):
    assert benchmarks.enough(count, minimum) is enough


def test_no_top_quarter_with_fewer_than_four_peers():
    standing = benchmarks.standing(D(9), [1, 2, 9])
    assert standing.quarter is None and standing.rank is None
    assert standing.words == "Not enough data to compare: 3 given, at least 4 needed"
    assert benchmarks.standing(D(9), [1, 2, 3, 9]).words == "in the top quarter"


def test_minimum_setting_holds_back_a_standing_that_four_would_allow():
    standing = benchmarks.standing(D(9), [1, 2, 3, 9], minimum=5)
    assert standing.quarter is None
    assert standing.words.startswith("Not enough data to compare")


def test_compare_says_whether_quartiles_may_be_shown():
    peers = [{"job_outcome_rate": D("0.1")}, {"job_outcome_rate": D("0.2")},
             {"job_outcome_rate": D("0.3")}]  # fmt: skip
    rows = benchmarks.compare({}, peers, minimum=5)
    assert rows[0]["enough"] is False
    rows = benchmarks.compare({}, peers * 2, minimum=5)
    assert rows[0]["enough"] is True


def test_peer_minimum_goes_through_the_hubs_threshold_gate():
    calls = []
    withheld = benchmarks.peer_gate(3, 5, lambda: calls.append(1))
    assert not withheld.shown and withheld.message == "Not enough peers yet (3 of 5)"
    assert calls == []  # nothing is computed from too few
    assert benchmarks.peer_gate(2, 1).minimum == 4  # never below four
    assert benchmarks.peer_gate(5, 5, lambda: "quartiles").value == "quartiles"
