"""Claimant feedback end to end in Chromium, with JavaScript on and off: a signed-out claimant
answers through the link (a comment with a phone number is held back), another gives a clean
comment, and the organisation's admin publishes the clean one."""

import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from cases.feedback import services
from cases.feedback.models import FeedbackResponse
from hub.base.models import JourneyStage
from tests.e2e.test_accounts_and_organisations import sign_in
from tests.factories import OrganisationFactory, admin_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = "Ring me on 07700 900123 about the forklift course"
CLEAN = "The job club gave me the confidence to apply again"


def fits_320(page):
    page.set_viewport_size({"width": 320, "height": 900})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert width <= 320, f"{page.url} scrolls sideways at 320 px ({width} px wide)"


def check(page, auditor, js_enabled):
    auditor.check(page, js_enabled)
    fits_320(page)


def give_feedback(page, auditor, js_enabled, url, comment):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us how it went")
    check(page, auditor, js_enabled)
    # A missing answer is shown beside its question; the comment is kept.
    page.get_by_label("Anything else you want to tell us? (optional)").fill(comment)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select how well you were treated")
    assert (
        page.get_by_label("Anything else you want to tell us? (optional)").input_value() == comment
    )
    check(page, auditor, js_enabled)
    page.get_by_role("group", name="How well were you treated?").get_by_label(
        "Well", exact=True
    ).check()
    page.get_by_role("group", name="Did they help you get closer to work?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("group", name=re.compile("Would you tell a friend")).get_by_label(
        "Yes"
    ).check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your feedback")
    expect(page.get_by_role("main")).to_contain_text("Someone will read your comment")
    check(page, auditor, js_enabled)


@override_settings(HUB_FEEDBACK_MIN_RESPONSES=3)
def test_a_claimant_gives_feedback_and_the_admin_publishes_a_clean_comment(
    new_page, auditor, js_enabled, live_server
):
    organisation = OrganisationFactory(name="Lantern Test Employment (fictional)")
    admin = admin_of(organisation)
    stage = JourneyStage.objects.order_by("sort_order").first()
    link = services.feedback_link_create(actor=admin, organisation=organisation, stage=stage)
    url = f"/f/{link.token}/"

    claimant = new_page()
    give_feedback(claimant, auditor, js_enabled, url, PHONE)
    give_feedback(new_page(), auditor, js_enabled, url, CLEAN)
    held = FeedbackResponse.objects.get(comment=PHONE)
    assert held.review_state == "held" and held.held_reasons == ["phone"]

    # Nothing held shows on the public page.
    claimant.goto(f"/feedback/organisations/{organisation.slug}/")
    check(claimant, auditor, js_enabled)
    expect(claimant.get_by_role("main")).not_to_contain_text("07700")
    expect(claimant.get_by_role("main")).not_to_contain_text(CLEAN)
    expect(claimant.get_by_role("main")).to_contain_text("Not enough responses yet (2 of 3)")
    services.feedback_submit(link=link, treated=3, helped="no", recommend="not_sure")

    page = new_page()
    sign_in(page, auditor, js_enabled, admin.email)
    page.goto(organisation.get_absolute_url())
    page.get_by_role("link", name="Feedback links, results and comments to review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Claimant feedback")
    expect(page.get_by_role("main")).to_contain_text("This may contain a phone number")
    check(page, auditor, js_enabled)
    clean = FeedbackResponse.objects.get(comment=CLEAN)
    page.locator(f"form[action$='/comments/{clean.pk}/publish/'] button").click()
    expect(page.get_by_role("main")).to_contain_text("The comment is published")
    check(page, auditor, js_enabled)
    clean.refresh_from_db()
    held.refresh_from_db()
    assert clean.review_state == "published" and held.review_state == "held"

    expect(page.get_by_role("img", name="Customer experience score by quarter")).to_be_visible()

    # The public page now shows the score and the published comment, never the held one.
    claimant.goto(f"/feedback/organisations/{organisation.slug}/")
    expect(claimant.get_by_role("main")).to_contain_text("Customer experience score")
    expect(claimant.get_by_role("main")).to_contain_text(CLEAN)
    expect(claimant.get_by_role("main")).not_to_contain_text("07700")
    check(claimant, auditor, js_enabled)

    # The admin counts this quarter's complaints by theme; the programme view lists themes.
    page.goto(f"/feedback/manage/{organisation.slug}/")
    page.get_by_role("link", name="Add this quarter's complaint themes").click()
    check(page, auditor, js_enabled)
    page.get_by_label("Not enough contact or hard to reach").fill("-2")
    page.get_by_role("button", name="Save complaint themes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter 0 or more")
    check(page, auditor, js_enabled)
    page.get_by_label("Not enough contact or hard to reach").fill("2")
    page.get_by_role("button", name="Save complaint themes").click()
    expect(page.get_by_role("main")).to_contain_text("Your complaint themes are saved")
    claimant.goto("/feedback/")
    expect(claimant.get_by_role("main")).to_contain_text("Not enough organisations yet (1 of")
    check(claimant, auditor, js_enabled)

    # The printable QR code page.
    page.get_by_role("link", name=re.compile("Print QR code")).first.click()
    expect(page.get_by_role("img", name=re.compile("QR code for"))).to_be_visible()
    check(page, auditor, js_enabled)
    assert not claimant.console_errors and not page.console_errors
