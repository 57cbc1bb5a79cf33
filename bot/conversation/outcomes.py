"""How an ask went: the "What happened?" question and its answer (yes, waiting, no).

Shared by the follow-ups (an ask the coach asked about) and planning (an ask the member
reports as already made: "asked carla yesterday!", "she said she'd think about it").
"""

from __future__ import annotations

import re

from bot.checkins.planning import plan_follow_up
from bot.conversation.intents import as_written, partly_yes
from bot.conversation.phrases import (
    ASK_AGAIN_ON,
    FOLLOW_UP_ADVICE,
    FRUSTRATION,
    NOT_UNTIL,
    REDIRECT,
    SAID_MAYBE,
)
from bot.conversation.states import State
from bot.conversation.text import yours
from bot.conversation.turn import Turn
from bot.domain import Ask, AskStatus, Outcome
from bot.messages import Choice
from bot.schedule.words import find_break

# state_data: the ask just answered ("Said no", "Skip"), which "oops wrong button, she said yes"
# puts right.
ANSWERED = "answered"


# A yes said with its wait: "she'll refer me but not till april", "he agreed, after the freeze".
_A_YES_LATER = re.compile(
    r"\b(said yes|says yes|agreed|happy to|(she|he|they)('ll| will| would| can) (refer|introduce"
    r"|intro|connect|put me|pass))\b",
    re.IGNORECASE,
)

# News of a step in hiring (in a yes, or as good news): "got the interview thanks to dana".
A_STEP_FORWARD = re.compile(
    r"\b(interview|call ?back|phone screen|final round|onsite|on-site|second round|take-?home)",
    re.IGNORECASE,
)


def choice(ask_id: int | None, action: str, label: str) -> Choice:
    """A button about one ask: `!ask:<id>:<action>`."""
    return Choice(label=label, value=f"!ask:{ask_id}:{action}")


def follow_up_choices(ask_id: int | None) -> tuple[Choice, Choice, Choice]:
    """The "Heard back?" question's buttons."""
    return (
        choice(ask_id, "heard", "Heard back"),
        choice(ask_id, "nudge", "I'll nudge"),
        choice(ask_id, "drop", "Drop it"),
    )


def ask_what_happened(turn: Turn, ask: Ask, lead: str) -> State:
    turn.member.state_data = {"ask_id": ask.id}
    turn.say(
        f"{lead}What happened?",
        choice(ask.id, "yes", "Said yes"),
        choice(ask.id, "waiting", "Waiting to hear"),
        choice(ask.id, "no", "Said no"),
    )
    return State.AWAITING_OUTCOME


def outcome(turn: Turn, ask: Ask, result: Outcome, prefix: str = "", text: str = "") -> State:
    """Said yes / Waiting to hear / Said no."""
    who = yours(ask.who or "them")
    still_waiting = ask.outcome == Outcome.WAITING and result == Outcome.WAITING
    ask.status = AskStatus.MADE
    ask.outcome = result
    ask.updated_at = turn.now
    turn.uow.asks.save(ask)
    turn.member.state_data = {ANSWERED: ask.id}
    if result == Outcome.YES and partly_yes(text.lower()):
        leads = _leads_given(text)
        first = leads.split(" and ")[0].split(", ")[0] if leads else ""
        turn.say(
            f"{prefix}Part yes, part no — and the yes is real progress. Thank {who} for it today "
            "(two lines is plenty). "
            + (
                # "he's not the right person but gave me 2 names: leo and ana"
                f"{leads} are warm leads now — tell me your ask of one: “Ask {first} for …”."
                if leads and first != leads
                else "For the part that didn't work out: who else could you ask?"
            )
        )
    elif result == Outcome.YES:
        send_now = (
            "Send it today, while it's fresh. "
            if re.search(r"\bshould i (send|email|forward|reply|get back)\b", text, re.IGNORECASE)
            else ""
        )
        leads = _leads_given(text)
        first = leads.split(" and ")[0].split(", ")[0] if leads else ""
        next_ask = (
            ""
            if not leads
            else f" {leads} is a warm lead now — tell me your ask: “Ask {first} for …”."
            if first == leads
            else f" {leads} are warm leads now — tell me your ask of one: “Ask {first} for …”."
        )
        step = A_STEP_FORWARD.search(text)
        # "got the interview thanks to dana!!": the interview is the news, and it opens an ask
        great = f"Congrats on the {step.group(1).lower()}! 🎉" if step else "Great outcome."
        prepare = (
            " Then one ask to prepare: 15 minutes with someone on the team, or a mock interview."
            if step and not next_ask
            else ""
        )
        turn.say(
            f"{prefix}{great} {send_now}A two-line thank-you to {who} today keeps the door open — "
            f"people remember who thanked them.{next_ask}{prepare}"
        )
    elif result == Outcome.WAITING and (again := _asked_again_on(turn, text)) is not None:
        # "not yet, can you remind me monday": the follow-up comes that day
        checkin = plan_follow_up(turn.uow, turn.member, ask, turn.now, days=again)
        day = f"on {checkin.due_at.astimezone(turn.zone):%A}" if checkin else "then"
        turn.say(f"{prefix}No reply yet — noted. I'll ask you about {who} again {day}.")
    elif result == Outcome.WAITING and (back := back_on(turn, text)) is not None:
        # "she's on vacation till the 15th", "she can't refer me until january": the
        # follow-up waits until then
        checkin = plan_follow_up(turn.uow, turn.member, ask, turn.now, days=back)
        day = f"on {checkin.due_at.astimezone(turn.zone):%A %-d %B}" if checkin else "then"
        until = f"while {who} is away" if says_away(text) else "before then"
        opening = (
            "Noted."
            if still_waiting
            else f"A yes that waits is still a yes — thank {who} today."
            if _A_YES_LATER.search(text)  # "she'll refer me but not till april"
            else "Asking was the hard part."
        )
        turn.say(f"{prefix}{opening} No point nudging {until} — I'll check in about {who} {day}.")
    elif still_waiting:  # heard nothing again: a nudge, not a thank-you
        plan_follow_up(turn.uow, turn.member, ask, turn.now)
        turn.say(
            f"{prefix}Still nothing from {who} — that's common; people get busy. One short, "
            "friendly nudge is fine: “Just bumping this in case it got buried — no pressure.” "
            "I'll check back in a few days."
        )
    elif result == Outcome.WAITING and FOLLOW_UP_ADVICE.search(text.lower()):
        # "no reply. should i message again?": the wait is recorded and the question answered.
        plan_follow_up(turn.uow, turn.member, ask, turn.now)
        turn.say(
            f"{prefix}Not yet — give {who} 3–4 working days, then one short, friendly nudge: "
            "“Just bumping this in case it got buried — no pressure.” I'll remind you then."
        )
    elif result == Outcome.WAITING:
        plan_follow_up(turn.uow, turn.member, ask, turn.now)
        # (no thank-you note for someone who hasn't answered: "she ghosted me")
        silent = re.search(
            r"\bghost|\bignor|\bno (reply|response|answer)|\b(hasn'?t|didn'?t|never) (replied|"
            r"answered|reply|answer|responded|got back)|\bnothing\b|\bcrickets\b|\bleft (me )?on read",
            text.lower(),
        )
        turn.say(
            f"{prefix}Asking was the hard part. I'll check in about {who} in a few days"
            + ("." if silent else "; a thank-you note now never hurts.")
        )
    elif (redirect := REDIRECT.search(text.lower())) is not None:
        lead = as_written(text, redirect.group("who"))
        lead = lead if lead[:1].isupper() else lead.title()
        turn.say(
            f"{prefix}{who} pointed you to {lead} — that's a warm lead, not a dead end. Thank "
            f"{who}, then tell me your ask of {lead}: “Ask {lead} for …”."
        )
    elif FRUSTRATION.search(text.lower()):
        # "she said no 😞 ugh this is pointless": a kind word before anything else
        turn.say(
            f"{prefix}I'm sorry — a no stings. It isn't pointless: you asked, and asking is the "
            f"habit that gets the yeses. Thank {who} anyway; `pause 7` is there if you need a few "
            "days."
        )
    else:
        turn.say(
            f"{prefix}A no is still an answer — and you asked. Thank {who} anyway; people "
            "remember it. Who's next?"
        )
    return State.IDLE


_LEADS = re.compile(
    r"\b(?:names?|contacts?|people)\b[:,]?\s*(?:-\s*)?(?P<names>[A-Z][\w'-]+(?:\s*(?:,|and|&)\s*"
    r"[A-Z][\w'-]+)*)"
)


# Names typed in lowercase after a count and a colon: "gave me 2 names: leo and ana".
_LEADS_TYPED = re.compile(
    r"\b(?:\d|two|three|a couple of|a few)\s+(?:names?|contacts?|people)\s*[:\-]\s*"
    r"(?P<names>[a-z][\w'-]+(?:\s*(?:,|and|&)\s*[a-z][\w'-]+)*)",
    re.IGNORECASE,
)


def _leads_given(text: str) -> str | None:
    """The people a yes handed on ("she sent me two names, Ife and Musa" -> "Ife and Musa")."""
    found = _LEADS.search(text) or _LEADS_TYPED.search(text)
    if found is None:
        return None
    names = [
        n[:1].upper() + n[1:] for n in re.split(r"\s*(?:,|\band\b|&)\s*", found.group("names")) if n
    ]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _asked_again_on(turn: Turn, text: str) -> int | None:
    """Days until the day the member asks to be reminded ("remind me monday", "ask me again
    next week"), when the message names one."""
    again = ASK_AGAIN_ON.search(text.lower())
    if again is None:
        return None
    day = again.group("day") or again.group("day2")
    until = find_break(f"till {day}" if day else "till next week", turn.today)
    days = (until.resume_day(turn.today) - turn.today).days if until else 0
    return days if days > 0 else None


def says_away(text: str) -> bool:
    """Whether the message says someone is away ("on vacation", "ooo", "travelling")."""
    return bool(
        re.search(r"\b(vacation|holiday|leave|away|ooo|out of (the )?office|travel)", text.lower())
    )


def back_on(turn: Turn, text: str) -> int | None:
    """Days until the person asked is back ("she's on vacation till the 15th", "out until
    Monday"), when the message says so; the follow-up comes the working day after."""
    low = text.lower()
    if not re.search(
        r"\b(till|til|until|back on|back|after|returns?|away (this|next) week)\b", low
    ) and not (SAID_MAYBE.search(low) or NOT_UNTIL.search(low)):  # "he said maybe next month"
        return None
    back = find_break(low, turn.today)
    if back is None:
        return None
    days = (back.resume_day(turn.today) - turn.today).days
    return days if days > 0 else None
