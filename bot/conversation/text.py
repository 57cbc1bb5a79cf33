"""Checking text from outside before the core looks at it."""

from __future__ import annotations

import re

from bot.text import MAX_MESSAGE_CHARS, TextProblem, clean_message

__all__ = ["MAX_MESSAGE_CHARS", "TextProblem", "clean_message", "short", "yours"]


def short(text: str, limit: int = 80) -> str:
    """Trim text for reflecting it back in a one-line reply."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def yours(who: object) -> str:
    """The person as the coach says it to the member: "my neighbour" -> "your neighbour". (The
    ask keeps the member's words: the digest and the organizer's tables show those.)"""
    return re.sub(r"^my\b", "your", str(who), flags=re.IGNORECASE)
