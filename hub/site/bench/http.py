"""Pages over HTTP: the hub under gunicorn (one sync worker) on loopback, driven by a bounded
load generator, interleaved so that noise on the machine hits every page alike.

The in-process table (measure.py) shows what Django spends; this one shows what a visitor gets
from one worker: the socket, gunicorn's parsing, WSGI, the response going out. Each round visits
every page for `seconds` with `concurrency` client connections (one by default: latency is the
page's own, and requests a second per worker is what one busy worker serves, since the client
never leaves it idle for more than a loopback round trip); `rounds` rounds are pooled.

The load generator is wrk when it is installed (`apt-get install wrk`), one wrk run per page per
round whose percentiles are combined as the median over rounds; otherwise a small Python client
here, whose every request's time is kept, so its percentiles are exact. The table says which.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hub.site.bench.measure import BARE_URL, Page, percentile

ROOT = Path(__file__).resolve().parents[3]

# Targets at the default scale (README "Running at scale"): requests a second per worker at
# least this share of the layout-only page's; search p95 and rate; nobody's p99 above a ceiling.
SHARE_SIGNED_OUT = 1 / 3
SHARE_SIGNED_IN = 1 / 5
SEARCH_P95_MS = 50
SEARCH_MIN_RPS = 30
P99_CEILING_MS = 250


@dataclass
class HttpResult:
    page: Page
    status: int = 0
    requests: int = 0
    busy_seconds: float = 0.0
    samples: list[float] = field(default_factory=list)  # milliseconds (Python client)
    round_percentiles: list[tuple[float, float, float]] = field(default_factory=list)  # wrk
    errors: int = 0
    share: float = 0.0  # requests a second ÷ the layout-only page's

    @property
    def rps(self) -> float:
        return self.requests / self.busy_seconds if self.busy_seconds else 0.0

    def _pct(self, p: float, index: int) -> float:
        if self.samples:
            return percentile(self.samples, p)
        if self.round_percentiles:
            return statistics.median(r[index] for r in self.round_percentiles)
        return 0.0

    @property
    def p50(self) -> float:
        return self._pct(50, 0)

    @property
    def p95(self) -> float:
        return self._pct(95, 1)

    @property
    def p99(self) -> float:
        return self._pct(99, 2)

    @property
    def is_search(self) -> bool:
        return "search" in self.page.name.lower()

    def problems(self) -> list[str]:
        """What misses the targets (empty when it meets them all)."""
        found = []
        if self.status != 200 or self.errors:
            found.append(f"status {self.status}, {self.errors} errors")
        needed = SHARE_SIGNED_IN if self.page.signed_in else SHARE_SIGNED_OUT
        if self.share < needed:
            found.append(f"rate {self.share:.3f} of layout < {needed:.3f}")
        if self.p99 > P99_CEILING_MS:
            found.append(f"p99 > {P99_CEILING_MS} ms")
        if self.is_search and self.p95 >= SEARCH_P95_MS:
            found.append(f"search p95 ≥ {SEARCH_P95_MS} ms")
        if self.is_search and self.rps < SEARCH_MIN_RPS:
            found.append(f"search < {SEARCH_MIN_RPS} req/s")
        return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(*, log: Path) -> Iterator[str]:
    """gunicorn with the project's gunicorn.conf.py, one sync worker, the bench's URLconf (with
    the bare view) and rate limits off, on a free loopback port. Yields the base URL."""
    port = free_port()
    env = {
        **os.environ,
        "GUNICORN_WORKERS": "1",
        "GUNICORN_WORKER_CLASS": "sync",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_MAX_REQUESTS": "0",  # no recycling in the middle of a measurement
        "GUNICORN_TIMEOUT": "120",
    }
    argv = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "hub.site.bench.wsgi"]
    with open(log, "w") as out:
        proc = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
            argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
            try:
                if _get("127.0.0.1", port, BARE_URL, "")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _get(host: str, port: int, url: str, cookie: str) -> tuple[int, float]:
    """One GET on a fresh connection (gunicorn's sync workers close each one); (status, ms)."""
    headers = {"Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request("GET", url, headers=headers)
        response = conn.getresponse()
        response.read()
        status = response.status
    finally:
        conn.close()
    return status, (time.perf_counter() - started) * 1000


def _python_client(
    base: str, url: str, cookie: str, seconds: float, concurrency: int
) -> tuple[int, list[float], int, float]:
    host, port = base.removeprefix("http://").split(":")
    samples: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker():
        while time.perf_counter() < stop_at:
            status, ms = _get(host, int(port), url, cookie)
            with lock:
                samples.append(ms)
                statuses.append(status)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    errors = sum(1 for s in statuses if s != 200)
    status = next((s for s in statuses if s != 200), 200) if statuses else 0
    return status, samples, errors, elapsed


def drive(base: str, url: str, cookie: str, seconds: float) -> list[float]:
    """One client asking for `url` for `seconds` (for a profile); the times in milliseconds."""
    return _python_client(base, url, cookie, seconds, 1)[1]


_WRK_SCRIPT = """
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format('{"requests": %d, "seconds": %f, "errors": %d, '
    .. '"p50": %f, "p95": %f, "p99": %f}\\n', summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def _wrk(
    wrk: str, base: str, url: str, cookie: str, seconds: float, concurrency: int, script: Path
) -> dict:
    result = subprocess.run(  # noqa: S603 - wrk on loopback, fixed arguments
        [wrk, "-t1", f"-c{concurrency}", f"-d{max(1, round(seconds))}s", "-s", str(script),
         base + url],
        capture_output=True, text=True, timeout=seconds + 120,
        env={**os.environ, "BENCH_COOKIE": cookie},
    )  # fmt: skip
    line = [x for x in result.stdout.splitlines() if x.startswith("{")]
    if result.returncode != 0 or not line:
        raise RuntimeError(f"wrk failed: {result.stdout}\n{result.stderr}")
    return json.loads(line[-1])


def run(
    pages: list[Page],
    *,
    base: str,
    member_cookie: str,
    rounds: int = 5,
    seconds: float = 2.0,
    concurrency: int = 1,
    use_wrk: bool | None = None,
    stdout=None,
) -> tuple[HttpResult, HttpResult, list[HttpResult], str]:
    """(bare view, layout-only page, every page, the load generator's name). The layout-only
    page is the first page whose name says "(layout only)"."""
    wrk = shutil.which("wrk") if use_wrk is not False else None
    if use_wrk and not wrk:
        raise RuntimeError("wrk is not installed")
    generator = "wrk" if wrk else "Python client"
    layout_page = next(p for p in pages if "(layout only)" in p.name)
    bare = HttpResult(Page("Bare view (fixed string)", BARE_URL))
    results = [HttpResult(p) for p in pages]
    everything = [bare, *results]
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "bench.lua"
        script.write_text(_WRK_SCRIPT)
        for round_number in range(rounds):
            if stdout:
                stdout.write(f"  HTTP round {round_number + 1} of {rounds}…")
            order = everything if round_number % 2 == 0 else everything[::-1]
            for result in order:
                cookie = member_cookie if result.page.signed_in else ""
                if wrk:
                    got = _wrk(wrk, base, result.page.url, cookie, seconds, concurrency, script)
                    result.requests += got["requests"]
                    result.busy_seconds += got["seconds"]
                    result.errors += got["errors"]
                    result.status = 200 if not got["errors"] else 0
                    result.round_percentiles.append((got["p50"], got["p95"], got["p99"]))
                else:
                    status, samples, errors, elapsed = _python_client(
                        base, result.page.url, cookie, seconds, concurrency
                    )
                    result.samples += samples
                    result.requests += len(samples)
                    result.busy_seconds += elapsed
                    result.errors += errors
                    result.status = status if not result.status or status != 200 else result.status
    layout = next(r for r in results if r.page is layout_page)
    for result in everything:
        result.share = result.rps / layout.rps if layout.rps else 0.0
    return bare, layout, results, generator


HEADER = [
    "Page", "User", "URL", "Status", "Requests", "Req/s per worker", "p50 (ms)", "p95 (ms)",
    "p99 (ms)", "Rate ÷ layout page", "Meets target",
]  # fmt: skip


def _row(result: HttpResult, *, yardstick: bool = False) -> list[str]:
    problems = result.problems()
    return [
        result.page.name,
        "member" if result.page.signed_in else "anonymous",
        f"`{result.page.url}`",
        str(result.status),
        str(result.requests),
        f"{result.rps:.1f}",
        f"{result.p50:.1f}",
        f"{result.p95:.1f}",
        f"{result.p99:.1f}",
        f"{result.share:.2f}",
        "—" if yardstick else ("yes" if not problems else "**no**: " + "; ".join(problems)),
    ]


def markdown(bare, layout, results, *, generator: str, meta: list[str]) -> str:
    lines = [*meta, ""]
    lines.append("| " + " | ".join(HEADER) + " |")
    lines.append("|" + "|".join(["---"] * len(HEADER)) + "|")
    lines.append("| " + " | ".join(_row(bare, yardstick=True)) + " |")
    for result in results:
        lines.append("| " + " | ".join(_row(result, yardstick=result is layout)) + " |")
    missing = [r for r in results if r is not layout and r.problems()]
    lines += [
        "",
        f"Load generator: {generator}. Targets: requests a second per worker at least "
        f"{SHARE_SIGNED_OUT:.2f} of the layout-only page's signed out and {SHARE_SIGNED_IN:.2f} "
        f"signed in; search p95 under {SEARCH_P95_MS} ms and at least {SEARCH_MIN_RPS} requests "
        f"a second; no p99 above {P99_CEILING_MS} ms. Pages missing a target: {len(missing)} of "
        f"{len(results) - 1}.",
    ]
    return "\n".join(lines) + "\n"


def as_csv_rows(bare, layout, results) -> list[list[str]]:
    return (
        [HEADER] + [_row(bare, yardstick=True)] + [_row(r, yardstick=r is layout) for r in results]
    )
