"""Everyday favours that are not job-search asks: "ask Gerald if I can borrow his lawnmower".

The guide's line is between asking a named person for help with the job search and everything
else. A lift to the airport, a borrowed blazer or a fed cat is a real favour of a real person,
but no job-search ask: with nothing job-related in the message, such a plan is vague (never
specific), and the coach asks what the person could do for the search.
Judged by structure, not by sentence: an everyday-favour frame (data/everyday_favours.txt) and
no job content (no job-search favour, no role, no word of data/job_words.txt).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import Final

from bot.coaching.favours import INTRODUCTION, REFERENCE, REFERRAL, REVIEW, Favour
from bot.coaching.first_chars import compile_gated
from bot.coaching.lexicon import EVERYDAY_FAVOURS, JOB_WORDS

__all__ = ["find_errand"]

_ERRAND: Final = compile_gated(
    r"\b(?:"
    + "|".join(
        r"\s".join(re.escape(word) for word in phrase)
        for phrase in sorted(EVERYDAY_FAVOURS, key=len, reverse=True)
    )
    + r")(?![\w'-])"
)


# Little words, common in any message: a phrase is told by another of its words if it has one.
_LITTLE = frozenset({"a", "the", "my", "for", "with", "at", "in", "on", "to", "up", "off", "from"})
_LITTLE |= {"me", "us", "her", "his", "him", "them", "their", "your"}


def _telling_word(phrase: tuple[str, ...]) -> str:
    """A word every match of the phrase leaves among the message's words: the first run of
    letters of one of its words, the longest that is not a little word ("lift" of "a lift",
    "daughter" of "my daughter's"). Each is a whole run of letters in the match, so it is a
    token or a piece of one (in ASCII text)."""
    runs: list[str] = [re.findall("[a-z0-9]+", word)[0] for word in phrase]
    return max(runs, key=lambda run: (run not in _LITTLE, len(run)))


# A message without any of these holds no everyday favour, and is not searched for one.
_ERRAND_WORDS: Final = frozenset(map(_telling_word, EVERYDAY_FAVOURS))
# Favours that are about the job search whatever they are asked alongside.
_JOB_KINDS: Final = frozenset({INTRODUCTION, REFERRAL, REFERENCE, REVIEW})


def find_errand(
    low: str, words: AbstractSet[str], favours: Sequence[Favour], role: str | None
) -> str | None:
    """The everyday favour asked ("borrow his lawnmower"), when the message asks one and nothing for the job search."""
    if role is not None or not JOB_WORDS.isdisjoint(words):
        return None
    if low.isascii() and _ERRAND_WORDS.isdisjoint(words):
        return None
    found = _ERRAND.search(low)
    if found is None:
        return None
    errand = found.group(0)
    for favour in favours:
        # "if I can borrow her blazer": a question about the errand is the errand itself.
        if favour.kind in _JOB_KINDS or errand not in favour.what.lower():
            return None
    clause = _CLAUSE_END.search(low, found.end())
    return " ".join(low[found.start() : clause.start() if clause else len(low)].split()[:7])


# Where the errand's phrase ends when it is quoted back: "borrow his lawnmower".
_CLAUSE_END: Final = re.compile(r"[.,;:!?()—]|\s(?:so|while|because|and|but|then|lol)\s")
