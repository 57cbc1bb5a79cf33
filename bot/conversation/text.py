"""Checking text from outside before the core looks at it."""

from __future__ import annotations

import re
import unicodedata

MAX_MESSAGE_CHARS = 2000
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


class TextProblem(ValueError):
    """Why a message could not be taken, in words for the member."""


def clean_message(raw: str) -> str:
    """Normalise a member's message or raise TextProblem with a friendly explanation."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if _CONTROL.search(text):
        raise TextProblem(
            "That message has invisible control characters I can't read. Could you type it again?"
        )
    text = text.strip()
    if not text:
        raise TextProblem("I didn't catch anything there. Say `help` to see what I can do.")
    if len(text) > MAX_MESSAGE_CHARS:
        raise TextProblem(
            f"That's a long one ({len(text):,} characters). Could you put your ask in "
            f"under {MAX_MESSAGE_CHARS:,} characters — who, and for what?"
        )
    return text


def short(text: str, limit: int = 80) -> str:
    """Trim text for reflecting it back in a one-line reply."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
