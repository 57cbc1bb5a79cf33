"""The patterns compiled by `bot.coaching.first_chars` match exactly as their sources compiled as
written: the same spans and groups, on every labelled ask (as written, lowercased, uppercased)
and on text where case folding goes past ASCII."""

from __future__ import annotations

import re

import pytest

import bot.coaching.assessment  # noqa: F401  (compiles the patterns)
from benchmarks.support.labelled import SETS_DIR, dev_set, load
from bot.coaching.first_chars import BUILT, compile_gated, compile_sorted

PATHS = sorted(SETS_DIR.glob("*.tsv")) + ([dev_set()] if dev_set().exists() else [])
LABELLED = [text for path in PATHS for _, text in load(path)]
TEXTS = [
    *LABELLED,
    *(text.lower() for text in LABELLED),
    *(text.upper() for text in LABELLED),
    # Kelvin sign, long s, dotted and dotless i: case-fold to ASCII letters.
    "\u212aeep \u017fend \u0130t \u0131t \u212a \u017f",
    "ask \u212aate for a referral; \u017fee if anyone at Stripe can help",
    "",
]


def _matches(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_assessor_uses_some() -> None:
    assert len(BUILT) >= 10


@pytest.mark.parametrize(("source", "flags", "faster"), BUILT, ids=[s[:40] for s, _, _ in BUILT])
def test_a_faster_pattern_matches_as_written(
    source: str, flags: int, faster: re.Pattern[str]
) -> None:
    written = re.compile(source, flags)
    assert faster.groups == written.groups and faster.groupindex == written.groupindex
    differ = [text for text in TEXTS if _matches(faster, text) != _matches(written, text)]
    assert not differ, differ[:3]


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:(?i:get|keep)\s|[A-Z]\w+\sfor|\w+'s\s|see(?=\s)|x?y?)z?",
        r"\bask\s(\w+)|\bemail\s(?P<who>\w+)|\b(?i:sk)",
        r"\b(?:a|b)(?:c|d)|\bq",
        r"\b(?:[^\W\d]x|\d+|\.)",
    ],
)
def test_forms_that_are_not_simple_letters(source: str) -> None:
    texts = [*TEXTS[:300], "get Kx keep sky Ask ask jo email ann's stuff see 12 .x zz y"]
    for compiled in (compile_gated(source), compile_sorted(source)):
        for text in texts:
            assert _matches(compiled, text) == _matches(re.compile(source), text), text
