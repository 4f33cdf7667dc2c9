"""Fictional demo case studies, ratings, comments and a populated showcase.

Every organisation, person, place detail and figure below is invented for the hub's demo
content; none of it reports a real provider's practice or a real programme result. The case
studies are written as a front-line adviser in the sector might write them, so the hub's lists,
filters, "top rated" and "newest" orderings and the showcase have something true-to-life to show.

``seed()`` is idempotent: case studies are matched by title, ratings by (case study, member),
comments by (case study, author, text), and the showcase is created only if none exists.
"""

# ruff: noqa: E501  -- prose reads better unwrapped

from __future__ import annotations

import random
import textwrap
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from hub.base import notifications
from hub.site.demo import content as hub_content
from hub.site.demo.data import load
from hub.site.showcase import services as showcase_services

_DATA = load("cases")

# Each case study: the organisation (a name from hub.demo.content.ORGANISATIONS), an optional
# preferred author (used only if an approved member of that organisation), the case study's
# fields, its terms (slugs, and area codes), tags, and how members responded to it:
#   comments: a list of threads (comment, reply by the author, follow-up by the commenter…);
#     a comment starting "@username " is posted by that member, otherwise by a member of
#     another organisation picked by the seeded random generator.
#   ratings: "single" (one five-star rating), "popular" (every eligible member, averaging
#     about 4.6) or absent (a seeded random number of ratings).
#   showcase: (kind, why it was chosen) to feature it on the showcase page.
#   draft: True to leave it unpublished.
CASE_STUDIES = _DATA["CASE_STUDIES"]

# The showcase page ---------------------------------------------------------------------------

SHOWCASE_INTRO = _DATA["SHOWCASE_INTRO"]

SHOWCASE_TEXTS = _DATA["SHOWCASE_TEXTS"]

SHOWCASE_KIND_ORDER = ("vcs_delivery", "complementary", "advocacy")

# Seeding ---------------------------------------------------------------------------------------

RANDOM_SEED = 2026
PUBLISHED_OVER_DAYS = 725  # published dates spread over the last two years


def _text(value: str) -> str:
    return textwrap.dedent(value).strip()


def _month(value: str | None) -> date | None:
    if not value:
        return None
    year, month = value.split("-")
    return date(int(year), int(month), 1)


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


class _Seeder:
    """One run of the seed: looks everything up once, then creates only what is missing."""

    def __init__(self, stdout=None):
        from cases.casestudies.models import CaseStudy
        from hub.base.models import (
            Area,
            Barrier,
            ClaimantGroup,
            JourneyStage,
            Membership,
            Organisation,
        )

        self.stdout = stdout
        self.now = timezone.now()
        self.rng = random.Random(RANDOM_SEED)
        self.CaseStudy = CaseStudy
        self.organisations = {o.name: o for o in Organisation.objects.all()}
        self.terms = {
            "groups": {t.slug: t for t in ClaimantGroup.objects.all()},
            "barriers": {t.slug: t for t in Barrier.objects.all()},
            "stages": {t.slug: t for t in JourneyStage.objects.all()},
            "areas": {t.code: t for t in Area.objects.exclude(code="")},
        }
        # Approved members, by organisation and overall, in a stable order; one User instance
        # per person, so the permission checks' per-user cache is filled once.
        self.members_by_org: dict[int, list] = {}
        self.orgs_of_user: dict[int, set[int]] = {}
        users = {}
        memberships = (
            Membership.objects.filter(status=Membership.Status.APPROVED, user__is_active=True)
            .select_related("user")
            .order_by("user__username", "organisation_id")
        )
        for membership in memberships:
            user = users.setdefault(membership.user_id, membership.user)
            self.members_by_org.setdefault(membership.organisation_id, []).append(user)
            self.orgs_of_user.setdefault(user.pk, set()).add(membership.organisation_id)
        self.members = sorted(users.values(), key=lambda u: u.username)
        self.by_username = {u.username: u for u in self.members}
        self.authored: dict[int, int] = {}
        self.counts = {"created": 0, "ratings": 0, "comments": 0}

    # Who ---------------------------------------------------------------------------------

    def _organisation_and_author(self, spec):
        """The case study's organisation and an approved member of it as the author; if it has
        no approved member, the next demo organisation (in the demo's order) that has one."""
        names = [row[0] for row in hub_content.ORGANISATIONS]
        start = names.index(spec["organisation"]) if spec["organisation"] in names else 0
        for name in names[start:] + names[:start]:
            organisation = self.organisations.get(name)
            members = self.members_by_org.get(organisation.pk, []) if organisation else []
            if not members:
                continue
            turn = self.authored.get(organisation.pk, 0)
            self.authored[organisation.pk] = turn + 1
            preferred = [m for m in members if m.username == spec.get("author")]
            return organisation, preferred[0] if preferred else members[turn % len(members)]
        return None, None

    def _others(self, case_study) -> list:
        """Approved members outside the case study's organisation: who may rate it."""
        return [
            u
            for u in self.members
            if case_study.organisation_id not in self.orgs_of_user[u.pk]
            and u.pk != case_study.author_id
        ]

    # What ----------------------------------------------------------------------------------

    def _data(self, spec) -> dict:
        def terms(kind, keys):
            found = self.terms[kind]
            missing = [k for k in keys if k not in found]
            if missing:
                raise ValueError(f"Demo case study {spec['title']!r}: unknown {kind} {missing}")
            return [found[k] for k in keys]

        participants, job_starts, job_outcomes = spec.get("figures") or (None, None, None)
        start, end = spec["period"]
        return {
            "title": spec["title"],
            "summary": spec["summary"],
            "body": _text(spec["body"]),
            "delivery_approach": spec["delivery_approach"],
            "provision": spec["provision"],
            "partners": spec.get("partners", ""),
            "what_was_done": _text(spec["what_was_done"]),
            "outcomes": _text(spec["outcomes"]),
            "participants": participants,
            "job_starts": job_starts,
            "job_outcomes": job_outcomes,
            "lessons": _text(spec["lessons"]),
            "period_start": _month(start),
            "period_end": _month(end),
            "claimant_groups": terms("groups", spec["groups"]),
            "barriers": terms("barriers", spec["barriers"]),
            "journey_stages": terms("stages", spec["stages"]),
            "areas": terms("areas", spec["areas"]),
            "tags": list(spec["tags"]),
        }

    def _published_at(self, spec, rank: int, total: int, rng: random.Random) -> datetime:
        """A date in the last two years (rank 0 newest), never before the practice could have
        been written up, at a plausible time of a working day."""
        days_ago = 2 + rank * PUBLISHED_OVER_DAYS / max(total - 1, 1) + rng.uniform(0, 4)
        day = (self.now - timedelta(days=days_ago)).date()
        start, end = _month(spec["period"][0]), _month(spec["period"][1])
        earliest = (end + timedelta(days=45)) if end else (start + timedelta(days=75))
        latest = (self.now - timedelta(days=1)).date()
        day = min(max(day, earliest), latest)
        at = time(hour=rng.randint(8, 17), minute=rng.randint(0, 59))
        return timezone.make_aware(datetime.combine(day, at))

    def case_study(self, spec, rank: int, total: int, rng: random.Random):
        from cases.casestudies import services
        from cases.casestudies.models import CaseStudyRevision

        # Draw every random number first, so each run consumes the same stream whatever exists.
        published_at = self._published_at(spec, rank, total, rng)
        draft_age = timedelta(days=rng.randint(3, 20))
        written_before = timedelta(days=rng.randint(0, 6), hours=rng.randint(1, 8))
        existing = self.CaseStudy.objects.filter(title=spec["title"]).first()
        if existing is not None:
            return existing
        organisation, author = self._organisation_and_author(spec)
        if author is None:
            _say(self.stdout, f"Skipped {spec['title']!r}: no organisation has an approved member.")
            return None
        draft = bool(spec.get("draft"))
        case_study = services.case_study_create(
            author=author, organisation=organisation, data=self._data(spec), publish=not draft
        )
        when = (self.now - draft_age) if draft else published_at
        self.CaseStudy.objects.filter(pk=case_study.pk).update(
            published_at=None if draft else when,
            created_at=when - written_before,
            updated_at=when,
        )
        CaseStudyRevision.objects.filter(case_study=case_study).update(created_at=when)
        case_study.refresh_from_db()
        self.counts["created"] += 1
        return case_study

    # How members responded ----------------------------------------------------------------

    def _scores(self, spec, others, rng: random.Random) -> list[tuple]:
        plan = spec.get("ratings")
        if plan == "single":
            return [(rng.choice(others), 5)] if others else []
        if plan == "popular":
            raters = rng.sample(others, len(others))
            fives = round(len(raters) * 0.6)
            return [(user, 5 if i < fives else 4) for i, user in enumerate(raters)]
        featured = "showcase" in spec
        if not featured and rng.random() < 0.12:
            count = 0
        else:  # mostly a handful, now and then a crowd
            count = min(25, 1 + int(rng.expovariate(1 / 7)))
            if featured:
                count = max(count, 8)
        count = min(count, len(others))
        target = rng.uniform(4.1, 4.7) if featured else rng.uniform(2.6, 4.6)
        raters = rng.sample(others, count)
        return [(user, self._score(target, rng)) for user in raters]

    @staticmethod
    def _score(target: float, rng: random.Random) -> int:
        """A 1-5 score whose expected value is about `target`, with the odd outlier."""
        low = int(target)
        score = low + (1 if rng.random() < target - low else 0)
        if rng.random() < 0.12:
            score += rng.choice((-1, 1))
        return min(5, max(1, score))

    def ratings(self, spec, case_study, rng: random.Random) -> None:
        from cases.casestudies import services
        from cases.casestudies.models import Rating

        plan = self._scores(spec, self._others(case_study), rng)
        if not case_study.is_published:
            return
        rated = set(Rating.objects.filter(case_study=case_study).values_list("user_id", flat=True))
        for user, score in plan:
            if user.pk not in rated:
                services.rating_set(user=user, case_study=case_study, score=score)
                self.counts["ratings"] += 1

    def comments(self, spec, case_study, rng: random.Random) -> None:
        from cases.casestudies import services
        from cases.casestudies.models import Comment

        others = self._others(case_study) or self.members
        author = case_study.author
        threads = [(t,) if isinstance(t, str) else tuple(t) for t in spec.get("comments", [])]
        published_at = case_study.published_at or self.now
        span = max((self.now - published_at).total_seconds(), 3600)
        for number, thread in enumerate(threads):
            first_poster = None
            parent = None
            when = published_at + timedelta(
                seconds=span * (number + rng.uniform(0.3, 0.9)) / (len(threads) + 1)
            )
            for position, raw in enumerate(thread):
                poster, body = None, raw
                if raw.startswith("@"):
                    username, _, body = raw[1:].partition(" ")
                    poster = self.by_username.get(username)
                if poster is None:
                    if position == 0:
                        poster = rng.choice(others)
                    else:
                        poster = author if position % 2 else first_poster
                if position == 0:
                    first_poster = poster
                else:
                    when += timedelta(hours=rng.uniform(1, 30))
                body = body.strip()
                when = min(when, self.now - timedelta(minutes=5))
                if not case_study.is_published:
                    continue
                comment = Comment.objects.filter(
                    case_study=case_study, author=poster, body=body
                ).first()
                if comment is None:
                    comment = services.comment_create(
                        author=poster, case_study=case_study, body=body, parent=parent
                    )
                    Comment.objects.filter(pk=comment.pk).update(created_at=when)
                    self.counts["comments"] += 1
                if position == 0:
                    parent = comment

    # The showcase --------------------------------------------------------------------------

    def showcase(self, case_studies: dict[str, object]) -> str:
        from hub.base.models import User
        from hub.site.pages import ContentPage, HomePage
        from hub.site.showcase.models import ShowcaseFeature, ShowcasePage

        page = ShowcasePage.objects.first()
        created = False
        if page is None:
            home = HomePage.objects.first()
            if home is None:
                return "no home page, so no showcase"
            placeholder = home.get_children().filter(slug="showcase").first()
            if placeholder is not None:
                if not isinstance(placeholder.specific, ContentPage):
                    return "a page other than a showcase already uses /showcase/; left alone"
                placeholder.specific.delete()
                _say(self.stdout, "Replaced the 'coming soon' showcase placeholder page.")
                home.refresh_from_db()
            page = home.add_child(
                instance=ShowcasePage(
                    title="Showcase", slug="showcase", intro=SHOWCASE_INTRO, **SHOWCASE_TEXTS
                )
            )
            created = True
        if created or (not page.features.exists() and not page.has_unpublished_changes):
            moderator = User.objects.filter(username="moderator").first()
            chosen = [
                (SHOWCASE_KIND_ORDER.index(spec["showcase"][0]), index, spec)
                for index, spec in enumerate(CASE_STUDIES)
                if "showcase" in spec
            ]
            for order, (_, _, spec) in enumerate(sorted(chosen, key=lambda c: c[:2])):
                case_study = case_studies.get(spec["title"])
                if case_study is None or not case_study.is_published:
                    continue
                kind, note = spec["showcase"]
                page.features.add(
                    ShowcaseFeature(
                        case_study=case_study,
                        kind=kind,
                        note=note,
                        featured_by=moderator,
                        sort_order=order,
                    )
                )
            page.save_revision(user=moderator).publish(user=moderator)
        showcase_services.featured_sync()
        return f"showcase {'created' if created else 'kept'} with {page.features.count()} featured"

    # All of it -----------------------------------------------------------------------------

    def run(self) -> str:
        total = len(CASE_STUDIES)
        ranks = list(range(total))
        self.rng.shuffle(ranks)  # publication order, newest first, independent of list order
        case_studies = {}
        for spec, rank in zip(CASE_STUDIES, ranks, strict=True):
            rng = random.Random(self.rng.getrandbits(64))  # one stream per case study
            case_study = self.case_study(spec, rank, total, rng)
            if case_study is None:
                continue
            case_studies[spec["title"]] = case_study
            self.ratings(spec, case_study, rng)
            self.comments(spec, case_study, rng)
        showcase = self.showcase(case_studies)
        published = sum(1 for c in case_studies.values() if c.is_published)
        return (
            f"Demo case studies: {len(case_studies)} ({published} published, "
            f"{self.counts['created']} new); {self.counts['ratings']} ratings and "
            f"{self.counts['comments']} comments added; {showcase}."
        )


def seed(stdout=None) -> str:
    """Create the demo case studies, their ratings and comments, and the showcase, where they
    are missing. Returns a one-line summary; notes anything unusual to `stdout`, if given.

    Needs the demo organisations and members (``manage.py seed_demo`` runs it after making
    them). The services make their usual in-app notifications for authors, but no emails.
    """
    with notifications.emails_muted(), transaction.atomic():
        return _Seeder(stdout).run()
