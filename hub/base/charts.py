"""The primitives every server-made SVG chart shares: the palette, the font, the widths, short
coordinates, wrapped text, the opening of an accessible image, and the responsive pair.

Each chart is an accessible image (role="img", <title> and <desc>) and the page shows the same
numbers in a table beside it. Marks use colours with at least 3:1 contrast against white, and
differ in shape as well as colour; text uses colours with at least 4.5:1
(tests/hub/test_charts.py computes both). Styling is by SVG presentation attributes (fill=,
stroke=), which the site's Content-Security-Policy allows, never by style attributes.

An SVG scales its text with its viewBox, so a chart drawn 640 wide and shown in a 288 px
column would have 7 px text. `responsive` therefore draws every chart twice: at WIDTH for
columns at least WIDE_FROM px wide and at NARROW for anything narrower (fewer ticks, wrapped
legends); CSS container queries show one of the two, without JavaScript. All chart text is
FONT_SIZE in the drawing's units, so on screen it is never under
FONT_SIZE * WIDE_FROM / WIDTH = 14.4 px (wide) or FONT_SIZE * 252 / NARROW = 14.4 px (narrow, in
any column down to 252 px: a 320 px screen's column is 290 px).
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ACCENT = "#0b5e63"  # the hub's accent: 7.5:1 on white
TEXT = "#0b0c0c"  # GOV.UK text: 19.8:1
GREY = "#505a5f"  # GOV.UK dark grey: 7.0:1
BLUE = "#1d70b8"  # GOV.UK blue: 5.2:1
RED = "#d4351c"  # GOV.UK red: 4.5:1
GRID = "#b1b4b6"  # GOV.UK mid grey, for gridlines only (not a mark)
BOX_FILL = "#e3eeef"  # a tint of the accent behind the box's outline
BACKGROUND = "#ffffff"

TEXT_COLOURS = (TEXT,)
"""Colours chart text is drawn in (at least 4.5:1 on the background and the box fill)."""
MARK_COLOURS = (ACCENT, TEXT, GREY, BLUE, RED)
"""Colours of marks that carry data (at least 3:1 on the background)."""

FONT_SIZE = 16
FONT = 'font-family="arial, sans-serif"'
WIDTH = 640
NARROW = 280
WIDE_FROM = 576
"""The narrowest column, in CSS px, that shows the WIDTH drawing (the CSS says 36em)."""


def number(value: float) -> str:
    """A coordinate, short: 12.0 -> "12", 12.345 -> "12.3"."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """A generous estimate of Arial text's width (0.58 em a character), for layout."""
    return len(text) * size * 0.58


def wrap(text: str, width: float, size: int = FONT_SIZE) -> list[str]:
    """Words in lines no wider than `width` (estimated); a word longer than a line stands alone."""
    per_line = max(int(width / (size * 0.58)), 1)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def text_lines(
    x: float, y: float, lines: list[str], *, line_height: int = 20, attrs: str = ""
) -> str:
    """A <text> of one or more lines (tspans), each escaped; `y` is the first baseline."""
    spans = "".join(
        f'<tspan x="{number(x)}" dy="{0 if n == 0 else line_height}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    return f'<text x="{number(x)}" y="{number(y)}"{" " + attrs if attrs else ""}>{spans}</text>'


def svg_open(chart_id: str, height: int, title: str, desc: str, width: int = WIDTH) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hub-figure__image hub-chart__image" '
        f'role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="{FONT_SIZE}" '
        f'fill="{TEXT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def responsive(draw: Callable[[int, str], str], chart_id: str) -> SafeString:
    """The chart drawn at WIDTH (id `chart_id`) and at NARROW (id `chart_id`-narrow), of which
    the stylesheet shows the one that fits the column. `draw(width, id)` returns escaped SVG."""
    wide = draw(WIDTH, chart_id)
    narrow = draw(NARROW, f"{chart_id}-narrow")
    return mark_safe(  # noqa: S308 - each drawing escapes its own text
        f'<div class="hub-chart"><div class="hub-chart__wide">{wide}</div>'
        f'<div class="hub-chart__narrow">{narrow}</div></div>'
    )


def diverging_bars(
    *, chart_id: str, title: str, desc: str, rows: list[tuple[str, float]], unit: str
) -> SafeString:
    """A horizontal bar per row from a zero line: positive values right in the accent colour,
    negative ones left of it in red, each labelled with its value (`unit` after it). Wide, the
    label is left of its bar; narrow, above it. The page shows the numbers in a table."""

    def draw(width: int, svg_id: str) -> str:
        narrow = width < WIDTH
        value_width, bar_height, gap, top = 80, 22, 10, 10
        label_width = 0 if narrow else 220
        label_room = 24 if narrow else 0
        step = bar_height + gap + label_room
        height = top * 2 + max(len(rows), 1) * step
        largest = max([abs(v) for _, v in rows] + [1.0])
        plot_left, plot_right = label_width + (8 if narrow else 0), width - value_width
        has_negative = any(v < 0 for _, v in rows)
        zero = plot_left + (plot_right - plot_left) / 2 if has_negative else plot_left
        scale = (plot_right - zero) / largest
        parts = svg_open(svg_id, height, title, desc, width)
        for i, (label, value) in enumerate(rows):
            y = top + i * step + label_room
            limit = int((width - 8) / (FONT_SIZE * 0.58)) if narrow else 24
            short = label if len(label) <= limit else label[: limit - 1] + "…"
            if narrow:
                parts.append(f'<text x="8" y="{y - 6}">{escape(short)}</text>')
            else:
                parts.append(
                    f'<text x="{label_width - 8}" y="{number(y + bar_height * 0.75)}" '
                    f'text-anchor="end">{escape(short)}</text>'
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
                f'<text x="{number(text_x)}" y="{number(y + bar_height * 0.75)}">'
                f"{sign}{number(value)}{escape(unit)}</text>"
            )
        parts.append(
            f'<line x1="{number(zero)}" y1="{top - 4}" x2="{number(zero)}" '
            f'y2="{height - top + 4}" stroke="{TEXT}" stroke-width="2"/>'
        )
        parts.append("</svg>")
        return "".join(parts)

    return responsive(draw, chart_id)
