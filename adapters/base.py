"""What every platform adapter shares: the shapes the runtime asks of it, and its errors.

An adapter depends on the core (`bot/`, its door `bot.inbox.Inbox`) and on this module only;
the composition root (`askcoach/`) builds each one from its own small config and runs it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from aiohttp import web
from sqlalchemy import Engine

from bot.ports import ChatGateway, UnitOfWork


class SettingsError(ValueError):
    """A configuration value is missing or malformed; the message says which and why."""


class Storage(Protocol):
    """The database as an adapter sees it: units of work for the core's records, and the
    SQLAlchemy engine for a platform library's own tables (slack_sdk's installation store)."""

    def __call__(self) -> UnitOfWork: ...

    @property
    def engine(self) -> Engine: ...


@dataclass(frozen=True)
class PeriodicJob:
    """A job an adapter asks the runtime to run every `seconds` (e.g. Slack enrolment sync)."""

    name: str
    seconds: float
    run: Callable[[], Awaitable[object]]


class PlatformAdapter(Protocol):
    """What an adapter gives the runtime: a door for outgoing messages and a lifecycle."""

    name: str

    @property
    def gateway(self) -> ChatGateway:
        """The door the outbox sends this platform's messages through."""
        ...

    def routes(self) -> list[web.RouteDef]:
        """HTTP routes to mount on the shared server (none for gateway-only platforms)."""
        ...

    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    def connected(self) -> bool: ...


@runtime_checkable
class HasPeriodicJobs(Protocol):
    """An adapter with periodic work of its own (Slack: the enrolment sync)."""

    def periodic_jobs(self) -> list[PeriodicJob]: ...


@runtime_checkable
class Sharded(Protocol):
    """An adapter that runs one shard of its platform's gateway (Discord): only the shard
    that `sends_outbox` (shard 0) delivers the platform's outbox; /healthz names the shard."""

    shard_count: int
    sends_outbox: bool

    @property
    def shard(self) -> str:
        """E.g. `shard 1/4`."""
        ...


def sends_outbox(adapter: PlatformAdapter) -> bool:
    """Whether this process delivers the adapter's platform outbox (every unsharded one does)."""
    return adapter.sends_outbox if isinstance(adapter, Sharded) else True


def health_label(adapter: PlatformAdapter) -> str | None:
    """What /healthz adds after `connected`: the shard, when the gateway is sharded."""
    if isinstance(adapter, Sharded) and adapter.shard_count > 1:
        return adapter.shard
    return None
