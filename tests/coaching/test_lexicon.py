"""The assessor's word lists live in data files, are documented, and are read as intended."""

from __future__ import annotations

from importlib.resources import files

import pytest

from bot.coaching import Verdict, assess_ask, lexicon

DATA = files("bot.coaching") / "data"


def test_every_data_file_is_documented_with_its_source_and_licence() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    names = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".txt", ".tsv")))
    assert len(names) >= 20
    for name in names:
        # given_names.txt and companies.txt have rows of their own; the rest share one row.
        assert name in readme or "every other `.txt`" in readme, name
    assert "Faker" in readme and "MIT" in readme


def test_lists_are_loaded_from_the_files() -> None:
    assert "maria" in lexicon.GIVEN_NAMES and "gustavo" in lexicon.GIVEN_NAMES
    assert "ask" not in lexicon.GIVEN_NAMES
    assert ("reach", "out", "to") in lexicon.REQUEST_PHRASES
    assert "General Mills" in lexicon.COMPANIES
    assert "cover letter" in lexicon.DOCUMENTS
    # The typo replacement keeps its trailing space ("w/" -> "with ").
    assert (r"\bw/", "with ") in lexicon.TYPO_FIXES
    for name in ("REQUEST_VERBS", "TITLES", "RELATION_NOUNS", "NOT_NAMES", "PERSONAL_VERBS"):
        words = getattr(lexicon, name)
        assert words and all(w == w.lower() and w.strip() == w for w in words), name


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [
        ("Ask Olga to reveiw my resmue before Friday", Verdict.SPECIFIC),
        ("aks Ayumi to be a refrence for the research assistant job at RIKEN", Verdict.SPECIFIC),
        (
            "email Dr. Huang asking for a recomendation leter for the Stanford fellowship",
            Verdict.SPECIFIC,
        ),
        # A slip that is a word of its own is left alone: "over" is not "cover".
        ("look over my notes", Verdict.PASSIVE),
    ],
)
def test_one_keyboard_slip_is_read_through(typed: str, verdict: Verdict) -> None:
    result = assess_ask(typed)
    assert result.verdict is verdict, result.reasons
    assert result.text == typed  # the member's words are kept as typed
