"""The financial model as a pure calculation: a hand-checked example and its properties."""

from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkits.finance import ClaimantGroup, ModelInputs, run_model, sensitivity


def hand_checked_inputs(**changes) -> ModelInputs:
    inputs = ModelInputs(
        contract_months=4,
        run_off_months=1,
        referrals_per_month=D(10),
        ramp_up_months=1,
        referrals_stop_months_before_end=1,
        attachment_rate=D("0.5"),
        support_months=2,
        months_to_outcome=2,
        groups=(ClaimantGroup("All", D(1), D("0.4"), D(1000)),),
        sustainment_count=1,
        sustainment_every_months=1,
        sustainment_payment=D(100),
        sustainment_rate=D("0.5"),
        attachment_fee=D(20),
        management_fee_rate=D("0.1"),
        delivery_cost_per_participant_month=D(30),
        fixed_monthly_costs=D(100),
        starting_reserves=D(150),
    )
    return replace(inputs, **changes)


def test_hand_checked_example_month_by_month():
    # Referrals: ramp of 1 month gives month 1 half of 10 = 5; months 2-3 get 10; they stop
    # 1 month before the end, so month 4 gets 0; month 5 is the run-off month.
    # Starts = referrals x 50%: 2.5, 5, 5, 0, 0.
    # Attachment fees at £20: 50, 100, 100, 0, 0.
    # People supported (2 months each, costs stop at month 4): 2.5, 2.5+5=7.5, 5+5=10, 5, 0.
    # Job outcomes 2 months after starting, 40%: month 3 gets 2.5x0.4=1, month 4 gets 2,
    # month 5 (run-off) gets 2. Outcome payments at £1,000: 0, 0, 1000, 2000, 2000.
    # Sustainment: half of outcomes, one payment of £100 a month after the outcome:
    # month 4 gets 1x0.5x100=50, month 5 gets 2x0.5x100=100; month 6 is past the run-off.
    # Gross: 50, 100, 1100, 2050, 2100. Prime's 10%: 5, 10, 110, 205, 210.
    # Income after the fee: 45, 90, 990, 1845, 1890.
    # Delivery at £30: 75, 225, 300, 150, 0. Fixed £100 in contract months: 100 x 4, then 0.
    # Costs: 175, 325, 400, 250, 0. Net: -130, -235, 590, 1595, 1890.
    # Running total: -130, -365, 225, 1820, 3710. Cash (reserves £150 +): 20, -215, 375,
    # 1970, 3860.
    result = run_model(hand_checked_inputs())
    rows = result.rows
    assert [r.month for r in rows] == [1, 2, 3, 4, 5]
    assert [r.referrals for r in rows] == [5, 10, 10, 0, 0]
    assert [r.starts for r in rows] == [D("2.5"), 5, 5, 0, 0]
    assert [r.on_programme for r in rows] == [D("2.5"), D("7.5"), 10, 5, 0]
    assert [r.job_outcomes for r in rows] == [0, 0, 1, 2, 2]
    assert [r.attachment_income for r in rows] == [50, 100, 100, 0, 0]
    assert [r.outcome_income for r in rows] == [0, 0, 1000, 2000, 2000]
    assert [r.sustainment_income for r in rows] == [0, 0, 0, 50, 100]
    assert [r.management_fee for r in rows] == [5, 10, 110, 205, 210]
    assert [r.income for r in rows] == [45, 90, 990, 1845, 1890]
    assert [r.delivery_costs for r in rows] == [75, 225, 300, 150, 0]
    assert [r.fixed_costs for r in rows] == [100, 100, 100, 100, 0]
    assert [r.net for r in rows] == [-130, -235, 590, 1595, 1890]
    assert [r.running_total for r in rows] == [-130, -365, 225, 1820, 3710]
    assert [r.cash for r in rows] == [20, -215, 375, 1970, 3860]


def test_hand_checked_example_headline_figures():
    result = run_model(hand_checked_inputs())
    assert result.total_income == D(4860)  # 45 + 90 + 990 + 1845 + 1890
    assert result.total_costs == D(1150)  # 175 + 325 + 400 + 250
    assert result.surplus == D(3710)
    assert result.closing_cash == D(3860)  # 150 + 3710
    assert result.total_management_fee == D(540)
    assert result.peak_working_capital == D(365)  # lowest running total, month 2
    assert result.peak_month == 2
    assert result.run_out_month == 2  # cash -215
    assert result.break_even_month == 3  # running total >= 0 from month 3 on
    assert result.total_starts == D("12.5")
    assert result.total_outcomes == D(5)


def test_without_run_off_the_last_outcomes_are_not_paid():
    # Same contract, no run-off: month 5's £2,000 outcomes and £100 sustainment are lost, so
    # the surplus is 3710 - 1890 = 1820.
    result = run_model(hand_checked_inputs(run_off_months=0))
    assert len(result.rows) == 4
    assert result.surplus == D(1820)


def test_money_is_rounded_to_the_penny_half_up_each_month():
    # 1 referral x 50% = 0.5 starts; 0.5 x £0.05 attachment fee = £0.025, rounded to £0.03.
    inputs = hand_checked_inputs(
        contract_months=1, run_off_months=0, referrals_per_month=D(1), ramp_up_months=0,
        referrals_stop_months_before_end=0, attachment_fee=D("0.05"),
        management_fee_rate=D(0), delivery_cost_per_participant_month=D(0),
        fixed_monthly_costs=D(0),
    )  # fmt: skip
    assert run_model(inputs).rows[0].attachment_income == D("0.03")


def test_outcome_payment_differs_by_claimant_group():
    # 10 starts a month for 1 month; 60% in group A (50% outcomes at £1,000 -> 3 outcomes,
    # £3,000) and 40% in group B (25% at £4,000 -> 1 outcome, £4,000): £7,000 in month 2.
    inputs = hand_checked_inputs(
        contract_months=1, run_off_months=1, referrals_per_month=D(10), ramp_up_months=0,
        referrals_stop_months_before_end=0, attachment_rate=D(1), months_to_outcome=1,
        sustainment_count=0, attachment_fee=D(0), management_fee_rate=D(0),
        groups=(ClaimantGroup("A", D("0.6"), D("0.5"), D(1000)),
                ClaimantGroup("B", D("0.4"), D("0.25"), D(4000))),
    )  # fmt: skip
    result = run_model(inputs)
    assert result.rows[1].job_outcomes == D(4)
    assert result.rows[1].outcome_income == D(7000)


def test_break_even_is_never_when_the_contract_ends_behind():
    result = run_model(hand_checked_inputs(groups=(ClaimantGroup("All", D(1), D(0), D(1000)),)))
    assert result.surplus < 0
    assert result.break_even_month is None


def test_no_working_capital_is_needed_when_payments_always_cover_costs():
    result = run_model(
        hand_checked_inputs(delivery_cost_per_participant_month=D(0), fixed_monthly_costs=D(0))
    )
    assert result.peak_working_capital == 0
    assert result.peak_month is None
    assert result.run_out_month is None
    assert result.break_even_month == 1


def test_sensitivity_grid_has_the_entered_figures_in_its_middle_cell():
    inputs = hand_checked_inputs()
    grid = sensitivity(inputs)
    assert len(grid.rows) == 3 and all(len(row) == 5 for row in grid.rows)
    base = grid.rows[1][2]
    assert base.is_base
    assert base.surplus == run_model(inputs).surplus
    assert base.run_out_month == 2
    # 20% fewer outcomes and referrals: a smaller surplus than as entered.
    assert grid.rows[0][0].surplus < base.surplus < grid.rows[2][4].surplus


def test_sensitivity_never_takes_an_outcome_rate_above_100_percent():
    inputs = hand_checked_inputs(groups=(ClaimantGroup("All", D(1), D("0.95"), D(1000)),))
    scaled = inputs.scaled(outcomes=D("0.2"))
    assert scaled.groups[0].outcome_rate == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contract_months": 0}, "at least one month"),
        ({"attachment_rate": D("1.5")}, "between 0 and 100%"),
        ({"management_fee_rate": D("-0.1")}, "between 0 and 100%"),
        ({"referrals_stop_months_before_end": 4}, "at least one month"),
        ({"months_to_outcome": 0}, "at least 1"),
        ({"fixed_monthly_costs": D(-1)}, "cannot be negative"),
        ({"groups": ()}, "between one and three"),
        ({"groups": (ClaimantGroup("A", D("0.5"), D("0.1"), D(1)),)}, "add up to 100%"),
    ],
)
def test_inputs_refuse_impossible_values(changes, message):
    with pytest.raises(ValueError, match=message):
        hand_checked_inputs(**changes)


def test_a_group_refuses_a_rate_above_100_percent():
    with pytest.raises(ValueError, match="between 0 and 100%"):
        ClaimantGroup("A", D(1), D("1.01"), D(1000))


# Properties, over many generated contracts.

percent = st.integers(min_value=0, max_value=10_000).map(lambda n: D(n) / 10_000)
money = st.integers(min_value=0, max_value=500_000).map(lambda n: D(n) / 100)


@st.composite
def groups(draw):
    count = draw(st.integers(min_value=1, max_value=3))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, 100]
    return tuple(
        ClaimantGroup(f"G{i}", D(bounds[i + 1] - bounds[i]) / 100, draw(percent), draw(money))
        for i in range(count)
    )


@st.composite
def contracts(draw):
    months = draw(st.integers(min_value=1, max_value=30))
    return ModelInputs(
        contract_months=months,
        run_off_months=draw(st.integers(0, 8)),
        referrals_per_month=draw(st.integers(0, 5000).map(lambda n: D(n) / 100)),
        ramp_up_months=draw(st.integers(0, 8)),
        referrals_stop_months_before_end=draw(st.integers(0, months - 1)),
        attachment_rate=draw(percent),
        support_months=draw(st.integers(1, 12)),
        months_to_outcome=draw(st.integers(1, 12)),
        groups=draw(groups()),
        sustainment_count=draw(st.integers(0, 8)),
        sustainment_every_months=draw(st.integers(1, 4)),
        sustainment_payment=draw(money),
        sustainment_rate=draw(percent),
        attachment_fee=draw(money),
        management_fee_rate=draw(percent),
        delivery_cost_per_participant_month=draw(money),
        fixed_monthly_costs=draw(money),
        starting_reserves=draw(money),
    )


@settings(max_examples=150, deadline=None, database=None)
@given(contracts())
def test_cash_is_reserves_plus_the_running_sum_of_nets(inputs):
    result = run_model(inputs)
    running = D(0)
    for row in result.rows:
        assert row.net == row.income - row.costs
        assert row.income == (row.attachment_income + row.outcome_income
                              + row.sustainment_income - row.management_fee)  # fmt: skip
        running += row.net
        assert row.running_total == running
        assert row.cash == inputs.starting_reserves + running
    assert result.surplus == running == result.total_income - result.total_costs
    assert result.closing_cash == inputs.starting_reserves + result.surplus
    assert len(result.rows) == inputs.contract_months + inputs.run_off_months


@settings(max_examples=100, deadline=None, database=None)
@given(contracts())
def test_a_zero_outcome_rate_gives_no_outcome_or_sustainment_income(inputs):
    inputs = replace(inputs, groups=tuple(replace(g, outcome_rate=D(0)) for g in inputs.groups))
    result = run_model(inputs)
    assert result.total_outcomes == 0
    assert all(r.outcome_income == 0 and r.sustainment_income == 0 for r in result.rows)


@settings(max_examples=100, deadline=None, database=None)
@given(contracts(), st.integers(1, 100).map(lambda n: D(n) / 100))
def test_more_job_outcomes_never_reduce_income(inputs, more):
    before = run_model(inputs)
    after = run_model(inputs.scaled(outcomes=more))
    assert after.total_outcomes >= before.total_outcomes
    assert after.total_income >= before.total_income
    for old, new in zip(before.rows, after.rows, strict=True):
        assert new.income >= old.income


@settings(max_examples=100, deadline=None, database=None)
@given(contracts(), st.integers(1, 100).map(lambda n: D(n) / 100))
def test_more_referrals_never_reduce_delivery_costs(inputs, more):
    before = run_model(inputs)
    after = run_model(inputs.scaled(referrals=more))
    assert after.total_costs >= before.total_costs
    assert after.total_starts >= before.total_starts


@settings(max_examples=100, deadline=None, database=None)
@given(contracts())
def test_the_headline_months_follow_their_definitions(inputs):
    result = run_model(inputs)
    running = [r.running_total for r in result.rows]
    cash = [r.cash for r in result.rows]
    lowest = min(running)
    assert result.peak_working_capital == max(D(0), -lowest)
    if result.run_out_month is None:
        assert all(c >= 0 for c in cash)
    else:
        m = result.run_out_month
        assert cash[m - 1] < 0 and all(c >= 0 for c in cash[: m - 1])
    if result.break_even_month is None:
        assert running[-1] < 0
    else:
        m = result.break_even_month
        assert all(r >= 0 for r in running[m - 1 :])
        assert m == 1 or running[m - 2] < 0


@settings(max_examples=60, deadline=None, database=None)
@given(contracts(), money)
def test_more_reserves_never_make_money_run_out_sooner(inputs, extra):
    before = run_model(inputs).run_out_month
    after = run_model(replace(inputs, starting_reserves=inputs.starting_reserves + extra))
    if before is None:
        assert after.run_out_month is None
    elif after.run_out_month is not None:
        assert after.run_out_month >= before
