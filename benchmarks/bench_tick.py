"""One dispatch tick at 10,000 and at 1,000,000 members on SQLite (10,000 due in both).

`python -m benchmarks.bench_tick` prints
{"seconds_10k": …, "seconds_1m": …, "ratio": …, "peak_rss_mb_1m": …}.

The tick is the dispatch part of `Dispatcher.tick()`: claim the 10,000 due check-ins, word
them with the real Coach, write the outbox, plan the next ones. Each size is seeded into a
fresh SQLite file (bulk inserts into the schema `Database.upgrade()` made), then ticked in a
fresh process, so the peak RSS (`ru_maxrss`) is the tick's alone, not the seeding's or the
other size's. The ratio should stay under 2 (the tick's cost follows the due rows, not the
table size) and the peak RSS at 1,000,000 members under 300 MB.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

DUE = 10_000
ROOT = Path(__file__).resolve().parent.parent


def seed(path: Path, members: int, due: int = DUE) -> float:
    """A migrated SQLite file with `members` members, `due` of them due a minute ago and the
    rest due tomorrow; returns the seconds it took."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.support.seeding import seed_members
    from storage import Database

    began = time.perf_counter()
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    now = datetime.now(UTC)
    due = min(due, members)
    seed_members(db, due, due_at=now - timedelta(minutes=1))
    if members > due:
        seed_members(db, members - due, due_at=now + timedelta(days=1))
    db.dispose()
    return time.perf_counter() - began


def tick(path: Path) -> dict[str, Any]:
    """One dispatch tick on the seeded file, in this (fresh) process."""
    from askcoach import bootstrap
    from storage import Database

    db = Database(f"sqlite:///{path}")
    dispatcher = bootstrap.wire(db, charts=False).dispatcher
    began = time.perf_counter()
    report = dispatcher.dispatch_due()
    seconds = time.perf_counter() - began
    db.dispose()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "seconds": seconds,
        "claimed": report.claimed,
        "queued": report.queued,
        "peak_rss_mb": peak_kb / 1024,
    }


def run(members: int) -> dict[str, Any]:
    """Seed `members` members into a fresh database and time one tick in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="askcoach-bench-") as directory:
        path = Path(directory, "bench.db")
        seed_seconds = seed(path, members)
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_tick", "--tick", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    result["members"] = members
    result["seed_seconds"] = seed_seconds
    return result


def main() -> dict[str, float]:
    small = run(10_000)
    large = run(1_000_000)
    for result in (small, large):
        print(
            f"{result['members']:>9,} members: tick {result['seconds']:.2f}s for "
            f"{result['claimed']:,} due ({result['queued']:,} queued), "
            f"peak RSS {result['peak_rss_mb']:.0f} MB, seeded in {result['seed_seconds']:.1f}s",
            file=sys.stderr,
        )
    summary = {
        "seconds_10k": round(small["seconds"], 3),
        "seconds_1m": round(large["seconds"], 3),
        "ratio": round(large["seconds"] / small["seconds"], 3),
        "peak_rss_mb_1m": round(large["peak_rss_mb"], 1),
    }
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--tick":
        print(json.dumps(tick(Path(sys.argv[2]))))
    else:
        main()
