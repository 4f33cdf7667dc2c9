"""Featuring case studies on the showcase, and where the featured ones appear."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail import hooks

from cases.casestudies.models import CaseStudy
from hub.base.models import Notification, ShowcaseKind
from hub.base.moderation import services as moderation
from hub.site import wagtail_hooks as site_hooks
from hub.site.pages import HomePage
from hub.site.showcase import services
from hub.site.showcase.models import ShowcaseFeature, ShowcasePage
from tests.factories import CaseStudyFactory, OrganisationFactory, UserFactory, member_of, moderator

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
    for url in ("/", "/case-studies/", case_study.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Allotment job club" in html and "Featured" in html, url
    showcase_html = client.get("/showcase/").content.decode()
    assert "Allotment job club" in showcase_html and "Easy to copy." in showcase_html
    # Everything on the showcase is featured, so its cards carry no "Featured" badge.
    assert ">Featured</strong>" not in showcase_html


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
    moderation.hide(moderator=mod, target=case_study, reason="Names a client")
    assert "Soon hidden" not in client.get("/showcase/").content.decode()
    assert "Soon hidden" not in client.get("/").content.decode()


def test_publishing_the_showcase_by_any_route_sets_the_featured_mark(showcase):
    """A revision published outside the admin views (as scheduled publishing and workflow
    approval do) still marks the case study as featured and tells its author."""
    from hub.site.showcase.models import ShowcaseFeature

    case_study = CaseStudyFactory()
    page = ShowcasePage.objects.get(pk=showcase.pk)
    page.features.add(ShowcaseFeature(case_study=case_study, kind="advocacy", note="Strong."))
    page.save_revision().publish()
    case_study.refresh_from_db()
    assert case_study.featured_at is not None
    page.unpublish()
    case_study.refresh_from_db()
    assert case_study.featured_at is None


def make_case_study(*, title="Job clubs in libraries"):
    return CaseStudyFactory(title=title, status=CaseStudy.Status.PUBLISHED)


def in_group(name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=name))
    return user


# The showcase in the admin -------------------------------------------------------------------


def make_showcase():
    home = HomePage.objects.get()
    return home.add_child(
        instance=ShowcasePage(title="Showcase", slug="showcase", intro="Good practice.", live=False)
    )


def test_publishing_and_unpublishing_the_showcase_in_the_admin_updates_featured_at():
    case_study = make_case_study()
    showcase = make_showcase()
    showcase.features.add(
        ShowcaseFeature(case_study=case_study, kind=ShowcaseKind.ADVOCACY, note="A fine example.")
    )
    revision = showcase.save_revision()
    revision.publish()
    for fn in hooks.get_hooks("after_publish_page"):
        fn(None, showcase)

    case_study.refresh_from_db()
    assert case_study.featured_at is not None
    assert Notification.objects.filter(recipient=case_study.author, kind="cases.featured").exists()

    showcase = ShowcasePage.objects.get(pk=showcase.pk)
    showcase.unpublish()
    for fn in hooks.get_hooks("after_unpublish_page"):
        fn(None, showcase)
    case_study.refresh_from_db()
    assert case_study.featured_at is None


def test_showcase_hooks_ignore_other_pages(django_assert_num_queries):
    home = HomePage.objects.get()
    with django_assert_num_queries(0):
        site_hooks.sync_featured_after_publish(None, home)
    assert site_hooks.sync_featured_after_publish in hooks.get_hooks("after_publish_page")
    assert site_hooks.sync_featured_after_unpublish in hooks.get_hooks("after_unpublish_page")
    assert site_hooks.sync_featured_after_delete in hooks.get_hooks("after_delete_page")


def test_deleting_the_showcase_clears_featured_at():
    case_study = make_case_study()
    showcase = make_showcase()
    showcase.features.add(
        ShowcaseFeature(case_study=case_study, kind=ShowcaseKind.ADVOCACY, note="A fine example.")
    )
    showcase.save_revision().publish()
    site_hooks.sync_featured_after_publish(None, showcase)
    showcase.delete()
    site_hooks.sync_featured_after_delete(None, showcase)
    case_study.refresh_from_db()
    assert case_study.featured_at is None


def test_editor_publishing_the_showcase_in_the_admin_features_the_chosen_case_study(client):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    case_study = make_case_study()
    editor = in_group("Editors")
    client.force_login(editor)
    home = HomePage.objects.get()
    add_url = reverse("wagtailadmin_pages:add", args=("hub", "showcasepage", home.pk))

    form = client.get(add_url)
    assert form.status_code == 200
    assert reverse("wagtailsnippetchoosers_cases_casestudy:choose") in form.content.decode()

    data = nested_form_data(
        {
            "title": "Showcase",
            "slug": "showcase",
            "intro": "Good practice from across the sector.",
            "vcs_delivery_text": rich_text(""),
            "complementary_text": rich_text(""),
            "advocacy_text": rich_text(""),
            "features": inline_formset(
                [{"case_study": case_study.pk, "kind": ShowcaseKind.VCS_DELIVERY, "note": "Why."}]
            ),
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(add_url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert ShowcasePage.objects.get(slug="showcase").live
    case_study.refresh_from_db()
    assert case_study.featured_at is not None
