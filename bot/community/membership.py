"""Which community a direct message belongs to, on a platform where DMs have no community
(Discord: a DM is between a person and the bot, and the bot may be in many servers).

A DM goes only to a community the member actually shares with the bot, so members of
different servers never meet in one community (matching, digests, reports, exports). The
platform supplies the facts; this decides:

1. the community the member chose (or last used), while they still share it;
2. else the first community the coach already has them in (oldest enrolment first) that they
   still share: their check-ins, buttons and words keep meeting the same member;
3. else the only community they share;
4. else, when they share several: ask which one (`Home.choices`);
5. else, when they share none the platform can see but the coach knows them somewhere: that
   community, so their own data stays theirs to see, export or `forget`;
6. else nowhere: the coach has no community to put them in (`no_community_reply`).

When the platform could not say what they share (an error), what the coach already knows
counts as shared. A member who asks to pick another community (`asks_to_switch`: `server`) is
asked among every community they share with the bot when there are two or more (`switching`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

# What a member says in a DM to pick another of their communities.
CHOOSE_WORDS = frozenset({"server", "servers", "switch server", "change server", "community"})


@dataclass(frozen=True)
class Home:
    """The decision: `community` (an external id), or the `choices` to ask the member to pick
    from, or neither (nowhere to put them)."""

    community: str | None = None
    choices: tuple[str, ...] = ()


def community_for_direct_message(
    shared: Collection[str] | None,
    enrolled: Sequence[str],
    chosen: str | None = None,
) -> Home:
    """Where a member's DM goes (rules in the module docstring). `shared`: the communities the
    member shares with the bot, in the platform's order (None: unknown); `enrolled`: the
    communities the coach has them in, oldest first; `chosen`: the one they picked or last
    used."""
    candidates: Sequence[str] = (
        [c for c in enrolled] if shared is None else list(dict.fromkeys(shared))
    )
    if chosen is not None and chosen in candidates:
        return Home(community=chosen)
    for community in enrolled:
        if community in candidates:
            return Home(community=community)
    if len(candidates) == 1:
        return Home(community=candidates[0])
    if candidates:
        return Home(choices=tuple(candidates))
    if enrolled:
        return Home(community=enrolled[0])
    return Home()


def asks_to_switch(text: str) -> bool:
    """Whether a DM asks to pick another of the member's communities (`server`, `switch
    server`, …)."""
    return text.lower().strip(" .!?") in CHOOSE_WORDS


def switching(home: Home, shared: Sequence[str]) -> Home:
    """Where a DM that `asks_to_switch` goes: the choice among every community the member
    shares with the bot (`shared`, the platform's order) when there are two or more; else
    `home`, where their DMs go already."""
    if home.choices or len(shared) < 2:
        return home
    return Home(choices=tuple(shared))


def which_community_question(names: Sequence[str]) -> str:
    """Asking a member in several communities which one their message is for."""
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    return (
        f"You're in {listed}, and I coach each group separately. "
        "Which one is this for? (Say `server` any time to switch.)"
    )


def no_community_reply(where: str) -> str:
    """A DM from someone who shares no community with the coach."""
    return (
        f"Hi! I coach the members of the {where} I'm in, and I can't see you in any of them. "
        "Join one of them, then write to me here again."
    )
