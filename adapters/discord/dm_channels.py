"""Which DM channel the bot has with each member: in memory, and durable in the database.

Messaging a member on Discord needs the id of the bot's DM channel with them; opening it
(`POST /users/@me/channels`) is a request counted against the bot's global limit. The ids live
in an LRU in memory (at most DM_CHANNEL_CACHE) and in the `discord_dm_channels` table, so a
restarted bot does not reopen every member's DM: the first check-in after a deploy is one
request, not two.

- Writes never hold up a delivery: a new or changed id is queued and written by a background
  task off the event loop (`asyncio.to_thread`), many ids per transaction in a burst. A failed
  write is logged and dropped: a lost id costs one DM open after the next restart, no more.
- `load()` (the sending process, at start) fills the memory with the most recently learned ids.
  While memory holds every stored id, a miss means the id is not stored; once there are more
  members than the bound, a miss looks in the database before the DM is opened.
- An id read from the database is not trusted until Discord takes a message in it (see
  `unchecked`): if Discord refuses it, the gateway drops it (`forget`) and reopens the DM once.
- `forget_strangers()` (hourly) deletes the rows of users who are no longer members of any
  Discord community (e.g. after `forget`), so the table keeps nothing about them.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Mapping
from typing import Protocol

log = logging.getLogger("askcoach.discord")

DM_CHANNEL_CACHE = 50_000


class DmChannelStore(Protocol):
    """Where the ids last (the `discord_dm_channels` table, wired by the runtime). Each call is
    one transaction; DmChannels makes them in a worker thread."""

    def recent(self, limit: int) -> list[tuple[int, int]]:
        """Up to `limit` (user id, channel id) pairs, the most recently learned first."""
        ...

    def find(self, user_id: int) -> int | None: ...

    def store(self, to_save: Mapping[int, int], to_drop: Mapping[int, int]) -> None:
        """Drop the stale ids `to_drop` (user id -> channel id), then save `to_save`."""
        ...

    def forget_strangers(self) -> list[int]:
        """Delete the ids of users no longer in any Discord community; their user ids."""
        ...


class DmChannels:
    """DM channel ids by Discord user id: a bounded LRU, written through to `store` (if any)."""

    def __init__(self, store: DmChannelStore | None = None, bound: int | None = None) -> None:
        self.store = store
        self.bound = bound or DM_CHANNEL_CACHE
        self._ids: OrderedDict[int, int] = OrderedDict()
        self._unchecked: set[int] = set()  # read from the database, not yet used in this process
        self._complete = False  # memory holds every stored id: a miss need not ask the database
        self._to_save: dict[int, int] = {}
        self._to_drop: dict[int, int] = {}  # user id -> the stale channel id to delete
        self._writer: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return len(self._ids)

    # ---- memory -----------------------------------------------------------------------------

    def get(self, user_id: int) -> int | None:
        """The channel id in memory (marked as just used), or None."""
        channel_id = self._ids.get(user_id)
        if channel_id is not None:
            self._ids.move_to_end(user_id)
        return channel_id

    def unchecked(self, user_id: int) -> bool:
        """Whether the id came from the database and Discord has not taken a message in it
        since this process started (it may be stale)."""
        return user_id in self._unchecked

    def accepted(self, user_id: int) -> None:
        """Discord took a message in the member's channel: the id is good."""
        self._unchecked.discard(user_id)

    def remember(self, user_id: int, channel_id: int) -> None:
        """An id Discord gave us (an incoming DM, or a DM open): keep it, and store it if it is
        new or changed."""
        known = self._ids.get(user_id)
        self._keep(user_id, channel_id)
        self._unchecked.discard(user_id)
        if known != channel_id:
            self._queue(user_id, channel_id, save=True)

    def forget(self, user_id: int, channel_id: int) -> None:
        """Discord refused this channel id: drop it from memory and from the table."""
        if self._ids.get(user_id) == channel_id:
            del self._ids[user_id]
        self._unchecked.discard(user_id)
        self._queue(user_id, channel_id, save=False)

    def _keep(self, user_id: int, channel_id: int) -> None:
        self._ids[user_id] = channel_id
        self._ids.move_to_end(user_id)
        while len(self._ids) > self.bound:
            evicted, _ = self._ids.popitem(last=False)
            self._unchecked.discard(evicted)
            self._complete = False  # the evicted id is only in the database now

    # ---- the database -----------------------------------------------------------------------

    async def load(self) -> int:
        """Fill memory with the most recently learned stored ids (at most the bound); return
        how many. A failure is logged: the ids are then looked up one by one."""
        if self.store is None:
            return 0
        try:
            rows = await asyncio.to_thread(self._read_recent, self.bound + 1)
        except Exception:
            log.warning("could not load the stored Discord DM channels", exc_info=True)
            return 0
        self._complete = len(rows) <= self.bound  # (an eviction below unsets it)
        loaded = 0
        for user_id, channel_id in reversed(rows[: self.bound]):  # oldest first: LRU order
            if user_id not in self._ids:  # an id learned meanwhile is newer
                self._keep(user_id, channel_id)
                self._unchecked.add(user_id)
                loaded += 1
        log.info("discord: %d stored DM channel(s) loaded", loaded)
        return loaded

    async def find(self, user_id: int) -> int | None:
        """The channel id from memory or, when memory may not hold every stored id, from the
        database (kept in memory, unchecked). None: the DM has to be opened."""
        channel_id = self.get(user_id)
        if channel_id is not None or self._complete or self.store is None:
            return channel_id
        try:
            channel_id = await asyncio.to_thread(self._read_one, user_id)
        except Exception:
            log.warning("could not look up a stored Discord DM channel", exc_info=True)
            return None
        if channel_id is not None and user_id not in self._ids:
            self._keep(user_id, channel_id)
            self._unchecked.add(user_id)
        return self._ids.get(user_id, channel_id)

    async def flush(self) -> None:
        """Wait until every queued write has been tried (stop, tests)."""
        while True:
            if self._writer is not None and not self._writer.done():
                await asyncio.shield(self._writer)
            elif self._to_save or self._to_drop:  # queued without a running loop
                self._writer = asyncio.get_running_loop().create_task(self._write())
            else:
                return

    async def forget_strangers(self) -> int:
        """Delete the stored ids of users the coach no longer has as a Discord member (and
        drop them from memory); return how many (the hourly job)."""
        if self.store is None:
            return 0
        gone = await asyncio.to_thread(self._delete_strangers)
        for user_id in gone:
            self._ids.pop(user_id, None)
            self._unchecked.discard(user_id)
        if gone:
            log.info("discord: %d DM channel(s) of people no longer members forgotten", len(gone))
        return len(gone)

    def _queue(self, user_id: int, channel_id: int, *, save: bool) -> None:
        if self.store is None:
            return
        if save:
            self._to_drop.pop(user_id, None)
            self._to_save[user_id] = channel_id
        else:
            self._to_save.pop(user_id, None)
            self._to_drop[user_id] = channel_id
        if self._writer is None or self._writer.done():
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # no loop (a synchronous caller): written by the next flush
                return
            self._writer = loop.create_task(self._write())

    async def _write(self) -> None:
        """Write what is queued, batch after batch, until nothing is left."""
        while self._to_save or self._to_drop:
            to_save, self._to_save = self._to_save, {}
            to_drop, self._to_drop = self._to_drop, {}
            try:
                await asyncio.to_thread(self._store, to_save, to_drop)
            except Exception:
                log.warning(
                    "could not store %d Discord DM channel change(s); they will be opened "
                    "again after a restart",
                    len(to_save) + len(to_drop),
                    exc_info=True,
                )

    # ---- in a worker thread -----------------------------------------------------------------

    def _read_recent(self, limit: int) -> list[tuple[int, int]]:
        assert self.store is not None
        return self.store.recent(limit)

    def _read_one(self, user_id: int) -> int | None:
        assert self.store is not None
        return self.store.find(user_id)

    def _store(self, to_save: dict[int, int], to_drop: dict[int, int]) -> None:
        assert self.store is not None
        self.store.store(to_save, to_drop)

    def _delete_strangers(self) -> list[int]:
        assert self.store is not None
        return self.store.forget_strangers()
