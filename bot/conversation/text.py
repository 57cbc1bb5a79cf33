"""Checking text from outside before the core looks at it."""

from __future__ import annotations

import re

from bot.domain import Member
from bot.schedule import format_days
from bot.text import MAX_MESSAGE_CHARS, TextProblem, clean_message

__all__ = [
    "MAX_MESSAGE_CHARS",
    "TextProblem",
    "called",
    "check_ins",
    "clean_message",
    "hello_to",
    "short",
    "yours",
]


def check_ins(member: Member, zone: bool = True) -> str:
    """When the member's morning questions come: "mon-fri at 09:00 (America/Chicago)"."""
    when = f"{format_days(member.days)} at {member.checkin_time:%H:%M}"
    return f"{when} ({member.timezone})" if zone else when


def short(text: str, limit: int = 80) -> str:
    """Trim text for reflecting it back in a one-line reply (without a leading "also", "and"
    or "ok so": "also ask Lu to review my resume" is quoted as "ask Lu to review my resume")."""
    text = _LEADING_FILLER.sub("", " ".join(text.split())) or " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # at a word's end where there is one ("… haan bol diya", not "… haan bo…")
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut).rstrip(" ,.;:") + "…"


_LEADING_FILLER = re.compile(
    r"^(?:(?:also|and|plus|oh and|ok so|okay so|so)[,:]?\s+)+", re.IGNORECASE
)


def yours(who: object) -> str:
    """The person as the coach says it to the member: "my neighbour" -> "your neighbour". (The
    ask keeps the member's words: the digest and the organizer's tables show those.)"""
    return re.sub(r"^my\b", "your", str(who), flags=re.IGNORECASE)


def called(who: str | None) -> str | None:
    """What the member calls the person in a message to them: the first name ("Jen Park" ->
    "Jen"), a title with the name ("Dr. Kim"), or None for a relation ("my old manager")."""
    name = (who or "").strip()
    if not name or re.match(r"(?i)(my|your|our|the|a|an|his|her|their)\b", name):
        return None
    first = name.split()[0]
    if first.rstrip(".").lower() in _TITLES and " " in name:
        return short(name, 30)
    return first


def hello_to(who: str | None) -> str:
    """ "Hi Jen," for the line the member sends them ("Hi Dr. Kim,"), or just "Hi," for a
    relation ("my old manager")."""
    name = called(who)
    return f"Hi {name}," if name else "Hi,"


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "professor", "coach", "aunt", "uncle"})
