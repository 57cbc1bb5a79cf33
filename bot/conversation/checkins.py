"""The coach's own questions, when they fall due: morning, nudge, afternoon, follow-up, review.

Silence is never punished, and never met with more messages: after `NO_NUDGE_AFTER` working
days without a reply there is no midday nudge; after `QUIET_CHECK_AFTER` the morning question
becomes one question about whether to keep going; from then on at most one message a day until
the member writes again. A plan left mid-coaching is kept before the morning moves on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from bot.checkins.planning import (
    NO_AFTERNOON,
    SKIP_DAYS,
    plan_next_morning,
    plan_next_review,
    plan_nudge,
)
from bot.coaching import Verdict
from bot.conversation.followups import made_question
from bot.conversation.onboarding import finish_quietly
from bot.conversation.outcomes import follow_up_choices
from bot.conversation.planning import judge, keep_draft
from bot.conversation.states import State
from bot.conversation.text import short, yours
from bot.conversation.turn import Turn
from bot.conversation.words import pause_for
from bot.domain import Ask, AskStatus, CheckIn, Outcome, Target
from bot.group.digest import plural
from bot.messages import Choice
from bot.progress import compute_stats, count_by_day

NO_NUDGE_AFTER = 2  # working days without a reply: no midday nudge
QUIET_CHECK_AFTER = 5  # working days without a reply: ask once whether to keep going
HEARD = "heard"  # memory: when the member last wrote to the coach (ISO)
QUIET_ASKED = "quiet_asked"  # memory: when the keep-going question was asked (ISO)
LAST_SENT_DAY = "sent_day"  # memory: the local date of the last check-in while quiet
QUIET_CHOICES = ("keep", "fewer", "pause2w")
MORNING_DAY = "morning_day"  # memory: the member's local date of the last morning question


def heard_from(turn: Turn) -> None:
    """The member wrote: back to normal."""
    turn.member.memory[HEARD] = turn.now.isoformat()
    turn.member.memory.pop(QUIET_ASKED, None)
    turn.member.memory.pop(LAST_SENT_DAY, None)


def silent_days(turn: Turn) -> int:
    """Working days since the member last wrote (or since they joined); days they took off
    ("off next week") are not silence."""
    stamp = turn.member.memory.get(HEARD)
    since = datetime.fromisoformat(stamp) if isinstance(stamp, str) else turn.member.created_at
    first = since.astimezone(turn.zone).date()
    off = set(turn.member.memory.get(SKIP_DAYS, ()))
    days = 0
    day = first + timedelta(days=1)
    while day <= turn.today:
        if day.weekday() in turn.member.days and day.isoformat() not in off:
            days += 1
        day += timedelta(days=1)
    return days


def _quiet_limit_reached(turn: Turn) -> bool:
    """After the keep-going question: at most one message a day while the member is silent."""
    if QUIET_ASKED not in turn.member.memory:
        return False
    if turn.member.memory.get(LAST_SENT_DAY) == turn.today.isoformat():
        return True
    turn.member.memory[LAST_SENT_DAY] = turn.today.isoformat()
    return False


FOLLOW_UP_DAY = "follow_up_day"  # memory: the local day "Heard back?" was last asked
PICKED_UP = "picked_up_draft"  # memory: the draft a morning question last picked up


def ask_morning(turn: Turn, checkin: CheckIn) -> None:
    """Today's question — or, after a silent week, the one question about keeping going."""
    member = turn.member
    assert member.id is not None
    plan_next_morning(turn.uow, member, turn.now)
    member.memory[MORNING_DAY] = turn.today.isoformat()  # one morning question a day
    if member.state == State.CONFIRM_FORGET:
        return
    if member.state == State.ONBOARDING:
        finish_quietly(turn)
    data = member.state_data
    if (
        member.state == State.CLARIFYING
        and data.get("who")
        and "what" in str(data.get("asking", ""))
        and not data.get("made")
        and member.memory.get(PICKED_UP) != data.get("draft")  # once: the morning after
        and not _quiet_limit_reached(turn)
    ):
        # Mid-plan last night ("coffee with my old boss Megan" — "What will you ask Megan
        # for?"): the morning picks the plan up instead of dropping the person.
        who = yours(data["who"])
        member.state_data = {**data, "questions": 1}
        member.memory[PICKED_UP] = data.get("draft")
        turn.say(
            f"{_hello(turn)}, {member.name}! Still planning to ask {who}? What will you ask "
            f"{data['who'] if who == data['who'] else 'them'} for — or tell me someone new."
        )
        if silent_days(turn) < NO_NUDGE_AFTER:
            plan_nudge(turn.uow, member, checkin.due_at)
        return
    keep_draft(turn)
    silent = silent_days(turn)
    if silent >= QUIET_CHECK_AFTER and QUIET_ASKED not in member.memory:
        member.memory[QUIET_ASKED] = turn.now.isoformat()
        member.memory[LAST_SENT_DAY] = turn.today.isoformat()
        member.state = State.IDLE
        member.state_data = {}
        turn.say(
            f"Hi {member.name} — I haven't heard from you in a while, and that's OK. Want me "
            "to keep checking in, check in less often, or take a break?",
            Choice("Keep going", "!quiet:0:keep"),
            Choice("Mon, Wed, Fri only", "!quiet:0:fewer"),
            Choice("Pause 2 weeks", "!quiet:0:pause2w"),
        )
        return
    if _quiet_limit_reached(turn):
        return
    open_asks = _open_asks(turn)
    planned = [a for a in reversed(open_asks) if _local_day(turn, a) == turn.today]
    if planned:  # the member set today's asks before the morning question
        people = list(dict.fromkeys(yours(a.who or "someone") for a in planned))
        said = people[0] if len(people) == 1 else f"{', '.join(people[:-1])} and {people[-1]}"
        turn.say(
            f"{_hello(turn)}, {member.name}! Today's "
            f"{'ask is' if len(planned) == 1 else 'asks are'} already set — {said}. Good luck; "
            + (
                "tell me how it goes."
                if member.memory.get(NO_AFTERNOON)
                else "I'll check in later."
            )
        )
        return
    open_ask = next((a for a in open_asks if _local_day(turn, a) < turn.today), None)
    example = morning_example(
        turn.uow.targets.for_member(member.id),
        turn.uow.asks.for_member(member.id, since=turn.now - timedelta(days=30)),
        turn.now.toordinal(),
        member.name,
    )
    still = (
        f"\nStill open: your ask of {yours(open_ask.who)}. That one, or someone new?"
        if open_ask is not None and open_ask.who
        else f"\n(e.g. “{example}”)"
    )
    if member.state == State.AWAITING_FOLLOW_UP and member.memory.get(FOLLOW_UP_DAY) == (
        turn.today.isoformat()
    ):
        # "Heard back from Jen?" went out this morning too: that question stays the pending one,
        # so "yes she replied" answers it; a plan typed now is still taken as a plan.
        turn.say(
            f"{_hello(turn)}, {member.name}! When you've answered that — who will you ask today, and "
            "for what?"
        )
        if silent < NO_NUDGE_AFTER:
            plan_nudge(turn.uow, member, checkin.due_at)
        return
    question = f"{_hello(turn)}, {member.name}! What's your specific ask today — who will you ask, and for what?{still}"
    if member.state == State.AWAITING_ASK:  # the last question went unanswered: other words
        question = (
            f"{_hello(turn)}, {member.name}! New day: who's one person you could ask for one thing today?",
            f"{_hello(turn)}, {member.name}! One small ask today? A name and one favour is all it takes.",
        )[turn.today.toordinal() % 2] + still
    turn.say(question)
    member.state = State.AWAITING_ASK
    member.state_data = {}
    if silent < NO_NUDGE_AFTER:
        plan_nudge(turn.uow, member, checkin.due_at)


def _hello(turn: Turn) -> str:
    """The greeting for the hour the member chose: the "morning" question may come at 19:00."""
    hour = turn.now.astimezone(turn.zone).hour
    return "Morning" if hour < 12 else "Hi" if hour < 17 else "Evening"


def _open_asks(turn: Turn) -> list[Ask]:
    """The member's specific asks of the past week not made yet, newest first."""
    assert turn.member.id is not None
    recent = turn.uow.asks.for_member(turn.member.id, since=turn.now - timedelta(days=7))
    return [
        ask
        for ask in reversed(recent)
        if ask.verdict == Verdict.SPECIFIC and ask.status == AskStatus.OPEN
    ]


def _local_day(turn: Turn, ask: Ask) -> date:
    return ask.created_at.astimezone(turn.zone).date()


def quiet_answer(turn: Turn, action: str) -> None:
    """The keep-going question's buttons."""
    member = turn.member
    if action == "keep":
        turn.say("Great — same time, same question. One person, one favour.")
    elif action == "fewer":
        member.days = frozenset({0, 2, 4})
        plan_next_morning(turn.uow, member, turn.now)
        turn.say("Done: Mondays, Wednesdays and Fridays. `days mon-fri` brings the rest back.")
    else:
        pause_for(turn, turn.today + timedelta(days=14))


def ask_nudge(turn: Turn, checkin: CheckIn) -> None:
    if turn.member.state != State.AWAITING_ASK or silent_days(turn) >= NO_NUDGE_AFTER:
        return
    still_open = next((ask for ask in _open_asks(turn) if ask.who), None)
    if still_open is not None:
        # the morning said an ask of Maia is still open: the nudge names her too
        turn.say(
            f"Still time for today's ask — {yours(still_open.who)} from before, or someone new. "
            "Or say `skip`."
        )
        return
    turn.say("Still time for today's ask — one person, one favour. Or say `skip`.")


def ask_afternoon(turn: Turn, checkin: CheckIn) -> None:
    ask = turn.uow.asks.get(checkin.ask_id) if checkin.ask_id else None
    if ask is None or ask.status != AskStatus.OPEN or _quiet_limit_reached(turn):
        return
    keep_draft(turn)
    text, choices = made_question(ask)
    turn.member.state_data = {"ask_id": ask.id}
    turn.member.state = State.AWAITING_MADE
    turn.say(text, *choices)


def ask_follow_up(turn: Turn, checkin: CheckIn) -> None:
    """ "Heard back?" — only about an ask that was made and is still waiting."""
    ask = turn.uow.asks.get(checkin.ask_id) if checkin.ask_id else None
    if ask is None or ask.status != AskStatus.MADE:
        return
    if ask.outcome in (Outcome.YES, Outcome.NO) or _quiet_limit_reached(turn):
        return
    keep_draft(turn)
    who = yours(ask.who or "them")
    days = max(1, (turn.today - ask.created_at.astimezone(turn.zone).date()).days)
    turn.member.state_data = {"ask_id": ask.id}
    turn.member.state = State.AWAITING_FOLLOW_UP
    turn.member.memory[FOLLOW_UP_DAY] = turn.today.isoformat()
    # "3 days ago you asked Raj for a referral at Stripe": the coach's reading, not the whole
    # conversation it was pieced together from; the member's words when it has none
    what = judge(turn, ask.text).what if ask.who else None
    asked = (
        f"you asked {who}" + (f" for {what}" if what else "")
        if ask.who
        else f"you asked: {short(ask.text, 90)}"
    )
    turn.say(
        f"{days} day{'s' if days != 1 else ''} ago {asked}. "
        f"Heard back from {who}? A short, friendly nudge is normal.",
        *follow_up_choices(ask.id),
    )


def ask_review(turn: Turn, checkin: CheckIn) -> None:
    """Friday: my week's asks and outcomes, follow-ups due, gives, streak, one idea."""
    member = turn.member
    assert member.id is not None
    plan_next_review(turn.uow, member, turn.now)
    if member.state in (State.ONBOARDING, State.CONFIRM_FORGET, State.NEW):
        return
    if QUIET_ASKED in member.memory or silent_days(turn) >= QUIET_CHECK_AFTER:
        return  # a silent member gets at most one message a day: the morning question
    zone = turn.zone
    today = turn.today
    monday = today - timedelta(days=today.weekday())
    asks = turn.uow.asks.for_member(member.id)
    gives = turn.uow.gives.for_member(member.id)
    stats = compute_stats(asks, gives, zone, member.days, turn.now)
    week = [a for a in asks if a.created_at.astimezone(zone).date() >= monday]
    specific = [a for a in week if a.verdict == Verdict.SPECIFIC]
    week_gives = [g for g in gives if g.created_at.astimezone(zone).date() >= monday]
    waiting = [
        a
        for a in asks
        if a.verdict == Verdict.SPECIFIC
        and a.status == AskStatus.MADE
        and a.outcome in (None, Outcome.WAITING)
        and a.created_at.astimezone(zone).date() < monday
    ]
    lines = [f"Your week, {member.name}:"]
    if specific:
        people = ", ".join(dict.fromkeys(a.who or "someone" for a in specific))
        made = sum(1 for a in specific if a.was_made)
        yes = sum(1 for a in specific if a.outcome == Outcome.YES)
        count = plural(len(specific), "specific ask", "specific asks")
        untold = [
            a
            for a in specific
            if a.status == AskStatus.OPEN and a.created_at.astimezone(zone).date() == today
        ]  # today's ask, still open: "0 made" alone would claim what isn't known yet
        later = f" — today's ask of {yours(untold[-1].who or 'them')} still open" if untold else ""
        lines.append(f"• {count} ({people}) · {made} made · {yes} yes{later}")
    else:
        lines.append("• No specific ask this week — that's fine, next week is new.")
    if waiting:
        names = ", ".join(dict.fromkeys(a.who or "someone" for a in waiting[-3:]))
        lines.append(f"• Waiting to hear from: {names} — a short nudge is normal.")
    streak = plural(stats.streak, "day", "days")
    lines.append(f"• Gives: {len(week_gives)} · streak: {streak}")
    lines.append("Next week: " + _suggestion(len(specific), len(week_gives), waiting))
    turn.say("\n".join(lines))
    if turn.charts is not None:
        png = turn.charts.asks_per_day(count_by_day(asks, zone, monday, today), "My week")
        turn.replies[-1] = replace(turn.replies[-1], attachment=png, attachment_name="my-week.png")


def morning_example(targets: list[Target], recent: list[Ask], seed: int, member: str) -> str:
    """An example drawn from the member's own targets and recent contacts (never themself, and
    never someone whose answer is still awaited: "Ask Carla who else…" while Carla is away)."""
    contacts = [
        a.who
        for a in recent
        if a.who
        and a.verdict == Verdict.SPECIFIC
        and a.who.lower() != member.lower()
        and a.outcome in (Outcome.YES, Outcome.NO)
    ]
    if contacts and targets and seed % 2 == 0:
        company = targets[seed % len(targets)].company
        return f"Ask {contacts[seed % len(contacts)]} who they know at {company}"
    if targets:
        company = targets[seed % len(targets)].company
        return f"Ask a former colleague for two names at {company} and an intro to one"
    if contacts:
        return f"Ask {contacts[-1]} who else you should talk to"
    person = "Priya" if member.lower() != "priya" else "Jen"
    return f"Ask {person} for an intro to the data team lead at Target"


def _suggestion(specific: int, gives: int, waiting: list[Ask]) -> str:
    """One concrete idea for next week, from the networking rules."""
    if specific == 0:
        return "pick one target company and ask one person you know for two names there."
    if gives == 0:
        return "offer help first — one intro or one review for someone in the group."
    if waiting:
        return f"close the loop with {waiting[-1].who or 'them'}, then thank them either way."
    return "keep the rhythm: one person, one clear favour, every working day."
