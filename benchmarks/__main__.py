"""`make bench` (`python -m benchmarks`): run every benchmark, print progress and a table, and
write benchmarks/results.json with the figures, the machine and the date.

The benchmarks: assess (bench_assess), inbound (bench_inbound), tick (bench_tick), the Slack
and Discord bursts (bench_burst_slack, bench_burst_discord) and the organizer dashboard on
PostgreSQL (bench_dashboard). Each is imported when its turn
comes, so the progress line shows before a slow import.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).with_name("results.json")
FIGURES_FILE = Path(__file__).with_name("figures.tsv")  # what the table shows of each


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _assess() -> dict[str, Any]:
    from benchmarks import bench_assess

    return dict(bench_assess.run())


def _inbound() -> dict[str, Any]:
    from benchmarks import bench_inbound

    return dict(bench_inbound.run())


def _tick() -> dict[str, Any]:
    from benchmarks import bench_tick

    return dict(bench_tick.main())


def _with_ratio(burst: dict[str, Any]) -> dict[str, Any]:
    """Achieved over allowed rate, measured in the same run (target >= 0.9)."""
    burst.setdefault("ratio", burst["achieved_per_s"] / burst["allowed_per_s"])
    return burst


def _burst_slack() -> dict[str, Any]:
    from benchmarks import bench_burst_slack

    return _with_ratio(dict(bench_burst_slack.run()))


def _burst_discord() -> dict[str, Any]:
    from benchmarks import bench_burst_discord

    return _with_ratio(dict(bench_burst_discord.run()))


def _dashboard() -> dict[str, Any]:
    from benchmarks import bench_dashboard

    return dict(bench_dashboard.run())


BENCHMARKS: list[tuple[str, Callable[[], dict[str, Any]]]] = [
    ("assess", _assess),
    ("inbound", _inbound),
    ("tick", _tick),
    ("burst_slack", _burst_slack),
    ("burst_discord", _burst_discord),
    ("dashboard", _dashboard),
]


def _figures() -> dict[str, list[tuple[str, str, str]]]:
    """The table's rows for each benchmark: (key in its results, label, format)."""
    figures: dict[str, list[tuple[str, str, str]]] = {}
    lines = FIGURES_FILE.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    for name, key, label, fmt in rows[1:]:  # after the header
        figures.setdefault(name, []).append((key, label, fmt))
    figures["burst_discord"] = figures["burst_slack"]
    return figures


FIGURES = _figures()


def machine() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
    }


def table(results: dict[str, Any]) -> str:
    rows = [("benchmark", "figure", "value")]
    for name, entry in results.items():
        if name in ("machine", "date"):
            continue
        for key, label, fmt in FIGURES.get(name, []):
            if key in entry:
                rows.append((name, label, fmt.format(entry[key])))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> int:
    results: dict[str, Any] = {}
    for number, (name, runner) in enumerate(BENCHMARKS, 1):
        _say(f"[{number}/{len(BENCHMARKS)}] {name}: running …")
        started = time.perf_counter()
        results[name] = runner()
        _say(f"[{number}/{len(BENCHMARKS)}] {name}: done in {time.perf_counter() - started:.1f} s")
    results["machine"] = machine()
    results["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    temporary = RESULTS.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    temporary.replace(RESULTS)
    print(table(results))
    print(f"\nwritten to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
