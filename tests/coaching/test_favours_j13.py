"""Favours new writers put in other words (issue 13): what the coach hears asked, and near
misses that must stay short of specific. Sentences are this file's own, one kind per table."""

from __future__ import annotations

from typing import Any

import pytest

from bot.coaching import Verdict, assess_ask

# A specific ask: who the coach says back, and how what is asked starts.
_SPECIFIC: dict[str, list[tuple[str, str, str]]] = {
    "time asked for a named purpose": [
        (
            "ask Hollie for 20 mins about how she went from dental nursing to practice management",
            "Hollie",
            "20 mins about how she went",
        ),
        (
            "ask Tomasz for a 15 min call so he can walk me through the assessment centre format",
            "Tomasz",
            "a 15 min call",
        ),
    ],
    "the person's view of a named step": [
        (
            "ask Priya what she'd want to hear in the final panel interview for the ward role",
            "Priya",
            "an answer to what she'd want to hear",
        ),
    ],
}

# Not specific: the verdict the coach gives instead.
_NOT_SPECIFIC: dict[str, list[tuple[str, Verdict]]] = {
    "time asked for with no subject, or only the person's work at large": [
        ("ask Declan for a 20 min call", Verdict.VAGUE),
        ("ask Marnie for 15 minutes to chat about her nursing career", Verdict.VAGUE),
        ("message Oisín for half an hour to hear about his journey", Verdict.VAGUE),
    ],
    "the person's view, nothing named": [
        ("ring Hamish and ask what he'd look for in a junior estimator", Verdict.VAGUE),
        ("ask Aroha how she would handle a career change at my age", Verdict.VAGUE),
    ],
}


def _by_kind(table: dict[str, list[Any]]) -> list[Any]:
    return [
        pytest.param(*row, id=f"{kind}: {row[0]}") for kind, rows in table.items() for row in rows
    ]


@pytest.mark.parametrize(("text", "who", "what"), _by_kind(_SPECIFIC))
def test_favour_in_other_words_is_heard(text: str, who: str, what: str) -> None:
    result = assess_ask(text)
    assert result.verdict is Verdict.SPECIFIC, result.reasons
    assert result.who == who
    assert result.what is not None and result.what.startswith(what), result.what


@pytest.mark.parametrize(("text", "verdict"), _by_kind(_NOT_SPECIFIC))
def test_near_miss_stays_short_of_specific(text: str, verdict: Verdict) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
