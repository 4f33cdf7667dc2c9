"""Demo approaches for the What works toolkit, their links to the demo case studies, and each
case study's evidence (comparison, follow-up, cost, cited records), from data/approaches.yaml.

Idempotent: an approach is matched by its slug and left alone if it exists (an editor may have
changed it); links are added where missing; a case study's evidence is written only while it
has none (its comparison is still "none" and no cost is given), so a second run changes nothing.
Run after the case studies and the performance records.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from cases.casestudies.models import (
    EVIDENCE_STATUSES,
    Approach,
    CaseStudy,
    CaseStudyApproach,
)
from cases.performance.models import PerformanceRecord
from hub.base.models import Barrier, ClaimantGroup, JourneyStage
from hub.site.demo.data import load

TEXT_FIELDS = ("title", "summary", "what_it_is", "who_it_suits", "how_to", "pitfalls")


def _terms(model, slugs: list[str], where: str) -> list:
    found = {t.slug: t for t in model.objects.filter(slug__in=slugs)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise ValueError(f"Demo approach {where!r}: unknown {model.__name__} {missing}")
    return [found[s] for s in slugs]


def _approach(spec) -> tuple[Approach, bool]:
    existing = Approach.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing, False
    approach = Approach.objects.create(slug=spec["slug"], **{f: spec[f] for f in TEXT_FIELDS})
    approach.claimant_groups.set(_terms(ClaimantGroup, spec.get("groups", []), spec["title"]))
    approach.barriers.set(_terms(Barrier, spec.get("barriers", []), spec["title"]))
    approach.journey_stages.set(_terms(JourneyStage, spec.get("stages", []), spec["title"]))
    return approach, True


def _evidence(spec, case_study: CaseStudy) -> bool:
    if case_study.comparison != "none" or case_study.cost_per_participant is not None:
        return False
    cite = spec.get("cite_records", False) and not case_study.cited_records.exists()
    rate = spec.get("rate")
    CaseStudy.objects.filter(pk=case_study.pk).update(
        comparison=spec["comparison"],
        comparison_outcome_rate=None if rate is None else Decimal(str(rate)),
        follow_up_months=spec.get("follow_up_months"),
        cost_per_participant=spec.get("cost"),
        cost_covers=spec.get("cost_covers", ""),
    )
    if cite:
        # Its organisation's records that a partner confirmed or a moderator verified.
        records = PerformanceRecord.objects.filter(
            organisation=case_study.organisation_id, status__in=EVIDENCE_STATUSES
        ).order_by("-period_start", "pk")[:2]
        case_study.cited_records.add(*records)
    return True


def seed(stdout=None) -> str:
    data = load("approaches")
    by_title = {c.title: c for c in CaseStudy.objects.all()}
    counts = {"approaches": 0, "links": 0, "evidence": 0}
    with transaction.atomic():
        for spec in data["EVIDENCE"]:
            case_study = by_title.get(spec["case_study"])
            if case_study is not None and _evidence(spec, case_study):
                counts["evidence"] += 1
        for spec in data["APPROACHES"]:
            approach, created = _approach(spec)
            counts["approaches"] += created
            for title in spec["case_studies"]:
                case_study = by_title.get(title)
                if case_study is None:
                    if stdout:
                        stdout.write(f"Skipped a link to {title!r}: no such case study.")
                    continue
                _link, made = CaseStudyApproach.objects.get_or_create(
                    case_study=case_study, approach=approach
                )
                counts["links"] += made
    # The toolkit's cached summaries: the updates above bypass the save signals.
    from cases import caching

    caching.changed(caching.CASE_STUDIES)
    return (
        f"Demo approaches: {len(data['APPROACHES'])} ({counts['approaches']} new), "
        f"{counts['links']} new links to case studies, evidence added to "
        f"{counts['evidence']} case studies."
    )
