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
from hub.site.pages import HomePage
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage

FICTION = (
    "These notes are fictional demo content: the workshop, the people and the practice are made up."
)
PROPOSAL_KEY = uuid.UUID("6b1f3a57-2f0e-4f61-9a53-1d0c8d8f7a01")
WORKFLOW_NAME = "Workshop notes review"

# Each: slug, title, days from today, start, end, venue, area code, facilitator, attendees,
# claimant groups, themes, summary, what was shared (HTML), practice examples
# (title, organisation, HTML), actions (action, owner), follow-up (HTML), forum thread or None.
WORKSHOPS = [
    {
        "slug": "text-reminders-and-missed-appointments",
        "title": "Text reminders and missed first appointments",
        "days": -200,
        "start": (10, 0),
        "end": (12, 30),
        "venue": "Riverside Pathways, Sunderland",
        "area": "CPA5",
        "facilitator": "Riverside Pathways",
        "attendees": [
            "Northgate Employment Partnership",
            "Clearview Mental Health Employment Service",
            "Wearside Jobcentre Plus Office",
            "Open Door Carers' Network",
        ],
        "groups": ["jsa-18-24", "jsa-25"],
        "themes": ["engagement-and-attendance", "partnership-working"],
        "summary": "Advisers from four organisations compared how they get people to a first appointment, and agreed a shared reminder script.",
        "shared": "<p>Everyone had the same problem: around a third of referrals did not arrive for the first appointment. Riverside had cut this by sending a text the day before and another two hours before, written in plain words and signed by the adviser by name.</p><p>The Jobcentre work coach said a warm handover, where the work coach rings the provider with the claimant in the room, did more than any letter.</p>",
        "examples": [
            (
                "Two texts, signed by a named adviser",
                "Riverside Pathways",
                "<p>A text the day before and two hours before, from the adviser's own name, with the address and a landmark. Missed first appointments fell from about one in three to about one in five over six months.</p>",
            ),
            (
                "Warm handover from the Jobcentre",
                "Wearside Jobcentre Plus Office",
                "<p>The work coach phones the provider during the claimant's appointment and passes the phone over, so the claimant has spoken to their adviser before they arrive.</p>",
            ),
        ],
        "actions": [
            ("Share the reminder text wording with everyone who attended", "Riverside Pathways"),
            ("Trial warm handovers for two months in Sunderland", "Wearside Jobcentre Plus Office"),
        ],
        "follow_up": "<p>Compare missed-appointment figures at the next workshop in three months.</p>",
        "thread": (
            "What reminder texts work for you?",
            "We shared our two-text approach at the Sunderland workshop. Has anyone tried something different, like a voice message? Keen to compare notes before the follow-up session.",
        ),
    },
    {
        "slug": "employer-breakfasts-north-east",
        "title": "Employer breakfasts: getting small firms through the door",
        "days": -170,
        "start": (8, 30),
        "end": (10, 30),
        "venue": "Northgate Employment Partnership, Newcastle",
        "area": "CPA5",
        "facilitator": "Northgate Employment Partnership",
        "attendees": [
            "Riverside Pathways",
            "Harbour Lights Training",
            "Employment Providers' Forum North",
        ],
        "groups": ["jsa-25"],
        "themes": ["employer-engagement"],
        "summary": "Providers shared how they persuade small employers to offer work trials, and agreed to stop competing for the same firms.",
        "shared": "<p>Small employers are asked by several providers at once and tire of it. Breakfast meetings hosted with a local business group worked better than cold calls, especially when a past participant spoke.</p>",
        "examples": [
            (
                "A participant tells their story",
                "Northgate Employment Partnership",
                "<p>At each breakfast one person who started work through a trial speaks for five minutes about their first month. Employers asked more questions of them than of the providers.</p>",
            )
        ],
        "actions": [
            (
                "Draw up a shared list of employers already engaged, so providers do not all call the same firms",
                "Employment Providers' Forum North",
            ),
            ("Host the next breakfast in Hartlepool", "Harbour Lights Training"),
        ],
        "follow_up": "<p>Report back on the shared employer list at the next forum meeting.</p>",
        "thread": None,
    },
    {
        "slug": "the-first-fortnight-in-work",
        "title": "The first fortnight in work",
        "days": -150,
        "start": (13, 30),
        "end": (16, 0),
        "venue": "Harbour Lights Training, Scarborough",
        "area": "CPA18",
        "facilitator": "Harbour Lights Training",
        "attendees": ["Second Chance Community Trust", "Northgate Employment Partnership"],
        "groups": ["jsa-25", "jsa-prison-leavers"],
        "themes": ["in-work-support"],
        "summary": "In-work support advisers compared what they do in the first two weeks of a job, when most early drop-outs happen.",
        "shared": "<p>Most people who left a job in the first month did so in the first fortnight, often over money: the gap before the first wage, travel costs and childcare.</p>",
        "examples": [
            (
                "A call on day one and day five",
                "Harbour Lights Training",
                "<p>A short call at the end of the first day and again on the Friday. Problems come up early enough to fix, such as a shift pattern that clashes with a bus timetable.</p>",
            ),
            (
                "Travel paid until the first wage",
                "Second Chance Community Trust",
                "<p>A small fund pays bus fares until the first payday. It costs little and removes the most common reason people give for leaving.</p>",
            ),
        ],
        "actions": [("Write up the day-one and day-five call prompts", "Harbour Lights Training")],
        "follow_up": "<p>Ask the prime whether a shared travel fund could cover the whole area.</p>",
        "thread": None,
    },
    {
        "slug": "fluctuating-mental-health-conditions",
        "title": "Supporting people with fluctuating mental health conditions",
        "days": -130,
        "start": (10, 0),
        "end": (13, 0),
        "venue": "Clearview Mental Health Employment Service, Gateshead",
        "area": "CPA5",
        "facilitator": "Clearview Mental Health Employment Service",
        "attendees": [
            "Riverside Pathways",
            "Northgate Employment Partnership",
            "Open Door Carers' Network",
        ],
        "groups": ["new-esa-claimants", "esa-volunteers"],
        "themes": ["mental-health", "health-and-work"],
        "summary": "Advisers learnt from a specialist provider how to plan around good and bad weeks, and when to refer on.",
        "shared": "<p>Generalist advisers said they worried about saying the wrong thing. The specialist team explained a simple plan, agreed with the participant, for what happens in a bad week: who to contact, what can wait, and what the adviser will not chase.</p>",
        "examples": [
            (
                "A 'bad week' plan",
                "Clearview Mental Health Employment Service",
                "<p>A one-page plan written with the participant, kept on file and shared with their consent. It keeps contact going without pressure, and people return sooner.</p>",
            )
        ],
        "actions": [
            ("Share the 'bad week' plan template", "Clearview Mental Health Employment Service"),
            (
                "Arrange a half-day training session for generalist advisers",
                "Northgate Employment Partnership",
            ),
        ],
        "follow_up": "<p>Training session to be booked for the spring.</p>",
        "thread": (
            "Using a 'bad week' plan with participants",
            "Clearview showed us their one-page plan at the Gateshead workshop. Has anyone started using something similar? How did participants react to writing it together?",
        ),
    },
    {
        "slug": "debt-and-housing-referrals-london-west",
        "title": "Debt and housing: referring early",
        "days": -110,
        "start": (14, 0),
        "end": (16, 30),
        "venue": "Keystone Housing and Debt Advice, Hammersmith",
        "area": "CPA3",
        "facilitator": "Keystone Housing and Debt Advice",
        "attendees": ["Meridian Work Solutions", "Eastside Futures"],
        "groups": ["jsa-25", "esa-ex-incapacity-benefit"],
        "themes": ["housing-and-debt", "partnership-working"],
        "summary": "Specialist debt and housing advisers showed how earlier referrals stop a crisis derailing someone's job search.",
        "shared": "<p>Referrals for debt advice usually came after a crisis such as an eviction notice. Three questions at the first appointment found most problems months earlier.</p>",
        "examples": [
            (
                "Three money questions at the first meeting",
                "Keystone Housing and Debt Advice",
                "<p>Are you behind with rent? Are you behind with any bills? Is anyone chasing you for money? A yes to any of them means an offer of a referral the same week.</p>",
            )
        ],
        "actions": [
            (
                "Add the three questions to the first-appointment checklist",
                "Meridian Work Solutions",
            )
        ],
        "follow_up": "<p>Keystone will report referral numbers by quarter.</p>",
        "thread": None,
    },
    {
        "slug": "young-people-and-first-jobs-east-london",
        "title": "Young people and first jobs",
        "days": -95,
        "start": (10, 0),
        "end": (12, 0),
        "venue": "Eastside Futures, Stratford",
        "area": "CPA4",
        "facilitator": "Eastside Futures",
        "attendees": [
            "Meridian Work Solutions",
            "Lantern Digital Inclusion CIC",
            "Clearview Mental Health Employment Service",
        ],
        "groups": ["jsa-18-24"],
        "themes": ["young-people", "engagement-and-attendance"],
        "summary": "Youth coaches compared group sessions with one-to-one work for 18-24s who had been on several schemes already.",
        "shared": "<p>Young people who had been through schemes before expected the same again. Sessions run by young people who had found work, with the coach in the background, kept more of them coming.</p>",
        "examples": [
            (
                "Peer-led Friday sessions",
                "Eastside Futures",
                "<p>A weekly session run by two former participants now in work, with pizza and no forms. Attendance at the following week's one-to-one rose.</p>",
            )
        ],
        "actions": [("Invite Lantern to run a CV session at the Friday group", "Eastside Futures")],
        "follow_up": "<p>Meet again in the summer to compare attendance.</p>",
        "thread": None,
    },
    {
        "slug": "digital-skills-for-job-search",
        "title": "Digital skills for online job search",
        "days": -80,
        "start": (13, 0),
        "end": (15, 0),
        "venue": "Lantern Digital Inclusion CIC, Barking",
        "area": "CPA4",
        "facilitator": "Lantern Digital Inclusion CIC",
        "attendees": ["Eastside Futures", "Meridian Work Solutions"],
        "groups": ["jsa-25", "new-esa-claimants"],
        "themes": ["digital-inclusion", "skills-and-training"],
        "summary": "Trainers showed short, practical sessions for people who have never applied for a job online.",
        "shared": "<p>Long courses put people off. Forty-minute sessions built around one real application, on a borrowed tablet, worked better.</p>",
        "examples": [
            (
                "One real application per session",
                "Lantern Digital Inclusion CIC",
                "<p>Each session ends with an application sent, so the skill is learnt by doing it once for real.</p>",
            )
        ],
        "actions": [
            ("Lend ten tablets to Eastside's Friday group", "Lantern Digital Inclusion CIC")
        ],
        "follow_up": "<p>Count applications sent by people who came to a session.</p>",
        "thread": None,
    },
    {
        "slug": "working-with-prison-leavers",
        "title": "Working with prison leavers in the first weeks after release",
        "days": -60,
        "start": (10, 30),
        "end": (13, 0),
        "venue": "Second Chance Community Trust, Hull",
        "area": "CPA18",
        "facilitator": "Second Chance Community Trust",
        "attendees": [
            "Harbour Lights Training",
            "Northgate Employment Partnership",
            "Employment Providers' Forum North",
        ],
        "groups": ["jsa-prison-leavers"],
        "themes": ["partnership-working", "housing-and-debt"],
        "summary": "A charity working with people with convictions shared how mentors meet people at the gate and what employers need to hear.",
        "shared": "<p>The first week after release decides a lot. Somewhere to live and a bank account came before any talk of work.</p>",
        "examples": [
            (
                "Met at the gate",
                "Second Chance Community Trust",
                "<p>A volunteer mentor meets the person on release and goes with them to the housing office and the bank that same day.</p>",
            ),
            (
                "Talking to employers about convictions",
                "Harbour Lights Training",
                "<p>A one-page guide for employers on what a spent conviction means, which the participant has seen and agreed to.</p>",
            ),
        ],
        "actions": [
            ("Share the employer guide", "Harbour Lights Training"),
            ("Ask the prime about funding for mentors' travel", "Second Chance Community Trust"),
        ],
        "follow_up": "<p>A second session with probation staff invited.</p>",
        "thread": None,
    },
    {
        "slug": "carers-returning-to-work",
        "title": "Carers returning to work",
        "days": -45,
        "start": (10, 0),
        "end": (12, 0),
        "venue": "Online",
        "area": "CPA5",
        "facilitator": "Open Door Carers' Network",
        "attendees": ["Riverside Pathways", "Clearview Mental Health Employment Service"],
        "groups": ["esa-volunteers", "ibis-volunteers"],
        "themes": ["in-work-support", "health-and-work"],
        "summary": "A carers' charity explained what carers need from employers and advisers before they can take a job.",
        "shared": "<p>Carers need hours that fit around care and an employer who will not penalise an emergency call. Advisers often do not ask about caring at all.</p>",
        "examples": [
            (
                "Ask about caring at the first meeting",
                "Open Door Carers' Network",
                "<p>One question, 'Do you look after anyone?', opens the conversation about hours and cover.</p>",
            )
        ],
        "actions": [("Add the caring question to first-meeting notes", "Riverside Pathways")],
        "follow_up": "<p>Open Door will share a list of carer-friendly employers.</p>",
        "thread": None,
    },
    {
        "slug": "benchmarking-job-outcomes-together",
        "title": "Reading performance figures together",
        "days": -30,
        "start": (14, 0),
        "end": (16, 0),
        "venue": "Meridian Work Solutions, Canary Wharf",
        "area": "CPA4",
        "facilitator": "Meridian Work Solutions",
        "attendees": [
            "Eastside Futures",
            "Keystone Housing and Debt Advice",
            "Clearview Mental Health Employment Service",
            "Lantern Digital Inclusion CIC",
        ],
        "groups": ["jsa-25", "new-esa-claimants"],
        "themes": ["partnership-working", "skills-and-training"],
        "summary": "A prime and its supply chain looked at their job outcome figures side by side and talked about what explains the differences.",
        "shared": "<p>Specialist providers worried their figures looked poor beside end-to-end providers. Comparing like with like, by claimant group, changed the picture.</p>",
        "examples": [
            (
                "Compare by claimant group, not overall",
                "Meridian Work Solutions",
                "<p>Showing figures per claimant group stopped a specialist's work with new ESA claimants being judged against JSA results.</p>",
            )
        ],
        "actions": [
            ("Publish quarterly figures on the hub by claimant group", "Meridian Work Solutions")
        ],
        "follow_up": "<p>Repeat the session when the next quarter's figures are in.</p>",
        "thread": None,
    },
    {
        "slug": "volunteering-as-a-step-to-work",
        "title": "Volunteering as a step to work",
        "days": -12,
        "start": (10, 0),
        "end": (12, 30),
        "venue": "Employment Providers' Forum North, Durham",
        "area": "CPA5",
        "facilitator": "Employment Providers' Forum North",
        "attendees": [
            "Open Door Carers' Network",
            "Second Chance Community Trust",
            "Riverside Pathways",
        ],
        "groups": ["esa-volunteers", "jsa-25"],
        "themes": ["skills-and-training", "engagement-and-attendance"],
        "summary": "Charities and providers discussed when volunteering helps someone towards work and when it becomes a place to stay.",
        "shared": "<p>Volunteering built confidence and a recent reference, but without a review date people stayed for years.</p>",
        "examples": [
            (
                "A twelve-week review",
                "Open Door Carers' Network",
                "<p>Every volunteer placement has a review after twelve weeks with the employment adviser present.</p>",
            )
        ],
        "actions": [
            (
                "Draft a shared volunteering agreement with a review date",
                "Employment Providers' Forum North",
            )
        ],
        "follow_up": "<p>Circulate the draft agreement for comments.</p>",
        "thread": None,
    },
    # Upcoming: no notes yet, just what and where.
    {
        "slug": "in-work-progression-spring",
        "title": "In-work progression: the second job",
        "days": 9,
        "start": (10, 0),
        "end": (12, 30),
        "venue": "Harbour Lights Training, Scarborough",
        "area": "CPA18",
        "facilitator": "Harbour Lights Training",
        "attendees": ["Northgate Employment Partnership", "Second Chance Community Trust"],
        "groups": ["jsa-25"],
        "themes": ["in-work-support", "employer-engagement"],
        "summary": "How advisers help people move from a first, often seasonal, job to better-paid and more secure work.",
    },
    {
        "slug": "mental-health-and-work-coaches",
        "title": "Mental health: working alongside work coaches",
        "days": 21,
        "start": (13, 30),
        "end": (16, 0),
        "venue": "Wearside Jobcentre Plus Office, Sunderland",
        "area": "CPA5",
        "facilitator": "Wearside Jobcentre Plus Office",
        "attendees": ["Clearview Mental Health Employment Service", "Riverside Pathways"],
        "groups": ["new-esa-claimants"],
        "themes": ["mental-health", "partnership-working"],
        "summary": "Work coaches and specialist advisers on sharing information, with consent, so people do not tell their story twice.",
    },
    {
        "slug": "young-people-and-apprenticeships",
        "title": "Young people and apprenticeships",
        "days": 35,
        "start": None,
        "end": None,
        "venue": "Eastside Futures, Stratford",
        "area": "CPA4",
        "facilitator": "Eastside Futures",
        "attendees": ["Meridian Work Solutions", "Lantern Digital Inclusion CIC"],
        "groups": ["jsa-18-24"],
        "themes": ["young-people", "skills-and-training"],
        "summary": "An all-day session with local employers on apprenticeships for young people who left school without qualifications.",
    },
    {
        "slug": "digital-inclusion-west-london",
        "title": "Getting online: devices and data",
        "days": 50,
        "start": (10, 0),
        "end": (12, 0),
        "venue": "Online",
        "area": "CPA3",
        "facilitator": "Lantern Digital Inclusion CIC",
        "attendees": ["Keystone Housing and Debt Advice", "Meridian Work Solutions"],
        "groups": ["jsa-25", "esa-ex-incapacity-benefit"],
        "themes": ["digital-inclusion", "housing-and-debt"],
        "summary": "How providers help people without a device or data get online to search and apply for work.",
    },
]

PENDING = {
    "proposer": "liam.turner",
    "title": "Job clubs in libraries",
    "days": -4,
    "area": "CPA5",
    "summary": "Advisers from three providers compared job clubs run in public libraries with those in their own offices.",
    "shared": "Library job clubs reached people who would **not** come to a provider's office, and the library staff helped with computers.",
    "examples": "# Tuesday library club\nTwo advisers from different providers run it together, taking turns.",
    "actions": "- Ask the library service for a second room\n- Share the sign-up sheet",
    "follow_ups": "Visit the Tuesday club in a month.",
}


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
