"""Local times, days and durations, parsed strictly and turned into UTC with zoneinfo.

Rules (DESIGN.md): a local time that does not exist (spring forward) is asked at the first
minute after the gap; an ambiguous one (fall back) is asked once, at its first occurrence.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Numbers are ASCII digits only: `\d` would also take other scripts' digits, and int() can't
# read every character str.isdigit() accepts (superscripts like "²").
# "9", "8:30am", "17:45", and the 24-hour "0745" / "1930".
_TIME = re.compile(r"^\s*([0-9]{1,2})(?::?([0-9]{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)
_DURATION = re.compile(r"^\s*([0-9]{1,6})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)\s*$")
_TZ_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$")


def timezone_or_none(name: str) -> ZoneInfo | None:
    """The IANA zone called `name`, or None when there is no such zone."""
    name = name.strip()
    if not name or len(name) > 64 or not _TZ_NAME.match(name):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def parse_time(text: str) -> time | None:
    """'09:00', '9', '8:30am', '17:45', '0745' -> time; None for anything else (e.g. '25:99')."""
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_days(text: str) -> frozenset[int] | None:
    """'mon-fri', 'daily', 'weekdays', 'mon,wed,fri' -> weekday numbers (Monday is 0)."""
    words = text.strip().lower()
    if words in ("daily", "every day", "everyday", "all"):
        return frozenset(range(7))
    if words in ("weekdays", "workdays"):
        return frozenset(range(5))
    days: set[int] = set()
    for part in re.split(r"\s*,\s*|\s+", words):
        if not part:
            continue
        if "-" in part:
            start, _, end = part.partition("-")
            first, last = day_number(start), day_number(end)
            if first is None or last is None:
                return None
            day = first
            days.add(day)
            while day != last:
                day = (day + 1) % 7
                days.add(day)
        else:
            number = day_number(part)
            if number is None:
                return None
            days.add(number)
    return frozenset(days) or None


def day_number(word: str) -> int | None:
    """'mon', 'monday', 'thursdays' (lower case) -> 0..6, Monday 0; None for anything else."""
    word = word.strip()[:3]
    return _DAY_NAMES.index(word) if word in _DAY_NAMES else None


def format_days(days: frozenset[int]) -> str:
    """Weekday numbers back to words: 'mon-fri', 'daily', 'mon,wed,fri'."""
    if days == frozenset(range(7)):
        return "daily"
    if days == frozenset(range(5)):
        return "mon-fri"
    return ",".join(_DAY_NAMES[d] for d in sorted(days))


def parse_duration(text: str) -> timedelta | None:
    """'90m', '1d', '2h', '1w' -> timedelta; None if not understood."""
    match = _DURATION.match(text.lower())
    if not match:
        return None
    amount, unit = int(match.group(1)), match.group(2)[0]
    return {
        "m": timedelta(minutes=amount),
        "h": timedelta(hours=amount),
        "d": timedelta(days=amount),
        "w": timedelta(weeks=amount),
    }[unit]


def local_now(instant: datetime, zone: ZoneInfo) -> datetime:
    """The wall-clock time in `zone` at a UTC instant."""
    return instant.astimezone(zone)


def resolve_local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant for a wall-clock time: skipped times move to the end of the gap,
    repeated times resolve to their first occurrence."""
    wall = datetime.combine(day, at).replace(tzinfo=zone, fold=0)
    if _exists(wall, zone):
        return wall.astimezone(UTC)
    # Spring forward: walk minute by minute to the first wall time that exists.
    probe = wall.replace(tzinfo=None)
    for _ in range(24 * 60):
        probe += timedelta(minutes=1)
        candidate = probe.replace(tzinfo=zone, fold=0)
        if _exists(candidate, zone):
            return candidate.astimezone(UTC)
    raise ValueError(f"no valid local time after {wall!r}")  # pragma: no cover


def _exists(wall: datetime, zone: ZoneInfo) -> bool:
    back = wall.astimezone(UTC).astimezone(zone)
    return back.replace(tzinfo=None) == wall.replace(tzinfo=None)


def next_occurrence(
    after: datetime, zone: ZoneInfo, at: time, days: frozenset[int]
) -> datetime | None:
    """The first UTC instant strictly after `after` at local time `at` on one of `days`."""
    if not days:
        return None
    start = after.astimezone(zone).date()
    for offset in range(0, 15):
        day = start + timedelta(days=offset)
        if day.weekday() not in days:
            continue
        instant = resolve_local(day, at, zone)
        if instant > after:
            return instant
    return None  # pragma: no cover - 15 days always contain one of `days`
