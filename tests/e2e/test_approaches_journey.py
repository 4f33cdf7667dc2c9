"""The What works toolkit end to end in Chromium, with JavaScript on and off: a visitor filters
the toolkit, opens an approach and its best-evidenced case study; an adviser posts a case study
with evidence and links it to the approach, and the approach's summary changes."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from cases.casestudies.models import CaseStudy
from hub.base.models import ClaimantGroup, JourneyStage
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, member_of
from tests.hub.test_approaches import linked, make_approach, strong, weak

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_filter_the_toolkit_open_an_approach_and_post_evidence(
    new_page, auditor, js_enabled, live_server
):
    esa = ClaimantGroup.objects.get(name="New ESA claimants")
    in_work = JourneyStage.objects.get(name="In-work support")
    texting = make_approach("In-work support by text", claimant_groups=[esa],
                            journey_stages=[in_work])  # fmt: skip
    best = strong(texting, title="Texts on payday kept new starters in work", participants=180,
                  job_starts=50, job_outcomes=45)  # fmt: skip
    strong(texting, title="Shift-friendly check-ins by text")
    weak(texting, title="A text a week for a month")
    mentoring = make_approach("Volunteer mentoring", claimant_groups=[esa])
    weak(mentoring)
    weak(mentoring)
    linked(make_approach("Job clubs in the library"), participants=30, job_outcomes=3)

    # A visitor filters the toolkit to ESA claimants, in-work support, evidence 3+.
    page = new_page()
    page.goto("/what-works/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What works")
    auditor.check(page, js_enabled)
    page.get_by_label("Claimant group").select_option(label="New ESA claimants")
    page.get_by_label("Journey stage").select_option(label="In-work support")
    page.get_by_label("Evidence strength").select_option(label="3 or more padlocks")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="1 of 3 approaches")).to_be_visible()
    table = page.locator("table.hub-toolkit-table")
    expect(table.get_by_role("link", name="Volunteer mentoring")).to_have_count(0)
    auditor.check(page, js_enabled)
    # The table sorts by links, keeping the filters.
    page.get_by_role("link", name="Cost (select to sort)").click()
    expect(page).to_have_url(re.compile(r"evidence=3.*sort=cost"))
    auditor.check(page, js_enabled)

    # It opens the approach and sees its cost, evidence and impact, with how they are weighed.
    table.get_by_role("link", name="In-work support by text").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("In-work support by text")
    summary = page.locator("dl.govuk-summary-list").first
    expect(summary).to_contain_text("Moderate")  # costs 200, 400, 400: £400
    expect(summary).to_contain_text("Typical")
    # (180 x (25 - 12) + 150 x (20 - 12) + 50 x (20 - 16)) / 380 = 9.8 points
    expect(summary).to_contain_text("+9.8 percentage points")
    expect(page.locator("figure.hub-figure svg[role=img]")).to_have_count(2)  # wide and narrow
    auditor.check(page, js_enabled)

    # ...and opens its best-evidenced case study, which shows each reason.
    page.get_by_role("table").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(best.title)
    expect(page.get_by_text("Why it has 5 padlocks")).to_be_visible()
    expect(page.get_by_role("row", name="Compared like for like")).to_contain_text("Yes")
    auditor.check(page, js_enabled)

    # An adviser posts a case study with evidence and links it to the approach.
    organisation = OrganisationFactory(name="Harbourside Test Works")
    adviser = member_of(organisation)
    page = new_page()
    sign_in(page, auditor, js_enabled, adviser.email)
    page.goto("/case-studies/new/")
    page.get_by_label("Title").fill("Texting new starters after every shift")
    page.get_by_label("Summary").fill("A short text after each early shift in the first month.")
    page.get_by_label("New ESA claimants").check()
    page.get_by_label("In-work support", exact=True).check()
    page.locator("#id_period_start_0").fill("3")
    page.locator("#id_period_start_1").fill("2024")
    page.get_by_label("End-to-end (from referral to work)").check()
    page.get_by_label("How was it delivered?").fill("Texts from the adviser's work phone.")
    page.get_by_label("What did you do?").fill("- Asked each starter when their shifts end")
    page.get_by_label("The story").fill("Starters said a call at work was awkward.")
    page.get_by_label("What were the outcomes?").fill("More stayed in work.")
    page.get_by_text("In figures: people supported").click()  # <details> sections
    page.get_by_label("How many people took part?").fill("100")
    page.get_by_label("How many started work?").fill("60")
    page.get_by_label("How many reached a job outcome?").fill("40")
    page.get_by_label("Lessons and pitfalls").fill("Ask before texting.")
    page.get_by_text("The evidence: comparison, cost").click()
    page.get_by_label("In-work support by text").check()
    page.get_by_label("A comparison group").check()
    page.get_by_label("The comparison's job outcome rate").fill("20")
    page.get_by_label("For how many months did you follow people up?").fill("9")
    page.get_by_label("Cost per participant").fill("150")
    auditor.check(page, js_enabled)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Texting new starters after every shift"
    )
    posted = CaseStudy.objects.get(title="Texting new starters after every shift")
    assert posted.comparison == "comparison_group"
    assert posted.comparison_outcome_rate == Decimal(20)
    expect(page.get_by_text("Why it has 5 padlocks")).to_be_visible()
    auditor.check(page, js_enabled)

    # The approach's summary now counts it: +20 points for 100 more people.
    page.get_by_role("link", name="In-work support by text").click()
    summary = page.locator("dl.govuk-summary-list").first
    # (180 x 13 + 150 x 8 + 50 x 4 + 100 x 20) / 480 = 11.96 -> 12.0 points;
    # costs 150, 200, 400 and 400: £300 in the middle, Low
    expect(summary).to_contain_text("+12.0 percentage points")
    expect(summary).to_contain_text("Low")
    expect(summary).to_contain_text("4 published case studies")
    auditor.check(page, js_enabled)
    assert not page.console_errors
