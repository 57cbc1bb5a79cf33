"""The benchmark harness itself (no timing is asserted): bench_inbound reports every figure
and counts SQL statements per message; `python -m benchmarks` skips missing modules with a
note and writes results.json with the machine and the date."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

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


def test_harness_skips_missing_benchmarks_and_writes_results(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = ModuleType("benchmarks.bench_assess")
    fake.run = lambda: {"per_s": 1234.0}  # type: ignore[attr-defined]

    def module(name: str) -> ModuleType | None:
        return fake if name == "bench_assess" else None

    monkeypatch.setattr(harness, "_module", module)
    monkeypatch.setattr(harness, "RESULTS", tmp_path / "results.json")
    assert harness.main() == 0
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["assess"] == {"per_s": 1234.0}
    for name in ("inbound", "tick", "burst_slack", "burst_discord"):
        assert "not present" in results[name]["skipped"]
    assert results["machine"]["cpu_count"] >= 1 and results["machine"]["python"]
    assert results["date"].startswith("20")
    captured = capsys.readouterr()
    assert "assessments/s" in captured.out and "1,234" in captured.out
    assert "[1/4] assess: running" in captured.err
    assert "skipped (benchmarks/bench_tick.py is not present)" in captured.err
