"""Three `askcoach run` workers on one PostgreSQL, serving Slack over HTTP against the emulator,
as a compose file or a Kubernetes Deployment runs them: started together, handed a new
workspace's first messages all at once, and one of them SIGKILLed in the middle of a post that
Slack had accepted (docs/scaling.md, docs/checkins.md).
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from benchmarks.support.seeding import seed_members
from emulators.slack import (
    DEFAULT_SIGNING_SECRET,
    DEFAULT_TEAM_ID,
    SlackEmulator,
    json_request,
    message_event,
)
from storage import Database
from storage import tables as t
from tests.support.servers import (
    Server,
    errors_in_logs,
    server_environment,
    start_servers,
    stop_servers,
)
from tests.support.workers import due_checkin_keys

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

NEWCOMERS = 100
TICK = 1
LEASE = 5


async def _post(http: aiohttp.ClientSession, server: Server, body: dict[str, Any]) -> int:
    text, headers = json_request(body, DEFAULT_SIGNING_SECRET)
    async with http.post(f"{server.url}/slack/events", data=text, headers=headers) as response:
        return response.status


async def _all_at_once(servers: list[Server], bodies: list[dict[str, Any]]) -> list[int]:
    """Every body to a worker in turn, all requests in flight together."""
    async with aiohttp.ClientSession() as http:
        return await asyncio.gather(
            *(_post(http, servers[n % len(servers)], body) for n, body in enumerate(bodies))
        )


def _count(db: Database, table: t.Table) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_three_workers_started_together_welcome_every_newcomer_of_a_new_workspace(
    pg_url: str, tmp_path: Path, slack_emulator: SlackEmulator
) -> None:
    """An empty database, three workers started at the same instant (each runs the start-up
    migration), then 100 members of a workspace nobody has seen write their first DM at the
    same moment, spread over the workers: each is welcomed once, and no worker logs an error."""
    emu = slack_emulator
    users = [f"U{n:07d}" for n in range(1, NEWCOMERS + 1)]
    for user in users:
        emu.add_user(DEFAULT_TEAM_ID, user, tz="America/Chicago")
    env = server_environment(pg_url, emu, ASKCOACH_TICK_SECONDS=str(TICK))
    servers = start_servers(3, env, tmp_path)
    db = Database(pg_url)
    try:
        for server in servers:
            server.wait_until_up()  # all three came up on the empty database
        bodies = [
            message_event(
                user_id=user,
                text="hi",
                team_id=DEFAULT_TEAM_ID,
                channel=emu.dm_channel(DEFAULT_TEAM_ID, user),
                bot_user_id=emu.team(DEFAULT_TEAM_ID).bot_user_id,
            )
            for user in users
        ]
        statuses = asyncio.run(_all_at_once(servers, bodies))
        assert statuses == [200] * NEWCOMERS
        emu.wait_for_delivered("chat.postMessage", NEWCOMERS, timeout=60)
        time.sleep(2 * TICK)  # nothing more is coming
        welcomes = emu.delivered("chat.postMessage")
        welcomed = Counter(str(call.params["channel"]) for call in welcomes)  # DMs by user id
        assert sorted(welcomed) == users
        assert set(welcomed.values()) == {1}  # one welcome each
        assert _count(db, t.communities) == 1
        assert _count(db, t.members) == NEWCOMERS
        assert _count(db, t.inbound_events) == NEWCOMERS
    finally:
        db.dispose()
        stop_servers(servers)
    assert errors_in_logs(servers) == []
    retried = [e for s in servers for e in s.log_entries() if "trying again" in str(e)]
    assert retried == []  # nothing had to be retried, either
    assert [server.process.returncode for server in servers] == [0, 0, 0]


def _worker_holding(db: Database, key: str, servers: list[Server]) -> Server:
    """The server whose worker holds the outbox message `key` (lease owner host-pid-random)."""
    with db.engine.connect() as conn:
        owner = conn.execute(select(t.outbox.c.lease_owner).where(t.outbox.c.key == key)).scalar()
    assert owner is not None
    pid = int(re.fullmatch(r".*-(\d+)-[0-9a-f]+", str(owner)).group(1))  # type: ignore[union-attr]
    (server,) = [s for s in servers if s.process.pid == pid]
    return server


def _held_by_owner_of(db: Database, key: str) -> list[str]:
    """The keys of every message claimed by the worker that holds `key`."""
    o = t.outbox.c
    with db.engine.connect() as conn:
        owner = select(o.lease_owner).where(o.key == key).scalar_subquery()
        return list(
            conn.execute(
                select(o.key).where(o.lease_owner == owner, o.status == "sending")
            ).scalars()
        )


def _keys_posted(emu: SlackEmulator) -> Counter[str]:
    return Counter(
        str(m["metadata"]["event_payload"]["key"])
        for m in emu.messages()
        if m.get("metadata", {}).get("event_type") == "askcoach_message"
    )


def test_a_worker_killed_inside_a_post_is_taken_over_within_the_lease_exactly_once(
    pg_url: str, tmp_path: Path, slack_emulator: SlackEmulator
) -> None:
    """60 check-ins due at once; every conversations.history call is answered 429 (Slack's
    limit for apps outside the Marketplace is one a minute). The worker sending them is
    SIGKILLed inside its fifth post, after Slack accepted it. The others take its batch over
    when its 5-second lease runs out: the 55 it never attempted arrive at once, no look-up
    needed; the one it was posting waits for a look-up instead of being posted blind. Each
    check-in is on Slack exactly once."""
    emu = slack_emulator
    due = 60
    db = Database(pg_url)
    db.upgrade()
    due_at = datetime.now(UTC) - timedelta(minutes=1)
    ids = seed_members(db, due, due_at, platform="slack")
    for member_id in ids:
        emu.add_user(DEFAULT_TEAM_ID, f"U{member_id:07d}", tz="UTC")
    emu.always(
        "conversations.history",
        status=429,
        json={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "60"},
    )
    emu.hold_after_accepting("chat.postMessage", after=4)
    env = server_environment(
        pg_url,
        emu,
        ASKCOACH_TICK_SECONDS=str(TICK),
        ASKCOACH_CLAIM_LEASE_SECONDS=str(LEASE),
        ASKCOACH_SEND_LEASE_SECONDS=str(LEASE),
        ASKCOACH_SLACK_WORKSPACE_RATE="1000",
    )
    servers = start_servers(3, env, tmp_path)
    victim: Server | None = None
    try:
        # The first tick runs as each worker starts; one of them gets stuck in the post.
        (held,) = emu.wait_for_held(1, timeout=90)
        in_flight = str(held.params["metadata"]["event_payload"]["key"])
        victim = _worker_holding(db, in_flight, servers)
        orphaned = _held_by_owner_of(db, in_flight)
        assert len(orphaned) > 10  # its batch: the one in flight and many never attempted
        victim.process.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        victim.process.wait(timeout=10)
        survivors = [s for s in servers if s is not victim]
        for server in survivors:
            server.wait_until_up()

        expected = due_checkin_keys(db, due_at)
        assert len(expected) == due
        health_ms: list[float] = []
        while set(_keys_posted(emu)) != expected:
            assert time.monotonic() - killed_at < LEASE + 2 * TICK + 30, "not taken over"
            health_ms.extend(asyncio.run(_healthz_ms(survivors)))
        arrived_after = time.monotonic() - killed_at
        time.sleep(2 * TICK)  # a duplicate would have had time to go out

        posted = _keys_posted(emu)
        assert {key: n for key, n in posted.items() if n > 1} == {}
        assert set(posted) == expected
        # Within the lease plus a tick (plus the time to send 55 messages, with margin for a
        # busy machine): not the five minutes of the former fixed lease.
        assert arrived_after < LEASE + TICK + 10
        print(
            f"\n{len(orphaned)} messages held by the killed worker; "
            f"all on Slack {arrived_after:.1f}s after the kill "
            f"(lease {LEASE}s, tick {TICK}s); /healthz meanwhile: "
            f"max {max(health_ms):.0f} ms over {len(health_ms)} requests"
        )
        with db.engine.connect() as conn:
            o = t.outbox.c
            statuses = dict(conn.execute(select(o.key, o.status)).all())
            waiting = conn.execute(select(o.attempted_at, o.error).where(o.key == in_flight)).one()
        assert statuses.pop(in_flight) == "pending"  # waiting for a look-up, not posted blind
        assert set(statuses.values()) == {"sent"}
        assert waiting.attempted_at is not None and "ratelimited" in str(waiting.error)
        lookups = emu.calls("conversations.history")
        assert lookups and all(call.status == 429 for call in lookups)
    finally:
        db.dispose()
        stop_servers(servers)
    assert victim is not None and victim.process.returncode == -signal.SIGKILL
    assert errors_in_logs([s for s in servers if s is not victim]) == []


async def _healthz_ms(servers: list[Server]) -> list[float]:
    """One GET /healthz to each server; how long each answer took, in milliseconds."""
    timings = []
    async with aiohttp.ClientSession() as http:
        for server in servers:
            started = time.perf_counter()
            async with http.get(f"{server.url}/healthz") as response:
                await response.read()
            timings.append((time.perf_counter() - started) * 1000)
    await asyncio.sleep(0.1)
    return timings
