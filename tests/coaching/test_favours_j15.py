"""Asks new writers leave half-said (issue 13, third round): an ask intended in French,
Portuguese, Spanish, Polish or everyday English with who or what missing is vague, not passive;
an errand or the member's own step stays passive. Sentences are this file's own, one kind per
table."""

from __future__ import annotations

from typing import Any

import pytest

from bot.coaching import Verdict, assess_ask

# An ask intended, who or what missing: the coach says vague, keeps who it heard, and names
# what to add.
_VAGUE: dict[str, list[tuple[str, str | None, tuple[str, ...]]]] = {
    "someone contacted in another language, nothing asked yet": [
        ("relancer Mathilde demain", "Mathilde", ("what",)),
        ("falar com o Diego sobre a área de produto", "Diego", ("what",)),
        ("conversar com a Beatriz sobre carreira", "Beatriz", ("what",)),
        ("hablar con Lucía sobre oportunidades en su empresa", "Lucía", ("what",)),
        ("appeler Moussa pour qu'il me conseille", "Moussa", ("what",)),
        ("contacter Paulette cette semaine", "Paulette", ("what",)),
    ],
    "a favour wanted in another language, no one named": [
        ("conseguir uma indicação esse mês", None, ("who", "what")),
        ("trouver une mentore dans la data", None, ("who", "what")),
        ("quiero que alguien me recomiende en Rappi", None, ("who", "what")),
        ("perguntar no grupo da turma se alguém sabe de vaga", None, ("who", "what")),
        ("mandar meu CV pra todo mundo da faculdade", None, ("who", "what")),
        ("pedir conselhos pros veteranos do curso", None, ("who", "what")),
    ],
    "asking around, or getting hold of someone, in everyday English": [
        ("ring around the depots about casual work", None, ("who", "what")),
        ("flick my resume around this arvo", None, ("who", "what")),
        ("give Shane a bell tonight", "Shane", ("what",)),
        ("my old leading hand is back from leave, I'll get onto him", None, ("who", "what")),
    ],
}

# No ask at all: the member's own search, errands, things done alone.
_PASSIVE: dict[str, list[str]] = {
    "the member's own step, or nothing of the search": [
        "chercher un stage à Lyon",
        "hand my CV around at the careers fair",
        "give the dog a bath before work",
        "pedir uma pizza e atualizar o portfólio",
        "trouver un appart à Dakar",
    ],
}


def _by_kind(table: dict[str, list[Any]]) -> list[Any]:
    return [
        pytest.param(*(row if isinstance(row, tuple) else (row,)), id=f"{kind}: {row}")
        for kind, rows in table.items()
        for row in rows
    ]


@pytest.mark.parametrize(("text", "who", "missing"), _by_kind(_VAGUE))
def test_half_said_ask_is_vague_and_says_what_to_add(
    text: str, who: str | None, missing: tuple[str, ...]
) -> None:
    result = assess_ask(text)
    assert result.verdict is Verdict.VAGUE, result.reasons
    assert result.who == who
    assert result.missing == missing


@pytest.mark.parametrize("text", _by_kind(_PASSIVE))
def test_no_ask_stays_passive(text: str) -> None:
    result = assess_ask(text)
    assert result.verdict is Verdict.PASSIVE, result.reasons


# A question written in French, Portuguese or Spanish and put to one person: who, and a piece
# of what the coach says back.
_FOREIGN_QUESTIONS: list[tuple[str, str, str]] = [
    (
        "<@U0AB12CD34> tu connais quelqu'un chez Decathlon ?",
        "<@U0AB12CD34>",
        "the names of people chez Decathlon",
    ),
    (
        "mandar mensagem pro Diego perguntando se ele conhece alguém na Nubank",
        "Diego",
        "the names of people na Nubank",
    ),
    (
        "hoy le pregunto a Lucía qué rango salarial maneja Mercado Libre para un junior, "
        "para negociar mejor",
        "Lucía",
        "an answer to qué rango salarial maneja Mercado Libre para un junior",
    ),
    (
        "demander à Fatou si l'offre de stage chez Orange est encore ouverte",
        "Fatou",
        "an answer to si l'offre de stage chez Orange est encore ouverte",
    ),
    (
        "<@U0AB12CD34> pode me passar o contato do gerente de vendas da Ambev?",
        "<@U0AB12CD34>",
        "o contato do gerente de vendas da Ambev",
    ),
]

# Near misses: no place, no post, small talk, or the member's own contact.
_FOREIGN_NEAR: list[tuple[str, Verdict]] = [
    ("<@U0AB12CD34> tu connais quelqu'un dans la tech ?", Verdict.VAGUE),
    ("mandar mensagem pro Diego perguntando se ele conhece alguém legal", Verdict.VAGUE),
    ("demander à Fatou si elle a des opportunités", Verdict.VAGUE),
    ("pregunto a Lucía qué tal su fin de semana", Verdict.VAGUE),
    ("<@U0AB12CD34> pode me passar o contato do encanador?", Verdict.VAGUE),
    ("je connais quelqu'un chez Decathlon", Verdict.PASSIVE),
]


@pytest.mark.parametrize(("text", "who", "what"), _FOREIGN_QUESTIONS)
def test_question_in_another_language_is_a_concrete_ask(text: str, who: str, what: str) -> None:
    result = assess_ask(text)
    assert result.verdict is Verdict.SPECIFIC, result.reasons
    assert result.who == who
    assert result.what == what  # the question's own clause, not the sentence after its comma


@pytest.mark.parametrize(("text", "verdict"), _FOREIGN_NEAR)
def test_question_in_another_language_without_a_place_stays_short(
    text: str, verdict: Verdict
) -> None:
    assert assess_ask(text).verdict is verdict
