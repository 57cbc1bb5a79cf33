"""Communities: which one a member's words belong to."""

from bot.community.membership import (
    CHOOSE_WORDS,
    Home,
    community_for_direct_message,
    no_community_reply,
    which_community_question,
)

__all__ = [
    "CHOOSE_WORDS",
    "Home",
    "community_for_direct_message",
    "no_community_reply",
    "which_community_question",
]
