"""allauth's default wording is replaced by the hub's, with a contact that works."""

import pytest
from django.core import mail
from django.urls import reverse

from hub.base.notifications import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_verification_page_has_no_default_wording_and_links_to_a_contact(client):
    client.post(
        reverse("account_signup"),
        {
            "display_name": "New Person", "email": "new@example.org", "username": "newp",
            "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
        },
    )  # fmt: skip
    html = client.get(reverse("account_email_verification_sent")).content.decode()
    assert "finalize" not in html and "Please contact us" not in html
    assert 'href="/contact/"' in html
    assert client.get("/contact/").status_code == 200


def test_the_password_reset_pages_say_how_to_get_help(client):
    html = client.get(reverse("account_reset_password")).content.decode()
    assert "Please contact us" not in html and 'href="/contact/"' in html
    html = client.get(reverse("account_reset_password_done")).content.decode()
    assert "Otherwise contact us" not in html and 'href="/contact/"' in html


def test_allauth_emails_and_notifications_carry_the_contact_page(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "display_name": "New Person", "email": "new@example.org", "username": "newp",
                "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
            },
        )  # fmt: skip
    body = mail.outbox[-1].body
    assert "Hello from" not in body and "Thank you for using" not in body
    assert "/contact/" in body and "To confirm your email address" in body
    member = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=member, kind="forum.reply", message="A reply.", url="/forum/")
    assert "/contact/" in mail.outbox[-1].body
