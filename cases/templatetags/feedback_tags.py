"""Claimant feedback on an organisation's profile: the score (or why there is none yet) and,
for its admins, the way to links, results and the comments waiting for them."""

from django import template

from cases.feedback import selectors
from hub.base import roles

register = template.Library()


@register.inclusion_tag("cases/feedback/_profile.html", takes_context=True)
def feedback_on_profile(context, organisation):
    is_admin = organisation.pk in roles.admin_organisation_ids(context["request"].user)
    return {
        "organisation": organisation,
        "overall": selectors.experience_scores([organisation.pk])[organisation.pk],
        "is_admin": is_admin,
        "waiting": selectors.held_comment_count(organisation.pk) if is_admin else 0,
    }
