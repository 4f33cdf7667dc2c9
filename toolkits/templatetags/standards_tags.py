"""Customer Service Standards on other apps' pages (the organisation's profile): the allowed seam,
so hub's views need not import toolkits."""

import datetime

from django import template

from hub.base import roles
from toolkits.models import ServiceStandard, StandardsStatement
from toolkits.services import standards as svc
from toolkits.services import standards_results as results_svc

register = template.Library()


@register.filter
def standard_measure(item: ServiceStandard) -> str:
    """A Standard Measure in words: '95%', 'within 5 working days', 'every two weeks'."""
    kind = ServiceStandard.MeasureKind
    if item.measure_kind == kind.PERCENTAGE and item.measure_value is not None:
        return f"{item.measure_value.normalize():f}%"
    if item.measure_kind == kind.DAYS and item.measure_value is not None:
        days = item.measure_value.normalize()
        return f"within {days:f} working day{'' if days == 1 else 's'}"
    if item.measure_kind == kind.FREQUENCY:
        return item.get_measure_frequency_display().lower()
    return ""


@register.inclusion_tag("toolkits/standards/_profile.html", takes_context=True)
def standards_on_profile(context, organisation):
    """The organisation's published standards by stage, with the date of the last review and
    whether a review is due; its admins also get a link to write or edit them."""
    user = context["request"].user
    statement = svc.statement_for(organisation)
    published = statement is not None and statement.status == StandardsStatement.Status.PUBLISHED
    if published:
        results_svc.attach_results([statement], today=datetime.date.today())
    return {
        "organisation": organisation,
        "statement": statement,
        "published": published,
        "groups": svc.by_stage(statement, svc.stages()) if published else [],
        "due": published and svc.is_due_for_review(statement),
        "is_admin": organisation.pk in roles.admin_organisation_ids(user),
    }


@register.filter
def result_words(result) -> str:
    """A Standard Measure's result in words: '96%', '4 working days', 'kept'."""
    return results_svc.result_words(result)
