"""Turning a chat message into plain text and tokens the assessor can read.

Chat markup (Slack and Discord) is removed but mentions are kept, because a mention names a
person. Every pattern here is linear: no nested quantifiers, bounded repeats, so a 10,000
character message cannot make a regex backtrack for long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.coaching.lexicon import TYPO_FIXES

# A planned ask is a sentence or three; longer messages are read up to this many characters so
# that the cost of one assessment stays bounded whatever a member pastes.
MAX_CHARS = 2000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_LINK_WITH_LABEL = re.compile(r"<(?:https?|mailto|tel):[^|>\s]{0,2000}\|([^>]{0,300})>")
_BARE_LINK = re.compile(r"<(?:https?|mailto|tel):[^>\s]{0,2000}>|\bhttps?://\S{1,2000}")
_CHANNEL = re.compile(r"<#[A-Za-z0-9]{1,40}(?:\|([^>]{0,100}))?>")
_SPECIAL = re.compile(r"<!(?:here|channel|everyone)[^>]{0,40}>|@(?:here|channel|everyone)\b")
_ROLE_MENTION = re.compile(r"<@&[0-9]{1,40}>")
_MENTION = re.compile(r"<@!?([A-Za-z0-9]{1,40})(?:\|[^>]{0,80})?>")
_EMOJI = re.compile(r":[a-z0-9_+\-]{1,40}:|[\U0001F000-\U0001FAFF\u2600-\u27BF]")
# Emphasis markers (*bold*, _it_, ~strike~, `code`) when they sit at the edge of a word.
_MARKERS = re.compile(r"(?<![^\W_])[*_~`]+|[*_~`]+(?![^\W_])")
_DASHES = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), repl) for pattern, repl in TYPO_FIXES
)

# Mentions are replaced by a placeholder word that survives tokenising; the table maps back.
MENTION_PREFIX = "MENTION"

TOKEN = re.compile(r"[^\W_]+(?:['’\-.&][^\W_]+){0,6}|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark, with its position in the cleaned text."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        """True when the word starts with a capital letter or a digit (names, companies)."""
        first = self.text[0]
        return first.isupper() or first.isdigit()

    @property
    def is_word(self) -> bool:
        """True for words, false for punctuation."""
        return self.text[0].isalnum()


@dataclass(frozen=True, slots=True)
class CleanText:
    """The message with markup removed (`text`), its lowercase twin, tokens and mentions."""

    text: str
    low: str
    tokens: tuple[Token, ...]
    mentions: dict[str, str]


def clean(raw: str) -> CleanText:
    """Strip chat markup, fix common typos and tokenise; lowercase and cased text align."""
    text = _CONTROL.sub(" ", raw[:MAX_CHARS])
    mentions: dict[str, str] = {}

    def keep_mention(match: re.Match[str]) -> str:
        key = f"{MENTION_PREFIX}{len(mentions)}X"
        mentions[key] = match.group(0)
        return f" {key} "

    text = _LINK_WITH_LABEL.sub(lambda m: f" {m.group(1)} ", text)
    text = _BARE_LINK.sub(" ", text)
    text = _CHANNEL.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = _SPECIAL.sub(" ", text)
    text = _ROLE_MENTION.sub(" ", text)
    text = _MENTION.sub(keep_mention, text)
    text = _EMOJI.sub(" ", text)
    text = _MARKERS.sub("", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = _DASHES.sub(" — ", text)
    text = _NEWLINES.sub(". ", text)
    for pattern, repl in _TYPOS:
        text = pattern.sub(repl, text)
    text = _SPACES.sub(" ", text).strip()
    tokens = tuple(
        Token(m.group(0), m.group(0).lower(), m.start(), m.end()) for m in TOKEN.finditer(text)
    )
    return CleanText(text, text.lower(), tokens, mentions)
