"""The Star Rating in four areas and the supply-chain view in Chromium, JavaScript on and off:
every page scanned by axe at 320 and 1280 px, and none scrolls sideways at 320 px."""

import csv
import io

import pytest
from playwright.sync_api import expect

from hub.base.models import SupplyChainLink
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, member_of
from tests.hub.test_ratings import (  # noqa: F401 (taxonomy is a fixture)
    css_result,
    rated_group,
    record,
    taxonomy,
    verified_accreditation,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def no_sideways_scroll(page) -> None:
    original = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 900})
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{page.url} is {width}px wide at 320px"
    finally:
        page.set_viewport_size(original)


def test_a_visitor_opens_an_organisations_star_rating_and_sees_four_areas_with_reasons(
    new_page,
    auditor,
    js_enabled,
    live_server,
    taxonomy,  # noqa: F811
):
    organisations = rated_group(taxonomy)
    subject = organisations[-1]
    css_result(subject)
    verified_accreditation(subject)
    page = new_page()
    page.goto(subject.get_absolute_url())
    auditor.check(page, js_enabled)
    expect(page.get_by_role("main")).to_contain_text("Merlin Standard")
    page.get_by_role("link", name="Star Rating in four areas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Star Rating")
    main = page.get_by_role("main")
    for area in ("Outcomes", "Value for money", "Quality", "Customer experience"):
        expect(main.locator("dt", has_text=area)).to_be_visible()
    expect(main).to_contain_text("Mix-adjusted percentile rank 90.0: 5 stars")
    expect(main).to_contain_text("Not enough data: no claimant feedback yet.")
    expect(main).to_contain_text("from 3 of 4 areas, re-weighted; missing: customer experience")
    page.get_by_text("How each area was worked out").first.click()
    expect(main).to_contain_text("Funding per job outcome")
    auditor.check(page, js_enabled)
    no_sideways_scroll(page)
    page.get_by_role("link", name="How the Star Rating works").click()
    expect(page.get_by_role("main")).to_contain_text("mix-adjusted rank = Σ")
    auditor.check(page, js_enabled)
    no_sideways_scroll(page)
    assert not page.console_errors


def test_a_primes_member_opens_the_supply_chain_view_and_downloads_it(
    new_page,
    auditor,
    js_enabled,
    live_server,
    taxonomy,  # noqa: F811
):
    prime = OrganisationFactory(kind="prime", name="Fictional Prime Partnership")
    record(taxonomy, prime, outcomes=30, funding=90000)
    subs = []
    for n in range(4):
        sub = OrganisationFactory(kind="end_to_end", name=f"Fictional Subcontractor {n + 1}")
        SupplyChainLink.objects.create(prime=prime, subcontractor=sub, status="confirmed",
                                       proposed_by_organisation=prime)  # fmt: skip
        record(taxonomy, sub, outcomes=15 + 5 * n, prime=prime, funding=50000)
        subs.append(sub)
    record(taxonomy, OrganisationFactory(name="Fictional Outsider"), outcomes=50)
    member = member_of(subs[0])

    page = new_page()
    sign_in(page, auditor, js_enabled, member.email)
    page.goto(subs[0].get_absolute_url())
    auditor.check(page, js_enabled)
    page.get_by_role(
        "link", name="See Fictional Prime Partnership's supply chain side by side"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The supply chain side by side")
    table = page.get_by_role("table", name="Each organisation in the supply chain")
    for name in ["Fictional Prime Partnership", *(s.name for s in subs)]:
        expect(table).to_contain_text(name)
    expect(table).not_to_contain_text("Fictional Outsider")
    expect(page.get_by_role("main")).to_contain_text("supply chain (5 with records)")
    auditor.check(page, js_enabled)
    no_sideways_scroll(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV file of the supply chain").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert rows[0][:2] == ["Organisation", "Role"]
    assert {row[0] for row in rows[1:]} >= {"Fictional Prime Partnership", "Supply chain median"}
    assert download.value.suggested_filename.endswith(".csv")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel file of the supply chain").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert not page.console_errors
