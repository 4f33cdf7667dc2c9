"""The fictional demo performance records: plausible, deterministic, checked, idempotent."""

import io
from collections import defaultdict
from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import Count

from cases.performance.models import PerformanceRecord, RecordEvent
from hub.base.models import Membership, SupplyChainLink
from hub.site.demo import content
from hub.site.demo import records as demo_records


def test_the_plan_is_the_same_every_time_and_its_figures_are_plausible():
    first, second = demo_records.plan(), demo_records.plan()
    assert [(p.key, p.figures, p.visibility, p.confirm, p.verify, p.dispute) for p in first] == [
        (p.key, p.figures, p.visibility, p.confirm, p.verify, p.dispute) for p in second
    ]
    chains = set(content.SUPPLY_CHAIN)
    outcome_rates = defaultdict(list)
    for planned in first:
        f, s = planned.figures, planned.series
        assert 20 <= f["referrals"] <= 300
        assert 0.77 <= f["attachments"] / f["referrals"] <= 0.96
        assert 0.11 <= f["job_starts"] / f["attachments"] <= 0.44
        assert f["job_outcomes"] <= f["job_starts"]
        if s.role == "subcontractor":
            assert (s.prime, s.organisation) in chains
        else:
            assert s.prime is None
        outcome_rates[s.group].append(f["job_outcomes"] / f["attachments"])
    mean = {group: sum(v) / len(v) for group, v in outcome_rates.items()}
    assert min(mean["jsa-18-24"], mean["jsa-25"]) > 2 * max(
        mean["new-esa-claimants"], mean["esa-ex-incapacity-benefit"]
    )


@pytest.mark.django_db
def test_seed_demo_makes_eight_quarters_of_checked_records_once():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo performance records:" in out.getvalue()

    records = PerformanceRecord.objects.select_related("organisation", "prime")
    starts = set(records.values_list("period_start", flat=True))
    assert starts == {date(y, m, 1) for y, m in demo_records.QUARTERS}
    for record in records:
        assert record.period_end == date(record.period_start.year, record.period_start.month + 2, 1)
    statuses = dict(records.values_list("status").annotate(n=Count("id")))
    assert statuses["peer_confirmed"] >= 10
    assert statuses["verified"] >= 3
    assert 2 <= statuses["disputed"] <= 3
    visibility = dict(records.values_list("visibility").annotate(n=Count("id")))
    assert visibility["public"] > visibility["members"] > 0
    assert records.values("programme").distinct().count() >= 2

    confirmed_links = set(
        SupplyChainLink.objects.filter(status="confirmed").values_list(
            "prime_id", "subcontractor_id"
        )
    )
    for record in records:
        if record.role == "subcontractor":
            assert (record.prime_id, record.organisation_id) in confirmed_links
        else:
            assert record.organisation.kind == "prime" and record.prime_id is None

    admins = set(
        Membership.objects.filter(role="admin", status="approved").values_list(
            "user_id", "organisation_id"
        )
    )
    created = RecordEvent.objects.filter(action="created").select_related("record")
    assert created.count() == records.count()
    assert all((e.actor_id, e.record.organisation_id) in admins for e in created)
    verified = RecordEvent.objects.filter(action="verified").select_related("actor")
    assert {e.actor.username for e in verified} == {"moderator"}
    assert all(e.note for e in verified)
    disputes = RecordEvent.objects.filter(action="disputed").select_related("record")
    assert all(e.note and e.actor_organisation_id != e.record.organisation_id for e in disputes)

    from cases.casestudies.models import CaseStudy

    evidenced = CaseStudy.objects.evidenced().count()
    assert evidenced > 0  # the demo shows the "evidenced by data" badge

    totals = (records.count(), RecordEvent.objects.count())
    again = io.StringIO()
    call_command("seed_demo", stdout=again)
    assert (PerformanceRecord.objects.count(), RecordEvent.objects.count()) == totals
    assert CaseStudy.objects.evidenced().count() == evidenced
    assert "0 created" in again.getvalue()
