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

FIGURES = {
    "assess": [("per_s", "assessments/s", "{:,.0f}")],
    "inbound": [
        ("handled_per_s", "messages handled/s", "{:,.0f}"),
        ("raw_commits_per_s", "raw sqlite3 commits/s", "{:,.0f}"),
        ("ratio", "ratio (target >= 0.25)", "{:.2f}"),
        ("p50_ms", "p50 ms", "{:.2f}"),
        ("p99_ms", "p99 ms", "{:.2f}"),
        ("statements_per_message", "SQL statements/message", "{:.1f}"),
    ],
    "tick": [
        ("seconds_10k", "tick s, 10k members", "{:.2f}"),
        ("seconds_1m", "tick s, 1M members", "{:.2f}"),
        ("ratio", "ratio 1M/10k (target < 2)", "{:.2f}"),
        ("peak_rss_mb_1m", "peak RSS MB, 1M", "{:.0f}"),
    ],
    "burst_slack": [
        ("achieved_per_s", "achieved/s", "{:.1f}"),
        ("allowed_per_s", "allowed/s", "{:.1f}"),
        ("ratio", "ratio (target >= 0.9)", "{:.2f}"),
        ("lost", "lost", "{}"),
        ("duplicates", "duplicates", "{}"),
    ],
}
FIGURES["burst_discord"] = FIGURES["burst_slack"]
FIGURES["dashboard"] = [
    ("asks", "asks (5,000 members, a year)", "{:,}"),
    ("page_ms_p50", "page ms p50 (target < 300)", "{:.0f}"),
    ("page_ms_max", "page ms max", "{:.0f}"),
    ("build_ms_p50", "queries ms p50", "{:.0f}"),
    ("csv_ms_p50", "CSV ms p50", "{:.0f}"),
]


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
