"""Rendering posts: sanitised Markdown with @mentions linked to members' profiles."""

import re

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from hub.base.markdown import render_markdown

register = template.Library()


@register.filter
def post_body(post):
    """The post's Markdown, cleaned, with the mentions it recorded turned into links."""
    html = str(render_markdown(post.body))
    for name in post.mentions or []:
        url = escape(reverse("member_profile", kwargs={"username": name}))
        pattern = re.compile(rf"(?<![\w/@.\-\"'=])@({re.escape(name)})\b", re.IGNORECASE)
        html = pattern.sub(
            lambda m, u=url: f'<a class="govuk-link" href="{u}">@{escape(m[1])}</a>', html
        )
    return mark_safe(html)  # noqa: S308 - built from nh3-cleaned HTML and escaped parts


@register.filter
def dictget(mapping, key):
    """`{{ unread|dictget:thread.pk }}`: a value from a dict keyed by something in the loop."""
    return (mapping or {}).get(key)


@register.inclusion_tag("forum/includes/threads_about.html", takes_context=True)
def forum_threads_about(context, case_study=None, organisation=None, record=None, page=None):
    """The threads discussing a case study, a record, an organisation or a page (a workshop
    note), for its own page, with a link to start one. Lets other apps show the forum side
    without importing the forum."""
    from forum import selectors

    if page is not None:
        target, query = {"page": page}, f"page={page.pk}"
    elif case_study is not None:
        target, query = {"case_study": case_study}, f"case_study={case_study.pk}"
    elif record is not None:
        target, query = {"performance_record": record}, f"record={record.pk}"
    else:
        target, query = {"organisation": organisation}, f"organisation={organisation.pk}"
    return {
        "threads": selectors.threads_about(user=context["request"].user, **target),
        "start_query": query,
        "user": context["request"].user,
    }
