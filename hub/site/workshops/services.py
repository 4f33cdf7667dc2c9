"""'What Works' workshop notes: proposals from members through Wagtail's moderation workflow,
and the moderators' decisions (reads are in hub.site.workshops.selectors, calendar files in
hub.site.workshops.calendar).

A proposal is a draft WorkshopPage under the index, owned by its proposer, put into the
workflow assigned to the index ("Workshop notes review": one group approval task for the
Moderators). Approval finishes the workflow, which publishes the page; rejection leaves it a
draft with the moderator's comment. Wagtail logs each workflow action in its audit log.
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.rich_text import RichText

from hub.base import roles
from hub.base.markdown import clean_markdown
from hub.base.models import User
from hub.base.notifications import notify
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
from hub.site.workshops.selectors import page_type, review_task_state

LONDON = ZoneInfo("Europe/London")
NOTE_TAGS = {"p", "strong", "em", "b", "i", "ol", "ul", "li", "a", "br"}
ACTION_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s*")
EXAMPLE_HEADING = re.compile(r"^\s*#{1,6}\s*(.+?)\s*#*\s*$")
DEFAULT_LENGTH = datetime.timedelta(hours=2)
MAX_UPCOMING = 50


def proposal_rate() -> str:
    return f"{settings.HUB_WORKSHOP_PROPOSALS_PER_DAY}/d"


# Writes --------------------------------------------------------------------------------------


def note_html(text: str) -> str:
    """A member's Markdown as rich text a note block may hold: rendered, then cleaned by nh3
    to the note features (paragraphs, lists, bold, italic, http(s)/mailto links), never raw."""
    return clean_markdown(text, tags=NOTE_TAGS, attributes={"a": {"href"}}).strip()


def _practice_examples(text: str) -> list[tuple[str, dict]]:
    """Each '# Title' line starts an example; text without one is a single example."""
    examples: list[tuple[str, list[str]]] = []
    for line in (text or "").splitlines():
        heading = EXAMPLE_HEADING.match(line)
        if heading:
            examples.append((heading[1][:200], []))
        else:
            if not examples:
                examples.append(("Practice example", []))
            examples[-1][1].append(line)
    blocks = []
    for title, lines in examples:
        body = note_html("\n".join(lines))
        if body or title != "Practice example":
            blocks.append(
                ("practice_example", {"title": title, "organisation": "", "text": RichText(body)})
            )
    return blocks


def _actions(text: str) -> list[tuple[str, dict]]:
    """One action per line; list bullets are dropped. Stored as plain text, escaped on output."""
    actions = []
    for line in (text or "").splitlines():
        action = ACTION_BULLET.sub("", line).strip()
        if action:
            actions.append(("action", {"action": action[:300], "owner": "", "due": None}))
    return actions


def notes_blocks(*, shared: str, examples: str, actions: str, follow_ups: str) -> list:
    """The four note sections of the proposal form as the page's StreamField blocks."""
    blocks: list = []
    if html := note_html(shared):
        blocks.append(("what_was_shared", RichText(html)))
    blocks += _practice_examples(examples)
    blocks += _actions(actions)
    if html := note_html(follow_ups):
        blocks.append(("follow_up", RichText(html)))
    return blocks


def _validate(data: dict) -> None:
    errors = {}
    if not (data.get("title") or "").strip():
        errors["title"] = "Enter a title"
    start, end = data.get("start_time"), data.get("end_time")
    if start and end and end <= start:
        errors["end_time"] = "The end time must be after the start time"
    if end and not start:
        errors["start_time"] = "Enter the start time, or leave both times empty"
    if not any(
        (data.get(k) or "").strip() for k in ("shared", "examples", "actions", "follow_ups")
    ):
        errors["shared"] = "Enter what was shared, or at least one other section of the notes"
    if errors:
        raise ValidationError(errors)


def _unique_slug(index: WorkshopIndexPage, title: str, date: datetime.date) -> str:
    base = slugify(f"{title} {date:%B %Y}")[:200] or "workshop"  # never "calendar", a route
    taken = set(
        Page.objects.child_of(index).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(page: WorkshopPage, data: dict) -> None:
    page.title = data["title"].strip()
    page.draft_title = page.title
    page.date = data["date"]
    page.start_time = data.get("start_time")
    page.end_time = data.get("end_time")
    page.venue = (data.get("venue") or "").strip()
    page.area = data["area"]
    page.facilitator = data.get("facilitator")
    page.summary = data["summary"].strip()
    page.notes = notes_blocks(
        shared=data.get("shared", ""),
        examples=data.get("examples", ""),
        actions=data.get("actions", ""),
        follow_ups=data.get("follow_ups", ""),
    )
    page.case_studies = [("case_study", cs) for cs in data.get("case_studies") or []]
    page.attendees = list(data.get("attendees") or [])
    page.claimant_groups = list(data.get("claimant_groups") or [])
    page.themes = list(data.get("themes") or [])


@transaction.atomic
def workshop_propose(*, actor: User, data: dict, submission_key=None) -> WorkshopPage:
    """Make the member's notes a draft page under the index and send it for review."""
    if not roles.is_member(actor):
        raise PermissionDenied("Only members of an organisation can propose workshop notes.")
    _validate(data)
    index = WorkshopIndexPage.objects.select_for_update().first()
    if index is None:
        raise ValidationError("Workshop notes cannot be proposed yet: there is no workshop index.")
    workflow = index.get_workflow()
    if workflow is None:
        raise ValidationError("Workshop notes cannot be proposed yet: no review is set up.")
    page = WorkshopPage(
        live=False, owner=actor, proposed_by=actor, submission_key=submission_key,
        slug=_unique_slug(index, data["title"], data["date"]),
    )  # fmt: skip
    _apply(page, data)
    index.add_child(instance=page)
    page.save_revision(user=actor, log_action=True)
    workflow.start(page, actor)
    return page


def proposal_state(actor: User, page: WorkshopPage) -> WorkflowState | None:
    """The proposer's rejected proposal's workflow state (needs changes), or None."""
    if page.proposed_by_id != actor.pk or page.live:
        return None
    return (
        WorkflowState.objects.filter(
            base_content_type=page_type(),
            object_id=str(page.pk),
            status=WorkflowState.STATUS_NEEDS_CHANGES,
        )
        .select_related("current_task_state")
        .first()
    )


@transaction.atomic
def workshop_resubmit(*, actor: User, page: WorkshopPage, data: dict) -> WorkshopPage:
    """Save the proposer's changes to a rejected proposal and send it back to the moderators."""
    state = proposal_state(actor, page)
    if state is None:
        raise PermissionDenied("Only a rejected proposal of yours can be changed and resubmitted.")
    _validate(data)
    page = WorkshopPage.objects.select_for_update().get(pk=page.pk)
    _apply(page, data)
    page.save_revision(user=actor, log_action=True)
    state.resume(user=actor)
    return page


@transaction.atomic
def workshop_review(*, actor: User, page: WorkshopPage, approve: bool, comment: str) -> None:
    """Approve (which publishes) or reject a proposal through its workflow task.

    The proposer hears of it from the workflow signals (`workflow_approved_handler`), so a
    decision taken in the Wagtail admin is announced the same way.
    """
    task_state = review_task_state(actor, page)
    if task_state is None:
        raise PermissionDenied("This proposal is not waiting for your review.")
    comment = (comment or "").strip()
    if not approve and not comment:
        raise ValidationError({"comment": "Say what needs to change, so the member can fix it"})
    task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise ValidationError("Someone has already reviewed this proposal.")
    task_state.task.specific.on_action(
        task_state.specific, actor, "approve" if approve else "reject", comment=comment
    )


def _proposer_url(page: WorkshopPage, *, live: bool) -> str:
    url = page.get_url() if live else None
    if not url or not url.startswith("/"):
        url = reverse("workshop_proposals")
    return url


def _notify_proposer(instance: WorkflowState, user) -> bool:
    """Tell the proposer of workshop notes that they were approved or rejected, with the
    moderator's comment; False when the workflow is not about workshop notes."""
    page = instance.content_object
    page = getattr(page, "specific", page)
    if not isinstance(page, WorkshopPage):
        return False
    if page.proposed_by is None:
        return True  # an editor's own page: nobody to tell
    task = instance.current_task_state
    comment = (task.comment if task else "") or ""
    if instance.status == WorkflowState.STATUS_APPROVED:
        page.refresh_from_db(fields=["live", "url_path"])
        message = f"Your workshop notes “{page.title}” are approved and published."
        kind, url = "workshop.approved", _proposer_url(page, live=True)
    else:
        message = f"Your workshop notes “{page.title}” were not approved."
        kind, url = "workshop.rejected", _proposer_url(page, live=False)
    if comment:
        message += f" The moderator said: {comment}"
    notify(recipient=page.proposed_by, kind=kind, message=message, url=url, actor=user)
    return True


def workflow_approved_handler(sender, instance, user=None, **kwargs):
    """Announce approved workshop notes through hub.notifications; Wagtail's email otherwise.

    A signal, not a call in `workshop_review`: moderators can also decide in the Wagtail admin
    (its dashboard and editor's workflow actions), which only Wagtail's signals see. hub.apps
    connects it under the dispatch_uid of Wagtail's own approval email, which it replaces: the
    proposer gets one notice, as their hub preferences say, not a second email linking to an
    admin they cannot open.
    """
    if not _notify_proposer(instance, user):
        from wagtail.admin.signal_handlers import workflow_approval_email_notifier

        workflow_approval_email_notifier(sender=sender, instance=instance, user=user, **kwargs)


def workflow_rejected_handler(sender, instance, user=None, **kwargs):
    """Announce rejected workshop notes with the comment; Wagtail's email otherwise (as above)."""
    if not _notify_proposer(instance, user):
        from wagtail.admin.signal_handlers import workflow_rejection_email_notifier

        workflow_rejection_email_notifier(sender=sender, instance=instance, user=user, **kwargs)
