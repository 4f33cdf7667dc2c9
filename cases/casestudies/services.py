"""Writes for case studies, ratings, comments and the showcase (reports, hiding and restoring
are hub.base.moderation's, for every kind of content; cases.casestudies.moderation registers
these kinds with it).

Each service checks the actor's right to act (cases.permissions), validates, then saves in one
transaction; counters on the case study change in the same transaction as the row they count.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Sum
from django.utils import timezone

from cases import caching
from cases.casestudies import permissions, ratings
from cases.casestudies.models import CaseStudy, CaseStudyRevision, Comment, Rating
from hub.base import notifications, revisions
from hub.base.models import Membership, Organisation, User

SCALAR_FIELDS = (
    "title", "summary", "body", "delivery_approach", "provision", "partners", "what_was_done",
    "outcomes", "participants", "job_starts", "job_outcomes", "lessons", "period_start",
    "period_end", "comparison", "comparison_outcome_rate", "follow_up_months",
    "cost_per_participant", "cost_covers",
)  # fmt: skip
M2M_FIELDS = (
    "claimant_groups", "barriers", "journey_stages", "areas", "cited_records", "approaches",
)  # fmt: skip


# Case studies ---------------------------------------------------------------------------


def _snapshot(case_study: CaseStudy) -> dict:
    """The case study's content as JSON, for its edit history."""
    content = {}
    for name in SCALAR_FIELDS:
        value = getattr(case_study, name)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        content[name] = str(value) if isinstance(value, Decimal) else value
    for name in M2M_FIELDS:
        content[name] = sorted(str(term) for term in getattr(case_study, name).all())
    content["tags"] = sorted(case_study.tags.names())
    content["organisation"] = str(case_study.organisation)
    content["status"] = case_study.status
    return content


def record_revision(
    case_study: CaseStudy, *, editor: User | None, summary: str
) -> CaseStudyRevision:
    """Keep the case study's content as it is now in its edit history."""
    return CaseStudyRevision.objects.create(
        case_study=case_study, editor=editor, summary=summary, content=_snapshot(case_study)
    )


def _check_citations(case_study: CaseStudy, records) -> None:
    """A case study cites records of organisations its author belongs to, nobody else's."""
    allowed = set(
        Membership.objects.filter(
            user=case_study.author_id, status=Membership.Status.APPROVED
        ).values_list("organisation_id", flat=True)
    )
    if any(record.organisation_id not in allowed for record in records):
        raise ValidationError({"cited_records": "Cite only your own organisations' records."})


def _apply(case_study: CaseStudy, data: dict) -> None:
    """Copy form data onto the case study, validate it, save it and its terms and tags."""
    if data.get("cited_records"):
        _check_citations(case_study, data["cited_records"])
    for name in SCALAR_FIELDS:
        if name in data:
            setattr(case_study, name, data[name])
    case_study.full_clean(
        exclude=list(M2M_FIELDS) + ["tags", "author", "organisation", "submission_key"]
    )
    case_study.save()
    for name in M2M_FIELDS:
        if name in data:
            getattr(case_study, name).set(data[name])
    if "tags" in data:
        case_study.tags.set(data["tags"], clear=True)


def _check_organisation(*, author: User, organisation: Organisation) -> None:
    if not Membership.objects.filter(
        user=author, organisation=organisation, status=Membership.Status.APPROVED
    ).exists():
        raise ValidationError(
            {"organisation": "You can only post for an organisation you are a member of."}
        )


def _publish_fields(case_study: CaseStudy) -> None:
    case_study.status = CaseStudy.Status.PUBLISHED
    if case_study.published_at is None:
        case_study.published_at = timezone.now()


@transaction.atomic
def case_study_create(
    *,
    author: User,
    organisation: Organisation,
    data: dict,
    publish: bool = False,
    submission_key=None,
) -> CaseStudy:
    """Start a case study as a draft (or publish it at once) for one of the author's
    organisations."""
    _check_organisation(author=author, organisation=organisation)
    case_study = CaseStudy(author=author, organisation=organisation, submission_key=submission_key)
    if publish:
        _publish_fields(case_study)
    _apply(case_study, data)
    record_revision(
        case_study, editor=author, summary="Published" if publish else "Created as a draft"
    )
    return case_study


@transaction.atomic
def case_study_update(
    *, actor: User, case_study: CaseStudy, data: dict, publish: bool | None = None
) -> CaseStudy:
    """Save an edit by the author or an organisation admin; `publish` True publishes,
    False returns it to draft, None keeps the state."""
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    if not permissions.can_edit(actor, case_study):
        raise PermissionDenied("You cannot edit this case study.")
    if "organisation" in data and data["organisation"].pk != case_study.organisation_id:
        _check_organisation(author=case_study.author, organisation=data["organisation"])
        case_study.organisation = data["organisation"]
    was = case_study.status
    if publish is True and was == CaseStudy.Status.DRAFT:
        _publish_fields(case_study)
    elif publish is False and was == CaseStudy.Status.PUBLISHED:
        case_study.status = CaseStudy.Status.DRAFT
    _apply(case_study, data)
    if case_study.status != was:
        summary = "Published" if case_study.is_published else "Unpublished (back to draft)"
    else:
        summary = "Edited"
    record_revision(case_study, editor=actor, summary=summary)
    return case_study


@transaction.atomic
def case_study_set_published(*, actor: User, case_study: CaseStudy, published: bool) -> CaseStudy:
    """Publish a draft or take a published case study back to draft (a hidden one stays hidden
    until a moderator restores it)."""
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    if not permissions.can_edit(actor, case_study):
        raise PermissionDenied("You cannot change this case study.")
    if case_study.status == CaseStudy.Status.HIDDEN:
        raise ValidationError("A moderator has hidden this case study; edit it and ask them.")
    target = CaseStudy.Status.PUBLISHED if published else CaseStudy.Status.DRAFT
    if case_study.status == target:
        return case_study
    if published:
        _publish_fields(case_study)
    else:
        case_study.status = CaseStudy.Status.DRAFT
    case_study.save(update_fields=["status", "published_at", "updated_at"])
    record_revision(case_study, editor=actor, summary="Published" if published else "Unpublished")
    return case_study


@transaction.atomic
def case_study_delete(*, actor: User, case_study: CaseStudy) -> None:
    """Delete for good, with its ratings and comments; only its author or an organisation admin."""
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    if not permissions.can_delete(actor, case_study):
        raise PermissionDenied("You cannot delete this case study.")
    case_study.delete()


# Ratings --------------------------------------------------------------------------------


def _refresh_rating_aggregates(case_study_id: int) -> None:
    """Recount from the ratings themselves, under the case study's row lock: exact, whatever
    ran concurrently."""
    totals = Rating.objects.filter(case_study_id=case_study_id).aggregate(
        count=Count("id"), total=Sum("score")
    )
    count, total = totals["count"], totals["total"] or 0
    CaseStudy.objects.filter(pk=case_study_id).update(
        rating_count=count,
        rating_mean=ratings.mean(count, total),
        rating_score=ratings.bayesian_average(count, total),
    )
    caching.ratings_changed()


@transaction.atomic
def rating_set(*, user: User, case_study: CaseStudy, score: int) -> Rating:
    """Rate a case study 1-5, or change one's rating; never one's own or one's organisation's."""
    if score not in ratings.SCALE:
        raise ValidationError({"score": "Choose a rating from 1 to 5."})
    # Lock the case study first, so concurrent raters queue here and the recount is exact.
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    refusal = permissions.rating_refusal(user, case_study)
    if refusal:
        raise PermissionDenied(refusal)
    rating, created = Rating.objects.update_or_create(
        case_study=case_study, user=user, defaults={"score": score}
    )
    _refresh_rating_aggregates(case_study.pk)
    if created:
        notifications.notify(
            recipient=case_study.author,
            kind="cases.rated",
            actor=user,
            message=(
                f"{user.public_name} rated your case study “{case_study.title}” {score} out of 5."
            ),
            url=case_study.get_absolute_url(),
        )
    return rating


@transaction.atomic
def rating_remove(*, user: User, case_study: CaseStudy) -> None:
    """Withdraw one's rating."""
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    Rating.objects.filter(case_study=case_study, user=user).delete()
    _refresh_rating_aggregates(case_study.pk)


# Comments -------------------------------------------------------------------------------


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Enter your comment."})
    if len(body) > 5000:
        raise ValidationError({"body": "Comments must be 5,000 characters or fewer."})
    return body


@transaction.atomic
def comment_create(
    *,
    author: User,
    case_study: CaseStudy,
    body: str,
    parent: Comment | None = None,
    submission_key=None,
) -> Comment:
    """Comment on a case study or reply to a comment (a reply to a reply joins its thread)."""
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    refusal = permissions.comment_refusal(author, case_study)
    if refusal:
        raise PermissionDenied(refusal)
    body = _clean_body(body)
    if parent is not None:
        if parent.case_study_id != case_study.pk:
            raise ValidationError("That comment belongs to another case study.")
        if parent.parent_id:
            parent = parent.parent
        if parent.is_removed:
            raise ValidationError("You cannot reply to a deleted or hidden comment.")
    comment = Comment.objects.create(
        case_study=case_study,
        author=author,
        body=body,
        parent=parent,
        submission_key=submission_key,
    )
    CaseStudy.objects.filter(pk=case_study.pk).update(comment_count=F("comment_count") + 1)
    notified = set()
    if parent is not None and parent.author_id != author.pk:
        notifications.notify(
            recipient=parent.author,
            kind="cases.reply",
            actor=author,
            message=f"{author.public_name} replied to your comment on “{case_study.title}”.",
            url=comment.get_absolute_url(),
        )
        notified.add(parent.author_id)
    if case_study.author_id not in notified:
        notifications.notify(
            recipient=case_study.author,
            kind="cases.commented",
            actor=author,
            message=f"{author.public_name} commented on your case study “{case_study.title}”.",
            url=comment.get_absolute_url(),
        )
    return comment


@transaction.atomic
def comment_update(*, actor: User, comment: Comment, body: str) -> Comment:
    """Edit one's own comment; it is marked as edited, and the text it had is kept as an
    earlier version readers can see (hub.base.revisions)."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != actor.pk or comment.is_removed:
        raise PermissionDenied("You can only edit your own comments.")
    body = _clean_body(body)
    if body == comment.body:
        return comment
    revisions.keep(
        comment, body=comment.body, written_at=comment.edited_at or comment.created_at,
        replaced_by=actor,
    )  # fmt: skip
    comment.body = body
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


def comment_gone(comment: Comment) -> None:
    """A comment leaving the count; replies stay, under a placeholder."""
    CaseStudy.objects.filter(pk=comment.case_study_id, comment_count__gt=0).update(
        comment_count=F("comment_count") - 1
    )


@transaction.atomic
def comment_delete(*, actor: User, comment: Comment) -> None:
    """Delete one's own comment. Its text goes at once; a placeholder keeps replies in context."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != actor.pk:
        raise PermissionDenied("You can only delete your own comments.")
    if comment.deleted_at is not None:
        return
    if comment.hidden_at is None:
        comment_gone(comment)
    revisions.delete_for(comment)
    comment.deleted_at = timezone.now()
    comment.body = ""
    comment.save(update_fields=["deleted_at", "body"])


# The showcase ---------------------------------------------------------------------------


def case_studies_set_featured(*, featured_ids) -> list[CaseStudy]:
    """Mark exactly `featured_ids` as featured (the site's showcase decides which); returns the
    case studies newly featured, with their authors, so the site can tell them."""
    now = timezone.now()
    newly = list(
        CaseStudy.objects.filter(pk__in=featured_ids, featured_at__isnull=True).select_related(
            "author"
        )
    )
    CaseStudy.objects.filter(pk__in=[c.pk for c in newly]).update(featured_at=now)
    CaseStudy.objects.filter(featured_at__isnull=False).exclude(pk__in=featured_ids).update(
        featured_at=None
    )
    return newly
