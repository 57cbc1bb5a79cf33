"""The Slack Web API methods the bot calls (``chat.postMessage``, ``conversations.*``,
``views.*``, ``files.*``, ``oauth.v2.access`` ...), each answering as Slack documents."""

from __future__ import annotations

import base64
import copy
import json
import time
import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from emulators.serving import LocalServer
from emulators.slack.defaults import (
    JsonDict,
)
from emulators.slack.records import (
    SlackApiFailure,
    Team,
    UploadedFile,
    _Handler,
    _Request,
    _TokenInfo,
)
from emulators.slack.socket_mode import SocketMode
from emulators.slack.state import SlackState, _scopes


class WebApi:
    """One handler per Web API method (``handlers``), each reading and changing the state.
    The HTTP side (``HttpApi``) authenticates and rate-limits a call before its handler runs,
    under the state's lock. Holds the server for the upload URLs it hands out, and Socket Mode
    for the connection tickets ``apps.connections.open`` hands out."""

    def __init__(self, state: SlackState, server: LocalServer, socket_mode: SocketMode) -> None:
        self.state = state
        self._server = server
        self._socket_mode = socket_mode
        self.handlers: dict[str, _Handler] = {
            "api.test": self._api_test,
            "auth.test": self._auth_test,
            "auth.revoke": self._auth_revoke,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "conversations.open": self._conversations_open,
            "conversations.members": self._conversations_members,
            "conversations.history": self._conversations_history,
            "users.info": self._users_info,
            "users.list": self._users_list,
            "team.info": self._team_info,
            "views.publish": self._views_publish,
            "views.open": self._views_open,
            "views.update": self._views_update,
            "files.getUploadURLExternal": self._files_get_upload_url_external,
            "files.completeUploadExternal": self._files_complete_upload_external,
            "apps.connections.open": self._apps_connections_open,
            "oauth.v2.access": self._oauth_v2_access,
        }

    @staticmethod
    def _require(params: JsonDict, name: str, error: str | None = None) -> str:
        value = params.get(name)
        if value is None or value == "":
            raise SlackApiFailure(error or f"invalid_arguments: missing {name}")
        return str(value)

    @staticmethod
    def _json_param(params: JsonDict, name: str) -> Any:
        value = params.get(name)
        if isinstance(value, str | bytes):
            try:
                return json.loads(value)
            except ValueError as exc:
                raise SlackApiFailure(f"invalid_{name}") from exc
        return value

    def _team_of(self, req: _Request) -> Team:
        if req.team_id is None or req.team_id not in self.state.teams:
            raise SlackApiFailure("team_not_found")
        return self.state.teams[req.team_id]

    def _resolve_channel(self, team: Team, channel: str) -> str:
        """A user id as ``channel`` means the bot's DM with that user (as on Slack)."""
        if channel[:1] in ("U", "W"):
            if channel not in self.state.users.get(team.id, {}):
                raise SlackApiFailure("channel_not_found")
            return self.state.dm_channel(team.id, channel)
        return channel

    def _user_object(self, team_id: str, user_id: str) -> JsonDict:
        user = self.state.users.get(team_id, {}).get(user_id)
        if user is None:
            raise SlackApiFailure("user_not_found")
        result: JsonDict = copy.deepcopy(user)
        zone = ZoneInfo(result["tz"])
        offset = datetime.now(zone).utcoffset()
        result["tz_offset"] = int(offset.total_seconds()) if offset else 0
        result["tz_label"] = datetime.now(zone).tzname()
        return result

    @staticmethod
    def _paginate(items: list[Any], params: JsonDict) -> tuple[list[Any], str]:
        limit = int(params.get("limit") or 0) or len(items) or 1
        start = int(base64.b64decode(params["cursor"]).decode()) if params.get("cursor") else 0
        page = items[start : start + limit]
        end = start + limit
        cursor = base64.b64encode(str(end).encode()).decode() if end < len(items) else ""
        return page, cursor

    def _view_object(self, team: Team, view: JsonDict, view_id: str | None = None) -> JsonDict:
        view_id = view_id or self.state.new_id("V")
        return {
            "id": view_id,
            "team_id": team.id,
            "type": view.get("type", "modal"),
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "external_id": view.get("external_id", ""),
            "title": view.get("title"),
            "submit": view.get("submit"),
            "close": view.get("close"),
            "state": {"values": {}},
            "hash": uuid.uuid4().hex[:16],
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
            "root_view_id": view_id,
            "previous_view_id": None,
            "app_id": self.state.app_id,
            "app_installed_team_id": team.id,
            "bot_id": team.bot_id,
        }

    # ---------------------------------------------------------------- method handlers

    def _api_test(self, req: _Request) -> JsonDict:
        args = {k: v for k, v in req.params.items() if k != "token"}
        return {"ok": True, "args": args} if args else {"ok": True}

    def _auth_test(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        return {
            "ok": True,
            "url": f"https://{team.domain}.slack.com/",
            "team": team.name,
            "user": "askcoach",
            "team_id": team.id,
            "user_id": team.bot_user_id,
            "bot_id": team.bot_id,
            "is_enterprise_install": False,
        }

    def _auth_revoke(self, req: _Request) -> JsonDict:
        assert req.token is not None
        if str(req.params.get("test", "")).lower() not in ("1", "true"):
            self.state.tokens[req.token].revoked = "token_revoked"
        return {"ok": True, "revoked": True}

    def _message_object(self, team: Team, params: JsonDict, ts: str) -> JsonDict:
        text = params.get("text")
        blocks = self._json_param(params, "blocks")
        attachments = self._json_param(params, "attachments")
        if not text and not blocks and not attachments:
            raise SlackApiFailure("no_text")
        message: JsonDict = {
            "type": "message",
            "subtype": "bot_message",
            "user": team.bot_user_id,
            "bot_id": team.bot_id,
            "app_id": self.state.app_id,
            "team": team.id,
            "text": text or "",
            "ts": ts,
        }
        if blocks:
            message["blocks"] = blocks
        if attachments:
            message["attachments"] = attachments
        if params.get("thread_ts"):
            message["thread_ts"] = str(params["thread_ts"])
        metadata = self._json_param(params, "metadata")
        if metadata:
            if not isinstance(metadata, dict) or not isinstance(metadata.get("event_type"), str):
                raise SlackApiFailure("invalid_metadata_format")
            if not isinstance(metadata.get("event_payload", {}), dict):
                raise SlackApiFailure("invalid_metadata_format")
            message["metadata"] = {
                "event_type": metadata["event_type"],
                "event_payload": copy.deepcopy(metadata.get("event_payload", {})),
            }
        return message

    def _chat_post_message(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._resolve_channel(
            team, self._require(req.params, "channel", "channel_not_found")
        )
        ts = self.state.next_ts()
        message = self._message_object(team, req.params, ts)
        self.state.posted[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _chat_update(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._require(req.params, "channel", "channel_not_found")
        ts = self._require(req.params, "ts", "message_not_found")
        if (channel, ts) not in self.state.posted:
            raise SlackApiFailure("message_not_found")
        message = self._message_object(team, req.params, ts)
        message["edited"] = {"user": team.bot_user_id, "ts": self.state.next_ts()}
        self.state.posted[(channel, ts)] = message
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "text": message["text"],
            "message": message,
        }

    def _chat_post_ephemeral(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        self._require(req.params, "channel", "channel_not_found")
        user = self._require(req.params, "user", "user_not_in_channel")
        if user not in self.state.users.get(team.id, {}):
            raise SlackApiFailure("user_not_found")
        self._message_object(team, req.params, "0")
        return {"ok": True, "message_ts": self.state.next_ts()}

    def _conversations_open(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        if req.params.get("channel"):
            return {"ok": True, "channel": {"id": str(req.params["channel"])}}
        users = [u for u in str(req.params.get("users") or "").split(",") if u]
        if not users:
            raise SlackApiFailure("users_list_not_supplied")
        for user in users:
            if user not in self.state.users.get(team.id, {}):
                raise SlackApiFailure("user_not_found")
        if len(users) == 1:
            existed = (team.id, users[0]) in self.state.dms
            channel_id = self.state.dm_channel(team.id, users[0])
            channel: JsonDict = {"id": channel_id}
            if str(req.params.get("return_im", "")).lower() in ("1", "true"):
                channel.update({"is_im": True, "user": users[0], "created": int(time.time())})
            return {"ok": True, "no_op": existed, "already_open": existed, "channel": channel}
        key = (team.id, ",".join(sorted(users)))
        if key not in self.state.dms:
            self.state.dms[key] = self.state.new_id("G")
        return {"ok": True, "channel": {"id": self.state.dms[key], "is_mpim": True}}

    def _conversations_members(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._require(req.params, "channel", "channel_not_found")
        members = self.state.channels.get(team.id, {}).get(channel)
        if members is None:
            dm_users = [u for (t, u), d in self.state.dms.items() if t == team.id and d == channel]
            if not dm_users:
                raise SlackApiFailure("channel_not_found")
            members = [dm_users[0], team.bot_user_id]
        page, cursor = self._paginate(members, req.params)
        return {"ok": True, "members": page, "response_metadata": {"next_cursor": cursor}}

    def _conversations_history(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._require(req.params, "channel", "channel_not_found")
        known = (
            channel in self.state.channels.get(team.id, {}) or channel in self.state.dms.values()
        )
        if not known and not any(ch == channel for ch, _ in self.state.posted):
            raise SlackApiFailure("channel_not_found")  # a user id is not a conversation id
        needed = {"D": "im:history", "C": "channels:history", "G": "groups:history"}.get(
            channel[:1], "channels:history"
        )
        info = self.state.tokens[req.token or ""]
        if needed not in info.scopes:
            raise SlackApiFailure(
                "missing_scope", needed=needed, provided=",".join(sorted(info.scopes))
            )
        inclusive = _truthy(req.params.get("inclusive"))
        oldest = float(req.params.get("oldest") or 0)
        latest = float(req.params.get("latest") or time.time())

        def within(ts: float) -> bool:
            if inclusive:
                return oldest <= ts <= latest
            return oldest < ts < latest

        found = [
            copy.deepcopy(m)
            for (ch, ts), m in sorted(
                self.state.posted.items(), key=lambda kv: kv[0][1], reverse=True
            )
            if ch == channel
            and within(float(ts))
            and m.get("thread_ts", ts) == ts  # replies stay in their thread
        ]
        if not _truthy(req.params.get("include_all_metadata")):
            for message in found:
                message.pop("metadata", None)
        params = {**req.params, "limit": min(int(req.params.get("limit") or 100), 999)}
        page, cursor = self._paginate(found, params)
        return {
            "ok": True,
            "messages": page,
            "has_more": bool(cursor),
            "pin_count": 0,
            "response_metadata": {"next_cursor": cursor},
        }

    def _users_info(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        user = self._require(req.params, "user", "user_not_found")
        return {"ok": True, "user": self._user_object(team.id, user)}

    def _users_list(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        users = [self._user_object(team.id, u) for u in self.state.users.get(team.id, {})]
        page, cursor = self._paginate(users, req.params)
        return {
            "ok": True,
            "members": page,
            "cache_ts": int(time.time()),
            "response_metadata": {"next_cursor": cursor},
        }

    def _team_info(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        return {
            "ok": True,
            "team": {
                "id": team.id,
                "name": team.name,
                "domain": team.domain,
                "email_domain": "example.test",
                "url": f"https://{team.domain}.slack.com/",
                "icon": {"image_default": True},
                "is_verified": False,
            },
        }

    def _views_publish(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        user = self._require(req.params, "user_id", "user_not_found")
        if user not in self.state.users.get(team.id, {}):
            raise SlackApiFailure("user_not_found")
        view = self._json_param(req.params, "view")
        if not isinstance(view, dict) or view.get("type") != "home":
            raise SlackApiFailure("invalid_arguments")
        previous = self.state.home_views.get((team.id, user))
        obj = self._view_object(team, view, previous["id"] if previous else None)
        self.state.home_views[(team.id, user)] = obj
        self.state.views[obj["id"]] = obj
        return {"ok": True, "view": obj}

    def _views_open(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        self._require(req.params, "trigger_id", "invalid_trigger_id")
        view = self._json_param(req.params, "view")
        if not isinstance(view, dict):
            raise SlackApiFailure("invalid_arguments")
        obj = self._view_object(team, view)
        self.state.views[obj["id"]] = obj
        return {"ok": True, "view": obj}

    def _views_update(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        view = self._json_param(req.params, "view")
        if not isinstance(view, dict):
            raise SlackApiFailure("invalid_arguments")
        view_id = req.params.get("view_id")
        if not view_id and req.params.get("external_id"):
            ext = req.params["external_id"]
            view_id = next(
                (v["id"] for v in self.state.views.values() if v["external_id"] == ext), None
            )
        if not view_id or view_id not in self.state.views:
            raise SlackApiFailure("not_found")
        obj = self._view_object(team, view, str(view_id))
        self.state.views[obj["id"]] = obj
        return {"ok": True, "view": obj}

    def _files_get_upload_url_external(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        filename = self._require(req.params, "filename", "invalid_arguments")
        length = int(self._require(req.params, "length", "invalid_arguments"))
        file_id = self.state.new_id("F")
        self.state.files[file_id] = UploadedFile(
            id=file_id,
            team_id=team.id,
            filename=filename,
            length=length,
            alt_txt=req.params.get("alt_txt"),
        )
        return {
            "ok": True,
            "upload_url": self._server.url(f"/upload/{file_id}"),
            "file_id": file_id,
        }

    def _files_complete_upload_external(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        entries = self._json_param(req.params, "files")
        if not isinstance(entries, list) or not entries:
            raise SlackApiFailure("invalid_arguments")
        channels = [c for c in str(req.params.get("channels") or "").split(",") if c]
        if req.params.get("channel_id"):
            channels.insert(0, str(req.params["channel_id"]))
        result: list[JsonDict] = []
        for entry in entries:
            uploaded = self.state.files.get(str(entry.get("id")))
            if uploaded is None or uploaded.team_id != team.id or uploaded.data is None:
                raise SlackApiFailure("file_not_found")
            uploaded.title = entry.get("title") or uploaded.filename
            uploaded.channels = channels
            uploaded.initial_comment = req.params.get("initial_comment")
            uploaded.thread_ts = req.params.get("thread_ts")
            uploaded.completed = True
            result.append(
                {
                    "id": uploaded.id,
                    "created": int(time.time()),
                    "name": uploaded.filename,
                    "title": uploaded.title,
                    "mimetype": _guess_mimetype(uploaded.filename),
                    "size": len(uploaded.data),
                    "user": team.bot_user_id,
                    "channels": [c for c in channels if c[:1] == "C"],
                    "ims": [c for c in channels if c[:1] == "D"],
                    "groups": [c for c in channels if c[:1] == "G"],
                }
            )
        return {"ok": True, "files": result}

    def _apps_connections_open(self, req: _Request) -> JsonDict:
        return {"ok": True, "url": self._socket_mode.connection_url()}

    def _oauth_v2_access(self, req: _Request) -> JsonDict:
        client_id, client_secret = req.params.get("client_id"), req.params.get("client_secret")
        authorization = str(req.params.get("_authorization", ""))
        if authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization[len("Basic ") :]).decode()
            client_id, _, client_secret = decoded.partition(":")
        if client_id != self.state.client_id:
            raise SlackApiFailure("invalid_client_id")
        if client_secret != self.state.client_secret:
            raise SlackApiFailure("bad_client_secret")
        grant = self.state.oauth_codes.pop(str(req.params.get("code", "")), None)
        if grant is None:
            raise SlackApiFailure("invalid_code")
        team = self.state.teams[grant["team_id"]]
        if self.state.tokens[team.bot_token].revoked:  # installed again: Slack issues a new token
            team.bot_token = f"xoxb-{team.id}-emulator-{self.state.new_id('R').lower()}"
            self.state.tokens[team.bot_token] = _TokenInfo("bot", team.id)
        self.state.tokens[team.bot_token].scopes = _scopes(grant["scope"])
        return {
            "ok": True,
            "app_id": self.state.app_id,
            "authed_user": {"id": grant["user_id"]},
            "scope": grant["scope"],
            "token_type": "bot",
            "access_token": team.bot_token,
            "bot_user_id": team.bot_user_id,
            "team": {"id": team.id, "name": team.name},
            "enterprise": None,
            "is_enterprise_install": False,
        }


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("1", "true")


def _guess_mimetype(filename: str) -> str:
    lowered = filename.lower()
    for suffix, mimetype in (
        (".png", "image/png"),
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".csv", "text/csv"),
        (".txt", "text/plain"),
        (".json", "application/json"),
    ):
        if lowered.endswith(suffix):
            return mimetype
    return "application/octet-stream"
