"""The financial model's cash chart, drawn as SVG on the server (with hub.base.charts).

Money in the bank month by month as a line, each month's net cash flow as bars, the zero line,
and the month reserves run out marked. The page shows the same numbers in a table.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString

from hub.base.charts import (
    ACCENT,
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
from toolkits.finance import ModelResult


def nice_step(span: Decimal, ticks: int = 5) -> Decimal:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` ticks."""
    if span <= 0:
        return Decimal(1000)
    rough = span / ticks
    power = Decimal(10) ** (len(str(int(rough))) - 1) if rough >= 1 else Decimal(1)
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if power * factor >= rough:
            return power * factor
    return power * 10


def _money_label(value: Decimal) -> str:
    text = f"£{abs(value):,.0f}"
    return f"\u2212{text}" if value < 0 else text


def cash_chart(result: ModelResult, *, chart_id: str = "cash-chart") -> SafeString:
    """Cash in the bank (reserves plus running total) and monthly net, by month."""
    return responsive(lambda width, svg_id: _cash_svg(result, width, svg_id), chart_id)


def _cash_svg(result: ModelResult, width: int, chart_id: str) -> str:
    rows = result.rows
    narrow = width < WIDTH
    cash = [row.cash for row in rows]
    nets = [row.net for row in rows]
    low = min([Decimal(0), *cash, *nets])
    high = max([Decimal(0), *cash, *nets])
    step = nice_step(high - low, ticks=3 if narrow else 5)
    bottom = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    top = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if top == bottom:
        top = bottom + step

    legend_width = width - 60
    legend_cash = wrap("Money in the bank at the end of the month", legend_width)
    legend_net = wrap("Net cash flow in the month (money in less money out)", legend_width)
    legend_height = 16 + 20 * (len(legend_cash) + len(legend_net)) + 8
    plot_height = 200 if narrow else 240
    plot_top, plot_bottom = legend_height + 12, legend_height + 12 + plot_height
    left = 8 + max(len(_money_label(bottom)), len(_money_label(top)), 4) * 9.5
    right = width - 16
    height = plot_bottom + 46

    def y(value: Decimal) -> float:
        return plot_bottom - float((value - bottom) / (top - bottom)) * (plot_bottom - plot_top)

    count = len(rows)
    slot = (right - left) / max(count, 1)

    def x(month: int) -> float:
        return left + (month - 0.5) * slot

    lowest_cash = min(cash, default=Decimal(0))
    desc = (
        f"Over {count} months, money in the bank starts at "
        f"{_money_label(result.inputs.starting_reserves)}, is lowest at "
        f"{_money_label(lowest_cash)} and ends at {_money_label(result.closing_cash)}. "
        + (
            f"Reserves run out in month {result.run_out_month}."
            if result.run_out_month
            else "Reserves do not run out."
        )
        + " The table below gives every month's figures."
    )
    parts = _open(chart_id, height, "Money in the bank and net cash flow, month by month", desc,
                  width)  # fmt: skip
    net_y = 20 + 20 * len(legend_cash) + 8
    parts.append(
        f'<g><line x1="8" y1="18" x2="44" y2="18" stroke="{ACCENT}" stroke-width="3"/>'
        + text_lines(52, 23, legend_cash)
        + f'<rect x="20" y="{net_y - 13}" width="12" height="16" fill="{GREY}"/>'
        + text_lines(52, net_y, legend_net)
        + "</g>"
    )
    tick = bottom
    while tick <= top:
        ty = y(tick)
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(ty)}" x2="{right}" y2="{_n(ty)}" stroke="{GRID}" '
            f'stroke-width="1"/><text x="{_n(left - 8)}" y="{_n(ty + 5)}" text-anchor="end">'
            f"{_money_label(tick)}</text>"
        )
        tick += step
    bar = max(slot * 0.6, 1)
    zero = y(Decimal(0))
    for row in rows:
        if not row.net:
            continue
        ty = y(row.net)
        parts.append(
            f'<rect x="{_n(x(row.month) - bar / 2)}" y="{_n(min(ty, zero))}" width="{_n(bar)}" '
            f'height="{_n(max(abs(zero - ty), 0.5))}" fill="{GREY}"/>'
        )
    parts.append(
        f'<line x1="{_n(left)}" y1="{_n(zero)}" x2="{right}" y2="{_n(zero)}" stroke="{TEXT}" '
        f'stroke-width="2"/>'
    )
    if rows:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{_n(x(row.month))} {_n(y(row.cash))}"
            for i, row in enumerate(rows)
        )
        parts.append(f'<path d="{path}" fill="none" stroke="{ACCENT}" stroke-width="3"/>')
    if result.run_out_month:
        rx = x(result.run_out_month)
        label = (
            f"Runs out: month {result.run_out_month}"
            if narrow
            else f"Reserves run out: month {result.run_out_month}"
        )
        room = text_width(label) * 1.1  # bold
        anchor = "start" if rx + 6 + room <= width - 4 else "end"
        shift = 6 if anchor == "start" else -6
        tx = rx + shift
        if anchor == "end" and rx - 6 - room < 0:
            anchor, tx = "middle", width / 2
        parts.append(
            f'<line x1="{_n(rx)}" y1="{plot_top}" x2="{_n(rx)}" y2="{plot_bottom}" stroke="{RED}" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{_n(tx)}" y="{plot_top + 14}" text-anchor="{anchor}" '
            f'font-weight="bold">{escape(label)}</text>'
        )
    every = max(1, -(-count // (4 if narrow else 12)))
    for row in rows:
        if (row.month - 1) % every and row.month != count:
            continue
        if row.month != count and count - row.month < every:
            continue  # too close to the last month's label
        parts.append(
            f'<text x="{_n(x(row.month))}" y="{plot_bottom + 20}" text-anchor="middle">'
            f"{row.month}</text>"
        )
    parts.append(
        f'<text x="{_n((left + right) / 2)}" y="{plot_bottom + 40}" text-anchor="middle">'
        f"Month</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
