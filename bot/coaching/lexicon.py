"""Word lists the ask assessor reasons with, loaded once from `bot/coaching/data/`.

The lists live in plain text files (one entry a line, `#` starts a comment; phrases are words
separated by spaces; `typo_fixes.tsv` is pattern<TAB>replacement) so that a reader can check,
in one place, which words count as a request, a favour, a relation or a passive activity, and
change them without touching code. Their sources and licences are in `data/README.md`.
Everything is lowercase except the company names.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from typing import Final

__all__ = [
    "ADDRESS_AFTER",
    "ADDRESS_BEFORE",
    "COMMON_WORDS",
    "COMPANIES",
    "CORE_DOCUMENTS",
    "DOCUMENTS",
    "EVERYDAY_FAVOURS",
    "FUZZY_EXCEPTIONS",
    "FUZZY_WORDS",
    "GENERIC_PEOPLE",
    "GIVEN_NAMES",
    "INFO_NOUNS",
    "JOB_WORDS",
    "NAME_FOLLOWERS",
    "NAME_WORDS",
    "NOT_NAMES",
    "PERSONAL_VERBS",
    "QUANTIFIERS",
    "RELATION_MODIFIERS",
    "RELATION_NOUNS",
    "REQUEST_OBJECTS",
    "REQUEST_PHRASES",
    "REQUEST_VERBS",
    "REQUEST_VERBS_AFTER",
    "ROLE_HEADS",
    "ROLE_NOUNS",
    "SOCIAL_PHRASES",
    "SURNAMES_FIRST",
    "TALK_PHRASES",
    "TITLES",
    "TYPO_FIXES",
    "UNIQUE_KIN",
    "UNIQUE_ROLES",
    "UNIT_NOUNS",
    "VAGUE_QUESTION_WORDS",
    "VAGUE_WANTS",
    "WHICH_NOUNS",
    "WORKER_ROLES",
]

_DATA: Final = files("bot.coaching") / "data"


def entries(name: str, *, strip: bool = True) -> Iterator[str]:
    """The entries of one data file, in file order, without comments and blank lines.

    With `strip=False` spaces at the ends are kept (a typo fix may replace "w/" by "with ").
    """
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        entry = line.strip() if strip else line
        if entry.strip() and not entry.startswith("#"):
            yield entry


def words(name: str) -> frozenset[str]:
    """A data file as a set of words (or multi-word entries kept as written)."""
    return frozenset(entries(name))


def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """A data file of phrases, each split into its words ("reach out to")."""
    return tuple(tuple(entry.split()) for entry in entries(name))


# Verbs that direct a request at a person, and those that need a particle ("reach out to").
REQUEST_VERBS: Final = words("request_verbs.txt")
REQUEST_PHRASES: Final = phrases("request_phrases.txt")
# Verbs of asking in other languages that follow the person ("Herr Schneider fragen, ob …").
REQUEST_VERBS_AFTER: Final = words("request_verbs_after.txt")
# Talking is an ask only when it is about the job search or aimed at one named person.
TALK_PHRASES: Final = phrases("talk_phrases.txt")
# Social meetings name a person but are not asks by themselves (coffee with no request).
SOCIAL_PHRASES: Final = phrases("social_phrases.txt")
NAME_FOLLOWERS: Final = words("name_followers.txt")
# Given names that are everyday words too ("hope", "skip"): alone in lowercase, not a person.
NAME_WORDS: Final = words("name_words.txt")
TITLES: Final = words("titles.txt")
# Forms of address before a name ("Herr", "ate", "Engr.") and after one ("sir", "bhai", "unni").
ADDRESS_BEFORE: Final = words("address_before.txt")
ADDRESS_AFTER: Final = words("address_after.txt")
# Family names written before the given name ("wang lei").
SURNAMES_FIRST: Final = words("surnames_first.txt")
UNIQUE_KIN: Final = words("unique_kin.txt")
RELATION_NOUNS: Final = words("relation_nouns.txt") | UNIQUE_KIN
UNIQUE_ROLES: Final = words("unique_roles.txt")
RELATION_MODIFIERS: Final = words("relation_modifiers.txt")
GENERIC_PEOPLE: Final = words("generic_people.txt")
QUANTIFIERS: Final = words("quantifiers.txt")
NOT_NAMES: Final = words("not_names.txt")
COMMON_WORDS: Final = words("common_words.txt") | GENERIC_PEOPLE | QUANTIFIERS
# Company names are cased as written; matching lowercases them where it must.
COMPANIES: Final = tuple(entries("companies.txt"))
DOCUMENTS: Final = tuple(entries("documents.txt"))
CORE_DOCUMENTS: Final = tuple(entries("core_documents.txt"))
INFO_NOUNS: Final = words("info_nouns.txt")
ROLE_NOUNS: Final = words("role_nouns.txt")
# Workers asked about at a named workplace ("a night auditor", "tour guides", "sparkies").
WORKER_ROLES: Final = words("worker_roles.txt")
# Places and units with one post of each kind ("the lab manager", "the course director").
UNIT_NOUNS: Final = words("unit_nouns.txt")
# Everyday favours of friends and family, and the words that put a message in the job search.
EVERYDAY_FAVOURS: Final = phrases("everyday_favours.txt")
JOB_WORDS: Final = words("job_words.txt")
WHICH_NOUNS: Final = words("which_nouns.txt")
VAGUE_QUESTION_WORDS: Final = words("vague_question_words.txt")
ROLE_HEADS: Final = words("role_heads.txt")
TYPO_FIXES: Final[tuple[tuple[str, str], ...]] = tuple(
    (pattern, repl)
    for pattern, repl in (entry.split("\t", 1) for entry in entries("typo_fixes.tsv", strip=False))
)
# Verbs only a person does for the member: "ask Mbali to review …" names a person.
PERSONAL_VERBS: Final = words("personal_verbs.txt")
# Words read through one slip of the keyboard, and the slips that are words of their own.
FUZZY_WORDS: Final = tuple(entries("fuzzy_words.txt"))
FUZZY_EXCEPTIONS: Final = words("fuzzy_exceptions.txt")
# The strongest cue that a capitalised word after "ask" is a person, not a company.
GIVEN_NAMES: Final = words("given_names.txt")
# What a named person may be asked for without a favour noun, and what keeps such a request vague.
REQUEST_OBJECTS: Final = words("request_objects.txt")
VAGUE_WANTS: Final = words("vague_wants.txt")
