"""Clocks: the system clock for production, a movable one for the console and tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    def now(self) -> datetime:
        """The real current instant, UTC."""
        return datetime.now(UTC)


class SimulatedClock:
    """A clock that only moves when told to (console `:advance`, transcript tests)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the simulated clock needs a timezone-aware start")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        """The simulated current instant, UTC."""
        return self._now

    def set(self, instant: datetime) -> None:
        """Move to `instant`; time never goes backwards."""
        self._now = max(self._now, instant.astimezone(UTC))

    def advance(self, delta: timedelta) -> None:
        """Move forward by `delta`."""
        self.set(self._now + delta)
