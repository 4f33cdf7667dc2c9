"""Evidence strength, cost bands and the impact summary: pure functions, hand-worked numbers."""

from decimal import Decimal

import pytest

from cases.casestudies import evidence
from cases.casestudies.evidence import StudyEvidence, StudyFacts


def _met(facts) -> dict[str, bool]:
    return {r.label: r.met for r in evidence.strength(facts).reasons}


def test_an_account_with_nothing_else_has_one_padlock_and_says_why_each_rule_failed():
    result = evidence.strength(StudyFacts(participants=40, job_outcomes=8))
    assert result.padlocks == 1
    assert _met(StudyFacts(participants=40, job_outcomes=8)) == {
        "A published account from a delivery organisation": True,
        "Compared with something": False,
        "Compared like for like": False,
        "100 people or more": False,
        "Cites verified performance data": False,
        "Followed up for 6 months or more": False,
    }
    details = {r.label: r.detail for r in result.reasons}
    assert details["Compared with something"] == "It compares its results with nothing."
    assert details["100 people or more"] == "40 people took part."


def test_before_and_after_counts_as_a_comparison_but_not_like_for_like():
    facts = StudyFacts(participants=40, job_outcomes=8, comparison="before_after",
                       comparison_outcome_rate=Decimal("12"))  # fmt: skip
    met = _met(facts)
    assert met["Compared with something"] and not met["Compared like for like"]
    assert evidence.strength(facts).padlocks == 2


def test_a_comparison_without_its_rate_does_not_count():
    facts = StudyFacts(participants=40, job_outcomes=8, comparison="comparison_group")
    assert evidence.strength(facts).padlocks == 1
    reason = evidence.strength(facts).reasons[1]
    assert not reason.met and "not the comparison's job outcome rate" in reason.detail


def test_peers_count_only_when_the_database_has_their_figures():
    without = StudyFacts(participants=40, job_outcomes=8, comparison="peers")
    with_peers = StudyFacts(participants=40, job_outcomes=8, comparison="peers",
                            peer_outcome_rate=Decimal("14.5"))  # fmt: skip
    assert evidence.strength(without).padlocks == 1
    assert "no open figures" in evidence.strength(without).reasons[1].detail
    assert evidence.strength(with_peers).padlocks == 3  # account, compared, like for like
    assert "14.5%" in evidence.strength(with_peers).reasons[1].detail


@pytest.mark.parametrize(
    ("participants", "met"), [(None, False), (99, False), (100, True), (340, True)]
)
def test_sample_size_threshold_is_100(participants, met):
    assert _met(StudyFacts(participants=participants))["100 people or more"] is met


@pytest.mark.parametrize(("months", "met"), [(None, False), (5, False), (6, True), (18, True)])
def test_follow_up_threshold_is_six_months(months, met):
    assert _met(StudyFacts(follow_up_months=months))["Followed up for 6 months or more"] is met


def test_verified_records_add_a_padlock():
    assert evidence.strength(StudyFacts(records_verified=True)).padlocks == 2


def test_everything_met_is_capped_at_five_padlocks():
    facts = StudyFacts(participants=150, job_outcomes=30, comparison="comparison_group",
                       comparison_outcome_rate=Decimal("12"), follow_up_months=12,
                       records_verified=True)  # fmt: skip
    result = evidence.strength(facts)
    assert all(r.met for r in result.reasons) and len(result.reasons) == 6
    assert result.padlocks == 5


def test_impact_is_the_difference_in_job_outcome_rates_in_points():
    # 30 of 150 = 20.0%, against 12% -> +8.0 points
    facts = StudyFacts(participants=150, job_outcomes=30, comparison="comparison_group",
                       comparison_outcome_rate=Decimal("12"))  # fmt: skip
    assert evidence.impact(facts) == Decimal("8.0")
    # 7 of 60 = 11.67%, against peers at 14.5% -> -2.8 points
    peers = StudyFacts(participants=60, job_outcomes=7, comparison="peers",
                       peer_outcome_rate=Decimal("14.5"))  # fmt: skip
    assert evidence.impact(peers) == Decimal("-2.8")
    # A comparison rate typed in is ignored for peers; nothing compared -> no impact
    assert evidence.impact(StudyFacts(participants=60, job_outcomes=7, comparison="peers",
                                      comparison_outcome_rate=Decimal(5))) is None  # fmt: skip
    assert evidence.impact(StudyFacts(participants=60, job_outcomes=7)) is None
    assert evidence.impact(StudyFacts(participants=0, job_outcomes=0, comparison="before_after",
                                      comparison_outcome_rate=Decimal(5))) is None  # fmt: skip


@pytest.mark.parametrize(
    ("cost", "band", "label"),
    [(0, 1, "Very low"), (100, 1, "Very low"), (101, 2, "Low"), (300, 2, "Low"),
     (301, 3, "Moderate"), (700, 3, "Moderate"), (701, 4, "High"), (1500, 4, "High"),
     (1501, 5, "Very high"), (25_000, 5, "Very high")],
)  # fmt: skip
def test_cost_bands_have_stated_thresholds(cost, band, label):
    assert (evidence.cost_band(cost).number, evidence.cost_band(cost).label) == (band, label)


def test_cost_band_ranges_read_as_stated():
    assert [b.range_text for b in evidence.cost_bands()] == [
        "up to £100", "£101 to £300", "£301 to £700", "£701 to £1,500", "over £1,500",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        evidence.cost_band(-1)


def _study(pk, org, people, padlocks, impact=None, cost=None):
    return StudyEvidence(pk, org, people, padlocks, None if impact is None else Decimal(impact),
                         cost)  # fmt: skip


def test_summary_with_hand_worked_numbers():
    studies = [
        _study(1, 10, 100, 5, impact="10", cost=250),
        _study(2, 10, 300, 2, impact="2", cost=400),
        _study(3, 11, 50, 4, cost=900),
        _study(4, 12, None, 1),
    ]
    summary = evidence.summarise(studies)
    assert summary.case_studies == 4 and summary.organisations == 3
    assert summary.participants == 450
    assert summary.best_padlocks == 5
    assert summary.typical_padlocks == 2  # padlocks 1, 2, 4, 5: the lower median
    # Costs 250, 400, 900: median 400, "Moderate"
    assert (summary.cost.median, summary.cost.band.label, summary.cost.studies) == (
        Decimal(400), "Moderate", 3,
    )  # fmt: skip
    # (100 x 10 + 300 x 2) / 400 = 4.0 points, from 2 studies and 400 people
    assert summary.impact == evidence.ImpactSummary(Decimal("4.0"), 2, 400)


def test_median_cost_of_an_even_number_rounds_half_up():
    summary = evidence.summarise([_study(1, 1, 10, 1, cost=100), _study(2, 2, 10, 1, cost=101)])
    assert summary.cost.median == Decimal(101)  # 100.5 -> 101, "Low"
    assert summary.cost.band.label == "Low"


def test_one_study_is_not_enough_for_cost_or_impact():
    summary = evidence.summarise([_study(1, 1, 200, 4, impact="12", cost=300)])
    assert summary.case_studies == 1 and summary.best_padlocks == 4
    assert summary.cost is None and summary.impact is None and not summary.enough


def test_no_studies_is_an_empty_summary():
    summary = evidence.summarise([])
    assert summary.case_studies == 0 and summary.best_padlocks is None and summary.impact is None
