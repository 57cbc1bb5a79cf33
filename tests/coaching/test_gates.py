"""The word gates of the assessor's patterns never skip a match.

Most patterns are only run when the message holds one of the words every match of them
contains (a set test instead of a regex scan). Those word sets are kept beside the patterns; a
word added to a pattern but not to its set would silently never be found. Every labelled ask
and a few hand-written ones are checked: where the pattern matches, its gate lets it run.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.support.labelled import SETS_DIR, load
from bot.coaching import assessment, favours
from bot.coaching.text import clean

GATED = [*favours.GATED_PATTERNS, *assessment.GATED_PATTERNS]
TEXTS = [text for path in sorted(SETS_DIR.glob("*.tsv")) for _, text in load(path)] + [
    "Ask Dana to give me a resume tear-down before Friday",
    "ask jo for her portfolio review's notes",
    "get a few referrals from people at Stripe",
]


def test_there_are_gates_and_asks_to_check() -> None:
    assert len(GATED) >= 20
    assert len(TEXTS) > 1500


@pytest.mark.parametrize("pattern,needs", GATED, ids=[p.pattern[:40] for p, _ in GATED])
def test_a_pattern_matches_only_where_its_gate_lets_it_run(
    pattern: re.Pattern[str], needs: frozenset[str]
) -> None:
    skipped = []
    for text in TEXTS:
        ct = clean(text)
        found = pattern.search(ct.low) or pattern.search(ct.text)
        if found is not None and needs.isdisjoint(ct.words):
            skipped.append((found.group(0), text))
    assert not skipped, skipped[:5]
