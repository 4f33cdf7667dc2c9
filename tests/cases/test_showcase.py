"""Featuring case studies on the showcase, and where the featured ones appear."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases import services
from hub.models import HomePage, Notification, ShowcasePage
from tests.factories import CaseStudyFactory, OrganisationFactory, member_of, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def showcase():
    page = HomePage.objects.get().add_child(
        instance=ShowcasePage(title="Showcase", slug="showcase", intro="Chosen by moderators.")
    )
    page.save_revision().publish()
    return page


def test_featuring_publishes_the_showcase_marks_the_case_study_and_tells_its_author(
    client, showcase
):
    case_study = CaseStudyFactory(title="Allotment job club")
    services.case_study_feature(
        moderator=moderator(),
        case_study=case_study,
        showcase=showcase,
        kind="vcs_delivery",
        note="Easy to copy.",
    )
    case_study.refresh_from_db()
    assert case_study.featured_at is not None
    assert showcase.revisions.count() == 2  # the feature is a new, published revision
    assert Notification.objects.filter(recipient=case_study.author, kind="cases.featured").exists()
    for url in ("/showcase/", "/", "/case-studies/", case_study.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Allotment job club" in html and "Featured" in html, url
    assert "Easy to copy." in client.get("/showcase/").content.decode()


def test_only_moderators_feature_and_only_published_case_studies(showcase):
    case_study = CaseStudyFactory()
    with pytest.raises(PermissionDenied):
        services.case_study_feature(
            moderator=member_of(OrganisationFactory()),
            case_study=case_study,
            showcase=showcase,
            kind="vcs_delivery",
            note="x",
        )
    draft = CaseStudyFactory(status="draft", published_at=None)
    with pytest.raises(PermissionDenied):
        services.case_study_feature(
            moderator=moderator(), case_study=draft, showcase=showcase, kind="advocacy", note="x"
        )


def test_featuring_refuses_to_publish_someone_elses_unpublished_showcase_edits(showcase):
    showcase.intro = "An editor's draft in progress"
    showcase.save_revision()
    with pytest.raises(ValidationError, match="unpublished changes"):
        services.case_study_feature(
            moderator=moderator(),
            case_study=CaseStudyFactory(),
            showcase=showcase,
            kind="complementary",
            note="x",
        )


def test_a_hidden_case_study_leaves_the_showcase(client, showcase):
    case_study = CaseStudyFactory(title="Soon hidden")
    mod = moderator()
    services.case_study_feature(
        moderator=mod, case_study=case_study, showcase=showcase, kind="advocacy", note="Good."
    )
    services.case_study_hide(moderator=mod, case_study=case_study, reason="Names a client")
    assert "Soon hidden" not in client.get("/showcase/").content.decode()
    assert "Soon hidden" not in client.get("/").content.decode()


def test_publishing_the_showcase_by_any_route_sets_the_featured_mark(showcase):
    """A revision published outside the admin views (as scheduled publishing and workflow
    approval do) still marks the case study as featured and tells its author."""
    from hub.models import ShowcaseFeature

    case_study = CaseStudyFactory()
    page = ShowcasePage.objects.get(pk=showcase.pk)
    page.features.add(ShowcaseFeature(case_study=case_study, kind="advocacy", note="Strong."))
    page.save_revision().publish()
    case_study.refresh_from_db()
    assert case_study.featured_at is not None
    page.unpublish()
    case_study.refresh_from_db()
    assert case_study.featured_at is None
