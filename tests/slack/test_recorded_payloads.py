"""Every recorded real Slack payload shape (tests/payloads/slack, from bolt-python's own tests)
against the real App over signed HTTP: the answer Slack expects, the reply the member expects,
nothing for what is not the coach's business, and never a traceback in the log."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from emulators.slack import (
    DEFAULT_BOT_TOKEN,
    DEFAULT_SIGNING_SECRET,
    SlackEmulator,
    form_request,
    json_request,
    sign_request,
)
from tests.payloads import load, names
from tests.slack.harness import Harness, Response

TEAM, MEMBER, NEWCOMER = "T1", "U110", "U120"
QUIET_WAIT = 0.4  # room for a (wrong) reply to arrive before asserting there was none
NEEDS_A_POSTED_MESSAGE = {"slack_block_actions_intro_offer_button"}  # filled at run time


@pytest.fixture
def emu() -> Iterator[SlackEmulator]:
    """The ids the recorded payloads were mapped to: workspace T1, bot UBOT/BBOT, U110."""
    with SlackEmulator(default_team=False) as emulator:
        emulator.add_team(
            TEAM, bot_token=DEFAULT_BOT_TOKEN, bot_user_id="UBOT", bot_id="BBOT", name="Job Club"
        )
        emulator.add_user(TEAM, MEMBER, name="ana", tz="America/Chicago")
        for user in (NEWCOMER, "U101", "U130"):
            emulator.add_user(TEAM, user)
        yield emulator


def _fresh(body: Any, emu: SlackEmulator) -> Any:
    """Refresh what Slack sets per delivery (ids, timestamps) and point response_url here."""
    if not isinstance(body, dict):
        return body
    body = json.loads(json.dumps(body))
    stamp = f"{time.time():.6f}"
    if "event_id" in body:
        body["event_id"] = f"Ev{time.time_ns()}"
    if "event_time" in body:
        body["event_time"] = int(time.time())
    event = body.get("event")
    if isinstance(event, dict):
        for key in ("ts", "event_ts"):
            if key in event:
                event[key] = stamp
    if "response_url" in body:
        url = emu.response_url()
        body["response_url"] = quote(url, safe="") if "%2F" in body["response_url"] else url
    return body


def post(slack: Harness, emu: SlackEmulator, name: str) -> Response:
    """Replay a recorded payload, signed, as Slack would deliver it."""
    recorded = load("slack", name)
    body = _fresh(recorded["body"], emu)
    kind = recorded["kind"]
    if kind == "event":
        text, headers = json_request(body, DEFAULT_SIGNING_SECRET)
    elif kind == "interactive":
        text, headers = form_request({"payload": json.dumps(body)}, DEFAULT_SIGNING_SECRET)
    elif kind == "command":  # the recorded values are url-encoded already, as Slack sends them
        text = "&".join(f"{k}={v}" for k, v in body.items())
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            **sign_request(text, DEFAULT_SIGNING_SECRET),
        }
    else:  # raw form text
        text = str(body)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            **sign_request(text, DEFAULT_SIGNING_SECRET),
        }
    return slack.request("POST", "/slack/events", text, headers)


def reply_to(slack: Harness, emu: SlackEmulator, name: str) -> str:
    """The coach's one reply to a recorded DM from an onboarded member."""
    slack.onboard(MEMBER, team=TEAM)
    before = len(emu.delivered())
    assert post(slack, emu, name).status == 200
    [reply] = slack.replies(before, 1)
    return str(reply.params["text"])


def _no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert bad == [], [r.getMessage() for r in bad]


def _posts_to(emu: SlackEmulator, user: str) -> list[str]:
    return [str(c.params.get("text")) for c in emu.delivered() if c.params.get("channel") == user]


RECORDED = [n for n in names("slack") if n not in NEEDS_A_POSTED_MESSAGE]


@pytest.mark.parametrize("name", RECORDED)
def test_each_recorded_payload_gets_what_slack_and_the_member_expect(
    slack: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    caplog.set_level(logging.INFO)
    expect = load("slack", name)["expect"]
    slack.onboard(MEMBER, team=TEAM)
    before = len(emu.delivered())
    response = post(slack, emu, name)
    allowed = str(expect["http"]).split("|")
    assert f"{response.status // 100}xx" in allowed, (response.status, response.text)
    if expect.get("reply"):
        emu.wait_for_delivered("chat.postMessage", before + 1, timeout=10)
    if expect.get("reply_to"):
        emu.wait_for_delivered("chat.postMessage", before + 1, timeout=10)
        assert _posts_to(emu, expect["reply_to"]), "the newcomer is greeted"
    for method in expect.get("calls", []):
        emu.wait_for_delivered(method, 1, timeout=10)
    if expect.get("quiet"):
        time.sleep(QUIET_WAIT)
        assert emu.delivered()[before:] == []
    _no_traceback(caplog)


def test_a_dm_with_a_screenshot_is_coached_by_its_words_and_the_file_is_not_kept(
    slack: Harness, emu: SlackEmulator
) -> None:
    assert reply_to(slack, emu, "slack_message_file_share_im").startswith("That's a real ask:")
    [ask] = slack.asks(MEMBER, TEAM)
    assert ask.text.lower() == "ask jen park for an intro to her manager at medtronic"
    assert emu.calls("files.info") == [] and emu.calls("files.sharedPublicURL") == []
    with slack.app.db.engine.connect() as conn:
        dump = "\n".join(str(row) for row in conn.exec_driver_sql("SELECT * FROM asks"))
    assert "file.png" not in dump and "files.slack.com" not in dump


def test_a_file_alone_gets_a_friendly_word_and_changes_nothing(
    slack: Harness, emu: SlackEmulator
) -> None:
    reply = reply_to(slack, emu, "slack_message_file_share_im_no_text")
    assert "I didn't catch anything there" in reply
    assert slack.asks(MEMBER, TEAM) == []


def test_a_reply_in_a_dm_thread_is_answered(slack: Harness, emu: SlackEmulator) -> None:
    assert reply_to(slack, emu, "slack_message_im_thread_reply").startswith("Asks:")


# Signed shapes Slack would not send with the manifest as it stands: still a 2xx.
UNSOLICITED = [
    n
    for n in names("slack")
    if "unsolicited" in load("slack", n)["expect"] and n != "slack_block_actions_unknown_action"
]


@pytest.mark.parametrize("name", UNSOLICITED)
def test_signed_requests_the_app_does_not_handle_get_a_2xx_and_change_nothing(
    slack: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    caplog.set_level(logging.WARNING)
    response = post(slack, emu, name)
    assert response.status == 200, (response.status, response.text)
    time.sleep(QUIET_WAIT)
    assert emu.delivered() == [] and emu.responses() == []
    assert slack.member_count() == 0
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_stale_button_is_acknowledged_with_a_short_ephemeral_note(
    slack: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    response = post(slack, emu, "slack_block_actions_unknown_action")
    assert response.status == 200
    [note] = emu_wait(lambda: emu.responses())
    assert note["response_type"] == "ephemeral" and note["replace_original"] is False
    assert note["text"].startswith("That button is from an older message")
    assert emu.delivered() == [] and emu.calls("chat.update") == []
    assert slack.member_count() == 0
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def emu_wait(check: Any, timeout: float = 5.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.02)
    raise TimeoutError("nothing arrived")


# (A DM without its event_id is still read: deduplicated by its channel and ts instead.)
MISSING_A_FIELD = [
    n for n in names("slack") if n.startswith("slack_missing_") and n != "slack_missing_no_event_id"
]


@pytest.mark.parametrize("name", MISSING_A_FIELD)
def test_a_signed_request_missing_a_field_is_answered_at_once_without_an_error(
    slack: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    caplog.set_level(logging.INFO)
    started = time.monotonic()
    response = post(slack, emu, name)
    assert response.status in (200, 400), (response.status, response.text)
    assert time.monotonic() - started < 2.5, "answered well within Slack's 3 seconds"
    time.sleep(QUIET_WAIT)
    assert emu.delivered() == [] and emu.calls("views.open") == []
    _no_traceback(caplog)


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe\x00garbage",
        b'{"type": "event_callback", "event": {"text": "\xc3\x28"}}',
        b"payload=%7B%22type%22%3A%22block_actions%22\xff",
        b"",
    ],
)
def test_any_bytes_on_slack_events_get_a_4xx_never_a_traceback(
    slack: Harness, emu: SlackEmulator, caplog: pytest.LogCaptureFixture, body: bytes
) -> None:
    caplog.set_level(logging.INFO)
    timestamp = str(int(time.time()))
    forged = {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=" + "0" * 64}
    signed = sign_bytes(body, timestamp)
    odd_headers = {"X-Slack-Request-Timestamp": "１２３", "X-Slack-Signature": "v0=ü"}
    for headers, status in ((forged, 401), (odd_headers, 401), (signed, 400)):
        response = slack.request_bytes("/slack/events", body, headers)
        assert response.status == status, (headers, response.status)
    assert emu.delivered() == [] and slack.member_count() == 0
    _no_traceback(caplog)


def sign_bytes(body: bytes, timestamp: str) -> dict[str, str]:
    base = b"v0:" + timestamp.encode() + b":" + body
    digest = hmac.new(DEFAULT_SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": f"v0={digest}",
    }
