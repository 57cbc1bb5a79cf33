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


# A post one person holds, with no name and no clause: the member's own "boss" said with "the",
# a ward's or a school's post written as its initials with its unit ("the NUM on 5 North"), the
# coordinator of a programme named as one, and a post at a named place opening the message as
# the subject a he/she points back to. Plural posts, a post at "a" place, and initials with no
# unit stay no one.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "gonna ask the boss for a reference before my contract ends",
            Verdict.SPECIFIC,
            "the boss",
        ),
        ("ask the bosses for a reference before my contract ends", Verdict.VAGUE, None),
        (
            "ask the NUM on 5 North for a reference for the grad program",
            Verdict.SPECIFIC,
            "the NUM on 5 North",
        ),
        (
            "ask the DON at Calvary for a reference for the grad program",
            Verdict.SPECIFIC,
            "the DON at Calvary",
        ),
        ("ask the GM for a reference", Verdict.VAGUE, None),
        (
            "ask the coordinator of the Youth Jobs Connect program to write me a reference",
            Verdict.SPECIFIC,
            "the coordinator of the Youth Jobs Connect",
        ),
        ("ask the coordinator of a program to write me a reference", Verdict.VAGUE, None),
        (
            "the head chef at Rockpool tried my food at the markets and liked it — going in "
            "saturday to ask him for a reference",
            Verdict.SPECIFIC,
            "the head chef at Rockpool",
        ),
        (
            "the head chef at a place in town said to drop by, will ask him for a reference",
            Verdict.VAGUE,
            None,
        ),
        (
            "my uncle drinks with a foreman at Boral. asking him sat to ask the foreman if I can "
            "send my resume for the driver job",
            Verdict.SPECIFIC,
            "my uncle",
        ),
    ],
)
def test_a_post_one_person_holds_is_the_person_asked(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# Possessives and forms of address in other languages: "mon"/"meu"/"minha"/"mi" with a role
# the member has one of ("mon parrain", "meu ex-gestor"), kin said before a name ("tonton
# Moussa", "3ammo Tarek", an engineer's "eng"), and a grandmother in Spanish owning a named
# friend. The person is said back as written; "mon ami" (a friend) is no one in particular.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "ask tonton Moussa to recommend me for the internship at Orange Sénégal",
            Verdict.SPECIFIC,
            "tonton Moussa",
        ),
        (
            "ask 3ammo Tarek to pass my CV to the HR manager at Zain",
            Verdict.SPECIFIC,
            "3ammo Tarek",
        ),
        (
            "i will ask eng karim my old team lead to give me a reference for the Valeo job",
            Verdict.SPECIFIC,
            "Eng Karim",
        ),
        (
            "ask abuela's friend Don Ernesto to pass my resume to the manager at the Walmart "
            "in Laredo",
            Verdict.SPECIFIC,
            "Don Ernesto",
        ),
        ("ask mon parrain to review my CV for the KPMG audit job", Verdict.SPECIFIC, "mon parrain"),
        (
            "ask meu ex-gestor to be my reference for the Itaú analyst job",
            Verdict.SPECIFIC,
            "meu ex-gestor",
        ),
        ("ask mon ami to review my CV for the KPMG audit job", Verdict.VAGUE, None),
    ],
)
def test_kin_and_possessives_in_other_languages_name_the_person(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who


# Three ways of writing the person that a learner or a quick typist uses: "ask to my uncle"
# (a learner's frame, then a relation), a grade before the name ("my EL2 Siobhan"), and "will"
# run into the name ("see if Gazza'll …", said back as "Gazza"). Plural relations stay no one;
# a grade before a thing names no one.
@pytest.mark.parametrize(
    ("text", "verdict", "who"),
    [
        (
            "I will ask to my uncle who works in Itaú if he can pass my CV to the IT manager",
            Verdict.SPECIFIC,
            "my uncle",
        ),
        ("I will ask to my friends for a referral at Itaú", Verdict.VAGUE, None),
        (
            "ask my EL2 Siobhan to be my referee for the APS6 analyst round at Treasury",
            Verdict.SPECIFIC,
            "Siobhan",
        ),
        ("ask about my APS6 application at Treasury", Verdict.VAGUE, None),
        (
            "see if Gazza'll pass my resume to the super at Multiplex",
            Verdict.SPECIFIC,
            "Gazza",
        ),
    ],
)
def test_learners_and_quick_typists_name_the_person(
    text: str, verdict: Verdict, who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.who == who
