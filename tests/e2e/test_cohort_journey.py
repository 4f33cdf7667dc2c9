"""Cohort records end to end in Chromium, JavaScript on and off: an organisation admin uploads a
cohort file with bad rows (nothing saved, each row named), then a good one, and sees the cohort
benchmark; every page passes axe and has no sideways scroll at 320 px."""

import csv
import io
from datetime import date

import pytest
from playwright.sync_api import expect

from cases.performance import cohort_services, cohorts
from cases.performance.models import CohortRecord, Programme
from hub.base.models import Area, ClaimantGroup
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, admin_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MONTHS = cohorts.window_ending(date(2025, 6, 1))


def _row(month: date, attached="100", outcome12="20"):
    return ["prime", "", "work-and-health-programme", "CPA5", "jsa-25", f"{month:%Y-%m}",
            attached, "30", "40", "45", "50", "5", "12", outcome12, "", "0", "4", "9", "",
            "public"]  # fmt: skip


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def _no_sideways_scroll(page):
    page.set_viewport_size({"width": 320, "height": 900})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert width <= 320, f"{page.url} is {width}px wide at 320px"


def _check(page, auditor, js_enabled):
    auditor.check(page, js_enabled)
    _no_sideways_scroll(page)


def test_admin_uploads_cohorts_with_bad_rows_then_good_ones_and_sees_the_benchmark(
    new_page, auditor, js_enabled, live_server
):
    organisation = OrganisationFactory(name="Fictional Cohort Trust", kind="prime")
    admin = admin_of(organisation)
    terms = {
        "programme": Programme.objects.get(slug="work-and-health-programme"),
        "area": Area.objects.get(code="CPA5"),
        "claimant_group": ClaimantGroup.objects.get(slug="jsa-25"),
    }
    for n in range(4):  # peers with the same year of cohorts
        peer = OrganisationFactory(name=f"Fictional Peer {n}", kind="prime")
        for month in MONTHS:
            cohort_services.build(
                organisation=peer,
                data={**terms, "role": "prime", "cohort_month": month, "attached": 50,
                      "job_outcomes_by_12": 5 + n, "visibility": "public"},
            ).save()  # fmt: skip

    page = new_page()
    sign_in(page, auditor, js_enabled, admin.email)
    page.goto("/performance/cohorts/")
    _check(page, auditor, js_enabled)
    page.get_by_role("link", name="Upload a spreadsheet of cohorts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload cohort records")
    _check(page, auditor, js_enabled)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the template as a CSV file").click()
    header = next(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert "cohort_month" in header and "job_outcomes_by_12" in header

    bad = [_row(m) for m in MONTHS[:4]]
    bad[1][6] = "lots"  # row 3: attached not a number
    bad[2][13] = "2"  # row 4: 12-month outcomes below 6-month ones
    bad[3][3] = "CPA99"  # row 5: no such area
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "cohorts.csv", "mimeType": "text/csv", "buffer": _csv(header, bad)}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("main")).to_contain_text("Nothing has been saved")
    rows = page.locator("#problems tbody tr td:first-child").all_inner_texts()
    assert {"3", "4", "5"} == {text.strip() for text in rows}, rows
    _check(page, auditor, js_enabled)
    assert not CohortRecord.objects.filter(organisation=organisation).exists()

    good = [_row(m, outcome12=str(18 + i)) for i, m in enumerate(MONTHS)]
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "cohorts.csv", "mimeType": "text/csv", "buffer": _csv(header, good)}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the cohorts before saving")
    _check(page, auditor, js_enabled)
    page.get_by_role("button", name="Save 12 cohorts").click()
    expect(page.get_by_role("main")).to_contain_text("Saved 12 cohorts from cohorts.csv")
    assert CohortRecord.objects.filter(organisation=organisation).count() == 12

    # The cohort benchmark, chosen with the plain GET form.
    page.goto("/performance/benchmarks/")
    _check(page, auditor, js_enabled)
    page.get_by_role("link", name="Show cohort figures").click()
    expect(page.get_by_role("main")).to_contain_text("Showing cohort figures")
    page.get_by_label("Cohorts up to").select_option("2025-06")
    page.get_by_role("button", name="Show benchmarks").click()
    table = page.locator("#cohort-peers")
    expect(table).to_contain_text("Fictional Cohort Trust")
    # 18 + 19 + ... + 29 = 282 of 12 × 100 attached.
    expect(table).to_contain_text("23.5% (282 of 1,200 attached)")
    expect(page.locator("#cohort-spread")).to_contain_text("Median")
    _check(page, auditor, js_enabled)

    page.goto("/performance/definitions/")
    expect(page.locator("#cohort-example-rate")).to_have_text("24.0% (36 of 150 attached)")
    _check(page, auditor, js_enabled)
