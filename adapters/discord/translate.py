"""Discord events as core events: pure functions over what discord.py parsed, no I/O.

The sender is a stub: `community_id` is the server the event came from, or "" for a DM (which
community a DM belongs to is the core's rule, `bot.community.membership`, fed by the adapter
with the servers the member shares with the bot); the adapter fills in the community and the
organizer flag. Text goes through the core's normaliser here, at the door.

- a DM (`MESSAGE_CREATE` without a server, from a person) -> its text, event id = message id;
  attachments, stickers and link previews are not fetched or stored: the words are read
- a slash command, a choice button, the ask form -> words / choice value / form, event id =
  the interaction id
- a component or form that is not the coach's (an older version's) -> `is_ours` says no
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import discord

from adapters.discord.components import CHOICE_PREFIX, FORM_ID, HOME_PREFIX, LOG_ASK_ID
from adapters.discord.gateway import PLATFORM
from bot.messages import InboundMessage, Sender
from bot.text import normalise_text

# Message types a person writes (a reply to the bot's question is type 19).
WRITTEN = frozenset({discord.MessageType.default, discord.MessageType.reply})


def stub_sender(user: discord.User | discord.Member, guild_id: int | None) -> Sender:
    return Sender(
        platform=PLATFORM,
        community_id="" if guild_id is None else str(guild_id),
        user_id=str(user.id),
        name=normalise_text(user.display_name)[:80],
    )


def direct_message(message: discord.Message, bot_user_id: int | None) -> InboundMessage | None:
    """A person's DM to the bot; None for server messages, bots (the coach included) and
    system messages."""
    author = message.author
    if message.guild is not None or author.bot or author.id == bot_user_id:
        return None
    if message.type not in WRITTEN:
        return None
    return InboundMessage(
        stub_sender(author, None), normalise_text(message.content), event_id=str(message.id)
    )


def interaction_event(
    interaction: discord.Interaction, text: str, form: Mapping[str, str] | None = None
) -> InboundMessage:
    """Words, a choice value or a form from an interaction, deduplicated by its id."""
    cleaned = {k: normalise_text(v) for k, v in form.items()} if form is not None else None
    return InboundMessage(
        stub_sender(interaction.user, interaction.guild_id),
        normalise_text(text),
        event_id=str(interaction.id),
        form=cleaned,
    )


_HOME_CHOICE = re.compile(re.escape(HOME_PREFIX) + r"([0-9]{1,20}):([0-9]{1,20})", re.ASCII)


def home_choice(data: Mapping[str, Any]) -> tuple[int, int] | None:
    """A press on a "which server?" button: (server id, the DM's message id or 0)."""
    match = _HOME_CHOICE.fullmatch(str(data.get("custom_id") or ""))
    return (int(match[1]), int(match[2])) if match else None


def is_ours(data: Mapping[str, Any]) -> bool:
    """Whether a component press or form submission is one this version of the coach made."""
    custom_id = data.get("custom_id")
    if not isinstance(custom_id, str):
        return False
    return custom_id.startswith((CHOICE_PREFIX, HOME_PREFIX)) or custom_id in (LOG_ASK_ID, FORM_ID)
