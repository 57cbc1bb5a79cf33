"""Discord's numbers: gateway opcodes, intents, interaction and callback types, close codes,
snowflakes and shard routing."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any, cast

JSON = dict[str, Any]
UserRef = int | str | Mapping[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000
API_VERSION = 10

# Gateway opcodes
OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_RESUME = 6
OP_RECONNECT = 7
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11

# Gateway intents (bit values from the Discord docs)
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10
INTENT_GUILD_MESSAGE_TYPING = 1 << 11
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_DIRECT_MESSAGE_REACTIONS = 1 << 13
INTENT_DIRECT_MESSAGE_TYPING = 1 << 14
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

# Interaction types and callback types
INTERACTION_APPLICATION_COMMAND = 2
INTERACTION_MESSAGE_COMPONENT = 3
INTERACTION_MODAL_SUBMIT = 5
CALLBACK_CHANNEL_MESSAGE = 4
CALLBACK_DEFERRED_CHANNEL_MESSAGE = 5
CALLBACK_DEFERRED_UPDATE_MESSAGE = 6
CALLBACK_UPDATE_MESSAGE = 7
CALLBACK_AUTOCOMPLETE_RESULT = 8
CALLBACK_MODAL = 9

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Gateway close codes for sharding
CLOSE_INVALID_SHARD = 4010
CLOSE_SHARDING_REQUIRED = 4011
GUILDS_PER_RECOMMENDED_SHARD = 1000

_GUILD_EVENTS = {
    "GUILD_CREATE",
    "GUILD_UPDATE",
    "GUILD_DELETE",
    "GUILD_ROLE_CREATE",
    "GUILD_ROLE_UPDATE",
    "GUILD_ROLE_DELETE",
    "CHANNEL_CREATE",
    "CHANNEL_UPDATE",
    "CHANNEL_DELETE",
    "THREAD_CREATE",
    "THREAD_UPDATE",
    "THREAD_DELETE",
}
_MEMBER_EVENTS = {"GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE"}
_MESSAGE_EVENTS = {"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK"}
_REACTION_EVENTS = {
    "MESSAGE_REACTION_ADD",
    "MESSAGE_REACTION_REMOVE",
    "MESSAGE_REACTION_REMOVE_ALL",
    "MESSAGE_REACTION_REMOVE_EMOJI",
}


def shard_for(guild_id: int, shard_count: int) -> int:
    """The shard that gets a guild's events (Discord's formula)."""
    return (int(guild_id) >> 22) % shard_count


def _routing_guild(event: str, data: Mapping[str, Any]) -> int | None:
    """The guild whose shard gets this dispatch; None for DMs and other guild-less events."""
    if event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"):
        return int(data["id"])
    guild_id = data.get("guild_id")
    return int(guild_id) if guild_id is not None else None


def _valid_shard(shard: Any) -> tuple[int, int] | None:
    """IDENTIFY's ``shard`` as (id, count), or None when it is not ``[id, count]`` with
    ``0 <= id < count``."""
    if not isinstance(shard, list) or len(shard) != 2:
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in shard):
        return None
    shard_id, count = shard
    return (shard_id, count) if count >= 1 and 0 <= shard_id < count else None


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _clone(obj: Mapping[str, Any]) -> JSON:
    """A deep, JSON-safe copy (what a client would get over the wire)."""
    return cast(JSON, json.loads(json.dumps(obj)))


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """`/channels/{id}/messages` or `/channels/*/messages` -> regex (one path segment each)."""
    parts = re.split(r"(\{[^}/]*\}|\*)", pattern)
    body = "".join("[^/]+" if p == "*" or p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{body}$")


def _matches(pattern: str | None, path: str, route: str) -> bool:
    if pattern is None:
        return True
    return pattern == route or bool(_pattern_regex(pattern).match(path))
