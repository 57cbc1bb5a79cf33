"""Socket Mode: the websocket ``apps.connections.open`` hands out, its envelopes and acks."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Mapping

from aiohttp import WSMsgType, web

from emulators.serving import Connections, LocalServer
from emulators.slack.defaults import JsonDict
from emulators.slack.payloads import event_callback
from emulators.slack.records import Envelope
from emulators.slack.state import SlackState


class SocketMode:
    """The Socket Mode connections, the envelopes sent to the app over them and the acks it
    sends back. Holds the state (its lock, the app id) and the server (its address, its loop)."""

    def __init__(self, state: SlackState, server: LocalServer) -> None:
        self.state = state
        self._server = server
        self._tickets: set[str] = set()
        self.connections: Connections[web.WebSocketResponse] = Connections(state.lock)
        self._draining: list[web.WebSocketResponse] = []  # sent "disconnect", closed on reconnect
        self._envelopes: list[Envelope] = []
        self._acks: dict[str, JsonDict] = {}
        self._received: list[JsonDict] = []

    def connection_url(self) -> str:
        """A websocket URL with a fresh single-use ticket (what ``apps.connections.open``
        answers)."""
        ticket = uuid.uuid4().hex
        with self.state.lock:
            self._tickets.add(ticket)
        socket_url = self._server.url("/socket", "ws")
        return f"{socket_url}?ticket={ticket}&app_id={self.state.app_id}"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """``GET /socket?ticket=...``: the connection, from ``hello`` to its close."""
        lock, cond = self.state.lock, self.state.cond
        ticket = request.query.get("ticket", "")
        with lock:
            if ticket not in self._tickets:
                return web.Response(status=401, text="invalid ticket")
            self._tickets.discard(ticket)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        with cond:
            draining, self._draining = self._draining, []
            count = self.connections.add(ws)
            cond.notify_all()
        for old in draining:  # like Slack: the refreshed connection goes once a new one is up
            with contextlib.suppress(Exception):
                await asyncio.wait_for(old.close(code=1001, message=b"refreshed"), timeout=2)
        hello = {
            "type": "hello",
            "num_connections": count,
            "debug_info": {
                "host": "applink-emulator",
                "build_number": 1,
                "approximate_connection_time": 18060,
            },
            "connection_info": {"app_id": self.state.app_id},
        }
        try:
            await ws.send_str(json.dumps(hello))
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    continue
                with cond:
                    self._received.append(data)
                    if isinstance(data, dict) and "envelope_id" in data:
                        self._acks.setdefault(str(data["envelope_id"]), data)
                    cond.notify_all()
        finally:
            with cond:
                self.connections.remove(ws)
                cond.notify_all()
        return ws

    @property
    def connection_count(self) -> int:
        """Currently open Socket Mode connections."""
        return len(self.connections.open)

    @property
    def connections_total(self) -> int:
        """Socket Mode connections accepted since start (reconnections included)."""
        return self.connections.accepted

    def wait_for_connection(self, count: int = 1, timeout: float = 5.0) -> None:
        """Block until ``count`` connections were ever accepted and one is open."""
        self.state.wait_until(
            lambda: self.connections.accepted >= count and bool(self.connections.open),
            timeout,
            f"{count} Socket Mode connection(s)",
        )

    def send_raw(self, message: JsonDict, timeout: float = 5.0) -> None:
        """Send any JSON message on the newest open Socket Mode connection."""
        self.wait_for_connection(timeout=timeout)
        ws = self.connections.open[-1]
        self._server.run(ws.send_str(json.dumps(message)), timeout)

    def send(self, envelope: Envelope, timeout: float = 5.0) -> str:
        """Send an envelope (``events_api``, ``slash_commands``, ``interactive``); its id."""
        with self.state.lock:
            self._envelopes.append(envelope)
        self.send_raw(envelope.message(), timeout)
        return envelope.envelope_id

    def send_event(
        self,
        body: JsonDict,
        *,
        retry_attempt: int = 0,
        retry_reason: str = "",
        timeout: float = 5.0,
    ) -> str:
        """Send an ``events_api`` envelope; ``body`` is an ``event_callback`` body or a bare
        event (wrapped with ``event_callback(body)``)."""
        if body.get("type") != "event_callback":
            body = event_callback(body)
        envelope = Envelope(
            str(uuid.uuid4()), "events_api", body, False, retry_attempt, retry_reason
        )
        return self.send(envelope, timeout)

    def send_slash_command(self, fields: Mapping[str, str], timeout: float = 5.0) -> str:
        """Send a ``slash_commands`` envelope (``fields`` as from ``slash_command()``)."""
        return self.send(Envelope(str(uuid.uuid4()), "slash_commands", dict(fields), True), timeout)

    def send_interactive(self, payload: JsonDict, timeout: float = 5.0) -> str:
        """Send an ``interactive`` envelope (``block_actions``, ``view_submission``...)."""
        return self.send(Envelope(str(uuid.uuid4()), "interactive", payload, True), timeout)

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> JsonDict:
        """Block until the client acked ``envelope_id``; returns the ack message."""
        return self.state.wait_until(
            lambda: self._acks.get(envelope_id), timeout, f"ack of {envelope_id}"
        )

    async def wait_for_ack_async(self, envelope_id: str, timeout: float = 5.0) -> JsonDict:
        return await asyncio.to_thread(self.wait_for_ack, envelope_id, timeout)

    def acks(self) -> dict[str, JsonDict]:
        with self.state.lock:
            return dict(self._acks)

    def envelopes(self) -> list[Envelope]:
        with self.state.lock:
            return list(self._envelopes)

    def received(self) -> list[JsonDict]:
        """Every JSON message received from Socket Mode clients."""
        with self.state.lock:
            return list(self._received)

    def disconnect(self, reason: str = "refresh_requested", timeout: float = 5.0) -> None:
        """Ask the client to reconnect, as Slack does before recycling a connection; the
        emulator closes the old connection once the client has opened a new one."""
        with self.state.lock:
            if open_now := self.connections.open:
                self._draining.append(open_now[-1])
        self.send_raw(
            {
                "type": "disconnect",
                "reason": reason,
                "debug_info": {"host": "applink-emulator"},
            },
            timeout,
        )

    def close(self, code: int = 1001, timeout: float = 5.0) -> None:
        """Drop every open Socket Mode connection from the server side."""
        self._server.run(self.close_all(code=code, message=b"closed by emulator"), timeout)

    async def close_all(self, *, code: int, message: bytes) -> None:
        """Close every open connection (on the server's loop)."""
        for ws in self.connections.open:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=code, message=message), timeout=2)
