"""The primitives every server-made SVG chart shares: the palette, the font, the width, short
coordinates and the opening of an accessible image.

Each chart is an accessible image (role="img", <title> and <desc>) and the page shows the same
numbers in a table beside it. Marks use colours with at least 3:1 contrast against white, and
differ in shape as well as colour. Styling is by SVG presentation attributes (fill=, stroke=),
which the site's Content-Security-Policy allows, never by style attributes.
"""

from __future__ import annotations

from django.utils.html import escape

ACCENT = "#0b5e63"  # the hub's accent: 7.5:1 on white
TEXT = "#0b0c0c"  # GOV.UK text: 19.8:1
GREY = "#505a5f"  # GOV.UK dark grey: 7.0:1
BLUE = "#1d70b8"  # GOV.UK blue: 5.2:1
RED = "#d4351c"  # GOV.UK red: 4.5:1
GRID = "#b1b4b6"  # GOV.UK mid grey, for gridlines only (not a mark)
BOX_FILL = "#e3eeef"  # a tint of the accent behind the box's outline

FONT = 'font-family="arial, sans-serif"'
WIDTH = 640


def number(value: float) -> str:
    """A coordinate, short: 12.0 -> "12", 12.345 -> "12.3"."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg_open(chart_id: str, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hub-figure__image" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="16" '
        f'fill="{TEXT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def diverging_bars(
    *, chart_id: str, title: str, desc: str, rows: list[tuple[str, float]], unit: str
) -> str:
    """A horizontal bar per row from a zero line: positive values right in the accent colour,
    negative ones left of it in red, each labelled with its value
    (`unit` after it). The caller marks the result safe and shows the numbers in a table."""
    label_width, value_width, bar_height, gap, top = 220, 70, 22, 10, 10
    height = top * 2 + max(len(rows), 1) * (bar_height + gap)
    largest = max([abs(v) for _, v in rows] + [1.0])
    plot_left, plot_right = label_width, WIDTH - value_width
    zero = plot_left + (plot_right - plot_left) / 2 if any(v < 0 for _, v in rows) else plot_left
    scale = (plot_right - zero) / largest
    parts = svg_open(chart_id, height, title, desc)
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_height + gap)
        short = label if len(label) <= 28 else label[:27] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{number(y + bar_height * 0.7)}" '
            f'text-anchor="end" font-size="14">{escape(short)}</text>'
        )
        length = abs(value) * scale
        x = zero if value >= 0 else zero - length
        colour = ACCENT if value >= 0 else RED
        parts.append(
            f'<rect x="{number(x)}" y="{y}" width="{number(max(length, 1))}" '
            f'height="{bar_height}" fill="{colour}" stroke="{TEXT}" stroke-width="1"/>'
        )
        sign = "+" if value > 0 else ""
        text_x = zero + length + 6 if value >= 0 else zero + 6
        parts.append(
            f'<text x="{number(text_x)}" y="{number(y + bar_height * 0.7)}" '
            f'font-size="14">{sign}{number(value)}{escape(unit)}</text>'
        )
    parts.append(
        f'<line x1="{number(zero)}" y1="{top - 4}" x2="{number(zero)}" y2="{height - top + 4}" '
        f'stroke="{TEXT}" stroke-width="2"/>'
    )
    parts.append("</svg>")
    return "".join(parts)
