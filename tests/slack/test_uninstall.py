"""A workspace uninstalls askcoach (or revokes its bot token): an operator's scenarios.

The real App (bolt, the core, the database) serves two job clubs' workspaces installed over
OAuth, on a simulated clock; the emulator plays Slack: it revokes the workspace's token and
hands over the `tokens_revoked` / `app_uninstalled` callbacks, which are posted signed to
/slack/events like every other event. Each member here lives in UTC, so check-ins fall due at
09:00 UTC on weekdays. Checked: what the database holds and which Web API calls Slack saw.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from cryptography.fernet import Fernet
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from benchmarks.support.databases import sqlite_url
from bot.clock import SimulatedClock
from emulators.slack import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_TEAM_ID,
    Call,
    SlackEmulator,
    app_uninstalled_event,
    json_request,
    tokens_revoked_event,
)
from storage import tables as t
from storage.slack_tables import slack_bots, slack_installations
from tests.slack.harness import Harness, oauth_settings, slack_settings
from tests.slack.test_digest import settle
from tests.slack.test_oauth_install import TEAM_B, install

AMY = "U0AMY"  # a member of workspace A (the emulator's default workspace)
ALI = "U0ALI"  # another member of A
BOB = "U0BOB"  # a member of workspace B
INSTALLER = "U0INSTALLER"  # who installed the app (tests.slack.test_oauth_install.install)
# Why A's waiting messages were given up: whichever of Slack's two callbacks came first.
GONE = ("slack: workspace uninstalled askcoach", "slack: workspace revoked askcoach's bot token")
MANIFEST = Path(__file__).parents[2] / "deploy" / "slack" / "manifest.yml"


def at(day: int, hour: int) -> datetime:
    """March 2026: Monday the 2nd is the first day."""
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def _people(emu: SlackEmulator) -> None:
    emu.add_team(TEAM_B, name="Second Club")
    for team, user in ((DEFAULT_TEAM_ID, AMY), (DEFAULT_TEAM_ID, ALI), (TEAM_B, BOB)):
        emu.add_user(team, user, name=user[2:].lower(), tz="UTC")


@pytest.fixture(params=["sqlite", "postgresql"])
def clubs(
    request: pytest.FixtureRequest,
    emu: SlackEmulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Harness]:
    """Workspaces A and B installed over OAuth; Amy and Ali (A) and Bob (B) onboarded on
    Monday at 08:00. On SQLite and on PostgreSQL."""
    url = sqlite_url(tmp_path) if request.param == "sqlite" else request.getfixturevalue("pg_url")
    yield from _installed_clubs(emu, url, tmp_path, monkeypatch)


@pytest.fixture
def clubs_sqlite(
    emu: SlackEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Harness]:
    """The same two clubs, on SQLite only."""
    yield from _installed_clubs(emu, sqlite_url(tmp_path), tmp_path, monkeypatch)


def _installed_clubs(
    emu: SlackEmulator, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Harness]:
    _people(emu)
    settings = oauth_settings(
        emu,
        url,
        encryption_key=Fernet.generate_key().decode(),
    )
    with Harness(emu, settings, tmp_path, SimulatedClock(at(2, 8))) as harness:
        for team in (DEFAULT_TEAM_ID, TEAM_B):
            install(harness, emu, team)
        for team, user in ((DEFAULT_TEAM_ID, AMY), (DEFAULT_TEAM_ID, ALI), (TEAM_B, BOB)):
            harness.onboard(user, team=team)
        settle(harness)
        yield harness


@pytest.fixture
def one_club(emu: SlackEmulator, tmp_path: Path) -> Iterator[Harness]:
    """One workspace with SLACK_BOT_TOKEN (no OAuth); Amy and Ali onboarded on Monday 08:00."""
    _people(emu)
    settings = slack_settings(emu, sqlite_url(tmp_path))
    with Harness(emu, settings, tmp_path, SimulatedClock(at(2, 8))) as harness:
        for user in (AMY, ALI):
            harness.onboard(user)
        settle(harness)
        yield harness


# ------------------------------------------------------------------------------- helpers


def clock_at(h: Harness, when: datetime) -> None:
    assert h.clock is not None
    h.clock.set(when)


def tick(h: Harness, when: datetime) -> None:
    """The clock reaches `when`; one dispatch tick (word due check-ins, deliver the outbox)."""
    clock_at(h, when)
    h.call(h.app.dispatcher.tick())


def eventually(check: Callable[[], bool], what: str, timeout: float = 30) -> None:
    """bolt acknowledges an event first and runs its listener after: wait for the effect."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.02)


def member_id(h: Harness, user: str, team: str = DEFAULT_TEAM_ID) -> int:
    with h.app.db() as uow:
        community = uow.communities.find("slack", team)
        assert community is not None and community.id is not None
        member = uow.members.find(community.id, user)
        assert member is not None and member.id is not None
        return member.id


def paused(h: Harness, user: str, team: str = DEFAULT_TEAM_ID) -> bool:
    found = member_id(h, user, team)
    with h.app.db() as uow:
        member = uow.members.get(found)
        assert member is not None
        return member.undeliverable


def pending_checkins(h: Harness, user: str, team: str = DEFAULT_TEAM_ID) -> list[str]:
    found = member_id(h, user, team)
    with h.app.db() as uow:
        return [c.kind.value for c in uow.checkins.pending_for_member(found)]


def outbox(h: Harness, user: str, team: str = DEFAULT_TEAM_ID) -> list[tuple[str, str, str]]:
    """(key, status, error) of the member's messages, oldest first."""
    o = t.outbox.c
    found = member_id(h, user, team)
    with h.app.db.engine.connect() as conn:
        rows = conn.execute(
            select(o.key, o.status, o.error).where(o.member_id == found).order_by(o.id)
        )
        return [(key, status, error or "") for key, status, error in rows]


def stored_teams(h: Harness) -> dict[str, set[str]]:
    """The workspaces with a row in each of slack_installations and slack_bots."""
    with h.app.db.engine.connect() as conn:
        return {
            table.name: {row[0] for row in conn.execute(select(table.c.team_id))}
            for table in (slack_installations, slack_bots)
        }


def mornings(emu: SlackEmulator, since: int = 0) -> list[Call]:
    """chat.postMessage calls answered ok, after the first `since`, that ask today's ask."""
    return [c for c in emu.delivered()[since:] if str(c.params["text"]).startswith("Morning")]


def post_events(h: Harness, bodies: list[dict[str, object]]) -> None:
    for body in bodies:
        assert h.post_event(body).status == 200


# ------------------------------------------------------------------------------- scenarios


def test_an_uninstalled_workspace_loses_its_tokens_and_its_work_while_the_other_goes_on(
    clubs: Harness, emu: SlackEmulator
) -> None:
    h = clubs
    token_a = emu.team().bot_token
    tick(h, at(2, 9))  # Monday: everyone gets the morning question
    assert {c.params["channel"] for c in mornings(emu)} == {AMY, ALI, BOB}
    assert stored_teams(h) == {
        "slack_installations": {DEFAULT_TEAM_ID, TEAM_B},
        "slack_bots": {DEFAULT_TEAM_ID, TEAM_B},
    }

    # Tuesday 09:00: the check-ins are worded into the outbox, and A uninstalls before they go.
    clock_at(h, at(3, 9))
    assert h.app.dispatcher.dispatch_due().queued == 3
    calls_before, delivered_before = len(emu.calls()), len(emu.delivered())
    post_events(h, emu.uninstall(DEFAULT_TEAM_ID))
    eventually(lambda: paused(h, AMY) and paused(h, ALI), "A's members are paused")

    # A's tokens are gone from the database; B's are kept.
    only_b = {"slack_installations": {TEAM_B}, "slack_bots": {TEAM_B}}
    eventually(lambda: stored_teams(h) == only_b, "A's installation is deleted")
    # A's waiting messages are settled, not left to retry; A has nothing planned.
    settled = {user: outbox(h, user) for user in (AMY, ALI)}
    for user in (AMY, ALI):
        key, status, error = outbox(h, user)[-1]
        assert key.startswith("checkin:") and status == "failed"
        assert error in GONE
        assert pending_checkins(h, user) == []
    assert outbox(h, BOB, TEAM_B)[-1][1] == "pending"

    h.call(h.app.dispatcher.deliver())
    tick(h, at(4, 9))  # Wednesday
    tick(h, at(5, 9))  # Thursday
    after = emu.calls()[calls_before:]
    assert [c.token for c in after if c.token == token_a] == []  # A's dead token never used
    assert [c.params["channel"] for c in mornings(emu, delivered_before)] == [BOB, BOB, BOB]
    assert {user: outbox(h, user) for user in (AMY, ALI)} == settled  # nothing worded since
    assert not paused(h, BOB, TEAM_B)


def test_installing_again_resumes_check_ins_with_the_new_token_and_keeps_the_history(
    clubs_sqlite: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    h = clubs_sqlite
    caplog.set_level(logging.INFO, logger="askcoach.slack")
    (reply,) = h.dm(AMY, "Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    assert "That's a real ask" in reply.params["text"]
    settle(h)
    old_token = emu.team().bot_token
    post_events(h, emu.uninstall(DEFAULT_TEAM_ID))
    eventually(lambda: paused(h, AMY) and paused(h, ALI), "A's members are paused")
    eventually(lambda: "already stopped" in caplog.text, "Slack's second callback is handled")
    assert stored_teams(h)["slack_bots"] == {TEAM_B}
    tick(h, at(2, 9))
    assert [c.params["channel"] for c in mornings(emu)] == [BOB]

    clock_at(h, at(2, 12))
    install(h, emu, DEFAULT_TEAM_ID)  # an admin of A installs askcoach again
    new_token = emu.team().bot_token
    assert new_token != old_token
    assert stored_teams(h)["slack_bots"] == {DEFAULT_TEAM_ID, TEAM_B}
    assert not paused(h, AMY) and not paused(h, ALI)
    assert "morning" in pending_checkins(h, AMY)

    since = len(emu.delivered())
    tick(h, at(3, 9))  # Tuesday: both workspaces get their check-ins again, A with its new token
    delivered = {c.params["channel"]: c.token for c in mornings(emu, since)}
    assert delivered == {AMY: new_token, ALI: new_token, BOB: emu.team(TEAM_B).bot_token}
    (ask,) = h.asks(AMY)  # the history survived the uninstall
    assert ask.who == "Maria Lopez"


def test_tokens_revoked_for_the_bot_stops_the_workspace_like_an_uninstall(
    clubs_sqlite: Harness, emu: SlackEmulator
) -> None:
    h = clubs_sqlite
    emu.revoke_team(DEFAULT_TEAM_ID, error="token_revoked")
    post_events(h, [tokens_revoked_event(bot=[emu.team().bot_user_id])])
    eventually(lambda: paused(h, AMY) and paused(h, ALI), "A's members are paused")
    # askcoach is bot-only: without its bot token the whole installation goes.
    assert stored_teams(h) == {"slack_installations": {TEAM_B}, "slack_bots": {TEAM_B}}
    tick(h, at(2, 9))
    assert [c.params["channel"] for c in mornings(emu)] == [BOB]
    assert pending_checkins(h, AMY) == []


def test_tokens_revoked_for_user_tokens_only_keeps_the_workspace_working(
    clubs_sqlite: Harness, emu: SlackEmulator
) -> None:
    h = clubs_sqlite
    post_events(h, [tokens_revoked_event(oauth=[INSTALLER])])
    # bolt's listener deletes that user's installation rows; the bot's token is untouched.
    eventually(
        lambda: DEFAULT_TEAM_ID not in stored_teams(h)["slack_installations"],
        "the installer's installation is deleted",
    )
    assert DEFAULT_TEAM_ID in stored_teams(h)["slack_bots"]
    assert not paused(h, AMY) and not paused(h, ALI)
    tick(h, at(2, 9))
    assert {c.params["channel"] for c in mornings(emu)} == {AMY, ALI, BOB}


def test_a_token_cached_before_a_reinstall_is_retried_not_taken_for_an_uninstall(
    clubs_sqlite: Harness, emu: SlackEmulator
) -> None:
    h = clubs_sqlite
    old_token = emu.team().bot_token
    tick(h, at(2, 9))  # this process sends to A, and caches A's token
    # Another askcoach process heard the uninstall and stored the reinstall; this one did not.
    emu.revoke_team(DEFAULT_TEAM_ID)
    code = emu.issue_oauth_code(DEFAULT_TEAM_ID, user_id=INSTALLER)
    granted = WebClient(base_url=emu.base_url).oauth_v2_access(
        client_id=DEFAULT_CLIENT_ID, client_secret=DEFAULT_CLIENT_SECRET, code=code
    )
    new_token = str(granted["access_token"])
    store = h.adapter.installation_store
    assert store is not None
    h.call(
        store.async_save(
            Installation(
                app_id=emu.app_id,
                enterprise_id=None,
                team_id=DEFAULT_TEAM_ID,
                bot_token=new_token,
                bot_id=emu.team().bot_id,
                bot_user_id=emu.team().bot_user_id,
                user_id=INSTALLER,
            )
        )
    )

    since = len(emu.delivered())
    tick(h, at(3, 9))  # the first send uses the cached token; Slack refuses it
    assert not paused(h, AMY) and not paused(h, ALI)  # not mistaken for an uninstall
    tick(h, at(3, 10))  # the refused message is retried, with the new token
    delivered = {c.params["channel"]: c.token for c in mornings(emu, since)}
    assert delivered == {AMY: new_token, ALI: new_token, BOB: emu.team(TEAM_B).bot_token}
    assert len([c for c in emu.calls() if c.token == old_token and not c.ok]) == 1


def test_a_send_answered_account_inactive_stops_the_workspace_without_retrying(
    one_club: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    h = one_club
    caplog.set_level(logging.WARNING, logger="askcoach.slack")
    # The workspace uninstalled the app while askcoach was not listening (no event arrived).
    emu.revoke_team(DEFAULT_TEAM_ID, error="account_inactive")
    calls_before = len(emu.calls())
    tick(h, at(2, 9))
    (call,) = emu.calls("chat.postMessage")[-1:]
    assert call.response == {"ok": False, "error": "account_inactive"}
    # One call told us; the other member's check-in was not tried against a dead workspace.
    assert len(emu.calls()) == calls_before + 1
    assert paused(h, AMY) and paused(h, ALI)
    assert {outbox(h, user)[-1][1] for user in (AMY, ALI)} == {"failed"}
    assert pending_checkins(h, AMY) == pending_checkins(h, ALI) == []
    for day in (3, 4, 5):
        tick(h, at(day, 9))
    assert len(emu.calls()) == calls_before + 1  # no retries, no new check-ins
    assert f"slack: account_inactive (workspace {DEFAULT_TEAM_ID}): askcoach was" in caplog.text


def test_an_uninstall_with_a_single_workspace_token_stops_work_and_tells_the_operator(
    one_club: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    h = one_club
    caplog.set_level(logging.INFO, logger="askcoach.slack")
    post_events(h, emu.uninstall(DEFAULT_TEAM_ID))
    eventually(lambda: paused(h, AMY) and paused(h, ALI), "the members are paused")
    eventually(lambda: "already stopped" in caplog.text, "the second callback is handled")
    calls_before = len(emu.calls())
    tick(h, at(2, 9))
    assert emu.calls()[calls_before:] == []  # nothing worded, nothing sent
    assert pending_checkins(h, AMY) == []
    # One warning for the two callbacks, saying what happened and what to do.
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.startswith(f"slack: workspace {DEFAULT_TEAM_ID} ")
    assert "revoked askcoach's bot token." in warning or "uninstalled askcoach." in warning
    assert "SLACK_BOT_TOKEN no longer works" in warning and "restart" in warning
    assert "stopped for 2 members" in warning
    assert "xoxb-" not in caplog.text  # the token itself is never logged


def test_a_forged_uninstall_event_is_rejected_and_changes_nothing(
    clubs_sqlite: Harness, emu: SlackEmulator
) -> None:
    h = clubs_sqlite
    for body in (app_uninstalled_event(), tokens_revoked_event(bot=[emu.team().bot_user_id])):
        text, headers = json_request(body, "not-the-signing-secret")
        assert h.request("POST", "/slack/events", text, headers).status == 401
        unsigned = {"Content-Type": "application/json"}
        assert h.request("POST", "/slack/events", text, unsigned).status == 401
    time.sleep(0.2)  # had anything been dispatched, bolt's listener would have run by now
    assert stored_teams(h)["slack_bots"] == {DEFAULT_TEAM_ID, TEAM_B}
    assert not paused(h, AMY) and not paused(h, ALI)
    tick(h, at(2, 9))
    assert {c.params["channel"] for c in mornings(emu)} == {AMY, ALI, BOB}


def test_the_manifest_subscribes_to_uninstall_and_token_revocation() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert {"app_uninstalled", "tokens_revoked"} <= set(events)
