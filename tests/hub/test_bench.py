"""The scale benchmark seeds in bulk and measures pages, at a tiny scale on SQLite."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.test.utils import override_settings

from cases.casestudies.models import CaseStudy, CaseStudyApproach, Comment, Rating
from cases.performance.models import CohortRecord, PerformanceRecord
from forum.models import Category, Post, Thread
from hub.base.models import User
from hub.site.bench import approaches as bench_approaches
from hub.site.bench import chains as bench_chains
from hub.site.bench import indexing, measure, report, rows, seed

SCALE = 0.001


@pytest.mark.django_db
def test_the_bench_seeds_consistent_rows_and_measures_pages_against_the_bare_view():
    seeded = seed.seed(SCALE)
    counts = seeded.counts
    bench_cases = CaseStudy.objects.filter(title__startswith="Bench case study")
    assert bench_cases.count() == counts.case_studies
    assert Rating.objects.filter(case_study__in=bench_cases).count() == counts.ratings
    assert Comment.objects.filter(case_study__in=bench_cases).count() == counts.comments
    assert Post.objects.filter(thread__title__startswith="Bench").count() == counts.posts
    assert PerformanceRecord.objects.count() >= counts.records
    assert CohortRecord.objects.count() == counts.cohorts
    # The stored counters agree with the rows they count.
    detail = CaseStudy.objects.get(pk=seeded.detail_case_study)
    assert detail.rating_count == Rating.objects.filter(case_study=detail).count() > 0
    assert detail.comment_count == Comment.objects.filter(case_study=detail).count() > 0
    big = Thread.objects.get(pk=seeded.big_thread)
    assert big.post_count == Post.objects.filter(thread=big).count() == counts.big_thread_posts
    category = Category.objects.get(slug=seeded.category_slug)
    assert category.thread_count == Thread.objects.filter(category=category).count()
    assert rows.is_seeded(SCALE)
    assert rows.locate(SCALE).big_thread == seeded.big_thread

    indexing.index_for_search()
    approach = bench_approaches.link()
    linked = CaseStudyApproach.objects.filter(case_study__in=bench_cases)
    assert linked.count() == counts.case_studies
    assert bench_approaches.link() == approach and linked.count() == counts.case_studies
    prime = bench_chains.link(seeded.member_username)
    assert bench_chains.link(seeded.member_username) == prime  # idempotent
    pages = [
        measure.Page("Case studies", "/case-studies/"),
        measure.Page("Thread, last page", f"/forum/t/{big.pk}/?page={seeded.big_thread_pages}"),
        measure.Page("Search case studies", f"/case-studies/?q={rows.RARE_WORD}"),
        measure.Page("Performance", "/performance/", signed_in=True),
        measure.Page("What works toolkit", "/what-works/"),
        measure.Page("Approach page", f"/what-works/{approach}/"),
        measure.Page("Star Rating", f"/organisations/{prime}/star-rating/"),
        measure.Page("Supply chain", f"/organisations/{prime}/supply-chain/compare/", True),
        measure.Page("Cohort benchmark", "/performance/benchmarks/?figures=cohort"),
        measure.Page("Open-data cohort benchmark", rows.cohort_benchmark_api_path()),
    ]
    member = User.objects.get(username=seeded.member_username)
    with override_settings(ROOT_URLCONF="hub.site.bench.measure"):
        baseline, results = measure.run(pages, member=member, repeat=3, warmup=1)
    assert baseline.status == 200 and baseline.queries == 0
    assert [r.status for r in results] == [200] * 10
    assert all(r.p95_ms >= r.p50_ms > 0 for r in results)
    # Signed out, a page whose body is cached may need no query at all; signed in, the session
    # and the member are always read.
    assert all(r.queries > 0 for r in results if r.page.signed_in)
    assert all(r.ratio == pytest.approx(r.p95_ms / baseline.p95_ms) for r in results)
    # The bulk rows are in the search index: the rare word finds the one case study saying it.
    found = Client().get(f"/case-studies/?q={rows.RARE_WORD}").content.decode()
    assert "Bench case study 8:" in found and "Bench case study 9:" not in found
    table = report.markdown(baseline, results, meta=["# Bench"])
    assert "| Bare view (fixed string) | anonymous |" in table
    assert f"`/forum/t/{big.pk}/?page={seeded.big_thread_pages}`" in table
    assert (
        report.as_csv(baseline, results).count("\n") == 12
    )  # a header, the bare view and ten pages


def test_percentiles_interpolate_between_ranks():
    assert measure.percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert measure.percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)


@pytest.mark.django_db
def test_the_bench_command_refuses_a_database_not_named_for_the_bench():
    with pytest.raises(CommandError, match="contains 'bench'"):
        call_command("bench", "--scale", "0.001")


def test_pages_chosen_by_name_always_keep_the_layout_page_first():
    from hub.site.management.commands.bench import chosen

    P = measure.Page
    pages = [
        P("Static page (layout only)", "/l/"),
        P("Thread, page 1", "/t/"),
        P("Forum index", "/f/"),
        P("Search forum, common word", "/s/"),
    ]
    assert chosen(pages, "") == pages
    assert [p.url for p in chosen(pages, "thread|search")] == ["/l/", "/t/", "/s/"]
    assert [p.url for p in chosen(pages, "FORUM INDEX")] == ["/l/", "/f/"]
    assert [p.url for p in chosen(pages, "nothing matches")] == ["/l/"]
