"""The HTTP bench's arithmetic and its Python load generator (hub.site.bench.http), against a
small HTTP server in this process; `make bench` runs the whole of it against gunicorn."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hub.site.bench import http as bench_http
from hub.site.bench.measure import Page


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status = 200 if self.path != "/missing/" else 404
        body = f"{self.path} {self.headers.get('Cookie', '')}".encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.seen.append((self.path, self.headers.get("Cookie", "")))

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()


def test_the_python_client_times_every_request_and_counts_errors(server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    status, samples, errors, elapsed = bench_http._python_client(base, "/a/", "", 0.3, 1)
    assert status == 200 and errors == 0
    assert len(samples) == len(server.seen) > 3
    assert all(ms > 0 for ms in samples) and elapsed >= 0.3
    status, samples, errors, _ = bench_http._python_client(base, "/missing/", "", 0.1, 2)
    assert status == 404 and errors == len(samples) > 0


def test_pages_are_interleaved_and_signed_in_ones_carry_the_session_cookie(server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = [
        Page("Static page (layout only)", "/layout/"),
        Page("Home", "/home/", signed_in=True),
    ]
    bare, layout, results, generator = bench_http.run(
        pages, base=base, member_cookie="sessionid=abc", rounds=2, seconds=0.1, use_wrk=False
    )
    assert generator == "Python client"
    assert layout.page is pages[0] and layout.share == pytest.approx(1.0)
    paths = [path for path, _ in server.seen]
    # Round one goes bare, layout, home; round two the other way round (home twice in a row).
    runs = [p for i, p in enumerate(paths) if i == 0 or paths[i - 1] != p]
    assert runs == [bench_http.BARE_URL, "/layout/", "/home/", "/layout/", bench_http.BARE_URL]
    assert {c for p, c in server.seen if p == "/home/"} == {"sessionid=abc"}
    assert {c for p, c in server.seen if p != "/home/"} == {""}
    assert all(r.requests == len(r.samples) > 0 for r in [bare, *results])


def _result(name, samples_ms, *, signed_in=False, seconds=1.0):
    result = bench_http.HttpResult(Page(name, "/x/", signed_in=signed_in), status=200)
    result.samples = list(samples_ms)
    result.requests = len(samples_ms)
    result.busy_seconds = seconds
    return result


def test_rates_shares_and_targets_worked_by_hand():
    layout = _result("Static page (layout only)", [3.0] * 300)  # 300 requests a second
    page = _result("Case studies", [9.0] * 99 + [300.0], seconds=1.0)  # 100 a second
    member_page = _result("Home", [15.0] * 60, signed_in=True)  # 60 a second
    search = _result("Search (hub), common word", [40.0] * 19 + [60.0], seconds=1.0)
    for r in (layout, page, member_page, search):
        r.share = r.rps / layout.rps
    assert page.rps == 100 and page.share == pytest.approx(1 / 3)
    assert page.p50 == 9.0
    # p99 of 100 samples by linear interpolation: rank 99 × 0.99 = 98.01, so 1% of the way from
    # the 99th value (9 ms) to the 100th (300 ms): 9 + 291 × 0.01 = 11.91 ms.
    assert page.p99 == pytest.approx(11.91)
    assert page.problems() == []
    slow = _result("Thread", [9.0] * 90 + [300.0] * 10)  # p99 = 300 ms
    slow.share = 1.0
    assert slow.problems() == ["p99 > 250 ms"]
    assert member_page.share == pytest.approx(0.2) and member_page.problems() == []
    below = _result("Home", [16.0] * 59, signed_in=True)
    below.share = below.rps / layout.rps
    assert below.problems() == ["rate 0.197 of layout < 0.200"]
    # Search: p95 of [40 × 19, 60] is 40 + (60 - 40) × 0.05 = 41 ms; 20 requests a second.
    assert search.p95 == pytest.approx(41.0)
    assert search.problems() == ["rate 0.067 of layout < 0.333", "search < 30 req/s"]


def test_wrk_rounds_combine_as_the_median_of_each_percentile():
    result = bench_http.HttpResult(Page("Forum index", "/forum/"), status=200)
    result.round_percentiles = [(10, 20, 30), (12, 25, 80), (11, 21, 31)]
    assert (result.p50, result.p95, result.p99) == (11, 21, 31)
