"""A local Discord emulator: the REST API and the gateway, on one port (see server.py)."""

from emulators.discord.protocol import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILDS,
    PNG_SIGNATURE,
    shard_for,
)
from emulators.discord.records import (
    Call,
    InteractionResponse,
    RouteLimit,
    StoredMessage,
    UploadedFile,
    resolve_pings,
)
from emulators.discord.server import DiscordEmulator

__all__ = [
    "INTENT_DIRECT_MESSAGES",
    "INTENT_GUILDS",
    "PNG_SIGNATURE",
    "Call",
    "DiscordEmulator",
    "InteractionResponse",
    "RouteLimit",
    "StoredMessage",
    "UploadedFile",
    "resolve_pings",
    "shard_for",
]
