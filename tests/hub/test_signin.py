"""Sign-in protection (hub.base.signin): guessing slows down, nobody can lock a member out."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from hub.base import signin
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
OFFICE, ATTACKER, HOME = "192.0.2.10", "198.51.100.66", "203.0.113.7"


class Clock:
    def __init__(self, monkeypatch):
        self.now = 1_800_000_000.0
        monkeypatch.setattr(signin, "_now", lambda: self.now)

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


WRONG = "wrong-password-123"  # noqa: S105


def attempt(client, email, password=WRONG, address=ATTACKER, url=LOGIN):
    return client.post(url, {"login": email, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_from_one_address_do_not_stop_the_owner_elsewhere(client, clock):
    owner = UserFactory(email="site.admin@example.org", is_superuser=True, is_staff=True)
    attacker = type(client)()
    for _ in range(12):
        attempt(attacker, owner.email)
    response = attempt(client, owner.email, PASSWORD, address=HOME)
    assert response.status_code == 302
    assert signed_in(client)


def test_the_guessing_address_waits_twice_as_long_after_each_failure(client, clock):
    owner = UserFactory()
    for _ in range(5):
        assert "Wait" not in attempt(client, owner.email).content.decode()
    # The sixth, even with the right password, is refused unchecked until two seconds pass.
    response = attempt(client, owner.email, PASSWORD)
    assert "Too many failed sign-in attempts. Wait 2 seconds and try again." in (
        response.content.decode()
    )
    assert not signed_in(client)
    clock.advance(2)
    attempt(client, owner.email)  # a sixth failure: four seconds now
    assert "Wait 4 seconds" in attempt(client, owner.email, PASSWORD).content.decode()
    clock.advance(4)
    attempt(client, owner.email)
    assert "Wait 8 seconds" in attempt(client, owner.email, PASSWORD).content.decode()
    clock.advance(8)
    assert attempt(client, owner.email, PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_back_off_is_capped(settings):
    assert signin._delay(4, 5) == 0
    assert signin._delay(5, 5) == 2
    assert signin._delay(9, 5) == 32
    assert signin._delay(500, 5) == settings.HUB_SIGNIN_BACKOFF_MAX_SECONDS == 900


def test_an_attack_from_many_addresses_slows_new_devices_but_not_a_recent_one(client, clock):
    owner = UserFactory()
    attempt(client, owner.email, PASSWORD, address=HOME)  # the owner's own browser
    assert signed_in(client)
    client.post(reverse("account_logout"))  # keeps the browser's other cookies
    for number in range(20):
        attempt(type(client)(), owner.email, address=f"198.51.100.{number}")
    stranger = type(client)()
    response = attempt(stranger, owner.email, PASSWORD, address="198.51.100.200")
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert not signed_in(stranger)
    # The browser the owner signed in on last time still gets in, at once.
    assert attempt(client, owner.email, PASSWORD, address=HOME).status_code == 302
    assert signed_in(client)


def test_with_two_factor_the_password_is_still_checked_then_the_code_asked(client, clock):
    owner = UserFactory()
    Authenticator.objects.create(
        user=owner, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    for number in range(20):
        attempt(type(client)(), owner.email, address=f"198.51.100.{number}")
    response = attempt(client, owner.email, PASSWORD, address=HOME)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert not signed_in(client)


def test_an_office_address_is_slowed_only_after_many_failures(client, clock, settings):
    settings.HUB_SIGNIN_ADDRESS_FREE_FAILURES = 30
    colleague = UserFactory()
    regular = UserFactory()
    attempt(client, regular.email, PASSWORD, address=OFFICE)
    client.post(reverse("account_logout"))  # keeps the browser's other cookies
    for number in range(29):  # typos of many people behind one office address
        attempt(type(client)(), f"person{number}@example.org", address=OFFICE)
    office = type(client)()
    assert attempt(office, colleague.email, PASSWORD, address=OFFICE).status_code == 302
    office.logout()
    attempt(type(client)(), "person99@example.org", address=OFFICE)  # the thirtieth
    response = attempt(office, colleague.email, PASSWORD, address=OFFICE)
    assert "Too many failed sign-in attempts" in response.content.decode()
    # A member who signed in on this browser before is not held up.
    assert attempt(client, regular.email, PASSWORD, address=OFFICE).status_code == 302


def test_successful_sign_ins_from_one_address_are_not_capped_at_thirty_a_minute(client):
    users = UserFactory.create_batch(35)
    for user in users:
        browser = type(client)()
        assert attempt(browser, user.email, PASSWORD, address=OFFICE).status_code == 302


def test_the_per_address_attempt_limit_has_its_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    attempt(client, "a@example.org")
    attempt(client, "b@example.org")
    response = attempt(client, "c@example.org")
    assert response.status_code == 429
    assert "You have tried this too many times" in response.content.decode()


def test_the_owner_is_emailed_once_about_repeated_failures(
    client, clock, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="owner@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(12):
            attempt(type(client)(), owner.email, address=f"198.51.100.{number}")
    alerts = [m for m in mail.outbox if "Failed attempts to sign in" in m.subject]
    assert len(alerts) == 1
    assert alerts[0].to == ["owner@example.org"]
    assert "tried to sign in to your Good Practice Hub account 10 times" in alerts[0].body
    assert "You can still sign in as usual" in alerts[0].body


def test_no_email_for_an_address_with_no_account(client, clock, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(12):
            attempt(type(client)(), "nobody@example.org", address=f"198.51.100.{number}")
    assert mail.outbox == []


def test_the_admin_sign_in_has_the_same_protection(client, clock):
    staff = UserFactory(is_superuser=True, is_staff=True)
    url = reverse("account_login") + "?next=/admin/"
    for _ in range(6):
        attempt(type(client)(), staff.email, url=url)
    assert "Too many failed" in attempt(client, staff.email, PASSWORD, url=url).content.decode()
    other = type(client)()
    response = other.post(
        url, {"login": staff.email, "password": PASSWORD, "next": "/admin/"}, REMOTE_ADDR=HOME
    )
    assert response["Location"] == "/admin/"
    assert other.get("/admin/").status_code == 200


def test_password_reset_emails_are_capped_per_hour_and_day(
    client, settings, django_capture_on_commit_callbacks
):
    UserFactory(email="reset@example.org")
    url = reverse("account_reset_password")
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            client.post(url, {"email": "reset@example.org"}, REMOTE_ADDR=f"192.0.2.{n}").status_code
            for n in range(4)
        ]
    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == settings.HUB_PASSWORD_RESETS_PER_HOUR == 3
    assert settings.ACCOUNT_RATE_LIMITS["reset_password"].endswith("/h/key,6/d/key")


def test_the_daily_cap_on_reset_emails_holds_when_the_hourly_one_is_raised(client, settings):
    UserFactory(email="reset@example.org")
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "reset_password": "20/m/ip,50/h/key,2/d/key",
    }
    url = reverse("account_reset_password")
    statuses = [client.post(url, {"email": "reset@example.org"}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
