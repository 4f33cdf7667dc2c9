"""A case study's comment threads, rendered once for every viewer and cached.

A page of 50 comments with their replies took most of a case study's page to render (member
links, dates, Markdown). What every viewer sees is the same, so `comment_threads.html` is
rendered once and cached under the case study's comments version (bumped when any of its
comments is saved or deleted) and the members' version (a renamed or erased member). What only
some viewers see (Edit and Delete on their own comments, Report or Reported, Hide and Show it
again for moderators, the reply forms with their CSRF token and one-time key, the text of one's
own hidden comment) is never cached: `comment.html` leaves a marker for each, filled in per
request from `comment_parts.html`, one small render for the whole page (none for visitors who
are not signed in, who see none of it).
"""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from cases.casestudies import selectors
from hub.base.templatetags.hub_text import derive_key

MARKER = re.compile(r"<!--hub:(hidden|actions|reply):(\d+)-->")
PART = re.compile(r"<!--hub:part:(\d+):(hidden|actions)-->")
# The reply form is rendered once a request with these in place of a comment's own values.
PK, NAME, KEY = "__hub_comment_pk__", "__hub_comment_author__", "__hub_reply_key__"


def _meta(comment, *, reply: bool) -> dict:
    hidden = comment.deleted_at is None and comment.hidden_at is not None
    return {
        "pk": comment.pk,
        "author_id": comment.author_id,
        "public_name": comment.author.public_name if comment.author_id else "",
        "reply": reply,
        "shown": comment.deleted_at is None and comment.hidden_at is None,
        "hidden": hidden,
        # Only the author (and no one else) is shown a hidden comment's text, per request.
        "body": comment.body if hidden else "",
        # Reversed once, when the threads are rendered, not for every viewer's parts.
        "urls": {
            name: reverse(f"comment_{name}", kwargs={"pk": comment.pk})
            for name in ("edit", "delete", "flag", "hide", "restore")
        },
    }


def _render(case_study, page: str | None) -> dict:
    comments = selectors.comment_threads(case_study, page=page)
    meta = []
    for comment in comments.object_list:
        meta.append(_meta(comment, reply=False))
        meta.extend(_meta(child, reply=True) for child in comment.replies.all())
    html = render_to_string(
        "cases/includes/comment_threads.html", {"comments": comments, "case_study": case_study}
    )
    return {"html": str(html), "meta": meta}


def _reply_forms(request, meta: list[dict], context: dict, parts: dict) -> None:
    """A reply form under each shown top-level comment: one render, then each comment's id,
    its author's name (escaped) and its one-time key put in (derived from the page's key, as
    `derive_key` does)."""
    form = render_to_string(
        "cases/includes/comment_reply.html",
        {**context, "comment": {"pk": PK, "public_name": NAME}, "reply_key": KEY},
        request,
    )
    initial = context["comment_form"].initial.get("submission_key")
    for comment in meta:
        if comment["shown"] and not comment["reply"]:
            pk = str(comment["pk"])
            parts[(pk, "reply")] = (
                form.replace(PK, pk)
                .replace(NAME, str(escape(comment["public_name"])))
                .replace(KEY, derive_key(initial, pk))
            )


def threads(request, case_study, *, page: str | None, value: dict | None, context: dict):
    """The comment threads of `page` as this viewer sees them, and what to cache (None when
    `value`, read from the cache, was there). `context` gives what the per-viewer parts need:
    is_moderator, flagged, comment_refusal, comment_form."""
    fresh = None
    if value is None:
        value = fresh = _render(case_study, page)
    parts: dict[tuple[str, str], str] = {}
    if request.user.is_authenticated and value["meta"]:
        extra = {
            **context,
            "case_study": case_study,
            "comment_url": reverse("case_study_comment", kwargs={"pk": case_study.pk}),
        }
        rendered = render_to_string(
            "cases/includes/comment_parts.html", {**extra, "comment_meta": value["meta"]}, request
        )
        pieces = PART.split(rendered)
        for i in range(1, len(pieces) - 2, 3):
            parts[(pieces[i], pieces[i + 1])] = pieces[i + 2]
        if not context.get("comment_refusal"):
            _reply_forms(request, value["meta"], extra, parts)
    html = MARKER.sub(lambda m: parts.get((m[2], m[1]), ""), value["html"])
    return mark_safe(html), fresh  # noqa: S308 - our own templates' output
