"""The chart primitives: a contrast check of the palette, and every chart drawn twice with
text no smaller than the size the CSS breakpoint is worked out for."""

import re
from decimal import Decimal

import pytest

from cases.performance import charts as performance_charts
from cases.performance.benchmarks import summarise
from hub.base import charts


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_matches_worked_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", charts.TEXT_COLOURS)
@pytest.mark.parametrize("background", [charts.BACKGROUND, charts.BOX_FILL])
def test_chart_text_colours_have_4_5_to_1_contrast(colour, background):
    assert contrast(colour, background) >= 4.5


@pytest.mark.parametrize("colour", charts.MARK_COLOURS)
def test_chart_mark_colours_have_3_to_1_contrast(colour):
    assert contrast(colour, charts.BACKGROUND) >= 3


def test_the_red_highlight_label_is_drawn_in_text_colour_not_red():
    svg = _strip()
    labels = re.findall(r'<text[^>]*font-weight="bold"[^>]*>', svg)
    assert labels and all("fill=" not in label for label in labels)  # inherits TEXT


def test_text_at_the_smallest_size_stays_over_14px_at_both_breakpoints():
    assert charts.FONT_SIZE * charts.WIDE_FROM / charts.WIDTH >= 14
    assert charts.FONT_SIZE * 252 / charts.NARROW >= 14


def test_wrap_keeps_lines_within_the_width():
    lines = charts.wrap("Net cash flow in the month (money in less money out)", 200)
    assert len(lines) > 1
    assert all(charts.text_width(line) <= 200 for line in lines)
    assert " ".join(lines) == "Net cash flow in the month (money in less money out)"


def _strip(**extra):
    values = [Decimal("0.1"), Decimal("0.2"), Decimal("0.3"), Decimal("0.25")]
    return performance_charts.strip_chart(
        chart_id="c",
        title="T",
        desc="D",
        values=values,
        summary=summarise(values),
        highlight=Decimal("0.22"),
        highlight_label="This record",
        **extra,
    )


def _svgs(html: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", html, flags=re.S)


def _font_sizes(svg: str) -> list[int]:
    return [int(size) for size in re.findall(r'font-size="(\d+)"', svg)]


CHARTS = {
    "strip": lambda: _strip(),
    "line": lambda: performance_charts.line_chart(
        chart_id="c",
        title="T",
        desc="D",
        categories=[f"Jul 2024\nto Sep {2024 + i}" for i in range(8)],
        series=[
            performance_charts.Series(
                "A long name for a series of job outcome rates",
                [Decimal("0.1") + Decimal(i) / 100 for i in range(8)],
            )
        ],
    ),
    "bars": lambda: charts.diverging_bars(
        chart_id="c", title="T", desc="D", rows=[("One", 4.0), ("Two", -2.5)], unit=" pts"
    ),
}


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_is_drawn_wide_and_narrow_with_no_small_text(name):
    html = CHARTS[name]()
    wide, narrow = _svgs(html)
    assert 'class="hub-chart"' in html
    assert f'viewBox="0 0 {charts.WIDTH} ' in wide and 'id="c-title"' in wide
    assert f'viewBox="0 0 {charts.NARROW} ' in narrow and 'id="c-narrow-title"' in narrow
    for svg in (wide, narrow):
        assert all(size >= charts.FONT_SIZE for size in _font_sizes(svg))


def test_narrow_line_chart_labels_only_the_first_and_last_period():
    html = CHARTS["line"]()
    narrow = _svgs(html)[1]
    assert narrow.count("Jul 2024") == 2
    assert "to Sep 2024" in narrow and "to Sep 2031" in narrow
    assert "to Sep 2027" not in narrow


def test_label_every_always_labels_the_top_tick():
    assert performance_charts.label_every(Decimal("0.10"), Decimal("0.02"), 3) == 5
    assert performance_charts.label_every(Decimal("0.12"), Decimal("0.02"), 3) == 2
    assert performance_charts.label_every(Decimal("0.06"), Decimal("0.02"), 6) == 1
