"""Fictional demo 'What Works' workshop notes: fifteen workshops across areas and themes, four of
them still to come, two with a follow-up thread in the forum, and one member's proposal waiting
for a moderator.

Every workshop, venue, person and practice here is invented for the hub's demo content; none of
it reports a real provider's practice. ``seed()`` is idempotent: a workshop is written only when
no page with its slug is under the index, so an editor's changes survive a second run. Dates are
relative to the day of the first run.
"""

# ruff: noqa: E501  -- prose reads better unwrapped

from __future__ import annotations

import datetime
import uuid

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.rich_text import RichText

from hub.base import notifications
from hub.base.models import Area, ClaimantGroup, Organisation, Theme, User
from hub.site.demo.data import load
from hub.site.pages import HomePage
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage

_DATA = load("workshops")

FICTION = (
    "These notes are fictional demo content: the workshop, the people and the practice are made up."
)
PROPOSAL_KEY = uuid.UUID("6b1f3a57-2f0e-4f61-9a53-1d0c8d8f7a01")
WORKFLOW_NAME = "Workshop notes review"

# Each: slug, title, days from today, start, end, venue, area code, facilitator, attendees,
# claimant groups, themes, summary, what was shared (HTML), practice examples
# (title, organisation, HTML), actions (action, owner), follow-up (HTML), forum thread or None.
WORKSHOPS = _DATA["WORKSHOPS"]

PENDING = _DATA["PENDING"]


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _index(stdout) -> WorkshopIndexPage:
    index = WorkshopIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = home.add_child(
            instance=WorkshopIndexPage(
                title="Workshops",
                slug="workshops",
                intro=(
                    "Notes from 'What Works' workshops, where front-line advisers from different "
                    "providers in an area meet and share what works."
                ),
            )
        )
        index.save_revision().publish()
        _say(stdout, "Made the workshop index page.")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:  # the migration makes it; this covers a database where it was removed
        from django.contrib.auth.models import Group

        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        task = GroupApprovalTask.objects.create(name="Moderators review workshop notes")
        task.groups.add(Group.objects.get(name="Moderators"))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return index


def _notes(spec: dict) -> list:
    blocks = [("what_was_shared", RichText(spec["shared"]))]
    for title, organisation, text in spec["examples"]:
        blocks.append(
            (
                "practice_example",
                {"title": title, "organisation": organisation, "text": RichText(text)},
            )
        )
    for action, owner in spec["actions"]:
        blocks.append(("action", {"action": action, "owner": owner, "due": None}))
    blocks.append(("follow_up", RichText(spec["follow_up"] + f"<p><i>{FICTION}</i></p>")))
    return blocks


def _time(value):
    return datetime.time(*value) if value else None


def _thread(page: WorkshopPage, spec: dict, author: User, replier: User | None) -> None:
    """A follow-up thread about the workshop, written straight to the forum's tables as
    hub/site/demo/forum.py does (backdated, with no notifications)."""
    from forum.models import Category, Thread
    from forum.services import _add_post

    category = Category.objects.filter(slug="vcs-partnerships").first() or Category.objects.first()
    if category is None or Thread.objects.filter(page=page).exists():
        return
    title, body = spec["thread"]
    when = timezone.make_aware(datetime.datetime.combine(page.date, datetime.time(17)))
    if when + datetime.timedelta(days=2) > timezone.now():
        return  # a follow-up cannot come before the workshop has happened
    thread = Thread.objects.create(
        category=category, title=title, author=author, page=page,
        last_post_at=when, last_post_author=author,
    )  # fmt: skip
    Thread.objects.filter(pk=thread.pk).update(created_at=when)
    Category.objects.filter(pk=category.pk).update(thread_count=F("thread_count") + 1)
    _add_post(thread, author=author, body=body, when=when)
    if replier is not None:
        _add_post(
            thread,
            author=replier,
            body="We tried this after the workshop and it helped. Happy to share our version.",
            when=when + datetime.timedelta(days=2),
        )
    # The posts are backdated: the category's latest post is still whichever is newest.
    latest = Thread.objects.filter(category=category).aggregate(latest=Max("last_post_at"))
    Category.objects.filter(pk=category.pk).update(last_post_at=latest["latest"])


def _first_member(organisation: Organisation) -> User | None:
    return (
        User.objects.filter(memberships__organisation=organisation, memberships__status="approved")
        .order_by("pk")
        .first()
    )


def seed(stdout=None) -> str:
    """Create the demo workshop index, workshops, follow-up threads and pending proposal where
    missing. Returns a one-line summary."""
    with notifications.emails_muted(), transaction.atomic():
        return _seed(stdout)


def _seed(stdout) -> str:
    from cases.casestudies.models import CaseStudy

    index = _index(stdout)
    today = timezone.localdate()
    areas = {a.code: a for a in Area.objects.all()}
    groups = {g.slug: g for g in ClaimantGroup.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    organisations = {o.name: o for o in Organisation.objects.all()}
    existing = set(WorkshopPage.objects.child_of(index).values_list("slug", flat=True))
    made = 0
    for spec in WORKSHOPS:
        if spec["slug"] in existing:
            continue
        facilitator = organisations.get(spec["facilitator"])
        page = WorkshopPage(
            title=spec["title"],
            slug=spec["slug"],
            date=today + datetime.timedelta(days=spec["days"]),
            start_time=_time(spec["start"]),
            end_time=_time(spec["end"]),
            venue=spec["venue"],
            area=areas[spec["area"]],
            facilitator=facilitator,
            summary=spec["summary"],
        )
        if "shared" in spec:
            page.notes = _notes(spec)
            studies = (
                CaseStudy.objects.published()
                .filter(organisation__name__in=[spec["facilitator"], *spec["attendees"]])
                .order_by("-published_at")[:2]
            )
            page.case_studies = [("case_study", cs) for cs in studies]
        page.attendees = [organisations[n] for n in spec["attendees"] if n in organisations]
        page.claimant_groups = [groups[s] for s in spec["groups"] if s in groups]
        page.themes = [themes[s] for s in spec["themes"] if s in themes]
        index.add_child(instance=page)
        page.save_revision().publish()
        made += 1
        if spec.get("thread") and facilitator is not None:
            author = _first_member(facilitator)
            attendee = organisations.get(spec["attendees"][0])
            replier = _first_member(attendee) if attendee else None
            if author is not None:
                _thread(page, spec, author, replier)
    proposed = _pending(index, areas, today)
    return (
        f"Workshops: {made} workshop notes added ({len(WORKSHOPS)} in the demo)"
        f"{', one proposal waiting for review' if proposed else ''}."
    )


def _pending(index, areas, today) -> bool:
    from hub.site.workshops.services import workshop_propose

    proposer = User.objects.filter(username=PENDING["proposer"]).first()
    if proposer is None or WorkshopPage.objects.filter(submission_key=PROPOSAL_KEY).exists():
        return False
    data = {
        **PENDING,
        "date": today + datetime.timedelta(days=PENDING["days"]),
        "area": areas[PENDING["area"]],
        "start_time": datetime.time(10),
        "end_time": datetime.time(12),
        "venue": "Sunderland City Library",
        "title": PENDING["title"],
        "summary": PENDING["summary"] + " (Fictional demo content.)",
        "themes": list(
            Theme.objects.filter(slug__in=["engagement-and-attendance", "partnership-working"])
        ),
        "claimant_groups": [],
        "attendees": [],
        "facilitator": None,
        "case_studies": [],
    }
    # Wagtail mails the moderators about a submission itself, outside hub.notifications;
    # a demo load mails nobody.
    from django.test.utils import override_settings

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        page = workshop_propose(actor=proposer, data=data, submission_key=PROPOSAL_KEY)
    return page is not None
