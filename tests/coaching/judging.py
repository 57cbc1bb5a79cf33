"""What the assessor judged of an ask, checked part by part: shared by the tables of asks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.coaching import Verdict, assess_ask

SPECIFIC, VAGUE, PASSIVE = Verdict.SPECIFIC, Verdict.VAGUE, Verdict.PASSIVE


class _Unchecked:
    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Unchecked()  # a part of the judgement that is not checked


class Exact(str):
    """What is asked, to the letter."""


class Part(str):
    """A piece of what is asked, anywhere in it."""


def assert_judged(
    text: str, verdict: Verdict, who: Any = ANY, what: Any = ANY, missing: Any = ANY
) -> None:
    """The ask gets `verdict`; the person said back is `who`; what is asked starts with `what`
    (holds it where it is a `Part`, is it to the letter where it is `Exact` or None); the
    parts missing are `missing`. `ANY`: not checked."""
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    if who is not ANY:
        assert result.who == who, result.who
    if what is None or isinstance(what, Exact):
        assert result.what == what, result.what
    elif isinstance(what, Part):
        assert result.what is not None and what in result.what, result.what
    elif what is not ANY:
        assert result.what is not None and result.what.startswith(what), result.what
    if missing is not ANY:
        assert result.missing == missing, result.missing


def load_kinds(path: Path) -> list[tuple[str, str, Verdict, Any, Any, Any]]:
    """The rows of a table of asks by kind (its head says how it is written), each as
    (kind, text, verdict, who, what, missing) for `assert_judged`."""
    rows: list[tuple[str, str, Verdict, Any, Any, Any]] = []
    kind = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            kind = line[3:]
        elif line and not line.startswith("#"):
            verdict, who, what, missing, text = line.split("\t")
            person: Any = ANY if who == "*" else None if who == "-" else who
            asked: Any = (
                ANY if what == "*" else Exact(what[1:]) if what.startswith("=") else Part(what)
            )
            parts: Any = ANY if missing == "*" else tuple(missing.split(","))
            rows.append((kind, text, Verdict(verdict), person, asked, parts))
    return rows
