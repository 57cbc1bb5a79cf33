"""The emulator from asyncio code: ``async with``, AsyncWebClient, aiohttp Socket Mode client."""

from __future__ import annotations

import asyncio
import threading

from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from emulators.slack import (
    DEFAULT_APP_TOKEN,
    DEFAULT_BOT_TOKEN,
    SlackEmulator,
    message_event,
)


async def _scenario() -> tuple[SlackEmulator, list[str]]:
    async with SlackEmulator() as emu:
        web = AsyncWebClient(token=DEFAULT_BOT_TOKEN, base_url=emu.base_url)
        client = SocketModeClient(app_token=DEFAULT_APP_TOKEN, web_client=web)
        seen: list[str] = []

        async def listener(sm: AsyncBaseSocketModeClient, req: SocketModeRequest) -> None:
            await sm.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
            event = req.payload["event"]
            seen.append(event["text"])
            await sm.web_client.chat_postMessage(channel=event["channel"], text="pong")

        client.socket_mode_request_listeners.append(listener)
        await client.connect()  # type: ignore[no-untyped-call]
        try:
            await asyncio.to_thread(emu.wait_for_socket)
            envelope_id = await asyncio.to_thread(
                emu.socket_send_event, message_event(user_id="U0DAVE", text="ping")
            )
            ack = await emu.wait_for_ack_async(envelope_id)
            assert ack["envelope_id"] == envelope_id
            await asyncio.to_thread(emu.wait_for_delivered, "chat.postMessage")
        finally:
            await client.close()  # type: ignore[no-untyped-call]
        return emu, seen


def test_aiohttp_socket_mode_client_and_async_context_manager() -> None:
    emu, seen = asyncio.run(_scenario())
    assert seen == ["ping"]
    (post,) = emu.delivered("chat.postMessage")
    assert post.params["text"] == "pong"
    assert not [t for t in threading.enumerate() if t.name == "slack-emulator"]
