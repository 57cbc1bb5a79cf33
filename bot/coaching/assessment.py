"""Is a planned ask specific (a named person and a concrete favour), vague, or passive?

The rule is ../shared/data/ASK-LABELS.md. This first assessor is deliberately simple; it keeps
the public shape (`assess_ask` -> `Assessment`) that the coaching conversation relies on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    SPECIFIC = "specific"
    VAGUE = "vague"
    PASSIVE = "passive"


class RequestKind(StrEnum):
    INTRODUCTION = "introduction"
    REFERRAL = "referral"
    REFERENCE = "reference"
    REVIEW = "review"
    ADVICE = "advice"
    INFORMATION = "information"
    OTHER = "other"


@dataclass(frozen=True)
class Assessment:
    """The verdict on one planned ask, with what was found and what is missing."""

    text: str
    verdict: Verdict
    missing: tuple[str, ...] = ()
    who: str | None = None
    kind: RequestKind | None = None
    company: str | None = None
    role: str | None = None
    deadline: str | None = None
    reasons: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view (used by `askcoach assess --json` and exports)."""
        return {
            "text": self.text,
            "verdict": self.verdict.value,
            "missing": list(self.missing),
            "who": self.who,
            "kind": self.kind.value if self.kind else None,
            "company": self.company,
            "role": self.role,
            "deadline": self.deadline,
            "reasons": list(self.reasons),
        }


_KINDS: list[tuple[RequestKind, re.Pattern[str]]] = [
    (RequestKind.INTRODUCTION, re.compile(r"\bintro(duce|duction)?\b|\bconnect me\b")),
    (RequestKind.REFERRAL, re.compile(r"\brefer(ral)?\b|\bpass my resume\b")),
    (RequestKind.REFERENCE, re.compile(r"\breference\b|\brecommendation letter\b")),
    (RequestKind.REVIEW, re.compile(r"\breview\b|\blook over\b|\bfeedback on\b")),
]
_PASSIVE = re.compile(
    r"\b(go to|attend|mingle|catch up|update my|apply|scroll|research|read|watch|networking)\b"
)
_NAME = re.compile(r"<@[A-Z0-9]+>|\b(?i:ask|email|call|text|ping|dm)\s+([A-Z][a-z]+)")
_STOP = {"For", "Around", "Some", "Friends", "People", "My"}


def assess_ask(text: str) -> Assessment:
    """Assess one planned ask: a named person and a concrete favour make it specific."""
    lowered = text.lower()
    kind = next((k for k, pattern in _KINDS if pattern.search(lowered)), None)
    match = _NAME.search(text)
    who = None
    if match:
        who = match.group(1) or match.group(0)
        if who in _STOP:
            who = None
    if kind is None and who is None and _PASSIVE.search(lowered):
        return Assessment(text, Verdict.PASSIVE, ("who", "what"), reasons=("no ask",))
    missing = tuple(part for part, found in (("who", who), ("what", kind)) if not found)
    verdict = Verdict.VAGUE if missing else Verdict.SPECIFIC
    return Assessment(text, verdict, missing, who=who, kind=kind)
