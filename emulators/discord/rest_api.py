"""The REST routes the bot calls (messages, DMs, interactions, webhooks, commands)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from emulators.discord.gateway import Gateway
from emulators.discord.payloads import message_object
from emulators.discord.protocol import (
    CALLBACK_AUTOCOMPLETE_RESULT,
    CALLBACK_CHANNEL_MESSAGE,
    CALLBACK_DEFERRED_CHANNEL_MESSAGE,
    CALLBACK_DEFERRED_UPDATE_MESSAGE,
    CALLBACK_MODAL,
    CALLBACK_UPDATE_MESSAGE,
    INTERACTION_APPLICATION_COMMAND,
    INTERACTION_MESSAGE_COMPONENT,
    INTERACTION_MODAL_SUBMIT,
    JSON,
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    _clone,
    _now_iso,
)
from emulators.discord.records import (
    InteractionResponse,
    StoredMessage,
    UploadedFile,
    _ApiError,
    _Interaction,
    _Req,
    _RouteHandler,
    resolve_pings,
)
from emulators.discord.state import DiscordState
from emulators.serving import LocalServer

#: (method, template, handler, top-level resource parameter, needs Bot auth, counts against
#: the global limit)
RouteSpec = tuple[str, str, _RouteHandler, str | None, bool, bool]


class RestApi:
    """One handler per REST route (``routes()``), each reading and changing the state; the
    HTTP side (``HttpApi``) authenticates and rate-limits a request before its handler runs.
    Holds the server (the attachment URLs it hands out) and the gateway (the address gateway
    discovery answers)."""

    def __init__(
        self,
        state: DiscordState,
        server: LocalServer,
        gateway: Gateway,
        interaction_timeout: float,
    ) -> None:
        self.state = state
        self._server = server
        self._gateway = gateway
        #: Seconds within which an interaction must be answered (Discord: 3).
        self.interaction_timeout = interaction_timeout

    def routes(self) -> list[RouteSpec]:
        """The routes the bot may call, in the order they are matched."""
        return [
            ("GET", "/gateway", self._h_gateway, None, False, True),
            ("GET", "/gateway/bot", self._h_gateway_bot, None, True, True),
            ("GET", "/users/@me", self._h_me, None, True, True),
            ("GET", "/oauth2/applications/@me", self._h_application, None, True, True),
            ("GET", "/applications/@me", self._h_application, None, True, True),
            ("POST", "/users/@me/channels", self._h_open_dm, None, True, True),
            ("GET", "/users/{user_id}", self._h_get_user, None, True, True),
            ("GET", "/channels/{channel_id}", self._h_get_channel, "channel_id", True, True),
            (
                "POST",
                "/channels/{channel_id}/messages",
                self._h_create_message,
                "channel_id",
                True,
                True,
            ),
            (
                "GET",
                "/channels/{channel_id}/messages/{message_id}",
                self._h_get_message,
                "channel_id",
                True,
                True,
            ),
            (
                "PATCH",
                "/channels/{channel_id}/messages/{message_id}",
                self._h_edit_message,
                "channel_id",
                True,
                True,
            ),
            (
                "DELETE",
                "/channels/{channel_id}/messages/{message_id}",
                self._h_delete_message,
                "channel_id",
                True,
                True,
            ),
            ("POST", "/channels/{channel_id}/typing", self._h_typing, "channel_id", True, True),
            (
                "GET",
                "/guilds/{guild_id}/members/{user_id}",
                self._h_get_member,
                "guild_id",
                True,
                True,
            ),
            ("GET", "/guilds/{guild_id}", self._h_get_guild, "guild_id", True, True),
            (
                "GET",
                "/applications/{application_id}/commands",
                self._h_get_commands,
                None,
                True,
                True,
            ),
            (
                "PUT",
                "/applications/{application_id}/commands",
                self._h_put_commands,
                None,
                True,
                True,
            ),
            (
                "POST",
                "/applications/{application_id}/commands",
                self._h_post_command,
                None,
                True,
                True,
            ),
            (
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_get_commands,
                "guild_id",
                True,
                True,
            ),
            (
                "PUT",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_put_commands,
                "guild_id",
                True,
                True,
            ),
            (
                "POST",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_post_command,
                "guild_id",
                True,
                True,
            ),
            (
                "POST",
                "/interactions/{interaction_id}/{token}/callback",
                self._h_callback,
                "interaction_id",
                False,
                False,
            ),
            (
                "POST",
                "/webhooks/{application_id}/{token}",
                self._h_followup,
                "token",
                False,
                False,
            ),
            (
                "GET",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._h_webhook_get,
                "token",
                False,
                False,
            ),
            (
                "PATCH",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._h_webhook_edit,
                "token",
                False,
                False,
            ),
            (
                "DELETE",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._h_webhook_delete,
                "token",
                False,
                False,
            ),
        ]

    async def _h_gateway(self, req: _Req) -> tuple[int, Any]:
        return 200, {"url": self._gateway.url}

    async def _h_gateway_bot(self, req: _Req) -> tuple[int, Any]:
        return 200, {
            "url": self._gateway.url,
            "shards": self._gateway.recommended_shards(),
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14_400_000,
                "max_concurrency": 1,
            },
        }

    async def _h_me(self, req: _Req) -> tuple[int, Any]:
        return 200, dict(self.state.bot_user)

    async def _h_application(self, req: _Req) -> tuple[int, Any]:
        return 200, {
            "id": str(self.state.application_id),
            "name": self.state.bot_user["username"],
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "hook": True,
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": 0,
            "owner": self.state.user(1),
            "team": None,
            "bot": dict(self.state.bot_user),
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
            "approximate_guild_count": len(self.state.guilds),
        }

    async def _h_open_dm(self, req: _Req) -> tuple[int, Any]:
        body = req.json if isinstance(req.json, dict) else {}
        if "recipient_id" not in body:
            raise _ApiError(400, "Invalid Form Body", 50035)
        uid = int(body["recipient_id"])
        cid = self.state.dm_channel_id(uid)
        with self.state.lock:
            self.state.dm_open_calls.append(uid)
            return 200, dict(self.state.channels[cid])

    def _known(self, table: Mapping[int, JSON], key: str, unknown: str, code: int) -> JSON:
        """The object with id ``key``, or Discord's 404 "Unknown ..." error."""
        with self.state.lock:
            found = table.get(int(key))
        if found is None:
            raise _ApiError(404, unknown, code)
        return found

    async def _h_get_user(self, req: _Req) -> tuple[int, Any]:
        return 200, dict(
            self._known(self.state.users, req.params["user_id"], "Unknown User", 10013)
        )

    async def _h_get_channel(self, req: _Req) -> tuple[int, Any]:
        channel = self._known(
            self.state.channels, req.params["channel_id"], "Unknown Channel", 10003
        )
        return 200, dict(channel)

    async def _h_get_guild(self, req: _Req) -> tuple[int, Any]:
        guild = self._known(self.state.guilds, req.params["guild_id"], "Unknown Guild", 10004)
        return 200, {k: v for k, v in guild.items() if k not in ("members", "channels")}

    async def _h_get_member(self, req: _Req) -> tuple[int, Any]:
        guild = self._known(self.state.guilds, req.params["guild_id"], "Unknown Guild", 10004)
        for member in guild["members"]:
            if member["user"]["id"] == str(req.params["user_id"]):
                return 200, dict(member)
        raise _ApiError(404, "Unknown Member", 10007)

    def _new_message(
        self,
        channel_id: int,
        payload: JSON,
        files: list[UploadedFile],
        source: str,
        *,
        interaction: _Interaction | None = None,
        flags: int = 0,
    ) -> StoredMessage:
        mid = self.state.snowflake()
        attachments = []
        for index, f in enumerate(files):
            url = self._server.url(f"/attachments/{mid}/{index}/{f.filename}")
            attachments.append(
                {
                    "id": str(self.state.snowflake()),
                    "filename": f.filename,
                    "size": len(f.data),
                    "url": url,
                    "proxy_url": url,
                    "content_type": f.content_type,
                }
            )
        with self.state.lock:
            ch = self.state.channels.get(channel_id, {})
        message = message_object(
            mid,
            channel_id,
            dict(self.state.bot_user),
            str(payload.get("content") or ""),
            kind=20 if interaction and interaction.type == 2 else 0,
            attachments=attachments,
            embeds=[{"type": "rich", **e} for e in payload.get("embeds") or []],
            components=payload.get("components") or [],
            tts=bool(payload.get("tts", False)),
            flags=int(payload.get("flags") or 0) | flags,
        )
        if "nonce" in payload:
            message["nonce"] = payload["nonce"]
        if payload.get("message_reference"):
            message["message_reference"] = payload["message_reference"]
            message["type"] = 19
        if ch.get("guild_id"):
            message["guild_id"] = ch["guild_id"]
        pings = resolve_pings(message["content"], payload.get("allowed_mentions"))
        message["mention_everyone"] = pings.everyone
        message["mentions"] = [self.state.user(u) for u in sorted(pings.users)]
        message["mention_roles"] = [str(r) for r in sorted(pings.roles)]
        stored = StoredMessage(
            id=mid,
            channel_id=channel_id,
            source=source,
            payload=dict(payload),
            message=message,
            files=list(files),
            interaction_id=interaction.id if interaction else None,
        )
        with self.state.lock:
            self.state.stored[mid] = stored
            if channel_id in self.state.channels:
                self.state.channels[channel_id]["last_message_id"] = str(mid)
        return stored

    def _edit(self, stored: StoredMessage, payload: JSON, files: list[UploadedFile]) -> JSON:
        with self.state.lock:
            stored.edits.append(dict(payload))
            msg = stored.message
            if "content" in payload:
                msg["content"] = str(payload["content"] or "")
            if "embeds" in payload:
                msg["embeds"] = [{"type": "rich", **e} for e in payload["embeds"] or []]
            if "components" in payload:
                msg["components"] = list(payload["components"] or [])
            if "flags" in payload and payload["flags"] is not None:
                msg["flags"] = int(payload["flags"])
            msg["flags"] = int(msg.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
            if "allowed_mentions" in payload:
                stored.payload["allowed_mentions"] = payload["allowed_mentions"]
            if files:
                stored.files.extend(files)
            msg["edited_timestamp"] = _now_iso()
            return _clone(msg)

    async def _h_create_message(self, req: _Req) -> tuple[int, Any]:
        cid = int(req.params["channel_id"])
        payload = req.json if isinstance(req.json, dict) else {}
        with self.state.lock:
            ch = self.state.channels.get(cid)
            closed = False
            if ch is not None and ch.get("type") == 1:
                recipient = int(ch["recipients"][0]["id"])
                closed = recipient in self.state.closed_dms
        if ch is None:
            raise _ApiError(404, "Unknown Channel", 10003)
        if closed:
            raise _ApiError(403, "Cannot send messages to this user", 50007)
        if not (
            payload.get("content")
            or payload.get("embeds")
            or payload.get("components")
            or req.files
            or payload.get("sticker_ids")
            or payload.get("poll")
        ):
            raise _ApiError(400, "Cannot send an empty message", 50006)
        if len(str(payload.get("content") or "")) > 2000:
            raise _ApiError(
                400,
                "Invalid Form Body",
                50035,
                {
                    "errors": {
                        "content": {
                            "_errors": [
                                {
                                    "code": "BASE_TYPE_MAX_LENGTH",
                                    "message": "Must be 2000 or fewer in length.",
                                }
                            ]
                        }
                    }
                },
            )
        stored = self._new_message(cid, payload, req.files, "rest")
        return 200, _clone(stored.message)

    def _stored_in(self, req: _Req) -> StoredMessage:
        with self.state.lock:
            stored = self.state.stored.get(int(req.params["message_id"]))
        if stored is None or stored.deleted or stored.channel_id != int(req.params["channel_id"]):
            raise _ApiError(404, "Unknown Message", 10008)
        return stored

    async def _h_get_message(self, req: _Req) -> tuple[int, Any]:
        with self.state.lock:
            incoming = self.state.incoming.get(int(req.params["message_id"]))
        if incoming is not None and incoming["channel_id"] == str(req.params["channel_id"]):
            return 200, _clone(incoming)  # a message someone sent (dispatched earlier)
        return 200, _clone(self._stored_in(req).message)

    def _edited(self, stored: StoredMessage, req: _Req) -> tuple[int, Any]:
        payload = req.json if isinstance(req.json, dict) else {}
        return 200, self._edit(stored, payload, req.files)

    def _deleted(self, stored: StoredMessage) -> tuple[int, Any]:
        with self.state.lock:
            stored.deleted = True
        return 204, None

    async def _h_edit_message(self, req: _Req) -> tuple[int, Any]:
        return self._edited(self._stored_in(req), req)

    async def _h_delete_message(self, req: _Req) -> tuple[int, Any]:
        return self._deleted(self._stored_in(req))

    async def _h_typing(self, req: _Req) -> tuple[int, Any]:
        return 204, None

    def _commands_pool(self, req: _Req) -> list[JSON]:
        if int(req.params["application_id"]) != self.state.application_id:
            raise _ApiError(403, "Missing Access", 50001)
        gid = req.params.get("guild_id")
        if gid is None:
            return self.state.global_commands
        return self.state.guild_commands.setdefault(int(gid), [])

    def _command(self, raw: JSON, gid: str | None, existing: list[JSON]) -> JSON:
        ctype = int(raw.get("type", 1))
        old = next(
            (c for c in existing if c["name"] == raw.get("name") and c["type"] == ctype), None
        )
        cmd: JSON = {
            "id": old["id"] if old else str(self.state.snowflake()),
            "application_id": str(self.state.application_id),
            "version": str(self.state.snowflake()),
            "type": ctype,
            "name": raw["name"],
            "description": raw.get("description", ""),
            "options": raw.get("options", []),
            "default_member_permissions": raw.get("default_member_permissions"),
            "dm_permission": raw.get("dm_permission", True),
            "nsfw": raw.get("nsfw", False),
            "integration_types": raw.get("integration_types", [0]),
            "contexts": raw.get("contexts"),
            "name_localizations": raw.get("name_localizations"),
            "description_localizations": raw.get("description_localizations"),
        }
        if gid is not None:
            cmd["guild_id"] = gid
        return cmd

    async def _h_get_commands(self, req: _Req) -> tuple[int, Any]:
        with self.state.lock:
            return 200, [dict(c) for c in self._commands_pool(req)]

    async def _h_put_commands(self, req: _Req) -> tuple[int, Any]:
        if not isinstance(req.json, list):
            raise _ApiError(400, "Invalid Form Body", 50035)
        with self.state.lock:
            pool = self._commands_pool(req)
            new = [self._command(c, req.params.get("guild_id"), pool) for c in req.json]
            pool[:] = new
            return 200, [dict(c) for c in new]

    async def _h_post_command(self, req: _Req) -> tuple[int, Any]:
        if not isinstance(req.json, dict) or "name" not in req.json:
            raise _ApiError(400, "Invalid Form Body", 50035)
        with self.state.lock:
            pool = self._commands_pool(req)
            cmd = self._command(req.json, req.params.get("guild_id"), pool)
            pool[:] = [c for c in pool if c["id"] != cmd["id"]] + [cmd]
            return 201, dict(cmd)

    def _interaction_by_token(self, token: str) -> _Interaction:
        with self.state.lock:
            found = next((i for i in self.state.interactions.values() if i.token == token), None)
        if found is None or not found.acked:
            raise _ApiError(404, "Unknown Webhook", 10015)
        return found

    async def _h_callback(self, req: _Req) -> tuple[int, Any]:
        with self.state.lock:
            inter = self.state.interactions.get(int(req.params["interaction_id"]))
        if inter is None or time.monotonic() - inter.created > self.interaction_timeout:
            raise _ApiError(404, "Unknown interaction", 10062)
        if inter.token != req.params["token"]:
            raise _ApiError(401, "Invalid Webhook Token", 50027)
        body = req.json if isinstance(req.json, dict) else {}
        ctype = int(body.get("type", 0))
        data: JSON = dict(body.get("data") or {})
        with self.state.lock:
            if inter.acked:
                raise _ApiError(400, "Interaction has already been acknowledged.", 40060)
            valid = {
                CALLBACK_CHANNEL_MESSAGE,
                CALLBACK_DEFERRED_CHANNEL_MESSAGE,
            }
            if inter.type in (INTERACTION_MESSAGE_COMPONENT, INTERACTION_MODAL_SUBMIT):
                valid |= {CALLBACK_DEFERRED_UPDATE_MESSAGE, CALLBACK_UPDATE_MESSAGE}
            if inter.type in (INTERACTION_APPLICATION_COMMAND, INTERACTION_MESSAGE_COMPONENT):
                valid.add(CALLBACK_MODAL)
            if inter.type == 4:
                valid = {CALLBACK_AUTOCOMPLETE_RESULT}
            if ctype not in valid:
                raise _ApiError(400, "Interaction response type is not valid", 50035)
            inter.acked = True
        message: JSON | None = None
        if ctype == CALLBACK_CHANNEL_MESSAGE:
            stored = self._new_message(
                inter.channel_id, data, req.files, "interaction", interaction=inter
            )
            inter.original_message_id = stored.id
            message = stored.message
        elif ctype == CALLBACK_DEFERRED_CHANNEL_MESSAGE:
            stored = self._new_message(
                inter.channel_id,
                {"flags": data.get("flags", 0)},
                [],
                "interaction",
                interaction=inter,
                flags=MESSAGE_FLAG_LOADING,
            )
            inter.original_message_id = stored.id
            message = stored.message
        elif ctype == CALLBACK_UPDATE_MESSAGE and inter.message_id is not None:
            with self.state.lock:
                target = self.state.stored.get(inter.message_id)
            if target is not None:
                message = self._edit(target, data, req.files)
            inter.original_message_id = inter.message_id
        elif ctype == CALLBACK_DEFERRED_UPDATE_MESSAGE:
            inter.original_message_id = inter.message_id
        response = InteractionResponse(
            inter.id, inter.token, ctype, data, inter.original_message_id
        )
        with self.state.lock:
            self.state.interaction_log.append(response)
        if req.query.get("with_response") not in ("1", "true", "True"):
            return 204, None
        flags = int((message or {}).get("flags") or data.get("flags") or 0)
        answer: JSON = {
            "interaction": {
                "id": str(inter.id),
                "type": inter.type,
                "response_message_loading": ctype == CALLBACK_DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(flags & MESSAGE_FLAG_EPHEMERAL),
            },
            "resource": {"type": ctype},
        }
        if inter.original_message_id is not None and ctype in (4, 5, 7):
            answer["interaction"]["response_message_id"] = str(inter.original_message_id)
        if message is not None:
            answer["resource"]["message"] = _clone(message)
        return 200, answer

    async def _h_followup(self, req: _Req) -> tuple[int, Any]:
        inter = self._interaction_by_token(req.params["token"])
        payload = req.json if isinstance(req.json, dict) else {}
        if inter.original_message_id is not None:
            with self.state.lock:
                original = self.state.stored.get(inter.original_message_id)
            if original is not None and original.flags & MESSAGE_FLAG_LOADING:
                # the first followup after a deferral replaces the "thinking" message
                return 200, self._edit(original, payload, req.files)
        stored = self._new_message(
            inter.channel_id, payload, req.files, "webhook", interaction=inter
        )
        return 200, _clone(stored.message)

    def _webhook_target(self, req: _Req) -> StoredMessage:
        inter = self._interaction_by_token(req.params["token"])
        mid_raw = req.params.get("message_id", "@original")
        mid = inter.original_message_id if mid_raw == "@original" else int(mid_raw)
        with self.state.lock:
            stored = self.state.stored.get(mid) if mid is not None else None
        if stored is None or stored.deleted:
            raise _ApiError(404, "Unknown Message", 10008)
        return stored

    async def _h_webhook_get(self, req: _Req) -> tuple[int, Any]:
        return 200, _clone(self._webhook_target(req).message)

    async def _h_webhook_edit(self, req: _Req) -> tuple[int, Any]:
        return self._edited(self._webhook_target(req), req)

    async def _h_webhook_delete(self, req: _Req) -> tuple[int, Any]:
        return self._deleted(self._webhook_target(req))
