"""Inbound messages handled per second through the whole core on SQLite, against the raw rate
of single-row commits through the stdlib sqlite3 module with the same durability settings
(WAL, synchronous=FULL), on the same file system, in the same run.

Each message goes through `Coach.handle`: the event id is logged (deduplication), the member
and community are looked up, the text is assessed, the conversation state, data and replies are
written in one transaction, and the replies go into the outbox. The raw figure is the ceiling
for anything that commits once per message durably on this disk; `ratio` is how close the core
comes to it (target: at least 0.25).

python -m benchmarks.bench_inbound [--messages N] [--profile]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from askcoach import bootstrap
from bot.clock import SimulatedClock
from bot.conversation import CoachSettings
from bot.messages import InboundMessage, Sender
from storage import Database

# What members actually send in a day: plans (specific, vague, passive), answers to the coach's
# questions, buttons, and chat words.
MESSAGES = (
    "Ask Maria Lopez to introduce me to the head of talent at Medtronic",
    "reach out to Kevin",
    "for a referral to the data team at Target",
    "Go to the Tech Tuesday mixer tonight",
    "Priya from my old team",
    "stats",
    "Ask Jen Park for feedback on my cover letter by Friday",
    "gave Sam an intro to my old manager",
    "networking more this week",
    "coffee with Dave",
    "to ask him who he knows at Best Buy",
    "targets",
    "target add General Mills",
    "know 3M",
    "Email Tom Nguyen and ask for a referral for the product manager role at Cargill",
    "help",
    "skip",
    "time 08:30",
    "Ask my former manager Lisa Chen to review my resume",
    "days mon-fri",
)
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday


def _senders(count: int) -> list[Sender]:
    return [
        Sender("slack", "T-bench", f"U{n:04d}", f"Member {n}", timezone="America/Chicago")
        for n in range(count)
    ]


class _StatementCounter:
    """Counts the SQL statements the sqlite3 driver runs (`set_trace_callback`), whether they
    came through SQLAlchemy's `Connection.execute` or straight from the DBAPI cursor
    (storage/direct.py). `BEGIN IMMEDIATE` is counted; the `COMMIT` is counted apart."""

    def __init__(self) -> None:
        self.count = 0
        self.commits = 0
        self.enabled = False

    def __call__(self, statement: str) -> None:
        if self.enabled:
            if statement == "COMMIT":
                self.commits += 1
            else:
                self.count += 1

    def attach(self, dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(self)


def core_rate(directory: Path, messages: int, members: int) -> dict[str, float]:
    """Handle `messages` inbound messages from `members` members through `Coach.handle`."""
    db = Database(f"sqlite:///{directory / 'core.db'}")
    counter = _StatementCounter()
    # At the driver: a SQLAlchemy cursor-execute listener would see only part of the
    # statements (and would route storage/direct.py's through SQLAlchemy).
    event.listen(db.engine, "connect", counter.attach)
    db.upgrade()
    clock = SimulatedClock(START)
    settings = CoachSettings(default_timezone="America/Chicago")
    coach = bootstrap.wire(db, clock, settings=settings, charts=False).coach
    senders = _senders(members)
    for n, sender in enumerate(senders):  # onboarding is not what we measure
        coach.handle(InboundMessage(sender, "hi", event_id=f"onboard-{n}"))
        coach.handle(InboundMessage(sender, "ok", event_id=f"ok-{n}"))
    latencies: list[float] = []
    counter.enabled = True
    started = time.perf_counter()
    for i in range(messages):
        sender = senders[i % members]
        text = MESSAGES[(i // members + i) % len(MESSAGES)]
        clock.advance(timedelta(seconds=2))
        t0 = time.perf_counter()
        coach.handle(InboundMessage(sender, text, event_id=f"ev-{i}"))
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    counter.enabled = False
    db.dispose()
    latencies.sort()
    return {
        "handled_per_s": messages / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "statements_per_message": counter.count / messages,
        "commits_per_message": counter.commits / messages,
    }


def raw_rate(directory: Path, commits: int) -> float:
    """Single-row INSERT + COMMIT through sqlite3 with WAL and synchronous=FULL."""
    conn = sqlite3.connect(directory / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL, body TEXT NOT NULL)")
    body = "x" * 200
    started = time.perf_counter()
    for i in range(commits):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (at, body) VALUES (?, ?)", (str(i), body))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return commits / elapsed


def run(messages: int = 1500, members: int = 25) -> dict[str, float]:
    """Both rates, measured in the same temporary directory (same file system)."""
    with tempfile.TemporaryDirectory(prefix="askcoach-bench-", dir=Path.cwd()) as tmp:
        directory = Path(tmp)
        raw_before = raw_rate(directory, max(500, messages))
        core = core_rate(directory, messages, members)
        (directory / "raw.db").unlink()
        for suffix in ("-wal", "-shm"):
            (directory / f"raw.db{suffix}").unlink(missing_ok=True)
        raw_after = raw_rate(directory, max(500, messages))
    raw = (raw_before + raw_after) / 2  # the disk's rate drifts; take it on both sides
    return core | {"raw_commits_per_s": raw, "ratio": core["handled_per_s"] / raw}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1500)
    parser.add_argument("--members", type=int, default=25)
    parser.add_argument("--profile", action="store_true", help="cProfile the core's part")
    args = parser.parse_args()
    if args.profile:
        import cProfile
        import pstats

        with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
            profiler = cProfile.Profile()
            profiler.enable()
            core_rate(Path(tmp), args.messages, args.members)
            profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return
    result = run(args.messages, args.members)
    print(
        f"core: {result['handled_per_s']:.0f} messages/s (p50 {result['p50_ms']:.2f} ms, "
        f"p99 {result['p99_ms']:.2f} ms, {result['statements_per_message']:.1f} statements "
        f"each); raw sqlite3 commits: {result['raw_commits_per_s']:.0f}/s; "
        f"ratio {result['ratio']:.2f} (target >= 0.25)"
    )


if __name__ == "__main__":
    main()
