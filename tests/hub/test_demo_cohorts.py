"""The demo cohorts (hub.site.demo.cohorts): fictional, two years, mature and not yet mature
cohorts, one peer group above the benchmark minimum and one below. No database."""

from datetime import date

from cases.performance import cohorts
from hub.site.demo import cohorts as demo


def test_two_years_of_cohorts_with_later_figures_only_once_old_enough():
    for spec, _, late in demo.plan():
        assert len(late) == 24 - len(spec.get("skip_months", []))
        for cohort in late:
            for measure in cohorts.MEASURES:
                values = [cohort[cohorts.figure_name(measure, n)] for n in cohorts.MILESTONES]
                known = [v for v in values if v is not None]
                assert known == sorted(known)  # cumulative
                assert all(v <= cohort["attached"] for v in known)
            month = cohort["cohort_month"]
            # Known on 1 December 2026 exactly when mature then.
            assert (cohort["job_outcomes_by_12"] is not None) == (month <= date(2025, 11, 1))
            assert cohort["job_outcomes_by_24"] is None


def test_the_later_upload_only_adds_or_raises_figures():
    for _, early, late in demo.plan():
        by_month = {c["cohort_month"]: c for c in late}
        for cohort in early:
            later = by_month[cohort["cohort_month"]]
            assert later["attached"] == cohort["attached"]
            for name in cohorts.FIGURE_NAMES:
                if cohort[name] is not None:
                    assert later[name] == cohort[name]
        assert any(
            c[name] is None and by_month[c["cohort_month"]][name] is not None
            for c in early
            for name in cohorts.FIGURE_NAMES
        )


def test_one_peer_group_above_the_minimum_and_one_below():
    groups: dict[tuple, set] = {}
    for spec, _, _ in demo.plan():
        key = (spec["programme"], spec["group"])
        groups.setdefault(key, set()).add((spec["organisation"], spec["area"]))
    sizes = sorted(len(members) for members in groups.values())
    assert sizes[0] < 4 and sizes[-1] >= 6
