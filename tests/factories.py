"""Test data builders. Every name here is made up."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from factory.django import DjangoModelFactory

from hub.base.models import Membership, Organisation, User

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    display_name = factory.Sequence(lambda n: f"Test Member {n}")
    job_title = "Employment adviser"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        """Members can sign in only with a verified address; make one unless told not to."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    slug = factory.Sequence(lambda n: f"test-organisation-{n}")
    kind = Organisation.Kind.END_TO_END
    description = "A made-up organisation for tests."


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.APPROVED
    decided_at = factory.LazyFunction(timezone.now)


def admin_of(organisation, **kwargs) -> User:
    """A new user who is an approved admin of `organisation`."""
    membership = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN, **kwargs)
    return membership.user


class CaseStudyFactory(DjangoModelFactory):
    """A published case study by an approved member of its organisation."""

    class Meta:
        model = "cases.CaseStudy"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Test case study {n}")
    summary = "What a made-up team did for a made-up group."
    body = "The story, in **Markdown**."
    organisation = factory.SubFactory(OrganisationFactory)
    author = factory.LazyAttribute(lambda o: MembershipFactory(organisation=o.organisation).user)
    delivery_approach = "One-to-one sessions."
    provision = "end_to_end"
    what_was_done = "- Step one\n- Step two"
    outcomes = "People found work."
    lessons = "Start earlier."
    period_start = datetime.date(2024, 1, 1)
    status = "published"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def claimant_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.claimant_groups.set(extracted)


def member_of(organisation, **kwargs) -> User:
    """A new user who is an approved (non-admin) member of `organisation`."""
    return MembershipFactory(organisation=organisation, **kwargs).user


def moderator(**kwargs) -> User:
    """A member of the Moderators group (its permissions come from the migrations)."""
    from django.contrib.auth.models import Group

    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name="Moderators"))
    return User.objects.get(pk=user.pk)  # a fresh object: no cached permissions


def report_on(target, *, reporter=None, reason="It is advertising.", **fields):
    """An open report on `target` (a case study, comment or post), written as it is stored."""
    from django.contrib.contenttypes.models import ContentType

    from hub.base.models import Report

    return Report.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        reporter=reporter or UserFactory(),
        reason=reason,
        **fields,
    )


def established(user: User) -> User:
    """Make `user` an established member for moderation: an account older than the new-member
    days that has written something (here, a forum post)."""
    from datetime import timedelta

    from django.utils import timezone

    from forum.models import Category, Post, Thread

    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=60))
    category, _ = Category.objects.get_or_create(
        slug="established-members", defaults={"name": "Established", "description": "Tests."}
    )
    now = timezone.now()
    thread = Thread.objects.create(
        category=category, title="Hello", author=user, last_post_at=now, post_count=1
    )
    Post.objects.create(thread=thread, number=1, author=user, body="Hello.")
    return User.objects.get(pk=user.pk)
