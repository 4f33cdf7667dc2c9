"""Benchmarks: the statistics (without a database), the charts, and the pages."""

import datetime
import re
import statistics
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.performance import benchmarks, charts
from cases.performance.models import PerformanceRecord, Programme
from hub.base.models import Area, ClaimantGroup, Organisation
from tests.factories import OrganisationFactory, member_of
from tests.querycounts import cold_viewer_caches

D = Decimal

# The statistics.


@pytest.mark.parametrize(
    "values",
    [[1, 2, 3, 4], [7, 1, 3], [D("0.1"), D("0.25"), D("0.3"), D("0.3"), D("0.9")],
     list(range(1, 12)), [5, 5, 5, 5], [D("0.2"), D("0.7")]],
)  # fmt: skip
def test_quartiles_match_inclusive_interpolation(values):
    """The same method as Excel's QUARTILE.INC and statistics.quantiles(method="inclusive")."""
    expected = statistics.quantiles([D(v) for v in values], n=4, method="inclusive")
    assert list(benchmarks.quartiles(values)) == expected


def test_quartiles_worked_by_hand():
    assert benchmarks.quartiles([1, 2, 3, 4]) == (D("1.75"), D("2.5"), D("3.25"))


def test_quartiles_of_one_value_and_of_none():
    assert benchmarks.quartiles([D("0.3")]) == (D("0.3"), D("0.3"), D("0.3"))
    assert benchmarks.quartiles([]) == (None, None, None)
    assert benchmarks.quartiles([None, None]) == (None, None, None)


def test_quartiles_skip_missing_figures_rather_than_count_them_as_zero():
    assert benchmarks.quartiles([None, 1, 2, None, 3, 4]) == benchmarks.quartiles([1, 2, 3, 4])


def test_quartiles_stay_exact_decimals():
    q1, median, q3 = benchmarks.quartiles([D("0.1234"), D("0.2345")])
    assert (q1, median, q3) == (D("0.151175"), D("0.17895"), D("0.206725"))


def test_percentile_rank_counts_ties_as_half():
    values = [10, 20, 20, 30]
    assert benchmarks.percentile_rank(20, values) == D(50)  # (1 + 2/2) / 4
    assert benchmarks.percentile_rank(10, values) == D("12.5")
    assert benchmarks.percentile_rank(30, values) == D("87.5")


def test_percentile_rank_edge_cases():
    assert benchmarks.percentile_rank(None, [1, 2]) is None
    assert benchmarks.percentile_rank(1, []) is None
    assert benchmarks.percentile_rank(1, [None]) is None
    assert benchmarks.percentile_rank(5, [5]) == 50
    assert benchmarks.percentile_rank(5, [5, 5, 5]) == 50
    assert benchmarks.percentile_rank(100, [1, 2, 3]) == 100  # above them all
    assert benchmarks.percentile_rank(D("0.2"), [D("0.1"), None, D("0.3")]) == 50


@pytest.mark.parametrize(
    ("value", "words", "quarter"),
    [(50, "in the top quarter", 4), (40, "in the second quarter, above the median", 3),
     (20, "in the third quarter, below the median", 2), (10, "in the bottom quarter", 1)],
)  # fmt: skip
def test_standing_in_words(value, words, quarter):
    standing = benchmarks.standing(D(value), [10, 20, 40, 50])
    assert (standing.words, standing.quarter) == (words, quarter)


def test_standing_edge_cases():
    assert benchmarks.standing(D(3), [1, 3, 5, 6, 0]).words == "At the median"
    assert benchmarks.standing(D(3), [3, 3, 3, 3]).words == "The same as every peer"
    assert benchmarks.standing(D(3), [3]).words == "No peers to compare with"
    assert benchmarks.standing(None, [1, 2]).words == "Not given, so not compared"


def test_summarise_and_compare():
    summary = benchmarks.summarise([D("0.3"), None, D("0.1"), D("0.2")])
    assert (summary.count, summary.minimum, summary.median, summary.maximum) == (
        3, D("0.1"), D("0.2"), D("0.3"),
    )  # fmt: skip
    peers = [{"job_outcome_rate": D(v)} for v in ("0.1", "0.3", "0.2", "0.05")]
    rows = benchmarks.compare({"job_outcome_rate": D("0.3")}, peers)
    assert [row["metric"] for row in rows] == list(benchmarks.METRICS)
    assert rows[0]["standing"].rank == D("87.5")  # 3 below, itself counted half: 3.5 / 4
    assert rows[0]["enough"] is True
    assert rows[1]["summary"].count == 0


def test_formatting_for_people():
    assert benchmarks.percent(D("0.2345")) == "23.5%"
    assert benchmarks.percent(None) == "–"
    assert benchmarks.ordinal(D("62.5")) == "63rd percentile"
    assert benchmarks.ordinal(D("11")) == "11th percentile"
    assert benchmarks.ordinal(D("91.7")) == "92nd percentile"
    assert benchmarks.period_label(datetime.date(2024, 4, 1), datetime.date(2024, 6, 1)) == (
        "Apr to Jun 2024"
    )
    assert benchmarks.period_label(datetime.date(2024, 11, 1), datetime.date(2025, 1, 1)) == (
        "Nov 2024 to Jan 2025"
    )
    assert benchmarks.period_label(datetime.date(2024, 4, 1), datetime.date(2024, 4, 1)) == (
        "Apr 2024"
    )


# The charts.

ALLOWED_COLOURS = {"#0b5e63", "#0b0c0c", "#505a5f", "#1d70b8", "#d4351c", "#b1b4b6", "#e3eeef",
                   "#ffffff", "none"}  # fmt: skip


def _check_svg(html: str, chart_id: str) -> str:
    """Both drawings (wide, narrow) are accessible images; returns the wide one."""
    assert html.startswith('<div class="hub-chart">') and "style=" not in html
    drawings = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(drawings) == 2
    for svg, svg_id in zip(drawings, (chart_id, f"{chart_id}-narrow"), strict=True):
        assert 'role="img"' in svg
        assert f'aria-labelledby="{svg_id}-title {svg_id}-desc"' in svg
        assert f'<title id="{svg_id}-title">' in svg and f'<desc id="{svg_id}-desc">' in svg
        assert "<script" not in svg
        assert set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg)) <= ALLOWED_COLOURS
        sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', svg)}
        assert min(sizes) >= 16
    return drawings[0]


def test_strip_chart_draws_every_peer_and_highlights_one():
    values = [D("0.1"), D("0.2"), D("0.2"), D("0.35"), None]
    svg = charts.strip_chart(
        chart_id="c1",
        title="Job outcome rate <b>",
        desc="Five records & one highlighted",
        values=values,
        summary=benchmarks.summarise(values),
        highlight=D("0.35"),
        highlight_label="This record",
    )
    svg = _check_svg(svg, "c1")
    assert "Job outcome rate &lt;b&gt;" in svg and "&amp; one" in svg
    assert svg.count("<circle") == 4 + 1  # four peers and the legend's dot
    assert "This record: 35%" in svg


def test_strip_chart_with_no_values():
    svg = charts.strip_chart(
        chart_id="c2", title="t", desc="d", values=[], summary=benchmarks.summarise([])
    )
    svg = _check_svg(svg, "c2")
    assert "<rect" in svg  # the legend only


def test_line_chart_breaks_lines_at_gaps():
    svg = charts.line_chart(
        chart_id="c3",
        title="Over time",
        desc="Three periods",
        categories=["Apr 2024\nto Jun 2024", "Jul 2024", "Oct 2024"],
        series=[
            charts.Series("Outcomes", [D("0.2"), None, D("0.3")]),
            charts.Series(
                "Starts",
                [D("0.4"), D("0.5"), D("0.45")],
                colour=charts.BLUE,
                marker="square",
                dash="9 5",
            ),
        ],  # fmt: skip
    )
    svg = _check_svg(svg, "c3")
    outcome_path = re.findall(r'<path d="([^"]+)" fill="none" stroke="#0b5e63"', svg)[0]
    assert outcome_path.count("M") == 2 and "L" not in outcome_path
    assert 'stroke-dasharray="9 5"' in svg
    assert "<tspan" in svg and ">to Jun 2024</tspan>" in svg


def test_nice_axis_tops():
    assert charts.nice_top(D("0.23")) == (D("0.25"), D("0.05"))
    assert charts.nice_top(D("1.3")) == (D("1.5"), D("0.25"))
    assert charts.nice_top(None)[0] > 0


# The pages.

START, END = datetime.date(2024, 4, 1), datetime.date(2024, 6, 1)


@pytest.fixture
def taxonomy(db):
    return {
        "programme": Programme.objects.get(slug="restart-scheme"),
        "group": ClaimantGroup.objects.order_by("pk").first(),
        "areas": list(Area.objects.order_by("pk")[:2]),
    }


def record(taxonomy, organisation=None, *, area=0, public=True, attachments=100, outcomes=20,
           starts=None, profile=25, start=START, end=END, group=None, programme=None):  # fmt: skip
    return PerformanceRecord.objects.create(
        organisation=organisation or OrganisationFactory(),
        role="prime",
        programme=programme or taxonomy["programme"],
        area=taxonomy["areas"][area],
        claimant_group=group or taxonomy["group"],
        period_start=start,
        period_end=end,
        referrals=attachments * 2,
        attachments=attachments,
        job_starts=starts if starts is not None else min(attachments, max(40, outcomes)),
        job_outcomes=outcomes,
        profile_job_outcomes=profile,
        visibility="public" if public else "members",
    )


def peer_group(taxonomy, outcomes, **kwargs):
    return [record(taxonomy, outcomes=n, **kwargs) for n in outcomes]


def _query(taxonomy, **extra):
    return {
        "programme": taxonomy["programme"].slug,
        "group": taxonomy["group"].slug,
        "period": f"{START:%Y-%m-%d}_{END:%Y-%m-%d}",
        **extra,
    }


def test_index_shows_the_peer_group_summary_chart_and_table(client, taxonomy):
    peer_group(taxonomy, [10, 20, 30, 40, 50])
    response = client.get(reverse("benchmark_index"), _query(taxonomy))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Restart Scheme" in html and "Apr to Jun 2024" in html
    summary = response.context["summary_rows"][0]
    assert summary["label"] == "Job outcome rate"
    assert summary["cells"] == ["10.0%", "20.0%", "30.0%", "40.0%", "50.0%"]
    assert html.count('role="img"') == 3 * 2  # each chart drawn wide and narrow
    assert "<caption" in html and 'scope="row"' in html
    assert "early indicator" in html


def test_index_picks_the_latest_peer_group_when_nothing_is_chosen(client, taxonomy):
    peer_group(taxonomy, [10, 20], start=datetime.date(2023, 4, 1), end=datetime.date(2023, 6, 1))
    peer_group(taxonomy, [30, 40, 50])
    response = client.get(reverse("benchmark_index"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == 3
    assert response.context["form"]["period"].value() == "2024-04-01_2024-06-01"


def test_index_narrows_by_area_and_kind(client, taxonomy):
    record(taxonomy, outcomes=10, area=0)
    record(taxonomy, outcomes=20, area=1)
    record(taxonomy, OrganisationFactory(kind=Organisation.Kind.VCS), outcomes=30, area=1)
    url = reverse("benchmark_index")
    area = taxonomy["areas"][1].slug
    assert len(client.get(url, _query(taxonomy, area=area)).context["rows"]) == 2
    narrowed = client.get(url, _query(taxonomy, area=area, kind="vcs"))
    assert [row["record"].job_outcomes for row in narrowed.context["rows"]] == [30]


def test_index_reports_a_bad_choice_beside_the_field(client, taxonomy):
    peer_group(taxonomy, [10, 20])
    response = client.get(reverse("benchmark_index"), _query(taxonomy, programme="nonsense"))
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "rows" not in response.context


def test_index_with_no_records(client, db):
    response = client.get(reverse("benchmark_index"))
    assert response.status_code == 200
    assert "nothing to compare" in response.content.decode()


def test_members_only_records_never_reach_anonymous_visitors(client, taxonomy):
    peer_group(taxonomy, [10, 20, 30])
    hidden = OrganisationFactory(name="Hidden Members Only Org")
    secret = record(taxonomy, hidden, outcomes=100, public=False)
    url = reverse("benchmark_index")

    response = client.get(url, _query(taxonomy))
    html = response.content.decode()
    assert "Hidden Members Only Org" not in html
    assert len(response.context["rows"]) == 3
    assert response.context["summary_rows"][0]["cells"][2] == "20.0%"  # the median
    assert client.get(reverse("benchmark_record", args=[secret.pk])).status_code == 404
    org_page = client.get(reverse("benchmark_organisation", args=[hidden.slug]))
    assert org_page.status_code == 200
    assert org_page.context["sections"] == []

    client.force_login(member_of(OrganisationFactory()))
    response = client.get(url, _query(taxonomy))
    assert "Hidden Members Only Org" in response.content.decode()
    assert len(response.context["rows"]) == 4
    assert response.context["summary_rows"][0]["cells"][2] == "25.0%"
    assert client.get(reverse("benchmark_record", args=[secret.pk])).status_code == 200


def test_a_members_only_peer_does_not_move_a_public_record_for_anonymous_visitors(client, taxonomy):
    mine, *_ = peer_group(taxonomy, [30, 10, 20])
    record(taxonomy, outcomes=90, public=False)
    response = client.get(reverse("benchmark_record", args=[mine.pk]))
    outcome = response.context["summary_rows"][0]
    assert outcome["count"] == 3  # the members-only record is not among them
    assert outcome["words"] == "Not enough data to compare: 3 given, at least 5 needed"
    assert outcome["rank"] == "–"  # no rank among three
    assert not outcome["enough"]


def test_record_page_highlights_the_record(client, taxonomy):
    mine, *_ = peer_group(taxonomy, [15, 10, 20, 30, 40])
    response = client.get(reverse("benchmark_record", args=[mine.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This record: 15%" in html
    assert response.context["peer_count"] == 4
    assert response.context["summary_rows"][0]["words"] == "in the third quarter, below the median"
    assert html.count('role="img"') == 3 * 2  # each chart drawn wide and narrow
    assert "early indicator" in html


def test_organisation_page_shows_the_time_series_and_star_ratings(client, taxonomy):
    organisation = OrganisationFactory()
    quarters = [(datetime.date(2024, m, 1), datetime.date(2024, m + 2, 1)) for m in (4, 7, 10)]
    for start, end in quarters:
        record(taxonomy, organisation, outcomes=50, profile=40, start=start, end=end)
        peer_group(taxonomy, [10, 20, 30, 40], start=start, end=end)
    # A second area in the last quarter is added to the first.
    record(taxonomy, organisation, area=1, outcomes=10, profile=None, start=quarters[2][0],
           end=quarters[2][1])  # fmt: skip
    response = client.get(reverse("benchmark_organisation", args=[organisation.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    (section,) = response.context["sections"]
    assert [row["label"] for row in section["rows"]] == [
        "Apr to Jun 2024", "Jul to Sep 2024", "Oct to Dec 2024",
    ]  # fmt: skip
    assert section["rows"][2]["cells"]["job_outcome_rate"] == "30.0% (60 of 200 attached)"
    assert section["rows"][0]["cells"]["outcome_median"] == "30.0%"
    assert section["rows"][0]["standing"].words == "in the top quarter"
    (year,) = section["ratings"]
    assert year["year"] == "April 2024 to March 2025"
    assert year["rating"].stars == 5
    assert '<span aria-hidden="true">★★★★★</span> <strong>5 out of 5</strong>' in html
    assert '<span class="govuk-visually-hidden"> stars</span>' in html
    assert html.count('role="img"') == 2  # one chart, drawn wide and narrow
    assert "early indicator" in html


def test_organisation_page_says_when_there_is_not_enough_data(client, taxonomy):
    organisation = OrganisationFactory()
    record(taxonomy, organisation, outcomes=20)
    peer_group(taxonomy, [10, 20])
    response = client.get(reverse("benchmark_organisation", args=[organisation.slug]))
    assert "<strong>Not enough data:</strong> 3 organisations with enough figures" in (
        response.content.decode()
    )


def test_anonymous_star_ratings_use_public_records_only(client, taxonomy):
    organisation = OrganisationFactory()
    record(taxonomy, organisation, outcomes=50, profile=50)
    peer_group(taxonomy, [10, 20, 30, 40])
    peer_group(taxonomy, [90, 95, 99], public=False)
    url = reverse("benchmark_organisation", args=[organisation.slug])
    assert client.get(url).context["sections"][0]["ratings"][0]["rating"].stars == 5
    client.force_login(member_of(OrganisationFactory()))
    member_rating = client.get(url).context["sections"][0]["ratings"][0]["rating"]
    assert member_rating.comparable == 8
    assert member_rating.stars == 4  # 3 from a rank of 56.25, +1 on profile


def test_organisation_page_404s_for_no_such_organisation(client, db):
    assert client.get(reverse("benchmark_organisation", args=["nobody"])).status_code == 404


def test_methodology_page_shows_the_worked_example(client, db):
    response = client.get(reverse("star_rating_methodology"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "How the Star Rating works" in html
    assert "Sample Skills CIC" in html and "75.0" in html
    assert "<strong>Not enough data:</strong> 20 attachments in the year" in html


def _count(client, url, params=None):
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("signed_in", [False, True])
def test_benchmark_query_counts_do_not_grow_with_peers(client, taxonomy, signed_in):
    if signed_in:
        client.force_login(member_of(OrganisationFactory()))
    organisation = OrganisationFactory()
    mine = record(taxonomy, organisation, outcomes=25)
    record(taxonomy, organisation, outcomes=25, start=datetime.date(2024, 7, 1),
           end=datetime.date(2024, 9, 1))  # fmt: skip

    def counts():
        return (
            _count(client, reverse("benchmark_index"), _query(taxonomy)),
            _count(client, reverse("benchmark_index")),
            _count(client, reverse("benchmark_record", args=[mine.pk])),
            _count(client, reverse("benchmark_organisation", args=[organisation.slug])),
        )

    peer_group(taxonomy, [10, 20], public=not signed_in)
    small = counts()
    peer_group(taxonomy, range(1, 29), public=not signed_in)
    peer_group(taxonomy, range(1, 29), public=not signed_in, start=datetime.date(2024, 7, 1),
               end=datetime.date(2024, 9, 1), area=1)  # fmt: skip
    assert counts() == small
