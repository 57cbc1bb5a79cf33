"""A morning burst on Discord: 10,000 check-ins to 10,000 members, each in its own DM channel.

`python -m benchmarks.bench_burst_discord [n] [--limit PER_SECOND]` prints one JSON line:
{"achieved_per_s", "allowed_per_s", "ratio", "lost", "duplicates", "rate_limited", "seconds",
 "note", ...}.

What runs, all real except Discord itself:
1. Seed: `n` onboarded Discord members (numeric user ids) with a morning check-in due a minute
   ago, bulk-inserted into a fresh SQLite file (WAL, synchronous=FULL); then the real
   `Dispatcher.dispatch_due()` words them with the real Coach into the outbox (`n` rows).
2. The real `DiscordAdapter` (discord.py client, `DiscordGateway`) logs in and connects to the
   local emulator, whose global limit is `limit` requests/s (default 50, Discord's) with
   Discord's per-channel message bucket (5 per 5 s; one message per channel here).
3. Warm-up, not measured: every member's DM channel is opened through the real client
   (`POST /users/@me/channels`) and remembered by the gateway, as a running bot knows the DM
   channels of members who wrote to it or whom it has messaged before (also after a restart:
   the gateway stores them in the database and loads them at start). The emulator counts DM
   opens toward the global limit as Discord does, so a burst to members the bot has never
   messaged needs two requests per check-in and could deliver at most `limit / 2` check-ins
   per second; opening ahead keeps the measured phase to one request per message. Only to keep the run under five minutes, the warm-up runs with the emulator's
   limit raised to DM_OPEN_LIMIT (10,000 opens at 50/s would add 200 s); its rate is reported
   (`dm_open_per_s`).
4. Measured: `Dispatcher.deliver()` sends the outbox through `DiscordGateway` (its `RateCap` at
   `limit`/s, every request counted). A few 429s are forced while it runs
   (`queue_error(..., status=429)`: per-route ones and one global one); discord.py waits them
   out and retries, and anything that still surfaced as a rate limit would go back to the
   outbox and be sent on a later pass.

Checked afterwards, from what the emulator recorded: every member's DM channel holds exactly
one message (`lost` = channels with none, `duplicates` = extra messages), and the outbox holds
nothing unsent. `ratio` = achieved / allowed, target >= 0.9.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
USER_BASE = 200_000_000_000_000_000  # member i is Discord user USER_BASE + i
GUILD = 1001
FORCED_429 = 6  # spread over the measured phase; the last one is global
DM_OPEN_LIMIT = 1000  # the emulator's global limit during the (unmeasured) DM warm-up


def _seed(path: Path, n: int) -> tuple[Any, float]:
    """A migrated SQLite file with `n` Discord members due now; the outbox filled by the real
    dispatcher. Returns the database and the seconds the dispatch took."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import update

    from askcoach import bootstrap
    from benchmarks.support.seeding import seed_members
    from storage import Database
    from storage import tables as t

    db = Database(f"sqlite:///{path}")
    db.upgrade()
    seed_members(db, n, due_at=datetime.now(UTC) - timedelta(minutes=1), platform="discord")
    with db.engine.begin() as conn:  # Discord user ids are numbers; the server is the guild
        conn.execute(
            update(t.members).values(
                external_id=(t.members.c.id + USER_BASE).cast(t.members.c.external_id.type)
            )
        )
        conn.execute(update(t.communities).values(external_id=str(GUILD), name="Job Club"))
    dispatcher = bootstrap.wire(db, charts=False).dispatcher
    began = time.perf_counter()
    report = dispatcher.dispatch_due()
    seconds = time.perf_counter() - began
    if report.queued != n:
        raise RuntimeError(f"dispatch queued {report.queued} of {n} check-ins")
    return db, seconds


async def _burst(db: Any, n: int, limit: int) -> dict[str, Any]:
    import discord

    from adapters.discord import DiscordAdapter, DiscordConfig
    from adapters.discord.gateway import RateCap
    from askcoach import bootstrap
    from askcoach.stores import SqlDmChannelStore
    from emulators.discord import DiscordEmulator

    core = bootstrap.wire(db, charts=False)
    dispatcher = core.dispatcher
    users = [USER_BASE + i for i in range(1, n + 1)]
    with DiscordEmulator(global_limit=limit) as emu, emu.patch_discord():
        emu.add_guild(GUILD, "Job Club", owner_id=users[0], members=users[:10])
        env = emu.env()
        config = DiscordConfig(
            token=env["DISCORD_TOKEN"],
            api_url=env["DISCORD_API_URL"],
            gateway_url=env["DISCORD_GATEWAY_URL"],
            sends_per_second=limit,
        )
        adapter = DiscordAdapter(config, core.inbox(), db, SqlDmChannelStore(db))
        gateway = adapter.gateway
        dispatcher.gateways["discord"] = gateway
        await adapter.start()
        try:
            await adapter.wait_until_ready()
            await asyncio.sleep(1.0)  # let the start-up requests' second pass

            # Warm-up (not measured): open every DM channel through the real client. Only to
            # keep the run short, the emulator's limit is raised for it (DM_OPEN_LIMIT) and
            # the opens are paced by a cap of their own; it goes back to `limit` before the
            # measured phase.
            emu.global_limit = DM_OPEN_LIMIT
            opening = RateCap(DM_OPEN_LIMIT)
            lanes = asyncio.Semaphore(16)

            async def open_dm(user: int) -> None:
                async with lanes:
                    await opening.acquire()
                    dm = await adapter.client.create_dm(discord.Object(id=user))
                    gateway.remember_dm(user, dm.id)

            began = time.perf_counter()
            await asyncio.gather(*(open_dm(user) for user in users))
            dm_seconds = time.perf_counter() - began
            emu.global_limit = limit
            dm_open_429 = len(emu.rate_limited())
            await asyncio.sleep(1.0)  # a fresh global window for the measured phase
            emu.clear_calls()

            # Measured: deliver the outbox while a few 429s are forced along the way.
            forced = 0

            async def force_429s() -> None:
                nonlocal forced
                for k in range(1, FORCED_429 + 1):
                    target = k * n // (FORCED_429 + 1)
                    await emu.wait_until_async(
                        lambda t=target: len(emu.delivered()) >= t or None, timeout=600
                    )
                    emu.queue_error(
                        "POST",
                        "/channels/{id}/messages",
                        status=429,
                        retry_after=0.25,
                        is_global=k == FORCED_429,
                    )
                    forced += 1

            forcing = asyncio.create_task(force_429s())
            passes = 0
            surfaced = 0
            began = time.perf_counter()
            while True:
                passes += 1
                reports = await dispatcher.deliver()
                surfaced += reports["discord"].rate_limited
                with db() as uow:
                    pending = uow.outbox.pending_count()
                if pending == 0 or time.perf_counter() - began > 900:
                    break
                await asyncio.sleep(0.2)  # a rate limit that reached the outbox: wait it out
            seconds = time.perf_counter() - began
            forcing.cancel()
        finally:
            await adapter.stop()

        calls = emu.calls("POST", "/channels/{id}/messages")
        per_channel = Counter(m.channel_id for m in emu.delivered())
        expected = {emu.dm_channel_id(user) for user in users}
        lost = sum(1 for channel in expected if per_channel[channel] == 0)
        duplicates = sum(count - 1 for count in per_channel.values() if count > 1)
        strays = sum(count for channel, count in per_channel.items() if channel not in expected)
        limited = len(emu.rate_limited())  # every 429 of the measured phase, any route
        dm_opens_in_measure = len(emu.calls("POST", "/users/@me/channels"))
    achieved = (n - lost) / seconds
    return {
        "n": n,
        "achieved_per_s": round(achieved, 2),
        "allowed_per_s": float(limit),
        "ratio": round(achieved / limit, 3),
        "lost": lost + strays,
        "duplicates": duplicates,
        "rate_limited": limited,
        "forced_429": forced,
        "natural_429": limited - forced,
        "rate_limited_to_outbox": surfaced,
        "seconds": round(seconds, 2),
        "delivery_passes": passes,
        "pending_after": pending,
        "requests_in_measured_phase": len(calls) + dm_opens_in_measure,
        "dm_open_per_s": round(n / dm_seconds, 2),
        "dm_open_limit_per_s": float(DM_OPEN_LIMIT),
        "dm_open_seconds": round(dm_seconds, 2),
        "dm_open_429": dm_open_429,
        "note": (
            f"emulator global limit {limit} req/s counting DM opens (POST /users/@me/channels) "
            f"as Discord does; the {n:,} DM channels were opened through the real client before "
            "the measured phase (not timed, and with the emulator's limit raised to "
            f"{DM_OPEN_LIMIT}/s only to keep the run short; a running bot knows the DMs of "
            "members who wrote to it or whom it messaged before, also after a restart: the ids "
            "are stored in the database and loaded at start), so each check-in is one request "
            "and the allowed message rate is the global limit; members the bot has never "
            "messaged need two requests per check-in (open the DM, then send), which allows "
            f"{limit / 2:g} check-ins/s. "
            f"{forced} 429s forced during delivery (the last global, retry_after 0.25 s); the "
            f"gateway's cap is {limit} requests per 1.05 s (5% slack for arrival jitter), so "
            f"the most it can reach is {limit / 1.05:.1f}/s."
        ),
    }


def run(n: int = 10_000, limit: int = 50) -> dict[str, Any]:
    """Seed `n` due check-ins, open the DMs, deliver them at `limit` requests/s; the figures."""
    with tempfile.TemporaryDirectory(prefix="askcoach-burst-") as directory:
        db, dispatch_seconds = _seed(Path(directory, "burst.db"), n)
        try:
            result = asyncio.run(_burst(db, n, limit))
        finally:
            db.dispose()
    result["dispatch_seconds"] = round(dispatch_seconds, 2)
    return result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--limit", type=int, default=50, help="global requests/s (default 50)")
    args = parser.parse_args(argv)
    result = run(args.n, args.limit)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
