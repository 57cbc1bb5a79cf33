"""Favours new writers put in other words (issue 13, second round): what the coach hears
asked, and near misses that must stay short of specific. Sentences are this file's own, one
kind per table."""

from __future__ import annotations

from typing import Any

import pytest

from bot.coaching import Verdict, assess_ask

# A specific ask: who the coach says back, and what it says is asked (a piece of it).
_SPECIFIC: dict[str, list[tuple[str, str, str]]] = {
    "whether a workplace the company list doesn't know needs a kind of worker": [
        (
            "ask Shauna does the Jameson Distillery hire tour guides over the summer",
            "Shauna",
            "the Jameson Distillery hire tour guides",
        ),
        (
            "message Rahim: can he find out if the Novotel Parramatta needs a night auditor",
            "Rahim",
            "the Novotel Parramatta needs a night auditor",
        ),
        (
            "Aroha's on the committee at the kōhanga — ask her if they need a cook next term",
            "Aroha",
            "they need a cook",
        ),
        (
            "ask Joe whether any contractors on the Inland Rail job are taking on riggers",
            "Joe",
            "any contractors on the Inland Rail job",
        ),
        (
            "Donal manages the SuperValu in Tralee, ask him is there Sunday work going",
            "Donal",
            "is there Sunday work going",
        ),
        (
            "ask Tegan if there are any weekend shifts on the roster at the Aldi in Nowra",
            "Tegan",
            "any weekend shifts on the roster",
        ),
        (
            "ask Precious whether the ward clerk job I applied for at the Mater is still open",
            "Precious",
            "the ward clerk job",
        ),
        (
            "Vinh came over on a sponsored visa. ask him which provider it was",
            "Vinh",
            "which provider",
        ),
    ],
    "being put forward, or spoken up for, in other words": [
        (
            "ask Kirra to put me up for the Linfox Laverton forklift contract she advertised",
            "Kirra",
            "putting you up for the Linfox Laverton",
        ),
        (
            "ask Rob to put me on the list for the April shutdown at Worsley",
            "Rob",
            "putting you on the list for the April shutdown",
        ),
        (
            "ask Dr. Nowak to add my name to the list she sends to Atlassian for the winter internships",
            "Dr. Nowak",
            "adding your name to the list she sends",
        ),
        (
            "Kane's a recruiter at Hays. ask Kane if he's got me on the books for the Gladstone shutdown",
            "Kane",
            "having you on the books",
        ),
        (
            "ask Leon whether he'll ring ahead to the depot for me",
            "Leon",
            "ringing ahead to the depot",
        ),
        (
            "get Sione to tell his boss about me before the Fulton Hogan interviews",
            "Sione",
            "telling his boss about you",
        ),
        (
            "ask Mick to ring his cousin at Boral and tell him I'm a hard worker",
            "Mick",
            "ringing his cousin at Boral and telling him you're a hard worker",
        ),
        (
            "email Yusuf the Qube JD so he can tell his manager about me",
            "Yusuf",
            "telling his manager about you",
        ),
    ],
    "a favour written in Portuguese or French": [
        (
            "<@U05KQ2P8ZL> vc pode me indicar pra vaga de analista de BI na Stone?",
            "<@U05KQ2P8ZL>",
            "a referral: pra vaga de analista de BI",
        ),
        (
            "<@U05KQ2P8ZL> tu peux transmettre mon CV à la responsable RH de Doctolib ?",
            "<@U05KQ2P8ZL>",
            "à la responsable RH de Doctolib",
        ),
        (
            "<@U05KQ2P8ZL> você trabalha na Totvs né? me apresenta pro gerente de suporte?",
            "<@U05KQ2P8ZL>",
            "an intro: gerente de suporte",
        ),
        (
            "<@U05KQ2P8ZL> tu pourrais relire mon CV pour le poste chez Qonto ?",
            "<@U05KQ2P8ZL>",
            "a review: mon CV",
        ),
        (
            "<@U05KQ2P8ZL> pode ser minha referência pra vaga da Ambev?",
            "<@U05KQ2P8ZL>",
            "a reference: pra vaga da Ambev",
        ),
        (
            "Rafael → me colocar no banco de talentos da Vtex",
            "Rafael",
            "banco de talentos da Vtex",
        ),
    ],
}

# Not specific: the verdict the coach gives instead.
_NOT_SPECIFIC: dict[str, list[tuple[str, Verdict]]] = {
    "work asked about with no kind, no workplace, or only a lead": [
        ("ask Shauna is there any work going", Verdict.VAGUE),
        ("ask Shauna if she knows of any Saturday work", Verdict.VAGUE),
        ("ask Joe whether any contractors are hiring", Verdict.VAGUE),
        ("ask Joe whether any builders in Wanaka are hiring", Verdict.VAGUE),
        ("Aroha works at the kōhanga, ask her if they need anyone", Verdict.VAGUE),
        ("ask Shauna does she like her new job", Verdict.VAGUE),
    ],
    "put up, put on a list, told about: nothing of the job search": [
        ("ask Kirra to put me up for the night", Verdict.VAGUE),
        ("ask Rob to put me on the mailing list", Verdict.VAGUE),
        ("ask Leon if he'll ring ahead for me", Verdict.VAGUE),
        ("get Sione to tell his mum about me", Verdict.VAGUE),
        ("ask Mick to ring his cousin and tell him I'm sorry", Verdict.VAGUE),
        ("ask Sione to tell his boss about my trip to Fiji", Verdict.VAGUE),
    ],
    "the member's own step, in Portuguese or French": [
        ("je vais me présenter au recruteur de Capgemini au salon", Verdict.PASSIVE),
        ("vou mandar meu currículo pro RH da Natura", Verdict.PASSIVE),
        ("mandar meu currículo pro RH da Natura", Verdict.PASSIVE),
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
    assert result.what is not None and what in result.what, result.what


@pytest.mark.parametrize(("text", "verdict"), _by_kind(_NOT_SPECIFIC))
def test_near_miss_stays_short_of_specific(text: str, verdict: Verdict) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
