"""`forget` removes every row about a member, in every table — checked by scanning the schema."""

from __future__ import annotations

from sqlalchemy import select

from storage import Database
from storage.tables import metadata
from tests.support.chat import Chat


def rows_about(db: Database, member_id: int, external_id: str) -> dict[str, int]:
    """Rows in any table that point at the member: member ids, foreign keys, platform ids."""
    found: dict[str, int] = {}
    with db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for column in table.columns:
                refers_to_member = any(
                    fk.column.table.name == "members" for fk in column.foreign_keys
                )
                if table.name == "members" and column.name == "id":
                    refers_to_member = True
                if column.name in ("member_id", "asker_id", "helper_id"):
                    refers_to_member = True
                if refers_to_member:
                    hits = conn.execute(select(table).where(column == member_id)).all()
                elif column.name in ("external_id", "recipient") and table.name != "communities":
                    hits = conn.execute(select(table).where(column == external_id)).all()
                else:
                    continue
                if hits:
                    found[f"{table.name}.{column.name}"] = len(hits)
    return found


def test_forget_leaves_nothing_in_any_table(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00", user="Ana")
    for name in ("Ana", "Bob"):
        chat.greet(name)
        chat.say("ok", user=name)
    chat.say("know Medtronic", user="Bob")
    chat.say("share on")
    chat.say("target add 3M")
    chat.say("know Target")
    chat.say("gave Bob a review of his resume")
    chat.advance("1h")
    chat.say("Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    chat.press("Yes, ask")
    chat.press("I can help", user="Bob")
    chat.advance("8h")
    with sqlite_db() as uow:
        community = uow.communities.find("console", "club")
        assert community is not None and community.id is not None
        ana = uow.members.find(community.id, "Ana")
        assert ana is not None and ana.id is not None
    before = rows_about(sqlite_db, ana.id, "Ana")
    for table in (
        "members.id",
        "asks.member_id",
        "gives.member_id",
        "targets.member_id",
        "known_companies.member_id",
        "checkins.member_id",
        "intro_requests.asker_id",
        "outbox.member_id",
    ):
        assert before.get(table), f"the scenario should have put rows in {table}: {before}"

    chat.say("forget")
    assert chat.say("yes, delete") == [
        "Done — I've deleted everything about you. Message me anytime to start fresh."
    ]
    after = rows_about(sqlite_db, ana.id, "Ana")
    # Only the goodbye in the outbox (addressed to her platform id, tied to no member).
    assert after == {"outbox.recipient": 1}

    # Bob keeps his own data, including the give he logged by helping.
    with sqlite_db() as uow:
        bob = uow.members.find(community.id, "Bob")
        assert bob is not None and bob.id is not None
        assert [g.text for g in uow.gives.for_member(bob.id)] == ["Intro for Ana at Medtronic"]
