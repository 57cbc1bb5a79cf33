"""Signed requests and the payloads Slack sends an app: events, slash commands, interactions."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import uuid
from collections.abc import Mapping
from urllib.parse import urlencode

from emulators.slack.defaults import (
    DEFAULT_APP_ID,
    DEFAULT_TEAM_ID,
    JsonDict,
)


def sign_request(
    body: bytes | str, signing_secret: str, timestamp: int | None = None
) -> dict[str, str]:
    """``X-Slack-Request-Timestamp`` and ``X-Slack-Signature`` (v0 HMAC-SHA256) for ``body``."""
    raw = body.encode() if isinstance(body, str) else body
    ts = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{ts}:".encode() + raw
    digest = hmac.new(signing_secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": f"v0={digest}"}


def json_request(
    body: JsonDict, signing_secret: str, timestamp: int | None = None
) -> tuple[str, dict[str, str]]:
    """A signed JSON request (Events API): ``(body, headers)``."""
    text = json.dumps(body)
    headers = {"Content-Type": "application/json", **sign_request(text, signing_secret, timestamp)}
    return text, headers


def form_request(
    fields: Mapping[str, str], signing_secret: str, timestamp: int | None = None
) -> tuple[str, dict[str, str]]:
    """A signed form request (slash commands, interactivity): ``(body, headers)``."""
    text = urlencode(dict(fields))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        **sign_request(text, signing_secret, timestamp),
    }
    return text, headers


_counter = itertools.count(1)


def _unique(prefix: str) -> str:
    return f"{prefix}{int(time.time())}{next(_counter):06d}"


def _dm_channel(user_id: str) -> str:
    """The DM channel a payload names when none is given: ``U123`` talks in ``D123``."""
    return f"D{user_id[1:]}"


def _event_ts() -> str:
    now = time.time()
    return f"{int(now)}.{next(_counter):06d}"


def event_callback(
    event: JsonDict,
    *,
    team_id: str = DEFAULT_TEAM_ID,
    api_app_id: str = DEFAULT_APP_ID,
    event_id: str | None = None,
    authorized_user_id: str | None = None,
) -> JsonDict:
    """Wrap ``event`` in an Events API ``event_callback`` body."""
    authorization: JsonDict = {
        "enterprise_id": None,
        "team_id": team_id,
        "user_id": authorized_user_id or "U0000BOT",
        "is_bot": True,
        "is_enterprise_install": False,
    }
    return {
        "token": "verification-token-unused",
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or _unique("Ev"),
        "event_time": int(time.time()),
        "authorizations": [authorization],
        "is_ext_shared_channel": False,
        "event_context": _unique("4-"),
    }


def message_event(
    *,
    user_id: str,
    text: str,
    team_id: str = DEFAULT_TEAM_ID,
    channel: str | None = None,
    channel_type: str = "im",
    ts: str | None = None,
    event_id: str | None = None,
    thread_ts: str | None = None,
    bot_user_id: str | None = None,
) -> JsonDict:
    """An ``event_callback`` body carrying a user's ``message`` (a DM by default)."""
    ts = ts or _event_ts()
    event: JsonDict = {
        "client_msg_id": str(uuid.uuid4()),
        "type": "message",
        "text": text,
        "user": user_id,
        "ts": ts,
        "blocks": [
            {
                "type": "rich_text",
                "block_id": uuid.uuid4().hex[:5],
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ],
            }
        ],
        "team": team_id,
        "channel": channel or _dm_channel(user_id),
        "event_ts": ts,
        "channel_type": channel_type,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event, team_id=team_id, event_id=event_id, authorized_user_id=bot_user_id)


def app_home_opened_event(
    *,
    user_id: str,
    team_id: str = DEFAULT_TEAM_ID,
    channel: str | None = None,
    tab: str = "home",
    view: JsonDict | None = None,
    bot_user_id: str | None = None,
) -> JsonDict:
    """An ``event_callback`` body carrying ``app_home_opened``."""
    event: JsonDict = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": channel or _dm_channel(user_id),
        "tab": tab,
        "event_ts": _event_ts(),
    }
    if view is not None:
        event["view"] = view
    return event_callback(event, team_id=team_id, authorized_user_id=bot_user_id)


def app_uninstalled_event(*, team_id: str = DEFAULT_TEAM_ID) -> JsonDict:
    """An ``event_callback`` body carrying ``app_uninstalled`` (the workspace removed the app)."""
    body = event_callback({"type": "app_uninstalled", "event_ts": _event_ts()}, team_id=team_id)
    del body["authorizations"]  # there is no installation left to authorize
    return body


def tokens_revoked_event(
    *, team_id: str = DEFAULT_TEAM_ID, bot: list[str] | None = None, oauth: list[str] | None = None
) -> JsonDict:
    """An ``event_callback`` body carrying ``tokens_revoked``: the user ids whose user tokens
    (``oauth``) and bot tokens (``bot``, the bot user's id) were revoked."""
    tokens: JsonDict = {}
    if oauth:
        tokens["oauth"] = list(oauth)
    if bot:
        tokens["bot"] = list(bot)
    body = event_callback(
        {"type": "tokens_revoked", "tokens": tokens, "event_ts": _event_ts()}, team_id=team_id
    )
    del body["authorizations"]
    return body


def slash_command(
    *,
    user_id: str,
    text: str = "help",
    command: str = "/askcoach",
    team_id: str = DEFAULT_TEAM_ID,
    channel_id: str | None = None,
    user_name: str | None = None,
    api_app_id: str = DEFAULT_APP_ID,
    response_url: str | None = None,
    trigger_id: str | None = None,
) -> dict[str, str]:
    """The form fields Slack posts for a slash command (``form_request`` encodes and signs)."""
    return {
        "token": "verification-token-unused",
        "team_id": team_id,
        "team_domain": f"ws-{team_id.lower()}",
        "channel_id": channel_id or _dm_channel(user_id),
        "channel_name": "directmessage",
        "user_id": user_id,
        "user_name": user_name or user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url
        or f"https://hooks.slack.com/commands/{team_id}/{_unique('')}/x",
        "trigger_id": trigger_id or _unique("trig."),
    }


def _user_ref(user_id: str, team_id: str) -> JsonDict:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


def block_actions_payload(
    *,
    user_id: str,
    action_id: str,
    value: str | None = None,
    team_id: str = DEFAULT_TEAM_ID,
    channel_id: str | None = None,
    message_ts: str | None = None,
    block_id: str = "actions",
    view: JsonDict | None = None,
    trigger_id: str | None = None,
    api_app_id: str = DEFAULT_APP_ID,
) -> JsonDict:
    """A ``block_actions`` payload for a button click in a message (or in ``view``)."""
    action: JsonDict = {
        "action_id": action_id,
        "block_id": block_id,
        "text": {"type": "plain_text", "text": action_id, "emoji": True},
        "type": "button",
        "action_ts": _event_ts(),
    }
    if value is not None:
        action["value"] = value
    payload: JsonDict = {
        "type": "block_actions",
        "user": _user_ref(user_id, team_id),
        "api_app_id": api_app_id,
        "token": "verification-token-unused",
        "trigger_id": trigger_id or _unique("trig."),
        "team": {"id": team_id, "domain": f"ws-{team_id.lower()}"},
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
        "actions": [action],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0")}
        payload["view"] = view
    else:
        channel = channel_id or _dm_channel(user_id)
        ts = message_ts or _event_ts()
        payload["container"] = {
            "type": "message",
            "message_ts": ts,
            "channel_id": channel,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": channel, "name": "directmessage"}
        payload["message"] = {"type": "message", "ts": ts, "text": "", "blocks": []}
        payload["response_url"] = f"https://hooks.slack.com/actions/{team_id}/{_unique('')}/x"
    return payload


def view_submission_payload(
    *,
    user_id: str,
    callback_id: str,
    values: JsonDict,
    private_metadata: str = "",
    team_id: str = DEFAULT_TEAM_ID,
    view_id: str | None = None,
    api_app_id: str = DEFAULT_APP_ID,
) -> JsonDict:
    """A ``view_submission`` payload; ``values`` is ``view.state.values``
    (``{block_id: {action_id: {"type": "plain_text_input", "value": "..."}}}``)."""
    view_id = view_id or _unique("V")
    return {
        "type": "view_submission",
        "team": {"id": team_id, "domain": f"ws-{team_id.lower()}"},
        "user": _user_ref(user_id, team_id),
        "api_app_id": api_app_id,
        "token": "verification-token-unused",
        "trigger_id": _unique("trig."),
        "view": {
            "id": view_id,
            "team_id": team_id,
            "type": "modal",
            "blocks": [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": values},
            "hash": uuid.uuid4().hex[:16],
            "title": {"type": "plain_text", "text": "askcoach", "emoji": True},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": {"type": "plain_text", "text": "Save", "emoji": True},
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": api_app_id,
            "external_id": "",
            "app_installed_team_id": team_id,
            "bot_id": "B0000BOT",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def interactive_form_body(payload: JsonDict) -> dict[str, str]:
    """Form fields Slack posts for interactivity: ``payload=<json>``."""
    return {"payload": json.dumps(payload)}
