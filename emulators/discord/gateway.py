"""The gateway websocket: HELLO, IDENTIFY/RESUME, heartbeats, dispatches, sharding, zlib-stream."""

from __future__ import annotations

import contextlib
import json
import secrets
import time
from collections.abc import Mapping, Sequence
from typing import Any

from aiohttp import WSMsgType, web

from emulators.discord.payloads import PayloadBuilders
from emulators.discord.protocol import (
    _GUILD_EVENTS,
    _MEMBER_EVENTS,
    _MESSAGE_EVENTS,
    _REACTION_EVENTS,
    API_VERSION,
    CLOSE_INVALID_SHARD,
    CLOSE_SHARDING_REQUIRED,
    INTENT_DIRECT_MESSAGE_REACTIONS,
    INTENT_DIRECT_MESSAGE_TYPING,
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MEMBERS,
    INTENT_GUILD_MESSAGE_REACTIONS,
    INTENT_GUILD_MESSAGE_TYPING,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILD_PRESENCES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
    JSON,
    OP_DISPATCH,
    OP_HEARTBEAT,
    OP_HEARTBEAT_ACK,
    OP_HELLO,
    OP_IDENTIFY,
    OP_INVALID_SESSION,
    OP_RECONNECT,
    OP_RESUME,
    PRIVILEGED_INTENTS,
    UserRef,
    _clone,
    _now_iso,
    _routing_guild,
    _valid_shard,
    shard_for,
)
from emulators.discord.records import (
    GatewayOp,
    SentDispatch,
    _Conn,
    _Session,
)


class Gateway(PayloadBuilders):
    """The gateway sessions and the dispatches pushed to them."""

    def add_guild(
        self,
        guild_id: int,
        name: str = "Test Guild",
        owner_id: int | None = None,
        *,
        members: Sequence[UserRef] = (),
        roles: Sequence[Mapping[str, Any]] = (),
        channels: Sequence[int | Mapping[str, Any]] = (),
        member_roles: Mapping[int, Sequence[int]] | None = None,
        announce: bool = True,
    ) -> JSON:
        """Add a guild. ``members`` are user ids or user dicts (the bot is added itself);
        ``roles`` are dicts with at least ``id`` (``name``/``permissions`` optional; the
        ``@everyone`` role, id == guild id, is added); ``channels`` are ids (text channels) or
        channel dicts; ``member_roles`` maps user id -> role ids. When a client is connected the
        new guild is announced with GUILD_CREATE (the bot "joins")."""
        owner = int(owner_id) if owner_id is not None else self.bot_id
        member_roles = member_roles or {}
        role_list: list[JSON] = [self._role(guild_id, {"id": guild_id, "name": "@everyone"})]
        role_list += [self._role(guild_id, r) for r in roles if int(r["id"]) != guild_id]
        channel_list: list[JSON] = []
        for position, ch in enumerate(channels):
            raw: Mapping[str, Any] = {"id": ch} if isinstance(ch, int) else ch
            channel_list.append(
                {
                    "id": str(raw["id"]),
                    "type": int(raw.get("type", 0)),
                    "name": str(raw.get("name", f"channel-{raw['id']}")),
                    "position": int(raw.get("position", position)),
                    "permission_overwrites": list(raw.get("permission_overwrites", [])),
                    "parent_id": raw.get("parent_id"),
                    "topic": raw.get("topic"),
                    "nsfw": False,
                    "rate_limit_per_user": 0,
                    "last_message_id": None,
                    "flags": 0,
                }
            )
        member_list: list[JSON] = []
        seen: set[int] = set()
        for ref in [*members, self.bot_id]:
            user = self.user(ref)
            uid = int(user["id"])
            if uid in seen:
                continue
            seen.add(uid)
            member_list.append(self._member(user, [int(r) for r in member_roles.get(uid, [])]))
        guild: JSON = {
            "id": str(guild_id),
            "name": name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(owner),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "features": [],
            "roles": role_list,
            "emojis": [],
            "stickers": [],
            "channels": channel_list,
            "threads": [],
            "members": member_list,
            "member_count": len(member_list),
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "large": False,
            "unavailable": False,
            "joined_at": _now_iso(),
            "application_id": None,
        }
        with self._lock:
            self._guilds[int(guild_id)] = guild
            for ch in channel_list:
                self._channels[int(ch["id"])] = {**ch, "guild_id": str(guild_id)}
            connected = any(s.conn is not None for s in self._sessions.values())
        if announce and connected:
            self.dispatch("GUILD_CREATE", self._guild_create_payload(int(guild_id)))
        return guild

    def dispatch(self, event: str, data: Mapping[str, Any]) -> int:
        """Send a dispatch (op 0) to every identified session, with the next sequence number.
        A disconnected (resumable) session keeps it for replay on RESUME. Returns how many
        sessions got it (sent or queued)."""
        payload = _clone(data)
        with self._lock:
            self._dispatched.append((event, payload))
            if event == "MESSAGE_CREATE" and "id" in payload and "channel_id" in payload:
                self._incoming[int(payload["id"])] = payload  # the bot may fetch it later
        return self._server.run(self._dispatch_all(event, payload))

    def replay_last(self, n: int = 1) -> int:
        """Dispatch again the last ``n`` test dispatches, same payloads (duplicate delivery)."""
        with self._lock:
            again = self._dispatched[-n:]
        total = 0
        for event, data in again:
            total += self._server.run(self._dispatch_all(event, data))
        return total

    def drop_connection(self, code: int | None = 4000, *, hold_reconnect: bool = False) -> None:
        """Close every gateway websocket. ``code`` is the close code (4000 = unknown error,
        resumable); ``None`` aborts the TCP connection without a close frame. With
        ``hold_reconnect`` new connections wait for HELLO until :meth:`release_reconnect`, so
        dispatches sent meanwhile are guaranteed to be missed and replayed on RESUME."""
        self._server.run(self._drop(code, hold_reconnect))

    def release_reconnect(self) -> None:
        self._server.run(self._release())

    def invalidate_session(self, resumable: bool = False) -> None:
        """Send INVALID_SESSION (op 9) to every connected session. Non-resumable sessions are
        forgotten, so the client must IDENTIFY again."""
        self._server.run(self._invalidate(resumable))

    def request_reconnect(self) -> None:
        """Send RECONNECT (op 7); discord.py closes and RESUMEs."""
        self._server.run(self._send_op_all(OP_RECONNECT, None))

    def fail_next_resume(self) -> None:
        """Answer the next RESUME with INVALID_SESSION(false) (as for an expired session)."""
        with self._lock:
            self._fail_next_resume = True

    async def _drop(self, code: int | None, hold: bool) -> None:
        assert self._gate is not None
        if hold:
            self._gate.clear()
        for conn in list(self._conns.values()):
            conn.closed_by_server = True
            session = conn.session
            if session is not None:
                async with session.lock:
                    if session.conn is conn:
                        session.conn = None
            if code is None:
                transport = conn.request.transport
                if transport is not None:
                    transport.abort()
            else:
                with contextlib.suppress(Exception):
                    await conn.ws.close(code=code, message=b"emulator dropped the connection")
        self._notify()

    async def _release(self) -> None:
        assert self._gate is not None
        self._gate.set()

    async def _invalidate(self, resumable: bool) -> None:
        for session in list(self._sessions.values()):
            conn = session.conn
            if conn is None:
                continue
            if not resumable:
                with self._lock:
                    self._sessions.pop(session.session_id, None)
                session.conn = None
            await conn.send({"op": OP_INVALID_SESSION, "d": resumable, "s": None, "t": None})

    async def _send_op_all(self, op: int, d: Any) -> None:
        for session in list(self._sessions.values()):
            if session.conn is not None:
                await session.conn.send({"op": op, "d": d, "s": None, "t": None})

    # ---- gateway dispatch --------------------------------------------------------------------

    def _allowed(self, session: _Session, event: str, data: JSON) -> JSON | None:
        """Apply intents: None if the session must not get the event, else the (maybe blanked)
        payload."""
        if not self.enforce_intents:
            return data
        intents = session.intents
        in_guild = data.get("guild_id") is not None
        needed = 0
        if event in _GUILD_EVENTS:
            needed = INTENT_GUILDS
        elif event in _MEMBER_EVENTS:
            needed = INTENT_GUILD_MEMBERS
        elif event in _MESSAGE_EVENTS:
            needed = INTENT_GUILD_MESSAGES if in_guild else INTENT_DIRECT_MESSAGES
        elif event in _REACTION_EVENTS:
            needed = INTENT_GUILD_MESSAGE_REACTIONS if in_guild else INTENT_DIRECT_MESSAGE_REACTIONS
        elif event == "TYPING_START":
            needed = INTENT_GUILD_MESSAGE_TYPING if in_guild else INTENT_DIRECT_MESSAGE_TYPING
        elif event == "PRESENCE_UPDATE":
            needed = INTENT_GUILD_PRESENCES
        if needed and not intents & needed:
            return None
        if (
            event in ("MESSAGE_CREATE", "MESSAGE_UPDATE")
            and in_guild
            and not intents & INTENT_MESSAGE_CONTENT
        ):
            author = str((data.get("author") or {}).get("id"))
            mentioned = any(str(u.get("id")) == str(self.bot_id) for u in data.get("mentions", []))
            if author != str(self.bot_id) and not mentioned:
                data = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
        return data

    async def _dispatch_all(self, event: str, data: JSON) -> int:
        count = 0
        guild_id = _routing_guild(event, data)
        for session in list(self._sessions.values()):
            shard_id, shard_count = session.shard
            if guild_id is None and shard_id != 0:
                continue  # DMs (and other guild-less events) go to shard 0 only
            if guild_id is not None and shard_for(guild_id, shard_count) != shard_id:
                continue
            if await self._dispatch_to(session, event, data):
                count += 1
        return count

    async def _dispatch_to(self, session: _Session, event: str, data: JSON) -> bool:
        allowed = self._allowed(session, event, data)
        if allowed is None:
            with self._lock:
                self._filtered.append((session.session_id, event, data))
            return False
        async with session.lock:
            session.seq += 1
            seq = session.seq
            session.history.append((seq, event, allowed))
            conn = session.conn
            live = conn is not None
            if conn is not None:
                try:
                    await conn.send({"op": OP_DISPATCH, "t": event, "s": seq, "d": allowed})
                except Exception:
                    live = False
            with self._lock:
                self._sent.append(
                    SentDispatch(
                        session.session_id, seq, event, allowed, live, False, session.shard
                    )
                )
        self._notify()
        return True

    # ---- gateway websocket -------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        compress = request.query.get("compress")
        if compress == "zstd-stream":
            compress = None  # not supported here: plain text frames (discord.py accepts them)
        conn = _Conn(ws, request, compress)
        with self._lock:
            self._conns[conn.id] = conn
            self._connections_opened += 1
            self._gateway_queries.append(dict(request.query))
        try:
            if request.query.get("encoding", "json") != "json":
                await ws.close(code=4002, message=b"only encoding=json is emulated")
                return ws
            if request.query.get("v") not in (None, str(API_VERSION), "9"):
                await ws.close(code=4012, message=b"Invalid API version")
                return ws
            assert self._gate is not None
            await self._gate.wait()
            await conn.send(
                {
                    "op": OP_HELLO,
                    "d": {"heartbeat_interval": self.heartbeat_interval_ms},
                    "s": None,
                    "t": None,
                }
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                try:
                    payload = json.loads(msg.data)
                    op = int(payload["op"])
                except (ValueError, KeyError, TypeError):
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                with self._lock:
                    self._ops.append(GatewayOp(conn.id, op, payload.get("d"), time.time()))
                self._notify()
                await self._on_op(conn, op, payload.get("d"))
        finally:
            with self._lock:
                self._conns.pop(conn.id, None)
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                if not conn.closed_by_server and ws.close_code in (1000, 1001):
                    with self._lock:  # a clean client close ends the session, as on Discord
                        self._sessions.pop(session.session_id, None)
            self._notify()
        return ws

    async def _on_op(self, conn: _Conn, op: int, d: Any) -> None:
        if op == OP_HEARTBEAT:
            await conn.send({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == OP_IDENTIFY:
            await self._identify(conn, d if isinstance(d, dict) else {})
        elif op == OP_RESUME:
            await self._resume(conn, d if isinstance(d, dict) else {})
        elif op in (3, 4, 8, 31):  # presence, voice state, request members, soundboard
            if conn.session is None:
                await conn.ws.close(code=4003, message=b"Not authenticated.")
        else:
            await conn.ws.close(code=4001, message=b"Unknown opcode.")

    async def _identify(self, conn: _Conn, d: JSON) -> None:
        if conn.session is not None:
            await conn.ws.close(code=4005, message=b"Already authenticated.")
            return
        record = dict(d)
        with self._lock:
            self._identifies.append(record)
        if d.get("token") not in self.tokens:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        shard = _valid_shard(d["shard"]) if "shard" in d else (0, 1)
        if shard is None:
            await conn.ws.close(code=CLOSE_INVALID_SHARD, message=b"Invalid shard.")
            return
        with self._lock:
            guild_ids = [g for g in self._guilds if shard_for(g, shard[1]) == shard[0]]
        if len(guild_ids) > self.max_guilds_per_shard:
            await conn.ws.close(code=CLOSE_SHARDING_REQUIRED, message=b"Sharding required.")
            return
        intents = int(d.get("intents", 0))
        if intents & PRIVILEGED_INTENTS and not self.allow_privileged_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        session = _Session(secrets.token_hex(16), str(d["token"]), intents, record, shard)
        with self._lock:
            self._sessions[session.session_id] = session
        conn.session = session
        session.conn = conn
        ready: JSON = {
            "v": API_VERSION,
            "user": dict(self.bot_user),
            "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
            "auth_session_id_hash": "",
            "application": {"id": str(self.application_id), "flags": 0},
            "_trace": ["askcoach-discord-emulator"],
        }
        if "shard" in d:
            ready["shard"] = d["shard"]
        await self._dispatch_to(session, "READY", ready)
        for gid in guild_ids:
            await self._dispatch_to(session, "GUILD_CREATE", self._guild_create_payload(gid))
        with self._lock:
            record["_ready_sent"] = True
        self._notify()

    async def _resume(self, conn: _Conn, d: JSON) -> None:
        record = dict(d)
        with self._lock:
            self._resumes.append(record)
            session = self._sessions.get(str(d.get("session_id")))
            fail = self._fail_next_resume
            self._fail_next_resume = False
        if d.get("token") not in self.tokens:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if session is None or fail or session.token != d.get("token"):
            if session is not None:
                with self._lock:
                    self._sessions.pop(session.session_id, None)
            await conn.send({"op": OP_INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        client_seq = int(d.get("seq") or 0)
        async with session.lock:
            old = session.conn
            if old is not None and old is not conn:
                old.closed_by_server = True
                with contextlib.suppress(Exception):
                    await old.ws.close(code=4000)
            conn.session = session
            for seq, event, data in list(session.history):
                if seq > client_seq:
                    await conn.send({"op": OP_DISPATCH, "t": event, "s": seq, "d": data})
                    with self._lock:
                        self._sent.append(
                            SentDispatch(
                                session.session_id, seq, event, data, True, True, session.shard
                            )
                        )
            session.seq += 1
            await conn.send(
                {
                    "op": OP_DISPATCH,
                    "t": "RESUMED",
                    "s": session.seq,
                    "d": {"_trace": ["askcoach-discord-emulator"]},
                }
            )
            session.conn = conn
            with self._lock:
                record["_resumed_sent"] = True
        self._notify()
