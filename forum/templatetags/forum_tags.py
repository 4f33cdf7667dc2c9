"""Rendering posts: sanitised Markdown with @mentions linked to members' profiles; the parts of
thread lists and thread pages that are the same for every viewer, cached by their content."""

import functools
import hashlib
import re

from django import template
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from hub.base import content_cache
from hub.base.markdown import render_markdown

register = template.Library()

THREAD_ROW = "forum/includes/thread_row.html"
POST_HEAD = "forum/includes/post_head.html"
# Where the viewer's own mark ("New", "3 new") goes in a fragment shared by every viewer.
_MARK = mark_safe("<!--hub:viewer-mark-->")  # noqa: S308 - a constant


@functools.lru_cache(maxsize=8)
def _template_digest(name: str) -> str:
    """A changed template is a new key, so a deploy never serves fragments of the old one."""
    source = get_template(name).template.source
    return hashlib.sha1(source.encode(), usedforsecurity=False).hexdigest()[:12]


def _parts(name: str, context: dict) -> tuple[str, str]:
    before, _, after = render_to_string(name, {**context, "mark": _MARK}).partition(_MARK)
    return before, after


def _name(user) -> tuple:
    """What a fragment shows of a member (User.public_name and the profile link)."""
    if user is None:
        return (None,)
    return (user.pk, user.username, user.public_name, user.erased_at is not None)


@register.simple_tag
def thread_rows(threads, unread, show_category=False):
    """The rows of a thread list. Each row is the same for every viewer but for the unread tag,
    so it is rendered once and cached under a digest of what it shows (title, tags, names,
    counts, dates): a renamed, solved or answered thread is a new key at once."""
    context = (_template_digest(THREAD_ROW), timezone.get_current_timezone_name(), show_category)
    by_pk = {t.pk: t for t in threads}
    inputs = {
        t.pk: (
            *context,
            t.pk, t.title, t.pinned, t.locked, t.solution_id is not None, t.is_question,
            t.category.name if show_category else None,
            _name(t.author), _name(t.last_post_author), t.reply_count, t.last_post_at,
        )
        for t in threads
    }  # fmt: skip
    rows = content_cache.by_content(
        "forum-row",
        inputs,
        lambda pk: _parts(THREAD_ROW, {"thread": by_pk[pk], "show_category": show_category}),
    )
    unread = unread or {}
    html = []
    for thread in threads:
        before, after = rows[thread.pk]
        state = unread.get(thread.pk)
        mark = ""
        if state is not None and state.is_new:
            mark = mark_safe('<strong class="govuk-tag govuk-tag--pink">New</strong>')
        elif state is not None and state.new_posts:
            mark = format_html(
                '<strong class="govuk-tag govuk-tag--pink">{} new</strong>', state.new_posts
            )
        html.append(f"{before}{mark}{after}")
    return mark_safe("".join(html))  # noqa: S308 - rendered templates and escaped parts


def post_heads(posts, thread) -> dict[int, tuple[str, str]]:
    """The byline and text of each shown post (not hidden, not deleted), the same for every
    viewer: cached under a digest of what they show (text, mentions, author's name, dates,
    whether it is the solution), so an edit, a rename or an erasure shows at once. Hidden
    posts, which differ by viewer, are rendered on each request."""
    context = (_template_digest(POST_HEAD), timezone.get_current_timezone_name())
    shown = {p.pk: p for p in posts if p.hidden_at is None and p.deleted_at is None}
    inputs = {
        p.pk: (
            *context,
            p.pk, p.number, _name(p.author), p.author_id == thread.author_id, p.created_at,
            p.edited_at, thread.solution_id == p.pk, p.body, tuple(p.mentions or ()),
        )
        for p in shown.values()
    }  # fmt: skip
    return content_cache.by_content(
        "forum-post", inputs, lambda pk: _parts(POST_HEAD, {"post": shown[pk], "thread": thread})
    )


@register.simple_tag(takes_context=True)
def post_head(context, post):
    """A post's byline and text (cached by `post_heads` when the view passed them), with the
    viewer's "New" tag."""
    parts = (context.get("post_heads") or {}).get(post.pk)
    if parts is None:
        shown = {"post": post, "thread": context["thread"]}
        parts = _parts(POST_HEAD, {**shown, "is_moderator": context.get("is_moderator")})
    last_read = context.get("last_read")
    mark = ""
    if last_read is not None and post.number > last_read:
        mark = '<strong class="govuk-tag govuk-tag--pink">New</strong>'
    return mark_safe(f"{parts[0]}{mark}{parts[1]}")  # noqa: S308 - rendered template parts


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
