"""The Discord burst benchmark still runs end to end (a small burst; the figures are the
benchmark's to report, only loss and duplicates are checked here)."""

from __future__ import annotations

import pytest

from benchmarks.bench_burst_discord import run

pytestmark = pytest.mark.timeout(60)


def test_a_small_burst_arrives_once_per_member() -> None:
    result = run(n=120, limit=100)
    assert (result["lost"], result["duplicates"], result["pending_after"]) == (0, 0, 0)
    assert result["forced_429"] == result["rate_limited"] > 0
    assert result["requests_in_measured_phase"] == 120 + result["forced_429"]
