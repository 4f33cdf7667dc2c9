"""The foundation's journeys, end to end in Chromium, with JavaScript on and off."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from hub.base.models import Membership, Organisation, User
from tests.e2e.conftest import account_menu
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, admin_of

# serialized_rollback restores what the data migrations made (home page, taxonomies, groups)
# after each test flushes the database.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, auditor, js_enabled, email, password=PASSWORD):
    page.goto("/accounts/login/")
    auditor.check(page, js_enabled)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_sign_up_verify_sign_in_create_organisation_and_approve_a_join_request(
    new_page, auditor, js_enabled, live_server
):
    page = new_page()

    # A visitor arrives on the home page and creates an account.
    page.goto("/")
    auditor.check(page, js_enabled)
    page.get_by_role("main").get_by_role("link", name="Create an account").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    auditor.check(page, js_enabled)

    # A mistake is shown beside the field, and what was typed is kept.
    page.get_by_label("Your name").fill("Nadia Newman")
    page.get_by_label("Job title (optional)").fill("Employment adviser")
    page.get_by_label("Email").fill("nadia.new@example.org")
    page.get_by_label("Username").fill("nadia.new")
    page.get_by_label("Password", exact=True).fill("a-long-enough-passphrase")
    page.get_by_label("Password (again)").fill("a-different-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_label("Email")).to_have_value("nadia.new@example.org")
    auditor.check(page, js_enabled)

    page.get_by_label("Password", exact=True).fill("a-long-enough-passphrase")
    page.get_by_label("Password (again)").fill("a-long-enough-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")
    auditor.check(page, js_enabled)
    assert not User.objects.get(username="nadia.new").emailaddress_set.get().verified
    assert User.objects.get(username="nadia.new").job_title == "Employment adviser"

    # Signing in before verifying does not get in.
    sign_in(page, auditor, js_enabled, "nadia.new@example.org", "a-long-enough-passphrase")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")

    # The email's link verifies the address.
    confirmation = next(m for m in mail.outbox if "nadia.new@example.org" in m.to)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", confirmation.body).group(0)
    page.goto(link)
    auditor.check(page, js_enabled)
    page.get_by_role("button", name=re.compile("Confirm")).click()
    assert User.objects.get(username="nadia.new").emailaddress_set.get().verified

    # Now signing in works.
    sign_in(page, auditor, js_enabled, "nadia.new@example.org", "a-long-enough-passphrase")
    expect(account_menu(page).get_by_role("button", name="Sign out")).to_be_visible()

    # The profile: only its owner edits it.
    account_menu(page).get_by_role("link", name="Your profile").click()
    auditor.check(page, js_enabled)
    page.get_by_label("Display name").fill("Nadia Newman")
    page.get_by_label("Job title").fill("Employment adviser")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("profile has been saved")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="your public profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nadia Newman")
    auditor.check(page, js_enabled)

    # She adds her organisation from the directory.
    page.goto("/organisations/")
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Add your organisation").click()
    auditor.check(page, js_enabled)
    page.get_by_role("button", name="Add organisation").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    auditor.check(page, js_enabled)
    page.get_by_label("Organisation name").fill("Brookside Employment Trust")
    page.get_by_label("Voluntary or community sector organisation").check()
    page.get_by_label("North East", exact=True).check()
    page.get_by_role("button", name="Add organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brookside Employment Trust")
    auditor.check(page, js_enabled)
    organisation = Organisation.objects.get(name="Brookside Employment Trust")
    assert organisation.memberships.get().role == Membership.Role.ADMIN

    # A second member asks to join.
    joiner = UserFactory(display_name="Owen Joiner", job_title="Job coach")
    other = new_page()
    sign_in(other, auditor, js_enabled, joiner.email)
    other.goto(f"/organisations/{organisation.slug}/")
    other.get_by_role("link", name="Ask to join").click()
    auditor.check(other, js_enabled)
    other.get_by_label("Message to the organisation admins").fill("I run the Tuesday job club.")
    other.get_by_role("button", name="Send request").click()
    expect(other.locator(".govuk-notification-banner")).to_contain_text("request to join")
    auditor.check(other, js_enabled)
    assert any(
        "asked to join" in m.subject and m.to == ["nadia.new@example.org"] for m in mail.outbox
    )

    # The organisation's admin approves the request.
    page.goto(f"/organisations/{organisation.slug}/")
    page.get_by_role("link", name="Manage members and supply chain").click()
    expect(page.get_by_role("cell", name="I run the Tuesday job club.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Owen Joiner Job coach")).to_be_visible()
    auditor.check(page, js_enabled)
    page.get_by_role("button", name="Approve Owen Joiner").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Owen Joiner is now a member"
    )
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Edit the organisation's profile").click()
    auditor.check(page, js_enabled)

    membership = Membership.objects.get(user=joiner, organisation=organisation)
    assert membership.status == Membership.Status.APPROVED
    assert any("approved" in m.subject and m.to == [joiner.email] for m in mail.outbox)
    assert not page.console_errors, page.console_errors


def test_public_pages_read_without_signing_in(new_page, auditor, js_enabled):
    call_command("seed_demo", stdout=StringIO())
    organisation = OrganisationFactory(name="Riverbank Pathways")
    admin = admin_of(organisation)
    page = new_page()
    for path in (
        "/",
        "/about/",
        "/help/",
        "/accessibility/",
        "/privacy/",
        "/cookies/",
        "/case-studies/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        auditor.check(page, js_enabled)
    page.goto("/organisations/")
    page.get_by_label("Kind of organisation").select_option("end_to_end")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Riverbank Pathways")).to_be_visible()
    auditor.check(page, js_enabled)
    page.get_by_role("link", name="Riverbank Pathways").click()
    auditor.check(page, js_enabled)
    page.get_by_role("link", name=admin.display_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(admin.display_name)
    assert admin.email not in page.content()
    auditor.check(page, js_enabled)


def test_keyboard_user_can_skip_to_content_and_reach_sign_in(new_page, js_enabled):
    page = new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    page.goto("/accounts/login/")
    page.get_by_label("Email").focus()
    page.keyboard.type("someone@example.org")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password", exact=True)).to_be_focused()
