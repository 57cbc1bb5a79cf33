"""The real askcoach App (runtime, core, storage, Slack adapter) against the Slack emulator.

The App runs on its own asyncio loop in a thread, serving its aiohttp server on an ephemeral
port; tests talk to it with signed HTTP requests (aiohttp.ClientSession on that loop) or through
the emulator's Socket Mode, and read the emulator's recorded Web API calls and the database.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Coroutine
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
from sqlalchemy import select

from adapters.slack import SlackAdapter, SlackConfig
from askcoach.runtime import App
from askcoach.settings import Settings
from bot.clock import SimulatedClock
from bot.domain import Ask
from emulators.slack import (
    DEFAULT_BOT_TOKEN,
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_SIGNING_SECRET,
    DEFAULT_TEAM_ID,
    Call,
    SlackEmulator,
    form_request,
    interactive_form_body,
    json_request,
    message_event,
)
from storage import tables as t

T = TypeVar("T")


def slack_config(emu: SlackEmulator, **fields: Any) -> SlackConfig:
    """One workspace's bot token, over HTTP requests signed with the signing secret, against
    the emulator; `fields` change that."""
    single = SlackConfig(
        bot_token=DEFAULT_BOT_TOKEN, signing_secret=DEFAULT_SIGNING_SECRET, api_url=emu.base_url
    )
    return replace(single, **fields)


def slack_settings(
    emu: SlackEmulator, db_url: str, slack: SlackConfig | None = None, **overrides: Any
) -> Settings:
    base = Settings(database_url=db_url, tick_seconds=3600, slack=slack or slack_config(emu))
    return replace(base, **overrides)


def oauth_settings(emu: SlackEmulator, db_url: str, **fields: Any) -> Settings:
    """Multi-workspace install over OAuth (client id and secret, no bot token)."""
    oauth = slack_config(
        emu,
        bot_token=None,
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        **fields,
    )
    return slack_settings(emu, db_url, oauth)


@dataclass
class Response:
    status: int
    text: str
    headers: dict[str, str]


class Harness:
    """One running App; `call` runs a coroutine on its loop from the test thread."""

    def __init__(
        self,
        emu: SlackEmulator,
        settings: Settings,
        tmp_path: Path,
        clock: SimulatedClock | None = None,
    ) -> None:
        self.emu = emu
        self.settings = settings
        self.clock = clock
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="askcoach-app")
        self._thread.start()
        self.app = self.call(self._build())
        self.port = int(self.app._runner.addresses[0][1])  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{self.port}"
        self.session: aiohttp.ClientSession = self.call(self._session())

    async def _build(self) -> App:
        app = App(self.settings, port=0, clock=self.clock)
        await app.start()
        return app

    @staticmethod
    async def _session() -> aiohttp.ClientSession:
        return aiohttp.ClientSession()

    @property
    def adapter(self) -> SlackAdapter:
        (adapter,) = self.app.adapters
        assert isinstance(adapter, SlackAdapter)
        return adapter

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 60) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def __enter__(self) -> Harness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        async def shutdown() -> None:
            await self.session.close()
            await self.app.stop()
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)

        try:
            self.call(shutdown(), timeout=20)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)
            self.loop.close()

    # ----------------------------------------------------------------- HTTP

    def request(
        self, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
    ) -> Response:
        async def go() -> Response:
            async with self.session.request(
                method, self.url + path, data=body.encode(), headers=headers or {}
            ) as response:
                return Response(response.status, await response.text(), dict(response.headers))

        return self.call(go())

    def request_bytes(self, path: str, body: bytes, headers: dict[str, str]) -> Response:
        """POST raw bytes (any bytes, not necessarily UTF-8)."""

        async def go() -> Response:
            async with self.session.post(self.url + path, data=body, headers=headers) as response:
                return Response(response.status, await response.text(), dict(response.headers))

        return self.call(go())

    def post_event(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
        text, signed = json_request(body, DEFAULT_SIGNING_SECRET)
        return self.request("POST", "/slack/events", text, {**signed, **(headers or {})})

    def post_form(self, fields: dict[str, str]) -> Response:
        text, signed = form_request(fields, DEFAULT_SIGNING_SECRET)
        return self.request("POST", "/slack/events", text, signed)

    def post_interaction(self, payload: dict[str, Any]) -> Response:
        return self.post_form(interactive_form_body(payload))

    # ----------------------------------------------------------------- chat

    def dm(
        self,
        user: str,
        text: str,
        *,
        team: str = DEFAULT_TEAM_ID,
        wait: int = 1,
        event_id: str | None = None,
    ) -> list[Call]:
        """Send a DM and return the bot's `wait` next chat.postMessage calls."""
        before = len(self.emu.delivered())
        body = message_event(
            user_id=user,
            text=text,
            team_id=team,
            channel=self.emu.dm_channel(team, user),
            event_id=event_id,
        )
        assert self.post_event(body).status == 200
        return self.replies(before, wait)

    def replies(self, before: int, count: int, timeout: float = 10) -> list[Call]:
        if count == 0:
            return []
        calls = self.emu.wait_for_delivered("chat.postMessage", before + count, timeout)
        return calls[before : before + count]

    def onboard(self, user: str, *, team: str = DEFAULT_TEAM_ID) -> None:
        self.dm(user, "hi", team=team)
        self.dm(user, "ok", team=team)

    # ----------------------------------------------------------------- database

    def asks(self, user: str, team: str = DEFAULT_TEAM_ID) -> list[Ask]:
        with self.app.db() as uow:
            community = uow.communities.find("slack", team)
            if community is None or community.id is None:
                return []
            member = uow.members.find(community.id, user)
            if member is None or member.id is None:
                return []
            return uow.asks.for_member(member.id)

    def member_count(self) -> int:
        with self.app.db.engine.connect() as conn:
            return len(conn.execute(select(t.members.c.id)).all())


def texts(calls: list[Call]) -> list[str]:
    return [str(c.params.get("text", "")) for c in calls]


def blocks_of(call: Call) -> list[dict[str, Any]]:
    blocks = call.params.get("blocks")
    if isinstance(blocks, str):
        loaded: list[dict[str, Any]] = json.loads(blocks)
        return loaded
    return list(blocks or [])
