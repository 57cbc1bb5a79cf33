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
    "a review of application pieces named in public-service words, or in slang": [
        (
            "ask Siobhan to look over my KSC responses for the APS5 policy role",
            "Siobhan",
            "a review of your KSC responses",
        ),
        (
            "get Sarah to have a squiz at my cover letter for the Countdown night fill job",
            "Sarah",
            "a review of your cover letter",
        ),
        (
            "ask Eoin to read over my competency examples for the EO interview",
            "Eoin",
            "a review of your competency examples",
        ),
    ],
    "a reference in other words or languages": [
        (
            "ask Karen for a written reference for the Qantas cabin crew application",
            "Karen",
            "a reference for the Qantas",
        ),
        (
            "ask Don Ernesto for a carta de recomendación for the Bimbo warehouse job",
            "Don Ernesto",
            "a recommendation letter for the Bimbo",
        ),
        (
            "ask Madame Diallo to write a short letter confirming my French level for the call centre job",
            "Madame Diallo",
            "a recommendation letter for the call centre",
        ),
        (
            "ask Dwayne to pick up when the background check company calls him on Monday",
            "Dwayne",
            "a reference",
        ),
        (
            "email Fiona and ask her to confirm my dates and duties for the HEO application",
            "Fiona",
            "confirming your dates and duties",
        ),
    ],
    "paperwork signed, a trial shift given": [
        (
            "ask Warren to sign my 88 days form before I leave the farm",
            "Warren",
            "signing your 88 days form",
        ),
        (
            "ask Lani if she'd give me a trial shift at the café on Saturday",
            "Lani",
            "giving you a trial shift",
        ),
    ],
    "someone else's contact, said with a pronoun or a possessive": [
        (
            "Callum's sister hires for Fonterra — ask Callum for her number",
            "Callum",
            "her number",
        ),
        (
            "aunty Bev knows the foreman at Downer, ask her for the fella's name and number",
            "aunty Bev",
            "fella's name and number",
        ),
    ],
    "a place on the crew of someone who hires": [
        (
            "Hemi runs the shearing crew out of Gore — ask him if he has a spot for me this season",
            "Hemi",
            "an answer to if he has a spot for you",
        ),
    ],
    "a favour put as 'make me the favour of'": [
        (
            "<@U0FAKE77> make me the favour of checking my CV for the Rappi analyst role? 🙏",
            "<@U0FAKE77>",
            "a review of your CV",
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
    "paperwork or a review with no one identifiable": [
        ("get someone to sign my 88 days form", Verdict.VAGUE),
        ("need someone to have a squiz at my KSC responses", Verdict.VAGUE),
        ("fix my KSC responses tonight", Verdict.PASSIVE),
    ],
    "a spot that is not work": [
        ("ask Kate if she has a spot for me at yoga on Saturday", Verdict.VAGUE),
        ("ask Liam if there's a spot for me in his car to the careers fair", Verdict.VAGUE),
        ("ask Dave if there's anything for me", Verdict.VAGUE),
    ],
    "the person's own contact": [
        ("ask Tom for his number", Verdict.VAGUE),
        ("Tom's my mate from footy, ask him for his number", Verdict.VAGUE),
        ("ask Mereana for her email so I can send my CV to her", Verdict.VAGUE),
    ],
    "a letter or form that is no favour of the person": [
        ("sign the lease form for the new flat", Verdict.PASSIVE),
        ("write a cover letter for the Coles job", Verdict.PASSIVE),
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
