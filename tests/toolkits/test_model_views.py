"""The financial model's pages: validation, share links, the fragment, exports and scenarios."""

import csv
import io
import re
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils.http import urlencode
from openpyxl import load_workbook

from hub.site.demo import toolkits as demo
from hub.site.demo.toolkits import scenarios as demo_scenarios
from tests.factories import OrganisationFactory, UserFactory, member_of
from toolkits.finance import run_model
from toolkits.model_forms import PRESETS, FinancialModelForm
from toolkits.models import Scenario

pytestmark = pytest.mark.django_db

BASE = dict(PRESETS[0]["data"])
URL = "/toolkits/financial-model/"


def _query(**changes) -> str:
    data = {**BASE, **changes}
    return urlencode({k: v for k, v in data.items() if v is not None})


def _page(client, **changes):
    return client.get(f"{URL}?{_query(**changes)}")


def _results_region(html: str) -> str:
    start = html.index('<div id="model-results"')
    start = html.index(">", start) + 1
    end = html.index('<div id="model-status"')
    return html[start:end].strip().removesuffix("</div>").strip()


def _expected():
    form = FinancialModelForm(BASE)
    assert form.is_valid(), form.errors
    return run_model(form.model_inputs())


def test_the_model_is_mounted_where_the_toolkits_link_to():
    assert reverse("financial_model") == URL


def test_an_empty_form_shows_no_results_and_offers_illustrative_presets(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Illustrative figures, not real contract terms" in html
    assert "Your results" in html and 'data-figure="surplus"' not in html
    assert "There is a problem" not in html
    for preset in PRESETS:
        assert f"{preset['title']} (illustrative)" in html


@pytest.mark.parametrize("preset", PRESETS, ids=[p["slug"] for p in PRESETS])
def test_each_preset_link_fills_the_form_and_shows_results(client, preset):
    response = client.get(f"{URL}?{urlencode(preset['data'])}")
    html = response.content.decode()
    assert 'data-figure="surplus"' in html
    assert "data-financial-model" in html
    form = FinancialModelForm(preset["data"])
    assert form.is_valid(), form.errors
    result = run_model(form.model_inputs())
    assert f'data-figure="surplus">{_money(result.surplus)}<' in html


def _money(value: Decimal) -> str:
    text = f"£{abs(value):,.2f}"
    return f"\u2212{text}" if value < 0 else text


def test_results_show_the_calculated_figures_and_explain_them(client):
    result = _expected()
    html = _page(client).content.decode()
    assert f'data-figure="peak">{_money(result.peak_working_capital)}<' in html
    assert f"You would need up to {_money(result.peak_working_capital)} of your own money" in html
    run_out = f"Month {result.run_out_month}" if result.run_out_month else "Never"
    assert f'data-figure="run-out">{run_out}<' in html
    assert html.count('<tr class="govuk-table__row') >= len(result.rows)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert "What if outcomes or referrals are different?" in html


def test_typed_pound_signs_commas_and_percent_signs_are_understood(client):
    plain = _page(client).content.decode()
    typed = _page(client, fixed_costs="£1,500", attachment_rate="80%").content.decode()
    assert (
        _results_region(typed).split("Copy this link")[0]
        == _results_region(plain).split("Copy this link")[0]
    )


# Every invalid answer gets its own plain message beside the field.
INVALID = [
    ("contract_months", "", "Enter the contract length in months"),
    ("contract_months", "0", "Enter the contract length in months between 1 and 120"),
    ("contract_months", "121", "Enter the contract length in months between 1 and 120"),
    ("contract_months", "2.5", "Enter the contract length in months as a whole number, like 24"),
    ("run_off_months", "-1",
     "Enter the months of payments after the contract ends between 0 and 36"),
    ("referrals_per_month", "", "Enter the number of referrals each month"),
    ("referrals_per_month", "lots",
     "Enter the number of referrals each month as a number, like 20"),
    ("referrals_per_month", "-5", "Enter the number of referrals each month between 0 and 10,000"),
    ("ramp_up_months", "25", "Enter the months referrals take to build up between 0 and 24"),
    ("referrals_stop_months", "24",
     "Enter a number of months smaller than the contract length (24)"),
    ("attachment_rate", "", "Enter an attachment rate"),
    ("attachment_rate", "101", "Enter an attachment rate between 0 and 100"),
    ("attachment_rate", "-1", "Enter an attachment rate between 0 and 100"),
    ("attachment_rate", "12.345", "Enter an attachment rate with no more than 2 decimal places"),
    ("support_months", "0", "Enter the months of support for each person between 1 and 36"),
    ("months_to_outcome", "0", "Enter the months from starting to a job outcome between 1 and 36"),
    ("months_to_outcome", "", "Enter the months from starting to a job outcome"),
    ("group_1_share", "", "Enter group 1’s share of referrals"),
    ("group_1_share", "90",
     "The groups’ shares of referrals must add up to 100 (they add up to 90)"),
    ("group_1_outcome_rate", "", "Enter a job outcome rate for group 1"),
    ("group_1_outcome_rate", "150", "Enter a job outcome rate for group 1 between 0 and 100"),
    ("group_1_outcome_rate", "abc", "Enter a job outcome rate for group 1 as a number, like 35"),
    ("group_1_outcome_payment", "-1",
     "Enter an outcome payment for group 1 between 0 and 1,000,000"),
    ("group_1_outcome_payment", "", "Enter an outcome payment for group 1"),
    ("group_2_outcome_rate", "101", "Enter a job outcome rate for group 2 between 0 and 100"),
    ("sustainment_count", "25", "Enter the number of sustainment payments between 0 and 24"),
    ("sustainment_every_months", "0",
     "Enter the months between sustainment payments between 1 and 12"),
    ("sustainment_payment", "x", "Enter a sustainment payment as a number, like 1200"),
    ("sustainment_rate", "200", "Enter a sustainment rate between 0 and 100"),
    ("attachment_fee", "-3", "Enter an attachment fee between 0 and 1,000,000"),
    ("management_fee", "100.5", "Enter a management fee between 0 and 100"),
    ("delivery_cost", "", "Enter a delivery cost per person per month"),
    ("delivery_cost", "1e9", "Enter a delivery cost per person per month between 0 and 1,000,000"),
    ("fixed_costs", "-1", "Enter your fixed costs each month between 0 and 1,000,000"),
    ("starting_reserves", "-1", "Enter your reserves between 0 and 100,000,000"),
]  # fmt: skip


@pytest.mark.parametrize(("field", "value", "message"), INVALID)
def test_each_invalid_answer_gets_its_message_beside_the_field(client, field, value, message):
    response = _page(client, **{field: value})
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert "There is a problem" in html
    assert f'href="#id_{field}">{message}</a>' in html  # in the error summary
    inline = re.search(rf'<p id="id_{field}-error" class="govuk-error-message">(.*?)</p>', html,
                       re.S)  # fmt: skip
    assert inline and message in inline.group(1)
    assert 'data-figure="surplus"' not in html
    if value:  # what was typed is kept
        assert f'value="{value}"' in html


def test_a_half_filled_extra_group_asks_for_the_rest(client):
    html = _page(client, group_2_name="Prison leavers").content.decode()
    for message in ("Enter group 2’s share of referrals, or empty the group",
                    "Enter group 2’s job outcome rate, or empty the group",
                    "Enter group 2’s outcome payment, or empty the group"):  # fmt: skip
        assert message in html


def test_two_groups_whose_shares_add_up_give_results(client):
    html = _page(
        client, group_1_share="70", group_2_name="Prison leavers", group_2_share="30",
        group_2_outcome_rate="10", group_2_outcome_payment="4000",
    ).content.decode()  # fmt: skip
    assert 'data-figure="surplus"' in html


def test_the_share_link_reproduces_the_same_results(client):
    html = _page(client, fixed_costs="£2,000").content.decode()
    share = re.search(r'id="share-link" name="share-link" type="text" readonly value="([^"]+)"',
                      html).group(1).replace("&amp;", "&")  # fmt: skip
    assert share.startswith("http://testserver/toolkits/financial-model/?")
    assert "fixed_costs=2000" in share
    again = client.get(share.removeprefix("http://testserver")).content.decode()
    assert _results_region(again) == _results_region(html)


def test_the_fragment_is_the_full_pages_results_region(client):
    full = _page(client).content.decode()
    fragment = client.get(f"{reverse('financial_model_results')}?{_query()}").content.decode()
    assert _results_region(full) == fragment.strip()
    assert "<html" not in fragment


def test_the_fragment_lists_the_problems_when_an_answer_is_wrong(client):
    fragment = client.get(
        f"{reverse('financial_model_results')}?{_query(attachment_rate='101')}"
    ).content.decode()
    assert 'href="#id_attachment_rate">Enter an attachment rate between 0 and 100</a>' in fragment
    assert 'data-status="Results not updated: 1 answer to check."' in fragment


def test_csv_export_has_the_month_by_month_figures(client):
    result = _expected()
    response = client.get(f"{reverse('financial_model_csv')}?{_query()}")
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Month" and rows[0][-1] == "Money in the bank"
    assert len(rows) == 1 + len(result.rows)
    for line, row in zip(rows[1:], result.rows, strict=True):
        assert int(line[0]) == row.month
        assert Decimal(line[13]) == row.net
        assert Decimal(line[15]) == row.cash


def test_xlsx_export_has_the_same_figures_on_every_sheet(client):
    result = _expected()
    response = client.get(f"{reverse('financial_model_xlsx')}?{_query()}")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Cash flow", "Summary", "What if", "Inputs"]
    cash = list(book["Cash flow"].iter_rows(values_only=True))
    assert len(cash) == 1 + len(result.rows)
    for line, row in zip(cash[1:], result.rows, strict=True):
        assert line[0] == row.month
        assert Decimal(str(line[9])) == row.income
        assert Decimal(str(line[12])) == row.costs
        assert Decimal(str(line[15])) == row.cash
    summary = dict(book["Summary"].iter_rows(values_only=True))
    assert Decimal(str(summary["Surplus (or deficit, if negative)"])) == result.surplus
    assert Decimal(str(summary["Most of your own money needed (peak working capital)"])) == (
        result.peak_working_capital
    )
    assert summary["Month reserves run out"] == (result.run_out_month or "Never")
    assert len(list(book["What if"].iter_rows())) == 1 + 15


def test_exports_neutralise_text_that_a_spreadsheet_would_run(client):
    formula = '=HYPERLINK("x")'
    response = client.get(f"{reverse('financial_model_xlsx')}?{_query(group_1_name=formula)}")
    book = load_workbook(io.BytesIO(response.content))
    cells = {label.value: answer for label, answer in book["Inputs"].iter_rows()}
    cell = cells["Group 1: name"]
    assert cell.value == formula  # the text as typed, with no visible apostrophe
    assert cell.data_type == "s"  # a text cell, never a formula
    assert cell.quotePrefix  # kept as text when edited in a spreadsheet


def test_exports_of_invalid_answers_go_back_to_the_form(client):
    for name in ("financial_model_csv", "financial_model_xlsx"):
        response = client.get(f"{reverse(name)}?{_query(attachment_rate='500')}")
        assert response.status_code == 302
        assert response["Location"].startswith(URL + "?")


def test_typed_text_comes_back_inert(client):
    payload = '"><script>alert(1)</script>'
    html = _page(client, group_1_name=payload).content.decode()
    assert "<script>alert(1)</script>" not in html


# Saved scenarios -------------------------------------------------------------------------


def _member():
    return member_of(OrganisationFactory(kind="vcs"))


def _save(client, name="Cautious", key=None, replace=None, **changes):
    data = {"name": name, "submission_key": str(key or uuid.uuid4())}
    if replace:
        data["replace"] = "yes"
    return client.post(f"{reverse('financial_model_save')}?{_query(**changes)}", data)


def test_a_visitor_is_asked_to_sign_in_to_save(client):
    html = _page(client).content.decode()
    assert "Sign in to save this scenario" in html
    response = _save(client)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Scenario.objects.exists()


def test_a_member_saves_a_scenario_and_reopens_it(client):
    user = _member()
    client.force_login(user)
    response = _save(client, name="  Northgate   cautious ", fixed_costs="2500")
    assert response.status_code == 302
    scenario = Scenario.objects.get(owner=user)
    assert scenario.name == "Northgate cautious"
    assert scenario.inputs["fixed_costs"] == "2500"
    listing = client.get(reverse("financial_model_scenarios")).content.decode()
    assert "Northgate cautious" in listing
    opened = client.get(reverse("financial_model_scenario", args=[scenario.pk]))
    assert opened.status_code == 302 and "fixed_costs=2500" in opened["Location"]
    page = client.get(opened["Location"]).content.decode()
    assert 'value="2500"' in page and 'data-figure="surplus"' in page


def test_a_double_submitted_save_makes_one_scenario(client):
    client.force_login(_member())
    key = uuid.uuid4()
    assert _save(client, key=key).status_code == 302
    assert _save(client, key=key).status_code == 302
    assert Scenario.objects.count() == 1


def test_saving_under_a_taken_name_asks_before_replacing(client):
    user = _member()
    client.force_login(user)
    _save(client, name="Bid", fixed_costs="1000")
    response = _save(client, name="Bid", fixed_costs="3000")
    assert response.status_code == 200
    assert "You already have a scenario called “Bid”" in response.content.decode()
    assert Scenario.objects.get(owner=user).inputs["fixed_costs"] == "1000"
    assert _save(client, name="Bid", replace=True, fixed_costs="3000").status_code == 302
    assert Scenario.objects.filter(owner=user).count() == 1
    assert Scenario.objects.get(owner=user).inputs["fixed_costs"] == "3000"


def test_a_scenario_needs_a_name(client):
    client.force_login(_member())
    response = _save(client, name="   ")
    html = response.content.decode()
    assert "<title>Error: " in html
    assert html.count('href="#id_name">Enter a name for the scenario</a>') == 1  # one summary
    assert '<p id="id_name-error" class="govuk-error-message">' in html
    assert not Scenario.objects.exists()


@override_settings(HUB_SCENARIOS_PER_HOUR=2)
def test_saving_is_rate_limited(client):
    client.force_login(_member())
    assert _save(client, name="One").status_code == 302
    assert _save(client, name="Two").status_code == 302
    response = _save(client, name="Three")
    assert "You have saved a lot of scenarios" in response.content.decode()
    assert Scenario.objects.count() == 2


def test_members_rename_and_delete_only_their_own_scenarios(client):
    owner, other = _member(), _member()
    scenario = Scenario.objects.create(owner=owner, name="Mine", inputs=BASE)
    Scenario.objects.create(owner=owner, name="Taken", inputs=BASE)
    client.force_login(other)
    for name in ("financial_model_scenario", "financial_model_scenario_rename",
                 "financial_model_scenario_delete"):  # fmt: skip
        assert client.get(reverse(name, args=[scenario.pk])).status_code == 404
        assert client.post(reverse(name, args=[scenario.pk]), {"name": "x"}).status_code in (
            404, 405,
        )  # fmt: skip
    assert "Mine" not in client.get(reverse("financial_model_scenarios")).content.decode()
    scenario.refresh_from_db()
    assert scenario.name == "Mine"

    client.force_login(owner)
    rename = reverse("financial_model_scenario_rename", args=[scenario.pk])
    taken = client.post(rename, {"name": "Taken"})
    assert "You already have a scenario with that name" in taken.content.decode()
    assert client.post(rename, {"name": "Renamed"}).status_code == 302
    scenario.refresh_from_db()
    assert scenario.name == "Renamed"
    delete = reverse("financial_model_scenario_delete", args=[scenario.pk])
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not Scenario.objects.filter(pk=scenario.pk).exists()


def test_scenario_pages_need_signing_in(client):
    scenario = Scenario.objects.create(owner=_member(), name="Mine", inputs=BASE)
    for url in (reverse("financial_model_scenarios"),
                reverse("financial_model_scenario", args=[scenario.pk])):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_scenario_list_query_count_does_not_grow_with_the_scenarios(client):
    user = _member()
    client.force_login(user)
    for n in range(2):
        Scenario.objects.create(owner=user, name=f"S{n}", inputs=BASE)
    small = _count(client, reverse("financial_model_scenarios"))
    for n in range(2, 30):
        Scenario.objects.create(owner=user, name=f"S{n}", inputs=BASE)
    large = _count(client, reverse("financial_model_scenarios"))
    assert large <= small


def test_the_scenario_list_pages_through_many_scenarios(client):
    user = _member()
    client.force_login(user)
    for n in range(25):
        Scenario.objects.create(owner=user, name=f"Scenario {n:02d}", inputs=BASE)
    first = client.get(reverse("financial_model_scenarios")).content.decode()
    assert first.count('href="/toolkits/financial-model/?') == 20
    after = re.search(r'after=([^"]+)"', first).group(1)
    second = client.get(f"{reverse('financial_model_scenarios')}?after={after}").content.decode()
    assert second.count('href="/toolkits/financial-model/?') == 5


def test_the_model_page_query_count_is_flat(client):
    client.force_login(_member())
    small = _count(client, f"{URL}?{_query(contract_months='6')}")
    large = _count(client, f"{URL}?{_query(contract_months='120')}")
    assert large <= small


def test_demo_scenarios_seed_once_for_the_demo_charity_member(client):
    UserFactory(username=demo_scenarios.OWNER)
    first = demo.scenarios.seed()
    assert "2 new" in first
    assert "0 new" in demo.scenarios.seed()
    assert Scenario.objects.count() == 2
    for scenario in Scenario.objects.all():
        assert "(illustrative)" in scenario.name
        form = FinancialModelForm(scenario.inputs)
        assert form.is_valid(), form.errors


def test_an_answer_left_out_of_the_address_takes_its_usual_value(client):
    shortened = {k: v for k, v in BASE.items() if k not in ("run_off_months", "fixed_costs")}
    html = client.get(f"{URL}?{urlencode(shortened)}").content.decode()
    assert "There is a problem" not in html
    form = FinancialModelForm({**shortened, "run_off_months": "0", "fixed_costs": "0"})
    assert form.is_valid()
    assert f'data-figure="surplus">{_money(run_model(form.model_inputs()).surplus)}<' in html
    # Sent but empty is still a question to answer.
    assert "Enter your fixed costs each month" in _page(client, fixed_costs="").content.decode()


# Results that fit a screen: the key columns first, whole people, the full table on demand.


def test_people_and_pounds_filters_round_to_whole_numbers():
    from toolkits.templatetags.financial_model import people, pounds

    assert people(Decimal("405.6")) == "406"
    assert people(Decimal("6.5")) == "7"  # half up, as people count it
    assert people(Decimal("0.4")) == "0"
    assert people(Decimal("1234.5")) == "1,235"
    assert people(None) == ""
    assert pounds(Decimal("-1234.5")) == "\u2212£1,235"
    assert pounds(Decimal("99.49")) == "£99"


def test_the_key_table_leads_with_money_in_the_bank_net_cash_flow_and_total_costs(client):
    html = _page(client).content.decode()
    key = html[
        html.index('id="monthly-key"') : html.index("</table>", html.index('id="monthly-key"'))
    ]
    headers = re.findall(r'role="columnheader"[^>]*>([^<]+)</th>', key)
    assert headers[:4] == ["Month", "Money in the bank", "Net cash flow", "Total costs"]
    assert len(headers) <= 7
    full = html[html.index('id="monthly-all"') :]
    assert "<details" in html[html.index('id="monthly-all"') - 40 : html.index('id="monthly-all"')]
    assert 'role="region" aria-labelledby="monthly-all-caption" tabindex="0"' in full
    assert full.count('scope="col"', 0, full.index("</thead>")) == 15


def test_displayed_counts_are_whole_people_and_the_export_keeps_the_fractions(client):
    result = _expected()
    html = _page(client).content.decode()
    fractional = [r.job_outcomes for r in result.rows if r.job_outcomes % 1]
    assert fractional, "the preset gives fractional expected job outcomes"
    start = html.index('id="monthly-key"')
    key = html[start : html.index("</table>", start)]
    outcomes = re.findall(r'data-label="Job outcomes">([^<]+)<', key)
    assert len(outcomes) == len(result.rows)
    assert all(re.fullmatch(r"[\d,]+", value) for value in outcomes)
    assert re.fullmatch(r"[\d,]+", re.search(r'data-figure="starts">([^<]+)<', html).group(1))
    exported = client.get(f"{URL}financial-model.csv?{_query()}")
    body = b"".join(exported.streaming_content) if exported.streaming else exported.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    column = rows[0].index("Job outcomes")
    assert any(float(row[column]) % 1 for row in rows[1:])


def test_what_if_grid_shows_whole_pounds_under_short_headings(client):
    html = _page(client).content.decode()
    grid = html[
        html.index('id="what-if-caption"') : html.index(
            "</table>", html.index('id="what-if-caption"')
        )
    ]
    assert '<span class="govuk-visually-hidden">Outcome rate </span>+20%' in grid
    cells = re.findall(r'data-what-if="[^"]+">\s*([^<]+)<', grid)
    assert cells and all(re.fullmatch(r"\u2212?£[\d,]+", cell.strip()) for cell in cells)
