"""Members have names: asked at sign-up, asked once after sign-in of those who joined without
one, and shown to an organisation's admins when they ask to join."""

import pytest
from django.urls import reverse

from hub.base import services
from hub.base.models import User
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, admin_of
from tests.hub.test_accounts import signup

pytestmark = pytest.mark.django_db


def test_sign_up_asks_for_a_name_and_an_optional_job_title(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert html.index('name="display_name"') < html.index('name="email"')
    assert 'name="job_title"' in html and "Job title (optional)" in html

    missing = signup(client, display_name="")
    assert missing.status_code == 200
    assert "Enter your name" in missing.content.decode()
    assert not User.objects.filter(username="new.person").exists()

    signup(client, display_name="  Nadia Newman ", job_title="")
    user = User.objects.get(username="new.person")
    assert (user.display_name, user.job_title) == ("Nadia Newman", "")


def test_sign_up_keeps_the_job_title(client):
    signup(client)
    user = User.objects.get(username="new.person")
    assert (user.display_name, user.job_title) == ("New Person", "Employment adviser")


def test_a_member_without_a_name_is_asked_for_it_after_signing_in(client):
    member = UserFactory(display_name="", job_title="")
    response = client.post(
        reverse("account_login") + "?next=/forum/",
        {"login": member.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_name"))
    page = client.get(response["Location"])
    assert b"Tell other members who you are" in page.content
    assert b'href="/forum/"' in page.content  # "Not now" goes where they were going

    empty = client.post(reverse("account_name"), {"display_name": "", "next": "/forum/"})
    assert b"Enter your name" in empty.content
    done = client.post(
        reverse("account_name"),
        {"display_name": "Sam Patel", "job_title": "Contract manager", "next": "/forum/"},
    )
    assert done["Location"] == "/forum/"
    member.refresh_from_db()
    assert (member.display_name, member.job_title) == ("Sam Patel", "Contract manager")


def test_a_member_with_a_name_goes_straight_on(client):
    member = UserFactory(display_name="Has A Name")
    response = client.post(
        reverse("account_login") + "?next=/forum/", {"login": member.email, "password": PASSWORD}
    )
    assert response["Location"] == "/forum/"


def test_the_name_page_never_sends_a_member_off_the_site(client):
    client.force_login(UserFactory(display_name=""))
    done = client.post(
        reverse("account_name"), {"display_name": "Sam", "next": "https://evil.example/"}
    )
    assert done["Location"] == "/"


def test_the_organisation_admin_sees_the_name_and_job_title_when_approving(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    joiner = UserFactory(display_name="Nadia Newman", job_title="Employment adviser")
    services.membership_request(user=joiner, organisation=organisation)
    client.force_login(admin)
    page = client.get(reverse("organisation_members", kwargs={"slug": organisation.slug}))
    html = page.content.decode()
    assert "Nadia Newman" in html and "Employment adviser" in html
