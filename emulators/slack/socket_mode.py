"""Socket Mode: the websocket ``apps.connections.open`` hands out, its envelopes and acks."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Mapping
from typing import Any

from aiohttp import WSMsgType, web

from emulators.slack.defaults import (
    JsonDict,
)
from emulators.slack.payloads import event_callback
from emulators.slack.records import (
    Envelope,
)
from emulators.slack.state import SlackState


class SocketMode(SlackState):
    """Envelopes sent to the app over Socket Mode, and the acks it sends back."""

    async def _handle_socket(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        with self._lock:
            if ticket not in self._tickets:
                return web.Response(status=401, text="invalid ticket")
            self._tickets.discard(ticket)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        with self._cond:
            draining, self._draining = self._draining, []
            self._sockets.append(ws)
            self._socket_connections_total += 1
            count = len(self._sockets)
            self._cond.notify_all()
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
            "connection_info": {"app_id": self.app_id},
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
                with self._cond:
                    self._socket_received.append(data)
                    if isinstance(data, dict) and "envelope_id" in data:
                        self._acks.setdefault(str(data["envelope_id"]), data)
                    self._cond.notify_all()
        finally:
            with self._cond:
                if ws in self._sockets:
                    self._sockets.remove(ws)
                self._cond.notify_all()
        return ws

    @property
    def socket_connection_count(self) -> int:
        """Currently open Socket Mode connections."""
        with self._lock:
            return len(self._sockets)

    @property
    def socket_connections_total(self) -> int:
        """Socket Mode connections accepted since start (reconnections included)."""
        with self._lock:
            return self._socket_connections_total

    def wait_for_socket(self, count: int = 1, timeout: float = 5.0) -> None:
        """Block until ``count`` connections were ever accepted and one is open."""
        self._wait(
            lambda: self._socket_connections_total >= count and bool(self._sockets),
            timeout,
            f"{count} Socket Mode connection(s)",
        )

    def socket_send_raw(self, message: JsonDict, timeout: float = 5.0) -> None:
        """Send any JSON message on the newest open Socket Mode connection."""
        self.wait_for_socket(timeout=timeout)
        with self._lock:
            ws = self._sockets[-1]
        self._server.run(ws.send_str(json.dumps(message)), timeout)

    def socket_send(
        self,
        type: str,
        payload: JsonDict,
        *,
        accepts_response_payload: bool = False,
        envelope_id: str | None = None,
        retry_attempt: int = 0,
        retry_reason: str = "",
        timeout: float = 5.0,
    ) -> str:
        """Send an envelope (``events_api``, ``slash_commands``, ``interactive``)."""
        envelope = Envelope(
            envelope_id or str(uuid.uuid4()), type, payload, accepts_response_payload
        )
        message: JsonDict = {
            "envelope_id": envelope.envelope_id,
            "type": type,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if type == "events_api":
            message["retry_attempt"] = retry_attempt
            message["retry_reason"] = retry_reason
        with self._lock:
            self._envelopes.append(envelope)
        self.socket_send_raw(message, timeout)
        return envelope.envelope_id

    def socket_send_event(self, body: JsonDict, **kwargs: Any) -> str:
        """Send an ``events_api`` envelope; ``body`` is an ``event_callback`` body or a bare
        event (wrapped with ``event_callback(body)``)."""
        if body.get("type") != "event_callback":
            body = event_callback(body)
        return self.socket_send("events_api", body, **kwargs)

    def socket_send_slash_command(self, fields: Mapping[str, str], **kwargs: Any) -> str:
        """Send a ``slash_commands`` envelope (``fields`` as from ``slash_command()``)."""
        kwargs.setdefault("accepts_response_payload", True)
        return self.socket_send("slash_commands", dict(fields), **kwargs)

    def socket_send_interactive(self, payload: JsonDict, **kwargs: Any) -> str:
        """Send an ``interactive`` envelope (``block_actions``, ``view_submission``...)."""
        kwargs.setdefault("accepts_response_payload", True)
        return self.socket_send("interactive", payload, **kwargs)

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> JsonDict:
        """Block until the client acked ``envelope_id``; returns the ack message."""
        self._wait(lambda: envelope_id in self._acks, timeout, f"ack of {envelope_id}")
        with self._lock:
            return self._acks[envelope_id]

    async def wait_for_ack_async(self, envelope_id: str, timeout: float = 5.0) -> JsonDict:
        return await asyncio.to_thread(self.wait_for_ack, envelope_id, timeout)

    def acks(self) -> dict[str, JsonDict]:
        with self._lock:
            return dict(self._acks)

    def envelopes(self) -> list[Envelope]:
        with self._lock:
            return list(self._envelopes)

    def socket_received(self) -> list[JsonDict]:
        """Every JSON message received from Socket Mode clients."""
        with self._lock:
            return list(self._socket_received)

    def socket_disconnect(self, reason: str = "refresh_requested", timeout: float = 5.0) -> None:
        """Ask the client to reconnect, as Slack does before recycling a connection; the
        emulator closes the old connection once the client has opened a new one."""
        with self._lock:
            if self._sockets:
                self._draining.append(self._sockets[-1])
        self.socket_send_raw(
            {
                "type": "disconnect",
                "reason": reason,
                "debug_info": {"host": "applink-emulator"},
            },
            timeout,
        )

    def socket_close(self, code: int = 1001, timeout: float = 5.0) -> None:
        """Drop every open Socket Mode connection from the server side."""
        self._server.run(self._close_sockets(code=code, message=b"closed by emulator"), timeout)

    async def _close_sockets(self, *, code: int, message: bytes) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for ws in sockets:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=code, message=message), timeout=2)
