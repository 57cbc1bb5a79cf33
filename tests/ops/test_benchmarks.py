"""The benchmark harness itself (no timing is asserted): bench_inbound reports every figure
and counts SQL statements per message; `python -m benchmarks` runs them in order and
writes results.json with the machine and the date."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import benchmarks.__main__ as harness
from benchmarks import bench_inbound


def test_bench_inbound_reports_every_figure() -> None:
    result = bench_inbound.run(messages=40, members=4)
    for key in (
        "handled_per_s",
        "raw_commits_per_s",
        "ratio",
        "p50_ms",
        "p99_ms",
        "statements_per_message",
    ):
        assert result[key] > 0, key
    assert result["p50_ms"] <= result["p99_ms"]
    # BEGIN, event id, community, member, member save, outbox: at least six per message.
    assert 6 <= result["statements_per_message"] < 20


def test_harness_runs_every_benchmark_in_order_and_writes_results(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real harness with each benchmark's runner replaced by a quick stand-in (the real
    ones take minutes): progress on stderr, a table on stdout, results.json with every figure,
    the bursts' ratio computed from achieved over allowed, the machine and the date."""
    figures = {
        "assess": {"per_s": 1234.0},
        "inbound": {"handled_per_s": 900.0, "raw_commits_per_s": 3000.0, "ratio": 0.3},
        "tick": {"seconds_10k": 1.5, "seconds_1m": 1.6, "ratio": 1.07, "peak_rss_mb_1m": 60.0},
        "burst_slack": {"achieved_per_s": 92.0, "allowed_per_s": 100.0, "lost": 0},
        "burst_discord": {"achieved_per_s": 47.5, "allowed_per_s": 50.0, "lost": 0},
        "dashboard": {"asks": 678500, "page_ms_p50": 210.0, "build_ms_p50": 180.0},
    }
    ran: list[str] = []

    def stand_in(name: str) -> Callable[[], dict[str, Any]]:
        def run() -> dict[str, Any]:
            ran.append(name)
            entry = dict(figures[name])
            return harness._with_ratio(entry) if name.startswith("burst") else entry

        return run

    monkeypatch.setattr(
        harness, "BENCHMARKS", [(name, stand_in(name)) for name, _ in harness.BENCHMARKS]
    )
    monkeypatch.setattr(harness, "RESULTS", tmp_path / "results.json")
    assert harness.main() == 0
    assert ran == ["assess", "inbound", "tick", "burst_slack", "burst_discord", "dashboard"]
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["assess"] == {"per_s": 1234.0}
    assert results["burst_slack"]["ratio"] == pytest.approx(0.92)
    assert results["burst_discord"]["ratio"] == pytest.approx(0.95)
    assert results["machine"]["cpu_count"] >= 1 and results["machine"]["python"]
    assert results["date"].startswith("20")
    captured = capsys.readouterr()
    assert "assessments/s" in captured.out and "1,234" in captured.out
    assert "ratio (target >= 0.25)" in captured.out and "0.30" in captured.out
    assert "[1/6] assess: running" in captured.err
    assert "[6/6] dashboard: done in" in captured.err
    assert "page ms p50 (target < 300)" in captured.out and "678,500" in captured.out
