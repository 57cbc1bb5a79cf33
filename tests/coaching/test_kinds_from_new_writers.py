"""Kinds of ask from the blind writers of 2026-12 (sets asks-7a to asks-11b), each with sentences
written for these tests, never the labelled rows: the verdict the coach gives, who it says back
and a piece of what it says is asked. The tables are kinds-from-new-writers.txt (sets 7 and 8),
kinds-9.txt (set 9), kinds-10.txt (set 10), kinds-11.txt (set 11), kinds-12.txt (sets 7 to
11 again), kinds-13.txt (requests judged by their shape, from set 12) and kinds-14.txt (the
fourteenth session's console trials and set 14); specific asks and
their near misses sit in the same kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.coaching import Verdict
from tests.coaching.judging import assert_judged, load_kinds

_KINDS = [
    *load_kinds(Path(__file__).with_name("kinds-from-new-writers.txt")),
    *load_kinds(Path(__file__).with_name("kinds-9.txt")),
    *load_kinds(Path(__file__).with_name("kinds-10.txt")),
    *load_kinds(Path(__file__).with_name("kinds-11.txt")),
    *load_kinds(Path(__file__).with_name("kinds-12.txt")),
    *load_kinds(Path(__file__).with_name("kinds-13.txt")),
    *load_kinds(Path(__file__).with_name("kinds-14.txt")),
]


@pytest.mark.parametrize(
    ("text", "verdict", "who", "what", "missing"),
    [pytest.param(*row, id=f"{kind}: {row[0]}") for kind, *row in _KINDS],
)
def test_each_kind_is_judged_and_said_back(
    text: str, verdict: Verdict, who: Any, what: Any, missing: Any
) -> None:
    # A plain piece in the table is a `Part` of what is asked; an `Exact` one, all of it (the
    # question's own clause, not the sentence after its comma).
    assert_judged(text, verdict, who, what, missing)
