"""Buttons, the log-an-ask modal, App Home and a scheduled check-in, end to end."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from emulators.slack import (
    DEFAULT_TEAM_ID,
    Call,
    SlackEmulator,
    app_home_opened_event,
    block_actions_payload,
    slash_command,
    view_submission_payload,
)
from storage import tables as t
from tests.slack.conftest import ANA, BOSS, StartApp
from tests.slack.harness import Harness, blocks_of

SPECIFIC = "Ask Maria Lopez to introduce me to the head of talent at Medtronic"


def _make_due(slack: Harness, kind: str) -> None:
    with slack.app.db.engine.begin() as conn:
        conn.execute(
            update(t.checkins)
            .where(t.checkins.c.kind == kind, t.checkins.c.status == "pending")
            .values(due_at=datetime.now(UTC) - timedelta(seconds=1))
        )


def _press(slack: Harness, emu: SlackEmulator, message: Call, label: str) -> Call:
    """Press the button labelled `label` on a posted message; return the coach's answer."""
    (actions,) = [b for b in blocks_of(message) if b["type"] == "actions"]
    (button,) = [e for e in actions["elements"] if e["text"]["text"] == label]
    assert message.response is not None
    channel, ts = message.response["channel"], message.response["ts"]
    payload = block_actions_payload(
        user_id=ANA,
        action_id=button["action_id"],
        value=button["value"],
        channel_id=channel,
        message_ts=ts,
    )
    payload["actions"][0]["text"]["text"] = label
    payload["message"] = message.response["message"]
    before = len(emu.delivered())
    assert slack.post_interaction(payload).status == 200
    (answer,) = slack.replies(before, 1)
    return answer


def test_scheduled_check_in_reaches_chat_post_message_and_buttons_record_the_outcome(
    start_app: StartApp, emu: SlackEmulator
) -> None:
    slack = start_app(tick_seconds=0.2)  # the APScheduler dispatch tick every 0.2 s
    slack.onboard(ANA)
    slack.dm(ANA, SPECIFIC)
    before = len(emu.delivered())
    _make_due(slack, "afternoon")  # the APScheduler tick picks it up
    (checkin,) = slack.replies(before, 1)
    assert checkin.params["text"] == "Did you make your ask of Maria Lopez?"
    labels = [
        e["text"]["text"]
        for b in blocks_of(checkin)
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    assert labels == ["Made it", "Not yet", "Skip"]

    answer = _press(slack, emu, checkin, "Made it")
    assert answer.params["text"] == "Nice — you asked. What happened?"
    # the pressed message lost its buttons
    channel, ts = checkin.response["channel"], checkin.response["ts"]  # type: ignore[index]
    (updated,) = [m for m in emu.messages(channel) if m["ts"] == ts]
    assert [b["type"] for b in updated["blocks"]] == ["section", "context"]
    assert "Made it" in json.dumps(updated["blocks"])

    thanks = _press(slack, emu, answer, "Said yes")
    assert "thank-you" in thanks.params["text"]
    (ask,) = slack.asks(ANA)
    assert (ask.status, ask.outcome) == ("made", "yes")


def test_pressing_the_same_message_twice_counts_once(slack: Harness, emu: SlackEmulator) -> None:
    slack.onboard(ANA)
    slack.dm(ANA, SPECIFIC)
    (ask,) = slack.asks(ANA)
    channel = emu.dm_channel(DEFAULT_TEAM_ID, ANA)
    payload = block_actions_payload(
        user_id=ANA,
        action_id="choice_0",
        value=f"!ask:{ask.id}:made",
        channel_id=channel,
        message_ts="1700000000.000100",
    )
    before = len(emu.delivered())
    assert slack.post_interaction(payload).status == 200
    slack.replies(before, 1)
    assert slack.post_interaction(payload).status == 200
    slack.dm(ANA, "targets")
    assert len(emu.delivered()) == before + 2


def test_log_an_ask_modal_from_app_home_records_the_ask(slack: Harness, emu: SlackEmulator) -> None:
    slack.onboard(ANA)
    assert slack.post_event(app_home_opened_event(user_id=ANA)).status == 200
    emu.wait_for_delivered("views.publish")
    home = emu.home_views[(DEFAULT_TEAM_ID, ANA)]
    (button,) = [e for b in home["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert button["text"]["text"] == "Log an ask"

    opened = slack.post_interaction(
        block_actions_payload(user_id=ANA, action_id=button["action_id"], view=home)
    )
    assert opened.status == 200
    (call,) = emu.wait_for_delivered("views.open")
    modal = (
        json.loads(call.params["view"])
        if isinstance(call.params["view"], str)
        else call.params["view"]
    )
    assert modal["callback_id"] == "log_ask"
    assert [b["block_id"] for b in modal["blocks"]] == ["who", "what", "company", "by"]

    def values(**fields: str) -> dict[str, dict[str, dict[str, str]]]:
        return {k: {"value": {"type": "plain_text_input", "value": v}} for k, v in fields.items()}

    empty = view_submission_payload(
        user_id=ANA, callback_id="log_ask", values=values(who="  ", what="", company="", by="")
    )
    response = slack.post_interaction(empty)
    assert response.status == 200
    assert json.loads(response.text)["response_action"] == "errors"
    assert set(json.loads(response.text)["errors"]) == {"who", "what"}
    assert slack.asks(ANA) == []

    before = len(emu.delivered())
    good = view_submission_payload(
        user_id=ANA,
        callback_id="log_ask",
        values=values(
            who="Priya", what="for a referral for the analyst job", company="Target", by="Friday"
        ),
    )
    response = slack.post_interaction(good)
    assert response.status == 200 and response.text == ""
    (reply,) = slack.replies(before, 1)
    assert "That's a real ask" in reply.params["text"]
    (ask,) = slack.asks(ANA)
    assert ask.verdict == "specific" and "Priya" in ask.text and "Target" in ask.text


def test_slash_command_log_opens_the_modal(slack: Harness, emu: SlackEmulator) -> None:
    response = slack.post_form(slash_command(user_id=ANA, text="log"))
    assert response.status == 200
    (call,) = emu.wait_for_delivered("views.open")
    assert "log_ask" in str(call.params["view"])


def test_app_home_shows_the_week(slack: Harness, emu: SlackEmulator) -> None:
    slack.onboard(ANA)
    slack.dm(ANA, SPECIFIC)
    slack.dm(ANA, "made it")  # the streak counts asks made
    slack.dm(ANA, "gave Sam an intro to my old manager")
    assert slack.post_event(app_home_opened_event(user_id=ANA)).status == 200
    emu.wait_for_delivered("views.publish")
    home = json.dumps(emu.home_views[(DEFAULT_TEAM_ID, ANA)]["blocks"])
    assert "Your asks this week" in home
    assert "Ask Maria Lopez to introduce me" in home
    assert "specific" in home and "made" in home
    assert "streak *1*" in home
    assert "Sam an intro" in home
    assert "organizer" not in home


def test_app_home_for_an_owner_mentions_organizer_settings(
    slack: Harness, emu: SlackEmulator
) -> None:
    slack.onboard(BOSS)
    slack.onboard(ANA)
    assert slack.post_event(app_home_opened_event(user_id=BOSS)).status == 200
    emu.wait_for_delivered("views.publish")
    assert "organizer" in json.dumps(emu.home_views[(DEFAULT_TEAM_ID, BOSS)]["blocks"])
    (reply,) = slack.dm(BOSS, "admin time 08:30")
    assert reply.params["text"].startswith("New members will be asked at 08:30")
    (refused,) = slack.dm(ANA, "admin time 08:30")
    assert refused.params["text"] == "Only the group's admins or coaches can change its settings."


def test_first_app_home_visit_greets_a_new_member(slack: Harness, emu: SlackEmulator) -> None:
    assert slack.post_event(app_home_opened_event(user_id=ANA, tab="messages")).status == 200
    (hello,) = emu.wait_for_delivered("chat.postMessage")
    assert hello.params["text"].startswith("Hi ana!")
    assert emu.calls("views.publish") == []
