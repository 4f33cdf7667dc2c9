"""Featuring members' case studies on the showcase: a moderator adds one to a showcase page,
and the case studies' featured marks follow whatever the live showcase pages feature."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from cases.casestudies import selectors as cases
from cases.casestudies import services as case_services
from hub.base import notifications
from hub.base.models import ShowcaseKind, User
from hub.site.showcase.models import ShowcaseFeature, ShowcasePage


@transaction.atomic
def featured_sync() -> None:
    """Make `featured_at` agree with the live showcase pages, and tell newly featured authors.
    Runs after the showcase is published or unpublished, from the admin or from the site."""
    live_ids = set(
        ShowcaseFeature.objects.filter(page__live=True).values_list("case_study_id", flat=True)
    )
    for case_study in case_services.case_studies_set_featured(featured_ids=live_ids):
        notifications.notify(
            recipient=case_study.author,
            kind="cases.featured",
            message=f"Your case study “{case_study.title}” is featured on the showcase.",
            url=case_study.get_absolute_url(),
        )


def sync_featured_handler(sender, instance, **kwargs) -> None:
    featured_sync()


@transaction.atomic
def case_study_feature(
    *, moderator: User, case_study, showcase: ShowcasePage, kind: str, note: str
) -> ShowcaseFeature:
    """Feature a published case study on the showcase: adds it to the page and publishes a new
    revision, so the page's history shows who featured what and when."""
    if not cases.can_feature(moderator, case_study):
        raise PermissionDenied("Only a moderator can feature a published case study.")
    note = (note or "").strip()
    errors = {}
    if not note:
        errors["note"] = "Say why this case study was chosen; readers see it."
    if kind not in ShowcaseKind.values:
        errors["kind"] = "Choose the kind of good practice it shows."
    if errors:
        raise ValidationError(errors)
    page = ShowcasePage.objects.select_for_update().get(pk=showcase.pk)
    if page.has_unpublished_changes:
        raise ValidationError(
            "The showcase has unpublished changes in the admin; feature the case study there."
        )
    if page.features.filter(case_study=case_study).exists():
        raise ValidationError("This case study is already on the showcase.")
    feature = ShowcaseFeature(case_study=case_study, kind=kind, note=note, featured_by=moderator)
    page.features.add(feature)
    revision = page.save_revision(user=moderator, log_action=True)
    revision.publish(user=moderator)
    log(instance=case_study, action="cases.feature", user=moderator, data={"kind": kind})
    featured_sync()
    return ShowcaseFeature.objects.get(page=page, case_study=case_study)
