"""The weekly digest in a Discord server: one embed in the report channel with the chart inside.

A week of a job club goes through the real core over Discord DMs (the emulator's
MESSAGE_CREATE, the adapter, the coach, the outbox), the owner sets the server's timezone and
report channel with `/settings`, the clock moves to Monday 09:00 in the server's timezone and
the dispatcher's tick posts the digest. Everything is checked on what the emulator recorded
against what the database holds.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import func, select

from adapters.charts import MatplotlibCharts
from adapters.discord.gateway import nonce_for, render
from bot.messages import OutboundMessage
from emulators.discord import DiscordEmulator, StoredMessage
from storage import tables
from tests.discord.conftest import (
    CHANNEL,
    COACH,
    GUILD,
    MEMBER,
    OTHER,
    World,
    run,
)

pytestmark = pytest.mark.timeout(90)

CHICAGO = ZoneInfo("America/Chicago")
WEEK_START = datetime(2026, 3, 2, tzinfo=CHICAGO)  # Monday; DST begins Sunday Mar 8
DIGEST_AT = datetime(2026, 3, 9, 9, 0, tzinfo=CHICAGO)  # Monday 09:00 CDT = 14:00 UTC


def local(day: int, hhmm: str) -> datetime:
    """A wall-clock time in Chicago on March `day`, 2026, as UTC."""
    hour, minute = (int(p) for p in hhmm.split(":"))
    return datetime(2026, 3, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


async def _settings(world: World, emu: DiscordEmulator, sub: str, options: dict[str, Any]) -> str:
    """`/settings <sub>` used by the server owner (Manage Server); the ephemeral answer."""
    payload = emu.slash_command(f"settings {sub}", options, MEMBER, guild_id=GUILD)
    return await world.ephemeral_answer(payload)


def _db_week(world: World) -> dict[str, Any]:
    """The week's numbers straight from the tables (not through the core's digest code)."""
    start = WEEK_START.astimezone(UTC)
    end = (WEEK_START + timedelta(days=7)).astimezone(UTC)  # Monday 00:00 CDT: 23 hours later
    community = world.community(str(GUILD))
    assert community is not None and community.id is not None
    asks, gives, members = tables.asks.c, tables.gives.c, tables.members.c
    in_community = asks.member_id.in_(
        select(members.id).where(members.community_id == community.id)
    )
    with world.db.engine.connect() as conn:
        rows = conn.execute(
            select(asks.verdict, asks.status, asks.outcome, asks.member_id, asks.created_at).where(
                in_community, asks.created_at >= start, asks.created_at < end
            )
        ).all()
        given = conn.execute(
            select(func.count()).where(
                gives.member_id.in_(select(members.id).where(members.community_id == community.id)),
                gives.created_at >= start,
                gives.created_at < end,
            )
        ).scalar_one()
    per_day: dict[date, Counter[str]] = {
        (WEEK_START + timedelta(days=n)).date(): Counter() for n in range(7)
    }
    for row in rows:
        created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
        per_day[created.astimezone(CHICAGO).date()][row.verdict] += 1
    specific = [r for r in rows if r.verdict == "specific"]
    return {
        "community_id": community.id,
        "specific": len(specific),
        "askers": len({r.member_id for r in specific}),
        "made": sum(1 for r in specific if r.status == "made"),
        "yes": sum(1 for r in specific if r.outcome == "yes"),
        "gives": given,
        "per_day": [
            {
                "day": day.isoformat(),
                "specific": counts["specific"],
                "vague": counts["vague"],
                "passive": counts["passive"],
            }
            for day, counts in per_day.items()
        ],
    }


def test_the_weekly_digest_is_one_embed_with_the_chart_inside(
    world: World, emu: DiscordEmulator
) -> None:
    world.coach.charts = MatplotlibCharts()  # what `askcoach run` wires
    replies: dict[str, list[str]] = {}

    async def say(user: int, text: str) -> list[str]:
        answer = await world.dm(user, text)
        replies[text] = answer
        return answer

    async def body() -> None:
        async with world.running():
            for user in (MEMBER, OTHER, COACH):
                await say(user, "hi")
                await world.dm(user, "ok")
            tz = await _settings(world, emu, "timezone", {"zone": "America/Chicago"})
            assert tz.startswith("The group's timezone is America/Chicago")
            channel = await _settings(world, emu, "channel", {"channel": str(CHANNEL)})
            assert channel == f"Group digests and reports will go to <#{CHANNEL}>."
            await say(MEMBER, "share on")  # Ada: kind and company, never whom she asks
            await say(OTHER, "share on")
            await say(OTHER, "share names on")  # Bo: names too; Cy shares nothing

            # Monday: Ada's specific ask (made, said yes); Bo only plans to "network".
            await world.dispatcher.advance(world.clock, local(2, "09:30"))
            [noted] = await say(
                MEMBER, "Ask Maria Lopez to introduce me to the head of talent at Medtronic"
            )
            assert noted.startswith("That's a real ask")
            await say(OTHER, "Going to a networking meetup tonight")
            await say(OTHER, "just networking")
            [passive] = await say(OTHER, "not sure")
            assert "not yet an ask" in passive
            await world.dispatcher.advance(world.clock, local(2, "12:30"))  # after her 17:00 UTC
            await say(MEMBER, "Made it")
            await say(MEMBER, "Said yes")

            # Tuesday: Cy stays vague. Wednesday: Bo asks and gives. Thursday: Cy asks.
            await world.dispatcher.advance(world.clock, local(3, "10:00"))
            await say(COACH, "I will reach out to some people about jobs")
            await say(COACH, "someone")
            [vague] = await say(COACH, "not sure")
            assert "not yet an ask" in vague
            await world.dispatcher.advance(world.clock, local(4, "10:00"))
            [bo_ask] = await say(OTHER, "Ask Jen Park for a referral for the analyst job at 3M")
            assert bo_ask.startswith("That's a real ask")
            await say(OTHER, "gave Ada a list of recruiters at Medtronic")
            await world.dispatcher.advance(world.clock, local(5, "10:00"))
            [cy_ask] = await say(
                COACH, "Ask Omar Haddad to review my cover letter for the Ecolab controller role"
            )
            assert cy_ask.startswith("That's a real ask")

            # Friday: Ada's second ask (open, shared without the name) and a give.
            await world.dispatcher.advance(world.clock, local(6, "10:00"))
            [ada_ask] = await say(
                MEMBER, "Ask Keisha Brown for a referral to the data analyst opening at U.S. Bank"
            )
            assert ada_ask.startswith("That's a real ask")
            await say(MEMBER, "gave Cy an intro to my old manager")

            # Sunday 23:30 in Chicago is already Monday in UTC: it counts for Sunday.
            await world.dispatcher.advance(world.clock, local(8, "23:30"))
            await say(COACH, "Going to a career fair tomorrow")
            await say(COACH, "just to network")
            await say(COACH, "not sure")

            # Monday 09:00 UTC (04:00 in Chicago) brings check-ins but no digest yet...
            await world.dispatcher.advance(world.clock, DIGEST_AT - timedelta(minutes=1))
            await world.settle()
            assert emu.delivered(CHANNEL) == []
            # ...Monday 09:00 in the server's timezone does.
            await world.dispatcher.advance(world.clock, DIGEST_AT)
            await world.settle()

    run(body, timeout=80)

    week = _db_week(world)
    assert (week["specific"], week["askers"], week["made"], week["yes"]) == (4, 3, 1, 1), replies
    assert week["gives"] == 2
    sunday = week["per_day"][6]
    assert sunday == {"day": "2026-03-08", "specific": 0, "vague": 0, "passive": 1}

    [post] = emu.delivered(CHANNEL)
    [embed] = post.embeds
    assert embed["title"] == "Weekly digest for Job Club (Mar 2–Mar 8)"
    description = embed["description"]
    assert (
        f"• {week['specific']} specific asks by {week['askers']} members · {week['made']} made"
        f" · {week['yes']} said yes" in description
    )
    assert f"• {week['gives']} gives — thank you for helping first" in description
    [field] = embed["fields"]
    assert field["name"] == "Where the group can help"
    assert "• Ada: a referral at U.S. Bank\n" in field["value"]
    assert "• Bo: a referral at 3M (asking Jen Park)" in field["value"]
    everything = json.dumps(post.message) + json.dumps(post.payload)
    for unshared in ("Maria", "Keisha", "Omar", "Cy:"):
        assert unshared not in everything, unshared
    assert embed["timestamp"].startswith("2026-03-09T14:00:00")

    # The chart is inside the embed and attached to the same message, a real PNG whose data
    # is the database's count per local day.
    assert embed["image"]["url"] == "attachment://asks-per-day.png"
    [chart] = post.files
    assert chart.filename == "asks-per-day.png" and chart.is_png
    image = Image.open(io.BytesIO(chart.data))
    assert image.format == "PNG" and image.size[0] > 100
    assert json.loads(image.info["Description"]) == week["per_day"]
    assert [a["filename"] for a in post.message["attachments"]] == ["asks-per-day.png"]

    # No pings, no text outside the embed, and the outbox key's nonce.
    assert post.content == "" and not post.pings.any
    assert post.allowed_mentions == {"parse": []}
    assert post.message["mention_everyone"] is False
    week_key = f"digest:{week['community_id']}:{DIGEST_AT.date().isoformat()}"
    assert post.payload["nonce"] == nonce_for(week_key)
    assert post.payload["enforce_nonce"] is True

    # The owner (Manage Server) gets the organizer report by DM; the others do not.
    reports = [m for m in emu.dms_to(MEMBER) if m.content.startswith("Organizer report")]
    assert len(reports) == 1
    for user in (OTHER, COACH):
        assert not any(m.content.startswith("Organizer report") for m in emu.dms_to(user))


def _post(text: str, **extra: Any) -> StoredMessage | Any:
    return render(OutboundMessage(text, 1, "discord", channel=str(CHANNEL), key="k", **extra))


def test_channel_posts_fit_discords_embed_limits_or_fall_back_to_text() -> None:
    shared = "\n".join(
        f"• Member {n}: a referral at Company {n} (asking Person {n})" for n in range(60)
    )
    rendered = _post(
        f"Weekly digest for Job Club (Mar 2–Mar 8)\n• 1 give\nWhere the group can help:\n{shared}",
        attachment=b"\x89PNG\r\n\x1a\n",
        attachment_name="asks per day.png",
    )
    assert rendered.embed is not None and rendered.content == ""
    fields = rendered.embed.fields
    assert fields[0].name == "Where the group can help" and len(fields) > 1
    assert all(len(f.value or "") <= 1024 for f in fields)
    assert "\n".join(f.value or "" for f in fields) == shared
    [(_, name)] = rendered.file_bytes
    assert (
        name == "asks-per-day.png" and rendered.embed.image.url == "attachment://asks-per-day.png"
    )

    too_long = _post("Title\n" + "x" * 5000)  # over the 4,096-character description limit
    assert too_long.embed is None and too_long.content == "Title"
    assert [n for _, n in too_long.file_bytes] == ["message.txt"]

    dm = render(OutboundMessage("Weekly digest\n• 1 give", 1, "discord", recipient="5", key="d"))
    assert dm.embed is None and dm.content == "Weekly digest\n• 1 give"
