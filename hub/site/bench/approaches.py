"""The bench's approaches: every bench case study is linked to one of the live approaches (the
demo's, or one made here without the demo) and given evidence, so the toolkit and approach pages
are measured over every case study at scale. Idempotent: links are made once."""

from __future__ import annotations

from decimal import Decimal

from cases.casestudies.models import Approach, CaseStudy, CaseStudyApproach
from hub.site.bench.rows import Writer

# (comparison, its job outcome rate, months followed up, cost per participant): one per fifth
EVIDENCE = [
    ("none", None, None, None),
    ("before_after", Decimal("12.0"), None, 150),
    ("earlier_cohorts", Decimal("15.5"), 6, 420),
    ("comparison_group", Decimal("18.0"), 12, 900),
    ("peers", None, 6, 60),
]


def link(stdout=None) -> str:
    """Link the bench case studies to approaches; returns the slug of the approach with most."""
    approaches = list(Approach.objects.live().order_by("pk"))
    if not approaches:
        approaches = [
            Approach.objects.create(
                title="Bench approach", slug="bench-approach", summary="For the bench.",
                what_it_is="-", who_it_suits="-", how_to="-", pitfalls="-",
            )
        ]  # fmt: skip
    bench = CaseStudy.objects.filter(title__startswith="Bench case study")
    ids = list(bench.order_by("pk").values_list("pk", flat=True))
    if ids and not CaseStudyApproach.objects.filter(case_study_id=ids[0]).exists():
        Writer().insert(
            CaseStudyApproach,
            ["case_study", "approach"],
            ((pk, approaches[i % len(approaches)].pk) for i, pk in enumerate(ids)),
        )
        fifth = max(len(ids) // len(EVIDENCE), 1)
        for n, (comparison, rate, months, cost) in enumerate(EVIDENCE):
            chunk = ids[n * fifth : (n + 1) * fifth] if n < len(EVIDENCE) - 1 else ids[n * fifth :]
            if chunk:
                bench.filter(pk__gte=chunk[0], pk__lte=chunk[-1]).update(
                    comparison=comparison, comparison_outcome_rate=rate,
                    follow_up_months=months, cost_per_participant=cost,
                )  # fmt: skip
        if stdout:
            stdout.write(f"  linked {len(ids):,} case studies to {len(approaches)} approaches")
    from cases import caching

    caching.changed(caching.CASE_STUDIES)
    return approaches[0].slug
