"""One inbound event (or due check-in) being handled: who, when, and the replies so far."""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.conversation.states import State
from bot.domain import Ask, Community, Member
from bot.messages import Choice, OutboundMessage
from bot.ports import ChartRenderer, UnitOfWork


@dataclass(frozen=True)
class CoachSettings:
    """How the coach behaves where a community hasn't said otherwise."""

    default_timezone: str = "UTC"
    max_clarifying_questions: int = 2
    public_url: str | None = None  # ASKCOACH_PUBLIC_URL: where dashboard sign-in links point


LAST_REPLY = "last_reply"  # the member's memory key: a digest of the coach's last reply
REPEATS = "repeats"  # the member's memory key: how many times in a row that reply came again


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@dataclass
class Turn:
    """One inbound event being handled: the member, the clock, and the replies so far."""

    uow: UnitOfWork
    community: Community
    member: Member
    now: datetime
    key: str
    settings: CoachSettings = field(default_factory=CoachSettings)
    charts: ChartRenderer | None = None
    replies: list[OutboundMessage] = field(default_factory=list)
    refused: bool = False  # the message was bad input: explained, and nothing changes
    enrolment_changed: bool = False  # an organizer changed who is enrolled (`admin enroll`)

    def __post_init__(self) -> None:
        self.memory_before = copy.deepcopy(self.member.memory)
        self.state_before = self.member.state
        self.state_data_before = copy.deepcopy(self.member.state_data)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.member.timezone)

    @property
    def today(self) -> date:
        """The member's local date."""
        return self.now.astimezone(self.zone).date()

    def own_ask(self, ask_id: object) -> Ask | None:
        """The member's own ask with this id (ids from state or memory are checked)."""
        if not isinstance(ask_id, int):
            return None
        ask = self.uow.asks.get(ask_id)
        return ask if ask is not None and ask.member_id == self.member.id else None

    def say(self, text: str, *choices: Choice) -> None:
        """Queue a DM to the member."""
        self.replies.append(self._message(self.member, text, choices))

    def refuse(self, text: str) -> None:
        """Explain why a message can't be taken; the turn then changes nothing."""
        self.refused = True
        self.say(text)

    def say_one_of(self, texts: Sequence[str], *choices: Choice, prefix: str = "") -> None:
        """Queue the first of `texts` that isn't the reply the member got last time (the coach
        never sends the same reply twice in a row), after `prefix`; a text counts as said with
        or without the prefix."""
        last = self.member.memory.get(LAST_REPLY)
        fresh = [t for t in texts if last not in (_digest(t), _digest(prefix + t))] or list(texts)
        self.say(prefix + fresh[0], *choices)

    def tell(self, member: Member, text: str, *choices: Choice) -> None:
        """Queue a DM to another member of the same community (help matching)."""
        self.replies.append(self._message(member, text, choices))

    def _message(self, member: Member, text: str, choices: Sequence[Choice]) -> OutboundMessage:
        assert self.community.id is not None
        return OutboundMessage(
            text=text,
            community_id=self.community.id,
            member_id=member.id,
            recipient=member.external_id,
            platform=self.community.platform,
            choices=tuple(choices),
            key=f"{self.key}:{len(self.replies)}",
        )

    def post(
        self, channel: str, text: str, attachment: bytes | None = None, name: str | None = None
    ) -> None:
        """Queue a post to a community channel."""
        assert self.community.id is not None
        self.replies.append(
            OutboundMessage(
                text=text,
                community_id=self.community.id,
                channel=channel,
                platform=self.community.platform,
                key=f"{self.key}:{len(self.replies)}",
                attachment=attachment,
                attachment_name=name,
            )
        )

    def remember_last_reply(self, reword: bool = True) -> None:
        """Note the last DM this turn sent the member, so the next turn can avoid repeating it;
        with `reword` (an answer to the member, not a scheduled question), a first reply that
        repeats the previous one word for word is reworded here."""
        mine = [r for r in self.replies if r.member_id == self.member.id and r.channel is None]
        if not mine:
            return
        previous = self.member.memory.get(LAST_REPLY)
        first = mine[0]
        last = _digest(mine[-1].text)  # the reply as first written, never its rewording
        if reword and previous is not None and _digest(first.text) == previous:
            repeats = int(self.member.memory.get(REPEATS, 0)) + 1
            self.member.memory[REPEATS] = repeats
            index = self.replies.index(first)
            self.replies[index] = _reworded(first, repeats)
            mine[0] = self.replies[index]
        else:
            self.member.memory.pop(REPEATS, None)
        self.member.memory[LAST_REPLY] = last

    def still_pending(self) -> str:
        """One short line back to the question still pending, if any."""
        state = self.member.state
        if state == State.AWAITING_ASK:
            return " When you're ready: who will you ask today, and for what?"
        if state == State.CLARIFYING:
            return " Back to your plan: who will you ask, and for what?"
        if state == State.AWAITING_MADE:
            return " And did you make your ask yet?"
        if state == State.AWAITING_OUTCOME:
            return " And what happened with your ask?"
        if state == State.AWAITING_FOLLOW_UP:
            return " Heard back yet?"
        return ""


# The same reply a third time and after, in turns: never a wall of the same words twice in a row.
_AGAIN = (
    "That's the same answer as just above — tell me which part is unclear and I'll put it "
    "another way.",
    "Still the same answer, I'm afraid. Tell me what you're trying to do in your own words, or "
    "say `help` for everything I can do.",
)


def _reworded(message: OutboundMessage, repeats: int = 1) -> OutboundMessage:
    """The same reply again: said so once ("Same as before: …"); a third time, no wall of the
    same words but an offer to put it another way."""
    if repeats > 1:
        return replace(message, text=_AGAIN[repeats % 2])
    text = message.text
    keep = re.match(r"I\b|[A-Z]{2}", text)  # "I'm a bot…", "OK…" keep their capitals
    # (a neutral lead, never an impatient "As I said")
    return replace(
        message, text="Same as before: " + (text if keep else text[:1].lower() + text[1:])
    )
