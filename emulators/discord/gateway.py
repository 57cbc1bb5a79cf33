"""The gateway websocket: HELLO, IDENTIFY/RESUME, heartbeats, dispatches, sharding, zlib-stream."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import secrets
import time
from collections.abc import Mapping
from typing import Any

from aiohttp import WSMsgType, web

from emulators.discord.protocol import (
    _GUILD_EVENTS,
    _MEMBER_EVENTS,
    _MESSAGE_EVENTS,
    _REACTION_EVENTS,
    API_VERSION,
    CLOSE_INVALID_SHARD,
    CLOSE_SHARDING_REQUIRED,
    GUILDS_PER_RECOMMENDED_SHARD,
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
    _clone,
    _routing_guild,
    _valid_shard,
    shard_for,
)
from emulators.discord.records import (
    GatewayOp,
    GatewayRules,
    SentDispatch,
    _Conn,
    _Session,
)
from emulators.discord.state import DiscordState
from emulators.serving import Connections, LocalServer
from emulators.state import nth


class Gateway:
    """The gateway sessions, the connections serving them and the dispatches pushed to them.
    Holds the state (the bot's token and user, the guilds a session is told about, the lock
    tests wait on) and the server (its address, its loop)."""

    def __init__(self, state: DiscordState, server: LocalServer, rules: GatewayRules) -> None:
        self.state = state
        self._server = server
        self.rules = rules
        self._ops: list[GatewayOp] = []
        self._identifies: list[JSON] = []
        self._resumes: list[JSON] = []
        self._sent: list[SentDispatch] = []
        self._filtered: list[tuple[str, str, JSON]] = []
        self._dispatched: list[tuple[str, JSON]] = []
        self._sessions: dict[str, _Session] = {}
        self.connections: Connections[_Conn] = Connections(state.lock)
        self._gateway_queries: list[dict[str, str]] = []
        self._fail_next_resume = False
        self._gate: asyncio.Event | None = None

    @property
    def url(self) -> str:
        """The websocket URL (``DISCORD_GATEWAY_URL``; discord.py appends ``?v=10&...``)."""
        return self._server.url("/gateway", "ws")

    def recommended_shards(self) -> int:
        """The shard count ``GET /gateway/bot`` recommends."""
        with self.state.lock:
            guilds = len(self.state.guilds)
        by_size = max(1, math.ceil(guilds / GUILDS_PER_RECOMMENDED_SHARD))
        return self.rules.recommended_shards or by_size

    def start(self) -> None:
        """On the server's loop, before the first connection: the gate new ones wait at."""
        self._gate = asyncio.Event()
        self._gate.set()

    async def close_all(self) -> None:
        """Close every connection (at shutdown)."""
        for conn in self.connections.open:
            conn.closed_by_server = True
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001, message=b"emulator stopping")

    def announce_guild(self, guild_id: int) -> None:
        """GUILD_CREATE for a guild just added, when a client is connected (the bot "joins")."""
        if self.connected:
            self.dispatch("GUILD_CREATE", self.state.guild_create_payload(guild_id))

    def ops_received(self, op: int | None = None) -> list[GatewayOp]:
        with self.state.lock:
            return [o for o in self._ops if op is None or o.op == op]

    @property
    def identifies(self) -> list[JSON]:
        """Every IDENTIFY payload received (accepted or not)."""
        with self.state.lock:
            return [self._public(i) for i in self._identifies]

    @property
    def resumes(self) -> list[JSON]:
        """Every RESUME payload received (accepted or not)."""
        with self.state.lock:
            return [self._public(r) for r in self._resumes]

    @property
    def gateway_queries(self) -> list[dict[str, str]]:
        """The query string of every gateway connection (``v``, ``encoding``, ``compress``)."""
        with self.state.lock:
            return [dict(q) for q in self._gateway_queries]

    def sent(self, event: str | None = None) -> list[SentDispatch]:
        """Dispatches sent or queued to sessions (READY, GUILD_CREATE, test dispatches...)."""
        with self.state.lock:
            return [s for s in self._sent if event is None or s.event == event]

    def filtered(self) -> list[tuple[str, str, JSON]]:
        """(session id, event, data) for dispatches withheld because of missing intents."""
        with self.state.lock:
            return list(self._filtered)

    @property
    def connections_opened(self) -> int:
        return self.connections.accepted

    @property
    def connected(self) -> bool:
        with self.state.lock:
            return any(s.conn is not None for s in self._sessions.values())

    def wait_for_identify(self, timeout: float = 5.0, count: int = 1) -> JSON:
        """The ``count``-th IDENTIFY payload (``d``), once READY has been sent for it."""
        return self.state.wait_until(nth(self._identified, count), timeout)

    async def wait_for_identify_async(self, timeout: float = 5.0, count: int = 1) -> JSON:
        return await self.state.wait_until_async(nth(self._identified, count), timeout)

    def wait_for_resume(self, timeout: float = 5.0, count: int = 1) -> JSON:
        """The ``count``-th accepted RESUME payload, once RESUMED has been sent."""
        return self.state.wait_until(nth(self._resumed, count), timeout)

    async def wait_for_resume_async(self, timeout: float = 5.0, count: int = 1) -> JSON:
        return await self.state.wait_until_async(nth(self._resumed, count), timeout)

    def _identified(self) -> list[JSON]:
        return [self._public(i) for i in self._identifies if i.get("_ready_sent")]

    def _resumed(self) -> list[JSON]:
        return [self._public(r) for r in self._resumes if r.get("_resumed_sent")]

    @staticmethod
    def _public(record: JSON) -> JSON:
        return {k: v for k, v in record.items() if not k.startswith("_")}

    # ---- test hooks ----------------------------------------------------------------------------

    def dispatch(self, event: str, data: Mapping[str, Any]) -> int:
        """Send a dispatch (op 0) to every identified session, with the next sequence number.
        A disconnected (resumable) session keeps it for replay on RESUME. Returns how many
        sessions got it (sent or queued)."""
        payload = _clone(data)
        with self.state.lock:
            self._dispatched.append((event, payload))
            if event == "MESSAGE_CREATE" and "id" in payload and "channel_id" in payload:
                self.state.incoming[int(payload["id"])] = payload  # the bot may fetch it later
        return self._server.run(self._dispatch_all(event, payload))

    def replay_last(self, n: int = 1) -> int:
        """Dispatch again the last ``n`` test dispatches, same payloads (duplicate delivery)."""
        with self.state.lock:
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
        with self.state.lock:
            self._fail_next_resume = True

    async def _drop(self, code: int | None, hold: bool) -> None:
        assert self._gate is not None
        if hold:
            self._gate.clear()
        for conn in self.connections.open:
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
        self.state.notify()

    async def _release(self) -> None:
        assert self._gate is not None
        self._gate.set()

    async def _invalidate(self, resumable: bool) -> None:
        for session in list(self._sessions.values()):
            conn = session.conn
            if conn is None:
                continue
            if not resumable:
                with self.state.lock:
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
        if not self.rules.enforce_intents:
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
            mentioned = any(
                str(u.get("id")) == str(self.state.bot_id) for u in data.get("mentions", [])
            )
            if author != str(self.state.bot_id) and not mentioned:
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
            with self.state.lock:
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
            with self.state.lock:
                self._sent.append(
                    SentDispatch(
                        session.session_id, seq, event, allowed, live, False, session.shard
                    )
                )
        self.state.notify()
        return True

    # ---- gateway websocket -------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """``GET /gateway``: a connection, from HELLO to its close."""
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        compress = request.query.get("compress")
        if compress == "zstd-stream":
            compress = None  # not supported here: plain text frames (discord.py accepts them)
        conn = _Conn(ws, request, compress)
        with self.state.lock:
            self.connections.add(conn)
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
                    "d": {"heartbeat_interval": self.rules.heartbeat_interval_ms},
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
                with self.state.lock:
                    self._ops.append(GatewayOp(conn.id, op, payload.get("d"), time.time()))
                self.state.notify()
                await self._on_op(conn, op, payload.get("d"))
        finally:
            self.connections.remove(conn)
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                if not conn.closed_by_server and ws.close_code in (1000, 1001):
                    with self.state.lock:  # a clean client close ends the session, as on Discord
                        self._sessions.pop(session.session_id, None)
            self.state.notify()
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
        with self.state.lock:
            self._identifies.append(record)
        if d.get("token") not in self.state.tokens:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        shard = _valid_shard(d["shard"]) if "shard" in d else (0, 1)
        if shard is None:
            await conn.ws.close(code=CLOSE_INVALID_SHARD, message=b"Invalid shard.")
            return
        with self.state.lock:
            guild_ids = [g for g in self.state.guilds if shard_for(g, shard[1]) == shard[0]]
        if len(guild_ids) > self.rules.max_guilds_per_shard:
            await conn.ws.close(code=CLOSE_SHARDING_REQUIRED, message=b"Sharding required.")
            return
        intents = int(d.get("intents", 0))
        if intents & PRIVILEGED_INTENTS and not self.rules.allow_privileged_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        session = _Session(secrets.token_hex(16), str(d["token"]), intents, record, shard)
        with self.state.lock:
            self._sessions[session.session_id] = session
        conn.session = session
        session.conn = conn
        ready: JSON = {
            "v": API_VERSION,
            "user": dict(self.state.bot_user),
            "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.url,
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
            "auth_session_id_hash": "",
            "application": {"id": str(self.state.application_id), "flags": 0},
            "_trace": ["askcoach-discord-emulator"],
        }
        if "shard" in d:
            ready["shard"] = d["shard"]
        await self._dispatch_to(session, "READY", ready)
        for gid in guild_ids:
            await self._dispatch_to(session, "GUILD_CREATE", self.state.guild_create_payload(gid))
        with self.state.lock:
            record["_ready_sent"] = True
        self.state.notify()

    async def _resume(self, conn: _Conn, d: JSON) -> None:
        record = dict(d)
        with self.state.lock:
            self._resumes.append(record)
            session = self._sessions.get(str(d.get("session_id")))
            fail = self._fail_next_resume
            self._fail_next_resume = False
        if d.get("token") not in self.state.tokens:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if session is None or fail or session.token != d.get("token"):
            if session is not None:
                with self.state.lock:
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
                    with self.state.lock:
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
            with self.state.lock:
                record["_resumed_sent"] = True
        self.state.notify()
