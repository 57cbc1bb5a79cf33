"""What Slack (or anyone) sends to /slack/events is verified, deduplicated and made harmless."""

from __future__ import annotations

import json
import time

from emulators.slack import (
    DEFAULT_SIGNING_SECRET,
    DEFAULT_TEAM_ID,
    SlackEmulator,
    json_request,
    message_event,
    sign_request,
)
from tests.slack.conftest import ANA
from tests.slack.harness import Harness, blocks_of


def _nothing_happened(slack: Harness, emu: SlackEmulator) -> None:
    assert emu.delivered() == []
    assert emu.calls("users.info") == []
    assert slack.member_count() == 0


def test_bad_signature_is_401_and_changes_nothing(slack: Harness, emu: SlackEmulator) -> None:
    text, headers = json_request(message_event(user_id=ANA, text="hi"), "not-the-secret")
    assert slack.request("POST", "/slack/events", text, headers).status == 401
    unsigned = {"Content-Type": "application/json"}
    assert slack.request("POST", "/slack/events", text, unsigned).status == 401
    _nothing_happened(slack, emu)


def test_stale_timestamp_is_401(slack: Harness, emu: SlackEmulator) -> None:
    stale = int(time.time()) - 6 * 60
    text, headers = json_request(
        message_event(user_id=ANA, text="hi"), DEFAULT_SIGNING_SECRET, timestamp=stale
    )
    assert slack.request("POST", "/slack/events", text, headers).status == 401
    _nothing_happened(slack, emu)


def test_malformed_signed_bodies_are_400_and_change_nothing(
    slack: Harness, emu: SlackEmulator
) -> None:
    for body, content_type in [
        ('{"type": "event_callback", "event": ', "application/json"),
        ("[1, 2, 3]", "application/json"),
        ("payload=%7Bnot-json", "application/x-www-form-urlencoded"),
        ("hello=world", "application/x-www-form-urlencoded"),
    ]:
        headers = {"Content-Type": content_type, **sign_request(body, DEFAULT_SIGNING_SECRET)}
        assert slack.request("POST", "/slack/events", body, headers).status == 400, body
    _nothing_happened(slack, emu)


def test_a_retried_event_is_handled_once(slack: Harness, emu: SlackEmulator) -> None:
    slack.onboard(ANA)
    body = message_event(
        user_id=ANA, text="stats", channel=emu.dm_channel(DEFAULT_TEAM_ID, ANA), event_id="Ev0RETRY"
    )
    before = len(emu.delivered())
    assert slack.post_event(body).status == 200
    (reply,) = slack.replies(before, 1)
    assert reply.params["text"].startswith("Asks:")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack.post_event(body, headers=retry).status == 200
    # A later message is answered; the retry in between was not.
    slack.dm(ANA, "targets")
    time.sleep(0.3)  # room for a (wrong) second answer to the retry to arrive
    assert len(emu.delivered()) == before + 2


def test_the_bots_own_and_other_bots_messages_are_ignored(
    slack: Harness, emu: SlackEmulator
) -> None:
    slack.onboard(ANA)
    bot_user = emu.team(DEFAULT_TEAM_ID).bot_user_id
    channel = emu.dm_channel(DEFAULT_TEAM_ID, ANA)
    own = message_event(user_id=bot_user, text="Morning!", channel=channel)
    own["event"]["bot_id"] = emu.team(DEFAULT_TEAM_ID).bot_id
    plain_own = message_event(user_id=bot_user, text="echo", channel=channel)
    other_bot = message_event(user_id="U0OTHERBOT", text="beep", channel=channel)
    other_bot["event"].update(subtype="bot_message", bot_id="B0OTHER")
    edited = message_event(user_id=ANA, text="edited", channel=channel)
    edited["event"]["subtype"] = "message_changed"
    before = len(emu.delivered())
    for body in (own, plain_own, other_bot, edited):
        assert slack.post_event(body).status == 200
    (answer,) = slack.dm(ANA, "targets")
    assert "No target companies yet" in answer.params["text"]
    time.sleep(0.3)
    assert len(emu.delivered()) == before + 1
    assert slack.member_count() == 1


def test_mentions_typed_by_a_member_are_echoed_escaped(slack: Harness, emu: SlackEmulator) -> None:
    slack.onboard(ANA)
    typed = "gave <@U123> <!channel> <!here> <!everyone> a review of their resume & co"
    (reply,) = slack.dm(ANA, typed)
    text = reply.params["text"]
    assert "Logged your give" in text
    for raw in ("<@U123>", "<!channel>", "<!here>", "<!everyone>"):
        assert raw not in text
        assert raw not in json.dumps(reply.params["blocks"])
    assert "&lt;@U123&gt; &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt;" in text
    assert "&amp; co" in text
    (section,) = blocks_of(reply)
    assert "&lt;!channel&gt;" in section["text"]["text"]
    assert "<" not in section["text"]["text"]


def test_a_10000_character_message_gets_the_friendly_error_and_nothing_is_stored(
    slack: Harness, emu: SlackEmulator
) -> None:
    slack.onboard(ANA)
    (reply,) = slack.dm(ANA, "Ask Jen for an intro " + "x" * 10_000)
    assert "That's a long one" in reply.params["text"]
    assert "10,0" in reply.params["text"]
    assert slack.asks(ANA) == []
    with slack.app.db() as uow:
        community = uow.communities.find("slack", DEFAULT_TEAM_ID)
        assert community is not None and community.id is not None
        member = uow.members.find(community.id, ANA)
        assert member is not None and member.state == "idle"
