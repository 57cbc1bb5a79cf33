"""A member's DM conversation over signed HTTP requests, through the real runtime and core."""

from __future__ import annotations

from emulators.slack import DEFAULT_TEAM_ID, SlackEmulator
from tests.slack.conftest import ANA
from tests.slack.harness import Harness, blocks_of, texts


def test_onboarding_to_a_recorded_specific_ask(slack: Harness, emu: SlackEmulator) -> None:
    (hello,) = slack.dm(ANA, "hi")
    assert hello.params["channel"] == ANA  # Slack opens the bot's DM with the member
    assert hello.response and hello.response["channel"] == emu.dm_channel(DEFAULT_TEAM_ID, ANA)
    # users.info pre-filled the timezone
    assert "America/Chicago" in hello.params["text"]
    (set_up,) = texts(slack.dm(ANA, "ok"))
    assert set_up.startswith("You're set:") and "(America/Chicago)" in set_up

    (question,) = slack.dm(ANA, "go to the tech tuesday mixer tonight")
    assert "isn't an ask" in question.params["text"]
    (recorded,) = slack.dm(
        ANA, "Ask Maria Lopez to introduce me to the head of talent at Medtronic"
    )
    assert "That's a real ask" in recorded.params["text"]

    (ask,) = [a for a in slack.asks(ANA) if a.verdict == "specific"]
    assert ask.who == "Maria Lopez"
    assert ask.text == "Ask Maria Lopez to introduce me to the head of talent at Medtronic"
    assert ask.status == "open"
    # Block Kit with a plain-text fallback
    (section,) = blocks_of(recorded)
    assert section["type"] == "section"
    assert section["text"]["type"] == "mrkdwn"
    assert recorded.params["text"]


def test_users_info_is_cached(slack: Harness, emu: SlackEmulator) -> None:
    slack.onboard(ANA)
    slack.dm(ANA, "stats")
    assert len([c for c in emu.calls("users.info") if c.params.get("user") == ANA]) == 1


def test_slash_command_help_acks_then_answers_in_the_dm(slack: Harness, emu: SlackEmulator) -> None:
    from emulators.slack import slash_command

    slack.onboard(ANA)
    before = len(emu.delivered())
    response = slack.post_form(slash_command(user_id=ANA, text="help", channel_id="C0GENERAL"))
    assert response.status == 200
    assert "Replied in our DM" in response.text
    (reply,) = slack.replies(before, 1)
    assert reply.params["channel"] == ANA  # the member's DM, not the channel it was typed in
    assert "Words I know" in reply.params["text"]
