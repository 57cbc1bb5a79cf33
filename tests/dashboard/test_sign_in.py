"""Sign-in links: `admin dashboard` gives organizers a one-time, short-lived link for their
own community; members get none; a link signs in once, never after it expires, never for
someone who is no longer an organizer; only its hash is stored."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.dashboard.sign_in import (
    LINK_LIFETIME,
    Refusal,
    Viewer,
    check_link,
    issue_sign_in,
    redeem_link,
    token_hash,
)
from bot.domain import Role
from storage import Database
from storage.dashboard import dashboard_sign_ins
from tests.support.chat import Chat
from tests.support.snapshot import snapshot

URL = "https://coach.example.org"
LINK = re.compile(r"https://coach\.example\.org/dashboard/sign-in/([A-Za-z0-9_-]{43})\b")


def organizer_chat(db: Database, public_url: str | None = URL) -> Chat:
    chat = Chat(db, start="2026-03-02T08:00", user="Olu")
    chat.coach.settings = replace(chat.coach.settings, public_url=public_url)
    chat.admins.add("Olu")
    chat.greet()
    chat.say("ok")
    chat.greet("Bea")
    chat.say("ok", user="Bea")
    return chat


def link_token(chat: Chat) -> str:
    [reply] = chat.say("admin dashboard")
    found = LINK.search(reply)
    assert found, reply
    assert reply.endswith("The link works once, for the next 15 minutes. Keep it to yourself.")
    return found.group(1)


def test_an_organizer_gets_a_link_that_signs_in_once(any_db: Database) -> None:
    chat = organizer_chat(any_db)
    token = link_token(chat)
    now = chat.clock.now()
    with any_db() as uow:
        # Only the hash is stored.
        row = uow.sign_ins.find(token_hash(token))
        assert row is not None and row.expires_at == now + LINK_LIFETIME
        assert check_link(uow, token, now) is None
        found = redeem_link(uow, token, now)
        uow.commit()
    assert isinstance(found, Viewer) and found.member.name == "Olu"
    assert found.community.external_id == "club"
    with any_db() as uow:
        assert check_link(uow, token, now) == Refusal.USED
        assert redeem_link(uow, token, now) == Refusal.USED
    with any_db.engine.connect() as conn:
        stored = conn.execute(select(dashboard_sign_ins.c.token_hash)).scalars().all()
    assert token not in "".join(stored)


def test_a_link_expires_after_fifteen_minutes(any_db: Database) -> None:
    chat = organizer_chat(any_db)
    token = link_token(chat)
    later = chat.clock.now() + LINK_LIFETIME
    with any_db() as uow:
        assert check_link(uow, token, later - timedelta(seconds=1)) is None
        assert check_link(uow, token, later) == Refusal.EXPIRED
        assert redeem_link(uow, token, later) == Refusal.EXPIRED
        uow.commit()
    with any_db() as uow:  # the refused redeem used nothing up
        assert check_link(uow, token, later - timedelta(seconds=1)) is None


@pytest.mark.parametrize("token", ["", "x", "a" * 43 + "<script>", "A" * 43, "A" * 500])
def test_unknown_and_malformed_links_show_nothing(sqlite_db: Database, token: str) -> None:
    chat = organizer_chat(sqlite_db)
    with sqlite_db() as uow:
        assert check_link(uow, token, chat.clock.now()) == Refusal.UNKNOWN
        assert redeem_link(uow, token, chat.clock.now()) == Refusal.UNKNOWN


def test_members_get_no_link(any_db: Database) -> None:
    chat = organizer_chat(any_db)
    before = snapshot(any_db)
    assert chat.say("admin dashboard", user="Bea") == [
        "Only the group's admins or coaches can change its settings."
    ]
    assert snapshot(any_db) == before
    with any_db() as uow:
        [bea] = [m for m in uow.members.in_community(1) if m.name == "Bea"]
        with pytest.raises(PermissionError):
            issue_sign_in(uow, bea, chat.clock.now())


def test_a_coach_gets_a_link_and_loses_it_with_the_role(any_db: Database) -> None:
    chat = organizer_chat(any_db)
    assert chat.say("admin coach add @Bea") == ["Bea is now a coach."]
    [reply] = chat.say("admin dashboard", user="Bea")
    token = LINK.search(reply)
    assert token is not None
    assert chat.say("admin coach remove @Bea") == ["Bea is no longer a coach."]
    with any_db() as uow:
        now = chat.clock.now()
        assert check_link(uow, token.group(1), now) == Refusal.NOT_ORGANIZER
        assert redeem_link(uow, token.group(1), now) == Refusal.NOT_ORGANIZER


def test_without_a_public_address_the_organizer_is_told_what_to_set(sqlite_db: Database) -> None:
    chat = organizer_chat(sqlite_db, public_url=None)
    before = snapshot(sqlite_db)
    [reply] = chat.say("admin dashboard")
    assert "ASKCOACH_PUBLIC_URL" in reply and "http" not in reply
    assert snapshot(sqlite_db) == before


def test_forget_deletes_the_members_links(sqlite_db: Database) -> None:
    chat = organizer_chat(sqlite_db)
    link_token(chat)
    with sqlite_db() as uow:
        [olu] = [m for m in uow.members.in_community(1) if m.role == Role.ADMIN]
        assert olu.id is not None
        uow.forget_member(olu.id)
        uow.commit()
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(dashboard_sign_ins)).scalar() == 0


def race(db: Database, token: str, now: datetime, requests: int) -> list[Viewer | Refusal]:
    """`requests` threads redeem the same link at once, each in its own transaction."""
    results: list[Viewer | Refusal] = []
    start = threading.Barrier(requests)

    def redeem() -> None:
        start.wait()
        with db() as uow:
            results.append(redeem_link(uow, token, now))
            uow.commit()

    threads = [threading.Thread(target=redeem) for _ in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_requests_with_one_link_sign_in_once(any_db: Database) -> None:
    """The redeem is one conditional UPDATE: racing requests get one sign-in between them."""
    chat = organizer_chat(any_db)
    for _ in range(5):
        results = race(any_db, link_token(chat), chat.clock.now(), 4)
        assert sum(isinstance(r, Viewer) for r in results) == 1
        assert sorted(r for r in results if isinstance(r, Refusal)) == [Refusal.USED] * 3
