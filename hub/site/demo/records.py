"""Fictional demo performance records for the demo organisations, eight quarters of them.

Every figure here is invented by a seeded random generator; none reports a real provider's
results. The shape is true to life so the performance pages, benchmarks and open data have
something to show: primes and their subcontractors (each naming a prime it really delivers
for in the demo supply chain), the claimant groups each serves in its own areas, job outcome
rates much higher for JSA claimants than for ESA and ex-incapacity benefit claimants, and a
mix of self-reported, partner-confirmed, verified and disputed records, mostly published.

``seed()`` goes through the services (`cases.records`), so every record has its provenance,
and is idempotent: an organisation that already has records is left alone. ``plan()`` is the
pure part (no database), so the figures are the same on every machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from hub.base import notifications
from hub.site.demo import content as hub_content
from hub.site.demo.data import load

_DATA = load("records")

RANDOM_SEED = 2026

# The first month of each quarter, 2024 Q3 (July to September 2024) to 2026 Q2.
QUARTERS = [(2024, 7), (2024, 10), (2025, 1), (2025, 4), (2025, 7), (2025, 10), (2026, 1),
            (2026, 4)]  # fmt: skip

# Restart is for people out of work for months (mostly JSA groups here); the Work and Health
# Programme takes disabled people and those with health conditions (the ESA and IB groups).
RESTART = "restart-scheme"
WHP = "work-and-health-programme"
PROGRAMME_BY_GROUP = _DATA["PROGRAMME_BY_GROUP"]

# Per claimant group: (job starts ÷ attachments, job outcomes ÷ job starts), typical values.
GROUP_RATES = {
    "jsa-18-24": (0.36, 0.66),
    "jsa-25": (0.32, 0.62),
    "jsa-early-access": (0.30, 0.58),
    "jsa-prison-leavers": (0.24, 0.50),
    "jsa-ex-incapacity-benefit": (0.20, 0.46),
    "new-esa-claimants": (0.19, 0.45),
    "esa-volunteers": (0.18, 0.44),
    "esa-ex-incapacity-benefit": (0.16, 0.42),
    "ibis-volunteers": (0.16, 0.42),
}

# Typical referrals a quarter, by the kind of organisation.
VOLUME_BY_KIND = {
    "prime": (150, 280),
    "end_to_end": (80, 180),
    "specialist": (25, 70),
    "vcs": (20, 55),
    "other": (20, 60),
}

# A specialist provider also reports a smaller programme in one area and group.
EXTRA_SERIES = [
    ("Clearview Mental Health Employment Service", "CPA5", "esa-volunteers",
     "intensive-personalised-employment-support"),
]  # fmt: skip

# (organisation, area code, group slug, quarter index, disputing member, reason)
DISPUTES = _DATA["DISPUTES"]

VERIFY_NOTE = (
    "Checked the quarter's figures against the provider's management information return and "
    "the prime's payment statement for the period (fictional demo evidence)."
)
CONFIRM_NOTE = "Matches the figures in our supply chain's quarterly performance report."

VERIFIED_COUNT = 8
CONFIRMED_SHARE = 0.3
MEMBERS_ONLY_SHARE = 0.2


@dataclass
class Series:
    """One organisation's reporting line: a programme, area and claimant group over time."""

    organisation: str
    kind: str
    role: str
    prime: str | None
    programme: str
    area: str
    group: str
    visibility: str = "public"


@dataclass
class Planned:
    series: Series
    quarter: int
    figures: dict
    visibility: str
    confirm: bool = False
    verify: bool = False
    dispute: tuple[str, str] | None = None  # (member's username, reason)

    @property
    def period(self) -> tuple[date, date]:
        year, month = QUARTERS[self.quarter]
        return date(year, month, 1), date(year, month + 2, 1)

    @property
    def key(self) -> tuple:
        s = self.series
        return (s.organisation, s.area, s.group, s.programme, self.quarter)


def _series() -> list[Series]:
    """Who reports what: primes for their own delivery, subcontractors naming their prime."""
    organisations = {row[0]: row for row in hub_content.ORGANISATIONS}
    primes_of: dict[str, list[str]] = {}
    for prime, sub in hub_content.SUPPLY_CHAIN:
        primes_of.setdefault(sub, []).append(prime)
    result = []
    for name, kind, areas, groups, _ in hub_content.ORGANISATIONS:
        if kind != "prime" and name not in primes_of:
            continue  # Jobcentre offices and umbrella bodies do not deliver programmes
        for area in areas:
            prime = None
            if kind != "prime":
                local = [p for p in primes_of[name] if area in organisations[p][2]]
                prime = (local or primes_of[name])[0]
            for group in groups:
                result.append(
                    Series(name, kind, "prime" if kind == "prime" else "subcontractor", prime,
                           PROGRAMME_BY_GROUP.get(group, WHP), area, group)
                )  # fmt: skip
    for name, area, group, programme in EXTRA_SERIES:
        template = next(s for s in result if s.organisation == name and s.area == area)
        result.append(
            Series(name, template.kind, template.role, template.prime, programme, area, group)
        )
    return result


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _figures(rng: random.Random, series: Series, quarter: int, base: int, quality: float):
    """One quarter's figures: the chain referrals ≥ attachments ≥ starts ≥ outcomes holds."""
    start_rate, outcome_share = GROUP_RATES.get(series.group, (0.2, 0.45))
    season = 0.85 if QUARTERS[quarter][1] == 10 else 1.0  # fewer referrals before Christmas
    referrals = round(_clamp(base * season * rng.uniform(0.8, 1.2), 20, 300))
    attachments = round(referrals * rng.uniform(0.80, 0.95))
    trend = 1 + 0.015 * quarter  # services get a little better as they bed in
    starts_rate = _clamp(start_rate * quality * trend * rng.uniform(0.88, 1.12), 0.15, 0.40)
    job_starts = round(attachments * starts_rate)
    share = _clamp(outcome_share * rng.uniform(0.9, 1.1), 0.40, 0.70)
    job_outcomes = round(job_starts * share)
    return {
        "referrals": referrals,
        "attachments": attachments,
        "job_starts": job_starts,
        "job_outcomes": job_outcomes,
        "sustainment_outcomes": round(job_outcomes * rng.uniform(0.45, 0.8)),
        "profile_job_outcomes": max(1, round(job_outcomes * rng.uniform(0.75, 1.3))),
    }


def plan() -> list[Planned]:
    """Every demo record and what happens to it, from RANDOM_SEED alone (no database)."""
    rng = random.Random(RANDOM_SEED)
    quality = {
        name: rng.uniform(0.88, 1.12) for name, *_ in hub_content.ORGANISATIONS
    }  # some providers simply do better than others
    planned = []
    for series in _series():
        low, high = VOLUME_BY_KIND.get(series.kind, (20, 60))
        base = rng.randint(low, high)
        series.visibility = "members" if rng.random() < MEMBERS_ONLY_SHARE else "public"
        for quarter in range(len(QUARTERS)):
            figures = _figures(rng, series, quarter, base, quality[series.organisation])
            planned.append(Planned(series, quarter, figures, series.visibility))
    disputes = {(org, area, group, q): (who, why) for org, area, group, q, who, why in DISPUTES}
    for record in planned:
        s = record.series
        found = disputes.get((s.organisation, s.area, s.group, record.quarter))
        if found:
            record.dispute, record.visibility = found, "public"
    # Older quarters have had time to be checked; the newest are mostly still self-reported.
    checkable = [r for r in planned if r.quarter <= 5 and r.dispute is None]
    verified = rng.sample([r for r in checkable if r.visibility == "public"], VERIFIED_COUNT)
    for record in verified:
        record.verify = True
        record.confirm = rng.random() < 0.5  # some were confirmed by a partner first
    for record in checkable:
        if not record.verify and rng.random() < CONFIRMED_SHARE:
            record.confirm = True
    return planned


class _Seeder:
    """One run: looks up the demo organisations and people once, then creates what is missing."""

    def __init__(self, stdout=None):
        from cases.performance.models import PerformanceRecord, Programme
        from hub.base.models import Area, ClaimantGroup, Membership, Organisation, User

        self.stdout = stdout
        self.organisations = {o.name: o for o in Organisation.objects.all()}
        self.programmes = {p.slug: p for p in Programme.objects.all()}
        self.areas = {a.code: a for a in Area.objects.exclude(code="")}
        self.groups = {g.slug: g for g in ClaimantGroup.objects.all()}
        self.has_records = set(
            PerformanceRecord.objects.values_list("organisation_id", flat=True).distinct()
        )
        users: dict[int, User] = {}
        self.admins: dict[int, list] = {}
        self.members: dict[int, list] = {}
        memberships = (
            Membership.objects.filter(status=Membership.Status.APPROVED, user__is_active=True)
            .select_related("user")
            .order_by("user__username", "organisation_id")
        )
        for membership in memberships:
            user = users.setdefault(membership.user_id, membership.user)
            self.members.setdefault(membership.organisation_id, []).append(user)
            if membership.role == Membership.Role.ADMIN:
                self.admins.setdefault(membership.organisation_id, []).append(user)
        self.by_username = {u.username: u for u in users.values()}
        self.moderator = User.objects.filter(username="moderator").first()
        self.counts = dict.fromkeys(("created", "confirmed", "verified", "disputed", "members"), 0)
        self.seeded: set[str] = set()
        self.skipped: set[str] = set()

    def _say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def _partner_member(self, series: Series):
        """A member of the supply-chain partner that would confirm this record: the prime for
        a subcontractor's record; for a prime's, a subcontractor delivering in the same area."""
        if series.prime:
            candidates = [series.prime]
        else:
            local = sorted(
                sub for prime, sub in hub_content.SUPPLY_CHAIN
                if prime == series.organisation
                and series.area in next(r[2] for r in hub_content.ORGANISATIONS if r[0] == sub)
            )  # fmt: skip
            candidates = local or sorted(
                sub for prime, sub in hub_content.SUPPLY_CHAIN if prime == series.organisation
            )
        for name in candidates:
            partner = self.organisations.get(name)
            if partner and self.members.get(partner.pk):
                return self.members[partner.pk][0]
        return None

    def _disputer(self, username: str, organisation):
        user = self.by_username.get(username)
        if user and organisation.pk not in {
            o for o, members in self.members.items() if user in members
        }:
            return user
        for org_id, members in sorted(self.members.items()):
            if org_id != organisation.pk:
                return members[0]
        return None

    def record(self, planned: Planned) -> None:
        from cases.performance import services as records

        s = planned.series
        organisation = self.organisations[s.organisation]
        start, end = planned.period
        data = {
            "role": s.role,
            "prime": self.organisations[s.prime] if s.prime else None,
            "programme": self.programmes[s.programme],
            "area": self.areas[s.area],
            "claimant_group": self.groups[s.group],
            "period_start": start,
            "period_end": end,
            "visibility": planned.visibility,
            **planned.figures,
        }
        admin = self.admins[organisation.pk][0]
        record = records.record_create(actor=admin, organisation=organisation, data=data)
        self.counts["created"] += 1
        self.counts["members"] += planned.visibility == "members"
        if planned.confirm:
            partner = self._partner_member(s)
            if partner is not None:
                record = records.record_confirm(actor=partner, record=record, note=CONFIRM_NOTE)
                self.counts["confirmed"] += 1
        if planned.verify and self.moderator is not None:
            record = records.record_verify(actor=self.moderator, record=record, note=VERIFY_NOTE)
            self.counts["verified"] += 1
        if planned.dispute:
            username, reason = planned.dispute
            disputer = self._disputer(username, organisation)
            if disputer is not None:
                records.record_dispute(actor=disputer, record=record, reason=reason)
                self.counts["disputed"] += 1

    def run(self) -> str:
        missing = set()
        for planned in plan():
            s = planned.series
            organisation = self.organisations.get(s.organisation)
            needed = [s.organisation, *([s.prime] if s.prime else [])]
            if organisation is None or any(n not in self.organisations for n in needed):
                missing.add(s.organisation)
                continue
            if organisation.pk in self.has_records:
                self.skipped.add(s.organisation)
                continue
            if not self.admins.get(organisation.pk):
                missing.add(s.organisation)
                continue
            if (
                s.programme not in self.programmes
                or s.area not in self.areas
                or (s.group not in self.groups)
            ):
                missing.add(s.organisation)
                continue
            self.record(planned)
            self.seeded.add(s.organisation)
        if missing:
            self._say(
                "Demo performance records: skipped (missing organisation, admin or term) for "
                + ", ".join(sorted(missing))
            )
        c = self.counts
        return (
            f"Demo performance records: {c['created']} created for {len(self.seeded)} "
            f"organisations over {len(QUARTERS)} quarters ({c['confirmed']} partner-confirmed, "
            f"{c['verified']} verified, {c['disputed']} disputed, {c['members']} members-only); "
            f"{len(self.skipped)} organisations already had records."
        )


def seed(stdout=None) -> str:
    """Create the demo performance records where an organisation has none yet, through the
    services, so each has its provenance. Returns a one-line summary.

    Needs the demo organisations, supply chain, members and the moderator (``manage.py
    seed_demo`` makes them first). Sends no emails.
    """
    with notifications.emails_muted(), transaction.atomic():
        summary = _Seeder(stdout).run()
        cited = cite_in_case_studies()
    return f"{summary} {cited} case studies now cite their organisation's checked records."


def cite_in_case_studies(*, limit: int = 15) -> int:
    """Let some demo case studies cite their organisation's confirmed or verified records for a
    claimant group they cover, so "evidenced by data" shows in the demo. Runs once: if any case
    study cites a record already, it does nothing."""
    from cases.casestudies.models import CaseStudy
    from cases.performance.models import PerformanceRecord

    if CaseStudy.cited_records.through.objects.exists():
        return 0  # cited on an earlier run, or by members since: leave them be
    done = 0
    studies = (
        CaseStudy.objects.published()
        .filter(cited_records__isnull=True)
        .prefetch_related("claimant_groups")
        .order_by("id")
    )
    checked = PerformanceRecord.objects.filter(status__in=["peer_confirmed", "verified"])
    by_org: dict[int, list] = {}
    for record in checked.order_by("-period_start", "id"):
        by_org.setdefault(record.organisation_id, []).append(record)
    for case_study in studies:
        groups = {g.pk for g in case_study.claimant_groups.all()}
        matching = [
            r for r in by_org.get(case_study.organisation_id, []) if r.claimant_group_id in groups
        ][:2]
        if matching:
            case_study.cited_records.add(*matching)
            done += 1
            if done >= limit:
                break
    return done
