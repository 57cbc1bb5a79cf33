"""Judgement round 14, the person side: who is asked, found and said back. Sentences are
written for these tests, by kind."""

from __future__ import annotations

import pytest

from bot.coaching import Verdict, assess_ask


# A person named as the message opens and spoken to ("steph i need you to …", "jo im asking
# you: can you …") is the one asked, lowercase or not; with no name first, no one is named.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "kirsty i need you to be my referee for the Ramsay Health ward clerk job 🙏",
            Verdict.SPECIFIC,
            "Kirsty",
        ),
        (
            "declan im asking you lol — can you send me the name of the site manager at Sisk",
            Verdict.SPECIFIC,
            "Declan",
        ),
        (
            "Priya i really need you to pass my CV to the hiring manager at Telstra",
            Verdict.SPECIFIC,
            "Priya",
        ),
        ("kirsty i need you to help me out with the job hunt", Verdict.VAGUE, "Kirsty"),
        ("i need you to be my referee for the Ramsay Health job", Verdict.VAGUE, None),
    ],
)
def test_a_name_spoken_to_first_is_the_person_asked(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who
