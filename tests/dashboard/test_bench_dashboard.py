"""The dashboard benchmark's harness on a small group (no timing is asserted): it seeds a year
on PostgreSQL, serves the page with a session cookie and reports every figure."""

from __future__ import annotations

import pytest

from benchmarks import bench_dashboard
from tests.conftest import _require_postgres


@pytest.mark.postgres
def test_bench_dashboard_reports_every_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASKCOACH_BENCH_POSTGRES_URL", _require_postgres())
    result = bench_dashboard.run(members=40)
    # 40 members: 8 plan every weekday, 32 on about 40 % of weekdays, for a year.
    assert 4_000 < result["asks"] < 6_500
    for key in ("page_ms_p50", "page_ms_max", "csv_ms_p50", "build_ms_p50", "page_kb"):
        assert result[key] > 0, key
    assert result["weeks"] == 8 and result["to_reach"] > 0
