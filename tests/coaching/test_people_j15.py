"""Judgement round 15, the person side: who is asked, found and said back. Sentences are
written for these tests, by kind."""

from __future__ import annotations

import pytest

from bot.coaching import Verdict, assess_ask


# A role at a definite place ("the job coach at the Mission Australia office", "the lady from
# the Settlement Services program") that a later he/she points back to is one person, said
# back with the place. A role at "a" place, a plural, "the recruiter" (people in general), or a
# he/she after another person is named, stay no one.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "ask the job coach at the Mission Australia office to pass my resume to the Woolworths "
            "contact she mentioned",
            Verdict.SPECIFIC,
            "the job coach at the Mission Australia office",
        ),
        (
            "ask the placement specialist at the youth hub for the email of his contact at "
            "the Bunnings warehouse",
            Verdict.SPECIFIC,
            "the placement specialist at the youth hub",
        ),
        (
            "ask the lady from the Settlement Services program to introduce me to the store "
            "manager she knows at Aldi",
            Verdict.SPECIFIC,
            "the lady from the Settlement Services program",
        ),
        (
            "ask the job coach at a Mission Australia office to pass my resume to the contact she "
            "mentioned",
            Verdict.VAGUE,
            None,
        ),
        (
            "ask the job coaches at the Mission Australia office to pass my resume to the contact "
            "she mentioned",
            Verdict.VAGUE,
            None,
        ),
        (
            "ask the recruiter at the Hays office to pass my resume to the contact she mentioned",
            Verdict.VAGUE,
            None,
        ),
        (
            "ask the job coach at the Mission Australia office whether Priya can pass my resume "
            "to the contact she mentioned",
            Verdict.VAGUE,
            None,
        ),
    ],
)
def test_a_role_at_a_place_pointed_back_to_is_one_person(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# In French and Spanish the person asked may come as a pronoun before the verb ("je lui
# demande …", "→ lui demander …", "le pregunto …"): it points back to the person named before.
# French "le demander" asks for a thing, not a person. After "demander à", an unknown name that
# is to do something for the member ("de me présenter …") is a person, not a company; the
# Portuguese "pedir pra ele" points back as "ask him" does.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "Inès est recruteuse chez Doctolib. je lui demande une referral pour le poste de "
            "data analyst",
            Verdict.SPECIFIC,
            "Inès",
        ),
        (
            "Moussa m'a parlé de Wave → lui demander une referral pour le poste de data analyst",
            Verdict.SPECIFIC,
            "Moussa",
        ),
        (
            "Inès est recruteuse chez Doctolib, je vais le demander pour le poste de data analyst",
            Verdict.PASSIVE,
            None,
        ),
        (
            "demander à Dramane de me présenter au manager de l'équipe data chez Wave",
            Verdict.SPECIFIC,
            "Dramane",
        ),
        ("Carolina trabaja en Globant, le pregunto si puede ayudarme", Verdict.VAGUE, "Carolina"),
        (
            "Bruno, ex-colega do Itaú → pedir pra ele uma ajuda com a busca",
            Verdict.VAGUE,
            "Bruno",
        ),
    ],
)
def test_a_pronoun_before_the_verb_in_french_or_spanish_points_back(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# "ask Femi to talk to his cousin …": the talking is the favour asked of the first person, so
# the cousin is not a second person asked. A talk that is the member's own ("going to talk to
# his cousin") is still theirs.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "ask Femi to talk to his cousin the site manager at Lendlease and pass him my CV",
            Verdict.SPECIFIC,
            "Femi",
        ),
        (
            "going to talk to Femi's cousin the site manager at Lendlease and pass him my CV",
            Verdict.VAGUE,
            None,
        ),
    ],
)
def test_a_talk_asked_of_someone_is_their_favour(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# "my PO" (a probation or parole officer) is the one officer assigned to the member, as "my
# case worker" is; in lowercase ("my po") it is not read.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "ask my PO to write a letter for the Walmart DC hiring manager saying I'm in good "
            "standing",
            Verdict.SPECIFIC,
            "my PO",
        ),
        (
            "ask my po to write a letter for the Walmart DC hiring manager saying I'm in good "
            "standing",
            Verdict.VAGUE,
            None,
        ),
    ],
)
def test_my_po_is_one_person(text: str, verdict: Verdict, who: str | None) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# A note headed "favour for <person>:" puts the favour after the colon to that person, as
# "question for <person>:" does; a question after "ping <person>:" written without a space
# before the colon is put to them too. A group there is no one; a question about the member's
# own choice is put to the coach.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "favour for Leilani: look over my cover letter for the Air NZ cabin crew job before "
            "friday",
            Verdict.SPECIFIC,
            "Leilani",
        ),
        (
            "favour for the team: look over my cover letter for the Air NZ cabin crew job before "
            "friday",
            Verdict.VAGUE,
            None,
        ),
        (
            "ping Kemal: does Trendyol hire junior devs without a degree?",
            Verdict.SPECIFIC,
            "Kemal",
        ),
        ("ping Kemal: should I apply to Trendyol or wait?", Verdict.VAGUE, "Kemal"),
    ],
)
def test_a_note_headed_favour_for_a_person(text: str, verdict: Verdict, who: str | None) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who
