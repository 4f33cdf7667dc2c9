"""The demo forum's fragments and the small records a plan is made of.

The prose is in ``data/forum.yaml`` (fictional, like all demo content); this module names it
and adds the figures and rules that are code rather than text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone

from hub.site.demo.data import load

_DATA = load("forum")

RANDOM_SEED = 2026
SPAN_DAYS = 540  # threads start over the last eighteen months
MEMBERS_JOINED_DAYS = 730  # demo people "joined" about two years ago, before their first post

# Categories ------------------------------------------------------------------------------------

# (slug, name, description, read_access, claimant groups its threads talk about)
CATEGORIES = _DATA["CATEGORIES"]

# Pinned welcome threads by the moderator, one in some categories: (category slug, title, body).
WELCOME = _DATA["WELCOME"]

# Replies to a welcome: (text, words of which one must be in the welcome, if any).
WELCOME_REPLIES = _DATA["WELCOME_REPLIES"]

LOCK_NOTE = _DATA["LOCK_NOTE"]

# Fragments used in every category -------------------------------------------------------------

INTROS = [
    "I'm {a_job} at {org}.",
    "For context, I'm {a_job} at {org}.",
    "{Job} at {org} here.",
    "Bit of background: I work at {org} as {a_job}.",
    "Hello all. I'm {a_job} at {org}.",
]

ASKS = _DATA["ASKS"]

DISCUSS = _DATA["DISCUSS"]

CASE_STUDY_LINES = _DATA["CASE_STUDY_LINES"]

OPENERS = _DATA["OPENERS"]

# Only for a reply after several others.
LATER_OPENERS = [
    "I'd echo what others have said, and add one thing.",
    "Lots of good advice above. One more from us.",
    "Late to this thread, but in case it's useful.",
]

KIND_OPENERS = _DATA["KIND_OPENERS"]

CLOSERS = _DATA["CLOSERS"]

SHORT = _DATA["SHORT"]

QUOTE_REACTIONS = [
    "This, absolutely.",
    "Strongly agree with this.",
    "This matches our experience exactly.",
    "Just to build on this:",
    "Agree, and I'd add one thing.",
    "This is the key point for me.",
    "Really important point.",
]

# Where a question back fits: delivery talk, commercial talk, or both.
DELIVERY_TALK = (
    "esa-and-health-conditions",
    "young-people",
    "in-work-support",
    "prison-leavers-and-offending",
)
BUSINESS_TALK = ("supply-chain-and-contracting", "data-and-performance", "vcs-partnerships")
ALL_TALK = DELIVERY_TALK + BUSINESS_TALK  # not hub help, where people ask about the site

# (a question back to the person who started the thread, their answer, where it fits)
QUESTIONS_BACK = _DATA["QUESTIONS_BACK"]

OP_UPDATES = _DATA["OP_UPDATES"]

# The starter asks someone who replied to say more, and they answer; (question, answers, the
# organisation kinds it may be asked of, or None for any).
SAY_MORE = _DATA["SAY_MORE"]

# What the starter of a thread in hub help says when others have answered.
HUB_THANKS = [
    "Thanks, that's really helpful.",
    "Great, thank you all.",
    "Thanks for the quick replies.",
]

THANKS_SOLUTION = _DATA["THANKS_SOLUTION"]

MENTION_INVITES = _DATA["MENTION_INVITES"]

TAG_THANKS = [
    "Thanks for the tag, @{tagger}!",
    "Thanks @{tagger}, happy to help.",
    "Yes, we did.",
    "Happy to chip in.",
]

# Said in many threads, whatever the topic: used when a long thread runs out of its own points.
GENERAL_POINTS = _DATA["GENERAL_POINTS"]

# Places each demo organisation's people talk about (real towns; the organisations are not real).
ORGANISATION_PLACES = _DATA["ORGANISATION_PLACES"]

# Slots a title, opening or answer can use; each thread draws its own values once.
NUMBER_SLOTS = {
    "weeks": (8, 18),
    "months": (3, 8),
    "caseload": (75, 130),
    "attach_pct": (58, 74),
    "drop_pct": (20, 40),
    "fee_pct": (12, 22),
    "pbr_pct": (60, 80),
    "survey_pct": (7, 14),
    "behind_pct": (15, 30),
    "noshow_pct": (30, 45),
    "n": (40, 110),
    "days": (3, 5),
}
SECTORS = ["warehouse", "hospitality", "care", "retail", "logistics", "construction"]

# Topics ----------------------------------------------------------------------------------------
# Each topic: its threads (a title and the opening it starts with, written together), a few
# context paragraphs that fit any of its threads, the points replies make (some only from a
# kind of organisation, or from a moderator), whether its threads are usually questions, tags,
# who starts them (organisation kinds; None for anyone), and a demo case study (a title
# fragment) to link from its first thread.
#
# In the data file a point is [text, [kinds that may make it]] (no kinds: anyone). Hub help
# threads are about the site, so their replies are written out in full rather than drawn from
# points: [who says it: "moderator", "member" or "starter", the text], and `solution` is the
# index of the reply marked as the answer.
TOPICS = _DATA["TOPICS"]

# Who starts threads where no kind is given (not Jobcentre staff), and who stays out of a category.
OP_KINDS = ("prime", "end_to_end", "specialist", "vcs", "advocacy", "other")
ANYONE = "anyone"
REPLY_KINDS_EXCLUDED = {"supply-chain-and-contracting": {"jcp"}}

GENERAL_POINTS_ = [(point, ()) for point in GENERAL_POINTS]

# For a question thread: how the point that answers it begins (marked as the solution).
ANSWERS = _DATA["ANSWERS"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class Slots(dict):
    """A thread's slot values: place and group given, numbers and sector drawn when first used."""

    def __init__(self, rng: random.Random, **given):
        super().__init__(**given)
        self.rng = rng

    def __missing__(self, key):
        if key == "sector":
            value = self.rng.choice(SECTORS)
        elif key in NUMBER_SLOTS:
            value = self.rng.randint(*NUMBER_SLOTS[key])
        else:
            raise KeyError(key)
        self[key] = value
        return value


@dataclass
class Member:
    user: object
    kind: str  # the organisation kind, or "moderator"
    organisation: object = None
    weight: float = 1.0


@dataclass
class PostPlan:
    member: Member
    body: str
    point: str = ""  # the substantive text, which a later post may quote
    substantive: bool = False
    when: datetime | None = None
    reactors: list = field(default_factory=list)


@dataclass
class ThreadPlan:
    category: str
    title: str
    starter: Member
    posts: list[PostPlan]
    is_question: bool = False
    tags: list[str] = field(default_factory=list)
    pinned: bool = False
    locked: bool = False
    case_study: object = None
    organisation: object = None
    solution: int | None = None  # index into posts
    start: datetime | None = None


def article(job: str) -> str:
    job = job[:1].lower() + job[1:]
    return f"{'an' if job[:1] in 'aeiou' else 'a'} {job}"


def awake(when: datetime, hours: float) -> datetime:
    """`when` plus `hours` of waking time, counting only 07:30 to 21:30 (local time)."""
    when = timezone.localtime(when)
    while True:
        morning = when.replace(hour=7, minute=30, second=0, microsecond=0)
        night = when.replace(hour=21, minute=30, second=0, microsecond=0)
        if when >= night:
            when = morning + timedelta(days=1)
            continue
        when = max(when, morning)
        left = (night - when).total_seconds() / 3600
        if hours <= left:
            return when + timedelta(hours=hours)
        hours -= left
        when = morning + timedelta(days=1)


def first_sentence(text: str) -> str:
    sentences = SENTENCE_END.split(text.strip())
    excerpt = sentences[0]
    if len(excerpt) < 50 and len(sentences) > 1:
        excerpt = f"{excerpt} {sentences[1]}"
    return excerpt


class Schedule:
    """When each thread starts and its posts follow: over the last SPAN_DAYS, in working hours.

    Needs ``self.now`` and ``self.rng`` from the class that uses it.
    """

    def _times(self, plans: list[ThreadPlan], welcome: list[ThreadPlan]) -> None:
        order = self.rng.sample(plans, len(plans))  # interleave the categories over time
        span = SPAN_DAYS - 3
        for index, plan in enumerate(welcome):
            plan.start = self._working_hours(self.now - timedelta(days=SPAN_DAYS - index * 0.2))
        for index, plan in enumerate(order):
            days_ago = SPAN_DAYS - 1 - (index + self.rng.uniform(0.1, 0.9)) * span / len(order)
            plan.start = self._working_hours(self.now - timedelta(days=days_ago))
        for plan in welcome + order:
            rng = random.Random(self.rng.getrandbits(64))
            gaps = []  # in waking hours: people post between half past seven and half past nine
            for number in range(1, len(plan.posts)):
                hours = rng.expovariate(1 / (3 if number == 1 else 8)) + 0.05
                if rng.random() < 0.08:
                    hours += rng.uniform(14, 100)
                gaps.append(hours)
            for post, when in zip(plan.posts, self._spread(plan.start, gaps), strict=True):
                post.when = when
            self._reactions(plan, rng)

    def _spread(self, start: datetime, gaps: list[float]) -> list[datetime]:
        """Times `gaps` waking hours apart from `start`, squeezed if need be to end by now."""
        limit = self.now - timedelta(minutes=20)
        scale = 1.0
        for _ in range(8):
            times = [start]
            for hours in gaps:
                times.append(awake(times[-1], max(hours * scale, 1 / 60)))
            if times[-1] <= limit:
                return times
            scale *= 0.9 * (limit - start) / (times[-1] - start)
        step = (limit - start) / (len(gaps) + 1)  # hardly ever: evenly, at any hour
        return [start + step * index for index in range(len(gaps) + 1)]

    def _working_hours(self, moment: datetime) -> datetime:
        moment = timezone.localtime(moment)
        hour = self.rng.randint(8, 17)
        return moment.replace(hour=hour, minute=self.rng.randint(0, 59), second=0, microsecond=0)
