"""`re.compile` for the assessor's large word-start patterns, made faster to scan, same matches.

A pattern such as `\\b(?:ask|email|…)` has no fixed first character, so CPython's regex engine
tries it at every position of the message and, at each word boundary, enters its alternatives
one after another, at the end of a word as at its start (an alternative under `(?i:…)` is always
entered: the engine's quick first-letter check only applies to a plain letter). The functions
here leave the pattern's source as written and compile an equivalent one, derived at import:

- `compile_gated`: one lookahead after the `\\b` for the characters a match can start with, so
  a boundary before a space, a comma or a letter no alternative starts with is given up at once;
- `compile_sorted` (for a pattern with no capturing group, whose numbers must stay): the
  alternatives sorted by the character a match can start with, `\\b(?:(?=[aA])(?:the
  alternatives that can start with a or A)|(?=[bB])(?:…)|…)`. Only the alternatives that can
  start with the character at a boundary are tried, in the source's order, so the first one that
  matches is the same one as before. It pays for patterns of many `(?i:…)` alternatives.

Which characters an alternative can start with is read from the parsed pattern, over ASCII,
asking the regex engine which ASCII characters each first element matches (so its case folding
and classes are the ones applied). At a non-ASCII character every alternative is tried as
before, and an alternative whose start cannot be read simply (a match that may be empty) is
tried at every character. A pattern of another form is compiled as written.
tests/coaching/test_first_chars.py compares every pattern made here with its source compiled as
written, match for match and group for group, on every labelled ask.
"""

from __future__ import annotations

import re
import warnings
from itertools import pairwise
from typing import Any

try:
    with warnings.catch_warnings():  # re's parser and compiler, under their deprecated names
        warnings.simplefilter("ignore", DeprecationWarning)  # (which have type hints)
        import sre_compile
        import sre_constants as _op
        import sre_parse
except ImportError:  # a Python without them: every pattern is compiled as written
    _READABLE = False
else:
    _READABLE = True

__all__ = ["BUILT", "alternatives", "compile_gated", "compile_sorted"]

# (source as written, flags, the pattern compiled here): for tests/coaching/test_first_chars.py.
BUILT: list[tuple[str, int, re.Pattern[str]]] = []

_ASCII = [chr(code) for code in range(128)]
_NON_ASCII = r"[^\x00-\x7f]"


def compile_gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, the same matches and groups; when `pattern` is
    `\\b(?:A|B|…)…` or `\\bA|\\bB|…`, with one lookahead after the `\\b` for the characters
    a match can start with."""
    return _compile(pattern, flags, sort=False)


def compile_sorted(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, the same matches; when `pattern` is `\\b(?:A|B|…)…` or
    `\\bA|\\bB|…` with no capturing group, with its alternatives sorted by the characters a
    match can start with (else as `compile_gated`)."""
    return _compile(pattern, flags, sort=True)


def _compile(pattern: str, flags: int, *, sort: bool) -> re.Pattern[str]:
    compiled = re.compile(pattern, flags)
    parts = _word_start_alternation(pattern) if _READABLE else None
    if parts is None:
        return compiled
    body, suffix = parts
    branches = alternatives(body)
    starts = [_first_chars(branch, flags) for branch in branches]
    if sort and not compiled.groups:
        source = rf"\b(?:{_grouped(branches, starts)}){suffix}"
    else:
        known = [chars for chars in starts if chars is not None]
        if len(known) < len(starts):
            return compiled  # (an alternative may start with any character)
        gate = _char_class(set().union(*known))
        source = rf"\b(?=[{gate}]|{_NON_ASCII})(?:{body}){suffix}"
    faster = re.compile(source, flags)
    BUILT.append((pattern, flags, faster))
    return faster


def _grouped(branches: list[str], starts: list[set[str] | None]) -> str:
    """The alternatives grouped by the ASCII character a match starts with, in source order
    within each group; every one of them at a non-ASCII character."""
    by_members: dict[tuple[int, ...], set[str]] = {}
    for char in _ASCII:
        members = tuple(i for i, chars in enumerate(starts) if chars is None or char in chars)
        if members:
            by_members.setdefault(members, set()).add(char)
    groups = [
        f"(?=[{_char_class(chars)}])(?:{'|'.join(branches[i] for i in members)})"
        for members, chars in sorted(by_members.items(), key=lambda item: min(item[1]))
    ]
    groups.append(f"(?={_NON_ASCII})(?:{'|'.join(branches)})")
    unread = [branches[i] for i, chars in enumerate(starts) if chars is None]
    if unread:  # (one of them may match the empty string at the end of the text)
        groups.append(rf"\Z(?:{'|'.join(unread)})")
    return "|".join(groups)


def _char_class(chars: set[str]) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars) if c.isprintable()) + (
        "".join(f"\\x{ord(c):02x}" for c in sorted(chars) if not c.isprintable())
    )


def _word_start_alternation(pattern: str) -> tuple[str, str] | None:
    """(the alternatives, what follows them) of `\\b(?:A|B|…)…` or `\\bA|\\bB|…`, else None."""
    branches = alternatives(pattern)
    if len(branches) > 1:
        if all(branch.startswith(r"\b") for branch in branches):
            return "|".join(branch[2:] for branch in branches), ""
        return None
    if not pattern.startswith(r"\b(?:"):
        return None
    end = _group_end(pattern, 2)
    return pattern[5:end], pattern[end + 1 :]


def _scan(source: str) -> list[tuple[int, str]]:
    """(position, character) of every character of a regex source outside escapes and
    character classes."""
    out = []
    i, in_class = 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1
            if source.startswith("^", i):
                i += 1
            if source.startswith("]", i):  # a "]" first in a class is a member
                i += 1
            continue
        else:
            out.append((i, char))
        i += 1
    return out


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a regex source."""
    cuts, depth = [-1], 0
    for i, char in _scan(source):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            cuts.append(i)
    cuts.append(len(source))
    return [source[a + 1 : b] for a, b in pairwise(cuts)]


def _group_end(source: str, start: int) -> int:
    """Where the group opened at `start` closes."""
    depth = 0
    for i, char in _scan(source):
        if i < start:
            continue
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return i
    raise ValueError(source)


def _first_chars(alternative: str, flags: int) -> set[str] | None:
    """The ASCII characters a match of `alternative` can start with; None when that is not read
    simply (a match that may be empty, a group referred back to)."""
    chars, may_be_empty = _sequence(sre_parse.parse(alternative, flags).data, flags)
    return None if chars is None or may_be_empty else chars


# The elements that match one character: a letter, a class, `.`.
_ONE_CHAR = (_op.LITERAL, _op.NOT_LITERAL, _op.IN, _op.ANY)


def _sequence(items: Any, flags: int) -> tuple[set[str] | None, bool]:
    """(first characters or None, whether the sequence may match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
            continue  # zero-width: the first character comes after it
        if op in _ONE_CHAR:
            return out | _ascii_matching(op, av, flags), False
        if op is _op.SUBPATTERN:
            _, add_flags, del_flags, inner = av
            chars, may_be_empty = _sequence(inner.data, (flags | add_flags) & ~del_flags)
        elif op is _op.BRANCH:
            chars, may_be_empty = set(), False
            for branch in av[1]:
                branch_chars, branch_empty = _sequence(branch.data, flags)
                if branch_chars is None:
                    return None, False
                chars |= branch_chars
                may_be_empty |= branch_empty
        elif op in (_op.MAX_REPEAT, _op.MIN_REPEAT):
            least, _, inner = av
            chars, may_be_empty = _sequence(inner.data, flags)
            may_be_empty = may_be_empty or least == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not may_be_empty:
            return out, False
    return out, True


_MATCHING: dict[tuple[object, str, int], set[str]] = {}


def _ascii_matching(op: object, av: object, flags: int) -> set[str]:
    """The ASCII characters one element matches (a letter, a class, `.`), asked of the regex
    engine itself, so that its case folding and classes are the ones applied."""
    key = (op, repr(av), flags)
    if key not in _MATCHING:
        element = sre_parse.SubPattern(sre_parse.State(), [(op, av)])  # type: ignore[list-item]
        one = sre_compile.compile(element, flags)
        _MATCHING[key] = {char for char in _ASCII if one.fullmatch(char)}
    return _MATCHING[key]
