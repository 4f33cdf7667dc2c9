"""The bench's results as a Markdown table (and the same rows as CSV)."""

from __future__ import annotations

import csv
import io

RATIO_TARGET = 15  # every page's p95 at most this many times the bare view's
SEARCH_TARGET_MS = 50


def meets(result) -> bool:
    if result.status != 200:
        return False
    if result.page.name.lower().startswith("search") or "search" in result.page.name.lower():
        return result.ratio <= RATIO_TARGET and result.p95_ms < SEARCH_TARGET_MS
    return result.ratio <= RATIO_TARGET


def _row(result, *, bare=False) -> list[str]:
    who = "member" if result.page.signed_in else "anonymous"
    return [
        result.page.name,
        who,
        result.page.url,
        str(result.status),
        f"{result.first_ms:.1f}",
        f"{result.p50_ms:.1f}",
        f"{result.p95_ms:.1f}",
        str(result.queries),
        f"{result.ratio:.1f}",
        "—" if bare else ("yes" if meets(result) else "**no**"),
    ]


HEADER = [
    "Page", "User", "URL", "Status", "First (ms)", "p50 (ms)", "p95 (ms)", "Queries",
    "p95 / bare", "Meets target",
]  # fmt: skip


def markdown(baseline, results, *, meta: list[str]) -> str:
    lines = [*meta, ""]
    lines.append("| " + " | ".join(HEADER) + " |")
    lines.append("|" + "|".join(["---"] * len(HEADER)) + "|")
    rows = [_row(baseline, bare=True)] + [_row(r) for r in results]
    for row in rows:
        row[2] = f"`{row[2]}`"
        lines.append("| " + " | ".join(row) + " |")
    failing = [r for r in results if not meets(r)]
    lines.append("")
    lines.append(
        f"Target: p95 at most {RATIO_TARGET}× the bare view's p95, and search under "
        f"{SEARCH_TARGET_MS} ms. Pages missing it: {len(failing)} of {len(results)}."
    )
    return "\n".join(lines) + "\n"


def as_csv(baseline, results) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in [_row(baseline, bare=True)] + [_row(r) for r in results]:
        writer.writerow(row)
    return out.getvalue()
