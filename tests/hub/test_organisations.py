import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from hub.base import services
from hub.base.models import Area, ClaimantGroup, Membership, Organisation, SupplyChainLink
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, admin_of

pytestmark = pytest.mark.django_db


def test_creator_of_an_organisation_becomes_its_admin():
    user = UserFactory()
    organisation = services.organisation_create(
        user=user,
        name="Brightwater Employment Trust",
        kind=Organisation.Kind.VCS,
        areas=Area.objects.filter(code="CPA5"),
        claimant_groups=ClaimantGroup.objects.filter(slug="jsa-18-24"),
    )
    membership = Membership.objects.get(user=user, organisation=organisation)
    assert membership.role == Membership.Role.ADMIN
    assert membership.status == Membership.Status.APPROVED
    assert organisation.slug == "brightwater-employment-trust"
    assert list(organisation.areas.values_list("code", flat=True)) == ["CPA5"]


def test_organisation_slugs_stay_unique_when_names_slugify_alike():
    user = UserFactory()
    first = services.organisation_create(user=user, name="Work Wise", kind="vcs")
    second = services.organisation_create(user=user, name="Work-Wise", kind="vcs")
    assert first.slug == "work-wise"
    assert second.slug == "work-wise-2"


def test_create_organisation_view_makes_the_signed_in_user_admin(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("organisation_create"),
        {"name": "Hillside Futures", "kind": "end_to_end", "website": "", "description": "x"},
    )
    organisation = Organisation.objects.get(name="Hillside Futures")
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert services.is_organisation_admin(user=user, organisation=organisation)


def test_create_organisation_form_keeps_what_was_typed_and_says_what_is_wrong(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("organisation_create"),
        {"name": "Kept Name Ltd", "kind": "", "website": "not a url", "description": "Kept words"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert 'value="Kept Name Ltd"' in html
    assert "Kept words" in html
    assert "Enter a valid URL" in html
    assert not Organisation.objects.filter(name="Kept Name Ltd").exists()


def test_join_request_notifies_admins_and_admin_approves(
    client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    joiner = UserFactory()
    client.force_login(joiner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisation_join", kwargs={"slug": organisation.slug}),
            {"message": "I am an adviser here."},
        )
    assert response.status_code == 302
    membership = Membership.objects.get(user=joiner, organisation=organisation)
    assert membership.status == Membership.Status.PENDING
    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert "/members/" in mail.outbox[0].body
    assert admin.notifications.get().kind == "organisation.join_request"

    mail.outbox.clear()
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("membership_decide", kwargs={"slug": organisation.slug, "pk": membership.pk}),
            {"decision": "approve"},
        )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED
    assert membership.decided_by == admin
    assert mail.outbox[0].to == [joiner.email]
    assert "approved" in mail.outbox[0].subject
    assert "approved" in joiner.notifications.get().message


def test_non_admin_cannot_approve_a_join_request(client):
    organisation = OrganisationFactory()
    admin_of(organisation)
    plain_member = MembershipFactory(organisation=organisation).user
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.PENDING)
    url = reverse("membership_decide", kwargs={"slug": organisation.slug, "pk": pending.pk})

    for user in (plain_member, UserFactory(), pending.user):
        client.force_login(user)
        response = client.post(url, {"decision": "approve"})
        assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_admin_of_one_organisation_cannot_decide_for_another():
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    admin = admin_of(mine)
    pending = MembershipFactory(organisation=theirs, status=Membership.Status.PENDING)
    with pytest.raises(PermissionDenied):
        services.membership_decide(membership=pending, actor=admin, approve=True)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_non_admin_cannot_edit_another_organisation(client):
    organisation = OrganisationFactory(name="Original Name")
    member = MembershipFactory(organisation=organisation).user
    admin_elsewhere = admin_of(OrganisationFactory())
    url = reverse("organisation_edit", kwargs={"slug": organisation.slug})
    for user in (member, admin_elsewhere):
        client.force_login(user)
        assert client.get(url).status_code == 404
        response = client.post(url, {"name": "Hijacked", "kind": "prime"})
        assert response.status_code == 404
    organisation.refresh_from_db()
    assert organisation.name == "Original Name"
    assert organisation.kind == Organisation.Kind.END_TO_END


def test_admin_edits_own_organisation_but_cannot_verify_it_through_the_form(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    client.force_login(admin)
    response = client.post(
        reverse("organisation_edit", kwargs={"slug": organisation.slug}),
        {"name": "Renamed Trust", "kind": "vcs", "verified": "on", "slug": "elsewhere"},
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Renamed Trust"
    assert organisation.kind == "vcs"
    assert organisation.verified is False
    assert organisation.slug.startswith("test-organisation-")


def test_member_cannot_raise_their_own_role_through_any_form(client):
    organisation = OrganisationFactory()
    admin_of(organisation)
    membership = MembershipFactory(organisation=organisation)
    client.force_login(membership.user)

    response = client.post(
        reverse("membership_role", kwargs={"slug": organisation.slug, "pk": membership.pk}),
        {"role": "admin"},
    )
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER

    # The join form ignores a smuggled role or status.
    joiner = UserFactory()
    client.force_login(joiner)
    client.post(
        reverse("organisation_join", kwargs={"slug": organisation.slug}),
        {"message": "hi", "role": "admin", "status": "approved"},
    )
    joined = Membership.objects.get(user=joiner, organisation=organisation)
    assert (joined.role, joined.status) == (Membership.Role.MEMBER, Membership.Status.PENDING)

    # Creating an organisation with a smuggled verified flag does not verify it.
    client.post(
        reverse("organisation_create"),
        {"name": "Self Verified Ltd", "kind": "other", "verified": "on"},
    )
    assert Organisation.objects.get(name="Self Verified Ltd").verified is False


def test_admin_can_promote_a_member_and_the_last_admin_cannot_step_down(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    admin_membership = Membership.objects.get(user=admin)
    member = MembershipFactory(organisation=organisation)

    with pytest.raises(ValidationError):
        services.membership_set_role(
            membership=admin_membership, actor=admin, role=Membership.Role.MEMBER
        )
    with pytest.raises(ValidationError):
        services.membership_remove(membership=admin_membership, actor=admin)

    services.membership_set_role(membership=member, actor=admin, role=Membership.Role.ADMIN)
    member.refresh_from_db()
    assert member.role == Membership.Role.ADMIN
    services.membership_set_role(
        membership=admin_membership, actor=admin, role=Membership.Role.MEMBER
    )
    admin_membership.refresh_from_db()
    assert admin_membership.role == Membership.Role.MEMBER


def test_database_refuses_an_admin_who_is_not_approved():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(role=Membership.Role.ADMIN, status=Membership.Status.PENDING)


def test_database_refuses_two_memberships_of_one_person_in_one_organisation():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=membership.user, organisation=membership.organisation)


def test_asking_twice_to_join_makes_one_request(client):
    organisation = OrganisationFactory()
    admin_of(organisation)
    client.force_login(UserFactory())
    url = reverse("organisation_join", kwargs={"slug": organisation.slug})
    client.post(url, {"message": "first"})
    response = client.post(url, {"message": "second"}, follow=True)
    assert Membership.objects.filter(organisation=organisation).count() == 2  # admin + request
    assert "already asked to join" in response.content.decode()


def test_declined_member_may_ask_again():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    joiner = UserFactory()
    membership = services.membership_request(user=joiner, organisation=organisation)
    services.membership_decide(membership=membership, actor=admin, approve=False)
    again = services.membership_request(user=joiner, organisation=organisation, message="again")
    assert again.pk == membership.pk
    assert again.status == Membership.Status.PENDING


def test_join_requests_are_rate_limited(client, settings):
    settings.HUB_JOIN_REQUESTS_PER_HOUR = 2
    client.force_login(UserFactory())
    organisations = OrganisationFactory.create_batch(3)
    for organisation in organisations[:2]:
        client.post(reverse("organisation_join", kwargs={"slug": organisation.slug}), {})
    response = client.post(reverse("organisation_join", kwargs={"slug": organisations[2].slug}), {})
    assert response.status_code == 200
    assert "Try again in an hour" in response.content.decode()
    assert not Membership.objects.filter(organisation=organisations[2]).exists()


def test_only_a_moderator_can_verify_an_organisation(client):
    from django.contrib.auth.models import Group

    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    url = reverse("organisation_verify", kwargs={"slug": organisation.slug})
    client.force_login(admin)
    assert client.post(url, {"verified": "1"}).status_code == 403
    organisation.refresh_from_db()
    assert organisation.verified is False

    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    assert client.post(url, {"verified": "1"}).status_code == 302
    organisation.refresh_from_db()
    assert organisation.verified is True
    assert organisation.verified_by == moderator


def test_supply_chain_link_shows_only_once_the_other_side_confirms(client):
    prime, sub = OrganisationFactory(kind="prime"), OrganisationFactory()
    prime_admin, sub_admin = admin_of(prime), admin_of(sub)
    link = services.supply_chain_propose(
        actor=prime_admin, organisation=prime, other=sub, other_is_prime=False
    )
    assert (link.prime, link.subcontractor) == (prime, sub)
    detail = client.get(prime.get_absolute_url()).content.decode()
    assert sub.name not in detail

    with pytest.raises(PermissionDenied):
        services.supply_chain_confirm(link=link, actor=prime_admin)

    client.force_login(sub_admin)
    client.post(
        reverse("supply_chain_decide", kwargs={"slug": sub.slug, "pk": link.pk}),
        {"decision": "confirm"},
    )
    link.refresh_from_db()
    assert link.status == SupplyChainLink.Status.CONFIRMED
    assert sub.name in client.get(prime.get_absolute_url()).content.decode()


def test_supply_chain_refuses_a_duplicate_or_reversed_pair():
    prime, sub = OrganisationFactory(), OrganisationFactory()
    prime_admin, sub_admin = admin_of(prime), admin_of(sub)
    services.supply_chain_propose(
        actor=prime_admin, organisation=prime, other=sub, other_is_prime=False
    )
    with pytest.raises(ValidationError):
        services.supply_chain_propose(
            actor=sub_admin, organisation=sub, other=prime, other_is_prime=False
        )


def test_directory_filters_by_kind_and_area(client):
    north = Area.objects.get(code="CPA5")
    a = OrganisationFactory(name="Prime North", kind="prime")
    a.areas.add(north)
    OrganisationFactory(name="Prime Elsewhere", kind="prime")
    b = OrganisationFactory(name="Charity North", kind="vcs")
    b.areas.add(north)

    html = client.get(
        reverse("organisation_list"), {"kind": "prime", "area": north.slug}
    ).content.decode()
    assert "Prime North" in html
    assert "Prime Elsewhere" not in html
    assert "Charity North" not in html

    html = client.get(reverse("organisation_list"), {"q": "charity"}).content.decode()
    assert "Charity North" in html and "Prime North" not in html


def _directory_with(n):
    areas = list(Area.objects.all()[:3])
    for _ in range(n):
        organisation = OrganisationFactory()
        organisation.areas.set(areas)


def test_directory_query_count_does_not_grow_with_organisations(
    client, django_assert_max_num_queries
):
    _directory_with(3)
    with django_assert_max_num_queries(8) as small:
        client.get(reverse("organisation_list"), {"kind": "end_to_end"})
    _directory_with(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("organisation_list"), {"kind": "end_to_end"})
    assert response.context["page"].paginator.count == 23


def test_organisation_profile_query_count_does_not_grow_with_members(
    client, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    admin_of(organisation)
    partner = OrganisationFactory()
    SupplyChainLink.objects.create(
        prime=organisation,
        subcontractor=partner,
        proposed_by_organisation=organisation,
        status="confirmed",
    )
    with django_assert_max_num_queries(20) as small:
        client.get(organisation.get_absolute_url())
    MembershipFactory.create_batch(15, organisation=organisation)
    for _ in range(5):
        other = OrganisationFactory()
        SupplyChainLink.objects.create(
            prime=organisation,
            subcontractor=other,
            proposed_by_organisation=organisation,
            status="confirmed",
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200


def test_admin_screen_query_count_does_not_grow_with_requests(
    client, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    client.force_login(admin)
    url = reverse("organisation_members", kwargs={"slug": organisation.slug})
    MembershipFactory(organisation=organisation, status=Membership.Status.PENDING)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    MembershipFactory.create_batch(10, organisation=organisation, status=Membership.Status.PENDING)
    MembershipFactory.create_batch(10, organisation=organisation)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["pending"]) == 11


def test_admin_screens_require_sign_in(client):
    organisation = OrganisationFactory()
    response = client.get(reverse("organisation_members", kwargs={"slug": organisation.slug}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_organisation_page_tells_only_its_admins_how_many_are_waiting(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    member = MembershipFactory(organisation=organisation).user
    MembershipFactory.create_batch(2, organisation=organisation, status=Membership.Status.PENDING)
    client.force_login(admin)
    assert "2 waiting to join" in client.get(organisation.get_absolute_url()).content.decode()
    client.force_login(member)
    assert "waiting to join" not in client.get(organisation.get_absolute_url()).content.decode()
