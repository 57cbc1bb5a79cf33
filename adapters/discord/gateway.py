"""The outbox's door to Discord: DMs, channel posts, answers to slash commands.

`DiscordGateway.send(message)` turns one core `OutboundMessage` into one Discord message:
content with mentions switched off, a persistent view for its choices, a PNG attachment as a
file. Errors are sorted into what the outbox should do next (see `delivery_error`).

- DM channels are opened once per member and remembered (the channel id from an incoming DM
  is remembered too), in memory and in the database (adapters/discord/dm_channels.py), so a
  check-in costs one request, not two, also after a restart. An id read from the database that
  Discord refuses (Unknown Channel 10003, or 50007) is dropped and the DM reopened once.
- Every REST message carries a nonce derived from the outbox key, with `enforce_nonce`
  (discord.py sets it when a nonce is given): a re-send after a crash is deduplicated by
  Discord instead of arriving twice.
- Replies to a slash command, a form or a button-less interaction go into that interaction
  (ephemeral in a server) while its token is valid; otherwise they go by DM.
- Channel posts (the weekly digest) go as an embed: the first line as its title, the bullets as
  its description, each "Heading:" section as a field, and a PNG attachment shown inside the
  embed (`attachment://<name>`) and sent as a file in the same message.
- A gateway on a Discord shard other than 0 (`interactions_only`) never sends a channel message
  or opens a DM: it puts replies into the interaction they answer and hands everything else
  back to the outbox (`Handover`) for shard 0, the bot's one sender.
- Every REST request (a DM open as well as a message) takes a token from one `RateCap`, which
  keeps the bot under Discord's global limit (50 requests/s per bot by default;
  `DISCORD_SENDS_PER_SECOND` for bots Discord has granted more). discord.py itself only reacts
  to a global 429 (it holds every request until Retry-After); the cap keeps it from happening.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import re
import secrets
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

import aiohttp
import discord

from adapters.discord.components import choices_view
from adapters.discord.dm_channels import DmChannels
from bot.delivery import (
    DeliveryError,
    Handover,
    PermanentFailure,
    RateLimited,
    TransientFailure,
)
from bot.messages import OutboundMessage

log = logging.getLogger("askcoach.discord")

PLATFORM = "discord"
MAX_CONTENT = 2000
NO_MENTIONS = discord.AllowedMentions.none()
INTERACTION_TOKEN_SECONDS = 14 * 60  # Discord keeps interaction tokens valid for 15 minutes
GLOBAL_REQUESTS_PER_SECOND = 50  # Discord's global limit per bot token
WINDOW_SLACK = 0.05  # see RateCap

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-limits).
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
EMBED_FIELD_NAME = 256
EMBED_FIELD_VALUE = 1024
EMBED_TOTAL = 6000
EMBED_COLOUR = 0x2E7D32  # the charts' "specific" green
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")

# Discord JSON error codes that mean "this member cannot be reached".
UNKNOWN_CHANNEL = 10003
UNKNOWN_USER = 10013
CANNOT_DM = 50007
# What Discord answers a message to a DM channel id that is no longer the member's.
STALE_DM = (UNKNOWN_CHANNEL, CANNOT_DM)


def nonce_for(key: str) -> str:
    """A stable nonce (at most 25 characters, Discord's limit) for an outbox key; a random
    one for a message without a key."""
    if not key:
        return secrets.token_hex(12)
    return hashlib.sha256(key.encode()).hexdigest()[:25]


def event_of(key: str) -> str | None:
    """The inbound event id in a reply's outbox key. The core keys replies
    `in:<platform>:<event id>:<n>` (Coach.handle); replies to an interaction are matched to it
    by this id, registered before the core runs, so no delivery can race the registration."""
    parts = key.split(":")
    if len(parts) == 4 and parts[0] == "in" and parts[1] == PLATFORM:
        return parts[2]
    return None


def delivery_error(exc: BaseException, *, to_member: bool) -> DeliveryError:
    """Sort a discord.py / network error by what the outbox should do next."""
    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, discord.RateLimited):  # longer than max_ratelimit_timeout
        return RateLimited(exc.retry_after, "Discord rate limit")
    if isinstance(exc, discord.DiscordServerError):
        return TransientFailure(f"Discord server error {exc.status}")
    if isinstance(exc, discord.HTTPException):
        if exc.status == 429:
            retry = exc.response.headers.get("Retry-After") if exc.response is not None else None
            try:
                return RateLimited(float(retry or 5.0), "Discord rate limit")
            except ValueError:
                return RateLimited(5.0, "Discord rate limit")
        if exc.code == CANNOT_DM:
            return PermanentFailure("member's DMs are closed (50007)", member_unreachable=True)
        if exc.code in (UNKNOWN_CHANNEL, UNKNOWN_USER):
            return PermanentFailure(
                f"unknown channel or user ({exc.code})", member_unreachable=to_member
            )
        if exc.status >= 500:
            return TransientFailure(f"Discord answered {exc.status}")
        return PermanentFailure(f"Discord refused the message: {exc.status} code {exc.code}")
    if isinstance(
        exc,
        aiohttp.ClientError
        | asyncio.TimeoutError
        | OSError
        | discord.GatewayNotFound
        | discord.ConnectionClosed,
    ):
        return TransientFailure(f"cannot reach Discord: {type(exc).__name__}")
    return TransientFailure(f"unexpected error sending to Discord: {type(exc).__name__}")


class RateCap:
    """At most `per_second` requests in any `window` seconds: Discord allows 50 requests/s
    per bot; discord.py paces per route, this keeps a burst of check-ins under the global cap.
    One cap per bot token: every request the gateway makes (DM opens too) takes a token.

    The window is a little longer than a second (WINDOW_SLACK): Discord counts by the time a
    request arrives, which varies by a few milliseconds, so a client pacing exactly 50 in any
    one second gets a global 429 at almost every window boundary (the burst benchmark saw one
    a second, each with a retry_after of a few ms). Each 429 costs a round trip and counts
    toward Discord's invalid-request limit (10,000 per 10 minutes, then a temporary ban)."""

    def __init__(
        self, per_second: int = GLOBAL_REQUESTS_PER_SECOND, window: float = 1.0 + WINDOW_SLACK
    ) -> None:
        if per_second < 1 or window <= 0:
            raise ValueError("a rate cap needs at least one request per window")
        self.per_second = per_second
        self.window = window
        self._stamps: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                now = time.monotonic()
                while self._stamps and now - self._stamps[0] >= self.window:
                    self._stamps.popleft()
                if len(self._stamps) < self.per_second:
                    self._stamps.append(now)
                    return
                await asyncio.sleep(self.window - (now - self._stamps[0]))


@dataclass
class _Answering:
    """An interaction whose replies should go into it rather than by DM."""

    interaction: discord.Interaction
    expires: float
    used_original: bool = False


@dataclass(frozen=True)
class _Rendered:
    content: str
    file_bytes: list[tuple[bytes, str]]
    view: discord.ui.View | None
    embed: discord.Embed | None = None


def _answers(answering: _Answering, message: OutboundMessage) -> bool:
    """Whether `message` may go into the interaction: its token still lives and the message is
    for the member who used it (a message for someone else, or for a channel, never does)."""
    return (
        answering.expires > time.monotonic()
        and message.channel is None
        and message.recipient == str(answering.interaction.user.id)
    )


def attachment_filename(name: str | None) -> str:
    """A file name `attachment://` can refer to: letters, digits, `.`, `_` and `-` only."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name or "").strip(".-")[:80]
    return cleaned or "askcoach.png"


def _sections(lines: list[str]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The lines before the first heading, then each `Heading:` line with the lines under it.
    A heading is a line that is neither a bullet nor indented and ends with a colon."""
    intro: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in lines:
        heading = line.endswith(":") and not line.startswith(("•", "-", " ", "\t"))
        if heading:
            sections.append((line[:-1].strip(), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            intro.append(line)
    return intro, sections


def _chunks(lines: list[str], limit: int) -> list[str]:
    """Lines joined into values of at most `limit` characters (a longer line is cut)."""
    values: list[str] = []
    current = ""
    for line in lines:
        line = line if len(line) <= limit else line[: limit - 1] + "…"
        if current and len(current) + 1 + len(line) > limit:
            values.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        values.append(current)
    return values


def channel_embed(
    text: str, image: str | None = None, timestamp: datetime | None = None
) -> discord.Embed | None:
    """A channel post as an embed: the first line is the title, the lines up to the first
    heading the description, each `Heading:` section a field; `image` (an attachment's file
    name) is shown inside the embed. None if the text does not fit Discord's embed limits."""
    lines = text.strip().split("\n")
    title = lines[0].strip()
    intro, sections = _sections(lines[1:])
    description = "\n".join(intro).strip()
    if not title or len(title) > EMBED_TITLE or len(description) > EMBED_DESCRIPTION:
        return None
    fields: list[tuple[str, str]] = []
    for name, body in sections:
        name = name[:EMBED_FIELD_NAME] or "\u200b"
        values = _chunks([line for line in body if line.strip()], EMBED_FIELD_VALUE) or ["\u200b"]
        for index, value in enumerate(values):
            fields.append((name if index == 0 else "\u200b", value))
    if len(fields) > EMBED_FIELDS:
        return None
    if timestamp is not None and timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=UTC)
    total = len(title) + len(description) + sum(len(n) + len(v) for n, v in fields)
    if total > EMBED_TOTAL:
        return None
    embed = discord.Embed(
        title=title, description=description or None, colour=EMBED_COLOUR, timestamp=timestamp
    )
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=False)
    if image is not None:
        embed.set_image(url=f"attachment://{image}")
    return embed


def render(message: OutboundMessage) -> _Rendered:
    """Content, files, view and embed for one outbound message.

    A channel post becomes an embed (see `channel_embed`) with its image attached; a DM is
    plain content. Text over Discord's 2,000 characters that is not an embed goes as
    `message.txt` (as Discord's own client does with long pastes), its first line as the
    message."""
    files: list[tuple[bytes, str]] = []
    name = attachment_filename(message.attachment_name) if message.attachment else None
    offer_form = message.due_at is not None and message.recipient is not None
    view = choices_view(message.choices, offer_form=offer_form)
    if message.channel:
        image = name if name is not None and name.lower().endswith(IMAGE_SUFFIXES) else None
        embed = channel_embed(message.text, image, message.due_at)
        if embed is not None:
            if message.attachment is not None and name is not None:
                files.append((message.attachment, name))
            return _Rendered("", files, view, embed)
    content = message.text
    if len(content) > MAX_CONTENT:
        first = content.split("\n", 1)[0][:MAX_CONTENT]
        files.append((content.encode(), "message.txt"))
        content = first
    if message.attachment is not None and name is not None:
        files.append((message.attachment, name))
    return _Rendered(content, files, view)


def _files(rendered: _Rendered) -> list[discord.File]:
    return [discord.File(io.BytesIO(data), filename=name) for data, name in rendered.file_bytes]


class DiscordGateway:
    """Implements the core's ChatGateway for one discord.py client."""

    def __init__(
        self,
        client: discord.Client,
        cap: RateCap | None = None,
        *,
        interactions_only: bool = False,
        dm_channels: DmChannels | None = None,
    ) -> None:
        self.client = client
        self.cap = cap or RateCap()  # shared by every request this gateway makes
        self.interactions_only = interactions_only  # a shard other than 0: see the module doc
        self.dm_channels = dm_channels if dm_channels is not None else DmChannels()  # (memory)
        self._answering: dict[str, _Answering] = {}

    # ---- what the adapter tells the gateway ---------------------------------------------

    def remember_dm(self, user_id: int, channel_id: int) -> None:
        """The DM channel with a member (seen on an incoming DM): no need to open it again."""
        self.dm_channels.remember(user_id, channel_id)

    def answer_in(self, event_id: str, interaction: discord.Interaction) -> None:
        """Replies to this event go into the (deferred) interaction while its token lives."""
        now = time.monotonic()
        for stale in [k for k, a in self._answering.items() if a.expires < now]:
            del self._answering[stale]
        self._answering[event_id] = _Answering(interaction, now + INTERACTION_TOKEN_SECONDS)

    def forget_answer(self, event_id: str) -> _Answering | None:
        return self._answering.pop(event_id, None)

    # ---- ChatGateway --------------------------------------------------------------------

    async def send(self, message: OutboundMessage) -> None:
        """Deliver one message; raise a DeliveryError subclass when it did not go out."""
        event = event_of(message.key)
        answering = self._answering.get(event) if event else None
        if answering is not None and not _answers(answering, message):
            answering = None
        if answering is None and self.interactions_only:
            raise Handover("not an answer to this shard's interaction: shard 0 sends it")
        if self.client.is_closed() or self.client.user is None:
            raise TransientFailure("Discord client is not connected")
        rendered = render(message)
        if answering is not None and await self._answer(answering, rendered):
            return
        if self.interactions_only:
            raise Handover("the interaction can no longer be answered: shard 0 sends it by DM")
        try:
            if message.channel:
                await self._post(self._server_channel(message.channel), rendered, message.key)
            else:
                await self._send_dm(message, rendered)
        except Exception as exc:
            error = delivery_error(exc, to_member=message.channel is None)
            log.warning("discord delivery failed: %s", error)
            raise error from exc

    async def _post(self, channel: discord.abc.Messageable, rendered: _Rendered, key: str) -> None:
        await self.cap.acquire()
        await channel.send(
            content=rendered.content or None,
            embed=rendered.embed if rendered.embed is not None else discord.utils.MISSING,
            files=_files(rendered),
            view=rendered.view or discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
            nonce=nonce_for(key),
        )

    def _server_channel(self, channel: str) -> discord.abc.Messageable:
        if not channel.isdigit():
            raise PermanentFailure(f"not a Discord channel id: {channel[:40]!r}")
        return self.client.get_partial_messageable(int(channel))

    def _dm(self, channel_id: int) -> discord.abc.Messageable:
        return self.client.get_partial_messageable(channel_id, type=discord.ChannelType.private)

    async def _send_dm(self, message: OutboundMessage, rendered: _Rendered) -> None:
        """Send into the member's DM channel: the known one, or a newly opened one. A stored id
        Discord refuses (it may be stale) is dropped and the DM opened again, once."""
        if not message.recipient or not message.recipient.isdigit():
            raise PermanentFailure("no Discord recipient", member_unreachable=True)
        user_id = int(message.recipient)
        channel_id = await self.dm_channels.find(user_id)
        if channel_id is None:
            channel_id = await self._open_dm(user_id)
        try:
            await self._post(self._dm(channel_id), rendered, message.key)
        except discord.HTTPException as exc:
            if exc.code not in STALE_DM:
                raise
            unchecked = self.dm_channels.unchecked(user_id)
            if exc.code == UNKNOWN_CHANNEL or unchecked:
                self.dm_channels.forget(user_id, channel_id)
            if not unchecked:  # an id Discord gave this process: opening again cannot help
                raise
            log.info("a stored DM channel was refused (%s): opening the DM again", exc.code)
            await self._post(self._dm(await self._open_dm(user_id)), rendered, message.key)
        else:
            self.dm_channels.accepted(user_id)

    async def _open_dm(self, user_id: int) -> int:
        await self.cap.acquire()  # a DM open counts toward the global limit too
        dm = await self.client.create_dm(discord.Object(id=user_id))
        self.dm_channels.remember(user_id, dm.id)
        return dm.id

    async def _answer(self, answering: _Answering, rendered: _Rendered) -> bool:
        """Put a reply into the interaction: the first replaces "thinking…", later ones follow
        up. False (send by DM instead) if the interaction can no longer be answered."""
        interaction = answering.interaction
        view = rendered.view or discord.utils.MISSING
        embeds = [rendered.embed] if rendered.embed is not None else discord.utils.MISSING
        try:
            if not answering.used_original:
                await interaction.edit_original_response(
                    content=rendered.content or None,
                    embeds=embeds,
                    attachments=_files(rendered),
                    view=rendered.view,
                    allowed_mentions=NO_MENTIONS,
                )
                answering.used_original = True
            else:
                await interaction.followup.send(
                    content=rendered.content or discord.utils.MISSING,
                    embeds=embeds,
                    files=_files(rendered),
                    view=view,
                    allowed_mentions=NO_MENTIONS,
                    ephemeral=interaction.guild_id is not None,
                )
        except discord.HTTPException as exc:
            if exc.status == 429 or exc.status >= 500:
                raise delivery_error(exc, to_member=True) from exc
            log.info("interaction answer refused (%s); sending by DM instead", exc.status)
            return False
        return True
