"""The weekly digest in a Slack channel: Block Kit built from the real core's counts, the chart
uploaded after it, member words escaped, shared asks without names unless a member shares them.

A job club chats with the real App (HTTP events to bolt, the core, SQLite) on a simulated clock
over one week; an admin sets the report channel with `admin channel <#C…>`; at Monday 09:00 in
the group's timezone (the day after the US clocks changed) one tick posts the digest. Everything
is checked against what the Slack emulator recorded and what the database holds.
"""

from __future__ import annotations

import io
import json
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from bot.clock import SimulatedClock
from emulators.slack import DEFAULT_TEAM_ID, Call, SlackEmulator
from tests.slack.conftest import ANA, BEN, BOSS, StartApp
from tests.slack.harness import Harness, blocks_of

DEE = "U0DEE"
REPORT_CHANNEL = "C0JOBCLUB"
CHICAGO = ZoneInfo("America/Chicago")
WEEK = [date(2026, 3, 2) + timedelta(days=n) for n in range(7)]  # Mon 2 – Sun 8 March
MONDAY_9AM = datetime(2026, 3, 9, 9, 0, tzinfo=CHICAGO)  # 14:00 UTC: CDT since Sunday


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def club(emu: SlackEmulator, start_app: StartApp) -> Harness:
    emu.add_user(DEFAULT_TEAM_ID, DEE, name="dee <!here>", tz="America/Chicago")
    return start_app(SimulatedClock(utc(2, 15)))  # Monday 09:00 in Chicago


def settle(slack: Harness, timeout: float = 10) -> None:
    """Wait until the outbox has sent everything the core queued."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with slack.app.db() as uow:
            if uow.outbox.pending_count() == 0:
                return
        time.sleep(0.02)
    raise AssertionError("the outbox did not drain")


def say(slack: Harness, user: str, *lines: str, at: datetime | None = None) -> None:
    """`user` DMs each line (after moving the clock to `at`) and gets the coach's replies."""
    assert slack.clock is not None
    if at is not None:
        slack.clock.set(at)
    for line in lines:
        slack.dm(user, line)
        settle(slack)


def play_the_week(slack: Harness) -> None:
    for user in (ANA, BEN, BOSS, DEE):
        say(slack, user, "hi", "ok")
    # Monday: a specific ask; a passive plan coached twice, then noted as it is.
    say(slack, ANA, "Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    say(
        slack,
        BEN,
        "go to the networking happy hour",
        "meet some new people there",
        "just see what happens",
        at=utc(2, 16),
    )
    # Tuesday: a vague plan; Ben shares his asks (not names) and makes a specific one.
    say(slack, BOSS, "reach out to Sarah", "not sure yet", "we will see", at=utc(3, 15))
    say(
        slack,
        BEN,
        "share on",
        "Ask Keisha Brown for a referral to the data analyst opening at U.S. Bank",
        at=utc(3, 16),
    )
    # Wednesday: Dee shares names too.
    say(
        slack,
        DEE,
        "share names on",
        "Ask Li Wei for an intro to the plant manager at Polaris",
        at=utc(4, 15),
    )
    # Thursday: gives, one with words that would ping the channel if they were not escaped.
    say(slack, BEN, "gave Ana a list of recruiters at Medtronic <!channel>", at=utc(5, 15))
    say(slack, ANA, "gave Dee feedback on her resume", at=utc(5, 16))
    # Friday: a passive plan again.
    say(
        slack,
        DEE,
        "Coffee with Megan to catch up",
        "just chat",
        "no idea",
        at=utc(6, 15),
    )
    # Sunday evening: the organizer picks the group's timezone and report channel.
    say(
        slack,
        BOSS,
        "admin tz America/Chicago",
        f"admin channel <#{REPORT_CHANNEL}|job-club>",
        at=utc(8, 20),
    )
    # Monday 08:30, before the digest: this ask belongs to the next week.
    say(
        slack,
        ANA,
        "Ask Omar Haddad to review my cover letter for the Ecolab controller role",
        at=utc(9, 13, 30),
    )


def week_from_database(slack: Harness) -> dict[str, Any]:
    """The week's numbers straight from the repositories, counted here independently."""
    with slack.app.db() as uow:
        community = uow.communities.find("slack", DEFAULT_TEAM_ID)
        assert community is not None and community.id is not None
        start = datetime.combine(WEEK[0], datetime.min.time(), CHICAGO)
        end = datetime.combine(WEEK[-1] + timedelta(days=1), datetime.min.time(), CHICAGO)
        asks = [a for a in uow.asks.for_community(community.id, start) if a.created_at < end]
        gives = [g for g in uow.gives.for_community(community.id, start) if g.created_at < end]
        name = community.name
    per_day = {d.isoformat(): {"specific": 0, "vague": 0, "passive": 0} for d in WEEK}
    for ask in asks:
        per_day[ask.created_at.astimezone(CHICAGO).date().isoformat()][ask.verdict] += 1
    specific = [a for a in asks if a.verdict == "specific"]
    return {
        "name": name,
        "per_day": [{"day": day, **counts} for day, counts in per_day.items()],
        "verdicts": {a.verdict for a in asks},
        "specific": len(specific),
        "askers": len({a.member_id for a in specific}),
        "made": sum(1 for a in specific if a.status.value == "made"),
        "yes": sum(1 for a in specific if a.outcome is not None and a.outcome.value == "yes"),
        "gives": len(gives),
    }


def channel_posts(emu: SlackEmulator) -> list[Call]:
    return [c for c in emu.delivered() if c.params.get("channel") == REPORT_CHANNEL]


def test_the_weekly_digest_is_block_kit_with_its_chart_in_the_report_channel(
    club: Harness, emu: SlackEmulator
) -> None:
    play_the_week(club)
    week = week_from_database(club)
    assert week["verdicts"] == {"specific", "vague", "passive"}
    assert channel_posts(emu) == []  # nothing reaches the channel before Monday 09:00

    # The first upload attempt meets a 429: the post is not repeated, the chart follows later.
    emu.queue("files.getUploadURLExternal", status=429, headers={"Retry-After": "1"})
    assert club.clock is not None
    club.clock.set(MONDAY_9AM)
    club.call(club.app.dispatcher.tick())
    assert len(channel_posts(emu)) == 1 and emu.completed_files() == []
    club.clock.advance(timedelta(seconds=2))
    club.call(club.app.dispatcher.tick())
    club.clock.advance(timedelta(hours=1))
    club.call(club.app.dispatcher.tick())  # and a later tick posts nothing again

    (post,) = channel_posts(emu)
    blocks = blocks_of(post)
    everything = json.dumps(post.params, ensure_ascii=False)

    # A header with the first line, mrkdwn sections of bullets, a context footer.
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"] == {
        "type": "plain_text",
        "text": f"Weekly digest for {week['name']} (Mar 2–Mar 8)",
    }
    assert blocks[-1]["type"] == "context"
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(b["text"]["type"] == "mrkdwn" for b in blocks if b["type"] == "section")
    assert len(sections) == 2
    summary, shared = sections
    assert summary.splitlines()[0] == (
        f"• {week['specific']} specific asks by {week['askers']} members · {week['made']} made "
        f"· {week['yes']} said yes"
    )
    assert (week["specific"], week["askers"]) == (3, 3)
    assert f"• {week['gives']} gives — thank you for helping first" in summary
    assert week["gives"] == 2
    assert all(line.startswith(("•", "  (")) for line in summary.splitlines())

    # Shared asks: kind and company; a contact only where the member shared names.
    assert shared.splitlines()[0] == "*Where the group can help:*"
    assert "• ben: a referral at U.S. Bank" in shared.splitlines()
    assert "• dee &lt;!here&gt;: an introduction at Polaris (asking Li Wei)" in shared.splitlines()
    for private in ("Keisha", "Maria", "Omar", "Megan"):
        assert private not in everything
    assert "Know someone there?" in blocks[-1]["elements"][0]["text"]

    # Member-typed words are escaped everywhere: nothing can ping the channel.
    assert "<!here>" not in everything and "<!channel>" not in everything
    assert post.params["text"].startswith(f"Weekly digest for {week['name']} (Mar 2–Mar 8)\n•")
    assert "dee &lt;!here&gt;" in post.params["text"]
    assert post.params["unfurl_links"] in (False, "false", "0", 0)

    # The chart: one file, in the same channel, after the post, whose data is the database's.
    (chart,) = emu.completed_files()
    assert chart.channels == [REPORT_CHANNEL]
    assert chart.filename == "asks-per-day.png" and chart.title == "Asks per day"
    assert chart.alt_txt and "asks per day" in chart.alt_txt
    assert chart.initial_comment is None
    (complete,) = emu.delivered("files.completeUploadExternal")
    assert complete.time >= post.time
    assert chart.data is not None and chart.data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(chart.data))
    assert image.format == "PNG" and image.size[0] > 100
    assert json.loads(str(image.info["Description"])) == week["per_day"]
    assert sum(d["specific"] + d["vague"] + d["passive"] for d in week["per_day"]) == 6

    # Organizers get their report by DM; members do not.
    boss_dms = [c for c in emu.delivered() if c.params.get("channel") == BOSS]
    assert any("Organizer report" in str(c.params.get("text")) for c in boss_dms)
    for member in (ANA, BEN, DEE):
        dms = [c for c in emu.delivered() if c.params.get("channel") == member]
        assert not any("Organizer report" in str(c.params.get("text")) for c in dms)
