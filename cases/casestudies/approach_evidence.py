"""Reads that feed the evidence rules (cases.casestudies.evidence) from the database: each
published case study's facts, its peers' job outcome rate from the performance database, and
each approach's summary. A fixed number of queries, whatever the number of case studies.

Only published case studies count: drafts, unpublished and hidden ones never do.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Exists, OuterRef

from cases import caching
from cases.casestudies import evidence
from cases.casestudies.evidence import StudyEvidence, StudyFacts
from cases.casestudies.models import EVIDENCE_STATUSES, Approach, CaseStudy, CaseStudyApproach
from cases.performance import selectors as performance

FACT_FIELDS = (
    "participants", "job_outcomes", "comparison", "comparison_outcome_rate", "follow_up_months",
    "cost_per_participant",
)  # fmt: skip
# The approach page lists this many of its case studies, best evidenced first.
LISTED = 50


def _verified(outer: str):
    cited = CaseStudy.cited_records.through.objects.filter(
        casestudy=OuterRef(outer), performancerecord__status__in=EVIDENCE_STATUSES
    )
    return Exists(cited)


def peer_rates(case_study_ids) -> dict[int, Decimal]:
    """For each case study that compares with peers: the job outcome rate (%) of the other
    organisations' open records on its cited records' programmes, groups and periods. Two
    queries."""
    through = CaseStudy.cited_records.through
    cited = list(
        through.objects.filter(casestudy_id__in=case_study_ids).values_list(
            "casestudy_id", "performancerecord__programme_id",
            "performancerecord__claimant_group_id", "performancerecord__period_start",
            "performancerecord__period_end", "performancerecord__organisation_id",
        )
    )  # fmt: skip
    totals = performance.peer_outcome_totals(row[1:] for row in cited)
    sums: dict[int, list[int]] = {}
    seen = set()
    for row in cited:
        key = row[1:]
        if key in totals and (row[0], key[:4]) not in seen:
            seen.add((row[0], key[:4]))
            total = sums.setdefault(row[0], [0, 0])
            total[0] += totals[key][0]
            total[1] += totals[key][1]
    return {pk: Decimal(o) * 100 / Decimal(a) for pk, (o, a) in sums.items() if a}


def facts_of(row: dict, peer_rate: Decimal | None) -> StudyFacts:
    return StudyFacts(
        participants=row["participants"],
        job_outcomes=row["job_outcomes"],
        comparison=row["comparison"],
        comparison_outcome_rate=row["comparison_outcome_rate"],
        peer_outcome_rate=peer_rate,
        follow_up_months=row["follow_up_months"],
        records_verified=row["verified"],
        cost_per_participant=row["cost_per_participant"],
    )


def _peer_ids(rows) -> list[int]:
    return sorted({r["case_study_id"] for r in rows if r["comparison"] == "peers"})


def _study(row: dict, peer_rate: Decimal | None) -> StudyEvidence:
    facts = facts_of(row, peer_rate)
    return StudyEvidence(
        case_study_id=row["case_study_id"],
        organisation_id=row["organisation_id"],
        participants=row["participants"],
        padlocks=evidence.strength(facts).padlocks,
        impact=evidence.impact(facts),
        cost_per_participant=row["cost_per_participant"],
    )


def _link_rows(links) -> list[dict]:
    """The facts of each published case study linked to a live approach: one query."""
    names = {f"case_study__{f}": f for f in FACT_FIELDS}
    rows = (
        links.filter(case_study__status=CaseStudy.Status.PUBLISHED, approach__live=True)
        .annotate(verified=_verified("case_study_id"))
        .values(
            "approach_id", "case_study_id", "case_study__organisation_id", "verified", *names
        )  # fmt: skip
        .order_by()
    )
    result = []
    for row in rows:
        row = dict(row)
        for long, short in names.items():
            row[short] = row.pop(long)
        row["organisation_id"] = row.pop("case_study__organisation_id")
        result.append(row)
    return result


def _summaries() -> dict[int, evidence.Summary]:
    rows = _link_rows(CaseStudyApproach.objects.all())
    peers = peer_rates(_peer_ids(rows))
    studies: dict[int, list[StudyEvidence]] = {}
    for row in rows:
        studies.setdefault(row["approach_id"], []).append(
            _study(row, peers.get(row["case_study_id"]))
        )
    return {pk: evidence.summarise(items) for pk, items in studies.items()}


def summaries() -> dict[int, evidence.Summary]:
    """Every live approach's summary (approaches with no case study are missing): three
    queries, cached until a case study, a link or a performance record changes."""
    parts = [caching.version(caching.RECORDS)]
    return caching.cached("approach_summaries", parts, _summaries, namespace=caching.CASE_STUDIES)


def ranked_case_studies(approach: Approach, *, limit: int = LISTED):
    """The approach's summary and its published case studies, best evidenced first (then the
    biggest impact, then the most people): at most `limit` of them, each with its strength,
    impact and rates. Five queries, cached (the same for everyone: published case studies only)
    until a case study, a link, an approach or a performance record changes."""
    parts = [approach.pk, limit, caching.version(caching.RECORDS)]
    return caching.cached(
        "approach_ranked",
        parts,
        lambda: _ranked_case_studies(approach, limit=limit),
        namespace=caching.CASE_STUDIES,
    )


def _ranked_case_studies(approach: Approach, *, limit: int):
    rows = _link_rows(CaseStudyApproach.objects.filter(approach=approach))
    peers = peer_rates(_peer_ids(rows))
    scored = []
    for row in rows:
        facts = facts_of(row, peers.get(row["case_study_id"]))
        scored.append((row, facts, evidence.strength(facts), evidence.impact(facts)))
    summary = evidence.summarise([_study(r, peers.get(r["case_study_id"])) for r, *_ in scored])
    scored.sort(
        key=lambda s: (
            -s[2].padlocks,
            -(s[3] if s[3] is not None else Decimal(-1000)),
            -(s[0]["participants"] or 0),
            s[0]["case_study_id"],
        )
    )
    top = scored[:limit]
    objects = CaseStudy.objects.select_related("organisation").in_bulk(
        [r["case_study_id"] for r, *_ in top]
    )
    listed = [
        {
            "case_study": objects[row["case_study_id"]],
            "strength": strength,
            "impact": impact,
            "outcome_rate": evidence.outcome_rate(facts),
            "comparison_rate": evidence.comparison_rate(facts),
        }
        for row, facts, strength, impact in top
        if row["case_study_id"] in objects
    ]
    return summary, listed


def case_study_evidence(case_study: CaseStudy) -> dict:
    """One case study's strength with reasons, impact and rates, for its own page."""
    verified = any(r.status in EVIDENCE_STATUSES for r in case_study.cited_records.all())
    row = {f: getattr(case_study, f) for f in FACT_FIELDS}
    row["verified"] = verified
    peer = (
        peer_rates([case_study.pk]).get(case_study.pk) if case_study.comparison == "peers" else None
    )
    facts = facts_of(row, peer)
    return {
        "strength": evidence.strength(facts),
        "impact": evidence.impact(facts),
        "outcome_rate": evidence.outcome_rate(facts),
        "comparison_rate": evidence.comparison_rate(facts),
        "cost_band": evidence.cost_band(case_study.cost_per_participant)
        if case_study.cost_per_participant is not None
        else None,
    }
