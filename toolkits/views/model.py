"""The payment-by-results financial model: the form and results, exports and saved scenarios.

The form is a GET form, so a results page's address is its share link. The results fragment
that the page's script fetches renders the same template include as the full page, so the
figures are the same with JavaScript on or off.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hub.base import ratelimit
from hub.base.exports import csv_response, xlsx_response
from hub.base.pagination import keyset_page
from toolkits.charts import cash_chart
from toolkits.finance import ModelResult, Sensitivity, run_model, sensitivity
from toolkits.model_forms import (
    FinancialModelForm,
    ScenarioNameForm,
    preset_links,
    query_string_of,
)
from toolkits.models import Scenario
from toolkits.services import scenarios as scenario_services
from toolkits.supplychains.modelling import opportunity_for_model

TENTH = Decimal("0.1")
SCENARIOS_PER_PAGE = 20


def _trail(*extra) -> list:
    crumbs = [("Home", "/"), ("Financial model", reverse("financial_model"))]
    if not extra:
        crumbs[-1] = ("Financial model", "")
    return crumbs + list(extra)


def _model_url(query: str) -> str:
    return f"{reverse('financial_model')}?{query}" if query else reverse("financial_model")


def _calculate(data) -> dict:
    """The form for a query string and, when it is valid, the results and their what-ifs."""
    submitted = FinancialModelForm.is_submitted(data)
    if "prefill" in data:
        form = FinancialModelForm.prefilled(data)
    else:
        form = FinancialModelForm(data if submitted else None)
    context = {"form": form, "submitted": submitted, "result": None}
    if "prefill" in data:
        context["prefilled_from"] = opportunity_for_model(data.get("prefill"))
    if submitted and form.is_valid():
        inputs = form.model_inputs()
        result = run_model(inputs)
        query = form.query_string()
        context.update(
            result=result,
            grid=sensitivity(inputs),
            chart=cash_chart(result),
            query=query,
        )
    return context


def _results_context(request, context: dict, save_form=None) -> dict:
    if context["result"] is not None:
        context["share_url"] = request.build_absolute_uri(_model_url(context["query"]))
        context["save_form"] = save_form or ScenarioNameForm()
    return context


def model_page(request):
    context = _results_context(request, _calculate(request.GET))
    context.update(presets=preset_links(), breadcrumbs=_trail())
    return render(request, "toolkits/model/model.html", context)


def results_fragment(request):
    """Just the results region, for the page's script to swap in as the inputs change."""
    context = _results_context(request, _calculate(request.GET))
    return render(request, "toolkits/model/fragment.html", context)


HEADER = [
    "Month", "Referrals", "Starts", "People supported", "Job outcomes", "Attachment fees",
    "Outcome payments", "Sustainment payments", "Prime's management fee",
    "Income after the fee", "Delivery costs", "Fixed costs", "Total costs",
    "Net cash flow", "Running total", "Money in the bank",
]  # fmt: skip


def _people(value: Decimal) -> Decimal:
    return value.quantize(TENTH)


def monthly_rows(result: ModelResult) -> list[list]:
    return [
        [
            row.month,
            _people(row.referrals),
            _people(row.starts),
            _people(row.on_programme),
            _people(row.job_outcomes),
            row.attachment_income,
            row.outcome_income,
            row.sustainment_income,
            row.management_fee,
            row.income,
            row.delivery_costs,
            row.fixed_costs,
            row.costs,
            row.net,
            row.running_total,
            row.cash,
        ]  # fmt: skip
        for row in result.rows
    ]


def summary_rows(result: ModelResult) -> list[list]:
    def month(value):
        return value if value is not None else "Never"

    return [
        ["Total income after the prime's fee", result.total_income],
        ["Total costs", result.total_costs],
        ["Surplus (or deficit, if negative)", result.surplus],
        ["Starting reserves", result.inputs.starting_reserves],
        ["Money in the bank at the end", result.closing_cash],
        ["Most of your own money needed (peak working capital)", result.peak_working_capital],
        ["Month the most is needed", month(result.peak_month)],
        ["Break-even month", month(result.break_even_month)],
        ["Month reserves run out", month(result.run_out_month)],
        ["Prime's management fee in total", result.total_management_fee],
        ["People who start", _people(result.total_starts)],
        ["Job outcomes", _people(result.total_outcomes)],
    ]


def sensitivity_rows(grid: Sensitivity) -> tuple[list, list[list]]:
    header = ["Referrals", "Outcome rate", "Surplus (or deficit)", "Reserves run out in month",
              "Most of your own money needed"]  # fmt: skip
    rows = []
    for line in grid.rows:
        for cell in line:
            rows.append([
                f"{cell.referral_change * 100:+.0f}%", f"{cell.outcome_change * 100:+.0f}%",
                cell.surplus, cell.run_out_month or "Never", cell.peak_working_capital,
            ])  # fmt: skip
    return header, rows


def input_rows(form: FinancialModelForm) -> list[list]:
    return [[form.fields[name].label, value] for name, value in form.query_data().items()]


def _valid_or_redirect(request):
    context = _calculate(request.GET)
    if context["result"] is None:
        return None, redirect(_model_url(request.GET.urlencode()))
    return context, None


def export_csv(request):
    context, bounce = _valid_or_redirect(request)
    if bounce:
        return bounce
    return csv_response("financial-model.csv", HEADER, monthly_rows(context["result"]), bom=True)


def export_xlsx(request):
    context, bounce = _valid_or_redirect(request)
    if bounce:
        return bounce
    result = context["result"]
    grid_header, grid_rows = sensitivity_rows(context["grid"])
    return xlsx_response(
        "financial-model.xlsx",
        HEADER,
        monthly_rows(result),
        sheet_title="Cash flow",
        more_sheets=[
            ("Summary", ["Figure", "Value"], summary_rows(result)),
            ("What if", grid_header, grid_rows),
            ("Inputs", ["Question", "Your answer"], input_rows(context["form"])),
        ],
    )


def _scenario_rate() -> str:
    return f"{settings.HUB_SCENARIOS_PER_HOUR}/h"


@login_required
@require_POST
def scenario_save(request):
    """Save the inputs in the address under the name posted; ask before replacing one."""
    context = _calculate(request.GET)
    if context["result"] is None:
        return redirect(_model_url(request.GET.urlencode()))
    form = context["form"]
    name_form = ScenarioNameForm(request.POST)
    if name_form.is_valid():
        if ratelimit.over_limit(request, group="scenario_save", rate=_scenario_rate()):
            name_form.add_error("name", "You have saved a lot of scenarios in the last hour. "
                                        "Try again later.")  # fmt: skip
        else:
            name = name_form.cleaned_data["name"]
            try:
                scenario, outcome = scenario_services.scenario_save(
                    owner=request.user,
                    name=name,
                    inputs=form.query_data(),
                    submission_key=name_form.cleaned_data.get("submission_key"),
                    replace=request.POST.get("replace") == "yes",
                )
            except scenario_services.ScenarioNameTaken as taken:
                return render(
                    request,
                    "toolkits/model/scenario_replace.html",
                    {
                        "scenario": taken.scenario,
                        "name_form": name_form,
                        "query": context["query"],
                        "breadcrumbs": _trail(("Replace a scenario", "")),
                    },
                )
            if outcome != "repeat":
                messages.success(
                    request,
                    f"Your scenario is saved as “{scenario.name}”. Find it in your scenarios."
                    if outcome == "created"
                    else f"Your scenario “{scenario.name}” now has these figures.",
                )
            return redirect(_model_url(context["query"]))
    context = _results_context(request, context, save_form=name_form)
    context.update(presets=preset_links(), breadcrumbs=_trail())
    return render(request, "toolkits/model/model.html", context)


@login_required
def scenario_list(request):
    page = keyset_page(
        Scenario.objects.filter(owner=request.user).only("id", "name", "updated_at", "inputs"),
        order=["-updated_at", "-id"],
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        size=SCENARIOS_PER_PAGE,
    )
    for scenario in page.items:
        scenario.url = _model_url(query_string_of(scenario.inputs))
    return render(
        request,
        "toolkits/model/scenario_list.html",
        {"page": page, "breadcrumbs": _trail(("Your scenarios", ""))},
    )


def _own(request, pk: int) -> Scenario:
    return get_object_or_404(Scenario, pk=pk, owner=request.user)


@login_required
def scenario_open(request, pk: int):
    return redirect(_model_url(query_string_of(_own(request, pk).inputs)))


@login_required
def scenario_rename(request, pk: int):
    scenario = _own(request, pk)
    form = ScenarioNameForm(
        request.POST if request.method == "POST" else None, initial={"name": scenario.name}
    )
    form.fields["name"].label = "New name"
    if request.method == "POST" and form.is_valid():
        try:
            scenario_services.scenario_rename(
                owner=request.user, scenario=scenario, name=form.cleaned_data["name"]
            )
        except ValidationError as exc:
            form.add_error("name", exc.message_dict["name"])
        else:
            messages.success(request, f"Your scenario is now called “{scenario.name}”.")
            return redirect("financial_model_scenarios")
    return render(
        request,
        "toolkits/model/scenario_rename.html",
        {
            "form": form,
            "scenario": scenario,
            "breadcrumbs": _trail(
                ("Your scenarios", reverse("financial_model_scenarios")), ("Rename", "")
            ),
        },
    )


@login_required
def scenario_delete(request, pk: int):
    scenario = _own(request, pk)
    if request.method == "POST":
        name = scenario.name
        scenario_services.scenario_delete(owner=request.user, scenario=scenario)
        messages.success(request, f"Your scenario “{name}” is deleted.")
        return redirect("financial_model_scenarios")
    return render(
        request,
        "toolkits/model/scenario_delete.html",
        {
            "scenario": scenario,
            "breadcrumbs": _trail(
                ("Your scenarios", reverse("financial_model_scenarios")), ("Delete", "")
            ),
        },
    )
