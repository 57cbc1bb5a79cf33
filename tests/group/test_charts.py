"""Chart images are real PNGs that show the right numbers."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

from PIL import Image

from adapters.charts import COLOURS, MatplotlibCharts
from bot.domain import DayCount


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _column_heights(image: Image.Image, colour: tuple[int, int, int]) -> list[int]:
    """Per x column, the longest vertical run of exactly `colour` (bars are flat-coloured;
    the legend's small swatches are much shorter than any bar)."""
    rgb = image.convert("RGB")
    width, height = rgb.size
    pixels = rgb.load()
    assert pixels is not None
    heights = []
    for x in range(width):
        best = run = 0
        for y in range(height):
            run = run + 1 if pixels[x, y] == colour else 0
            best = max(best, run)
        heights.append(best if best > 15 else 0)
    return heights


def _bars(heights: list[int]) -> list[int]:
    """Heights of contiguous bars (runs of non-zero columns), left to right."""
    bars: list[int] = []
    run: list[int] = []
    for h in [*heights, 0]:
        if h:
            run.append(h)
        elif run:
            bars.append(max(run))
            run = []
    return bars


def test_asks_per_day_chart_is_a_png_with_the_right_data() -> None:
    monday = date(2026, 3, 2)
    days = [
        DayCount(monday + timedelta(days=i), specific=s, vague=v, passive=p)
        for i, (s, v, p) in enumerate([(4, 1, 0), (2, 0, 1), (0, 0, 0), (1, 2, 0), (3, 0, 2)])
    ]
    png = MatplotlibCharts().asks_per_day(days, "Job Club: asks per day")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (600, 300)

    # The data travels in the PNG's text chunk...
    embedded = json.loads(image.info["Description"])
    assert [(d["specific"], d["vague"], d["passive"]) for d in embedded] == [
        (4, 1, 0),
        (2, 0, 1),
        (0, 0, 0),
        (1, 2, 0),
        (3, 0, 2),
    ]
    assert image.info["Title"] == "Job Club: asks per day"

    # ...and the pixels agree: green bar heights are proportional to the specific counts.
    green = _bars(_column_heights(image, _rgb(COLOURS["specific"])))
    assert len(green) == 4  # Wednesday has no bar
    unit = green[0] / 4
    for bar, count in zip(green, [4, 2, 1, 3], strict=True):
        assert abs(bar - count * unit) <= 2
    grey = _bars(_column_heights(image, _rgb(COLOURS["passive"])))
    assert len(grey) == 2
    assert abs(grey[0] - unit) <= 2 and abs(grey[1] - 2 * unit) <= 2
