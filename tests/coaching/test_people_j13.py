"""Judgement round 13, the person side: who is asked, found and said back (and the slips that
had a vague ask praised as specific). Sentences are written for these tests, by kind."""

from __future__ import annotations

import pytest

from bot.coaching import Verdict, assess_ask

# A call or a few minutes asked for, with nothing named it is for, is the guide's coffee chat:
# vague. A move, a company, a closed question or a thing to be done makes it concrete.
_TIMED_SLOTS = [
    ("ask Kwame for a 20 min call", Verdict.VAGUE),
    ("ask kwame for 15 mins to chat about his nursing career", Verdict.VAGUE),
    ("ask Kwame for a quick 10 minute chat to catch up", Verdict.VAGUE),
    (
        "ask Kwame for 15 mins about how he went from retail into HR at Lendlease",
        Verdict.SPECIFIC,
    ),
    ("ask Kwame for a 20 min call about moving from teaching into L&D", Verdict.SPECIFIC),
    ("ask Kwame for 10 min to go over my cover letter for the Telstra job", Verdict.SPECIFIC),
    ("ask Kwame for a 15 min call + whether his ward takes new grads", Verdict.SPECIFIC),
]


@pytest.mark.parametrize(("text", "verdict"), _TIMED_SLOTS)
def test_a_timed_slot_is_concrete_only_when_it_is_for_something(
    text: str, verdict: Verdict
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == "Kwame"


# "what he'd look for", "what she would do": the person's own judgement is advice (vague);
# a pay band or a date at a named employer stays a closed question.
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("ring Declan and ask what he'd look for in a new leading hand", Verdict.VAGUE),
        ("ask Declan what she would do if she were me", Verdict.VAGUE),
        ("ask Declan what he'd recommend for a career change", Verdict.VAGUE),
        ("ask Declan what the pay band is for the site supervisor role at Sisk", Verdict.SPECIFIC),
    ],
)
def test_what_the_person_would_do_is_advice(text: str, verdict: Verdict) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == "Declan"


# Short forms and nicknames of the communities writing in (Australian "-o"/"-za" forms, Irish,
# Māori, West African, Brazilian short names) are people, also when a pronoun points back.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "ask Kezza to put in a word for me with the foreman at Lendlease",
            Verdict.SPECIFIC,
            "Kezza",
        ),
        (
            "Davo is a leading hand at Downer. asking him to pass my CV to his super",
            Verdict.SPECIFIC,
            "Davo",
        ),
        (
            "ring Fionn and ask him to be my referee for the Aldi store job",
            Verdict.SPECIFIC,
            "Fionn",
        ),
        ("ask Guto to send me the name of the tech recruiter at Stone", Verdict.SPECIFIC, "Guto"),
        ("ask Bazza for some help with the job hunt", Verdict.VAGUE, "Bazza"),
        ("catch up with Tiffy over a beer", Verdict.PASSIVE, None),
    ],
)
def test_short_forms_and_nicknames_are_people(text: str, verdict: Verdict, who: str | None) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# The person asked found in more frames: "getting him to …" / "need her to …" after the person
# is named, "ringing him", a teacher called by an initial ("mr k"), and a request verb of
# French, Portuguese, Spanish or Italian before the person ("demander à Inès", "pedir pro Léo").
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "Rahul owes me one, getting him to pass my CV to the store manager at Officeworks",
            Verdict.SPECIFIC,
            "Rahul",
        ),
        (
            "Priti runs the night shift at the Coles DC. need her to vouch for me with the ops manager",
            Verdict.SPECIFIC,
            "Priti",
        ),
        (
            "mr k was my year 12 maths teacher. ringing him tonight to ask if he'll be my referee for the tutoring job",
            Verdict.SPECIFIC,
            "Mr K",
        ),
        ("demander à Inès si elle peut me recommander", Verdict.VAGUE, "Inès"),
        ("pedir pro Léo uma dica sobre trabalho", Verdict.VAGUE, "Léo"),
        ("preguntar a Marisol por trabajo", Verdict.VAGUE, "Marisol"),
        ("pedir a alguien de Nubank una referencia", Verdict.VAGUE, None),
        ("Rahul got the job at Officeworks, so happy for him", Verdict.PASSIVE, None),
    ],
)
def test_the_person_asked_in_more_frames(text: str, verdict: Verdict, who: str | None) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# A role at a named place picked out by one thing done with the member ("who interviewed me",
# "who ran our induction", "who looked after my nan") is one person, said back with that
# clause; a plural role or a clause that could fit many ("who handles warehouse roles") is not.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "ask the recruiter at Randstad who interviewed me last week to send my CV to the warehouse manager at Linfox",
            Verdict.SPECIFIC,
            "the recruiter at Randstad who interviewed me last week",
        ),
        (
            "ask the nurse at Mercy Place who looked after my nan for a reference for the PCA job at Bupa",
            Verdict.SPECIFIC,
            "the nurse at Mercy Place who looked after my nan",
        ),
        (
            "ask the recruiters who interviewed me to send my CV to the warehouse manager at Linfox",
            Verdict.VAGUE,
            None,
        ),
        (
            "ask the recruiter who handles warehouse roles at Randstad to send my CV to Linfox",
            Verdict.VAGUE,
            None,
        ),
    ],
)
def test_a_role_picked_out_by_what_they_did_with_me(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# A worker a service assigns to the member ("my probation officer", "my case worker", "my
# support worker") is one person, as "my mentor" is; "my coworker", "my worker" are not.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "ask my parole officer to sign the letter confirming I can work nights at the Amazon DC",
            Verdict.SPECIFIC,
            "my parole officer",
        ),
        (
            "ask my support worker to review my cover letter for the Kmart job",
            Verdict.SPECIFIC,
            "my support worker",
        ),
        (
            "ask my caseworker to forward my CV to the warehouse manager at Linfox",
            Verdict.SPECIFIC,
            "my caseworker",
        ),
        ("ask my coworker to review my cover letter for the Kmart job", Verdict.VAGUE, None),
        ("ask my social worker for some help with jobs", Verdict.VAGUE, "my social worker"),
    ],
)
def test_a_worker_assigned_to_me_is_one_person(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# A relation opening the message as the subject of a verb, with he/she pointing back to it,
# is the one person meant ("my TAFE teacher used to … — asking him …"); a plural relation, a
# relation no pronoun points back to, or one owned by another ("my neighbour's son") is no one.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "my year 10 teacher runs a cafe in Fremantle now — asking her if she'll be my referee for the barista job",
            Verdict.SPECIFIC,
            "my year 10 teacher",
        ),
        (
            "my old foreman's retiring but still knows everyone at CPB. ring him and ask for the name of the HR person on the Sydney Metro job",
            Verdict.SPECIFIC,
            "my old foreman",
        ),
        (
            "my teachers used to run a building company, asking him to be my referee for the traineeship",
            Verdict.VAGUE,
            None,
        ),
        ("my old teacher is great, asking around for a referee", Verdict.VAGUE, None),
    ],
)
def test_a_relation_pointed_back_to_is_the_person(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who
