"""After the ask: did you make it, what happened, heard back — by button or in words — and
the hire that closes the loop.

What happens when a member answers the afternoon check-in ("Did you make your ask of Jen?"),
by pressing a button or typing "yep did it!", is `made`; "she said yes 😊" is `outcome`; the
follow-up's "Heard back?" is `follow_up`. An answer typed when no question is pending applies to
the member's most recent open ask, and the reply says which.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from bot.checkins.planning import (
    NO_AFTERNOON,
    cancel_all,
    plan_afternoon,
    plan_follow_up,
    plan_made_question,
)
from bot.conversation.intents import (
    Context,
    Intent,
    Reading,
    asked_instead,
    corrected_person,
    made_person,
    outcome_person,
    read,
)
from bot.conversation.outcomes import (
    ANSWERED,
    ask_what_happened,
    back_on,
    choice,
    follow_up_choices,
    outcome,
    says_away,
)
from bot.conversation.phrases import (
    CORRECTION,
    DIDNT_ASK,
    NERVES,
    REDIRECT,
    UNDO_DROP,
    WRONG_TO_ASK,
)
from bot.conversation.planning import (
    judge,
    last_plan,
    made_untold,
    record,
    replace_once,
    skip_today,
)
from bot.conversation.states import State
from bot.conversation.text import hello_to, short, yours
from bot.conversation.turn import Turn
from bot.domain import Ask, AskStatus, CheckInKind, Outcome
from bot.messages import Choice

MADE_CHOICES = ("made", "not_yet", "skip")
OUTCOME_CHOICES = ("yes", "waiting", "no")
FOLLOW_UP_CHOICES = ("heard", "nudge", "drop")
HIRE_CHOICES = ("share_hire", "keep_hire")
DROPPED = "dropped"  # state_data: the ask just dropped, which "wait no, keep it" brings back
# "Not yet, tomorrow" asks again on the next working day; "next week" a week on.
NOT_YET_DAYS = {"tomorrow": 1, "later": 0, "next_week": 5, None: 1}


def made_question(ask: Ask) -> tuple[str, tuple[Choice, ...]]:
    """The afternoon question and its buttons."""
    return (
        f"Did you make your ask of {yours(ask.who or 'them')}?",
        (
            choice(ask.id, "made", "Made it"),
            choice(ask.id, "not_yet", "Not yet"),
            choice(ask.id, "skip", "Skip"),
        ),
    )


def pressed(turn: Turn, ask_id: int, action: str) -> None:
    """A press on one of an ask's buttons."""
    if action in HIRE_CHOICES:
        turn.member.state = _hire_sharing(turn, action)
        return
    ask = turn.own_ask(ask_id)
    if ask is None:
        turn.refuse("That button belongs to an ask I no longer have. Say `stats` to see yours.")
        return
    if action in MADE_CHOICES:
        turn.member.state = made(turn, ask, action)
    elif action in OUTCOME_CHOICES:
        turn.member.state = outcome(turn, ask, Outcome(action))
    elif action in FOLLOW_UP_CHOICES:
        turn.member.state = follow_up(turn, ask, action)
    else:
        turn.refuse("I don't know that button. Say `help` to see what I can do.")


def current_ask(turn: Turn) -> Ask | None:
    """The ask the pending question is about."""
    return turn.own_ask(turn.member.state_data.get("ask_id"))


def latest_open_ask(turn: Turn, made_only: bool = False, of: str | None = None) -> Ask | None:
    """The member's most recent specific ask still waiting for an answer (of the person)."""
    assert turn.member.id is not None
    for ask in reversed(turn.uow.asks.for_member(turn.member.id)):
        if ask.verdict != "specific" or not ask.awaiting_answer:
            continue
        if made_only and ask.status != AskStatus.MADE:
            continue
        if of is not None and not _is_of(ask, of):
            continue
        return ask
    return None


def _the_ask(turn: Turn, made_only: bool = False, text: str = "") -> tuple[Ask | None, bool]:
    """The ask a typed answer is about, and whether it was pending (else: say which). An
    answer that opens with the person of another open ask is about that one ("Jen said yes"
    while the question is about Lu)."""
    pending = current_ask(turn)
    person = (outcome_person(text) or made_person(text) or _one_named(turn, text)) if text else None
    if person is not None and not (pending is not None and _is_of(pending, person)):
        named = latest_open_ask(turn, made_only, of=person)
        if named is not None:
            return named, False
    if pending is not None:
        return pending, True
    return latest_open_ask(turn, made_only), False


def _one_named(turn: Turn, text: str) -> str | None:
    """The person of the one open ask a message names anywhere ("did both, Maya said yes")."""
    low = text.lower()
    # a short report may name them anywhere: "did carla's one", "only leo's"
    as_subject = len(low.split()) > 5
    named = [
        ask.who
        for ask in _answerable(turn)
        if ask.who and _named_at(low, ask.who, as_subject=as_subject) is not None
    ]
    return named[0] if len(named) == 1 else None


def _answerable(turn: Turn) -> list[Ask]:
    """The specific asks news may still be about (made or not, no yes or no yet, within
    `ANSWERS_REACH`), newest first, the newest one of each person."""
    assert turn.member.id is not None
    asks: list[Ask] = []
    for ask in reversed(turn.uow.asks.for_member(turn.member.id, since=turn.now - ANSWERS_REACH)):
        if (
            ask.verdict == "specific"
            and ask.who
            and ask.status not in (AskStatus.SKIPPED, AskStatus.DROPPED)
            and ask.outcome not in (Outcome.YES, Outcome.NO)
            and all(a.who != ask.who for a in asks)  # the newest ask of a person answers
        ):
            asks.append(ask)
    return asks


def _is_of(ask: Ask, person: str) -> bool:
    """Whether the ask is of the person ("Jen" names the ask of Jen Park)."""
    who = (ask.who or "").lower()
    return person.lower() in (who, who.split(" ", 1)[0])


def _which(ask: Ask) -> str:
    return f"(That's for your ask of {yours(ask.who)}.) " if ask.who else ""


def _someone_else(turn: Turn, ask: Ask | None, pending: bool, text: str) -> bool:
    """Whether a typed answer is about an ask the coach never heard of: there is none open,
    or the text names someone other than the open ask's person ("asked carla yesterday!")."""
    if ask is None:
        return True
    if not ask.who:
        return False
    if pending:
        # "Jen said yes!" to "Did you make your ask of Carla?": news of someone else
        subject = outcome_person(text)
        return (
            subject is not None
            and not _is_of(ask, subject)
            and subject.lower()
            not in (
                "she",
                "he",
                "they",
            )
        )
    if REDIRECT.search(text.lower()) is not None:
        # "Tunde talk say make I contact Mrs Okafor": news of Tunde's ask, Mrs Okafor the lead
        subject = outcome_person(text)
        return subject is not None and not _is_of(ask, subject)
    named = judge(turn, text).who or outcome_person(text)
    return named is not None and named.lower() != ask.who.lower()


def _asked_instead(turn: Turn, ask: Ask, text: str, result: Outcome | None) -> State | None:
    """ "Ben's travelling, asked his colleague Sofia instead and she said yes": a new ask of
    Sofia for the same favour, made (with how it went); Ben's, never asked, is let go. None
    when the message names no one asked in the other's place."""
    other = asked_instead(text)
    if other is None or not ask.who or other.lower() in ask.who.lower():
        return None
    what = judge(turn, ask.text).what
    if ask.outcome is None:  # never asked ("Made it" pressed for it too): replaced
        ask.status = AskStatus.DROPPED
        ask.updated_at = turn.now
        turn.uow.asks.save(ask)
    if not what:
        return made_untold(turn, text, result)
    turn.member.state_data = {"made": True, "result": result.value if result else None}
    return record(turn, judge(turn, f"Ask {other} for {what}"))


def _put_name_right(ask: Ask, text: str) -> None:
    """ "…it was Jenny not Jen": the person's name corrected in an answer about the ask."""
    if not CORRECTION.search(text.lower()):
        return
    fixed = corrected_person(text)
    renamed = (
        replace_once(ask.text, ask.who, fixed) if fixed and ask.who and fixed != ask.who else None
    )
    if renamed is not None:
        ask.text, ask.who = renamed, fixed


# A plan filed unfinished (a check-in moved on) that "done, sent it" can still be about.
DRAFT_STILL_MEANT = timedelta(days=3)


def typed_made(turn: Turn, reading: Reading) -> State:
    """ "yep did it!", "Made it" typed (now or the next morning)."""
    several = several_answers(turn, reading.text)
    if several is not None:
        return several
    ask, pending = _the_ask(turn, text=reading.text)
    draft = last_plan(turn) if ask is None else None
    if (
        draft is not None
        and draft.who
        and draft.status == AskStatus.SKIPPED
        and turn.now - draft.created_at <= DRAFT_STILL_MEANT
    ):  # "done, sent it this morning" about yesterday's unfinished plan with Claire
        ask = draft
    if _someone_else(turn, ask, pending, reading.text):
        return made_untold(turn, reading.text)
    assert ask is not None
    instead = _asked_instead(turn, ask, reading.text, None)
    if instead is not None:
        return instead
    _put_name_right(ask, reading.text)
    if turn.member.state == State.AWAITING_FOLLOW_UP and pending:
        return follow_up(turn, ask, "heard")
    prefix = "" if pending else _which(ask)
    if ask.status == AskStatus.MADE and not pending:
        return ask_what_happened(turn, ask, prefix + "You'd already told me. ")
    return made(turn, ask, "made", prefix)


def typed_not_yet(turn: Turn, reading: Reading) -> State:
    ask, pending = _the_ask(turn, text=reading.text)
    if ask is None and turn.member.state == State.AWAITING_ASK:
        # "nothing yet" to the morning question: no ask yet today, and that's fine.
        turn.say_one_of(
            (
                "No rush — there's still time today. Who's one person you could ask for one "
                "thing? Or `skip` for today.",
                "That's OK. When one comes to mind, tell me: a name and one favour.",
            )
        )
        return State.AWAITING_ASK
    if ask is None and reading.when in ("tomorrow", "next_week"):
        return skip_today(turn)  # "tmrw fr" with no ask open: tomorrow's question, then
    if ask is None:
        return _no_open_ask(turn)
    if ask.status == AskStatus.MADE and not DIDNT_ASK.search(reading.text.lower()):
        # asked already: "not yet" is no answer yet
        return outcome(turn, ask, Outcome.WAITING, "" if pending else _which(ask), reading.text)
    if ask.status == AskStatus.MADE:  # "wait I haven't asked yet": it was never made
        ask.status = AskStatus.OPEN
        ask.outcome = None
        ask.updated_at = turn.now
        turn.uow.asks.save(ask)
    nervous = bool(NERVES.search(reading.text.lower()))
    return made(
        turn,
        ask,
        "not_yet",
        "" if pending else _which(ask),
        when=reading.when,
        nervous=nervous,
        days=back_on(turn, reading.text),  # "not yet, he's on holiday till thursday"
        text=reading.text,
    )


def typed_skip(turn: Turn, reading: Reading) -> State:
    ask = current_ask(turn)
    if ask is None:
        return skip_today(turn)
    return made(turn, ask, "skip")


def typed_outcome(turn: Turn, reading: Reading) -> State:
    """ "she said yes 😊", "no reply yet", "he said he can't"."""
    several = several_answers(turn, reading.text)
    if several is not None:
        return several
    ask, pending = _the_ask(turn, text=reading.text)
    result = reading.result or Outcome.WAITING
    if _someone_else(turn, ask, pending, reading.text):
        return made_untold(turn, reading.text, result)
    assert ask is not None
    instead = _asked_instead(turn, ask, reading.text, result)
    if instead is not None:
        return instead
    _put_name_right(ask, reading.text)
    still = current_ask(turn) if turn.member.state == State.AWAITING_MADE else None
    state = outcome(turn, ask, result, "" if pending else _which(ask), text=reading.text)
    if still is not None and still.id != ask.id:
        # "Jen said yes" to "Did you make your ask of Lu?": Jen's news, then Lu's question again
        text, choices = made_question(still)
        turn.member.state_data = {"ask_id": still.id}
        turn.say(f"And {text[0].lower()}{text[1:]}", *choices)
        return State.AWAITING_MADE
    return state


# How long an ask stays one a report may name: a week of asks and a few days of waiting.
ANSWERS_REACH = timedelta(days=14)


def several_answers(turn: Turn, text: str) -> State | None:
    """ "Jen said yes, Lu said no", "asked both. jen said yes, still waiting on lu": each open
    ask the message names gets its own answer, read from the part of the message that names
    them. None unless two or more asks are named and each one's part reads as made or as how
    it went (one reading then answers for the whole message, as before)."""
    asks = _answerable(turn)
    if len(asks) < 2:
        return None
    told: dict[int, tuple[Ask, Outcome | None]] = {}
    not_made: dict[int, Ask] = {}  # "asked carla, didn't get to leo": Leo's is still open
    last: list[Ask] = []
    for part in _PARTS.split(text):
        named = sorted(
            (
                (at, ask)
                for ask in asks
                if (at := _named_at(part.lower(), ask.who or "")) is not None
            ),
            key=lambda found: found[0],
        )
        if not named:
            read_it, result = _how_it_went(part, turn.today)
            every = _EVERY.search(part.lower())
            if read_it and every is not None and not last:
                # "both done!", "did both, Maya said yes": the newest two (or all) open asks
                both = asks[: 2 if every.group(0) == "both" else None]
                told |= {id(ask): (ask, result) for ask in both if id(ask) not in told}
                last = both
            elif result is not None and last and all(told[id(a)][1] is None for a in last):
                # "asked jen and lu, both said yes": how it went for the people just named
                told |= {id(ask): (ask, result) for ask in last}
            continue  # "asked both."
        last = [ask for _, ask in named]
        if len(named) == 1 and _NOT_MADE.match(part.lower()):
            not_made[id(named[0][1])] = named[0][1]
            continue
        if len(named) > 1:  # "Jen said yes and Lu said no": one reading per name, if each reads
            starts = [at for at, _ in named] + [len(part)]
            each = [
                _how_it_went(part[starts[k] : starts[k + 1]], turn.today) for k in range(len(named))
            ]
            if all(read_it for read_it, _ in each):
                told |= {
                    id(ask): (ask, result)
                    for (_, ask), (_, result) in zip(named, each, strict=True)
                }
                continue
        between = [
            part[at + len((_name_in(ask.who or "", part) or ("", 0))[0]) : after]
            for (at, ask), (after, _) in itertools.pairwise(named)
        ]
        if not all(_JOINED.fullmatch(gap) for gap in between):
            return None  # "Jen said yes and she'll intro me to Lu": not news of Lu's ask
        read_it, result = _how_it_went(part, turn.today)  # "Jen and Lu both said yes"
        if not read_it:
            return None
        told |= {id(ask): (ask, result) for _, ask in named}
    if len(told) + len(not_made) < 2 or not told:
        return None
    return _tell(
        turn,
        sorted(told.values(), key=lambda found: found[0].id or 0),
        [ask for key, ask in not_made.items() if key not in told],
    )


# One person's part saying their ask wasn't made: "didn't get to leo", "not carla", "not
# leo yet", "haven't asked carla".
_NOT_MADE = re.compile(
    r"^\W*(?:and |but )?(?:not|didn'?t (?:get to|ask|manage|message|reach)|haven'?t (?:asked|got to"
    r"|gotten to|messaged)|still (?:need|have) to (?:ask|message)|no(?:t)? time for)\b"
)


# "both", "all of them", "all three": every open ask at once.
_EVERY = re.compile(r"\bboth\b|\ball (of them|three|3|four|4)\b|\beach of them\b")


def _tell(
    turn: Turn, told: list[tuple[Ask, Outcome | None]], not_made: list[Ask] | None = None
) -> State:
    """Record how each ask went (and that some were not made yet), and say it back in one
    message."""
    lines = []
    for ask, result in told:
        who = yours(ask.who)
        ask.status = AskStatus.MADE
        ask.updated_at = turn.now
        if result is not None:
            ask.outcome = result
        turn.uow.asks.save(ask)
        if result == Outcome.YES:
            lines.append(f"• {who}: yes! A two-line thank-you today keeps the door open.")
        elif result == Outcome.NO:
            lines.append(
                f"• {who}: a no is still an answer — thank them anyway; people remember it."
            )
        elif result == Outcome.WAITING:
            plan_follow_up(turn.uow, turn.member, ask, turn.now)
            lines.append(f"• {who}: waiting — I'll check in about {who} in a few days.")
        else:
            plan_follow_up(turn.uow, turn.member, ask, turn.now)
            lines.append(f"• {who}: asked. Tell me how it goes.")
    for ask in not_made or ():
        checkin = plan_made_question(turn.uow, turn.member, ask, turn.now)
        when = f"on {checkin.due_at.astimezone(turn.zone):%A}" if checkin else "next time"
        lines.append(f"• {yours(ask.who)}: not yet — still open; I'll ask again {when}.")
    turn.member.state_data = {}
    lead = (
        f"You asked {len(told)} people — that's the habit. 🙌"
        if len(told) > 1
        else f"You asked {yours(told[0][0].who)} — that's the habit. 🙌"
    )
    turn.say(lead + "\n" + "\n".join(lines))
    return State.IDLE


# Where one person's news ends and the next one's begins.
_PARTS = re.compile(r"[.!?;,\n]+\s*|\s+(?:but|while|whereas|though)\s+|\s+[-–—]\s+")


def _how_it_went(part: str, today: date) -> tuple[bool, Outcome | None]:
    """How an ask went, read from the part of a message about one person: (True, the outcome),
    (True, None) for made with no outcome said, (False, None) when it says neither. Without
    its name first, "jen yes" reads as "yes"."""
    for words in (part, _NAME_FIRST.sub("", part)):
        found = read(words, Context(State.AWAITING_OUTCOME, today))
        if found.intent == Intent.OUTCOME:
            return True, found.result or Outcome.WAITING
        if found.intent == Intent.MADE:
            return True, None
    return False, None


_NAME_FIRST = re.compile(r"^\W*\S+\W*\s*")


def _named_at(low: str, who: str, *, as_subject: bool = False) -> int | None:
    """Where a message names the person (see `_name_in`); with `as_subject`, only as the one
    whose news it is ("Maya said yes", not "Jen was right")."""
    found = _name_in(who, low, as_subject=as_subject)
    return found[1] if found else None


def _name_in(who: str, text: str, *, as_subject: bool = False) -> tuple[str, int] | None:
    """How and where the text names the person: their name as the ask has it, or its first
    word ("Jen" for "Jen Park"); a relation ("my mom") only in full."""
    low = text.lower()
    for name in dict.fromkeys((who, who.split(" ", 1)[0])):
        if len(name) < 2 or (name != who and not name[:1].isupper()):
            continue
        after = _NEWS_VERB if as_subject else ""
        found = re.search(rf"(?<![\w@]){re.escape(name.lower())}(?!\w){after}", low)
        if found is not None:
            return name, found.start()
    return None


# What follows the person whose news a message gives: "Maya said yes", "Tom hasn't replied".
_NEWS_VERB = (
    r"(?=\s(?:said|says|replied|answered|agreed|declined|responded|wrote|texted|got\sback"
    r"|hasn'?t|hasnt|didn'?t|didnt|never)\b|'ll\b)"
)


# Nothing but a joint between two names: "Jen and Lu", "jen & lu", "Jen, Lu".
_JOINED = re.compile(r"\s*(?:,|&|\+|/|and|n)?\s*", re.IGNORECASE)


def typed_nudge(turn: Turn, reading: Reading) -> State:
    ask, pending = _the_ask(turn, made_only=True)
    if ask is None:
        ask, pending = _the_ask(turn)
    if ask is None:
        return _no_open_ask(turn)
    return follow_up(turn, ask, "nudge", "" if pending else _which(ask))


def typed_drop(turn: Turn, reading: Reading) -> State:
    ask, pending = _the_ask(turn)
    if ask is None:
        return _no_open_ask(turn)
    # (a cancelled plan is quoted in the reply: no "That's for your ask of …" before it)
    return follow_up(
        turn, ask, "drop", "" if pending or ask.status != AskStatus.MADE else _which(ask)
    )


def _no_open_ask(turn: Turn) -> State:
    turn.say_one_of(
        (
            "I don't have an open ask for you right now. What's your next one — who, and for what?",
            "No open ask on my list. Tell me the next one: a name and one favour.",
        )
    )
    return State.IDLE


def made(
    turn: Turn,
    ask: Ask,
    action: str,
    prefix: str = "",
    when: str | None = None,
    nervous: bool = False,
    days: int | None = None,
    text: str = "",
) -> State:
    """Made it / Not yet / Skip ("not yet, I'm nervous" gets a word of courage)."""
    assert ask.id is not None
    who = yours(ask.who or "them")
    if action == "made":
        ask.status = AskStatus.MADE
        ask.updated_at = turn.now
        turn.uow.asks.save(ask)
        return ask_what_happened(turn, ask, prefix + "Nice — you asked. ")
    turn.member.state_data = {}
    if action == "not_yet":
        checkin = plan_made_question(
            turn.uow, turn.member, ask, turn.now, days if days is not None else NOT_YET_DAYS[when]
        )
        due = checkin.due_at.astimezone(turn.zone) if checkin is not None else None
        far = due is not None and (due.date() - turn.today).days > 7
        day = (
            "next time"
            if due is None
            else f"on {due:%A %-d %B} at {due:%H:%M}"
            if far
            else f"on {due:%A} at {due:%H:%M}"
        )
        if checkin is None and turn.member.memory.get(NO_AFTERNOON):
            # the afternoon question is off: the member tells, the coach doesn't ask
            turn.say(
                f"{prefix}No worries — the ask of {who} stays open. Tell me when you've made it."
            )
            return State.IDLE
        if nervous:
            turn.say(
                f"{prefix}Nerves are normal — and a small, clear ask is easy to say yes to. Add "
                f"“no worries if not” and it's easy to say no, too. I'll ask again {day}."
            )
            return State.IDLE
        if days is not None:  # "he's travelling till thursday": the ask waits for them
            until = f" until {who} is back" if says_away(text) else ""
            turn.say(f"{prefix}Then it can wait{until}. The ask stays open — I'll ask again {day}.")
            return State.IDLE
        turn.say_one_of(
            (
                f"No worries. The ask of {who} is still open — I'll ask again {day}.",
                f"Good — go for it. Tell me how it went, or I'll ask {day}.",
            ),
            prefix=prefix,
        )
        return State.IDLE
    ask.status = AskStatus.SKIPPED
    ask.updated_at = turn.now
    turn.uow.asks.save(ask)
    turn.member.state_data = {ANSWERED: ask.id}  # "oops wrong button, i did ask her"
    turn.say(prefix + "Skipped. Tomorrow's a new ask.")
    return State.IDLE


def heard_back_question(turn: Turn, ask: Ask) -> State:
    """ "did Jen ever reply?": the member asks me what I last heard — that, and whether they
    have heard since (the follow-up's question and buttons)."""
    who = yours(ask.who or "them")
    day = f"{ask.created_at.astimezone(turn.zone):%a %-d %b}"
    last = "no answer yet" if ask.outcome in (None, Outcome.WAITING) else ask.outcome.value
    turn.member.state_data = {"ask_id": ask.id}
    turn.say(
        f"Last I heard: {last} from {who} (you asked on {day}: {short(ask.text, 70)}). Heard "
        "back since?",
        *follow_up_choices(ask.id),
    )
    return State.AWAITING_FOLLOW_UP


def follow_up(turn: Turn, ask: Ask, action: str, prefix: str = "") -> State:
    """Heard back / I'll nudge / Drop it."""
    who = yours(ask.who or "them")
    turn.member.state_data = {}
    if action == "heard":
        return ask_what_happened(turn, ask, prefix + "Good. ")
    if action == "nudge":
        plan_follow_up(turn.uow, turn.member, ask, turn.now)
        turn.say(f"{prefix}Good. Keep it short and friendly; I'll check back about {who}.")
        return State.IDLE
    made_it = ask.status == AskStatus.MADE
    ask.status = AskStatus.DROPPED
    if made_it and ask.outcome is None:
        ask.outcome = Outcome.WAITING  # let go unanswered; it still counts as made
    ask.updated_at = turn.now
    turn.uow.asks.save(ask)
    turn.member.state_data = {DROPPED: ask.id}  # "wait no, keep it" brings it back
    if not made_it:  # "cancel the Jen ask, wrong person": never asked, so no consolation
        assert turn.member.id is not None
        turn.uow.checkins.cancel_pending(turn.member.id, [CheckInKind.AFTERNOON])
        turn.say(f"{prefix}Cancelled: “{short(ask.text, 80)}”. Who will you ask instead?")
        return State.IDLE
    turn.say(f"{prefix}Dropped. Some asks don't land — the next one might.")
    return State.IDLE


def typed_undo_drop(turn: Turn, text: str) -> State | None:
    """ "wait no, keep it", "undo", "oops wrong button" right after an ask was dropped or
    cancelled: the ask is back as it was; None when the message is something else."""
    ask = turn.own_ask(turn.member.state_data.get(DROPPED))
    if ask is None or ask.status != AskStatus.DROPPED:
        return None
    if not UNDO_DROP.search(text.strip().lower().replace("’", "'")):
        return None
    turn.member.state_data = {}
    who = yours(ask.who or "them")
    ask.updated_at = turn.now
    if ask.outcome is None:  # cancelled before it was made: open again
        ask.status = AskStatus.OPEN
        turn.uow.asks.save(ask)
        checkin = plan_afternoon(turn.uow, turn.member, ask, turn.now)
        when = f"I'll check in at {checkin.due_at.astimezone(turn.zone):%H:%M}" if checkin else ""
        if checkin and checkin.due_at.astimezone(turn.zone).date() != turn.today:
            when += f" on {checkin.due_at.astimezone(turn.zone):%A}"
        turn.say(f"Back on: “{short(ask.text, 80)}”. {when or 'Good luck'}.")
        return State.IDLE
    ask.status = AskStatus.MADE
    turn.uow.asks.save(ask)
    plan_follow_up(turn.uow, turn.member, ask, turn.now)
    turn.say(f"Back on: your ask of {who}. I'll check back about {who} in a few days.")
    return State.IDLE


# How long after an answer "oops wrong button" can still take it back.
UNDO_WITHIN = timedelta(hours=2)

# Taking back an answer: "oops wrong button", "undo", "i misread", "i meant yes".
_TAKEN_BACK = re.compile(
    r"\b(mis-?read|mis-?clicked|misclick|meant (to (press|click|tap|say)|yes|no|waiting)|pressed the wrong"
    r"|wrong one|fat[- ]finger)",
)
# After "Skip": the member did ask after all ("why did i skip lol, i did ask her actually").
_DID_ASK = re.compile(
    r"\bi (did|actually|already) (ask|asked|message|messaged|send|sent|text|texted|email|emailed)\b"
    r"|\bi asked (her|him|them)\b|\bi did (it|actually)\b"
)


def typed_undo_answer(turn: Turn, text: str) -> State | None:
    """ "oops wrong button, she said yes" right after "Said no", "wait no, she hasn't answered,
    i misread" after "Said yes", "undo" or "i did ask her actually" after "Skip": the answer
    put right; None when the message is something else."""
    ask = turn.own_ask(turn.member.state_data.get(ANSWERED))
    if ask is None or ask.updated_at is None or turn.now - ask.updated_at > UNDO_WITHIN:
        return None  # (only right after the answer: days later, "i meant…" is other news)
    low = text.strip().lower().replace("’", "'")
    skipped = ask.status == AskStatus.SKIPPED
    if not (UNDO_DROP.search(low) or _TAKEN_BACK.search(low) or (skipped and _DID_ASK.search(low))):
        return None
    turn.member.state_data = {}
    said = read(text, Context(State.AWAITING_OUTCOME, turn.today))
    result = said.result if said.intent == Intent.OUTCOME else None
    ask.updated_at = turn.now
    if skipped and not _DID_ASK.search(low) and result is None:
        ask.status = AskStatus.OPEN  # "undo" after Skip: the question again
        turn.uow.asks.save(ask)
        question, choices = made_question(ask)
        turn.member.state_data = {"ask_id": ask.id}
        turn.say(f"No problem — back to it. {question}", *choices)
        return State.AWAITING_MADE
    if result is not None:  # "oops wrong button, she said yes"
        return outcome(turn, ask, result, "Fixed. ", text=text)
    ask.status = AskStatus.MADE
    ask.outcome = None
    turn.uow.asks.save(ask)
    return ask_what_happened(turn, ask, "Fixed — you asked. ")


def forget_asks_of(turn: Turn, reading: Reading) -> State:
    """ "please delete the Carla ask, I don't want her name stored": every ask of the person it
    names is deleted (with its pending check-ins); without a name, which one is asked."""
    assert turn.member.id is not None
    asks = turn.uow.asks.for_member(turn.member.id)
    people = {ask.who for ask in asks if ask.who and _named_at(reading.text.lower(), ask.who)}
    if len(people) != 1:
        turn.say(
            "Whose asks should I delete? Tell me the name — e.g. “delete the Carla ask”. (`forget` "
            "deletes everything I hold about you.)"
        )
        return State(turn.member.state)
    [who] = people
    gone = [ask for ask in asks if ask.who == who and ask.id is not None]
    for ask in gone:
        turn.uow.asks.remove(turn.member.id, ask.id or 0)
    turn.member.state_data = {}
    count = "1 ask" if len(gone) == 1 else f"{len(gone)} asks"
    turn.say(f"Deleted: {count} of {yours(who)} — the name is gone from my records.")
    return State.IDLE


def follow_up_advice(turn: Turn, reading: Reading) -> State:
    """ "Should I follow up?" — yes: always follow up, kindly and briefly."""
    ask = latest_open_ask(turn)
    low = reading.text.lower()
    # the opener answers the question asked: "is it too pushy to follow up?" is a no
    opener = (
        "Not pushy at all — a follow-up is normal."
        if WRONG_TO_ASK.search(low)
        else "No need to stop yet — one follow-up is normal."
        if re.search(r"\bstop (messaging|texting|emailing|following up|chasing|bugging)\b", low)
        else ""  # "how long should I wait?": the answer is the wait itself
        if re.search(r"\bhow (long|many days|soon)\b", low)
        else "You can — but one short follow-up often gets the answer."
        if re.search(r"\b(ok|okay|fine|alright) (to )?not\b|\bskip (the )?follow", low)
        else "Yes — always follow up."
    )
    if ask is None or ask.who is None:
        turn.say(
            f"{opener} Wait 3–4 working days, then one short, friendly line: “Just bumping this in "
            "case it got buried — no pressure either way.”".lstrip()
        )
        return State(turn.member.state)
    if ask.status == AskStatus.OPEN:
        # "should i follow up?" before asking at all: the ask comes first
        turn.say(
            f"Not yet — first make your ask of {yours(ask.who)}. Once you've asked, give it 3–4 "
            "working days, then one short, friendly line."
        )
        return State(turn.member.state)
    days = (turn.now - ask.updated_at if ask.updated_at else turn.now - ask.created_at).days
    # the same day, "should I …?": yes, but not yet ("Yes, follow up" then "wait" contradicts)
    not_yet = days < 1 and opener.startswith("Yes") and not re.search(r"\btoo (soon|early)\b", low)
    timing = (
        "Give it until day 3 or 4, then nudge."
        if not_yet
        else "You only just asked — give it until day 3 or 4, then nudge."
        if days < 1
        else "It's been a day or two — give it until day 3 or 4, then nudge."
        if days < 3
        else f"It's been {days} days, so now is a good time."
    )
    assert ask.id is not None
    turn.member.state_data = {"ask_id": ask.id}
    too_soon = re.search(r"\btoo (soon|early)\b", low)
    opener = (
        # "is it too soon to follow up?" the same day: yes, it is — wait
        f"A little, yes — {yours(ask.who)} has barely had time to read it."
        if too_soon and days < 3
        else f"Not too soon — follow up with {yours(ask.who)}."
        if too_soon
        else f"Yes, but not yet — {yours(ask.who)} has only just had it."
        if not_yet
        else f"Yes, follow up with {yours(ask.who)}."
        if opener.startswith("Yes") or not opener
        else f"{opener} So yes, follow up with {yours(ask.who)}."
    )
    turn.say(
        f"{opener} {timing} Keep it to one friendly line, e.g. "
        f"“{hello_to(ask.who)} just bumping my note in case it got buried — no pressure either "
        "way.”",
        choice(ask.id, "nudge", "I'll nudge"),
        choice(ask.id, "heard", "Heard back"),
        choice(ask.id, "drop", "Drop it"),
    )
    return State.AWAITING_FOLLOW_UP


def hired(turn: Turn, reading: Reading) -> State:
    """ "I got the job!": celebrate, stop check-ins, prompt thank-yous to everyone who said
    yes, and ask whether the group may celebrate it in the digest."""
    member = turn.member
    assert member.id is not None
    member.hired_at = turn.now
    member.state_data = {}
    if reading.company:
        member.memory["hired_company"] = reading.company[:80]
    cancel_all(turn.uow, member)
    helpers = list(
        dict.fromkeys(
            a.who for a in turn.uow.asks.for_member(member.id) if a.outcome == Outcome.YES and a.who
        )
    )
    turn.say(
        f"Congratulations, {member.name}! 🎉 Your asks got you here. I'll stop the daily check-ins."
    )
    if helpers:
        names = ", ".join(helpers[:-1]) + (" and " if len(helpers) > 1 else "") + helpers[-1]
        turn.say(
            f"Close the loop: tell {names} — they said yes when you asked. A short thank-you "
            "and the news is the best part of networking."
        )
    turn.say(
        "May I celebrate it in the group's weekly digest? (Just your name and the news.)",
        choice(0, "share_hire", "Yes, share it"),
        choice(0, "keep_hire", "Keep it private"),
    )
    member.state_data = {"pending": "share_hire"}  # a typed "yes please" answers it too
    return State.IDLE


_SHARE_YES = re.compile(r"^(yes|yeah|yep|sure|ok|okay|please|pls|go ahead|do it|share)\b")
_SHARE_NO = re.compile(r"^(no|nah|nope|keep|private|don'?t|rather not|please don'?t)\b")


def typed_hire_sharing(turn: Turn, text: str) -> State | None:
    """A typed answer to "May I celebrate it in the digest?", or None if it isn't one."""
    if turn.member.state_data.get("pending") != "share_hire":
        return None
    low = text.strip().lower()
    action = (
        "keep_hire" if _SHARE_NO.match(low) else "share_hire" if _SHARE_YES.match(low) else None
    )
    if action is None:
        return None
    turn.member.state_data = {}
    return _hire_sharing(turn, action)


def _hire_sharing(turn: Turn, action: str) -> State:
    if turn.member.hired_at is None:
        turn.say("That button is about a new job — tell me when you get one! 🙂")
        return State(turn.member.state)
    turn.member.memory["share_hire"] = action == "share_hire"
    if action == "share_hire":
        turn.say(
            "I'll share it in the next digest. Pay it forward: `know <company>` tells me where "
            "you can help others get in."
        )
    else:
        turn.say("Kept private. Pay it forward anytime: `know <company>`.")
    return State(turn.member.state)


def answered_made_question(turn: Turn, reading: Reading) -> State:
    """Plain yes/no to "Did you make your ask?"."""
    if reading.intent == Intent.CONFIRM:
        return typed_made(turn, reading)
    return typed_not_yet(turn, reading)
