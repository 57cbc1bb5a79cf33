"""What both emulators' data has in common: one lock, the condition notified on every change a
test may wait for, and the waiting itself (blocking, or in an event loop)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

POLL_SECONDS = 0.05  # a wait looks again at least this often, notified or not


class GuardedState:
    """An emulator's data behind one lock (``lock``, reentrant) and its condition (``cond``).
    Whoever changes something a test may wait for notifies the condition (``notify``)."""

    def __init__(self, platform: str) -> None:
        self._platform = platform
        self.lock = threading.RLock()
        self.cond = threading.Condition(self.lock)

    def notify(self) -> None:
        """Wake the tests waiting for a change."""
        with self.cond:
            self.cond.notify_all()

    def wait_until(
        self, check: Callable[[], T | None], timeout: float = 5.0, what: str = "a condition"
    ) -> T:
        """Block until ``check()`` (run under the lock) returns something other than None or
        False; return it. ``what`` names it in the TimeoutError."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                value = check()
                if value is not None and value is not False:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._timed_out(what, timeout)
                self.cond.wait(min(remaining, POLL_SECONDS))

    def wait(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        """Block until ``predicate()`` holds (:meth:`wait_until` for a yes or no)."""
        self.wait_until(predicate, timeout, what)

    async def wait_until_async(
        self, check: Callable[[], T | None], timeout: float = 5.0, what: str = "a condition"
    ) -> T:
        """Like :meth:`wait_until` without blocking the running event loop."""
        deadline = time.monotonic() + timeout
        while True:
            with self.lock:
                value = check()
            if value is not None and value is not False:
                return value
            if time.monotonic() >= deadline:
                raise self._timed_out(what, timeout)
            await asyncio.sleep(0.01)

    def _timed_out(self, what: str, timeout: float) -> TimeoutError:
        return TimeoutError(
            f"{self._platform} emulator: timed out after {timeout}s waiting for {what}"
        )


def nth(items: Callable[[], Sequence[T]], count: int) -> Callable[[], T | None]:
    """A check for ``wait_until``: the ``count``-th of ``items()`` once there is one."""

    def check() -> T | None:
        found = items()
        return found[count - 1] if len(found) >= count else None

    return check


def at_least(items: Callable[[], list[T]], count: int) -> Callable[[], list[T] | None]:
    """A check for ``wait_until``: ``items()`` once there are ``count`` of them."""

    def check() -> list[T] | None:
        found = items()
        return found if len(found) >= count else None

    return check
