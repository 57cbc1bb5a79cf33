"""While a tick waits on the database, the worker still answers: /healthz and Slack's events
(Slack retries an event it has no answer to within 3 seconds, then gives up).

The tick is made to wait for certain, not by timing: the test holds a row lock on the member
whose check-in is due, so the tick's wording transaction blocks on it (PostgreSQL shows the
tick's connection waiting for the test's). Meanwhile the worker must answer; then the lock is
released and the tick finishes. Before dispatch ran off the event loop, no request got an
answer until the lock was released.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, select, text, update

from bot.domain import CheckInKind
from emulators.slack import DEFAULT_TEAM_ID, SlackEmulator, message_event
from storage import tables as t
from tests.slack.conftest import ANA, BEN
from tests.slack.harness import Harness, slack_settings

pytestmark = pytest.mark.postgres


@pytest.fixture
def slack_on_postgres(emu: SlackEmulator, pg_url: str, tmp_path: Path) -> Iterator[Harness]:
    with Harness(emu, slack_settings(emu, pg_url), tmp_path) as harness:
        yield harness


def _waiting_for(conn: Connection) -> list[int]:
    """Backends blocked by a lock `conn`'s backend holds."""
    pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    rows = conn.execute(
        text("SELECT pid FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"),
        {"pid": pid},
    )
    return [int(p) for (p,) in rows]


def test_healthz_and_slack_events_are_answered_while_the_tick_waits_on_a_row_lock(
    slack_on_postgres: Harness, emu: SlackEmulator
) -> None:
    slack = slack_on_postgres
    slack.onboard(ANA)
    db = slack.app.db
    with db.engine.begin() as conn:  # Ana's next morning check-in is due now
        ana = conn.execute(select(t.members.c.id).where(t.members.c.external_id == ANA)).scalar()
        c = t.checkins.c
        due = conn.execute(
            update(t.checkins)
            .where(c.member_id == ana, c.status == "pending", c.kind == CheckInKind.MORNING)
            .values(due_at=datetime.now(UTC) - timedelta(minutes=1))
        )
        assert due.rowcount == 1
    before = len(emu.delivered())
    locker = db.engine.connect()
    try:
        locker.execute(select(t.members.c.id).where(t.members.c.id == ana).with_for_update())
        tick = asyncio.run_coroutine_threadsafe(slack.app.dispatcher.tick(), slack.loop)
        deadline = time.monotonic() + 30
        while not _waiting_for(locker):  # the tick reached Ana's row and waits for the lock
            assert time.monotonic() < deadline, "the tick never blocked on the row lock"
            assert not tick.done(), tick.result()
            time.sleep(0.02)

        started = time.perf_counter()
        health = slack.request("GET", "/healthz")
        health_ms = (time.perf_counter() - started) * 1000
        event = message_event(
            user_id=BEN,
            text="hi",
            team_id=DEFAULT_TEAM_ID,
            channel=emu.dm_channel(DEFAULT_TEAM_ID, BEN),
        )
        started = time.perf_counter()
        acked = slack.post_event(event)
        event_ms = (time.perf_counter() - started) * 1000

        assert health.status == 200
        assert acked.status == 200
        assert _waiting_for(locker) and not tick.done()  # both answered while it still waited
        print(
            f"\nduring a blocked tick: /healthz {health_ms:.1f} ms, Slack event {event_ms:.1f} ms"
        )
    finally:
        locker.rollback()
        locker.close()
    report = tick.result(timeout=30)
    assert report.dispatch.queued == 1
    # Ana's check-in, and Ben's welcome (handled meanwhile), both arrive.
    calls = emu.wait_for_delivered("chat.postMessage", before + 2, timeout=30)[before:]
    assert sorted(str(c.params["channel"]) for c in calls) == sorted([ANA, BEN])
