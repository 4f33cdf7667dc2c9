"""The demo approaches: eight or more, each with 3-10 published case studies and varied
evidence, made idempotently by `manage.py seed_demo`."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from cases.casestudies.models import Approach, CaseStudy, CaseStudyApproach

pytestmark = pytest.mark.django_db


def _state():
    return (
        sorted(Approach.objects.values_list("slug", "title")),
        sorted(CaseStudyApproach.objects.values_list("case_study__title", "approach__slug")),
        sorted(
            CaseStudy.objects.values_list(
                "title", "comparison", "comparison_outcome_rate", "follow_up_months",
                "cost_per_participant",
            )
        ),
        sorted(CaseStudy.cited_records.through.objects.values_list("casestudy_id",
                                                                  "performancerecord_id")),
    )  # fmt: skip


def test_demo_approaches_are_varied_and_seeded_idempotently(client):
    call_command("seed_demo", stdout=StringIO())
    first = _state()
    call_command("seed_demo", stdout=StringIO())
    assert _state() == first

    approaches = list(Approach.objects.live())
    assert len(approaches) >= 8
    for approach in approaches:
        published = CaseStudy.objects.published().filter(approach_links__approach=approach)
        assert 3 <= published.count() <= 10, approach.title

    rows = client.get(reverse("approach_toolkit")).context["rows"]
    summaries = [r["summary"] for r in rows]
    assert {s.typical_padlocks for s in summaries} >= {2, 3}
    assert max(s.best_padlocks for s in summaries) == 5
    assert min(s.typical_padlocks for s in summaries) <= 2
    assert sum(1 for s in summaries if s.impact) >= 6
    assert sum(1 for s in summaries if s.cost) >= 8
    assert len({s.cost.band.label for s in summaries if s.cost}) >= 2
    comparisons = set(CaseStudy.objects.values_list("comparison", flat=True))
    assert comparisons == {"none", "before_after", "earlier_cohorts", "comparison_group", "peers"}

    response = client.get(
        reverse("approach_toolkit") + "?group=new-esa-claimants&stage=in-work-support&evidence=3"
    )
    assert "In-work support by text and phone" in [
        r["approach"].title for r in response.context["rows"]
    ]
    for approach in approaches:
        assert client.get(approach.get_absolute_url()).status_code == 200
