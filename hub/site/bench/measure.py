"""Time pages in-process through the full middleware stack, against a bare view in the same run.

The test Client calls the WSGI handler directly, so "server time" is Django's time with no
network. Each page is warmed up, then requested `repeat` times; its queries are counted on one
more request under CaptureQueriesContext (which slows queries, so it is never timed).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

BARE_URL = "/__bench__/bare/"


def bare(request):
    """The yardstick: a fixed string through every middleware, no database, no template."""
    return HttpResponse("bare")


# The bench's URLconf: the hub's own, plus the bare view (only while the bench runs).
urlpatterns = [path("__bench__/bare/", bare), path("", include("hub.site.urls"))]


@dataclass
class Page:
    name: str
    url: str
    signed_in: bool = False
    note: str = ""


@dataclass
class Result:
    page: Page
    status: int
    first_ms: float
    p50_ms: float
    p95_ms: float
    queries: int
    samples: list[float] = field(default_factory=list)
    ratio: float = 0.0


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    k = (len(ordered) - 1) * p / 100
    lower = int(k)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (k - lower)


def measure(
    client: Client, page: Page, *, repeat: int, warmup: int, max_seconds: float = 30
) -> Result:
    started = time.perf_counter()
    response = client.get(page.url, secure=True)
    first_ms = (time.perf_counter() - started) * 1000
    for _ in range(warmup if first_ms < 1000 else 1):
        client.get(page.url, secure=True)
    samples = []
    budget = time.perf_counter() + max_seconds
    for i in range(repeat):
        if i >= 5 and time.perf_counter() > budget:
            break  # a very slow page: enough samples to show it, without running for an hour
        started = time.perf_counter()
        timed = client.get(page.url, secure=True)
        samples.append((time.perf_counter() - started) * 1000)
        if timed.status_code != response.status_code:
            response = timed  # report any request that answered differently (e.g. a 429)
    with CaptureQueriesContext(connection) as queries:
        client.get(page.url, secure=True)
    return Result(
        page=page,
        status=response.status_code,
        first_ms=first_ms,
        p50_ms=statistics.median(samples),
        p95_ms=percentile(samples, 95),
        queries=len(queries.captured_queries),
        samples=samples,
    )


def run(pages: list[Page], *, member, repeat: int, warmup: int, stdout=None):
    """Measure the bare view, every page, then the bare view again (both runs pooled)."""
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(member)
    bare_page = Page("Bare view (fixed string)", BARE_URL)
    before = measure(anonymous, bare_page, repeat=repeat, warmup=warmup)
    results = []
    for page in pages:
        result = measure(signed_in if page.signed_in else anonymous, page, repeat=repeat,
                         warmup=warmup)  # fmt: skip
        results.append(result)
        if stdout:
            who = "member" if page.signed_in else "anonymous"
            stdout.write(
                f"  {page.name} ({who}): {result.status}, p50 {result.p50_ms:.1f} ms, "
                f"p95 {result.p95_ms:.1f} ms, {result.queries} queries"
            )
    after = measure(anonymous, bare_page, repeat=repeat, warmup=warmup)
    pooled = before.samples + after.samples
    baseline = Result(
        page=bare_page,
        status=before.status,
        first_ms=before.first_ms,
        p50_ms=statistics.median(pooled),
        p95_ms=percentile(pooled, 95),
        queries=max(before.queries, after.queries),
        samples=pooled,
    )
    for result in results:
        result.ratio = result.p95_ms / baseline.p95_ms if baseline.p95_ms else 0.0
    baseline.ratio = 1.0
    return baseline, results
