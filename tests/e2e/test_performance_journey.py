"""The performance database journey end to end in Chromium, with JavaScript on and off."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from cases.performance import services as records
from cases.performance.models import PerformanceRecord, RecordUpload
from tests.cases.records_helpers import figures, supply_chain
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import CaseStudyFactory, OrganisationFactory, admin_of, member_of, moderator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GOOD = [
    ["subcontractor", "{prime}", "work-and-health-programme", "CPA5", "jsa-25", "2025-04",
     "2025-06", "200", "180", "60", "30", "12", "40", "public"],
    ["subcontractor", "{prime}", "work-and-health-programme", "CPA5", "jsa-18-24", "2025-04",
     "2025-06", "150", "140", "50", "28", "", "30", "public"],
    ["subcontractor", "{prime}", "work-and-health-programme", "CPA5", "new-esa-claimants",
     "2025-04", "2025-06", "90", "80", "12", "5", "", "8", "public"],
]  # fmt: skip


def _csv(header, rows, prime_name) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell.replace("{prime}", prime_name) for cell in row])
    return out.getvalue().encode()


def test_upload_confirm_verify_dispute_benchmark_and_evidence(
    new_page, auditor, js_enabled, live_server
):
    chain = supply_chain()
    sub, prime = chain["sub"], chain["prime"]
    for n in range(4):  # peers, so the benchmark has a spread to show
        peer = OrganisationFactory(name=f"Peer Provider {n}", kind="prime")
        records.record_create(
            actor=admin_of(peer), organisation=peer,
            data=figures(job_outcomes=20 + 5 * n, profile_job_outcomes=30),
        )  # fmt: skip

    # The subcontractor's admin downloads the template and uploads a file with three bad rows.
    page = new_page()
    sign_in(page, auditor, js_enabled, chain["sub_admin"].email)
    page.goto("/performance/")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Upload a spreadsheet of records").click()
    auditor.check(page, js_enabled)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the template as a CSV file").click()
    header = next(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert "job_outcomes" in header and "period_start" in header
    bad = [list(GOOD[0]), list(GOOD[1]), list(GOOD[2])]
    bad[0][10] = "ten"  # job_outcomes not a number
    bad[1][9], bad[1][10] = "20", "45"  # outcomes above starts
    bad[2][3] = "CPA99"  # no such area
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "records.csv", "mimeType": "text/csv",
                "buffer": _csv(header, bad, prime.name)}]
    )  # fmt: skip
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("main")).to_contain_text("Nothing has been saved")
    problem_rows = page.locator("#problems tbody tr td:first-child").all_inner_texts()
    assert {"2", "3", "4"} <= {text.strip() for text in problem_rows}, problem_rows
    auditor.check(page, js_enabled)
    assert not PerformanceRecord.objects.filter(organisation=sub).exists()

    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "records.csv", "mimeType": "text/csv",
                "buffer": _csv(header, GOOD, prime.name)}]
    )  # fmt: skip
    page.get_by_role("button", name="Check the file").click()
    auditor.check(page, js_enabled)
    page.get_by_role("button", name="Save 3 records").click()
    expect(page.get_by_role("main")).to_contain_text("records.csv")
    auditor.check(page, js_enabled)
    assert PerformanceRecord.objects.filter(organisation=sub).count() == 3
    assert RecordUpload.objects.get().row_count == 3
    first, second, third = PerformanceRecord.objects.filter(organisation=sub).order_by("id")

    # The prime's member confirms a subcontractor record.
    prime_page = new_page()
    sign_in(prime_page, auditor, js_enabled, chain["prime_member"].email)
    prime_page.goto(first.get_absolute_url())
    auditor.check(prime_page, js_enabled)
    prime_page.get_by_role("link", name="Confirm these figures").click()
    auditor.check(prime_page, js_enabled)
    prime_page.get_by_role("button", name="Confirm the figures").click()
    expect(prime_page.locator(".govuk-tag", has_text="Partner-confirmed")).to_be_visible()
    auditor.check(prime_page, js_enabled)

    # A moderator verifies one.
    mod_page = new_page()
    sign_in(mod_page, auditor, js_enabled, moderator().email)
    mod_page.goto(second.get_absolute_url())
    mod_page.get_by_role("link", name="Verify with a note on the evidence").click()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_role("button", name="Verify").click()
    expect(mod_page.locator(".govuk-error-summary")).to_be_visible()
    auditor.check(mod_page, js_enabled)
    mod_page.get_by_label("What evidence did you check?").fill("Saw the quarterly MI return.")
    mod_page.get_by_role("button", name="Verify").click()
    expect(mod_page.locator(".govuk-tag", has_text="Verified")).to_be_visible()
    auditor.check(mod_page, js_enabled)

    # A member of another organisation disputes one.
    other = new_page()
    sign_in(other, auditor, js_enabled, member_of(OrganisationFactory()).email)
    other.goto(third.get_absolute_url())
    other.get_by_role("link", name="Dispute this record").click()
    auditor.check(other, js_enabled)
    other.get_by_label("What looks wrong?").fill("Outcomes look high for new ESA claimants.")
    other.get_by_role("button", name="Dispute it").click()
    expect(other.get_by_role("main")).to_contain_text("Outcomes look high for new ESA claimants.")
    auditor.check(other, js_enabled)
    statuses = PerformanceRecord.objects.filter(organisation=sub).order_by("id")
    assert [r.status for r in statuses] == ["peer_confirmed", "verified", "disputed"]

    # An anonymous visitor opens a benchmark with its chart and data table.
    case_study = CaseStudyFactory(
        organisation=sub, author=chain["sub_admin"], title="Texts at night"
    )
    case_study.cited_records.add(first)
    anon = new_page()
    anon.goto(first.get_absolute_url())
    auditor.check(anon, js_enabled)
    anon.get_by_role(
        "link", name="Compare with peers on the same programme, group and period"
    ).click()
    expect(anon.locator("main svg[role='img']").first).to_be_visible()
    expect(anon.locator("main table").first).to_be_visible()
    auditor.check(anon, js_enabled)
    anon.goto("/performance/benchmarks/")
    auditor.check(anon, js_enabled)

    # The case study citing the confirmed record shows its badge.
    anon.goto(case_study.get_absolute_url())
    expect(anon.locator(".govuk-tag", has_text="Evidenced by data")).to_be_visible()
    auditor.check(anon, js_enabled)
    assert re.search("Texts at night", anon.content())
