"""`make bench` (`python -m benchmarks`): run every benchmark present, print progress and a
table, and write benchmarks/results.json with the figures, the machine and the date.

Benchmarks are optional modules: assess (bench_assess), inbound (bench_inbound), tick
(bench_tick) and the Slack/Discord bursts (bench_burst). A missing module is skipped with a
note, in the table and in results.json.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

RESULTS = Path(__file__).with_name("results.json")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"benchmarks.{name}")
    except ModuleNotFoundError as missing:
        if missing.name != f"benchmarks.{name}":
            raise
        return None


def _assess(module: ModuleType) -> dict[str, Any]:
    return {"per_s": module.run()["per_s"]}


def _inbound(module: ModuleType) -> dict[str, Any]:
    return dict(module.run())


def _tick(module: ModuleType) -> dict[str, Any]:
    """bench_tick: `main()` returns the summary; otherwise `run(members)` per size."""
    if hasattr(module, "main"):
        summary = module.main()
        if isinstance(summary, dict) and "seconds_10k" in summary:
            return dict(summary)
    small, large = module.run(10_000), module.run(1_000_000)
    if "seconds_10k" in small:
        return dict(small)
    return {
        "seconds_10k": small["seconds"],
        "seconds_1m": large["seconds"],
        "peak_rss_mb_1m": large["peak_rss_mb"],
    }


def _with_ratio(burst: dict[str, Any]) -> dict[str, Any]:
    """Achieved over allowed rate, measured in the same run (target >= 0.9)."""
    if burst.get("allowed_per_s"):
        burst.setdefault("ratio", burst["achieved_per_s"] / burst["allowed_per_s"])
    return burst


def _bursts(module: ModuleType) -> dict[str, dict[str, Any]]:
    """bench_burst: `run_slack()`/`run_discord()`, or `run()` returning both."""
    if hasattr(module, "run_slack") or hasattr(module, "run_discord"):
        out = {}
        for name in ("slack", "discord"):
            runner = getattr(module, f"run_{name}", None)
            if runner is not None:
                out[f"burst_{name}"] = _with_ratio(dict(runner()))
        return out
    result = module.run()
    return {
        f"burst_{name}": dict(result.get(f"burst_{name}") or result.get(name) or {})
        for name in ("slack", "discord")
        if result.get(f"burst_{name}") or result.get(name)
    }


BENCHMARKS: list[tuple[str, str, Callable[[ModuleType], dict[str, Any]]]] = [
    ("assess", "bench_assess", _assess),
    ("inbound", "bench_inbound", _inbound),
    ("tick", "bench_tick", _tick),
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
        if "skipped" in entry:
            rows.append((name, "skipped", entry["skipped"]))
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
    plan = [*BENCHMARKS, ("burst", "bench_burst", _bursts)]
    for number, (name, module_name, runner) in enumerate(plan, 1):
        module = _module(module_name)
        if module is None:
            note = f"benchmarks/{module_name}.py is not present"
            _say(f"[{number}/{len(plan)}] {name}: skipped ({note})")
            for key in ("burst_slack", "burst_discord") if name == "burst" else (name,):
                results[key] = {"skipped": note}
            continue
        _say(f"[{number}/{len(plan)}] {name}: running …")
        started = time.perf_counter()
        figures = runner(module)
        elapsed = time.perf_counter() - started
        if name == "burst":
            results.update(figures)
        else:
            results[name] = figures
        _say(f"[{number}/{len(plan)}] {name}: done in {elapsed:.1f} s")
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
