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
