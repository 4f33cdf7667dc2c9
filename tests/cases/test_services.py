"""Case-study services against the database: ratings, comments, states and the showcase."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from cases.casestudies import services
from cases.casestudies.models import CaseStudy, Comment, Rating
from hub.base.models import Notification, Report
from hub.base.moderation import services as moderation
from tests.factories import (
    CaseStudyFactory,
    OrganisationFactory,
    admin_of,
    member_of,
    moderator,
)

pytestmark = pytest.mark.django_db


def outsider():
    """A member of some other organisation: allowed to rate and comment."""
    return member_of(OrganisationFactory())


def test_member_cannot_rate_own_case_study():
    case_study = CaseStudyFactory()
    with pytest.raises(PermissionDenied, match="your own case study"):
        services.rating_set(user=case_study.author, case_study=case_study, score=5)
    assert not Rating.objects.exists()


def test_member_cannot_rate_own_organisations_case_study():
    case_study = CaseStudyFactory()
    colleague = member_of(case_study.organisation)
    with pytest.raises(PermissionDenied, match="your own organisation"):
        services.rating_set(user=colleague, case_study=case_study, score=4)
    assert not Rating.objects.exists()


def test_signed_in_user_without_an_organisation_cannot_rate():
    from tests.factories import UserFactory

    case_study = CaseStudyFactory()
    with pytest.raises(PermissionDenied, match="Join your organisation"):
        services.rating_set(user=UserFactory(), case_study=case_study, score=4)


def test_one_rating_per_member_is_a_database_constraint():
    case_study = CaseStudyFactory()
    rater = outsider()
    Rating.objects.create(case_study=case_study, user=rater, score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(case_study=case_study, user=rater, score=4)


def test_rating_score_outside_1_to_5_is_refused_by_the_database():
    case_study = CaseStudyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(case_study=case_study, user=outsider(), score=6)


def test_changing_a_rating_updates_the_stored_mean_and_count():
    case_study = CaseStudyFactory()
    first, second = outsider(), outsider()
    services.rating_set(user=first, case_study=case_study, score=2)
    services.rating_set(user=second, case_study=case_study, score=4)
    case_study.refresh_from_db()
    assert (case_study.rating_count, case_study.rating_mean) == (2, Decimal("3.000"))

    services.rating_set(user=first, case_study=case_study, score=5)
    case_study.refresh_from_db()
    assert (case_study.rating_count, case_study.rating_mean) == (2, Decimal("4.500"))
    assert case_study.rating_score == Decimal("3.429")  # (5*3 + 9) / 7
    assert Rating.objects.filter(case_study=case_study).count() == 2

    services.rating_remove(user=first, case_study=case_study)
    case_study.refresh_from_db()
    assert (case_study.rating_count, case_study.rating_mean) == (1, Decimal("4.000"))


def test_rating_notifies_the_author_once_not_on_every_change():
    case_study = CaseStudyFactory()
    rater = outsider()
    services.rating_set(user=rater, case_study=case_study, score=3)
    services.rating_set(user=rater, case_study=case_study, score=4)
    assert Notification.objects.filter(recipient=case_study.author, kind="cases.rated").count() == 1


def test_unpublished_case_study_cannot_be_rated():
    case_study = CaseStudyFactory(status="draft", published_at=None)
    with pytest.raises(PermissionDenied):
        services.rating_set(user=outsider(), case_study=case_study, score=5)


def test_comment_and_reply_keep_the_count_and_notify():
    case_study = CaseStudyFactory()
    commenter, replier = outsider(), outsider()
    comment = services.comment_create(author=commenter, case_study=case_study, body="How long?")
    reply = services.comment_create(
        author=replier, case_study=case_study, body="Six weeks.", parent=comment
    )
    # A reply to a reply joins the first comment's thread: replies go one level deep.
    deeper = services.comment_create(
        author=commenter, case_study=case_study, body="Thanks", parent=reply
    )
    assert deeper.parent_id == comment.pk
    case_study.refresh_from_db()
    assert case_study.comment_count == 3
    kinds = set(Notification.objects.values_list("recipient_id", "kind"))
    assert (case_study.author_id, "cases.commented") in kinds
    assert (commenter.pk, "cases.reply") in kinds


def test_deleting_and_hiding_comments_keep_the_count_right():
    case_study = CaseStudyFactory()
    author = outsider()
    one = services.comment_create(author=author, case_study=case_study, body="One")
    two = services.comment_create(author=author, case_study=case_study, body="Two")
    services.comment_delete(actor=author, comment=one)
    moderation.hide(moderator=moderator(), target=two, reason="Names a participant")
    services.comment_delete(actor=author, comment=two)  # already hidden: not counted twice
    case_study.refresh_from_db()
    assert case_study.comment_count == 0
    assert Comment.objects.get(pk=one.pk).body == ""


def test_only_the_author_edits_a_comment_and_it_is_marked_edited():
    case_study = CaseStudyFactory()
    author = outsider()
    comment = services.comment_create(author=author, case_study=case_study, body="First")
    with pytest.raises(PermissionDenied):
        services.comment_update(actor=outsider(), comment=comment, body="Changed")
    services.comment_update(actor=author, comment=comment, body="Changed")
    comment.refresh_from_db()
    assert comment.body == "Changed" and comment.edited_at is not None


def test_flagging_twice_makes_one_open_flag():
    case_study = CaseStudyFactory()
    reporter = outsider()
    moderation.report_create(reporter=reporter, target=case_study, reason="Spam")
    with pytest.raises(ValidationError, match="already reported"):
        moderation.report_create(reporter=reporter, target=case_study, reason="Spam again")
    assert Report.objects.filter(case_study=case_study).count() == 1


def test_publish_unpublish_and_history():
    organisation = OrganisationFactory()
    author = member_of(organisation)
    case_study = CaseStudyFactory(
        organisation=organisation, author=author, status="draft", published_at=None
    )
    services.case_study_set_published(actor=author, case_study=case_study, published=True)
    case_study.refresh_from_db()
    assert case_study.status == CaseStudy.Status.PUBLISHED and case_study.published_at
    first_published = case_study.published_at
    services.case_study_set_published(actor=author, case_study=case_study, published=False)
    services.case_study_set_published(actor=author, case_study=case_study, published=True)
    case_study.refresh_from_db()
    assert case_study.published_at == first_published  # "newest" is by first publication
    assert [r.summary for r in case_study.revisions.order_by("id")] == [
        "Published",
        "Unpublished",
        "Published",
    ]


def test_organisation_admin_may_edit_but_another_member_may_not():
    case_study = CaseStudyFactory()
    admin = admin_of(case_study.organisation)
    services.case_study_update(actor=admin, case_study=case_study, data={"title": "Better title"})
    assert CaseStudy.objects.get(pk=case_study.pk).title == "Better title"
    with pytest.raises(PermissionDenied):
        services.case_study_update(
            actor=member_of(case_study.organisation), case_study=case_study, data={"title": "X"}
        )


def test_author_must_belong_to_the_organisation():
    author = member_of(OrganisationFactory())
    with pytest.raises(ValidationError):
        services.case_study_create(author=author, organisation=OrganisationFactory(), data={})
