"""The payment-by-results financial model: a pure calculation, no Django, no database.

A small charity enters a subcontract's terms and its own costs; the model works out the money
coming in and going out month by month, so it can see how much of its own money it would need
before the contract pays for itself.

The rules (the page explains them in the same words):

- Months are numbered from 1, the first month of the contract.
- Referrals: the steady number each month, reached after a ramp-up. With a ramp-up of N months,
  month m (m <= N) gets m / (N + 1) of the steady number, so referrals rise in equal steps and
  reach the full number in month N + 1. Referrals may stop some months before the contract ends.
- Starts (attachments) = referrals x attachment rate, in the month of referral. The attachment
  fee is paid in that month.
- Referrals are split between up to three claimant groups by their share. Each group has its
  own job outcome rate and outcome payment. Job outcomes = starts x outcome rate, arriving
  `months to outcome` after the start month.
- Sustainment: a share of the people with a job outcome stay in work, earning `count` further
  payments, the first `every` months after the outcome month, then every `every` months.
- Payments keep coming after the contract ends only during the run-off months entered (zero
  means nothing is paid after the last month of the contract). Anything due later is lost.
- The prime keeps its management fee (a share) of every payment.
- Costs stop when the contract ends: each participant costs the delivery cost in each month of
  support, from their start month, for `months of support` months; fixed costs are paid in
  every month of the contract.
- People are counted in expectation, so they can be fractional (2.5 job outcomes means "two or
  three"). Counts are kept exact; each month's money items are rounded to the penny (half up)
  and every total is the sum of those rounded items, so the table always adds up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)

# Relative changes for the sensitivity table: outcome rate and referral volume.
OUTCOME_CHANGES = (Decimal("-0.2"), Decimal("-0.1"), ZERO, Decimal("0.1"), Decimal("0.2"))
REFERRAL_CHANGES = (Decimal("-0.2"), ZERO, Decimal("0.2"))


def pence(value: Decimal) -> Decimal:
    """Money rounded to the penny, half up, as accountants round."""
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ClaimantGroup:
    """A payment group: its share of referrals, its job outcome rate and its outcome price."""

    name: str
    share: Decimal
    """Fraction of referrals, 0 to 1."""
    outcome_rate: Decimal
    """Fraction of starts who get a job outcome, 0 to 1."""
    outcome_payment: Decimal

    def __post_init__(self):
        _fraction(self.share, "A group's share of referrals")
        _fraction(self.outcome_rate, "A job outcome rate")
        _not_negative(self.outcome_payment, "An outcome payment")


@dataclass(frozen=True)
class ModelInputs:
    """A contract's terms and the organisation's costs. Rates are fractions (0.35, not 35)."""

    contract_months: int
    referrals_per_month: Decimal
    attachment_rate: Decimal
    months_to_outcome: int
    groups: tuple[ClaimantGroup, ...]
    ramp_up_months: int = 0
    referrals_stop_months_before_end: int = 0
    attachment_fee: Decimal = ZERO
    sustainment_count: int = 0
    sustainment_every_months: int = 1
    sustainment_payment: Decimal = ZERO
    sustainment_rate: Decimal = ONE
    management_fee_rate: Decimal = ZERO
    support_months: int = 1
    delivery_cost_per_participant_month: Decimal = ZERO
    fixed_monthly_costs: Decimal = ZERO
    starting_reserves: Decimal = ZERO
    run_off_months: int = 0

    def __post_init__(self):
        if self.contract_months < 1:
            raise ValueError("The contract must last at least one month.")
        for name in ("ramp_up_months", "referrals_stop_months_before_end", "run_off_months",
                     "sustainment_count"):  # fmt: skip
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative.")
        for name in ("months_to_outcome", "sustainment_every_months", "support_months"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1.")
        if self.referrals_stop_months_before_end >= self.contract_months:
            raise ValueError("Referrals must run for at least one month.")
        for name in ("attachment_rate", "sustainment_rate", "management_fee_rate"):
            _fraction(getattr(self, name), name)
        for name in ("referrals_per_month", "attachment_fee", "sustainment_payment",
                     "delivery_cost_per_participant_month", "fixed_monthly_costs",
                     "starting_reserves"):  # fmt: skip
            _not_negative(getattr(self, name), name)
        if not 1 <= len(self.groups) <= 3:
            raise ValueError("Give between one and three claimant groups.")
        if sum(group.share for group in self.groups) != ONE:
            raise ValueError("The groups' shares of referrals must add up to 100%.")

    @property
    def months(self) -> int:
        """How many months the model runs: the contract and its run-off."""
        return self.contract_months + self.run_off_months

    def referrals_in(self, month: int) -> Decimal:
        """Expected referrals in a month (1-based), after the ramp-up and before the stop."""
        if month < 1 or month > self.contract_months - self.referrals_stop_months_before_end:
            return ZERO
        if month <= self.ramp_up_months:
            return self.referrals_per_month * month / (self.ramp_up_months + 1)
        return self.referrals_per_month

    def scaled(self, *, outcomes: Decimal = ZERO, referrals: Decimal = ZERO) -> ModelInputs:
        """The same contract with outcome rates and referrals changed by a relative amount
        (0.1 = 10% more); an outcome rate never goes above 100%."""
        return replace(
            self,
            referrals_per_month=self.referrals_per_month * (ONE + referrals),
            groups=tuple(
                replace(g, outcome_rate=min(ONE, g.outcome_rate * (ONE + outcomes)))
                for g in self.groups
            ),
        )


def _fraction(value: Decimal, name: str) -> None:
    if not ZERO <= value <= ONE:
        raise ValueError(f"{name} must be between 0 and 100%.")


def _not_negative(value: Decimal, name: str) -> None:
    if value < ZERO:
        raise ValueError(f"{name} cannot be negative.")


@dataclass(frozen=True)
class MonthRow:
    """One month of the cash flow. Counts are expected people; money is in pounds and pence."""

    month: int
    referrals: Decimal
    starts: Decimal
    on_programme: Decimal
    job_outcomes: Decimal
    attachment_income: Decimal
    outcome_income: Decimal
    sustainment_income: Decimal
    management_fee: Decimal
    """What the prime keeps, as a positive amount taken off the income."""
    income: Decimal
    """Income after the management fee."""
    delivery_costs: Decimal
    fixed_costs: Decimal
    costs: Decimal
    net: Decimal
    running_total: Decimal
    """The sum of the nets so far, without reserves."""
    cash: Decimal
    """Starting reserves plus the running total: the money in the bank at the month's end."""


@dataclass(frozen=True)
class ModelResult:
    """The month-by-month cash flow and the figures a charity decides on."""

    inputs: ModelInputs
    rows: tuple[MonthRow, ...]
    total_income: Decimal
    total_costs: Decimal
    total_management_fee: Decimal
    surplus: Decimal
    """Total income less total costs: negative is a deficit."""
    closing_cash: Decimal
    peak_working_capital: Decimal
    """The most of its own money the organisation has put in at any point (0 if none)."""
    peak_month: int | None
    """The month that peak is reached, or None if the running total is never negative."""
    break_even_month: int | None
    """The first month from which the running total of nets is never negative again; None if
    it ends negative."""
    run_out_month: int | None
    """The first month the organisation's cash (reserves plus the running total) is below 0."""
    total_starts: Decimal
    total_outcomes: Decimal


def _add(bucket: list[Decimal], month: int, amount: Decimal) -> None:
    """Add to a month (1-based) if it is inside the model's horizon; later amounts are lost."""
    if 1 <= month < len(bucket):
        bucket[month] += amount


def run_model(inputs: ModelInputs) -> ModelResult:
    """Work out the cash flow for a contract's terms and costs."""
    horizon = inputs.months
    size = horizon + 1  # index 0 unused, so month m is bucket[m]
    referrals = [ZERO] * size
    starts = [ZERO] * size
    on_programme = [ZERO] * size
    outcomes = [ZERO] * size
    attachment = [ZERO] * size
    outcome_pay = [ZERO] * size
    sustainment = [ZERO] * size
    for month in range(1, inputs.contract_months + 1):
        referrals[month] = inputs.referrals_in(month)
        started = referrals[month] * inputs.attachment_rate
        if not started:
            continue
        starts[month] = started
        attachment[month] += started * inputs.attachment_fee
        for later in range(month, min(month + inputs.support_months, inputs.contract_months + 1)):
            on_programme[later] += started
        outcome_month = month + inputs.months_to_outcome
        outcome_count = ZERO
        for group in inputs.groups:
            got_job = started * group.share * group.outcome_rate
            outcome_count += got_job
            _add(outcome_pay, outcome_month, got_job * group.outcome_payment)
        _add(outcomes, outcome_month, outcome_count)
        each = outcome_count * inputs.sustainment_rate * inputs.sustainment_payment
        for n in range(1, inputs.sustainment_count + 1):
            _add(sustainment, outcome_month + n * inputs.sustainment_every_months, each)

    rows = []
    running = ZERO
    for month in range(1, horizon + 1):
        attachment_income = pence(attachment[month])
        outcome_income = pence(outcome_pay[month])
        sustainment_income = pence(sustainment[month])
        gross = attachment_income + outcome_income + sustainment_income
        fee = pence(gross * inputs.management_fee_rate)
        income = gross - fee
        in_contract = month <= inputs.contract_months
        delivery = pence(on_programme[month] * inputs.delivery_cost_per_participant_month)
        fixed = inputs.fixed_monthly_costs if in_contract else ZERO
        fixed = pence(fixed)
        costs = delivery + fixed
        net = income - costs
        running += net
        rows.append(
            MonthRow(
                month=month,
                referrals=referrals[month],
                starts=starts[month],
                on_programme=on_programme[month],
                job_outcomes=outcomes[month],
                attachment_income=attachment_income,
                outcome_income=outcome_income,
                sustainment_income=sustainment_income,
                management_fee=fee,
                income=income,
                delivery_costs=delivery,
                fixed_costs=fixed,
                costs=costs,
                net=net,
                running_total=running,
                cash=pence(inputs.starting_reserves) + running,
            )
        )

    lowest = min((row.running_total for row in rows), default=ZERO)
    peak = -lowest if lowest < ZERO else ZERO
    peak_month = next((r.month for r in rows if r.running_total == lowest), None) if peak else None
    break_even = None
    for row in reversed(rows):
        if row.running_total < ZERO:
            break
        break_even = row.month
    run_out = next((row.month for row in rows if row.cash < ZERO), None)
    total_income = sum((row.income for row in rows), ZERO)
    total_costs = sum((row.costs for row in rows), ZERO)
    return ModelResult(
        inputs=inputs,
        rows=tuple(rows),
        total_income=total_income,
        total_costs=total_costs,
        total_management_fee=sum((row.management_fee for row in rows), ZERO),
        surplus=total_income - total_costs,
        closing_cash=pence(inputs.starting_reserves) + total_income - total_costs,
        peak_working_capital=peak,
        peak_month=peak_month,
        break_even_month=break_even,
        run_out_month=run_out,
        total_starts=sum(starts, ZERO),
        total_outcomes=sum(outcomes, ZERO),
    )


@dataclass(frozen=True)
class SensitivityCell:
    """One what-if: the change to outcome rates and referrals, and what it leads to."""

    outcome_change: Decimal
    referral_change: Decimal
    surplus: Decimal
    run_out_month: int | None
    peak_working_capital: Decimal

    @property
    def is_base(self) -> bool:
        return not self.outcome_change and not self.referral_change


@dataclass(frozen=True)
class Sensitivity:
    """A grid of what-ifs: a row per referral change, a column per outcome-rate change."""

    outcome_changes: tuple[Decimal, ...]
    referral_changes: tuple[Decimal, ...]
    rows: tuple[tuple[SensitivityCell, ...], ...]

    @property
    def runs_out_count(self) -> int:
        return sum(1 for row in self.rows for cell in row if cell.run_out_month is not None)


def sensitivity(
    inputs: ModelInputs,
    *,
    outcome_changes: tuple[Decimal, ...] = OUTCOME_CHANGES,
    referral_changes: tuple[Decimal, ...] = REFERRAL_CHANGES,
) -> Sensitivity:
    """Rerun the model with outcome rates and referral volumes up and down."""
    rows = []
    for referral_change in referral_changes:
        cells = []
        for outcome_change in outcome_changes:
            result = run_model(inputs.scaled(outcomes=outcome_change, referrals=referral_change))
            cells.append(
                SensitivityCell(
                    outcome_change=outcome_change,
                    referral_change=referral_change,
                    surplus=result.surplus,
                    run_out_month=result.run_out_month,
                    peak_working_capital=result.peak_working_capital,
                )
            )
        rows.append(tuple(cells))
    return Sensitivity(
        outcome_changes=tuple(outcome_changes),
        referral_changes=tuple(referral_changes),
        rows=tuple(rows),
    )
