"""Check-ins that arrive on time, exactly once: real worker processes on one database.

The durable delivery record (tests/support/workers.py) counts what the platform accepted, so a
duplicate or a lost check-in is visible, not hidden. Kills land at chosen points — after a
claim committed and before its wording did, or after outbox rows were claimed for sending and
before the platform accepted them — where the design promises exactly once. (Between the
platform accepting a message and `mark_sent`, it promises at least once: see
docs/checkins.md.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from benchmarks.support.databases import migrated
from benchmarks.support.seeding import seed_members
from storage import Database
from storage import tables as t
from tests.support.workers import Run, WorkerConfig, due_checkin_keys, run_workers

MEMBERS = 5_000

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def _seed(url: str, count: int) -> tuple[Database, datetime]:
    db = Database(url)
    now = datetime.now(UTC)
    seed_members(db, count, due_at=now - timedelta(minutes=1))
    return db, now


def _configs(url: str, records: Path, horizon: datetime) -> list[WorkerConfig]:
    records.mkdir(exist_ok=True)
    return [
        WorkerConfig(url=url, name=f"w{i}", records=str(records), horizon=horizon.isoformat())
        for i in range(3)
    ]


def _assert_exactly_once(db: Database, run: Run, horizon: datetime, count: int) -> None:
    expected = due_checkin_keys(db, horizon)
    assert len(expected) == count
    delivered = run.deliveries
    duplicates = {key: n for key, n in delivered.items() if n > 1}
    lost = expected - set(delivered)
    assert duplicates == {}
    assert lost == set()
    assert set(delivered) == expected
    c, o = t.checkins.c, t.outbox.c
    with db.engine.connect() as conn:
        statuses = dict(
            conn.execute(
                select(c.status, func.count()).where(c.due_at <= horizon).group_by(c.status)
            ).all()
        )
        outbox = dict(conn.execute(select(o.status, func.count()).group_by(o.status)).all())
    assert statuses == {"sent": count}
    assert outbox == {"sent": count}
    survivors = [r for r in run.results if r.name not in run.killed]
    assert all(r.finished for r in survivors)


def test_three_workers_deliver_each_checkin_exactly_once(pg_url: str, tmp_path: Path) -> None:
    with migrated(pg_url):
        pass
    db, now = _seed(pg_url, MEMBERS)
    try:
        run = run_workers(_configs(pg_url, tmp_path / "records", now))
        _assert_exactly_once(db, run, now, MEMBERS)
        assert len(run.results) == 3
        # The work was shared: every worker worded and sent a real part of it.
        assert sum(r.queued for r in run.results) == MEMBERS
        assert sum(r.sent for r in run.results) == MEMBERS
        assert all(r.queued > 0 and r.sent > 0 for r in run.results)
        print(f"\n3 workers, {MEMBERS} check-ins in {run.seconds:.1f}s:", _split(run))
    finally:
        db.dispose()


@pytest.mark.parametrize("pause", ["dispatch", "send"])
def test_a_worker_killed_mid_run_loses_nothing_and_repeats_nothing(
    pg_url: str, tmp_path: Path, pause: str
) -> None:
    with migrated(pg_url):
        pass
    db, now = _seed(pg_url, MEMBERS)
    try:
        configs = _configs(pg_url, tmp_path / "records", now)
        for config in configs:
            config.lease_seconds = 3.0
            config.send_lease_seconds = 3.0
        victim = configs[0]
        victim.pause = pause
        victim.pause_after = 30  # mid-batch: 30 worded (or sent), the rest of the claim open
        run = run_workers(configs, kill=victim.name)
        _assert_exactly_once(db, run, now, MEMBERS)
        assert run.killed == ["w0"]
        survivors = [r for r in run.results if r.name != "w0"]
        assert len(survivors) == 2
        assert sum(r.sent for r in survivors) + _sent_by_victim(run) == MEMBERS
        assert all(r.sent > 0 for r in survivors)
        print(f"\nw0 killed in {pause}, {MEMBERS} check-ins in {run.seconds:.1f}s:", _split(run))
    finally:
        db.dispose()


def _sent_by_victim(run: Run) -> int:
    return sum(n for name, n in run.sent_by.items() if name.startswith("w0-"))


def _split(run: Run) -> dict[str, tuple[int, int]]:
    return {r.name: (r.queued, r.sent) for r in run.results}
