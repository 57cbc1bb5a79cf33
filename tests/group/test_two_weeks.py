"""Three members of one job club over two simulated weeks, in the console (`:as`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from adapters.console.session import parse_start
from benchmarks.support.databases import migrated_sqlite
from storage import tables
from tests.support.job_club import run_console


def channel_posts(lines: list[str]) -> list[str]:
    """Each `[stamp] #job-club: …` post with its continuation lines."""
    posts: list[str] = []
    current: list[str] | None = None
    for line in lines:
        if line.startswith("[") and "] #job-club: " in line:
            current = [line]
            posts.append("")
        elif current is not None and (line.startswith(("•", "  (", "Where", "Know", "       ("))):
            current.append(line)
        else:
            current = None
        if current is not None:
            posts[-1] = "\n".join(current)
    return posts


def test_two_weeks_of_a_job_club(tmp_path: Path) -> None:
    lines, db = run_console(tmp_path)
    text = "\n".join(lines)

    # The help match: Ana is offered an intro without learning who knows people there...
    offer = lines.index(
        "coach: Someone in the group knows people at Medtronic. Want me to ask them for an "
        "intro? (They choose whether to share their name.)"
    )
    assert "Bob" not in lines[offer]
    # ...Bob is asked, accepts, and only then does Ana hear his name.
    assert (
        "coach: Thank you! I've told Ana you can help at Medtronic. Logged as a give. 🙌" in lines
    )
    assert (
        "coach → Ana: Good news: Bob knows people at Medtronic and can help. Message Bob with "
        "your specific ask — and say thank you." in lines
    )

    posts = channel_posts(lines)
    assert [p.split("]")[0] for p in posts] == ["[2026-03-09 09:00", "[2026-03-16 09:00"]
    first, second = posts

    # Counts in the first digest match the database for that week.
    with db.engine.connect() as conn:
        asks = tables.asks.c
        week_one = (asks.created_at >= datetime(2026, 3, 2, 6, 0, tzinfo=UTC)) & (
            asks.created_at < datetime(2026, 3, 9, 5, 0, tzinfo=UTC)
        )
        specific = conn.execute(
            select(func.count()).where(week_one, asks.verdict == "specific")
        ).scalar_one()
        askers = conn.execute(
            select(func.count(func.distinct(asks.member_id))).where(
                week_one, asks.verdict == "specific"
            )
        ).scalar_one()
        made = conn.execute(
            select(func.count()).where(week_one, asks.status == "made")
        ).scalar_one()
        yes = conn.execute(select(func.count()).where(week_one, asks.outcome == "yes")).scalar_one()
        gives = conn.execute(select(func.count()).select_from(tables.gives)).scalar_one()
    assert (specific, askers, made, yes, gives) == (4, 3, 1, 1, 2)
    assert f"• {specific} specific asks by {askers} members · {made} made · {yes} said yes" in first
    assert "• 2 gives — thank you for helping first" in first
    assert "(attachment: asks-per-day.png)" in first

    # Ana shares her open asks, but not names: kind and company only, never Keisha.
    assert "• Ana: a referral at U.S. Bank" in first
    assert "Keisha" not in first and "Maria" not in first
    # Bob shared names in week two, so his contact may appear; Ana's still never does.
    assert "• Bob: an introduction at Polaris (asking Li Wei)" in second
    assert "Keisha" not in second
    assert "Omar" not in first + second  # Cy never chose to share

    # The organizer (Ana started the console) sees who went quiet; others get no report.
    report_at = lines.index("Ana: report")
    report = "\n".join(lines[report_at + 1 : report_at + 6])
    assert "No specific ask in 7 days: Cy" in report
    assert not any(line.startswith("coach → Bob: Organizer report") for line in lines)
    assert not any(line.startswith("coach → Cy: Organizer report") for line in lines)
    assert "Organizer report for Job Club" in text
    db.dispose()


def test_a_community_seen_for_the_first_time_gets_no_digest_at_once(tmp_path: Path) -> None:
    """Seeded rows (or an old database) have no digest time yet: the first tick only records
    it, so a new community never gets a digest — over every member — on its first tick."""
    from bot.clock import SimulatedClock
    from bot.domain import Ask, Community, Member
    from bot.group.weekly import dispatch_weekly_posts

    clock = SimulatedClock(parse_start("2026-03-04T12:00", "UTC"))  # a Wednesday
    monday_ask = parse_start("2026-03-03T12:00", "UTC")
    with migrated_sqlite(tmp_path) as db:
        with db() as uow:
            club = uow.communities.add(
                Community(platform="slack", external_id="T1", name="Club", report_channel="C1")
            )
            assert club.id is not None
            ana = uow.members.add(Member(club.id, "U1", "Ana", "UTC", created_at=monday_ask))
            assert ana.id is not None
            uow.asks.add(Ask(ana.id, "Ask Jen Park for an intro", "specific", monday_ask))
            uow.commit()
        assert dispatch_weekly_posts(db, None, clock.now()) == []
        with db() as uow:
            [community] = uow.communities.all()
        assert community.last_digest_at == clock.now()
        assert dispatch_weekly_posts(db, None, clock.now()) == []
        # The next Monday 09:00 brings the first digest.
        clock.set(parse_start("2026-03-09T09:00", "UTC"))
        [digest] = dispatch_weekly_posts(db, None, clock.now())
        assert digest.channel == "C1" and digest.text.startswith("Weekly digest for Club")
