"""Slack's door: emoji sequences are words, a lone surrogate in the JSON never reaches storage."""

from __future__ import annotations

import json

import pytest

from emulators.slack import DEFAULT_TEAM_ID
from tests.slack.conftest import ANA
from tests.slack.harness import Harness


@pytest.mark.parametrize("emoji", ["👩‍💻", "🏳️‍🌈"])
def test_an_ask_ending_in_a_zwj_emoji_is_recorded(slack: Harness, emoji: str) -> None:
    slack.onboard(ANA)
    [reply] = slack.dm(ANA, f"Ask Jen Park for an intro to her manager at Medtronic {emoji}")
    assert reply.params["text"].startswith("That's a real ask:")
    [ask] = slack.asks(ANA)
    assert ask.text.endswith(emoji)


def test_an_emoji_only_message_gets_an_answer(slack: Harness) -> None:
    slack.onboard(ANA)
    [reply] = slack.dm(ANA, "👩‍💻")
    assert "control characters" not in reply.params["text"]


def test_a_lone_surrogate_in_an_ask_being_clarified_is_stored_safely(slack: Harness) -> None:
    slack.onboard(ANA)
    [question] = slack.dm(ANA, "reach out to Sarah \ud83d")  # JSON "\ud83d": half an emoji
    assert "Sarah" in question.params["text"]
    with slack.app.db() as uow:
        community = uow.communities.find("slack", DEFAULT_TEAM_ID)
        assert community is not None and community.id is not None
        member = uow.members.find(community.id, ANA)
        assert member is not None
        # What waits for the answer is storable UTF-8 everywhere (PostgreSQL refuses a
        # surrogate): the half emoji became U+FFFD at the door.
        json.dumps(member.state_data, ensure_ascii=False).encode("utf-8")
    [noted] = slack.dm(ANA, "a referral for the analyst job at Target")
    assert noted.params["text"].startswith("That's a real ask: Sarah, a referral"), noted.params[
        "text"
    ]
    [ask] = slack.asks(ANA)
    ask.text.encode("utf-8")  # storable text, no surrogate
