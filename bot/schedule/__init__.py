"""Schedule arithmetic: local wall-clock times to UTC instants, DST-correct."""

from bot.schedule.local_time import (
    format_days,
    local_now,
    next_occurrence,
    parse_days,
    parse_duration,
    parse_time,
    resolve_local,
    timezone_or_none,
)

__all__ = [
    "format_days",
    "local_now",
    "next_occurrence",
    "parse_days",
    "parse_duration",
    "parse_time",
    "resolve_local",
    "timezone_or_none",
]
