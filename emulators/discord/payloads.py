"""Builders of the payloads Discord sends a bot: messages, interactions, modal submits."""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping, Sequence
from typing import Any

from emulators.discord.protocol import (
    CALLBACK_MODAL,
    INTERACTION_APPLICATION_COMMAND,
    INTERACTION_MESSAGE_COMPONENT,
    INTERACTION_MODAL_SUBMIT,
    JSON,
    UserRef,
    _clone,
    _now_iso,
)
from emulators.discord.records import (
    _Interaction,
)
from emulators.discord.state import DiscordState

# option types whose value is a snowflake, and where Discord sends the object behind it
_RESOLVED = {6: "users", 7: "channels", 8: "roles"}


def message_object(
    message_id: int,
    channel_id: int,
    author: JSON,
    content: str = "",
    *,
    kind: int = 0,
    attachments: Sequence[JSON] = (),
    embeds: Sequence[JSON] = (),
    components: Sequence[JSON] = (),
    tts: bool = False,
    flags: int = 0,
) -> JSON:
    """A message object as Discord sends it, with no mentions: what every message has (a
    guild's adds ``guild_id``, a member's a ``nonce``, a reply ``message_reference`` ...)."""
    return {
        "id": str(message_id),
        "type": kind,
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "timestamp": _now_iso(),
        "edited_timestamp": None,
        "tts": tts,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": list(attachments),
        "embeds": list(embeds),
        "components": list(components),
        "pinned": False,
        "flags": flags,
    }


class PayloadBuilders:
    """Payloads in Discord's shapes, from the state's users, guilds and channels. An
    interaction built here is registered in the state, so the REST routes accept its answer."""

    def __init__(self, state: DiscordState) -> None:
        self.state = state

    def dm_message(
        self,
        user_id: int | Mapping[str, Any],
        content: str,
        message_id: int | None = None,
        *,
        attachments: Sequence[JSON] = (),
    ) -> JSON:
        """A ``MESSAGE_CREATE`` payload for a DM from a member to the bot (no ``guild_id``)."""
        author = self.state.user(user_id)
        channel_id = self.state.dm_channel_id(int(author["id"]))
        return self._incoming_message(author, channel_id, content, message_id, None, attachments)

    def guild_message(
        self,
        user_id: int | Mapping[str, Any],
        guild_id: int,
        channel_id: int,
        content: str,
        message_id: int | None = None,
        *,
        mentions: Sequence[UserRef] = (),
    ) -> JSON:
        """A ``MESSAGE_CREATE`` payload for a guild channel message (with ``member``)."""
        author = self.state.user(user_id)
        msg = self._incoming_message(author, channel_id, content, message_id, guild_id, ())
        msg["member"] = {
            k: v for k, v in self._find_member(guild_id, author).items() if k != "user"
        }
        msg["mentions"] = [self.state.user(m) for m in mentions]
        return msg

    def _incoming_message(
        self,
        author: JSON,
        channel_id: int,
        content: str,
        message_id: int | None,
        guild_id: int | None,
        attachments: Sequence[JSON],
    ) -> JSON:
        msg = message_object(
            message_id if message_id is not None else self.state.snowflake(),
            channel_id,
            author,
            content,
            attachments=attachments,
        )
        msg["channel_type"] = 1 if guild_id is None else 0
        msg["nonce"] = str(self.state.snowflake())
        if guild_id is not None:
            msg["guild_id"] = str(guild_id)
        return msg

    def _find_member(self, guild_id: int, user: JSON) -> JSON:
        with self.state.lock:
            guild = self.state.guilds.get(int(guild_id))
            if guild is not None:
                for m in guild["members"]:
                    if m["user"]["id"] == user["id"]:
                        return _clone(m)
        return self.state.member(user, [])

    def _interaction(
        self,
        itype: int,
        data: JSON,
        user: UserRef,
        guild_id: int | None,
        channel_id: int | None,
        message: JSON | None = None,
    ) -> JSON:
        u = self.state.user(user)
        uid = int(u["id"])
        if channel_id is None:
            if guild_id is not None:
                with self.state.lock:
                    chans = self.state.guilds.get(int(guild_id), {}).get("channels", [])
                channel_id = int(chans[0]["id"]) if chans else self.state.snowflake()
            else:
                channel_id = self.state.dm_channel_id(uid)
        iid = self.state.snowflake()
        token = "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(32)
        payload: JSON = {
            "id": str(iid),
            "application_id": str(self.state.application_id),
            "type": itype,
            "data": data,
            "channel_id": str(channel_id),
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "app_permissions": str((1 << 53) - 1),
        }
        if guild_id is not None:
            member = self._find_member(int(guild_id), u)
            member["permissions"] = str(self.state.member_permissions(int(guild_id), uid))
            payload["guild_id"] = str(guild_id)
            payload["guild"] = {"id": str(guild_id), "locale": "en-US", "features": []}
            payload["guild_locale"] = "en-US"
            payload["member"] = member
            payload["context"] = 0
            payload["authorizing_integration_owners"] = {"0": str(guild_id)}
            with self.state.lock:
                ch = dict(self.state.channels.get(int(channel_id), {}))
            payload["channel"] = {
                "id": str(channel_id),
                "type": int(ch.get("type", 0)),
                "name": ch.get("name", f"channel-{channel_id}"),
                "guild_id": str(guild_id),
                "position": int(ch.get("position", 0)),
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "rate_limit_per_user": 0,
                "flags": 0,
                "permissions": str((1 << 53) - 1),
            }
        else:
            payload["user"] = u
            payload["context"] = 1
            payload["authorizing_integration_owners"] = {"0": "0"}
            payload["channel"] = {
                "id": str(channel_id),
                "type": 1,
                "last_message_id": None,
                "flags": 0,
                "recipients": [u],
            }
        if message is not None:
            payload["message"] = message
        with self.state.lock:
            self.state.interactions[iid] = _Interaction(
                id=iid,
                token=token,
                type=itype,
                channel_id=int(channel_id),
                created=time.monotonic(),
                message_id=int(message["id"]) if message is not None else None,
            )
        return payload

    def _find_command(self, name: str, guild_id: int | None) -> JSON | None:
        with self.state.lock:
            pools = []
            if guild_id is not None:
                pools.append(self.state.guild_commands.get(int(guild_id), []))
            pools.append(self.state.global_commands)
            for pool in pools:
                for cmd in pool:
                    if cmd["name"] == name and int(cmd.get("type", 1)) == 1:
                        return dict(cmd)
        return None

    @staticmethod
    def _option_type(value: Any, declared: Mapping[str, Any] | None) -> int:
        if declared is not None and "type" in declared:
            return int(declared["type"])
        if isinstance(value, bool):
            return 5
        if isinstance(value, int):
            return 4
        if isinstance(value, float):
            return 10
        return 3

    def _resolved(self, kind: str, entity_id: int, guild_id: int | None) -> JSON:
        """What Discord sends in ``data.resolved`` for a user, channel or role option."""
        if kind == "users":
            return self.state.user(entity_id)
        with self.state.lock:
            if kind == "channels":
                channel = self.state.channels[entity_id]
                return {
                    "id": str(entity_id),
                    "name": channel.get("name"),
                    "type": channel.get("type", 0),
                    "permissions": "0",
                }
            guild = self.state.guilds[int(guild_id or 0)]
            return _clone(next(r for r in guild["roles"] if r["id"] == str(entity_id)))

    def slash_command(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[JSON] | None,
        user: UserRef,
        guild_id: int | None = None,
        channel_id: int | None = None,
    ) -> JSON:
        """An ``INTERACTION_CREATE`` payload (type 2) for ``/name``. ``name`` may contain a
        subcommand (``"coach ask"``). ``options`` is ``{option: value}`` (types come from the
        synced command when known, else from the Python type) or raw option dicts. Without
        ``guild_id`` the command is used in the bot's DM with the user. Users, channels and
        roles named by options are in ``data.resolved``, as Discord sends them."""
        parts = name.split()
        cmd = self._find_command(parts[0], guild_id)
        declared: list[JSON] = list(cmd.get("options", [])) if cmd else []
        for sub in parts[1:]:
            match = next((o for o in declared if o.get("name") == sub), None)
            declared = list(match.get("options", [])) if match else []
        if options is None:
            leaf: list[JSON] = []
        elif isinstance(options, Mapping):
            leaf = []
            for key, value in options.items():
                decl = next((o for o in declared if o.get("name") == key), None)
                otype = self._option_type(value, decl)
                snowflake = otype in _RESOLVED
                leaf.append(
                    {"name": key, "type": otype, "value": str(value) if snowflake else value}
                )
        else:
            leaf = [dict(o) for o in options]
        resolved: JSON = {}
        for o in leaf:
            if o.get("type") in _RESOLVED:
                kind = _RESOLVED[o["type"]]
                entity = self._resolved(kind, int(o["value"]), guild_id)
                resolved.setdefault(kind, {})[str(o["value"])] = entity
        nested = leaf
        for sub in reversed(parts[1:]):
            nested = [{"name": sub, "type": 1, "options": nested}]
        data: JSON = {
            "id": str(cmd["id"]) if cmd else str(self.state.snowflake()),
            "name": parts[0],
            "type": 1,
            "options": nested,
        }
        if cmd and cmd.get("guild_id"):
            data["guild_id"] = str(cmd["guild_id"])
        if resolved:
            data["resolved"] = resolved
        return self._interaction(INTERACTION_APPLICATION_COMMAND, data, user, guild_id, channel_id)

    def button_press(
        self,
        custom_id: str,
        user: UserRef,
        message_id: int,
        channel_id: int | None = None,
        guild_id: int | None = None,
        *,
        component_type: int = 2,
        values: Sequence[str] | None = None,
    ) -> JSON:
        """An ``INTERACTION_CREATE`` payload (type 3) for a press on a component of a message.
        If the bot sent ``message_id`` (through the emulator) that message object is used."""
        with self.state.lock:
            stored = self.state.stored.get(int(message_id))
            message = _clone(stored.message) if stored else None
        if message is None:
            cid = (
                channel_id
                if channel_id is not None
                else self.state.dm_channel_id(int(self.state.user(user)["id"]))
            )
            row = {"type": component_type, "custom_id": custom_id, "style": 1}
            message = message_object(
                message_id,
                cid,
                dict(self.state.bot_user),
                components=[{"type": 1, "components": [row]}],
            )
        if channel_id is None:
            channel_id = int(message["channel_id"])
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        return self._interaction(
            INTERACTION_MESSAGE_COMPONENT, data, user, guild_id, channel_id, message
        )

    def modal_submit(
        self,
        custom_id: str,
        fields: Mapping[str, str],
        user: UserRef,
        channel_id: int | None = None,
        guild_id: int | None = None,
    ) -> JSON:
        """An ``INTERACTION_CREATE`` payload (type 5) submitting ``fields`` (text input
        custom_id -> value). The component layout mirrors the modal the bot last opened with
        that ``custom_id`` (action rows or labels); otherwise one action row per field."""
        with self.state.lock:
            modal = next(
                (
                    r.data
                    for r in reversed(self.state.interaction_log)
                    if r.type == CALLBACK_MODAL and r.data.get("custom_id") == custom_id
                ),
                None,
            )

        def text_input(cid: str) -> JSON:
            return {"type": 4, "custom_id": cid, "value": fields.get(cid, "")}

        components: list[JSON] = []
        if modal is not None:
            for row in modal.get("components", []):
                if row.get("type") == 1:
                    inner = [
                        text_input(c["custom_id"])
                        for c in row.get("components", [])
                        if c.get("type") == 4
                    ]
                    components.append({"type": 1, "components": inner})
                elif row.get("type") == 18 and row.get("component", {}).get("type") == 4:
                    components.append(
                        {"type": 18, "component": text_input(row["component"]["custom_id"])}
                    )
        else:
            components = [{"type": 1, "components": [text_input(k)]} for k in fields]
        data: JSON = {"custom_id": custom_id, "components": components}
        return self._interaction(INTERACTION_MODAL_SUBMIT, data, user, guild_id, channel_id)
