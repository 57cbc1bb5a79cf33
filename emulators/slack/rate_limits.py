"""Slack's per-method (per workspace) and per-channel rate limits: a token bucket per key, and
the 429 ``ratelimited`` answer with an integer ``Retry-After``."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from emulators.slack.defaults import JsonDict
from emulators.slack.state import SlackState


@dataclass
class _Bucket:
    rate: float
    burst: float
    tokens: float
    updated: float

    def wait_time(self, now: float) -> float:
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / self.rate


class SlackRateLimits:
    """The limits a test set and their buckets. Reads the state's DMs (a user id as
    ``channel`` is limited as the DM channel it means); called under the state's lock."""

    def __init__(self, state: SlackState, *, retry_after: int | None) -> None:
        self.state = state
        #: Overrides the computed ``Retry-After`` of 429 answers (Slack sends integers >= 1).
        self.retry_after: int | None = retry_after
        self._method_limits: dict[str, tuple[float, float]] = {}
        self._channel_limit: tuple[float, float, frozenset[str]] | None = None
        self._buckets: dict[tuple[str, ...], _Bucket] = {}

    def rate_limit(
        self, method: str, *, per_second: float | None, burst: float | None = None
    ) -> None:
        """Allow ``per_second`` calls of ``method`` per workspace (token bucket of size ``burst``,
        default ``max(1, per_second)``); ``per_second=None`` removes the limit."""
        with self.state.lock:
            self._method_limits.pop(method, None)
            for key in [k for k in self._buckets if k[0] == "method" and k[2] == method]:
                del self._buckets[key]
            if per_second is not None:
                self._method_limits[method] = (per_second, burst or max(1.0, per_second))

    def channel_rate_limit(
        self,
        per_second: float | None = 1.0,
        *,
        burst: float = 1.0,
        methods: tuple[str, ...] = ("chat.postMessage",),
    ) -> None:
        """Allow ``per_second`` messages per channel (Slack: about 1/s); ``None`` disables."""
        with self.state.lock:
            for key in [k for k in self._buckets if k[0] == "channel"]:
                del self._buckets[key]
            self._channel_limit = (
                None if per_second is None else (per_second, burst, frozenset(methods))
            )

    def default_retry_after(self) -> str:
        """``Retry-After`` of a 429 a test queued without one."""
        return str(self.retry_after if self.retry_after is not None else 1)

    def over_limit(
        self, method: str, params: JsonDict, team_id: str | None
    ) -> tuple[int, JsonDict, dict[str, str]] | None:
        """Slack's 429 for this call when it is over a limit; else None (and the call's token
        is taken from each bucket it counts against)."""
        wait = self._wait(method, params, team_id)
        if wait <= 0:
            return None
        retry = self.retry_after if self.retry_after is not None else max(1, math.ceil(wait))
        return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry)}

    def _wait(self, method: str, params: JsonDict, team_id: str | None) -> float:
        """Seconds until the call is allowed (0 = allowed, and its token is consumed)."""
        now = time.monotonic()
        buckets: list[_Bucket] = []
        team = team_id or "-"
        if method in self._method_limits:
            rate, burst = self._method_limits[method]
            key = ("method", team, method)
            buckets.append(self._buckets.setdefault(key, _Bucket(rate, burst, burst, now)))
        channel = params.get("channel")
        if isinstance(channel, str) and channel[:1] in ("U", "W") and team_id:
            channel = self.state.dms.get((team_id, channel), channel)
        if self._channel_limit is not None and method in self._channel_limit[2] and channel:
            rate, burst, _ = self._channel_limit
            key = ("channel", team, str(channel))
            buckets.append(self._buckets.setdefault(key, _Bucket(rate, burst, burst, now)))
        wait = max((b.wait_time(now) for b in buckets), default=0.0)
        if wait == 0.0:
            for b in buckets:
                b.tokens -= 1.0
        return wait
