"""How a member appears on a page: their name, linked to their profile while they have one."""

from django import template
from django.utils.html import format_html

from hub.base.models import User

register = template.Library()


@register.simple_tag
def member_link(user: User | None) -> str:
    """The member's public name linked to their profile; "Former member", unlinked, for a
    deleted account (or a relation that no longer says who)."""
    if user is None or user.is_erased:
        return User.FORMER_MEMBER
    return format_html(
        '<a class="govuk-link" href="{}">{}</a>', user.get_absolute_url(), user.public_name
    )
