"""Chart images with matplotlib (headless Agg backend). The data is also written into the
PNG's text chunk, so anyone (and the tests) can check what a chart shows."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure

from bot.domain import DayCount

COLOURS = {"specific": "#2e7d32", "vague": "#f9a825", "passive": "#9e9e9e"}


class MatplotlibCharts:
    """The ChartRenderer port, drawn with matplotlib."""

    def asks_per_day(self, days: Sequence[DayCount], title: str) -> bytes:
        figure = Figure(figsize=(6, 3), dpi=100)
        axes = figure.subplots()
        labels = [f"{d.day:%a %-d}" for d in days]
        positions = list(range(len(days)))
        bottom = [0] * len(days)
        for verdict in ("specific", "vague", "passive"):
            values = [getattr(d, verdict) for d in days]
            axes.bar(positions, values, bottom=bottom, color=COLOURS[verdict], label=verdict)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axes.set_xticks(positions, labels)
        axes.set_ylabel("planned asks")
        axes.set_ylim(0, max([*bottom, 1]) * 1.15)
        axes.set_title(title)
        axes.legend(loc="upper left", fontsize="small", frameon=False)
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        data = [
            {
                "day": d.day.isoformat(),
                "specific": d.specific,
                "vague": d.vague,
                "passive": d.passive,
            }
            for d in days
        ]
        buffer = io.BytesIO()
        figure.savefig(
            buffer,
            format="png",
            metadata={"Title": title, "Description": json.dumps(data)},
        )
        return buffer.getvalue()
