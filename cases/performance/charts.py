"""Charts as SVG made on the server: no JavaScript, no library, nothing to download.

Each chart is an accessible image (role="img", <title> and <desc>) and the page shows the same
numbers in a table beside it. Marks use colours with at least 3:1 contrast against white, and
differ in shape as well as colour. Styling is by SVG presentation attributes (fill=, stroke=),
which the site's Content-Security-Policy allows, never by style attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cases.performance.benchmarks import Summary
from hub.base.charts import (  # noqa: F401 - the palette, shared with every chart
    ACCENT,
    BLUE,
    BOX_FILL,
    FONT,
    GREY,
    GRID,
    RED,
    TEXT,
    WIDTH,
)
from hub.base.charts import number as _n
from hub.base.charts import svg_open as _open


def _percent_label(fraction: Decimal) -> str:
    return f"{(fraction * 100).normalize():f}%"


def nice_top(largest: Decimal | None) -> tuple[Decimal, Decimal]:
    """An axis top at or above `largest` (a fraction) and a tick step, both round percentages."""
    largest = max(largest or Decimal(0), Decimal("0.01"))
    for step in (Decimal("0.01"), Decimal("0.02"), Decimal("0.05"), Decimal("0.1"),
                 Decimal("0.2"), Decimal("0.25"), Decimal("0.5"), Decimal(1)):  # fmt: skip
        top = (largest / step).to_integral_value(rounding=ROUND_CEILING) * step
        if top / step <= 6:
            return top, step
    step = Decimal(1)
    return (largest / step).to_integral_value(rounding=ROUND_CEILING) * step, step


def _diamond(x: float, y: float, size: float, fill: str) -> str:
    return (
        f'<path d="M{_n(x)} {_n(y - size)} L{_n(x + size)} {_n(y)} L{_n(x)} {_n(y + size)} '
        f'L{_n(x - size)} {_n(y)} Z" fill="{fill}" stroke="{TEXT}" stroke-width="1.5"/>'
    )


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return (
            f'<rect x="{_n(x - 5)}" y="{_n(y - 5)}" width="10" height="10" fill="{colour}" '
            f'stroke="#ffffff" stroke-width="1"/>'
        )
    if shape == "triangle":
        return (
            f'<path d="M{_n(x)} {_n(y - 6)} L{_n(x + 6)} {_n(y + 5)} L{_n(x - 6)} {_n(y + 5)} Z" '
            f'fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
        )
    return (
        f'<circle cx="{_n(x)}" cy="{_n(y)}" r="5.5" fill="{colour}" stroke="#ffffff" '
        f'stroke-width="1"/>'
    )


def strip_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    values: Sequence[Decimal | None],
    summary: Summary,
    highlight: Decimal | None = None,
    highlight_label: str = "This record",
) -> SafeString:
    """A box plot of peers' rates (box from lower to upper quartile, a line at the median,
    whiskers to the lowest and highest) with every peer as a dot and one value highlighted
    as a larger diamond, labelled."""
    given = [v for v in values if v is not None]
    height = 190
    left, right = 24, WIDTH - 24
    mid = 100
    top, step = nice_top(max([*given, highlight or Decimal(0)], default=None))

    def x(value: Decimal) -> float:
        return left + float(value / top) * (right - left)

    parts = _open(chart_id, height, title, desc)
    # Legend, in words and shapes.
    parts.append(
        f'<g font-size="14"><circle cx="30" cy="18" r="5.5" fill="{GREY}"/>'
        f'<text x="42" y="23">A peer</text>'
        f'<rect x="118" y="10" width="22" height="16" fill="{BOX_FILL}" stroke="{ACCENT}" '
        f'stroke-width="2"/><text x="148" y="23">Middle half of peers, line at the median</text>'
    )
    if highlight is not None:
        parts.append(
            f'{_diamond(470, 18, 8, RED)}<text x="484" y="23">{escape(highlight_label)}</text>'
        )
    parts.append("</g>")
    axis_y = 150
    tick = Decimal(0)
    while tick <= top:
        tx = x(tick)
        parts.append(
            f'<line x1="{_n(tx)}" y1="48" x2="{_n(tx)}" y2="{axis_y}" stroke="{GRID}" '
            f'stroke-width="1"/>'
            f'<text x="{_n(tx)}" y="{axis_y + 22}" text-anchor="middle" font-size="14">'
            f"{_percent_label(tick)}</text>"
        )
        tick += step
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="{TEXT}" '
        f'stroke-width="1.5"/>'
    )
    if summary.count:
        lo, hi = x(summary.minimum), x(summary.maximum)
        q1, q3, median = x(summary.q1), x(summary.q3), x(summary.median)
        parts.append(
            f'<line x1="{_n(lo)}" y1="{mid}" x2="{_n(hi)}" y2="{mid}" stroke="{ACCENT}" '
            f'stroke-width="2"/>'
            f'<line x1="{_n(lo)}" y1="{mid - 12}" x2="{_n(lo)}" y2="{mid + 12}" '
            f'stroke="{ACCENT}" stroke-width="2"/>'
            f'<line x1="{_n(hi)}" y1="{mid - 12}" x2="{_n(hi)}" y2="{mid + 12}" '
            f'stroke="{ACCENT}" stroke-width="2"/>'
            f'<rect x="{_n(q1)}" y="{mid - 24}" width="{_n(max(q3 - q1, 1))}" height="48" '
            f'fill="{BOX_FILL}" stroke="{ACCENT}" stroke-width="2"/>'
            f'<line x1="{_n(median)}" y1="{mid - 24}" x2="{_n(median)}" y2="{mid + 24}" '
            f'stroke="{TEXT}" stroke-width="3"/>'
        )
    # Peers as dots; equal or near-equal values stack upwards and downwards.
    taken: dict[int, int] = {}
    for value in sorted(given):
        px = x(value)
        slot = round(px / 8)
        n = taken.get(slot, 0) % 9
        taken[slot] = n + 1
        offset = ((n + 1) // 2) * 9 * (1 if n % 2 else -1)
        parts.append(_marker("circle", px, mid + offset, GREY))
    if highlight is not None:
        hx = x(highlight)
        anchor = "start" if hx < 110 else "end" if hx > WIDTH - 110 else "middle"
        parts.append(_diamond(hx, mid, 10, RED))
        parts.append(
            f'<text x="{_n(hx)}" y="{mid - 32}" text-anchor="{anchor}" font-weight="bold">'
            f"{escape(highlight_label)}: {_percent_label(highlight.quantize(Decimal('0.001')))}"
            f"</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped


@dataclass(frozen=True)
class Series:
    """One line: its name for the legend, a value (or None, a gap) per category, and how it
    looks."""

    name: str
    values: Sequence[Decimal | None]
    colour: str = ACCENT
    marker: str = "circle"
    dash: str = ""
    """An SVG stroke-dasharray ("8 5"), so lines differ by more than colour."""


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[Series],
) -> SafeString:
    """A line chart of rates over periods; a missing value breaks its line."""
    legend_rows = len(series)
    top_margin = 16 + legend_rows * 24
    height = top_margin + 240
    left, right = 64, WIDTH - 24
    plot_top, plot_bottom = top_margin + 10, top_margin + 180
    largest = max((v for s in series for v in s.values if v is not None), default=None)
    top, step = nice_top(largest)

    def y(value: Decimal) -> float:
        return plot_bottom - float(value / top) * (plot_bottom - plot_top)

    count = len(categories)

    def x(i: int) -> float:
        if count == 1:
            return (left + right) / 2
        return left + 20 + i * (right - left - 40) / (count - 1)

    parts = _open(chart_id, height, title, desc)
    for row, line in enumerate(series):
        ly = 20 + row * 24
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        parts.append(
            f'<line x1="{left}" y1="{ly}" x2="{left + 40}" y2="{ly}" stroke="{line.colour}" '
            f'stroke-width="3"{dash}/>{_marker(line.marker, left + 20, ly, line.colour)}'
            f'<text x="{left + 52}" y="{ly + 5}" font-size="14">{escape(line.name)}</text>'
        )
    tick = Decimal(0)
    while tick <= top:
        ty = y(tick)
        parts.append(
            f'<line x1="{left}" y1="{_n(ty)}" x2="{right}" y2="{_n(ty)}" stroke="{GRID}" '
            f'stroke-width="1"/><text x="{left - 8}" y="{_n(ty + 5)}" text-anchor="end" '
            f'font-size="14">{_percent_label(tick)}</text>'
        )
        tick += step
    parts.append(
        f'<line x1="{left}" y1="{plot_bottom}" x2="{right}" y2="{plot_bottom}" stroke="{TEXT}" '
        f'stroke-width="1.5"/>'
    )
    every = max(1, -(-count // 6))  # at most six labels, so they never overlap
    for i, label in enumerate(categories):
        if i % every:
            continue
        lines = "".join(
            f'<tspan x="{_n(x(i))}" dy="{0 if n == 0 else 18}">{escape(text)}</tspan>'
            for n, text in enumerate(label.split("\n"))
        )
        parts.append(
            f'<text x="{_n(x(i))}" y="{plot_bottom + 22}" text-anchor="middle" '
            f'font-size="14">{lines}</text>'
        )
    for line in series:
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        path, pen_down = [], False
        for i, value in enumerate(line.values):
            if value is None:
                pen_down = False
                continue
            path.append(f"{'L' if pen_down else 'M'}{_n(x(i))} {_n(y(value))}")
            pen_down = True
        if path:
            parts.append(
                f'<path d="{" ".join(path)}" fill="none" stroke="{line.colour}" '
                f'stroke-width="3"{dash}/>'
            )
        for i, value in enumerate(line.values):
            if value is not None:
                parts.append(_marker(line.marker, x(i), y(value), line.colour))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped
