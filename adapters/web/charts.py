"""Chart geometry for the dashboard's SVG charts (drawn by templates/charts.html): bars for
participation by week, lines for the two shares. No JavaScript; each chart carries a text
summary for screen readers, and its numbers are in the table beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import ceil

from bot.dashboard.board import Week
from bot.dashboard.tables import percent

WIDTH, HEIGHT = 480, 250
LEFT, RIGHT, TOP, BOTTOM = 48, 10, 14, 36  # margins: axis labels left, week labels below


@dataclass(frozen=True)
class Series:
    key: str  # CSS class (colour)
    label: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    title: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str


@dataclass(frozen=True)
class Line:
    series: str
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class AxisLabel:
    """A text along an axis: a value beside the y axis (at its height), or a week under the
    x axis (at its middle)."""

    at: float
    text: str


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    summary: str  # the chart in one or two sentences, for screen readers
    series: list[Series]
    ticks: list[AxisLabel]  # the y axis
    labels: list[AxisLabel]  # the x axis
    bars: list[Bar]
    lines: list[Line]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    base: int = HEIGHT - BOTTOM


def _y(value: float, top_value: float) -> float:
    span = HEIGHT - TOP - BOTTOM
    return HEIGHT - BOTTOM - (value / top_value) * span if top_value else HEIGHT - BOTTOM


def _nice_top(value: int) -> int:
    """An axis maximum at or above `value` that divides into four whole steps."""
    top = max(value, 4)
    return top + (-top % 4)


def _week_label(week: Week) -> str:
    return f"{week.start:%b %-d}"


def _title(week: Week, series: Series, value: str) -> str:
    """What a bar or a point says of itself (its tooltip): the week, the series, the value."""
    return f"Week of {_week_label(week)}: {series.label.lower()}: {value}"


MOST_LABELS = 6  # week labels that fit under a chart; the latest week is always labelled


def _slot(weeks: list[Week]) -> float:
    """The width each week has along the x axis."""
    return (WIDTH - LEFT - RIGHT) / max(len(weeks), 1)


def _middle(i: int, slot: float) -> float:
    """The x of the middle of the `i`-th week."""
    return LEFT + (i + 0.5) * slot


def _labels(weeks: list[Week], slot: float) -> list[AxisLabel]:
    step = ceil(len(weeks) / MOST_LABELS) or 1
    return [
        AxisLabel(_middle(i, slot), _week_label(week))
        for i, week in enumerate(weeks)
        if (len(weeks) - 1 - i) % step == 0
    ]


def _summary(what: str, weeks: list[Week], latest: Callable[[Week], str]) -> str:
    """The chart in words, for screen readers: how many weeks, and the latest one's figures."""
    if not weeks:
        return "No plans yet."
    last = weeks[-1]
    return f"{what} by week, {len(weeks)} weeks. Week of {_week_label(last)}: {latest(last)}"


PARTICIPATION = (
    Series("planned", "Planned"),
    Series("asking", "Made a specific ask"),
    Series("made", "Made it"),
    Series("yes", "Said yes"),
)


def participation_chart(weeks: list[Week], members: int) -> Chart:
    """Members who planned, asked, made it, and yes outcomes: four bars per week."""
    values = [(w.planned, w.asking, w.made_it, w.said_yes) for w in weeks]
    top = _nice_top(max((max(v) for v in values), default=0))
    slot = _slot(weeks)
    bar = slot * 0.8 / len(PARTICIPATION)
    bars: list[Bar] = []
    labels = _labels(weeks, slot)
    for i, (week, counts) in enumerate(zip(weeks, values, strict=True)):
        start = LEFT + i * slot + slot * 0.1
        for j, (series, count) in enumerate(zip(PARTICIPATION, counts, strict=True)):
            y = _y(count, top)
            bars.append(
                Bar(
                    x=start + j * bar,
                    y=y,
                    width=bar * 0.9,
                    height=HEIGHT - BOTTOM - y,
                    series=series.key,
                    title=_title(week, series, str(count)),
                )
            )
    summary = _summary(
        "Members",
        weeks,
        lambda last: (
            f"{last.planned} of {members} members planned, {last.asking} made a specific "
            f"ask, {last.made_it} made it, {last.said_yes} yes outcomes."
        ),
    )
    ticks = [AxisLabel(_y(top * k / 4, top), str(top * k // 4)) for k in range(5)]
    return Chart(
        "participation-chart",
        "Participation by week",
        summary,
        list(PARTICIPATION),
        ticks,
        labels,
        bars,
        [],
    )


SHARES = (
    Series("specific", "Share of plans that were specific asks"),
    Series("fifth", "Share of asks from the most active fifth"),
)


def shares_chart(weeks: list[Week], top_fifth: int) -> Chart:
    """Two lines from 0 to 100 %: plans that were specific; asks from the most active fifth."""
    slot = _slot(weeks)
    labels = _labels(weeks, slot)
    lines: list[Line] = []
    for series, shares in (
        (SHARES[0], [w.specific_share for w in weeks]),
        (SHARES[1], [w.top_fifth_share for w in weeks]),
    ):
        points = [
            Point(_middle(i, slot), _y(share * 100, 100), _title(week, series, percent(share)))
            for i, (week, share) in enumerate(zip(weeks, shares, strict=True))
            if share is not None
        ]
        lines.append(Line(series.key, points))
    summary = _summary(
        "Shares",
        weeks,
        lambda last: (
            f"{percent(last.specific_share)} of plans were specific asks; the most active "
            f"fifth ({top_fifth} members) made {percent(last.top_fifth_share)} of the asks."
        ),
    )
    ticks = [AxisLabel(_y(p, 100), f"{p}%") for p in (0, 25, 50, 75, 100)]
    return Chart(
        "shares-chart", "Asking, week by week", summary, list(SHARES), ticks, labels, [], lines
    )
