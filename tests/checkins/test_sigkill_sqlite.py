"""SQLite: the one dispatching process is SIGKILLed mid-dispatch and restarted. Nothing is lost
and nothing is sent twice (the same durable delivery record as the PostgreSQL workers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from benchmarks.support.databases import migrated, sqlite_url
from benchmarks.support.seeding import seed_members
from storage import tables as t
from tests.support.workers import WorkerConfig, due_checkin_keys, run_workers

DUE = 2_000

pytestmark = pytest.mark.slow


def test_sigkill_during_dispatch_then_restart_delivers_each_checkin_once(
    tmp_path: Path,
) -> None:
    url = sqlite_url(tmp_path)
    records = tmp_path / "records"
    records.mkdir()
    now = datetime.now(UTC)
    with migrated(url) as db:
        seed_members(db, DUE, due_at=now - timedelta(minutes=5))
        config = WorkerConfig(
            url=url,
            name="bot",
            records=str(records),
            horizon=now.isoformat(),
            batch=500,
            lease_seconds=2.0,
            send_lease_seconds=2.0,
            pause="dispatch",
            pause_after=700,  # batch 1 committed, batch 2 claimed and 200 worded
        )
        first = run_workers([config], kill="bot")
        assert first.killed == ["bot"]
        assert sum(first.deliveries.values()) == 0  # it died before delivering anything
        with db.engine.connect() as conn:
            statuses = dict(
                conn.execute(
                    select(t.checkins.c.status, func.count())
                    .where(t.checkins.c.due_at <= now)
                    .group_by(t.checkins.c.status)
                ).all()
            )
            queued = conn.execute(select(func.count()).select_from(t.outbox)).scalar_one()
        # What the kill left: one batch handled and committed, one claimed, the rest due.
        assert statuses == {"sent": 500, "claimed": 500, "pending": DUE - 1000}
        assert queued == 500

        restart = replace(config, name="bot-restarted", pause=None, pause_after=0)
        second = run_workers([restart])
        expected = due_checkin_keys(db, now)
        assert len(expected) == DUE
        delivered = second.deliveries
        assert {k: n for k, n in delivered.items() if n > 1} == {}
        assert set(delivered) == expected
        [result] = [r for r in second.results if r.name == "bot-restarted"]
        assert result.finished and result.sent == DUE
        with db.engine.connect() as conn:
            left = conn.execute(
                select(func.count())
                .select_from(t.checkins)
                .where(t.checkins.c.due_at <= now, t.checkins.c.status != "sent")
            ).scalar_one()
        assert left == 0
        print(f"\nSQLite kill+restart: {first.seconds:.1f}s + {second.seconds:.1f}s")
