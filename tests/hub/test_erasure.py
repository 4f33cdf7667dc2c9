"""Deleting an account: the rules for every relation to the user, the service, the member's own
page and the Wagtail admin's delete (one user and in bulk)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.urls import reverse

from cases.casestudies import services as case_services
from cases.casestudies.models import CaseStudy, Comment, Rating
from forum import services as forum_services
from forum.models import Post, Reaction, Thread, Watch
from hub.base import accounts, erasure
from hub.base.models import Membership, Notification, NotificationPreference, User
from tests.factories import (
    PASSWORD,
    CaseStudyFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    admin_of,
    member_of,
)
from tests.forum.helpers import category, seasoned_member
from toolkits.models import Scenario

pytestmark = pytest.mark.django_db


# -- The rules ---------------------------------------------------------------------------------


def test_every_relation_to_the_user_model_has_an_erasure_rule():
    relations = {f"{m._meta.label}.{f}" for m, f in erasure.relations_to_user()}
    # The enumeration reaches every kind of relation: the apps', the base's, auto-created
    # many-to-many tables, Wagtail's and allauth's.
    for expected in [
        "cases.CaseStudy.author",
        "forum.Post.author",
        "forum.Reaction.user",
        "toolkits.Scenario.owner",
        "hub.Membership.user",
        "hub.User_groups.user",
        "hub.User_user_permissions.user",
        "wagtailcore.PageLogEntry.user",
        "wagtailcore.Page.owner",
        "wagtailusers.UserProfile.user",
        "account.EmailAddress.user",
        "mfa.Authenticator.user",
    ]:
        assert expected in relations
    assert erasure.missing_rules() == []


def test_a_relation_without_a_rule_fails_the_check_and_the_erasure(monkeypatch):
    rules = dict(erasure._rules)
    del rules[("forum.post", "author")]
    monkeypatch.setattr(erasure, "_rules", rules)
    assert erasure.missing_rules() == ["forum.Post.author"]
    member = UserFactory()
    with pytest.raises(ImproperlyConfigured, match="forum.Post.author"):
        accounts.account_erase(actor=member, user=member)
    assert not User.objects.get(pk=member.pk).is_erased


def test_clearing_rules_are_only_on_fields_that_may_be_empty():
    for model, field, rule in erasure.rules_in_order():
        if rule.action is erasure.Action.CLEAR:
            assert model._meta.get_field(field).null, f"{model._meta.label}.{field}"


# -- The service -------------------------------------------------------------------------------


@pytest.fixture
def busy_member():
    """A member who has written, rated, reacted, reported, watched and saved things."""
    organisation = OrganisationFactory()
    member = seasoned_member(display_name="Dana Leaver", job_title="Adviser")
    MembershipFactory(user=member, organisation=organisation)
    other = seasoned_member()
    theirs = CaseStudyFactory(author=other, organisation=other.memberships.get().organisation)
    published = CaseStudyFactory(author=member, organisation=organisation, title="Kept")
    draft = CaseStudyFactory(author=member, organisation=organisation, status="draft")
    case_services.rating_set(user=member, case_study=theirs, score=4)
    comment = case_services.comment_create(author=member, case_study=theirs, body="Useful.")
    forum = category()
    thread = forum_services.thread_create(
        author=member, category=forum, title="A question", body="What works?"
    )
    reply = forum_services.post_create(author=other, thread=thread, body="This works.")
    forum_services.reaction_set(user=member, post=reply, helpful=True)
    forum_services.watch_set(user=member, on=True, category=forum)
    Scenario.objects.create(owner=member, name="Mine", inputs={})
    NotificationPreference.objects.create(user=member, kind="forum.reply")
    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={})
    return {
        "member": member, "other": other, "organisation": organisation, "theirs": theirs,
        "published": published, "draft": draft, "comment": comment, "thread": thread,
    }  # fmt: skip


def test_erasure_removes_personal_data_and_keeps_what_was_written_for_others(busy_member):
    member, theirs = busy_member["member"], busy_member["theirs"]
    theirs.refresh_from_db()
    ratings_before = (theirs.rating_count, theirs.rating_score)
    Notification.objects.create(recipient=member, kind="forum.reply", message="Hi", url="/")

    accounts.account_erase(actor=member, user=member)

    shell = User.objects.get(pk=member.pk)
    assert shell.is_erased and not shell.is_active and not shell.has_usable_password()
    assert shell.public_name == "Former member"
    assert shell.email == shell.display_name == shell.job_title == shell.bio == ""
    assert "dana" not in shell.username.lower()
    assert not EmailAddress.objects.filter(user=shell).exists()
    assert not Authenticator.objects.filter(user=shell).exists()
    assert not Membership.objects.filter(user=shell).exists()
    assert not Notification.objects.filter(recipient=shell).exists()
    assert not NotificationPreference.objects.filter(user=shell).exists()
    assert not Scenario.objects.filter(owner=shell).exists()
    assert not Watch.objects.filter(user=shell).exists()
    # What they wrote for others stays, now by a former member; their draft is gone.
    assert CaseStudy.objects.get(pk=busy_member["published"].pk).author.public_name == (
        "Former member"
    )
    assert not CaseStudy.objects.filter(pk=busy_member["draft"].pk).exists()
    assert Comment.objects.get(pk=busy_member["comment"].pk).author_id == shell.pk
    assert Thread.objects.get(pk=busy_member["thread"].pk).author_id == shell.pk
    assert Post.objects.filter(author=shell).count() == 1
    # Ratings and reactions still count.
    theirs.refresh_from_db()
    assert (theirs.rating_count, theirs.rating_score) == ratings_before
    assert Rating.objects.filter(case_study=theirs).count() == 1
    assert Reaction.objects.filter(user=shell).count() == 1


def test_the_only_admin_must_hand_over_before_deleting_their_own_account():
    organisation = OrganisationFactory(name="Solo Org")
    admin = admin_of(organisation)
    with pytest.raises(ValidationError, match="only admin of Solo Org"):
        accounts.account_erase(actor=admin, user=admin)
    assert Membership.objects.filter(user=admin).exists()
    assert not User.objects.get(pk=admin.pk).is_erased


def test_an_administrator_deleting_the_only_admin_hands_the_organisation_on():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    first = member_of(organisation)
    member_of(organisation)
    superuser = UserFactory(is_superuser=True, is_staff=True)
    accounts.account_erase(actor=superuser, user=admin)
    assert Membership.objects.get(user=first, organisation=organisation).role == "admin"


def test_only_the_member_or_an_administrator_may_delete_an_account():
    member, stranger = UserFactory(), UserFactory()
    with pytest.raises(PermissionDenied):
        accounts.account_erase(actor=stranger, user=member)
    accounts.account_erase(actor=member, user=member)
    with pytest.raises(PermissionDenied):  # already deleted
        accounts.account_erase(actor=member, user=User.objects.get(pk=member.pk))


# -- The member's own page ---------------------------------------------------------------------


def test_a_member_deletes_their_account_with_their_password(client, busy_member):
    member = busy_member["member"]
    client.force_login(member)
    page = client.get(reverse("account_delete"))
    assert page.status_code == 200
    assert b"What stays" in page.content

    wrong = client.post(reverse("account_delete"), {"password": "not-it"})
    assert wrong.status_code == 200
    assert b"The password is not right" in wrong.content
    assert not User.objects.get(pk=member.pk).is_erased

    done = client.post(reverse("account_delete"), {"password": PASSWORD}, follow=True)
    assert done.redirect_chain[0][0] == "/"
    assert b"Your account has been deleted" in done.content
    assert User.objects.get(pk=member.pk).is_erased
    assert not done.wsgi_request.user.is_authenticated
    # They cannot sign in again.
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # Their posts show "Former member", with no link to a profile.
    thread = client.get(reverse("forum_thread", kwargs={"pk": busy_member["thread"].pk}))
    assert b"Former member" in thread.content
    assert b"Dana Leaver" not in thread.content


def test_the_only_admin_is_told_to_hand_over_beside_the_form(client):
    organisation = OrganisationFactory(name="Solo Org")
    admin = admin_of(organisation)
    client.force_login(admin)
    response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"Make someone else an admin first" in response.content
    assert not User.objects.get(pk=admin.pk).is_erased


def test_the_delete_page_needs_a_signed_in_member(client):
    response = client.get(reverse("account_delete"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# -- The Wagtail admin -------------------------------------------------------------------------


def test_an_administrator_deletes_a_member_who_has_posted_from_the_admin(client, busy_member):
    member = busy_member["member"]
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    url = reverse("wagtailusers_users:delete", args=[member.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert b"Former member" in confirm.content
    response = client.post(url)
    assert response.status_code == 302
    shell = User.objects.get(pk=member.pk)
    assert shell.is_erased
    assert CaseStudy.objects.get(pk=busy_member["published"].pk).author_id == shell.pk


def test_the_admin_bulk_delete_erases_too(client, busy_member):
    member, other = busy_member["member"], busy_member["other"]
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    url = reverse("wagtail_bulk_action", args=["hub", "user", "delete"])
    response = client.post(f"{url}?id={member.pk}&id={other.pk}")
    assert response.status_code == 302
    assert User.objects.filter(pk__in=[member.pk, other.pk], erased_at__isnull=False).count() == 2
