"""The financial model's form: a GET form, so the results page's address is the share link."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.http import urlencode

from hub.base.idempotency import SubmissionKeyMixin
from toolkits.finance import ClaimantGroup, ModelInputs
from toolkits.presets import PRESETS

__all__ = ["PRESETS", "FinancialModelForm", "ScenarioNameForm"]

HUNDRED = Decimal(100)
GROUPS = (1, 2, 3)
_STRIP = str.maketrans("", "", "£%, \u00a0")


class _Cleaning:
    """Accept what people type: "£1,200", "35%", " 24 "."""

    prefix = ""
    suffix = ""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.translate(_STRIP)
        return super().to_python(value)


class WholeNumberField(_Cleaning, forms.IntegerField):
    pass


class NumberField(_Cleaning, forms.DecimalField):
    pass


def _field(label, hint, what, *, low, high, kind="whole", example="", required=True,
           initial=None, width=4):  # fmt: skip
    """A number field whose every error is a plain sentence naming the field and its range."""
    between = f"Enter {what} between {low:,} and {high:,}"
    messages = {"required": f"Enter {what}", "min_value": between, "max_value": between}
    attrs = {"inputmode": "numeric" if kind == "whole" else "decimal", "spellcheck": "false",
             "class": f"govuk-input--width-{width}"}  # fmt: skip
    widget = forms.TextInput(attrs=attrs)
    common = {"label": label, "help_text": hint, "required": required, "initial": initial,
              "min_value": low, "max_value": high, "widget": widget}  # fmt: skip
    if kind == "whole":
        messages["invalid"] = f"Enter {what} as a whole number, like {example}"
        field = WholeNumberField(error_messages=messages, **common)
    else:
        messages["invalid"] = f"Enter {what} as a number, like {example}"
        for code in ("max_digits", "max_whole_digits"):
            messages[code] = between
        messages["max_decimal_places"] = f"Enter {what} with no more than 2 decimal places"
        field = NumberField(max_digits=12, decimal_places=2, error_messages=messages, **common)
        if kind == "money":
            field.prefix = "£"
        elif kind == "percent":
            field.suffix = "%"
    return field


def _percent(label, hint, what, **kwargs):
    return _field(label, hint, what, low=0, high=100, kind="percent", example="35", width=3,
                  **kwargs)  # fmt: skip


def _money(label, hint, what, *, high=1_000_000, **kwargs):
    return _field(label, hint, what, low=0, high=high, kind="money", example="1200", width=10,
                  **kwargs)  # fmt: skip


def _group_fields(n: int) -> dict:
    first = n == 1
    return {
        f"group_{n}_name": forms.CharField(
            label=f"Group {n}: name",
            help_text="For example, JSA 25+ or new ESA claimants."
            + (
                " If everyone is paid the same, use one group with 100% of referrals."
                if first
                else " Leave this group empty if you do not need it."
            ),  # fmt: skip
            required=False,
            max_length=60,
            initial="All participants" if first else None,
            widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
        ),
        f"group_{n}_share": _percent(
            f"Group {n}: share of referrals",
            "The percentage of people referred who are in this group.",
            f"group {n}’s share of referrals",
            required=first,
            initial=100 if first else None,
        ),
        f"group_{n}_outcome_rate": _percent(
            f"Group {n}: job outcome rate",
            "The percentage of people who start who will get a job outcome.",
            f"a job outcome rate for group {n}",
            required=first,
        ),
        f"group_{n}_outcome_payment": _money(
            f"Group {n}: outcome payment",
            "What the contract pays for each job outcome in this group, before the prime’s fee.",
            f"an outcome payment for group {n}",
            required=first,
        ),
    }


class FinancialModelForm(forms.Form):
    """A payment-by-results subcontract's terms and the organisation's own costs."""

    contract_months = _field(
        "How many months does the contract last?",
        "The months in which people are referred and supported. For example, 24 for two years.",
        "the contract length in months",
        low=1, high=120, example="24", width=3,
    )  # fmt: skip
    run_off_months = _field(
        "For how many months after the contract ends are payments still made?",
        "Some contracts still pay for job outcomes and sustainment that happen after the last "
        "month. Enter 0 if payments stop when the contract ends. Your costs stop when it ends.",
        "the months of payments after the contract ends",
        low=0, high=36, example="6", width=3, initial=0,
    )  # fmt: skip
    referrals_per_month = _field(
        "How many people will be referred to you each month?",
        "The usual number once referrals are at full volume.",
        "the number of referrals each month",
        low=0, high=10_000, kind="decimal", example="20",
    )  # fmt: skip
    ramp_up_months = _field(
        "Over how many months do referrals build up?",
        "Referrals rise in equal steps over these months and reach the full number the month "
        "after. Enter 0 if they start at full volume.",
        "the months referrals take to build up",
        low=0, high=24, example="3", width=3, initial=0,
    )  # fmt: skip
    referrals_stop_months = _field(
        "How many months before the end of the contract do referrals stop?",
        "Primes often stop referring people near the end. Enter 0 if referrals continue to the "
        "last month.",
        "the months before the end when referrals stop",
        low=0, high=119, example="3", width=3, initial=0,
    )  # fmt: skip
    attachment_rate = _percent(
        "What percentage of people referred will start with you (the attachment rate)?",
        "Some people referred never start. For example, 80.",
        "an attachment rate",
    )
    support_months = _field(
        "For how many months do you support each person?",
        "Your delivery cost is counted for each of these months, from the month the person "
        "starts.",
        "the months of support for each person",
        low=1, high=36, example="6", width=3,
    )  # fmt: skip
    months_to_outcome = _field(
        "How many months after starting does a job outcome get paid?",
        "On average, from the month a person starts to the month the outcome payment arrives.",
        "the months from starting to a job outcome",
        low=1, high=36, example="6", width=3,
    )  # fmt: skip
    locals().update(_group_fields(1))
    locals().update(_group_fields(2))
    locals().update(_group_fields(3))
    sustainment_count = _field(
        "How many sustainment payments are there for each job outcome?",
        "Extra payments while the person stays in work. Enter 0 if the contract has none.",
        "the number of sustainment payments",
        low=0, high=24, example="6", width=3, initial=0,
    )  # fmt: skip
    sustainment_every_months = _field(
        "How many months apart are the sustainment payments?",
        "The first is paid this many months after the job outcome.",
        "the months between sustainment payments",
        low=1, high=12, example="1", width=3, initial=1,
    )  # fmt: skip
    sustainment_payment = _money(
        "How much is each sustainment payment?",
        "Before the prime’s fee. Enter 0 if there are none.",
        "a sustainment payment",
        initial=0,
    )
    sustainment_rate = _percent(
        "What percentage of people with a job outcome stay in work for the sustainment payments?",
        "Not everyone keeps their job. For example, 70.",
        "a sustainment rate",
        initial=100,
    )
    attachment_fee = _money(
        "What is the attachment fee for each person who starts?",
        "Paid in the month the person starts, before the prime’s fee. Enter 0 if there is none.",
        "an attachment fee",
        initial=0,
    )
    management_fee = _percent(
        "What percentage of each payment does the prime keep as its management fee?",
        "Taken off every payment before it reaches you. Check your draft contract.",
        "a management fee",
        initial=0,
    )
    delivery_cost = _money(
        "What does it cost you to support one person for one month?",
        "Adviser time, travel, materials and anything else that grows with the number of people.",
        "a delivery cost per person per month",
    )
    fixed_costs = _money(
        "What are your fixed costs each month?",
        "Costs you pay whatever the numbers, such as a manager, rent, IT and insurance.",
        "your fixed costs each month",
        initial=0,
    )
    starting_reserves = _money(
        "How much of your own money can you put in?",
        "The cash (reserves) you could use to pay costs before the payments arrive.",
        "your reserves",
        high=100_000_000,
        initial=0,
    )

    SECTIONS = (
        ("The contract", ("contract_months", "run_off_months")),
        ("Referrals and starts", ("referrals_per_month", "ramp_up_months",
                                  "referrals_stop_months", "attachment_rate", "support_months")),
        ("Job outcomes and who pays what", ("months_to_outcome",)),
        *((f"Claimant group {n}", tuple(f"group_{n}_{part}" for part in
           ("name", "share", "outcome_rate", "outcome_payment"))) for n in GROUPS),
        ("Sustainment payments", ("sustainment_count", "sustainment_every_months",
                                  "sustainment_payment", "sustainment_rate")),
        ("Fees", ("attachment_fee", "management_fee")),
        ("Your costs and reserves", ("delivery_cost", "fixed_costs", "starting_reserves")),
    )  # fmt: skip

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # An answer left out of the address entirely (a shortened link, an older saved
            # scenario) takes its usual value; an answer sent empty is still an error.
            data = data.copy()
            for name, field in self.base_fields.items():
                if name not in data and field.initial is not None:
                    data[name] = str(field.initial)
        super().__init__(data, *args, **kwargs)

    @classmethod
    def is_submitted(cls, data) -> bool:
        """Whether a query string holds any of the model's fields (else show an empty form).
        A link with ``prefill`` only fills some answers in: the form waits for the rest."""
        if "prefill" in data:
            return False
        return any(name in data for name in cls.base_fields)

    @classmethod
    def prefilled(cls, data) -> FinancialModelForm:
        """An unbound form whose answers start from a link's values (an opportunity's terms);
        values that are not numbers in range are left out rather than shown as errors."""
        probe = cls(data)
        probe.is_valid()
        initial = {}
        for name in cls.base_fields:
            if name in data and name in probe.cleaned_data and name not in probe.errors:
                value = probe.cleaned_data[name]
                initial[name] = f"{value.normalize():f}" if isinstance(value, Decimal) else value
        return cls(initial=initial)

    def sections(self):
        """(heading, bound fields) for each fieldset the page shows."""
        return [(heading, [self[name] for name in names]) for heading, names in self.SECTIONS]

    def clean(self):
        data = super().clean()
        months, stop = data.get("contract_months"), data.get("referrals_stop_months")
        if months is not None and stop is not None and stop >= months:
            self.add_error(
                "referrals_stop_months",
                f"Enter a number of months smaller than the contract length ({months})",
            )
        total = Decimal(0)
        for n in GROUPS:
            parts = ("share", "outcome_rate", "outcome_payment")
            used = n == 1 or any(
                self.data.get(f"group_{n}_{part}", "").strip() for part in (*parts, "name")
            )
            if not used:
                continue
            for part, what in zip(parts, ("share of referrals", "job outcome rate",
                                          "outcome payment"), strict=True):  # fmt: skip
                name = f"group_{n}_{part}"
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, f"Enter group {n}’s {what}, or empty the group")
            total += data.get(f"group_{n}_share") or 0
        if not self.errors and total != HUNDRED:
            self.add_error(
                "group_1_share",
                f"The groups’ shares of referrals must add up to 100 (they add up to "
                f"{total.normalize():f})",
            )
        return data

    def groups(self) -> tuple[ClaimantGroup, ...]:
        data, groups = self.cleaned_data, []
        for n in GROUPS:
            share = data.get(f"group_{n}_share")
            if share is None:
                continue
            groups.append(
                ClaimantGroup(
                    name=data.get(f"group_{n}_name") or f"Group {n}",
                    share=share / HUNDRED,
                    outcome_rate=data[f"group_{n}_outcome_rate"] / HUNDRED,
                    outcome_payment=data[f"group_{n}_outcome_payment"],
                )
            )
        return tuple(groups)

    def model_inputs(self) -> ModelInputs:
        """The valid form as the calculation's inputs (percentages become fractions)."""
        d = self.cleaned_data

        def value(name, default=0):
            return default if d.get(name) is None else d[name]

        return ModelInputs(
            contract_months=d["contract_months"],
            run_off_months=value("run_off_months"),
            referrals_per_month=d["referrals_per_month"],
            ramp_up_months=value("ramp_up_months"),
            referrals_stop_months_before_end=value("referrals_stop_months"),
            attachment_rate=d["attachment_rate"] / HUNDRED,
            support_months=d["support_months"],
            months_to_outcome=d["months_to_outcome"],
            groups=self.groups(),
            sustainment_count=value("sustainment_count"),
            sustainment_every_months=value("sustainment_every_months", 1),
            sustainment_payment=value("sustainment_payment", Decimal(0)),
            sustainment_rate=value("sustainment_rate", HUNDRED) / HUNDRED,
            attachment_fee=value("attachment_fee", Decimal(0)),
            management_fee_rate=value("management_fee", Decimal(0)) / HUNDRED,
            delivery_cost_per_participant_month=d["delivery_cost"],
            fixed_monthly_costs=value("fixed_costs", Decimal(0)),
            starting_reserves=value("starting_reserves", Decimal(0)),
        )

    def query_data(self) -> dict[str, str]:
        """The valid inputs as plain strings, in the form's order: for links and saving."""
        out = {}
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if value is None or value == "":
                continue
            out[name] = f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
        return out

    def query_string(self) -> str:
        return urlencode(self.query_data())


def query_string_of(inputs: dict) -> str:
    """A saved scenario's inputs as a query string for the model page."""
    return urlencode({k: v for k, v in inputs.items() if k in FinancialModelForm.base_fields})


class ScenarioNameForm(SubmissionKeyMixin, forms.Form):
    """The name a member saves a scenario under (the inputs come from the page's address)."""

    name = forms.CharField(
        label="Name this scenario",
        help_text="For example, “Northgate bid, cautious”. Only you can see your scenarios.",
        max_length=120,
        error_messages={
            "required": "Enter a name for the scenario",
            "max_length": "Enter a name of 120 characters or fewer",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "off"}),
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError("Enter a name for the scenario")
        return name


def preset_links() -> list[dict]:
    """The presets with the query string that fills the form with each."""
    return [{**preset, "query": urlencode(preset["data"])} for preset in PRESETS]
