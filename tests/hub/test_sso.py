"""Sign in with an organisation's identity provider (hub.base.sso): off by default, the
verified-domain rule, and the whole OpenID Connect flow against a real provider in another
process (tests/oidc_provider), driven here without a browser."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from hub.base.models import EmailDomain, Membership, User
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, admin_of

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def council():
    organisation = OrganisationFactory(name="Example Council")
    admin_of(organisation, user__email="admin@elsewhere.example.net")
    return organisation


def test_off_by_default_the_sign_in_page_has_no_sso_button(client):
    html = client.get(LOGIN).content.decode()
    assert "/accounts/oidc/" not in html
    assert "If your organisation signs you in" not in html


def test_a_configured_provider_shows_its_button(client, oidc_provider):
    html = client.get(LOGIN).content.decode()
    assert "Sign in with Example Council" in html
    provider_id = oidc_provider.app()["provider_id"]
    assert f'action="/accounts/oidc/{provider_id}/login/?process=login"' in html


def test_a_domain_that_requires_sso_refuses_password_sign_in_with_a_pointer_to_the_button(
    client, council, oidc_provider
):
    member = UserFactory(email="sam@council.example.org")
    EmailDomain.objects.create(organisation=council, domain="council.example.org", require_sso=True)
    response = client.post(LOGIN, {"login": member.email, "password": PASSWORD})
    assert response.status_code == 200
    assert not signed_in(client)
    assert "Use ‘Sign in with Example Council’ instead of a password." in response.content.decode()

    # Another domain, and the same domain without the requirement, sign in as before.
    other = UserFactory(email="jo@other.example.org")
    assert client.post(LOGIN, {"login": other.email, "password": PASSWORD}).status_code == 302
    client.logout()
    EmailDomain.objects.filter(domain="council.example.org").update(require_sso=False)
    assert client.post(LOGIN, {"login": member.email, "password": PASSWORD}).status_code == 302


def test_a_domain_that_requires_sso_refuses_password_sign_up(client, council, oidc_provider):
    EmailDomain.objects.create(organisation=council, domain="council.example.org", require_sso=True)
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "New Person",
            "email": "New.Person@Council.Example.org",
            "username": "new.person",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 200
    assert "instead of a password" in response.content.decode()
    assert not User.objects.filter(username="new.person").exists()


def test_with_sso_switched_off_the_requirement_never_locks_members_out(client, council):
    member = UserFactory(email="sam@council.example.org")
    EmailDomain.objects.create(organisation=council, domain="council.example.org", require_sso=True)
    assert client.post(LOGIN, {"login": member.email, "password": PASSWORD}).status_code == 302


def test_domains_are_stored_in_lower_case_and_must_look_like_domains(council):
    domain = EmailDomain(organisation=council, domain=" Council.Example.ORG ")
    domain.full_clean()
    assert domain.domain == "council.example.org"
    with pytest.raises(Exception, match="Enter a domain"):
        EmailDomain(organisation=council, domain="https://council.example.org/").full_clean()


def sign_in_at_the_provider(client, provider) -> str:
    """Press the hub's button, sign in at the provider, and return the hub's callback path."""
    start = client.post(f"/accounts/oidc/{provider.app()['provider_id']}/login/")
    assert start.status_code == 302
    authorize = start["Location"]
    assert authorize.startswith(provider.url)
    browser = requests.Session()
    login_page = browser.get(authorize, timeout=10)
    assert "Example identity provider" in login_page.text
    back = browser.post(
        login_page.url,
        data={
            "username": provider.person.username,
            "password": provider.person.password,
            "csrfmiddlewaretoken": browser.cookies["oidc_provider_csrf"],
            "next": parse_qs(urlsplit(login_page.url).query)["next"][0],
        },
        headers={"Referer": login_page.url},
        allow_redirects=False,
        timeout=10,
    )
    # The provider sends the visitor to its authorize endpoint, which sends them back to the hub.
    while back.status_code == 302 and not back.headers["Location"].startswith("http://testserver"):
        back = browser.get(
            requests.compat.urljoin(back.url, back.headers["Location"]),
            allow_redirects=False,
            timeout=10,
        )
    callback = urlsplit(back.headers["Location"])
    return f"{callback.path}?{callback.query}"


def test_first_sso_sign_in_creates_the_account_and_asks_to_join_the_domains_organisation(
    client, council, oidc_provider, django_capture_on_commit_callbacks
):
    EmailDomain.objects.create(organisation=council, domain="council.example.org", require_sso=True)
    callback = sign_in_at_the_provider(client, oidc_provider)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(callback)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert signed_in(client)
    user = User.objects.get(email=oidc_provider.person.email)
    assert user.display_name == "Priya Shah"
    assert user.emailaddress_set.get().verified
    assert SocialAccount.objects.get(user=user).provider == oidc_provider.app()["provider_id"]
    membership = Membership.objects.get(user=user)
    assert membership.organisation == council
    assert membership.status == Membership.Status.PENDING

    # Signing in again finds the same account and asks nothing new.
    client.logout()
    callback = sign_in_at_the_provider(client, oidc_provider)
    assert client.get(callback).status_code == 302
    assert signed_in(client)
    assert User.objects.filter(email=oidc_provider.person.email).count() == 1
    assert Membership.objects.filter(user=user).count() == 1


def test_sso_sign_in_on_an_unverified_domain_creates_an_account_without_a_request(
    client, council, oidc_provider
):
    callback = sign_in_at_the_provider(client, oidc_provider)
    assert client.get(callback).status_code == 302
    user = User.objects.get(email=oidc_provider.person.email)
    assert not Membership.objects.filter(user=user).exists()


def test_an_existing_member_on_a_verified_domain_signs_in_to_their_account_and_it_is_linked(
    client, council, oidc_provider
):
    member = UserFactory(email=oidc_provider.person.email, display_name="Priya S")
    EmailDomain.objects.create(organisation=council, domain="council.example.org", require_sso=True)
    callback = sign_in_at_the_provider(client, oidc_provider)
    assert client.get(callback).status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)
    assert SocialAccount.objects.get(user=member)
    assert User.objects.filter(email=member.email).count() == 1


def test_the_provider_is_not_trusted_for_an_existing_account_on_an_unverified_domain(
    client, oidc_provider
):
    member = UserFactory(email=oidc_provider.person.email)
    callback = sign_in_at_the_provider(client, oidc_provider)
    client.get(callback)
    assert client.session.get("_auth_user_id") != str(member.pk)
    assert not SocialAccount.objects.filter(user=member).exists()
