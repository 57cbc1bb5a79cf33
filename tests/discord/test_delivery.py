"""The outbox through DiscordGateway: closed DMs, rate limits, server errors, files, nonces."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
import pytest

from adapters.discord.gateway import RateCap, delivery_error, event_of, nonce_for, render
from bot.delivery import PermanentFailure, RateLimited, TransientFailure
from bot.messages import Choice, OutboundMessage
from emulators.discord import PNG_SIGNATURE, DiscordEmulator
from tests.discord.conftest import CHANNEL, MEMBER, OTHER, World, at, run

pytestmark = pytest.mark.timeout(60)


def test_closed_dms_mark_the_member_undeliverable_without_a_retry_loop(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(MEMBER, "Ada")
    world.enrol(OTHER, "Bo")
    emu.close_dms(MEMBER)

    async def body() -> None:
        async with world.running():
            await world.dispatcher.advance(world.clock, at("09:05"))
            refused = len(emu.calls("POST", f"/channels/{emu.dm_channel_id(MEMBER)}/messages"))
            # the two welcome messages and the 09:00 check-in queued in the same tick,
            # each tried once
            assert refused == 3
            await world.dispatcher.advance(world.clock, at("09:05", days=2))
            again = len(emu.calls("POST", f"/channels/{emu.dm_channel_id(MEMBER)}/messages"))
            assert again == refused, "no retries, no more check-ins"

    run(body)
    ada = world.member(MEMBER)
    assert ada is not None and ada.undeliverable
    refusals = emu.calls("POST", f"/channels/{emu.dm_channel_id(MEMBER)}/messages")
    assert {(c.status, c.response["code"]) for c in refusals} == {(403, 50007)}
    assert emu.dms_to(MEMBER) == []
    bo = [m.content for m in emu.dms_to(OTHER)]
    assert sum(t.startswith("Morning, Bo!") for t in bo) == 3, "Bo's check-ins are unaffected"
    assert emu.dm_opens(MEMBER) == 1


def test_a_long_rate_limit_goes_back_to_the_outbox(world: World, emu: DiscordEmulator) -> None:
    world.enrol(MEMBER, "Ada")
    emu.queue_error("POST", "/channels/{id}/messages", status=429, retry_after=60)

    async def body() -> None:
        async with world.running():
            started = time.monotonic()
            report = await world.dispatcher.tick()
            assert time.monotonic() - started < 5, "discord.py did not sit out 60 s"
            assert report.delivery["discord"].rate_limited == 1
            # The rest of the batch waits for Retry-After too: nothing is sent into a 429.
            assert len(emu.dms_to(MEMBER)) == 0
            world.clock.set(world.clock.now() + timedelta(seconds=61))
            report = await world.dispatcher.tick()
            assert report.delivery["discord"].sent == 2

    run(body)
    assert sorted(m.content[:5] for m in emu.dms_to(MEMBER)) == ["Hi Ad", "You'r"]


def test_a_server_error_is_retried_later(world: World, emu: DiscordEmulator) -> None:
    world.enrol(MEMBER, "Ada")
    emu.queue_error("POST", "/channels/{id}/messages", status=503)

    async def body() -> None:
        async with world.running():
            report = await world.dispatcher.tick()
            assert report.delivery["discord"].retried == 1
            world.clock.set(world.clock.now() + timedelta(minutes=20))
            report = await world.dispatcher.tick()
            assert report.delivery["discord"].sent == 1

    run(body)
    assert len(emu.dms_to(MEMBER)) == 2


def test_long_text_png_channel_posts_and_nonces(world: World, emu: DiscordEmulator) -> None:
    png = PNG_SIGNATURE + b"\x00" * 32

    async def body() -> None:
        async with world.running() as adapter:
            long = OutboundMessage(
                "Your export:\n" + "x" * 2500, 1, "discord", recipient=str(MEMBER), key="k1"
            )
            chart = OutboundMessage(
                "Your week @everyone",
                1,
                "discord",
                channel=str(CHANNEL),
                key="k2",
                attachment=png,
                attachment_name="week.png",
            )
            await adapter.gateway.send(long)
            await adapter.gateway.send(chart)
            with pytest.raises(PermanentFailure):
                await adapter.gateway.send(OutboundMessage("x", 1, "discord", channel="general"))

    run(body)
    [dm] = emu.dms_to(MEMBER)
    assert dm.content == "Your export:"
    assert dm.files[0].filename == "message.txt" and len(dm.files[0].data) == 2513
    [post] = emu.delivered(CHANNEL)
    assert post.files[0].is_png and post.files[0].filename == "week.png"
    assert not post.pings.any
    assert post.payload["nonce"] == nonce_for("k2") and post.payload["enforce_nonce"] is True


def test_render_puts_choices_on_persistent_buttons() -> None:
    rendered = render(
        OutboundMessage(
            "Did you make your ask of Jen?",
            1,
            "discord",
            recipient="1",
            choices=(Choice("Made it", "!ask:7:made"), Choice("Skip", "!ask:7:skip")),
        )
    )
    assert rendered.view is not None and rendered.view.timeout is None
    assert [c["custom_id"] for c in rendered.view.to_components()[0]["components"]] == [
        "askcoach:c:!ask:7:made",
        "askcoach:c:!ask:7:skip",
    ]
    assert rendered.view.is_persistent()
    assert render(OutboundMessage("Hi", 1, "discord", recipient="1")).view is None


def _http_error(cls: type[discord.HTTPException], status: int, code: int) -> Any:
    response = SimpleNamespace(status=status, reason="x", headers={"Retry-After": "7"})
    return cls(response, {"message": "x", "code": code})  # type: ignore[arg-type]


def test_discord_errors_sorted_by_what_the_outbox_does_next() -> None:
    closed = delivery_error(_http_error(discord.Forbidden, 403, 50007), to_member=True)
    assert isinstance(closed, PermanentFailure) and closed.member_unreachable
    gone = delivery_error(_http_error(discord.NotFound, 404, 10013), to_member=True)
    assert isinstance(gone, PermanentFailure) and gone.member_unreachable
    channel = delivery_error(_http_error(discord.NotFound, 404, 10003), to_member=False)
    assert isinstance(channel, PermanentFailure) and not channel.member_unreachable
    limited = delivery_error(_http_error(discord.HTTPException, 429, 0), to_member=True)
    assert isinstance(limited, RateLimited) and limited.retry_after == 7
    assert isinstance(delivery_error(discord.RateLimited(45.0), to_member=True), RateLimited)
    server = delivery_error(_http_error(discord.DiscordServerError, 502, 0), to_member=True)
    assert isinstance(server, TransientFailure)
    network = delivery_error(aiohttp.ClientConnectionError(), to_member=True)
    assert isinstance(network, TransientFailure)
    invalid = delivery_error(_http_error(discord.HTTPException, 400, 50035), to_member=True)
    assert isinstance(invalid, PermanentFailure) and not invalid.member_unreachable


def test_nonces_and_reply_keys() -> None:
    assert nonce_for("checkin:12:0") == nonce_for("checkin:12:0")
    assert len(nonce_for("checkin:12:0")) == 25
    assert nonce_for("checkin:12:0") != nonce_for("checkin:12:1")
    assert nonce_for("") != nonce_for("") and len(nonce_for("")) <= 25
    assert event_of("in:discord:1234:0") == "1234"
    assert event_of("checkin:12:0") is None and event_of("in:slack:1:0") is None


def test_rate_cap_keeps_a_burst_under_the_global_limit() -> None:
    async def body() -> float:
        cap = RateCap(per_second=5)
        started = time.monotonic()
        for _ in range(8):
            await cap.acquire()
        return time.monotonic() - started

    assert asyncio.run(body()) >= 0.9


class _CountingCap(RateCap):
    def __init__(self) -> None:
        super().__init__(per_second=1000)
        self.taken = 0

    async def acquire(self) -> None:
        self.taken += 1
        await super().acquire()


def test_a_dm_open_takes_a_token_from_the_global_cap_too(
    world: World, emu: DiscordEmulator
) -> None:
    cap = _CountingCap()

    async def body() -> None:
        async with world.running() as adapter:
            adapter.gateway.cap = cap
            first = OutboundMessage("Hi", 1, "discord", recipient=str(MEMBER), key="a")
            await adapter.gateway.send(first)
            assert cap.taken == 2, "open the DM, then send: two requests, two tokens"
            await adapter.gateway.send(
                OutboundMessage("Again", 1, "discord", recipient=str(MEMBER), key="b")
            )
            assert cap.taken == 3, "the DM channel is remembered"

    run(body)
    assert emu.dm_opens(MEMBER) == 1 and len(emu.dms_to(MEMBER)) == 2


def test_the_cap_window_has_slack_for_arrival_jitter() -> None:
    async def body() -> float:
        cap = RateCap(per_second=4, window=0.5)
        started = time.monotonic()
        for _ in range(5):
            await cap.acquire()
        return time.monotonic() - started

    assert asyncio.run(body()) >= 0.5
    assert RateCap().per_second == 50 and RateCap().window > 1.0
