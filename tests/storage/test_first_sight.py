"""Rows created on first sight (a workspace's community, a member) are created once, even when
several workers meet the same newcomer at the same moment: nobody fails, everybody gets the
stored row. Run on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.domain import Community, Member
from storage import Database
from storage import tables as t

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def _community(name: str = "Job Club") -> Community:
    return Community(platform="slack", external_id="T1", name=name, timezone="UTC")


def _member(community_id: int, external_id: str, name: str = "Ana") -> Member:
    return Member(
        community_id=community_id,
        external_id=external_id,
        name=name,
        timezone="UTC",
        created_at=T0,
    )


def _count(db: Database, table: t.Table) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_adding_a_community_or_member_that_exists_returns_the_stored_one(any_db: Database) -> None:
    with any_db() as uow:
        first = uow.communities.add(_community())
        assert first.id is not None
        ana = uow.members.add(_member(first.id, "U1"))
        uow.commit()
    with any_db() as uow:  # another worker, which had not seen them when it looked
        again = uow.communities.add(_community(name="Another name"))
        assert again.id == first.id
        assert again.name == "Job Club"  # what is stored, not what this worker would have written
        same = uow.members.add(_member(first.id, "U1", name="Ana B."))
        assert same.id == ana.id and same.name == "Ana"
        same.state = "onboarding"
        uow.members.save(same)  # the returned member is a normal stored member
        uow.commit()
    with any_db() as uow:
        stored = uow.members.find(first.id, "U1")
    assert stored is not None and stored.state == "onboarding"
    assert _count(any_db, t.communities) == 1
    assert _count(any_db, t.members) == 1


def test_many_workers_meeting_a_new_workspace_at_once_all_succeed(any_db: Database) -> None:
    """Each transaction looks the workspace up, finds nothing, then creates it with its member,
    as the core does for a first DM; all start together."""
    workers = 12
    start = threading.Barrier(workers)

    def first_message(n: int) -> tuple[int, int]:
        start.wait()
        with any_db() as uow:
            community, member = uow.members.find_with_community("slack", "T1", f"U{n}")
            assert member is None
            if community is None:
                community = uow.communities.add(_community())
            assert community.id is not None
            added = uow.members.add(_member(community.id, f"U{n}"))
            assert added.id is not None
            uow.commit()
            return community.id, added.id

    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(first_message, range(workers)))
    assert len({community for community, _ in results}) == 1
    assert len({member for _, member in results}) == workers
    assert _count(any_db, t.communities) == 1
    assert _count(any_db, t.members) == workers


def test_one_member_s_two_first_messages_at_once_make_one_member(any_db: Database) -> None:
    with any_db() as uow:
        club = uow.communities.add(_community())
        uow.commit()
    assert club.id is not None
    community_id = club.id
    start = threading.Barrier(2)

    def first_message(_: int) -> int:
        start.wait()
        with any_db() as uow:
            added = uow.members.add(_member(community_id, "U1"))
            uow.commit()
        assert added.id is not None
        return added.id

    with ThreadPoolExecutor(2) as pool:
        ids = set(pool.map(first_message, range(2)))
    assert len(ids) == 1
    assert _count(any_db, t.members) == 1
