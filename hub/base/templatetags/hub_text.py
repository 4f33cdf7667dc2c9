"""Filters for member-written text."""

import uuid

from django import template

from hub.base.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """`{{ comment.body|markdown }}`: Markdown rendered and sanitised."""
    return render_markdown(text)


@register.filter
def derive_key(key, salt) -> str:
    """A second one-time form key derived from the page's key, for a page's extra forms
    (the reply form under each comment)."""
    try:
        return str(uuid.uuid5(uuid.UUID(str(key)), str(salt)))
    except ValueError:
        return ""
