"""The repository contract, run on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import event, select

from bot.domain import (
    Ask,
    AskStatus,
    CheckIn,
    CheckInKind,
    CheckInStatus,
    Community,
    Give,
    KnownCompany,
    Member,
    Outcome,
    Target,
)
from bot.messages import Choice, OutboundMessage, UnconfirmedSend
from storage import Database
from storage import tables as t

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def _member(db: Database, external: str = "U1") -> Member:
    with db() as uow:
        community = uow.communities.find("slack", "T1") or uow.communities.add(
            Community(platform="slack", external_id="T1", name="Job Club", timezone="UTC")
        )
        assert community.id is not None
        member = uow.members.add(
            Member(
                community_id=community.id,
                external_id=external,
                name="Ana",
                timezone="America/Chicago",
                created_at=T0,
                checkin_time=time(8, 45),
                days=frozenset({0, 2, 4}),
                state="clarifying",
                state_data={"draft": "go to the mixer", "questions": 1},
            )
        )
        uow.commit()
    return member


def _saved_and_read_again(db: Database, member: Member) -> Member | None:
    """Save `member` in one transaction; read it back in another."""
    with db() as uow:
        uow.members.save(member)
        uow.commit()
    with db() as uow:
        return uow.members.get(member.id or 0)


def test_member_round_trip(any_db: Database) -> None:
    member = _member(any_db)
    with any_db() as uow:
        loaded = uow.members.find(member.community_id, "U1")
    assert loaded == member
    assert loaded is not None and loaded.created_at.tzinfo is not None
    loaded.paused_until = T0 + timedelta(days=3)
    loaded.state_data = {"ask_id": 7, "note": "ünïcödé ✓"}
    assert _saved_and_read_again(any_db, loaded) == loaded


def test_uncommitted_work_is_rolled_back(any_db: Database) -> None:
    member = _member(any_db)
    with any_db() as uow:
        uow.asks.add(Ask(member_id=member.id or 0, text="x", verdict="vague", created_at=T0))
    with any_db() as uow:
        assert uow.asks.for_member(member.id or 0) == []


def test_asks_gives_targets_known(any_db: Database) -> None:
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        later = uow.asks.add(Ask(mid, "Ask Jen for an intro", "specific", T0 + timedelta(hours=1)))
        first = uow.asks.add(Ask(mid, "networking", "passive", T0, status=AskStatus.SKIPPED))
        later.outcome = Outcome.YES
        later.status = AskStatus.MADE
        uow.asks.save(later)
        uow.gives.add(Give(mid, "intro for Sam", T0))
        uow.targets.add(Target(mid, "Medtronic", T0))
        uow.targets.add(Target(mid, "Target", T0))
        uow.known.add(KnownCompany(mid, "3M", T0))
        uow.commit()
    with any_db() as uow:
        assert [a.id for a in uow.asks.for_member(mid)] == [first.id, later.id]
        assert [a.id for a in uow.asks.for_member(mid, since=T0 + timedelta(minutes=5))] == [
            later.id
        ]
        assert uow.asks.get(later.id or 0) == later
        assert [g.text for g in uow.gives.for_member(mid)] == ["intro for Sam"]
        assert uow.targets.remove(mid, "medtronic") is True
        assert uow.targets.remove(mid, "medtronic") is False
        assert [t.company for t in uow.targets.for_member(mid)] == ["Target"]
        assert [k.company for k in uow.known.for_member(mid)] == ["3M"]


def test_checkin_claims_are_leased(any_db: Database) -> None:
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        due = uow.checkins.add(CheckIn(mid, CheckInKind.MORNING, T0))
        uow.checkins.add(CheckIn(mid, CheckInKind.AFTERNOON, T0 + timedelta(hours=3)))
        uow.commit()
    with any_db() as uow:
        assert uow.checkins.next_due_at() == T0
        claimed = uow.checkins.claim_due(T0, "w1", T0 + timedelta(minutes=2), 10)
        uow.commit()
    assert [c.id for c in claimed] == [due.id]
    with any_db() as uow:
        # Another worker finds nothing while the lease holds...
        assert uow.checkins.claim_due(T0 + timedelta(minutes=1), "w2", T0, 10) == []
        # ...and takes the row over once it has expired.
        again = uow.checkins.claim_due(
            T0 + timedelta(minutes=3), "w2", T0 + timedelta(minutes=5), 10
        )
        uow.commit()
    assert [c.id for c in again] == [due.id]
    with any_db() as uow:
        assert uow.checkins.finish(due.id or 0, "w1", CheckInStatus.SENT) is False
        assert uow.checkins.finish(due.id or 0, "w2", CheckInStatus.SENT) is True
        assert uow.checkins.finish(due.id or 0, "w2", CheckInStatus.SENT) is False
        assert uow.checkins.cancel_pending(mid, [CheckInKind.AFTERNOON]) == 1
        assert uow.checkins.pending_for_member(mid) == []
        assert uow.checkins.next_due_at() is None
        uow.commit()


def test_outbox_is_idempotent_and_retries(any_db: Database) -> None:
    member = _member(any_db)
    message = OutboundMessage(
        text="Did you make your ask of Jen?",
        community_id=member.community_id,
        platform="slack",
        member_id=member.id,
        recipient="U1",
        choices=(Choice("Made it", "!ask:1:made"),),
        key="checkin:1:0",
    )
    with any_db() as uow:
        assert uow.outbox.add(message, T0) is True
        assert uow.outbox.add(message, T0) is False
        uow.commit()
    with any_db() as uow:
        assert uow.outbox.claim_ready(T0, "w1", T0 + timedelta(minutes=5), 10, "discord") == []
        [claimed] = uow.outbox.claim_ready(T0, "w1", T0 + timedelta(minutes=5), 10, "slack")
        uow.commit()
    assert claimed.choices == message.choices and claimed.recipient == "U1"
    with any_db() as uow:
        assert uow.outbox.claim_ready(T0, "w2", T0, 10) == []
        uow.outbox.retry_later(claimed.id or 0, T0 + timedelta(seconds=30), "429")
        assert uow.outbox.pending_count() == 1
        uow.commit()
    with any_db() as uow:
        assert uow.outbox.claim_ready(T0 + timedelta(seconds=10), "w2", T0, 10) == []
        [retry] = uow.outbox.claim_ready(T0 + timedelta(seconds=31), "w2", T0, 10)
        assert retry.meta["attempts"] == "1"
        uow.outbox.mark_sent(retry.id or 0, T0)
        assert uow.outbox.pending_count() == 0
        uow.commit()


def test_outbox_says_when_an_earlier_send_is_unconfirmed(any_db: Database) -> None:
    member = _member(any_db)
    messages = [
        OutboundMessage(
            text="Morning!", community_id=member.community_id, platform="slack", key=key
        )
        for key in ("checkin:2:0", "checkin:3:0")
    ]
    lease = timedelta(minutes=5)
    with any_db() as uow:
        for message in messages:
            uow.outbox.add(message, T0)
        [first, _] = uow.outbox.claim_ready(T0, "w1", T0 + lease, 10)
        uow.commit()
    assert first.unconfirmed_send is None  # a first send: nothing to check
    sending_at = T0 + timedelta(seconds=2)
    with any_db() as uow:  # w1 is about to hand the first one to the platform
        assert uow.outbox.record_attempt(first.id or 0, "w1", sending_at)
        assert not uow.outbox.record_attempt(first.id or 0, "w2", sending_at)  # not w2's
        uow.commit()

    # w1 died mid-send; after its lease w2 takes both over. Only the one w1 was sending may
    # have reached the platform; the other was never attempted.
    taken_at = T0 + lease + timedelta(seconds=1)
    with any_db() as uow:
        taken = uow.outbox.claim_ready(taken_at, "w2", taken_at + lease, 10)
        uow.commit()
    by_key = {m.key: m for m in taken}
    assert by_key["checkin:2:0"].unconfirmed_send == UnconfirmedSend(
        since=sending_at, until=T0 + lease
    )
    assert by_key["checkin:3:0"].unconfirmed_send is None
    unsure = by_key["checkin:2:0"]

    # w2 attempts it too (the earliest attempt is kept), and is rate limited before settling
    # it: still unconfirmed.
    with any_db() as uow:
        assert uow.outbox.record_attempt(unsure.id or 0, "w2", taken_at)
        assert uow.outbox.retry_later(
            unsure.id or 0, taken_at, "429", count_attempt=False, owner="w2", keep_unconfirmed=True
        )
        assert uow.outbox.pending_count() == 2
        again_at = taken_at + timedelta(seconds=30)
        [again] = uow.outbox.claim_ready(again_at, "w3", again_at + lease, 1)
        uow.commit()
    assert again.key == "checkin:2:0"
    assert again.unconfirmed_send == UnconfirmedSend(since=sending_at, until=again_at)

    # A retry after a failure w3 saw for itself is a plain retry.
    with any_db() as uow:
        assert uow.outbox.retry_later(again.id or 0, taken_at, "503", owner="w3")
        [plain] = uow.outbox.claim_ready(again_at, "w4", again_at + lease, 1)
        uow.commit()
    assert plain.key == "checkin:2:0" and plain.unconfirmed_send is None


def test_a_worker_renews_only_the_leases_it_still_holds(any_db: Database) -> None:
    member = _member(any_db)
    lease = timedelta(seconds=30)
    with any_db() as uow:
        for n in range(3):
            uow.outbox.add(
                OutboundMessage(text="Hi", community_id=member.community_id, key=f"m{n}"), T0
            )
            uow.checkins.add(CheckIn(member_id=member.id or 0, kind=CheckInKind.MORNING, due_at=T0))
        uow.outbox.claim_ready(T0, "w1", T0 + lease, 2)
        uow.checkins.claim_due(T0, "w1", T0 + lease, 2)
        uow.commit()
    later = T0 + lease + timedelta(seconds=1)  # w1 was late; w2 takes one of each over
    with any_db() as uow:
        assert len(uow.outbox.claim_ready(later, "w2", later + lease, 1)) == 1
        assert len(uow.checkins.claim_due(later, "w2", later + lease, 1)) == 1
        uow.commit()
    renewed_until = later + timedelta(minutes=1)
    with any_db() as uow:
        assert uow.outbox.renew_leases("w1", renewed_until) == 1
        assert uow.checkins.renew_leases("w1", renewed_until) == 1
        uow.commit()
    # When w2's lease has run out and w1's renewed one has not, a third worker gets w2's row
    # and the one never claimed, not w1's.
    at = later + timedelta(seconds=45)
    with any_db() as uow:
        messages = uow.outbox.claim_ready(at, "w3", at + lease, 10)
        checkins = uow.checkins.claim_due(at, "w3", at + lease, 10)
        uow.commit()
    assert sorted(m.key for m in messages) == ["m0", "m2"]
    assert len(checkins) == 2
    with any_db.engine.connect() as conn:
        owners = conn.execute(select(t.checkins.c.lease_owner).order_by(t.checkins.c.id)).all()
    assert [owner for (owner,) in owners] == ["w3", "w1", "w3"]


def test_outbox_claims_an_events_replies_by_id_unless_another_worker_has_them(
    any_db: Database,
) -> None:
    """A Discord shard other than 0 claims the replies of its own interaction by id; a reply
    that shard 0's delivery took first stays shard 0's."""
    member = _member(any_db)
    replies = [
        OutboundMessage(
            f"reply {n}", member.community_id, "discord", member.id, "U1", key=f"in:discord:9:{n}"
        )
        for n in range(3)
    ]
    unrelated = OutboundMessage("check-in", member.community_id, "discord", key="checkin:7:0")
    with any_db() as uow:
        for message in [*replies, unrelated]:
            assert uow.outbox.add(message, T0)
        uow.commit()
    ids = [m.id or 0 for m in replies]
    lease = T0 + timedelta(minutes=5)
    with any_db() as uow:
        [taken] = uow.outbox.claim_ready(T0, "shard-0", lease, 1, "discord")  # the oldest
        uow.commit()
    assert taken.id == ids[0]
    with any_db() as uow:
        assert uow.outbox.claim([], T0, "shard-1", lease) == []
        assert uow.outbox.claim(ids, T0 - timedelta(seconds=1), "shard-1", lease) == []
        claimed = uow.outbox.claim(ids, T0, "shard-1", lease)
        assert uow.outbox.claim(ids, T0, "shard-2", lease) == []
        uow.commit()
    assert [m.id for m in claimed] == ids[1:] and claimed[0].text == "reply 1"
    with any_db() as uow:  # the check-in was not asked for: still anyone's to send
        [left] = uow.outbox.claim_ready(T0, "shard-0", lease, 10, "discord")
        uow.commit()
    assert left.key == "checkin:7:0"


def test_outbox_gives_up_a_community_s_unsent_messages(any_db: Database) -> None:
    member = _member(any_db)
    with any_db() as uow:
        other = uow.communities.add(Community(platform="slack", external_id="T2", name="Other"))
        uow.commit()
    assert other.id is not None

    def message(key: str, community_id: int) -> OutboundMessage:
        return OutboundMessage(
            text=key, community_id=community_id, platform="slack", recipient="U1", key=key
        )

    with any_db() as uow:
        for key in ("sent", "sending", "pending"):
            uow.outbox.add(message(key, member.community_id), T0)
        uow.outbox.add(message("other", other.id), T0)
        uow.commit()
    with any_db() as uow:
        claimed = uow.outbox.claim_ready(T0, "w1", T0 + timedelta(minutes=5), 2)
        assert [m.key for m in claimed] == ["sent", "sending"]
        uow.outbox.mark_sent(claimed[0].id or 0, T0)
        uow.commit()
    with any_db() as uow:
        assert uow.outbox.mark_community_failed(member.community_id, "workspace gone") == 2
        assert uow.outbox.mark_community_failed(member.community_id, "workspace gone") == 0
        # The worker that held "sending" comes back late: it changes nothing.
        assert uow.outbox.retry_later(claimed[1].id or 0, T0, "503", owner="w1") is False
        uow.commit()
    with any_db() as uow:
        [left] = uow.outbox.claim_ready(T0 + timedelta(hours=1), "w2", T0 + timedelta(hours=2), 9)
        assert left.key == "other"
        assert uow.outbox.pending_count() == 1


def test_event_log_sees_each_event_once(any_db: Database) -> None:
    with any_db() as uow:
        assert uow.events.first_time("slack", "Ev1", T0) is True
        assert uow.events.first_time("slack", "Ev1", T0) is False
        assert uow.events.first_time("discord", "Ev1", T0) is True
        uow.commit()


def test_forget_member_removes_every_row(any_db: Database) -> None:
    keep = _member(any_db, "U2")
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        for owner in (mid, keep.id or 0):
            ask = uow.asks.add(Ask(owner, "Ask Jen for an intro", "specific", T0))
            uow.gives.add(Give(owner, "intro", T0))
            uow.targets.add(Target(owner, "3M", T0))
            uow.known.add(KnownCompany(owner, "3M", T0))
            uow.checkins.add(CheckIn(owner, CheckInKind.AFTERNOON, T0, ask_id=ask.id))
            uow.outbox.add(
                OutboundMessage("hi", member.community_id, member_id=owner, key=f"k{owner}"), T0
            )
        uow.commit()
    with any_db() as uow:
        uow.forget_member(mid)
        uow.commit()
    with any_db() as uow:
        assert uow.members.get(mid) is None
        assert uow.asks.for_member(mid) == []
        assert uow.gives.for_member(mid) == []
        assert uow.targets.for_member(mid) == []
        assert uow.known.for_member(mid) == []
        assert uow.checkins.pending_for_member(mid) == []
        assert uow.outbox.pending_count() == 1  # the other member's message only
        assert len(uow.asks.for_member(keep.id or 0)) == 1


def _statements(db: Database) -> list[str]:
    """Every SQL statement the engine runs from now on (for 'nothing is written' checks)."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    return seen


def test_member_found_with_its_community(any_db: Database) -> None:
    member = _member(any_db)
    with any_db() as uow:
        community, found = uow.members.find_with_community("slack", "T1", "U1")
        assert community is not None and community.id == member.community_id
        assert community == uow.communities.find("slack", "T1")
        assert found == member
        assert found is not None and found.created_at.tzinfo is not None
        # A community that doesn't know the member yet, and an unknown community.
        assert uow.members.find_with_community("slack", "T1", "U2") == (community, None)
        assert uow.members.find_with_community("slack", "T9", "U1") == (None, None)
        assert uow.members.find_with_community("discord", "T1", "U1") == (None, None)


def test_member_save_writes_only_what_changed(any_db: Database) -> None:
    member = _member(any_db)
    other = _member(any_db, "U2")
    statements = _statements(any_db)
    with any_db() as uow:
        _, loaded = uow.members.find_with_community("slack", "T1", "U1")
        assert loaded is not None
        uow.members.save(loaded)  # nothing changed: no UPDATE
        loaded.state_data["questions"] = 2  # a change inside the JSON document counts
        uow.members.save(loaded)
        uow.members.save(loaded)  # already stored in this transaction
        uow.commit()
    updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 1
    assert "state_data" in updates[0] and "timezone" not in updates[0]
    with any_db() as uow:
        again = uow.members.get(member.id or 0)
        assert again is not None and again.state_data == {
            "draft": "go to the mixer",
            "questions": 2,
        }
        assert again == replace(member, state_data=again.state_data)
        # Two copies of one row in one transaction: the later save still writes its change.
        first = uow.members.get(member.id or 0)
        second = uow.members.find(member.community_id, "U1")
        assert first is not None and second is not None
        first.name = "Ana B."
        uow.members.save(first)
        second.timezone = "Europe/Berlin"
        uow.members.save(second)
        uow.commit()
    with any_db() as uow:
        stored = uow.members.get(member.id or 0)
        assert stored is not None and stored.timezone == "Europe/Berlin"
        assert stored.name == "Ana"  # second's copy of the name, as before: last save wins
        assert uow.members.get(other.id or 0) == other  # untouched
    # Changes inside nested documents and of a value's JSON type are writes too.
    with any_db() as uow:
        loaded = uow.members.get(member.id or 0)
        assert loaded is not None
        loaded.state_data = {"names": ["Jen"], "flag": 1}
        uow.members.save(loaded)
        loaded.state_data["names"].append("Sam")
        uow.members.save(loaded)
        loaded.state_data["flag"] = True
        uow.members.save(loaded)
        uow.commit()
    with any_db() as uow:
        again = uow.members.get(member.id or 0)
        assert again is not None and again.state_data == {"names": ["Jen", "Sam"], "flag": True}
        assert again.state_data["flag"] is True
        stored.state_data = again.state_data
    # A member read elsewhere (another transaction) is written in full.
    stored.days = frozenset({1})
    assert _saved_and_read_again(any_db, stored) == stored


def test_specific_asks_since_and_their_total(any_db: Database) -> None:
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        assert uow.asks.specific_since(mid, T0, "referral") == ([], 0)
        old = uow.asks.add(Ask(mid, "Ask Jen for a referral", "specific", T0 - timedelta(days=20)))
        uow.asks.add(Ask(mid, "networking", "passive", T0 + timedelta(hours=2)))
        late = uow.asks.add(Ask(mid, "Ask Sam for a referral", "specific", T0 + timedelta(hours=3)))
        early = uow.asks.add(Ask(mid, "Ask Li for a ref", "specific", T0 + timedelta(hours=1)))
        intro = uow.asks.add(Ask(mid, "Ask Bo for an intro", "specific", T0 + timedelta(hours=1)))
        kindless = uow.asks.add(Ask(mid, "Ask Al for it", "specific", T0 + timedelta(hours=1)))
        for ask, kind in ((old, "referral"), (late, "referral"), (early, "referral")):
            ask.kind = kind
            uow.asks.save(ask)
        intro.kind = "introduction"
        uow.asks.save(intro)
        uow.commit()
    other = _member(any_db, "U2")
    with any_db() as uow:
        uow.asks.add(Ask(other.id or 0, "Ask Bo for a review", "specific", T0, kind="referral"))
        uow.commit()
    with any_db() as uow:
        recent, total = uow.asks.specific_since(mid, T0, "referral")
        assert [a.id for a in recent] == [early.id, late.id]  # oldest first
        assert recent[1] == late
        assert total == 5  # specific asks of every kind, at any time
        assert uow.asks.specific_since(mid, T0, "introduction") == ([intro], 5)
        assert uow.asks.specific_since(mid, T0, None) == ([kindless], 5)
        assert uow.asks.specific_since(mid, T0, "review") == ([], 5)
        assert uow.asks.specific_since(mid, T0 - timedelta(days=30), "referral")[0][0] == old
        assert uow.asks.specific_since(mid, T0 + timedelta(days=1), "referral") == ([], 5)


def test_cancel_pending_several_kinds_at_once(any_db: Database) -> None:
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        for kind in (CheckInKind.MORNING, CheckInKind.NUDGE, CheckInKind.AFTERNOON):
            uow.checkins.add(CheckIn(mid, kind, T0))
        uow.commit()
    with any_db() as uow:
        assert uow.checkins.cancel_pending(mid, []) == 0
        kinds = [CheckInKind.NUDGE, CheckInKind.AFTERNOON, CheckInKind.NUDGE]
        assert uow.checkins.cancel_pending(mid, kinds) == 2
        assert [c.kind for c in uow.checkins.pending_for_member(mid)] == [CheckInKind.MORNING]
        assert uow.checkins.cancel_pending(mid, list(CheckInKind)) == 1
        assert uow.checkins.pending_for_member(mid) == []


def test_an_ask_is_removed_with_its_pending_check_ins_and_only_by_its_member(
    any_db: Database,
) -> None:
    ana, bo = _member(any_db), _member(any_db, "U2")
    mid = ana.id or 0
    with any_db() as uow:
        carla = uow.asks.add(Ask(mid, "Ask Carla for a referral", "specific", T0))
        kept = uow.asks.add(Ask(mid, "Ask Jen for an intro", "specific", T0))
        uow.checkins.add(CheckIn(mid, CheckInKind.AFTERNOON, T0, ask_id=carla.id))
        uow.checkins.add(CheckIn(mid, CheckInKind.MORNING, T0))
        uow.commit()
    with any_db() as uow:
        assert uow.asks.remove(bo.id or 0, carla.id or 0) is False  # never another member's
        assert uow.asks.remove(mid, carla.id or 0) is True
        assert uow.asks.remove(mid, carla.id or 0) is False
        uow.commit()
    with any_db() as uow:
        assert [a.id for a in uow.asks.for_member(mid)] == [kept.id]
        assert [c.kind for c in uow.checkins.pending_for_member(mid)] == [CheckInKind.MORNING]
