"""Communities: which one a member's words belong to."""

from bot.community.membership import (
    CHOOSE_WORDS,
    Home,
    asks_to_switch,
    community_for_direct_message,
    no_community_reply,
    switching,
    which_community_question,
)

__all__ = [
    "CHOOSE_WORDS",
    "Home",
    "asks_to_switch",
    "community_for_direct_message",
    "no_community_reply",
    "switching",
    "which_community_question",
]
