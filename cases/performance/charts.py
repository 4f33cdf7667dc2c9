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
from django.utils.safestring import SafeString

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
    responsive,
    text_lines,
    text_width,
    wrap,
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


def label_every(top: Decimal, step: Decimal, most: int) -> int:
    """Label every k-th tick, k the smallest divisor of the tick count leaving at most `most`
    intervals, so the top tick is always labelled."""
    intervals = int(top / step)
    return next(k for k in range(1, intervals + 1) if intervals % k == 0 and intervals // k <= most)


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

    def draw(width: int, svg_id: str) -> str:
        return _strip_svg(width, svg_id, title, desc, values, summary, highlight, highlight_label)

    return responsive(draw, chart_id)


def _strip_svg(width, chart_id, title, desc, values, summary, highlight, highlight_label) -> str:
    given = [v for v in values if v is not None]
    narrow = width < WIDTH
    left, right = 24, width - 24
    top, step = nice_top(max([*given, highlight or Decimal(0)], default=None))
    every = label_every(top, step, 3 if narrow else 6)  # labels never touch

    def x(value: Decimal) -> float:
        return left + float(value / top) * (right - left)

    # Legend, in words and shapes: one row wide, one item a row narrow.
    legend = []
    if narrow:
        rows_y = 23
        legend.append(f'<circle cx="16" cy="{rows_y - 5}" r="5.5" fill="{GREY}"/>'
                      f'<text x="32" y="{rows_y}">A peer</text>')  # fmt: skip
        box_lines = wrap("Middle half of peers, line at the median", width - 40)
        rows_y += 24
        legend.append(
            f'<rect x="6" y="{rows_y - 13}" width="20" height="16" fill="{BOX_FILL}" '
            f'stroke="{ACCENT}" stroke-width="2"/>' + text_lines(32, rows_y, box_lines)
        )
        rows_y += 20 * len(box_lines) + 4
        if highlight is not None:
            label_lines = wrap(highlight_label, width - 40)
            legend.append(_diamond(16, rows_y - 5, 8, RED) + text_lines(32, rows_y, label_lines))
            rows_y += 20 * len(label_lines) + 4
        legend_bottom = rows_y
    else:
        legend.append(
            f'<circle cx="30" cy="18" r="5.5" fill="{GREY}"/><text x="42" y="23">A peer</text>'
            f'<rect x="118" y="10" width="22" height="16" fill="{BOX_FILL}" stroke="{ACCENT}" '
            f'stroke-width="2"/><text x="148" y="23">Middle half of peers, line at the median'
            f"</text>"
        )
        if highlight is not None:
            short = highlight_label if len(highlight_label) <= 16 else highlight_label[:15] + "…"
            legend.append(f'{_diamond(502, 18, 8, RED)}<text x="516" y="23">{escape(short)}</text>')
        legend_bottom = 30
    mid = legend_bottom + 70
    axis_y = mid + 50
    height = axis_y + 40
    parts = _open(chart_id, height, title, desc, width)
    parts.append("<g>" + "".join(legend) + "</g>")
    tick, n = Decimal(0), 0
    while tick <= top:
        tx = x(tick)
        parts.append(
            f'<line x1="{_n(tx)}" y1="{mid - 52}" x2="{_n(tx)}" y2="{axis_y}" stroke="{GRID}" '
            f'stroke-width="1"/>'
        )
        if n % every == 0:
            parts.append(
                f'<text x="{_n(tx)}" y="{axis_y + 22}" text-anchor="middle">'
                f"{_percent_label(tick)}</text>"
            )
        tick, n = tick + step, n + 1
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
        value_text = _percent_label(highlight.quantize(Decimal("0.001")))
        label = value_text if narrow else f"{highlight_label}: {value_text}"
        room = text_width(label) * 1.1 / 2  # bold, half each side of a centred label
        anchor = "start" if hx - room < 4 else "end" if hx + room > width - 4 else "middle"
        parts.append(_diamond(hx, mid, 10, RED))
        parts.append(
            f'<text x="{_n(hx)}" y="{mid - 32}" text-anchor="{anchor}" font-weight="bold">'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


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
    return responsive(
        lambda width, svg_id: _line_svg(width, svg_id, title, desc, categories, series), chart_id
    )


def _line_svg(width, chart_id, title, desc, categories, series) -> str:
    narrow = width < WIDTH
    legend = [wrap(line.name, width - (60 if narrow else 116)) for line in series]
    top_margin = 16 + sum(24 + 20 * (len(lines) - 1) for lines in legend)
    left, right = 64, width - 24
    height = top_margin + 240
    plot_top, plot_bottom = top_margin + 10, top_margin + 180
    largest = max((v for s in series for v in s.values if v is not None), default=None)
    top, step = nice_top(largest)
    every_tick = label_every(top, step, 3 if narrow else 6)

    def y(value: Decimal) -> float:
        return plot_bottom - float(value / top) * (plot_bottom - plot_top)

    count = len(categories)

    def x(i: int) -> float:
        if count == 1:
            return (left + right) / 2
        return left + 20 + i * (right - left - 40) / (count - 1)

    parts = _open(chart_id, height, title, desc, width)
    ly = 20
    key_left = 8 if narrow else left
    for line, lines in zip(series, legend, strict=True):
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        parts.append(
            f'<line x1="{key_left}" y1="{ly}" x2="{key_left + 40}" y2="{ly}" '
            f'stroke="{line.colour}" stroke-width="3"{dash}/>'
            f"{_marker(line.marker, key_left + 20, ly, line.colour)}"
            + text_lines(key_left + 52, ly + 5, lines)
        )
        ly += 24 + 20 * (len(lines) - 1)
    tick, n = Decimal(0), 0
    while tick <= top:
        ty = y(tick)
        parts.append(
            f'<line x1="{left}" y1="{_n(ty)}" x2="{right}" y2="{_n(ty)}" stroke="{GRID}" '
            f'stroke-width="1"/>'
        )
        if n % every_tick == 0:
            parts.append(
                f'<text x="{left - 8}" y="{_n(ty + 5)}" text-anchor="end">'
                f"{_percent_label(tick)}</text>"
            )
        tick, n = tick + step, n + 1
    parts.append(
        f'<line x1="{left}" y1="{plot_bottom}" x2="{right}" y2="{plot_bottom}" stroke="{TEXT}" '
        f'stroke-width="1.5"/>'
    )
    # At most six labels wide; narrow, the first and last only, flush with the plot's edges.
    every = max(1, -(-count // 6))
    for i, label in enumerate(categories):
        if narrow:
            if i not in (0, count - 1) or (i and count == 1):
                continue
            anchor, lx = ("start", x(i) - 12) if i == 0 and count > 1 else ("end", x(i) + 12)
            if count == 1:
                anchor, lx = "middle", x(i)
        elif i % every:
            continue
        else:
            anchor, lx = "middle", x(i)
        parts.append(
            text_lines(
                lx,
                plot_bottom + 22,
                label.split("\n"),
                line_height=18,
                attrs=f'text-anchor="{anchor}"',
            )  # fmt: skip
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
    return "".join(parts)
