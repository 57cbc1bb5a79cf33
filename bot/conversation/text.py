"""Checking text from outside before the core looks at it."""

from __future__ import annotations

from bot.text import MAX_MESSAGE_CHARS, TextProblem, clean_message

__all__ = ["MAX_MESSAGE_CHARS", "TextProblem", "clean_message", "short"]


def short(text: str, limit: int = 80) -> str:
    """Trim text for reflecting it back in a one-line reply."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
