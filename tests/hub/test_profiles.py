import pytest
from django.urls import reverse

from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_member_edits_only_their_own_profile(client):
    me, other = UserFactory(), UserFactory(display_name="Other Person")
    client.force_login(me)
    response = client.post(
        reverse("profile_edit"),
        {
            "display_name": "Me Myself",
            "job_title": "Job coach",
            "bio": "Hello",
            # Fields the form does not name are ignored, whatever is posted.
            "is_superuser": "on",
            "is_staff": "on",
            "username": "hijack",
            "email": "hijack@example.org",
            "pk": other.pk,
            "id": other.pk,
        },
    )
    assert response.status_code == 302
    me.refresh_from_db()
    other.refresh_from_db()
    assert (me.display_name, me.job_title, me.bio) == ("Me Myself", "Job coach", "Hello")
    assert not me.is_superuser and not me.is_staff
    assert me.username != "hijack" and me.email != "hijack@example.org"
    assert other.display_name == "Other Person"


def test_profile_edit_needs_sign_in(client):
    response = client.get(reverse("profile_edit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_public_profile_shows_organisations_but_never_the_email(client):
    membership = MembershipFactory()
    user = membership.user
    html = client.get(user.get_absolute_url()).content.decode()
    assert user.display_name in html
    assert membership.organisation.name in html
    assert user.email not in html
    assert reverse("profile_edit") not in html  # no edit link on someone else's profile


def test_profile_bio_is_escaped(client):
    user = UserFactory(bio="<script>alert(1)</script>")
    html = client.get(user.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_profile_validation_error_keeps_what_was_typed(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("profile_edit"),
        {"display_name": "Kept Name", "job_title": "x" * 200, "bio": "Kept bio"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Kept Name"' in html and "Kept bio" in html
    assert "govuk-error-summary" in html


@pytest.mark.django_db
def test_a_public_profile_lists_case_studies_and_readable_threads(client):
    from forum import services as forum_services
    from forum.models import Category
    from tests.factories import CaseStudyFactory

    case_study = CaseStudyFactory(title="Allotment job club")
    author = case_study.author
    public = Category.objects.create(name="Open", slug="open", description="x")
    private = Category.objects.create(
        name="Closed", slug="closed", description="x", read_access="members"
    )
    import datetime

    from django.utils import timezone

    type(author).objects.filter(pk=author.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=60)
    )
    author.refresh_from_db()
    forum_services.thread_create(author=author, category=public, title="Open talk", body="Hi")
    forum_services.thread_create(author=author, category=private, title="Private talk", body="Hi")
    html = client.get(f"/members/{author.username}/").content.decode()
    assert "Allotment job club" in html and "Open talk" in html
    assert "Private talk" not in html
