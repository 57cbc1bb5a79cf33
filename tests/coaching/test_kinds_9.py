"""Kinds of ask from the blind writers of the eighth session (sets asks-9a: Spanish- and
Portuguese-speaking members in the US, nurses, teachers and tradespeople; asks-9b: members across
Nigeria, Kenya, Ghana, South Africa, the Philippines and Australia), each with sentences written
for these tests, never the labelled rows: the verdict and who the coach says back (`ANY`: not
checked). Specific asks and their near misses sit in the same kind."""

from __future__ import annotations

from typing import Any

import pytest

from bot.coaching import Verdict
from tests.coaching.judging import ANY, PASSIVE, SPECIFIC, VAGUE, assert_judged

_KINDS: dict[str, list[tuple[str, Verdict, Any]]] = {
    "a retraction with no one in the person's place": [
        (
            "ask Tomasz for a referral at Revolut... oh wait he left. ok so just ask around "
            "at Revolut then",
            VAGUE,
            None,
        ),
        ("ask Tomasz for a referral at Revolut, he's still there", SPECIFIC, "Tomasz"),
    ],
    "a question about a kind of worker at a named place": [
        ("ask Dolores if Publix needs a pharmacy technician this fall", SPECIFIC, "Dolores"),
        ("ask Dolores if Publix needs anything", VAGUE, "Dolores"),
        ("ask Imelda whether the Hyatt hires night auditors or only temps", SPECIFIC, "Imelda"),
    ],
    "joining the person's own work for a day": [
        ("ask Ken if I can shadow him on the Turner site visit friday", SPECIFIC, "Ken"),
        ("ask Ken if I can hang out with him sometime", VAGUE, "Ken"),
    ],
    "who holds a post at a named employer": [
        ("ask Priti who the hiring manager for the SOC team at Optus is", SPECIFIC, "Priti"),
        ("ask Priti who runs the graduate program at Optus", SPECIFIC, "Priti"),
        ("ask Priti who the best person to talk to is", VAGUE, ANY),
        ("find out who the head of design at Canva is", PASSIVE, None),
    ],
    "an intro in other words: link me up, time with someone booked for me": [
        ("ask Chidi to link me up with the finance lead at Paystack", SPECIFIC, "Chidi"),
        ("ask Chidi to link up with me at the conference", VAGUE, "Chidi"),
        ("ask Oga Segun to book me 20 mins with the MD of his firm", SPECIFIC, ANY),
        ("book a meeting with Kofi next week", PASSIVE, None),
    ],
    "a document shared or pushed along, or marked up": [
        ("ask Thandi to share my Behance with the art director at Ogilvy", SPECIFIC, "Thandi"),
        ("ask Tunde to push my CV for the graduate trainee role at Access Bank", SPECIFIC, "Tunde"),
        ("send Dr. Osei my research statement and ask him to mark it up", SPECIFIC, "Dr. Osei"),
        ("ask Lerato to look over my lesson plan for the Grade 4 post", SPECIFIC, "Lerato"),
        ("ask Tunde to push me", VAGUE, "Tunde"),
    ],
    "given names from West and Southern Africa, Kenya and the Philippines": [
        ("ask Bolaji for a referral at Flutterwave", SPECIFIC, "Bolaji"),
        ("ask Refilwe for an intro to her manager at Discovery", SPECIFIC, "Refilwe"),
        ("ask Wanjiru for a referral at Safaricom", SPECIFIC, "Wanjiru"),
        ("ask Jomar to endorse me for the team lead role at Concentrix", SPECIFIC, "Jomar"),
        ("ask Nordstrom for a referral", VAGUE, None),
    ],
}


@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [pytest.param(*row, id=f"{kind}: {row[0]}") for kind, rows in _KINDS.items() for row in rows],
)
def test_each_kind_is_judged_and_said_back(text: str, verdict: Verdict, who: Any) -> None:
    assert_judged(text, verdict, who)
