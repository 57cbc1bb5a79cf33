"""The dashboard's data from a known group, on SQLite and PostgreSQL: weekly counts in the
group's local weeks (across a daylight-saving change), the 80/20, who to reach out to with
only what they share, open asks by company, gives, and members the coach can't reach."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.dashboard.board import build_dashboard, week_bounds
from bot.dashboard.tables import dashboard_tables
from bot.domain import Ask, AskStatus, Community, Give, KnownCompany, Member, Outcome
from bot.messages import OutboundMessage
from storage import Database

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 3, 18, 12, 0, tzinfo=CHICAGO)  # a Wednesday; DST began Sunday March 8
JOINED = datetime(2026, 2, 1, tzinfo=UTC)


def local(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=CHICAGO)


def seed(db: Database) -> int:
    with db() as uow:
        club = uow.communities.add(Community("slack", "T1", "Club", timezone="America/Chicago"))
        other = uow.communities.add(Community("slack", "T2", "Other", timezone="UTC"))
        assert club.id is not None and other.id is not None
        ids: dict[str, int] = {}

        def member(name: str, community: int | None = club.id, **fields: object) -> int:
            assert community is not None
            values: dict[str, object] = {"state": "idle", "created_at": JOINED} | fields
            added = uow.members.add(
                Member(community, f"U{name}", name, "America/Chicago", **values)  # type: ignore[arg-type]
            )
            assert added.id is not None
            ids[name] = added.id
            return added.id

        def ask(name: str, at: datetime, verdict: str = "specific", **fields: object) -> None:
            uow.asks.add(Ask(ids[name], f"{name}'s plan at {at:%d %H:%M}", verdict, at, **fields))  # type: ignore[arg-type]

        member("Ann")
        member("Ben", share_asks=True)
        member("Cat")
        member("Dan", share_asks=True, share_names=True)
        member("Eve")
        member("Fay")
        member("Gus", paused_until=NOW + timedelta(days=3))
        member("Hal", undeliverable=True)
        member("Ida", hired_at=local(10))
        member("Jo", created_at=local(15))
        member("Kim", state="new")
        member("Zed", community=other.id)

        # Week of March 2.
        for day in (2, 3, 4):
            ask("Ann", local(day))
        ask("Ben", local(2), kind="introduction", company="3M")
        ask("Ben", local(5), kind="referral", company="Target", who="Priya")
        ask("Cat", local(3), "vague")
        ask("Dan", local(4), status=AskStatus.MADE, outcome=Outcome.YES)
        uow.gives.add(Give(ids["Ben"], "sent Ann two names", local(4)))
        # 23:30 on Sunday March 8 (CDT) is still the first week...
        ask(
            "Dan",
            datetime(2026, 3, 9, 4, 30, tzinfo=UTC),
            kind="referral",
            company="target ",
            who="Dan's contact",
        )
        # ...and 00:30 on Monday March 9 the second (a 168-hour week from March 2 would not be).
        ask("Eve", datetime(2026, 3, 9, 5, 30, tzinfo=UTC))
        ask("Cat", local(12), "passive")
        ask("Ann", local(17), kind="referral", company="Target", who="Raj")
        # Ann asked Bo and let it go unanswered ("Drop it"): still made. Cy she never asked.
        ask("Ann", local(16), status=AskStatus.DROPPED, outcome=Outcome.WAITING, who="Bo")
        ask("Ann", local(16, 11), status=AskStatus.DROPPED, who="Cy")
        uow.known.add(KnownCompany(ids["Eve"], "TARGET", local(1)))
        for day in (3, 10, 17):  # another community's plans count nowhere here
            ask("Zed", local(day))
        failure = OutboundMessage("Morning!", club.id, "slack", ids["Hal"], "UHal", key="m:1")
        uow.outbox.add(failure, local(16, 9))
        assert failure.id is not None
        uow.outbox.mark_failed(failure.id, "cannot_dm_user")
        uow.commit()
        return club.id


def test_weeks_across_daylight_saving(any_db: Database) -> None:
    bounds = week_bounds(NOW.astimezone(UTC), CHICAGO, weeks=3)
    assert [b.isoformat() for b in bounds] == [
        "2026-03-02T06:00:00+00:00",
        "2026-03-09T05:00:00+00:00",
        "2026-03-16T05:00:00+00:00",
        "2026-03-23T05:00:00+00:00",
    ]


def test_the_dashboard_of_a_known_group(any_db: Database) -> None:
    club_id = seed(any_db)
    with any_db() as uow:
        club = uow.communities.get(club_id)
        assert club is not None
        board = build_dashboard(uow, club, NOW.astimezone(UTC))
    # Onboarded and not hired: Ann … Jo (Gus paused and Hal unreachable still belong).
    assert board.members == 9 and board.top_fifth == 2
    tables = {t.slug: t for t in dashboard_tables(board)}
    assert tables["participation"].rows == [
        # planned: Ann Ben Cat Dan; asking: Ann Ben Dan; made it: Dan; yes: 1; gives: 1
        ("2026-03-02", "4", "3", "1", "1", "1"),
        ("2026-03-09", "2", "1", "0", "0", "0"),
        ("2026-03-16", "1", "1", "1", "0", "0"),  # Ann made one, and dropped it later
    ]
    assert tables["asking"].rows == [
        # 8 plans, 7 specific; the top two (Ann 3, Dan 2 or Ben 2) made 5 of the 7
        ("2026-03-02", "8", "7", "88%", "71%"),
        ("2026-03-09", "2", "1", "50%", "100%"),
        ("2026-03-16", "3", "3", "100%", "100%"),
    ]
    assert tables["reach-out"].rows == [
        ("Ben", "no plan", "a referral at Target", "2026-03-05"),
        ("Cat", "planned, nothing specific", "a passive plan (not shared)", "2026-03-12"),
        ("Dan", "no plan", "Dan's plan at 09 04:30", "2026-03-08"),
        ("Eve", "no plan", "a specific plan (not shared)", "2026-03-09"),
        ("Fay", "no plan", "no plan yet", ""),
    ]
    # Ann doesn't share: her open ask at Target is not shown. Ben shares asks but not names.
    assert tables["open-asks"].rows == [
        ("Target", "1", "Ben", "a referral", "", "2026-03-05"),
        ("Target", "1", "Dan", "a referral", "Dan's contact", "2026-03-08"),
        ("3M", "0", "Ben", "an introduction", "", "2026-03-02"),
    ]
    assert tables["gives"].rows == [("Ben", "1", "2026-03-04")]
    assert tables["unreachable"].rows == [("Hal", "cannot_dm_user", "2026-03-16")]


def test_a_group_without_plans(any_db: Database) -> None:
    with any_db() as uow:
        club = uow.communities.add(Community("slack", "T9", "Quiet club"))
        board = build_dashboard(uow, club, NOW.astimezone(UTC))
    assert board.weeks == [] and board.members == 0 and board.top_fifth == 1
    assert all(table.rows == [] for table in dashboard_tables(board))
