"""What the Discord emulator records and keeps: calls, messages, interactions, sessions."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import zlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from emulators.discord.protocol import (
    JSON,
    MESSAGE_FLAG_EPHEMERAL,
    PNG_SIGNATURE,
)


@dataclass(frozen=True)
class UploadedFile:
    """A file sent in a multipart request (``files[n]`` field)."""

    field: str
    filename: str
    content_type: str
    data: bytes

    @property
    def is_png(self) -> bool:
        return self.data.startswith(PNG_SIGNATURE)


@dataclass(frozen=True)
class Call:
    """One REST request and the emulator's answer."""

    method: str
    path: str  # path after the API prefix, e.g. /channels/123/messages
    route: str  # the route template, e.g. /channels/{channel_id}/messages ('' if unknown)
    params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: tuple[UploadedFile, ...]
    status: int
    response: Any
    at: float

    @property
    def authorization(self) -> str | None:
        return self.headers.get("Authorization")


@dataclass(frozen=True)
class Pings:
    """Who a message would actually notify, given its content and ``allowed_mentions``."""

    everyone: bool
    users: frozenset[int]
    roles: frozenset[int]

    @property
    def any(self) -> bool:
        return self.everyone or bool(self.users) or bool(self.roles)


def resolve_pings(content: str, allowed_mentions: Mapping[str, Any] | None) -> Pings:
    """Discord's mention rules: no ``allowed_mentions`` means everything in the text pings."""
    users = {int(m) for m in re.findall(r"<@!?(\d+)>", content)}
    roles = {int(m) for m in re.findall(r"<@&(\d+)>", content)}
    everyone = "@everyone" in content or "@here" in content
    if allowed_mentions is None:
        return Pings(everyone, frozenset(users), frozenset(roles))
    parse = set(allowed_mentions.get("parse") or [])
    allowed_users = {int(u) for u in allowed_mentions.get("users") or []}
    allowed_roles = {int(r) for r in allowed_mentions.get("roles") or []}
    return Pings(
        everyone=everyone and "everyone" in parse,
        users=frozenset(u for u in users if "users" in parse or u in allowed_users),
        roles=frozenset(r for r in roles if "roles" in parse or r in allowed_roles),
    )


@dataclass
class StoredMessage:
    """A message the bot created (REST, interaction response or webhook followup)."""

    id: int
    channel_id: int
    source: str  # "rest" | "interaction" | "webhook"
    payload: JSON  # the request body (payload_json for multipart)
    message: JSON  # the message object returned to the client (kept up to date by edits)
    files: list[UploadedFile] = field(default_factory=list)
    edits: list[JSON] = field(default_factory=list)
    interaction_id: int | None = None
    deleted: bool = False

    @property
    def content(self) -> str:
        return str(self.message.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        return list(self.message.get("embeds") or [])

    @property
    def components(self) -> list[JSON]:
        return list(self.message.get("components") or [])

    @property
    def allowed_mentions(self) -> JSON | None:
        value = self.payload.get("allowed_mentions")
        return dict(value) if isinstance(value, Mapping) else None

    @property
    def flags(self) -> int:
        return int(self.message.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & MESSAGE_FLAG_EPHEMERAL)

    @property
    def pings(self) -> Pings:
        return resolve_pings(self.content, self.allowed_mentions)

    def custom_ids(self) -> list[str]:
        """Every ``custom_id`` in the message's components, depth first."""
        found: list[str] = []

        def walk(items: Sequence[Any]) -> None:
            for item in items:
                if not isinstance(item, Mapping):
                    continue
                if "custom_id" in item:
                    found.append(str(item["custom_id"]))
                walk(item.get("components") or [])
                if isinstance(item.get("component"), Mapping):
                    walk([item["component"]])
                if isinstance(item.get("accessory"), Mapping):
                    walk([item["accessory"]])

        walk(self.components)
        return found


@dataclass(frozen=True)
class InteractionResponse:
    """One ``POST /interactions/{id}/{token}/callback`` that was accepted."""

    interaction_id: int
    token: str
    type: int
    data: JSON
    message_id: int | None


@dataclass(frozen=True)
class GatewayOp:
    """A gateway payload received from a client."""

    connection: int
    op: int
    d: Any
    at: float


@dataclass(frozen=True)
class SentDispatch:
    """A dispatch the emulator sent (``live``) or queued for a disconnected session."""

    session_id: str
    seq: int
    event: str
    data: JSON
    live: bool
    replayed: bool
    shard: tuple[int, int] = (0, 1)  # the receiving session's [id, count]


@dataclass(frozen=True)
class GatewayRules:
    """What the gateway enforces and announces, as the emulator was configured."""

    heartbeat_interval_ms: int
    enforce_intents: bool  # filter dispatches by intent, blank guild content without it
    allow_privileged_intents: bool  # else IDENTIFY with one closes with 4014
    max_guilds_per_shard: int  # more on one session closes with 4011
    recommended_shards: int | None  # GET /gateway/bot; None: one per 1,000 guilds


@dataclass(frozen=True)
class RouteLimit:
    limit: int
    per: float


class _ApiError(Exception):
    def __init__(self, status: int, message: str, code: int = 0, extra: JSON | None = None):
        super().__init__(message)
        self.status = status
        self.body: JSON = {"message": message, "code": code, **(extra or {})}


@dataclass
class _QueuedError:
    method: str
    pattern: str
    status: int
    body: JSON | None
    retry_after: float
    is_global: bool
    remaining: int


@dataclass
class _Interaction:
    id: int
    token: str
    type: int
    channel_id: int
    created: float
    message_id: int | None = None  # the message a component interaction is attached to
    acked: bool = False
    original_message_id: int | None = None


class _Conn:
    """One websocket connection (server side)."""

    _ids = itertools.count(1)

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, compress: str | None):
        self.id = next(self._ids)
        self.ws = ws
        self.request = request
        self.session: _Session | None = None
        self.closed_by_server = False
        self._zlib = zlib.compressobj() if compress == "zlib-stream" else None

    async def send(self, payload: JSON) -> None:
        text = json.dumps(payload, separators=(",", ":"))
        if self._zlib is not None:
            data = self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
            await self.ws.send_bytes(data)
        else:
            await self.ws.send_str(text)


@dataclass
class _Session:
    session_id: str
    token: str
    intents: int
    identify: JSON
    shard: tuple[int, int] = (0, 1)  # [id, count] from IDENTIFY; unsharded is shard 0 of 1
    seq: int = 0
    history: list[tuple[int, str, JSON]] = field(default_factory=list)
    conn: _Conn | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


_RouteHandler = Callable[["_Req"], Awaitable[tuple[int, Any]]]


@dataclass
class _Req:
    method: str
    path: str
    route: str
    params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[UploadedFile]


@dataclass(frozen=True)
class _Route:
    method: str
    template: str
    handler: _RouteHandler
    major: str | None  # top-level resource parameter for rate-limit buckets
    bot_auth: bool
    global_limited: bool
    regex: re.Pattern[str]
