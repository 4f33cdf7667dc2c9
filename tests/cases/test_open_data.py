"""The open data: the JSON API, the CSV file and the page that explains them."""

import csv
import io
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.performance.models import PerformanceRecord, Programme
from hub.base.models import Area, ClaimantGroup, Organisation
from tests.factories import OrganisationFactory, UserFactory, admin_of, member_of

pytestmark = pytest.mark.django_db

API = "/performance/open-data/api/records"
CSV = "/performance/open-data/records.csv"


def _record(organisation, **overrides):
    fields = {
        "organisation": organisation,
        "role": PerformanceRecord.Role.PRIME,
        "programme": Programme.objects.get(slug="restart-scheme"),
        "area": Area.objects.get(code="CPA5"),
        "claimant_group": ClaimantGroup.objects.get(slug="jsa-18-24"),
        "period_start": date(2025, 4, 1),
        "period_end": date(2025, 6, 1),
        "referrals": 200,
        "attachments": 180,
        "job_starts": 54,
        "job_outcomes": 30,
        "sustainment_outcomes": 12,
        "profile_job_outcomes": 40,
        "visibility": PerformanceRecord.Visibility.PUBLIC,
    }
    fields.update(overrides)
    return PerformanceRecord.objects.create(**fields)


def _csv_rows(response) -> list[dict]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def pair():
    """A published record and a members-only one, from the same organisation."""
    organisation = OrganisationFactory(name="Quayside Works", slug="quayside-works")
    public = _record(organisation)
    private = _record(
        organisation,
        period_start=date(2025, 7, 1),
        period_end=date(2025, 9, 1),
        visibility=PerformanceRecord.Visibility.MEMBERS,
    )
    return organisation, public, private


VIEWERS = ["anonymous", "member of another organisation", "member of its organisation",
           "admin of its organisation", "superuser"]  # fmt: skip


def _sign_in(client, viewer, organisation):
    user = {
        "anonymous": lambda: None,
        "member of another organisation": lambda: member_of(OrganisationFactory()),
        "member of its organisation": lambda: member_of(organisation),
        "admin of its organisation": lambda: admin_of(organisation),
        "superuser": lambda: UserFactory(is_staff=True, is_superuser=True),
    }[viewer]()
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_members_only_records_never_appear_in_the_api_or_csv(client, pair, viewer):
    organisation, public, private = pair
    _sign_in(client, viewer, organisation)

    listed = client.get(API).json()
    assert [r["id"] for r in listed["results"]] == [public.pk]
    assert listed["count"] == 1
    assert client.get(f"{API}/{public.pk}").status_code == 200
    assert client.get(f"{API}/{private.pk}").status_code == 404
    assert [row["id"] for row in _csv_rows(client.get(CSV))] == [str(public.pk)]
    # Not even when asked for by its own organisation or status.
    assert client.get(API, {"organisation": "quayside-works"}).json()["count"] == 1
    assert client.get(API, {"period_from": "2025-07"}).json()["results"] == []


def test_a_record_carries_its_figures_rates_organisation_and_terms(client):
    prime = OrganisationFactory(name="Tyne Prime", slug="tyne-prime", kind=Organisation.Kind.PRIME)
    sub = OrganisationFactory(name="Wear Sub", slug="wear-sub", kind=Organisation.Kind.VCS)
    record = _record(sub, role=PerformanceRecord.Role.SUBCONTRACTOR, prime=prime,
                     status=PerformanceRecord.Status.VERIFIED)  # fmt: skip

    body = client.get(f"{API}/{record.pk}").json()

    assert body["organisation"] == {
        "name": "Wear Sub", "slug": "wear-sub", "kind": "vcs",
        "kind_label": "Voluntary or community sector organisation",
    }  # fmt: skip
    assert body["role"] == "subcontractor"
    assert body["prime"] == {"name": "Tyne Prime", "slug": "tyne-prime"}
    assert body["programme"] == {"name": "Restart Scheme", "slug": "restart-scheme"}
    assert body["area"]["code"] == "CPA5"
    assert body["claimant_group"]["slug"] == "jsa-18-24"
    assert (body["period_start"], body["period_end"]) == ("2025-04", "2025-06")
    assert body["referrals"] == 200 and body["profile_job_outcomes"] == 40
    assert body["rates"] == {
        "attachment_rate": 0.9,
        "job_start_rate": 0.3,
        "job_outcome_rate": 0.1667,
        "performance_against_profile": 0.75,
    }
    assert body["status"] == "verified"
    assert body["url"].endswith(f"{API}/{record.pk}")
    assert body["web_url"].endswith(f"/performance/{record.pk}/")


def test_a_missing_figure_gives_a_null_rate_not_zero(client):
    record = _record(OrganisationFactory(), referrals=None, profile_job_outcomes=0)
    rates = client.get(f"{API}/{record.pk}").json()["rates"]
    assert rates["attachment_rate"] is None
    assert rates["performance_against_profile"] is None


@pytest.fixture
def spread():
    """Records that differ in one way each, to check every filter picks the right ones."""
    north = OrganisationFactory(slug="north", kind=Organisation.Kind.PRIME)
    whp = Programme.objects.get(slug="work-and-health-programme")
    east = OrganisationFactory(slug="east", kind=Organisation.Kind.SPECIALIST)
    return {
        "base": _record(north),
        "programme": _record(north, programme=whp),
        "group": _record(north, claimant_group=ClaimantGroup.objects.get(slug="new-esa-claimants")),
        "area": _record(north, area=Area.objects.get(code="CPA18")),
        "early": _record(north, period_start=date(2024, 7, 1), period_end=date(2024, 9, 1)),
        "late": _record(north, period_start=date(2026, 4, 1), period_end=date(2026, 6, 1)),
        "other": _record(east, status=PerformanceRecord.Status.DISPUTED),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"programme": "work-and-health-programme"}, {"programme"}),
        ({"claimant_group": "new-esa-claimants"}, {"group"}),
        ({"area": "CPA18"}, {"area"}),
        ({"area": "cpa18"}, {"area"}),
        ({"period_from": "2026-01"}, {"late"}),
        ({"period_to": "2024-12"}, {"early"}),
        ({"period_from": "2025-01", "period_to": "2025-12"},
         {"base", "programme", "group", "area", "other"}),
        ({"organisation": "east"}, {"other"}),
        ({"organisation_kind": "specialist"}, {"other"}),
        ({"status": "disputed"}, {"other"}),
        ({"programme": "restart-scheme", "area": "CPA5", "organisation": "north",
          "period_from": "2025-04", "period_to": "2025-06"}, {"base", "group"}),
        ({"programme": "no-such-programme"}, set()),
    ],
)  # fmt: skip
def test_filters_pick_the_matching_records_in_the_api_and_the_csv(client, spread, params, expected):
    wanted = {spread[name].pk for name in expected}
    body = client.get(API, params).json()
    assert {r["id"] for r in body["results"]} == wanted
    assert body["count"] == len(wanted)
    assert {int(row["id"]) for row in _csv_rows(client.get(CSV, params))} == wanted


@pytest.mark.parametrize(
    "params",
    [{"period_from": "2025-13"}, {"period_to": "25-01"}, {"status": "approved"},
     {"organisation_kind": "charity"}],
)  # fmt: skip
def test_a_malformed_filter_is_refused_not_ignored(client, params):
    assert client.get(API, params).status_code == 422
    response = client.get(CSV, params)
    assert response.status_code == 400
    assert "Check the filters" in response.content.decode()


def test_pages_are_bounded_and_linked_newest_first(client):
    organisation = OrganisationFactory()
    made = [
        _record(organisation, period_start=date(2024 + (m // 12), m % 12 + 1, 1),
                period_end=date(2024 + (m // 12), m % 12 + 1, 1))
        for m in range(7)
    ]  # fmt: skip
    assert client.get(API, {"limit": 501}).status_code == 422
    assert client.get(API, {"limit": 0}).status_code == 422
    assert client.get(API, {"limit": 500}).status_code == 200

    seen, url, pages = [], f"{API}?limit=3&organisation={organisation.slug}", 0
    first = None
    while url:
        body = client.get(url).json()
        first = first or body
        assert len(body["results"]) <= 3
        assert body["count"] == 7
        seen += [r["id"] for r in body["results"]]
        url, pages = body["next"], pages + 1
        if url:
            assert "limit=3" in url and f"organisation={organisation.slug}" in url
    assert pages == 3
    assert seen == [r.pk for r in reversed(made)]
    assert first["previous"] is None
    assert client.get(API).json()["limit"] == 100


def test_a_later_page_links_back_to_the_one_before(client):
    organisation = OrganisationFactory()
    for m in range(1, 6):
        _record(organisation, period_start=date(2025, m, 1), period_end=date(2025, m, 1))
    first = client.get(API, {"limit": 2}).json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert [r["id"] for r in back["results"]] == [r["id"] for r in first["results"]]


def test_the_openapi_schema_is_served_and_describes_the_endpoints(client):
    response = client.get("/performance/open-data/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/performance/open-data/api/records" in schema["paths"]
    assert "/performance/open-data/api/records/{record_id}" in schema["paths"]
    parameters = {
        p["name"]
        for p in schema["paths"]["/performance/open-data/api/records"]["get"]["parameters"]
    }
    assert {"programme", "claimant_group", "area", "period_from", "period_to", "organisation",
            "organisation_kind", "status", "limit", "after"} <= parameters  # fmt: skip
    assert reverse("open_data_api:openapi-json") == "/performance/open-data/api/openapi.json"


def test_the_api_docs_page_works_under_the_csp_without_outside_scripts(client):
    response = client.get("/performance/open-data/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn.jsdelivr.net" not in html and "swagger-ui" not in html
    assert 'href="/performance/open-data/api/openapi.json"' in html
    assert "/performance/open-data/api/records/{record_id}" in html
    assert "period_from" in html
    assert "script-src" in response.headers["Content-Security-Policy"]


def test_the_open_data_page_explains_the_licence_fields_api_and_csv(client):
    response = client.get(reverse("open_data"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("open_data") == "/performance/open-data/"
    assert "fictional demo data" in html
    assert "Open Government Licence" in html
    assert f'href="{reverse("record_definitions")}"' in html
    assert "http://testserver/performance/open-data/records.csv" in html
    assert "http://testserver/performance/open-data/api/records?programme=restart-scheme" in html
    assert 'href="/performance/open-data/api/docs"' in html


def test_the_csv_neutralises_cells_a_spreadsheet_would_run(client):
    evil = OrganisationFactory(name='=HYPERLINK("http://evil.example","Click")', slug="evil")
    tab = OrganisationFactory(name="\tTabbed", slug="tabbed")
    for organisation in (evil, tab):
        _record(organisation)

    response = client.get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "performance-records.csv" in response["Content-Disposition"]
    names = {row["organisation_slug"]: row["organisation"] for row in _csv_rows(response)}
    assert names["evil"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert names["tabbed"] == "'\tTabbed"


def test_the_csv_has_the_same_fields_as_the_api(client):
    _record(OrganisationFactory(slug="plain"), job_outcomes=None)
    row = _csv_rows(client.get(CSV))[0]
    assert row["organisation_slug"] == "plain"
    assert row["period_start"] == "2025-04"
    assert row["programme_slug"] == "restart-scheme"
    assert row["attachment_rate"] == "0.9000"
    assert row["job_outcomes"] == "" and row["job_outcome_rate"] == ""
    assert row["status"] == "self_reported"


def _queries(client, url) -> int:
    cache.clear()  # count a cold request: the API's total is cached (cases.caching)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(ctx)


def _many(count: int):
    prime = OrganisationFactory(kind=Organisation.Kind.PRIME)
    for i in range(count):
        organisation = OrganisationFactory()
        _record(organisation, role=PerformanceRecord.Role.SUBCONTRACTOR, prime=prime,
                period_start=date(2024 + i // 12, i % 12 + 1, 1),
                period_end=date(2024 + i // 12, i % 12 + 1, 1))  # fmt: skip


@pytest.mark.parametrize("signed_in", [False, True])
def test_api_and_csv_query_counts_do_not_grow_with_the_records(client, signed_in):
    if signed_in:
        client.force_login(member_of(OrganisationFactory()))
    _many(2)
    few = [_queries(client, url) for url in (API, CSV)]
    _many(28)
    assert client.get(API).json()["count"] == 30
    many = [_queries(client, url) for url in (API, CSV)]
    assert many == few
