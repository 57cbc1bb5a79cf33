"""The burst benchmarks, one per platform: 10,000 check-ins through each emulator limited to a
fixed rate with 429s (see bench_burst_slack.py and bench_burst_discord.py)."""

from __future__ import annotations

from typing import Any


def run_slack() -> dict[str, Any]:
    from benchmarks.bench_burst_slack import run

    return dict(run())


def run_discord() -> dict[str, Any]:
    from benchmarks.bench_burst_discord import run

    return dict(run())
