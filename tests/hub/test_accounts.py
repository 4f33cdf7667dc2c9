import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from hub.base.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signup(client, **overrides):
    data = {
        "display_name": "New Person",
        "job_title": "Employment adviser",
        "email": "new.person@example.org",
        "username": "new.person",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        **overrides,
    }
    return client.post(reverse("account_signup"), data)


def test_sign_up_requires_email_verification_before_sign_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(username="new.person")
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session

    client.post(
        reverse("account_login"),
        {"login": "new.person@example.org", "password": "a-long-enough-passphrase"},
    )
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified
    client.post(
        reverse("account_login"),
        {"login": "new.person@example.org", "password": "a-long-enough-passphrase"},
    )
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_with_a_taken_email_looks_the_same_as_a_new_one(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="taken@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        fresh = signup(client, email="fresh@example.org", username="fresh")
        client.logout()
        taken = signup(client, email="taken@example.org", username="someone.else")
    assert fresh.status_code == taken.status_code == 302
    assert fresh["Location"] == taken["Location"]
    assert not User.objects.filter(username="someone.else").exists()
    # The owner of the address is told instead.
    assert any(m.to == ["taken@example.org"] for m in mail.outbox)


def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    UserFactory(email="known@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_failed_sign_in_message_does_not_say_which_part_was_wrong(client):
    UserFactory(email="known@example.org")
    wrong_password = client.post(
        reverse("account_login"), {"login": "known@example.org", "password": "nope-nope-nope"}
    )
    no_account = client.post(
        reverse("account_login"), {"login": "unknown@example.org", "password": "nope-nope-nope"}
    )
    assert wrong_password.context["form"].errors == no_account.context["form"].errors


def test_honeypot_filled_in_creates_no_account(client):
    response = signup(client, referral_code="http://spam.example")
    assert response.status_code == 302  # a bot is not told it was caught
    assert not User.objects.filter(username="new.person").exists()


def test_honeypot_is_hidden_from_people_and_assistive_technology(client):
    html = client.get(reverse("account_signup")).content.decode()
    match = re.search(r'<div[^>]*aria-hidden="true"[^>]*>.*?name="referral_code"[^>]*>', html, re.S)
    assert match, "the honeypot should sit in an aria-hidden wrapper"
    assert 'tabindex="-1"' in match.group(0)


def _fail_sign_in(client, url, email, times):
    for _ in range(times):
        client.post(url, {"login": email, "password": "wrong-password-123"})


def test_site_sign_in_is_rate_limited(client):
    user = UserFactory(email="target@example.org")
    _fail_sign_in(client, reverse("account_login"), user.email, 5)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Too many failed" in response.content.decode()


def test_admin_signs_in_through_the_site_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/" in response["Location"]


def test_admin_login_is_rate_limited_like_the_site_login(client):
    """Wagtail's own login view is gone: a POST to it checks no password, and the shared
    login's failed-attempt limit also shuts the way into the admin."""
    staff = UserFactory(email="editor@example.org", is_superuser=True, is_staff=True)
    response = client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session

    login_url = reverse("account_login") + "?next=/admin/"
    _fail_sign_in(client, login_url, staff.email, 5)
    response = client.post(login_url, {"login": staff.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Too many failed" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_admin_reached_after_a_good_sign_in(client):
    staff = UserFactory(is_superuser=True, is_staff=True)
    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": staff.email, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_totp_two_factor_with_recovery_codes(client):
    user = UserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    # Turning on two-factor asks for the password again first.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get(reverse("mfa_view_recovery_codes")).status_code == 200

    # Signing in now asks for a code before the session is signed in.
    client.logout()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_change_email_needs_the_new_address_confirmed(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="old@example.org")
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_email"), {"action_add": "", "email": "new@example.org"}
        )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "old@example.org"  # unchanged until the new address is confirmed
    message = next(m for m in mail.outbox if m.to == ["new@example.org"])
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", message.body).group(1)
    client.post(link)
    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        "new@example.org"
    ]


def test_password_reset_by_email_link(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="forgetful@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": user.email})
    body = next(m for m in mail.outbox if m.to == [user.email]).body
    link = re.search(r"https?://\S+(/accounts/password/reset/key/\S+/)", body).group(1)
    response = client.get(link)  # allauth swaps the key for a session token and redirects
    form_url = response["Location"] if response.status_code == 302 else link
    client.post(
        form_url, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


def test_account_pages_use_sentence_case(client):
    user = UserFactory()
    client.force_login(user)
    html = client.get(reverse("account_email")).content.decode()
    assert "Email addresses" in html
    assert "Email Addresses" not in html
