"""The phrases the understanding step looks for live in bot/conversation/data/phrases.txt: a
file someone who knows how members talk can extend without touching code. These tests hold the
file and the code to each other, and show what a mistake in the file looks like."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.conversation import phrases
from bot.conversation.phrases import PhrasesError, read_patterns

ROOT = Path(__file__).resolve().parents[2]
PHRASES_FILE = ROOT / "bot" / "conversation" / "data" / "phrases.txt"


def names_the_code_uses() -> set[str]:
    """Every name taken from bot.conversation.phrases in bot/: imported by name, or read as an
    attribute of the module under the name it was imported as."""
    used: set[str] = set()
    for source in (ROOT / "bot").rglob("*.py"):
        tree = ast.parse(source.read_text("utf-8"))
        aliases = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "bot.conversation.phrases":
                used |= {alias.name for alias in node.names}
            if isinstance(node, ast.ImportFrom) and node.module == "bot.conversation":
                aliases |= {a.asname or a.name for a in node.names if a.name == "phrases"}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
            ):
                used.add(node.attr)
    return used


def entries_in_the_file() -> set[str]:
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)\b", PHRASES_FILE.read_text("utf-8"), re.M))


def test_every_name_the_code_uses_is_a_phrase_or_a_word_set() -> None:
    missing = [name for name in names_the_code_uses() if not hasattr(phrases, name)]
    assert missing == []


def test_every_phrase_in_the_file_is_used_by_the_code() -> None:
    unused = entries_in_the_file() - names_the_code_uses()
    assert unused == set()


def test_the_file_is_read_into_patterns_by_name() -> None:
    assert phrases.FORGET.search("please delete all my data")
    assert phrases.REVIEW_OFF.search("no more weekly summaries pls")
    assert phrases.HEDGES.match("OK maybe ")  # an "ignorecase" entry
    with pytest.raises(AttributeError):
        _ = phrases.NOT_A_PHRASE


def test_pieces_and_spaces_at_the_ends_of_lines() -> None:
    patterns = read_patterns(
        "# a piece and a pattern that uses it\n"
        "_DAY\n    (?:mon|tues)day\n\n"
        "SKIP ignorecase\n    skip\n    [ ]{_DAY}\n"
    )
    assert patterns["SKIP"].pattern == "skip[ ](?:mon|tues)day"
    assert patterns["SKIP"].fullmatch("Skip Monday")
    assert "_DAY" not in patterns


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("SKIP\n    skip \n", "line 2: a pattern line starts or ends with a space"),
        ("    skip\n", "line 1: a pattern line with no name above it"),
        ("skip\n    skip\n", "line 1: 'skip' is not a new NAME in capitals"),
        ("SKIP\n    a\nSKIP\n    b\n", "line 3: 'SKIP' is not a new NAME in capitals"),
        ("SKIP loudly\n    skip\n", "line 1: unknown flag 'loudly'"),
        ("SKIP\n    skip(\n", "line 1: SKIP is not a valid pattern"),
        ("SKIP\n    skip {_DAY}\n", "line 1: _DAY has no pattern"),
        ("SKIP\n", "line 1: SKIP has no pattern"),
    ],
)
def test_a_mistake_in_the_file_says_where_it_is(text: str, complaint: str) -> None:
    with pytest.raises(PhrasesError, match=re.escape(complaint)):
        read_patterns(text)
