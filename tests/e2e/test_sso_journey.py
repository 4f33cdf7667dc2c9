"""Sign in with an organisation's identity provider, end to end in Chromium (JavaScript on and
off) against a real OpenID Connect provider running in another process (tests/oidc_provider)."""

import re

import pytest
from playwright.sync_api import expect

from hub.base.models import EmailDomain, Membership, User
from tests.e2e.conftest import account_menu
from tests.factories import PASSWORD, OrganisationFactory, admin_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_first_sso_sign_in_creates_the_account_and_the_admin_sees_the_request(
    new_page, auditor, js_enabled, oidc_provider, live_server
):
    council = OrganisationFactory(name="Example Council")
    admin = admin_of(council, user__display_name="Ada Admin", user__email="ada@admin.example.net")
    EmailDomain.objects.create(organisation=council, domain="council.example.org", require_sso=True)
    person = oidc_provider.person

    # A password is refused for an address on the domain, beside the field, naming the button.
    page = new_page()
    page.goto("/accounts/login/")
    auditor.check(page, js_enabled)
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password", exact=True).fill("any-password-at-all")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator(".govuk-error-message")).to_contain_text(
        "Use ‘Sign in with Example Council’ instead of a password."
    )
    auditor.check(page, js_enabled)

    # The button takes the visitor to their organisation's provider and back, signed in.
    page.get_by_role("button", name="Sign in with Example Council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Example identity provider")
    assert page.url.startswith(oidc_provider.url)
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Continue").click()
    expect(account_menu(page).get_by_role("button", name="Sign out")).to_be_visible()
    assert page.url.startswith(live_server.url)
    auditor.check(page, js_enabled)

    user = User.objects.get(email=person.email)
    assert user.display_name == "Priya Shah"
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.status) == (council, Membership.Status.PENDING)

    # The organisation's admin sees the request, named from the provider's claims.
    admin_page = new_page()
    admin_page.goto("/accounts/login/")
    admin_page.get_by_label("Email").fill(admin.email)
    admin_page.get_by_label("Password", exact=True).fill(PASSWORD)
    admin_page.get_by_role("button", name="Sign in", exact=True).click()
    expect(account_menu(admin_page).get_by_role("button", name="Sign out")).to_be_visible()
    admin_page.goto(f"/organisations/{council.slug}/")
    admin_page.get_by_role("link", name="Manage members and supply chain").click()
    expect(admin_page.get_by_role("rowheader", name=re.compile("Priya Shah"))).to_be_visible()
    expect(admin_page.get_by_role("button", name="Approve Priya Shah")).to_be_visible()
    auditor.check(admin_page, js_enabled)
