"""Which community a DM belongs to is the core's rule; the platform only supplies the facts
(the communities the member shares with the bot, those the coach has them in, their choice)."""

from __future__ import annotations

from bot.community import Home, asks_to_switch, community_for_direct_message, switching


def test_asking_to_switch_is_read_by_the_core() -> None:
    for text in ("server", "Servers!", "switch server", "change server.", "community?"):
        assert asks_to_switch(text), text
    for text in ("server room at Polaris", "ok", "", "switch"):
        assert not asks_to_switch(text), text


def test_switching_offers_every_shared_community_when_there_are_two() -> None:
    placed = community_for_direct_message(["1", "2"], ["2"])
    assert placed == Home(community="2")  # enrolled there first
    assert switching(placed, ["1", "2"]) == Home(choices=("1", "2"))
    alone = community_for_direct_message(["1"], [])
    assert switching(alone, ["1"]) == alone  # nothing to pick from
    asked = community_for_direct_message(["1", "2"], [])
    assert asked == Home(choices=("1", "2"))
    assert switching(asked, ["1", "2", "3"]) == asked  # already asking
