"""Fictional demo cohort records: monthly attachment cohorts for several demo organisations over
two years (data/cohorts.yaml), so the cohort benchmark shows mature and not-yet-mature cohorts,
one peer group above the minimum for quartiles and one below it.

``plan()`` is pure (the same figures on every machine, from a generator seeded with 2026);
``seed()`` saves them through the cohort upload service, twice per organisation (the figures as
they stood at the first upload, then later ones), so each cohort has the provenance a real
organisation's would. Idempotent: an organisation that has cohort records is left alone.
"""

from __future__ import annotations

import random
from datetime import date

from django.db import transaction

from cases.performance import cohorts
from hub.base import notifications
from hub.site.demo.data import load

RANDOM_SEED = 2026
_DATA = load("cohorts")


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def months() -> list[date]:
    first = _day(_DATA["first_month"])
    return [cohorts.add_months(first, n) for n in range(_DATA["months"])]


def figures(rng: random.Random, spec: dict, month: date, as_of: date) -> dict:
    """One cohort's figures as known on `as_of`: a milestone only once the cohort is old
    enough for it; cumulative and never above the people attached."""
    attached = max(5, round(spec["attached"] * rng.uniform(0.8, 1.2)))
    totals = {
        "job_starts": spec["starts"] * rng.uniform(0.9, 1.1),
        "job_outcomes": spec["outcomes"] * rng.uniform(0.9, 1.1),
        "sustainment_outcomes": spec["sustained"] * rng.uniform(0.9, 1.1),
    }
    result = {"cohort_month": month, "attached": attached}
    for measure, shares in _DATA["curve"].items():
        for n, share in zip(cohorts.MILESTONES, shares, strict=True):
            known = cohorts.is_mature(month, n, as_of)
            value = round(attached * min(1.0, totals[measure] * share))
            result[cohorts.figure_name(measure, n)] = value if known else None
    return result


def plan() -> list[tuple[dict, list[dict], list[dict]]]:
    """For each series: its spec, its cohorts at the first upload and at the second."""
    rng = random.Random(RANDOM_SEED)
    first_as_of, as_of = _day(_DATA["first_upload_as_of"]), _day(_DATA["as_of"])
    planned = []
    for spec in _DATA["series"]:
        skip = {_day(m) for m in spec.get("skip_months", [])}
        early, late = [], []
        for month in months():
            if month in skip:
                continue
            state = rng.getstate()
            late.append(figures(rng, spec, month, as_of))
            rng.setstate(state)  # the same people: only what is known differs
            if month < first_as_of:
                early.append(figures(rng, spec, month, first_as_of))
            else:
                figures(rng, spec, month, first_as_of)
        planned.append((spec, early, late))
    return planned


def seed(stdout=None) -> str:
    """Create the demo cohorts for organisations that have none, through the services."""
    from cases.performance import cohort_services
    from cases.performance.models import CohortRecord, Programme
    from hub.base.models import Area, ClaimantGroup, Membership, Organisation

    organisations = {o.name: o for o in Organisation.objects.all()}
    programmes = {p.slug: p for p in Programme.objects.all()}
    areas = {a.code: a for a in Area.objects.exclude(code="")}
    groups = {g.slug: g for g in ClaimantGroup.objects.all()}
    has = set(CohortRecord.objects.values_list("organisation_id", flat=True).distinct())
    admins = {}
    for membership in Membership.objects.filter(
        role=Membership.Role.ADMIN, status=Membership.Status.APPROVED
    ).select_related("user").order_by("user__username"):  # fmt: skip
        admins.setdefault(membership.organisation_id, membership.user)
    by_org: dict[str, list] = {}
    for spec, early, late in plan():
        by_org.setdefault(spec["organisation"], []).append((spec, early, late))
    created = skipped = 0
    with notifications.emails_muted(), transaction.atomic():
        for name, series in by_org.items():
            organisation = organisations.get(name)
            admin = admins.get(organisation.pk) if organisation else None
            if organisation is None or admin is None or organisation.pk in has:
                skipped += 1
                continue
            for stage, filename in ((1, "cohorts-first-upload.csv"), (2, "cohorts-update.csv")):
                new, updates = [], []
                stored = {
                    cohort_services.cohort_key(c): c
                    for c in CohortRecord.objects.filter(organisation=organisation)
                }
                for spec, early, late in series:
                    base = {
                        "role": "subcontractor" if spec.get("prime") else "prime",
                        "prime": organisations.get(spec.get("prime", "")),
                        "programme": programmes[spec["programme"]],
                        "area": areas[spec["area"]],
                        "claimant_group": groups[spec["group"]],
                        "visibility": spec.get("visibility", "public"),
                    }
                    for row in early if stage == 1 else late:
                        data = {**base, **row}
                        probe = cohort_services.build(organisation=organisation, data=data)
                        found = stored.get(cohort_services.cohort_key(probe))
                        if found is None:
                            new.append(probe)
                        else:
                            updates.append((found, data))
                if new or updates:
                    cohort_services.cohorts_import(
                        actor=admin, organisation=organisation, cohorts=new, updates=updates,
                        filename=f"{organisation.slug}-{filename}", sha256="demo",
                    )  # fmt: skip
                    created += len(new)
    summary = (
        f"Demo cohorts: {created} monthly cohorts for {len(by_org) - skipped} organisations "
        f"over {_DATA['months']} months, each uploaded and then updated; {skipped} skipped."
    )
    if stdout is not None:
        stdout.write(summary)
    return summary
