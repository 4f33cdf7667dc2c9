"""Where a page's time goes: py-spy samples the bench's gunicorn worker while the Python client
drives one page, and the samples are summarised as shares of the worker's time.

`make bench BENCH_ARGS=--profile` profiles every page that misses a target over HTTP (or every
page chosen with --pages when `--profile-all`), after the HTTP table. Each page gets
`bench-results/profiles/<page>.txt` (the summary) and `.collapsed` (py-spy's raw stacks, for a
flame graph: `flamegraph.pl page.collapsed > page.svg`). Sampling includes idle frames
(`--idle`), so time spent waiting on PostgreSQL shows as the psycopg call it waits in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PROJECT = ("hub/", "cases/", "forum/", "toolkits/")
# Buckets a reader can act on, by a frame's file (and function): the first that matches wins.
BUCKETS = [
    ("waiting on the database (psycopg)", re.compile(r"psycopg/")),
    ("Django templates", re.compile(r"django/template/")),
    ("ORM: building SQL", re.compile(r"django/db/models/sql/compiler\.py")),
    ("ORM: making model instances", re.compile(r"django/db/models/(query|base)\.py")),
    ("Wagtail", re.compile(r"wagtail/")),
    ("cache (Redis)", re.compile(r"(redis/|django/core/cache/)")),
    ("Django elsewhere (middleware, URLs, sessions, forms)", re.compile(r"django/")),
    ("gunicorn (parsing, writing, waiting for the next request)", re.compile(r"gunicorn/")),
]
# Helpers every layer calls (escaping, lazy objects, signals): a sample in one of them belongs to
# the bucket of the frame that called it, so rendering that ends in `escape()` counts as templates.
TRANSPARENT = re.compile(r"django/utils/|django/dispatch/|<frozen |^$")
_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]+)(?::(?P<line>\d+))?\)$")


@dataclass(frozen=True)
class Line:
    what: str
    inclusive: float  # share of samples with this frame anywhere on the stack
    own: float  # share of samples with this frame on top


def worker_pid(log: Path) -> int | None:
    """The pid of the last worker gunicorn booted, from its log."""
    found = re.findall(r"Booting worker with pid: (\d+)", log.read_text())
    return int(found[-1]) if found else None


def parse(collapsed: str) -> list[tuple[list[str], int]]:
    """py-spy's raw (collapsed) output: one `frame;frame;frame count` line per distinct stack."""
    stacks = []
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            stacks.append((stack.split(";"), int(count)))
    return stacks


def _where(frame: str) -> tuple[str, str]:
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip(), ""
    return match["func"], match["file"]


def _in_project(file: str) -> bool:
    return any(part in file for part in PROJECT) and "site-packages" not in file


def summarise(stacks: list[tuple[list[str], int]], *, top: int = 20) -> dict[str, list[Line]]:
    """Shares of all samples: by bucket (each sample counted once, in the first bucket any of its
    frames falls in, searching from the top of the stack past TRANSPARENT helpers), and the
    project's own functions (inclusive: the sample has the function anywhere on its stack; own:
    on top among the project's frames)."""
    total = sum(count for _, count in stacks)
    if not total:
        return {"buckets": [], "functions": []}
    buckets: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for frames, count in stacks:
        places = [_where(frame) for frame in frames]
        bucket = "Python elsewhere"
        for _func, file in reversed(places):
            if TRANSPARENT.search(file):
                continue
            named = next((name for name, pattern in BUCKETS if pattern.search(file)), None)
            if named:
                bucket = named
                break
            if _in_project(file):
                bucket = "the project's own code"
                break
        buckets[bucket] += count
        mine = [f"{func} ({file})" for func, file in places if _in_project(file)]
        for name in set(mine):
            inclusive[name] += count
        if mine:
            own[mine[-1]] += count
    by_bucket = [Line(name, n / total, n / total) for name, n in buckets.most_common()]
    functions = [Line(name, n / total, own[name] / total) for name, n in inclusive.most_common(top)]
    return {"buckets": by_bucket, "functions": functions}


def text(title: str, summary: dict[str, list[Line]], samples: int) -> str:
    lines = [f"# Profile: {title}", "", f"{samples} samples of the gunicorn worker.", ""]
    lines.append("## Where the time goes (each sample once)")
    lines += [f"- {line.inclusive:6.1%}  {line.what}" for line in summary["buckets"]]
    lines += ["", "## The project's functions (inclusive, own)"]
    lines += [
        f"- {line.inclusive:6.1%} {line.own:6.1%}  {line.what}" for line in summary["functions"]
    ]
    return "\n".join(lines) + "\n"


def py_spy() -> str | None:
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def record(pid: int, seconds: float, out: Path) -> subprocess.Popen:
    """Start py-spy sampling `pid` for `seconds` into `out` (collapsed stacks); wait() on it."""
    exe = py_spy()
    if exe is None:
        raise RuntimeError("py-spy is not installed (it is in the dev tools: make install)")
    return subprocess.Popen(  # noqa: S603 - py-spy on our own worker, fixed arguments
        [exe, "record", "--idle", "--format", "raw", "--rate", "200",
         "--duration", str(max(1, round(seconds))), "--pid", str(pid), "--output", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
