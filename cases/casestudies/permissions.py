"""Who may do what to a case study: one place, used by views, templates and services alike."""

from __future__ import annotations

from hub.base import roles

MODERATE = "cases.moderate_casestudy"


def is_moderator(user) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE)


def _approved_org_ids(user) -> set[int]:
    return set(roles.organisation_roles(user))


def _admin_org_ids(user) -> set[int]:
    return roles.admin_organisation_ids(user)


def is_member(user) -> bool:
    return roles.is_member(user)


def member_organisation_ids(user) -> set[int]:
    return _approved_org_ids(user)


def is_org_admin_for(user, case_study) -> bool:
    return case_study.organisation_id in _admin_org_ids(user)


def is_author(user, case_study) -> bool:
    return user.is_authenticated and case_study.author_id == user.pk


def can_edit(user, case_study) -> bool:
    return is_author(user, case_study) or is_org_admin_for(user, case_study)


def can_delete(user, case_study) -> bool:
    return is_author(user, case_study) or is_org_admin_for(user, case_study)


def can_see_history(user, case_study) -> bool:
    return can_edit(user, case_study) or is_moderator(user)


def can_hide(user, case_study) -> bool:
    return is_moderator(user)


def can_feature(user, case_study) -> bool:
    return is_moderator(user) and case_study.is_published


def rating_refusal(user, case_study) -> str | None:
    """Why `user` may not rate `case_study`, or None when they may."""
    if not user.is_authenticated:
        return "Sign in to rate this case study."
    if not case_study.is_published:
        return "Only published case studies can be rated."
    if is_author(user, case_study):
        return "You cannot rate your own case study."
    if case_study.organisation_id in _approved_org_ids(user):
        return "You cannot rate a case study from your own organisation."
    if not is_member(user):
        return "Join your organisation on the hub to rate case studies."
    return None


def comment_refusal(user, case_study) -> str | None:
    """Why `user` may not comment on `case_study`, or None when they may."""
    if not user.is_authenticated:
        return "Sign in to comment."
    if not case_study.is_published:
        return "Only published case studies take comments."
    if not is_member(user):
        return "Join your organisation on the hub to comment."
    return None


def can_post(user) -> bool:
    """Posting a case study needs membership of the organisation it is for."""
    return is_member(user)
