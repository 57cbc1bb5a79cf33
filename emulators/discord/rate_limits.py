"""Discord's REST rate limits: a global limit per bot and per-route buckets keyed by route and
top-level resource, with Discord's ``X-RateLimit-*`` headers and its 429 answer."""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from emulators.discord.records import RouteLimit

JSON = dict[str, Any]


@dataclass(frozen=True)
class RateLimited:
    """A request over a limit: how long to wait, whether the global limit said so, headers."""

    retry_after: float
    is_global: bool
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def forced(cls, retry_after: float, is_global: bool) -> RateLimited:
        """A 429 a test queued: the scope headers only, as Discord sends them."""
        headers = {"X-RateLimit-Scope": "global" if is_global else "user"}
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        return cls(retry_after, is_global, headers)

    def answer(self) -> tuple[int, JSON, dict[str, str]]:
        """Discord's 429: status, body and headers (``Retry-After`` in whole seconds)."""
        body: JSON = {
            "message": "You are being rate limited.",
            "retry_after": round(self.retry_after, 3),
            "global": self.is_global,
        }
        retry = str(max(1, math.ceil(self.retry_after)))
        return 429, body, {**self.headers, "Retry-After": retry}


@dataclass
class _Bucket:
    reset_at: float = 0.0  # monotonic
    count: int = 0


class RestRateLimits:
    """The counters behind the limits. ``global_limit`` requests per ``global_window`` seconds
    (None: no global limit; interaction routes are exempt), and ``route_limits`` by
    (method, route template). Not thread-safe: the emulator calls it under its lock."""

    DEFAULT_ROUTE_LIMITS: Mapping[tuple[str, str], RouteLimit] = {
        ("POST", "/channels/{channel_id}/messages"): RouteLimit(5, 5.0),
    }

    def __init__(
        self,
        global_limit: int | None,
        global_window: float,
        route_limits: Mapping[tuple[str, str], RouteLimit] | None,
    ) -> None:
        self.global_limit = global_limit
        self.global_window = global_window
        self.route_limits: dict[tuple[str, str], RouteLimit] = dict(
            self.DEFAULT_ROUTE_LIMITS if route_limits is None else route_limits
        )
        self._window_start = 0.0
        self._count = 0
        self._buckets: dict[str, _Bucket] = {}

    def take(
        self, method: str, template: str, resource: str, *, global_limited: bool
    ) -> tuple[dict[str, str], RateLimited | None]:
        """Count one request to ``template`` for the top-level ``resource`` (a channel, a
        guild; "" for none): the headers of a normal answer, or the 429 to send instead."""
        now = time.monotonic()
        if global_limited and self.global_limit is not None:
            if now - self._window_start >= self.global_window:
                self._window_start = now
                self._count = 0
            if self._count >= self.global_limit:
                retry = max(0.001, self._window_start + self.global_window - now)
                return {}, RateLimited.forced(retry, is_global=True)
            self._count += 1
        limit = self.route_limits.get((method, template))
        if limit is None:
            return {}, None
        bucket_hash = hashlib.sha1(f"{method} {template}".encode()).hexdigest()[:32]
        bucket = self._buckets.setdefault(f"{bucket_hash}:{resource}", _Bucket())
        if now >= bucket.reset_at:
            bucket.reset_at = now + limit.per
            bucket.count = 0
        reset_after = max(0.0, bucket.reset_at - now)
        headers = {
            "X-RateLimit-Limit": str(limit.limit),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": bucket_hash,
        }
        if bucket.count >= limit.limit:
            headers |= {"X-RateLimit-Remaining": "0", "X-RateLimit-Scope": "user"}
            return {}, RateLimited(max(0.001, reset_after), False, headers)
        bucket.count += 1
        headers["X-RateLimit-Remaining"] = str(limit.limit - bucket.count)
        return headers, None
