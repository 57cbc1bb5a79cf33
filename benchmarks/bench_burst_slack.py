"""10,000 check-ins to one Slack workspace, delivered under Slack's rate limit.

`python -m benchmarks.bench_burst_slack` prints
{"achieved_per_s": …, "allowed_per_s": …, "ratio": …, "lost": …, "duplicates": …,
 "rate_limited": …, "seconds": …, …}.

Set-up (not measured): 10,000 members of one workspace, each due a morning check-in; the real
dispatcher (the Coach's wording, idempotency keys) queues them in the outbox of a fresh SQLite
database. The Slack emulator allows `ALLOWED` chat.postMessage per second per workspace (token
bucket, burst `BURST`) and one message per second per channel, answering 429 + Retry-After
beyond that — like Slack. The gateway's own workspace budget starts `OVERSHOOT` times above
what the emulator allows, so it meets real 429s and has to settle under the limit by itself.

Measured: `Dispatcher.deliver()` through the real `SlackGateway` until the outbox is empty.
`achieved_per_s` is messages delivered over the whole delivery phase (first claim to last
send); `allowed_per_s` the emulator's rate, so their ratio is the share of Slack's budget used
(the target is ≥ 0.9). `lost` / `duplicates` compare the emulator's successful calls with the
members, by channel and text; `rate_limited` counts the 429 answers; `channel_max_per_s` is the
most messages any one channel got within a second (Slack: about 1).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = 100.0  # chat.postMessage per second per workspace, in the emulator
BURST = 10.0
OVERSHOOT = 1.25  # the gateway's configured workspace rate / the emulator's


async def _deliver_all(dispatcher: Any, db: Any, deadline: float) -> None:
    """Deliver until the outbox is empty: what the tick's delivery does, back to back."""
    while time.monotonic() < deadline:
        reports = await dispatcher.deliver()
        if reports["slack"].sent == 0:
            with db() as uow:
                if uow.outbox.pending_count() == 0:
                    return
            await asyncio.sleep(0.01)  # everything left waits for a Retry-After


def run(n: int = 10_000, allowed: float = ALLOWED, overshoot: float = OVERSHOOT) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from datetime import UTC, datetime, timedelta

    import aiohttp

    from adapters.slack.gateway import Limits, SingleWorkspaceToken, SlackGateway
    from askcoach import bootstrap
    from benchmarks.support.seeding import seed_members
    from bot.clock import SystemClock
    from emulators.slack import DEFAULT_BOT_TOKEN, DEFAULT_TEAM_ID, SlackEmulator
    from storage import Database

    with tempfile.TemporaryDirectory(prefix="askcoach-bench-") as directory, SlackEmulator() as emu:
        db = Database(f"sqlite:///{Path(directory, 'bench.db')}")
        db.upgrade()
        clock = SystemClock()
        ids = seed_members(db, n, datetime.now(UTC) - timedelta(seconds=5), platform="slack")
        users = [f"U{i:07d}" for i in ids]
        for user in users:
            emu.add_user(DEFAULT_TEAM_ID, user, tz="UTC")
        queued = bootstrap.wire(db, clock, charts=False).dispatcher.dispatch_due().queued
        assert queued == n, f"queued {queued} of {n}"

        emu.rate_limit("chat.postMessage", per_second=allowed, burst=BURST)
        emu.channel_rate_limit(1.0, burst=1.0)
        limits = Limits(team_per_second=allowed * overshoot, team_burst=BURST * 2)
        gateway = SlackGateway(
            db, SingleWorkspaceToken(DEFAULT_BOT_TOKEN), api_url=emu.base_url, limits=limits
        )
        sender = bootstrap.wire(
            db, clock, charts=False, gateways={"slack": gateway}, dispatch=False
        ).dispatcher

        async def deliver() -> float:
            gateway.session = aiohttp.ClientSession()
            try:
                began = time.monotonic()
                await _deliver_all(sender, db, began + 170)
                return time.monotonic() - began
            finally:
                await gateway.close()

        seconds = asyncio.run(deliver())
        with db() as uow:
            pending = uow.outbox.pending_count()
        db.dispose()

        members = set(users)
        delivered = [c for c in emu.delivered() if c.params.get("channel") in members]
        by_message = Counter((str(c.params["channel"]), str(c.params["text"])) for c in delivered)
        per_channel = Counter(str(c.params["channel"]) for c in delivered)
        times = sorted(c.time for c in delivered)
        busiest = max(
            (sum(1 for t in times[i : i + int(allowed * 3)] if t - t0 < 1.0))
            for i, t0 in enumerate(times)
        )
        by_channel: dict[str, list[float]] = {}
        for call in delivered:
            by_channel.setdefault(str(call.params["channel"]), []).append(call.time)
        channel_max = max(
            max(sum(1 for t in ts if 0 <= t - t0 < 1.0) for t0 in ts) for ts in by_channel.values()
        )
        achieved = len(delivered) / seconds
        return {
            "achieved_per_s": round(achieved, 1),
            "allowed_per_s": allowed,
            "ratio": round(achieved / allowed, 3),
            "lost": len(members - set(per_channel)),
            "left_in_outbox": pending,
            "duplicates": sum(count - 1 for count in per_channel.values()),
            "distinct_texts": len(by_message),
            "rate_limited": len(emu.rate_limited("chat.postMessage")),
            "rate_limited_at_s": [
                round(c.time - times[0], 1) for c in emu.rate_limited("chat.postMessage")
            ],
            "seconds": round(seconds, 2),
            "messages": len(delivered),
            "busiest_second": busiest,
            "channel_max_per_s": channel_max,
            "gateway_rate_start": limits.team_per_second,
            "gateway_rate_end": round(min(b.rate for b in gateway._team_buckets.values()), 1),
        }


def main() -> dict[str, Any]:
    result = run()
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
