"""Writes about approaches: a moderator confirms a case study's link to one. (Authors set the
links with the case study itself, in cases.casestudies.services; editors write approaches in
the admin.)"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from cases.casestudies import permissions
from cases.casestudies.models import CaseStudyApproach
from hub.base.models import User


@transaction.atomic
def approach_link_confirm(*, actor: User, link: CaseStudyApproach) -> CaseStudyApproach:
    """A moderator confirms that a case study is an example of the approach its author chose."""
    if not permissions.is_moderator(actor):
        raise PermissionDenied("Only moderators can confirm a case study's approach.")
    link = CaseStudyApproach.objects.select_for_update().get(pk=link.pk)
    if link.confirmed_at is None:
        link.confirmed_at, link.confirmed_by = timezone.now(), actor
        link.save(update_fields=["confirmed_at", "confirmed_by"])
        log(link.case_study, "cases.approach_confirm", user=actor,
            data={"approach": link.approach.title})  # fmt: skip
    return link
