"""Slack payloads as core events: pure functions, no I/O, tested against recorded payloads.

Each function takes what bolt hands a listener (the request body, or the part of it a listener
gets) and returns the core's `InboundMessage` with its dedupe key, or None when the payload is
nothing the coach should act on (another bot, an edit, a field missing or of the wrong type).
Text goes through the core's normaliser here, at the door (`bot.text.normalise_text`), so
storage never sees a lone surrogate.

The sender is a stub (`user_id` as the name): the listener fills in the member's name,
timezone and admin flag from users.info (`PeopleDirectory.sender`).

- a DM (`message` in an `im`; also `file_share`: a DM with a file attached is read by its
  words, the file is neither fetched nor stored; and `thread_broadcast`, a thread reply also
  sent to the conversation) -> its text, event id = the Events API `event_id`
- `/askcoach <words>` -> the words (`help` when none), event id = `cmd:<trigger_id>`
- a choice button (`choice_<n>`) -> its value, one answer per message (`btn:<channel>:<ts>`)
- the log-an-ask form -> the form, event id = `view:<view id>`
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from adapters.slack.people import PLATFORM
from adapters.slack.render import read_log_ask
from bot.messages import InboundMessage, Sender
from bot.text import normalise_text

CHOICE_ACTION = re.compile(r"^choice_\d{1,2}$", re.ASCII)
# Message subtypes that are a member writing: a plain message has none.
READ_SUBTYPES = frozenset({"file_share", "thread_broadcast"})
MAX_ID = 64


def _id(value: Any) -> str | None:
    """A Slack id (team, user, channel, ts) if the field holds one."""
    if isinstance(value, str) and 0 < len(value) <= MAX_ID and value.isprintable():
        return value
    return None


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def stub_sender(team_id: str, user_id: str) -> Sender:
    """Who sent it, as far as the payload says."""
    return Sender(platform=PLATFORM, community_id=team_id, user_id=user_id, name=user_id)


def team_of(body: Mapping[str, Any], fallback: str | None = None) -> str | None:
    """The workspace a payload comes from (events: `team_id`; interactions: `team.id`)."""
    event = _map(body.get("event"))
    return (
        _id(body.get("team_id"))
        or _id(_map(body.get("team")).get("id"))
        or _id(event.get("team"))
        or _id(_map(body.get("user")).get("team_id"))
        or _id(fallback)
    )


def direct_message(
    body: Mapping[str, Any], bot_user_id: str | None, team_id: str | None = None
) -> InboundMessage | None:
    """A member's DM to the bot; None for anything else (channels, bots, edits, deletions)."""
    event = _map(body.get("event"))
    if event.get("type") != "message" or event.get("channel_type") != "im":
        return None
    subtype = event.get("subtype")
    if subtype is not None and subtype not in READ_SUBTYPES:
        return None  # edits, deletions, joins, other apps' bot_message...
    if event.get("bot_id") or event.get("bot_profile"):
        return None  # a bot, the coach itself included
    user = _id(event.get("user"))
    team = team_of(body, team_id)
    text = event.get("text", "" if event.get("files") else None)  # a file alone has no words
    if user is None or team is None or user == bot_user_id or not isinstance(text, str):
        return None
    event_id = _id(body.get("event_id"))
    if event_id is None:
        channel, ts = _id(event.get("channel")), _id(event.get("ts"))
        if channel is None or ts is None:
            return None
        event_id = f"msg:{channel}:{ts}"
    return InboundMessage(stub_sender(team, user), normalise_text(text), event_id=event_id)


def slash_command(command: Mapping[str, Any], team_id: str | None = None) -> InboundMessage | None:
    """`/askcoach <words>` as the same words in a DM (`help` when there are none)."""
    user = _id(command.get("user_id"))
    team = _id(command.get("team_id")) or _id(team_id)
    text = command.get("text") or ""
    if user is None or team is None or not isinstance(text, str):
        return None
    words = " ".join(normalise_text(text).split()) or "help"
    trigger = _id(command.get("trigger_id"))
    return InboundMessage(
        stub_sender(team, user), words, event_id=f"cmd:{trigger}" if trigger else None
    )


def choice_press(body: Mapping[str, Any], team_id: str | None = None) -> InboundMessage | None:
    """A press on one of the coach's choice buttons: its value, once per message."""
    actions = body.get("actions")
    action = _map(actions[0]) if isinstance(actions, list) and actions else {}
    value = action.get("value")
    user = _id(_map(body.get("user")).get("id"))
    team = team_of(body, team_id)
    if not CHOICE_ACTION.match(str(action.get("action_id") or "")):
        return None
    if not isinstance(value, str) or not value or user is None or team is None:
        return None
    channel, message_ts = pressed_message(body)
    # One answer per message: a second press (or a retry) of the same message is a replay.
    if message_ts:
        event_id = f"btn:{channel}:{message_ts}"
    else:
        trigger = _id(body.get("trigger_id"))
        if trigger is None:
            return None
        event_id = f"btn:{trigger}"
    return InboundMessage(stub_sender(team, user), normalise_text(value), event_id=event_id)


def pressed_message(body: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The channel and ts of the message a button was pressed on, when the payload says."""
    container = _map(body.get("container"))
    channel = _id(container.get("channel_id")) or _id(_map(body.get("channel")).get("id"))
    return channel, _id(container.get("message_ts"))


def log_ask_form(
    body: Mapping[str, Any], team_id: str | None = None
) -> tuple[InboundMessage | None, dict[str, str]]:
    """The log-an-ask form: the event, or what is wrong with the form (per block)."""
    view = _map(body.get("view"))
    values = _map(_map(view.get("state")).get("values"))
    form, errors = read_log_ask({k: v for k, v in values.items() if isinstance(v, Mapping)})
    if errors:
        return None, errors
    user = _id(_map(body.get("user")).get("id"))
    team = team_of(body, team_id) or _id(view.get("team_id"))
    view_id = _id(view.get("id"))
    if user is None or team is None or view_id is None:
        return None, {}
    # The text stands in for the form where there is no form yet (a brand-new member).
    text = f"ask {form['who']} {form['what']}"
    return InboundMessage(stub_sender(team, user), text, event_id=f"view:{view_id}", form=form), {}
