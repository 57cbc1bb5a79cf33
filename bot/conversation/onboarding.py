"""Onboarding: a welcome, one question about the schedule, and never a wall.

A time or zone in words ("9am is fine", "8:30 central", "mexico city 8am") sets the schedule;
"ok" keeps it; anything else — a plan, a question, "hey" — keeps the defaults, says how to
change them, and is handled as it would be on any other day. A reply that looks like a schedule
but can't be read is asked about once; the second time the defaults stand. The first morning is
planned at once, so a member who never answers still gets their first day.
"""

from __future__ import annotations

from bot.checkins.planning import plan_check_ins, plan_next_morning, plan_next_review
from bot.conversation.intents import Context, Intent, Reading, list_and_rest, read
from bot.conversation.states import State
from bot.conversation.text import check_ins
from bot.conversation.turn import Turn
from bot.conversation.words import apply_schedule
from bot.domain import Role
from bot.schedule import format_days

PENDING = "pending"  # state_data: a message sent before onboarding was done
TRIES = "tries"  # state_data: replies that couldn't be read as a schedule


def start(turn: Turn, pending: str) -> None:
    """Welcome a new member and propose the community's schedule."""
    member = turn.member
    member.state = State.ONBOARDING
    member.state_data = {PENDING: pending[:2000]} if pending.strip() else {}
    plan_next_morning(turn.uow, member, turn.now)
    turn.say(
        f"Hi {member.name}! I'm your ask coach. Most jobs come through people, and people "
        "help when you ask for something specific.\n"
        f"I'll check in {check_ins(member)}. Reply `ok` to keep that, or tell me what suits you — "
        "e.g. “8:30 central” or “Europe/Berlin 08:30”."
    )


def confirmed(turn: Turn, reading: Reading) -> State:
    return _finish(turn, "You're set")


def schedule(turn: Turn, reading: Reading) -> State:
    """A time, zone or days in words — and an ask after it ("kk 9 is fine. first ask: asking
    Tomás for a referral at Shopify"), taken up once the schedule is set."""
    _, more = list_and_rest(reading.text)
    if more and read(more, Context(State.IDLE, turn.today)).intent == Intent.PLAN:
        turn.member.state_data = turn.member.state_data | {PENDING: more[:2000]}
    if apply_schedule(turn, reading):
        return _finish(turn, "You're set")
    return State.ONBOARDING if turn.refused else unclear(turn, reading)


def _ask_again(turn: Turn, question: str) -> State:
    """Ask about the schedule once more; the second time, keep the defaults and move on."""
    member = turn.member
    tries = int(member.state_data.get(TRIES, 0)) + 1
    if tries >= 2:
        return _finish(turn, "I'll keep the defaults for now")
    member.state_data = member.state_data | {TRIES: tries}
    turn.say(question)
    return State.ONBOARDING


def unclear(turn: Turn, reading: Reading) -> State:
    """Once: say what works. Twice: keep the defaults and move on."""
    member = turn.member
    if reading.why == "a test message":  # an organiser checking the DM lands
        organizer = (
            " As an organizer you also have `report`, `digest`, `admin` and `admin dashboard`."
            if member.role in (Role.ADMIN, Role.COACH)
            else ""
        )
        turn.say(
            f"Got it — this DM works. ✅ Check-ins: {format_days(member.days)} at "
            f"{member.checkin_time:%H:%M} "
            f"({member.timezone}) — `ok`, or tell me a time.{organizer}"
        )
        return State.ONBOARDING
    return _ask_again(
        turn,
        f"Sorry, I couldn't read a time in that. Is {member.checkin_time:%H:%M} "
        f"({member.timezone}) OK? Reply `ok`, or e.g. “9am”, “7:45 eastern”, “Europe/Berlin 08:30”.",
    )


def declined(turn: Turn, reading: Reading) -> State:
    return _ask_again(
        turn, "No problem — what time suits you, and where are you? e.g. “8:30 central”."
    )


def said_bye(turn: Turn, reading: Reading) -> State:
    """ "cheers, later!" before answering: the defaults stand, and no question follows."""
    _settled(turn)
    turn.say(f"Talk soon! 👋 I'll check in {check_ins(turn.member)} — `time 08:30` changes it.")
    return State.IDLE


def greeted(turn: Turn, reading: Reading) -> State:
    member = turn.member
    kind = (
        "No need to apologise — your English is fine, and short messages work best here. "
        if reading.why == "apologises for their English"
        else ""
    )
    hello = "Glad you're here" if reading.intent == Intent.THANKS else "Hi"
    return _ask_again(
        turn,
        f"{hello} {member.name}! 👋 {kind}Does {member.checkin_time:%H:%M} ({member.timezone}) work "
        "for your check-ins? Reply `ok`, or tell me a time.",
    )


def _settled(turn: Turn) -> str:
    """Onboarding is over: plan the check-ins; returns a message sent before, if any."""
    member = turn.member
    pending = str(member.state_data.get(PENDING, ""))
    member.state = State.IDLE
    member.state_data = {}
    plan_check_ins(turn.uow, member, turn.now)
    return pending


def _finish(turn: Turn, lead: str) -> State:
    """Onboarding done: plan the check-ins, then take up anything sent before."""
    member = turn.member
    pending = _settled(turn)
    change = "" if lead == "You're set" else " (`time 08:30` or `tz Europe/Berlin` changes it)"
    then = "" if pending else " Got an ask already? Tell me who you'll ask, and for what."
    turn.say(f"{lead}: {check_ins(member)}{change}.{then}")
    if pending:
        from bot.conversation.flow import respond_to_text

        return respond_to_text(turn, pending, after_onboarding=True)
    return State.IDLE


def moved_on(turn: Turn, reading: Reading) -> State:
    """Anything that isn't about the schedule (a plan, an outcome, a give…): keep the
    defaults, say so in one line, and handle the message as on any other day."""
    member = turn.member
    _settled(turn)
    turn.say(f"I'll check in {check_ins(member)} — `time 08:30` changes it.")
    from bot.conversation.flow import act

    return act(turn, reading, State.IDLE)


def finish_quietly(turn: Turn) -> None:
    """The first morning came and the member never answered the welcome: the defaults stand.
    A plan they sent meanwhile is kept as it stands."""
    member = turn.member
    pending = str(member.state_data.get(PENDING, ""))
    member.state = State.IDLE
    member.state_data = {}
    plan_next_review(turn.uow, member, turn.now)
    if pending and read(pending, Context(State.IDLE, turn.today)).intent == Intent.PLAN:
        member.state = State.CLARIFYING  # kept as a plan by the morning (`keep_draft`)
        member.state_data = {"draft": pending, "questions": 2}
