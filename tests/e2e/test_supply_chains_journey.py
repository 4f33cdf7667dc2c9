"""Subcontract opportunities and conduct feedback end to end in Chromium, JavaScript on and off:
a prime publishes, a charity finds, compares, models and expresses interest, the prime answers,
and a subcontractor's feedback shows only once enough organisations have answered."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hub.base.models import Area, Organisation
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, admin_of, member_of, moderator
from tests.toolkits.supplychains_helpers import SCORES, chain, publish
from toolkits.supplychains import services as supply

COMMENT = "Payments arrived late in the first quarter, then on time."

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def no_sideways_scroll(page):
    original = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 900})
    try:
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 320px"
    finally:
        page.set_viewport_size(original)


def look(page, auditor, js_enabled):
    auditor.check(page, js_enabled)
    no_sideways_scroll(page)


def test_publish_find_compare_model_express_answer_and_give_conduct_feedback(
    new_page, auditor, js_enabled, live_server, settings
):
    settings.HUB_CONDUCT_MIN_ORGANISATIONS = 2
    north_east = Area.objects.get(code="CPA5")
    prime = OrganisationFactory(name="Testgate Prime Partnership", kind=Organisation.Kind.PRIME)
    prime_admin = admin_of(prime)
    publish(prime, actor=prime_admin, title="Earlier offer for comparison", areas=[north_east])
    publish(
        prime, actor=prime_admin, title="Elsewhere offer", areas=[Area.objects.get(code="CPA1")]
    )
    charity = OrganisationFactory(name="Brightside Test Charity", kind=Organisation.Kind.VCS)
    charity_admin = admin_of(charity)

    # The prime's admin publishes an opportunity with its fact sheet.
    page = new_page()
    sign_in(page, auditor, js_enabled, prime_admin.email)
    page.goto("/toolkits/opportunities/new/")
    look(page, auditor, js_enabled)
    page.get_by_role("button", name="Publish the opportunity").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    look(page, auditor, js_enabled)
    page.get_by_label("Title").fill("Journey test end-to-end offer")
    page.get_by_label("What the service is").fill("Support **everyone** referred to work.")
    page.get_by_label("Programme").select_option(label="Work Programme")
    page.get_by_role("group", name="Areas").get_by_label("North East", exact=True).check()
    page.get_by_label("End-to-end delivery").check()
    page.get_by_label("Expected referrals a month").fill("22")
    page.get_by_label("Contract length in months").fill("30")
    page.get_by_label("Attachment fee per person (£)").fill("275")
    page.get_by_label("Job outcome payment (£)").fill("1350")
    page.get_by_label("Each sustainment payment (£)").fill("110")
    page.get_by_label("Number of sustainment payments").fill("6")
    page.get_by_label("Prime's management fee (%)").fill("18")
    page.get_by_label("Payment terms (days from invoice to payment)").fill("30")
    page.get_by_label("What the prime provides").fill("Training and premises.")
    page.get_by_label("IT systems you must use").fill("Our case management system.")
    page.get_by_label("Minimum insurance").fill("£5 million public liability")
    page.get_by_label("How to apply").fill("Express interest on the hub.")
    deadline = timezone.localdate() + datetime.timedelta(days=21)
    page.get_by_label("Deadline for expressions of interest").fill(deadline.isoformat())
    page.get_by_role("button", name="Publish the opportunity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Journey test end-to-end offer")
    look(page, auditor, js_enabled)

    # A charity's admin finds it by filter and compares it with another.
    visitor = new_page()
    sign_in(visitor, auditor, js_enabled, charity_admin.email)
    visitor.goto("/toolkits/opportunities/")
    look(visitor, auditor, js_enabled)
    visitor.get_by_role("group", name="Area").get_by_role(
        "checkbox", name=re.compile(r"^North East \(")
    ).check()
    visitor.get_by_role("button", name="Apply filters").click()
    main = visitor.get_by_role("main")
    expect(main).to_contain_text("Journey test end-to-end offer")
    expect(main).not_to_contain_text("Elsewhere offer")
    look(visitor, auditor, js_enabled)
    visitor.get_by_label("Compare Journey test end-to-end offer").check()
    visitor.get_by_label("Compare Earlier offer for comparison").check()
    visitor.get_by_role("button", name="Compare ticked opportunities").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Compare subcontract opportunities"
    )
    expect(visitor.get_by_role("table")).to_contain_text("£1,350.00")
    look(visitor, auditor, js_enabled)

    # It opens the new one in the financial model, filled in with the prime's terms.
    visitor.get_by_role(
        "link", name="Model Journey test end-to-end offer in the financial model"
    ).click()
    expect(visitor.get_by_role("region", name="Filled in from an opportunity")).to_be_visible()
    expect(visitor.get_by_label("How many months does the contract last?")).to_have_value("30")
    expect(visitor.get_by_label("Group 1: outcome payment")).to_have_value("1350")
    look(visitor, auditor, js_enabled)

    # It sends an expression of interest.
    visitor.get_by_role("link", name="Journey test end-to-end offer").click()
    visitor.get_by_role("link", name="Express interest").click()
    look(visitor, auditor, js_enabled)
    visitor.get_by_label("What would you deliver?").fill("Mentoring in the North East.")
    visitor.get_by_label("Your experience with these claimant groups, and your results").fill(
        "Eight years with JSA 25+."
    )
    visitor.get_by_label("How many people could you take on each month?").fill("12")
    visitor.get_by_role("button", name="Send expression of interest").click()
    expect(visitor.get_by_role("main")).to_contain_text("Sent")
    look(visitor, auditor, js_enabled)

    # The prime answers it in its one list.
    page.reload()
    page.get_by_role("link", name="Expressions of interest (1)").click()
    expect(page.get_by_role("main")).to_contain_text("Brightside Test Charity")
    look(page, auditor, js_enabled)
    page.get_by_role("link", name="Answer Brightside Test Charity").click()
    page.get_by_label("Shortlist").check()
    page.get_by_label("Message to the organisation (optional)").fill("Let us meet.")
    look(page, auditor, js_enabled)
    page.get_by_role("button", name="Send answer").click()
    expect(page.get_by_role("main")).to_contain_text("Shortlisted")
    visitor.reload()
    expect(visitor.get_by_role("main")).to_contain_text("Shortlisted")

    # A subcontractor's member gives conduct feedback; it shows once two organisations answered.
    sub = OrganisationFactory(name="Chainlink Test Provider")
    chain(prime, sub)
    other = OrganisationFactory(name="Otherlink Test Provider")
    chain(prime, other)
    supply.conduct_feedback_set(
        actor=member_of(other), prime=prime, organisation=other, scores=SCORES
    )
    member = new_page()
    sign_in(member, auditor, js_enabled, member_of(sub).email)
    member.goto(f"/toolkits/conduct/{prime.slug}/")
    expect(member.get_by_role("main")).to_contain_text("fewer than 2 organisations")
    look(member, auditor, js_enabled)
    member.get_by_role("link", name="Give feedback on Testgate Prime Partnership").click()
    look(member, auditor, js_enabled)
    for name, score in SCORES.items():
        member.locator(f"input[name='{name}'][value='{score}']").check()
    member.get_by_label("Comment (optional)").fill(COMMENT)
    member.get_by_role("button", name="Send feedback").click()
    main = member.get_by_role("main")
    expect(main).to_contain_text("2 organisations answered")
    expect(main).not_to_contain_text("Chainlink Test Provider")
    look(member, auditor, js_enabled)
    expect(main).not_to_contain_text(COMMENT)  # held until a moderator reads it
    member.goto(prime.get_absolute_url())
    expect(member.get_by_role("main")).to_contain_text("2 organisations answered")
    expect(member.get_by_role("main")).not_to_contain_text(COMMENT)
    look(member, auditor, js_enabled)

    # A moderator publishes the comment from the admin's "Held for review" queue.
    mod = new_page()
    sign_in(mod, auditor, js_enabled, moderator().email)
    mod.goto("/admin/moderation/held/")
    expect(mod.get_by_role("main")).to_contain_text(COMMENT)
    expect(mod.get_by_role("main")).not_to_contain_text("Chainlink Test Provider")
    mod.get_by_role("button", name="Publish").first.click()
    member.goto(f"/toolkits/conduct/{prime.slug}/")
    expect(member.get_by_role("main")).to_contain_text(COMMENT)
    expect(member.get_by_role("main")).not_to_contain_text("Chainlink Test Provider")
    look(member, auditor, js_enabled)
