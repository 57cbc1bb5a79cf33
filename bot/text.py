"""Text from outside, made safe once, at the door: every adapter's translation and the core
read a member's words through this module, so storage never sees a lone surrogate and the
coach never sees a terminal escape.

What is text: letters of every script, emoji and their sequences (zero-width joiner U+200D,
variation selectors such as U+FE0F, skin-tone modifiers, the tag characters of subdivision
flags), the joiners and direction marks that Arabic, Hebrew and Persian writing needs, newlines
and tabs. What is not: C0/C1 control characters (NUL, escape sequences, bell...) and the
bidirectional embedding, override and isolate controls, which can make a message display
differently from what it says; those are refused with a friendly word, never silently kept.
"""

from __future__ import annotations

import re
import unicodedata

MAX_MESSAGE_CHARS = 2000

# C0 and C1 controls except tab and newline (carriage returns become newlines first), and the
# bidi embedding/override (U+202A-U+202E) and isolate (U+2066-U+2069) controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Invisible and meaningless in a chat message: zero-width space, word joiner, byte order mark.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")


class TextProblem(ValueError):
    """Why a message could not be taken, in words for the member."""


def normalise_text(raw: str) -> str:
    """Any string from outside as storable text: surrogate pairs joined and lone surrogates
    replaced (U+FFFD), line breaks as `\\n`, invisible zero-width spaces dropped, NFC. Never
    raises; control characters are left for `clean_message` to refuse."""
    text = raw.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text)


def clean_message(raw: str) -> str:
    """A member's message, normalised and trimmed, or TextProblem with a friendly explanation
    (control characters, nothing said, too long)."""
    text = normalise_text(raw)
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
