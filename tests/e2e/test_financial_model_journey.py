"""The financial model end to end in Chromium: JavaScript off (form, then results) and on
(results update as you type), the same figures either way, an XLSX download read back, and a
member saving and reopening a scenario."""

import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, member_of
from toolkits.finance import run_model
from toolkits.model_forms import PRESETS, FinancialModelForm
from toolkits.models import Scenario

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

URL = "/toolkits/financial-model/"

# What a charity types, by label. Deliberately not a preset, and with £ and % as people type.
ANSWERS = {
    "How many months does the contract last?": "18",
    "How many people will be referred to you each month?": "15",
    "Over how many months do referrals build up?": "2",
    "What percentage of people referred will start with you (the attachment rate)?": "80%",
    "For how many months do you support each person?": "5",
    "How many months after starting does a job outcome get paid?": "4",
    "Group 1: share of referrals": "100",
    "Group 1: job outcome rate": "30",
    "Group 1: outcome payment": "£1,500",
    "How many sustainment payments are there for each job outcome?": "3",
    "How much is each sustainment payment?": "200",
    "What is the attachment fee for each person who starts?": "150",
    "What percentage of each payment does the prime keep as its management fee?": "15",
    "What does it cost you to support one person for one month?": "110",
    "What are your fixed costs each month?": "1800",
    "How much of your own money can you put in?": "6000",
}
FORM_DATA = {
    "contract_months": "18", "referrals_per_month": "15", "ramp_up_months": "2",
    "attachment_rate": "80", "support_months": "5", "months_to_outcome": "4",
    "group_1_share": "100", "group_1_outcome_rate": "30", "group_1_outcome_payment": "1500",
    "sustainment_count": "3", "sustainment_every_months": "1", "sustainment_payment": "200",
    "sustainment_rate": "100", "attachment_fee": "150", "management_fee": "15",
    "delivery_cost": "110", "fixed_costs": "1800", "starting_reserves": "6000",
    "run_off_months": "0", "referrals_stop_months": "0",
}  # fmt: skip


def _money(value: Decimal) -> str:
    text = f"£{abs(value):,.2f}"
    return f"\u2212{text}" if value < 0 else text


def _parse(text: str) -> Decimal:
    text = text.strip().replace("\u2212", "-").replace("£", "").replace(",", "")
    return Decimal(text)


def _expected():
    form = FinancialModelForm(FORM_DATA)
    assert form.is_valid(), form.errors
    return run_model(form.model_inputs())


def _figures(page) -> dict:
    return {
        name: page.locator(f'[data-figure="{name}"]').inner_text().strip()
        for name in ("surplus", "peak", "break-even", "run-out", "closing")
    }


def _expected_figures(result) -> dict:
    def month(value):
        return f"Month {value}" if value else "Never"

    return {
        "surplus": _money(result.surplus),
        "peak": _money(result.peak_working_capital),
        "break-even": month(result.break_even_month),
        "run-out": month(result.run_out_month),
        "closing": _money(result.closing_cash),
    }


def test_a_visitor_runs_the_model_with_the_same_figures_and_downloads_them(
    new_page, auditor, js_enabled, live_server
):
    result = _expected()
    assert result.run_out_month is not None  # so the journey shows a warning and a marked month
    expected = _expected_figures(result)

    page = new_page()
    page.goto(URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Payment-by-results financial model")
    auditor.check(page, js_enabled)

    # A mistake first: an attachment rate over 100.
    for label, value in ANSWERS.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label(
        "What percentage of people referred will start with you (the attachment rate)?"
    ).fill("180")
    if js_enabled:
        # No button pressed: the results region lists the problem as you type.
        expect(page.locator("#model-results")).to_contain_text(
            "Enter an attachment rate between 0 and 100"
        )
    else:
        page.get_by_role("button", name="Show the results").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "Enter an attachment rate between 0 and 100"
        )
        expect(page).to_have_title(re.compile("^Error: "))
        # What was typed is kept.
        expect(page.get_by_label("Group 1: outcome payment")).to_have_value("£1,500")
    auditor.check(page, js_enabled)

    rate = page.get_by_label(
        "What percentage of people referred will start with you (the attachment rate)?"
    )
    rate.fill("80%")
    if js_enabled:
        # The results appear without submitting, and the address becomes the share link.
        expect(page.locator('[data-figure="surplus"]')).to_have_text(expected["surplus"])
        expect(page.locator("#model-status")).to_contain_text("Results updated")
        expect(page).to_have_url(re.compile(r"attachment_rate=80"))
        assert rate.evaluate("el => el === document.activeElement")  # focus stays put
    else:
        page.get_by_role("button", name="Show the results").click()
        expect(page).to_have_url(re.compile(r"attachment_rate=80.*#results-heading$"))
    assert _figures(page) == expected
    auditor.check(page, js_enabled)

    # The chart and table agree with the model; the month reserves run out is marked.
    rows = page.locator(".hub-model-table").first.locator("tbody tr")
    expect(rows).to_have_count(len(result.rows))
    last_cash = rows.last.locator("td").first.inner_text()  # money in the bank leads
    assert _parse(last_cash) == result.rows[-1].cash
    chart = page.locator(".hub-chart__wide svg[role=img]")  # the drawing shown at 1280 px
    expect(chart.locator("title")).to_have_text(
        "Money in the bank and net cash flow, month by month"
    )
    expect(chart).to_contain_text(f"Reserves run out: month {result.run_out_month}")
    assert page.locator("[data-what-if] .govuk-tag--red").count() >= 1

    # The share link reproduces the same figures in a fresh session, JavaScript on or off.
    share = page.get_by_label("Copy this link to share this scenario").input_value()
    other = new_page()
    other.goto(share)
    assert _figures(other) == expected
    auditor.check(other, js_enabled)

    # The spreadsheet holds the same figures.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these results as a spreadsheet (XLSX)").click()
    assert download.value.suggested_filename == "financial-model.xlsx"
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    summary = dict(book["Summary"].iter_rows(values_only=True))
    assert (
        _money(Decimal(str(summary["Surplus (or deficit, if negative)"])))
        == _figures(page)["surplus"]
    )
    assert (
        _money(Decimal(str(summary["Most of your own money needed (peak working capital)"])))
        == _figures(page)["peak"]
    )
    assert f"Month {summary['Month reserves run out']}" == _figures(page)["run-out"]
    sheet_rows = list(book["Cash flow"].iter_rows(values_only=True))[1:]
    assert len(sheet_rows) == rows.count()
    for index in (0, len(sheet_rows) // 2, len(sheet_rows) - 1):
        cells = rows.nth(index).locator("td").all_inner_texts()
        # The key table leads with money in the bank, then net cash flow.
        assert Decimal(str(sheet_rows[index][15])) == _parse(cells[0])
        assert Decimal(str(sheet_rows[index][13])) == _parse(cells[1])

    if js_enabled:
        # Changing an answer updates the figures again, still identical to the server's page.
        page.get_by_label("How much of your own money can you put in?").fill("50000")
        expect(page.locator('[data-figure="run-out"]')).to_have_text("Never")
        live = _figures(page)
        page.reload()
        assert _figures(page) == live
        auditor.check(page, js_enabled)
    assert not page.console_errors


def test_a_member_saves_a_scenario_and_reopens_it(new_page, auditor, js_enabled, live_server):
    member = member_of(OrganisationFactory(kind="vcs"))
    page = new_page()
    sign_in(page, auditor, js_enabled, member.email)
    page.goto(URL)
    preset = PRESETS[1]
    page.get_by_role("link", name=f"{preset['title']} (illustrative)").click()
    expect(page.locator('[data-figure="surplus"]')).to_be_visible()
    figures = _figures(page)
    auditor.check(page, js_enabled)

    page.get_by_label("Name this scenario").fill("Health bid, as offered")
    page.get_by_role("button", name="Save this scenario").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Health bid, as offered")
    auditor.check(page, js_enabled)
    assert Scenario.objects.filter(owner=member, name="Health bid, as offered").count() == 1

    page.get_by_role("link", name="Your saved scenarios").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your scenarios")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Health bid, as offered", exact=True).click()
    assert _figures(page) == figures
    auditor.check(page, js_enabled)

    # Saving again under the same name asks first.
    page.get_by_label("Name this scenario").fill("Health bid, as offered")
    page.get_by_role("button", name="Save this scenario").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("You already have a scenario")
    auditor.check(page, js_enabled)
    page.get_by_role("button", name="Replace “Health bid, as offered”").click()
    expect(page.locator('[data-figure="surplus"]')).to_be_visible()
    assert Scenario.objects.filter(owner=member).count() == 1
