"""A worker dies in the middle of sending a Slack message; another takes the message over.

Slack's chat.postMessage has no idempotency key. askcoach puts each message's outbox key in
its Slack metadata, and a worker that takes over a message whose earlier send nobody
confirmed first reads the conversation's recent history for that key (docs/checkins.md).
These scenarios run the real delivery loop and the real Slack gateway (slack_sdk) against the
emulator; a worker "dies" by raising out of the loop, leaving its claim in the database as a
killed process would.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import select

from adapters.slack import SlackGateway
from adapters.slack.gateway import SingleWorkspaceToken
from bot.clock import SimulatedClock
from bot.delivery import DeliveryReport, deliver_outbox
from bot.delivery.sender import SEND_LEASE, UNCONFIRMED_WAIT
from bot.domain import Community
from bot.messages import OutboundMessage
from bot.ports import ChatGateway
from emulators.slack import DEFAULT_BOT_TOKEN, DEFAULT_SCOPES, DEFAULT_TEAM_ID, SlackEmulator
from storage import tables as t
from tests.slack.conftest import ANA
from tests.slack.harness import Harness

KEY = "checkin:41:0"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
RATELIMITED = {"ok": False, "error": "ratelimited"}
RETRY_AFTER = {"Retry-After": "30"}


class WorkerDied(BaseException):
    """The worker's process was killed here: nothing after this point of it runs."""


@dataclass
class DiesAfterSlackAccepts:
    """Sends through the real gateway, then dies before the message is marked sent."""

    gateway: ChatGateway

    async def send(self, message: OutboundMessage) -> None:
        await self.gateway.send(message)
        raise WorkerDied


class DiesBeforeSlackAnswers:
    async def send(self, message: OutboundMessage) -> None:
        raise WorkerDied


@pytest.fixture
def clock() -> SimulatedClock:
    # Slack stamps messages with the real time; the workers' clock starts there and then jumps.
    return SimulatedClock(datetime.now(UTC))


@pytest.fixture
def community(slack: Harness) -> int:
    with slack.app.db() as uow:
        club = uow.communities.add(
            Community(platform="slack", external_id=DEFAULT_TEAM_ID, name="club")
        )
        uow.commit()
    assert club.id is not None
    return club.id


def _queue(slack: Harness, clock: SimulatedClock, community: int, **fields: Any) -> None:
    message = OutboundMessage(
        **{
            "text": "Morning, Ana! What's your specific ask today?",
            "community_id": community,
            "platform": "slack",
            "recipient": ANA,
            "key": KEY,
            **fields,
        }
    )
    with slack.app.db() as uow:
        assert uow.outbox.add(message, clock.now())
        uow.commit()


def _deliver(
    slack: Harness, clock: SimulatedClock, name: str, gateway: ChatGateway
) -> DeliveryReport:
    """One delivery pass of worker `name`."""
    return slack.call(
        deliver_outbox(slack.app.db, gateway, clock, name, platform="slack", lease=SEND_LEASE)
    )


def _worker(slack: Harness, clock: SimulatedClock, name: str, gateway: ChatGateway) -> int:
    """One delivery pass of worker `name`; how many messages it sent."""
    return _deliver(slack, clock, name, gateway).sent


def _dies(slack: Harness, clock: SimulatedClock, name: str, gateway: ChatGateway) -> None:
    with pytest.raises(WorkerDied):
        _worker(slack, clock, name, gateway)


def _copies(emu: SlackEmulator, channel: str) -> list[dict[str, Any]]:
    """The messages carrying KEY that the conversation shows."""
    return [
        m
        for m in emu.messages(channel)
        if m.get("metadata", {}).get("event_payload", {}).get("key") == KEY
    ]


def _status(slack: Harness) -> str:
    with slack.app.db.engine.connect() as conn:
        return str(conn.execute(select(t.outbox.c.status).where(t.outbox.c.key == KEY)).scalar())


def _after_the_lease(clock: SimulatedClock) -> None:
    clock.advance(SEND_LEASE + timedelta(seconds=1))


def _dies_and_its_lease_runs_out(
    slack: Harness, clock: SimulatedClock, name: str, gateway: ChatGateway
) -> None:
    _dies(slack, clock, name, gateway)
    _after_the_lease(clock)


def test_a_first_send_carries_its_key_and_reads_no_history(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    _queue(slack, clock, community)
    assert _worker(slack, clock, "worker-a", slack.adapter.gateway) == 1
    (post,) = emu.delivered("chat.postMessage")
    assert post.params["metadata"] == {
        "event_type": "askcoach_message",
        "event_payload": {"key": KEY},  # the key only: nothing the member wrote
    }
    assert emu.calls("conversations.history") == []
    assert emu.calls("conversations.open") == []
    assert _status(slack) == "sent"


def test_a_worker_killed_after_slack_accepted_is_not_repeated(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    _queue(slack, clock, community)
    _dies(slack, clock, "worker-a", DiesAfterSlackAccepts(slack.adapter.gateway))
    dm = emu.dm_channel(DEFAULT_TEAM_ID, ANA)
    assert len(_copies(emu, dm)) == 1 and _status(slack) == "sending"

    _after_the_lease(clock)
    assert _worker(slack, clock, "worker-b", slack.adapter.gateway) == 1

    assert len(_copies(emu, dm)) == 1  # Ana has it once
    assert _status(slack) == "sent"
    (lookup,) = emu.calls("conversations.history")
    assert lookup.params["channel"] == dm
    assert int(lookup.params["limit"]) <= 15
    assert float(lookup.params["oldest"]) < float(_copies(emu, dm)[0]["ts"])
    assert float(_copies(emu, dm)[0]["ts"]) < float(lookup.params["latest"])


def test_a_worker_killed_before_slack_accepted_is_sent_by_the_next(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    _queue(slack, clock, community)
    _dies_and_its_lease_runs_out(slack, clock, "worker-a", DiesBeforeSlackAnswers())
    assert _worker(slack, clock, "worker-b", slack.adapter.gateway) == 1

    assert len(_copies(emu, emu.dm_channel(DEFAULT_TEAM_ID, ANA))) == 1
    assert len(emu.calls("conversations.history")) == 1  # looked, found nothing, posted
    assert _status(slack) == "sent"


def test_two_workers_killed_in_a_row_still_send_it_once(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    _queue(slack, clock, community)
    _dies_and_its_lease_runs_out(
        slack, clock, "worker-a", DiesAfterSlackAccepts(slack.adapter.gateway)
    )
    _dies_and_its_lease_runs_out(
        slack, clock, "worker-b", DiesBeforeSlackAnswers()
    )  # took it over, died at once
    assert _worker(slack, clock, "worker-c", slack.adapter.gateway) == 1

    assert len(_copies(emu, emu.dm_channel(DEFAULT_TEAM_ID, ANA))) == 1
    assert _status(slack) == "sent"


@pytest.mark.parametrize("history", ["missing_scope", "ratelimited"])
def test_when_the_history_cannot_be_read_the_message_waits_then_is_posted_and_counted(
    slack: Harness,
    emu: SlackEmulator,
    clock: SimulatedClock,
    community: int,
    history: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The message waits for a look-up rather than being posted blind; after waiting
    UNCONFIRMED_WAIT without one, a possible duplicate is better than a lost message."""
    caplog.set_level(logging.INFO, logger="askcoach.slack")
    _queue(slack, clock, community)
    _dies(slack, clock, "worker-a", DiesAfterSlackAccepts(slack.adapter.gateway))
    if history == "missing_scope":  # an install from before the app asked for im:history
        emu.set_scopes(DEFAULT_TEAM_ID, "chat:write,im:read,im:write,users:read,commands")
    else:
        emu.queue("conversations.history", status=429, json=RATELIMITED, headers=RETRY_AFTER)
    _after_the_lease(clock)
    waited = _deliver(slack, clock, "worker-b", slack.adapter.gateway)
    assert (waited.sent, waited.deferred) == (0, 1)
    dm = emu.dm_channel(DEFAULT_TEAM_ID, ANA)
    assert len(_copies(emu, dm)) == 1
    assert _status(slack) == "pending"
    assert f"{KEY} may have been posted by a worker that stopped" in caplog.text

    clock.advance(timedelta(seconds=30))  # the next allowed look-up: refused again
    if history == "ratelimited":
        emu.queue("conversations.history", status=429, json=RATELIMITED, headers=RETRY_AFTER)
    assert _deliver(slack, clock, "worker-b", slack.adapter.gateway).deferred == 1

    clock.advance(UNCONFIRMED_WAIT)
    posted = _deliver(slack, clock, "worker-c", slack.adapter.gateway)
    assert (posted.sent, posted.unchecked) == (1, 1)
    assert len(_copies(emu, dm)) == 2
    assert _status(slack) == "sent"
    assert f"could not check whether {KEY} was already posted" in caplog.text
    assert history in caplog.text


def test_after_the_retry_after_the_look_up_finds_the_message(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    _queue(slack, clock, community)
    _dies(slack, clock, "worker-a", DiesAfterSlackAccepts(slack.adapter.gateway))
    emu.queue("conversations.history", status=429, json=RATELIMITED, headers={"Retry-After": "1"})
    _after_the_lease(clock)
    assert _deliver(slack, clock, "worker-b", slack.adapter.gateway).deferred == 1
    time.sleep(1.1)  # the gateway keeps Slack's Retry-After on the real clock
    clock.advance(timedelta(seconds=1))
    found = _deliver(slack, clock, "worker-b", slack.adapter.gateway)
    assert (found.sent, found.found) == (1, 1)
    assert len(_copies(emu, emu.dm_channel(DEFAULT_TEAM_ID, ANA))) == 1
    assert len(emu.calls("conversations.history")) == 2
    assert _status(slack) == "sent"


def test_after_a_history_429_the_workspace_is_not_asked_again_until_retry_after(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    """Two workers died, each sending one message: one look-up is refused, and the other
    message waits too, without a call."""
    _queue(slack, clock, community)
    _queue(slack, clock, community, key="checkin:42:0", text="Did you make your ask?")
    for worker in ("worker-a", "worker-a2"):  # each took one message and died sending it
        with pytest.raises(WorkerDied):
            slack.call(
                deliver_outbox(slack.app.db, DiesBeforeSlackAnswers(), clock, worker, limit=1)
            )
    emu.queue("conversations.history", status=429, json=RATELIMITED, headers=RETRY_AFTER)
    _after_the_lease(clock)
    report = _deliver(slack, clock, "worker-b", slack.adapter.gateway)
    assert (report.sent, report.deferred) == (0, 2)
    assert len(emu.calls("conversations.history")) == 1
    assert emu.delivered("chat.postMessage") == []


def test_the_rest_of_a_dead_worker_s_batch_is_sent_without_a_look_up(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    """Only the message in flight may be on Slack: the others were never attempted, so they
    go out at once even while every history call is refused."""
    for n in range(4):
        _queue(slack, clock, community, key=f"checkin:{50 + n}:0", text=f"Check-in {n}")
    _dies(slack, clock, "worker-a", DiesBeforeSlackAnswers())
    emu.set_scopes(DEFAULT_TEAM_ID, "chat:write,im:read,im:write,users:read,commands")
    _after_the_lease(clock)
    report = _deliver(slack, clock, "worker-b", slack.adapter.gateway)
    assert (report.sent, report.deferred) == (3, 1)
    assert len(emu.calls("conversations.history")) == 1
    assert len(emu.delivered("chat.postMessage")) == 3


def test_a_chart_in_a_dm_is_re_sent_without_a_look_up(
    slack: Harness, emu: SlackEmulator, clock: SimulatedClock, community: int
) -> None:
    """A file upload can't carry metadata: the key could never be found, so no call is spent."""
    _queue(slack, clock, community, attachment=PNG, attachment_name="my-week.png")
    _dies_and_its_lease_runs_out(slack, clock, "worker-a", DiesBeforeSlackAnswers())
    assert _worker(slack, clock, "worker-b", slack.adapter.gateway) == 1
    assert len(emu.completed_files()) == 1
    assert emu.calls("conversations.history") == []


@pytest.mark.parametrize("can_read_the_channel", [True, False])
def test_a_digest_interrupted_between_its_post_and_its_chart(
    slack: Harness,
    emu: SlackEmulator,
    clock: SimulatedClock,
    community: int,
    monkeypatch: pytest.MonkeyPatch,
    can_read_the_channel: bool,
) -> None:
    if can_read_the_channel:
        emu.set_scopes(DEFAULT_TEAM_ID, DEFAULT_SCOPES + ",channels:history")
    _queue(
        slack,
        clock,
        community,
        recipient=None,
        channel="C0JOB",
        text="This week in the club\n• 5 specific asks",
        attachment=PNG,
        attachment_name="asks-per-day.png",
    )
    with monkeypatch.context() as patch:  # worker A dies while uploading the chart
        patch.setattr(AsyncWebClient, "files_upload_v2", _killed)
        _dies(slack, clock, "worker-a", slack.adapter.gateway)
    assert len(_copies(emu, "C0JOB")) == 1 and emu.completed_files() == []

    _after_the_lease(clock)  # worker B runs in another process: it never saw A's post
    other_process = SlackGateway(
        slack.app.db, SingleWorkspaceToken(DEFAULT_BOT_TOKEN), api_url=emu.base_url
    )
    if not can_read_the_channel:  # it waits for a look-up, then is posted again, unchecked
        assert _deliver(slack, clock, "worker-b", other_process).deferred == 1
        clock.advance(UNCONFIRMED_WAIT)
    assert _worker(slack, clock, "worker-b", other_process) == 1

    assert len(_copies(emu, "C0JOB")) == (1 if can_read_the_channel else 2)
    (chart,) = emu.completed_files()
    assert chart.channels == ["C0JOB"]
    assert _status(slack) == "sent"


async def _killed(self: AsyncWebClient, **kwargs: Any) -> None:
    raise WorkerDied
