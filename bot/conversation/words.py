"""The member's own settings and records, in chat words or in plain words: help, gives,
targets, `know`, stats, schedule, pause / stop / resume, export, forget, sharing.

Each handler takes the understood message (`Reading`) and returns the next state; a handler
that leaves the conversation where it was returns the member's current state.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from bot.checkins.planning import (
    NO_AFTERNOON,
    NO_NUDGE,
    NO_REVIEW,
    REVIEW_TIME,
    SKIP_DAYS,
    cancel_all,
    plan_afternoon,
    plan_check_ins,
    plan_next_morning,
    plan_next_review,
    review_day,
)
from bot.coaching import Verdict
from bot.conversation import planning
from bot.conversation.group import offer_intro, word_digest, word_report, word_share
from bot.conversation.intents import Intent, Reading
from bot.conversation.people import user_key
from bot.conversation.phrases import STREAK_QUESTION
from bot.conversation.states import State
from bot.conversation.text import check_ins, short
from bot.conversation.turn import Turn
from bot.domain import AskStatus, CheckInKind, Give, KnownCompany, Member, Target
from bot.export import member_record
from bot.group.digest import plural
from bot.progress import compute_stats
from bot.schedule import timezone_or_none
from bot.schedule.words import NO_DATES, Break

MAX_COMPANY_CHARS = 80
PREVIOUS_ZONE = "previous_zone"  # member memory: the zone before the last change
MAX_PAUSE_DAYS = 365

HELP = (
    "I'm your ask coach. Each working day I'll ask: who will you ask, and for what?\n"
    "Just talk to me — “9am works”, “did it!”, “she said yes”, “pause till monday”, "
    "“what should I ask?”. Words I know:\n"
    "• `ask <who and what>` log an ask  • `gave <help you gave>` log a give\n"
    "• `targets`, `target add <company>`, `target remove <company>`\n"
    "• `know <company>` you know people there  • `stats` your numbers\n"
    "• `time 08:30`, `days mon-fri`, `tz Europe/Berlin`, `pause 5`, `resume`, `stop`\n"
    "• `export` your data  • `forget` delete everything about you\n"
    "`skip` is always fine."
)


def _stay(turn: Turn) -> State:
    return State(turn.member.state)


def help_(turn: Turn, reading: Reading) -> State:
    turn.say(HELP)
    return _stay(turn)


# "btw I helped Sue fix her resume" is logged as "helped Sue fix her resume".
_GIVE_LEAD = re.compile(
    r"^((btw|fyi|also|oh|and)[,:]? +)?((today |yesterday |just |already )*i +(just |already )?)?",
    re.I,
)


def give(turn: Turn, reading: Reading) -> State:
    text = reading.rest if reading.word == "gave" else _GIVE_LEAD.sub("", reading.text)
    if not text:
        turn.refuse("What help did you give? e.g. `gave Sam an intro to my old manager`")
        return _stay(turn)
    assert turn.member.id is not None
    turn.uow.gives.add(Give(member_id=turn.member.id, text=text[:500], created_at=turn.now))
    turn.say(f"Logged your give: {short(text)}. Helping first is how networks work. 🙌")
    return _stay(turn)


def take_back_give(turn: Turn, reading: Reading) -> State:
    """ "delete the Omar thing, I didn't actually end up helping him": the give to the person
    named (the latest one), or the latest give when no one is named."""
    assert turn.member.id is not None
    gives = turn.uow.gives.for_member(turn.member.id)
    said = set(re.findall(r"[\w'-]+", reading.text.lower()))
    named = [g for g in gives if g.text.split()[0].lower() in said]
    unnamed = not any(word[0].isupper() for word in reading.text.split()[1:]) and not re.search(
        r"\b(to|for|with) \w+\s*$", reading.text.strip(" .!?")
    )
    give = named[-1] if named else (gives[-1] if gives and unnamed else None)
    if give is None or give.id is None:
        who = re.search(r"\b(?:to|for|with) ([\w'-]+)\s*[.!?]*$", reading.text) or re.search(
            r"\b([A-Z][\w'-]+)", reading.text[1:]
        )
        turn.say(
            f"I have no give {'to ' + who.group(1) + ' ' if who else ''}on record — `stats` "
            "counts your gives, and `gave …` logs one."
        )
        return _stay(turn)
    turn.uow.gives.remove(turn.member.id, give.id)
    turn.say(f"Removed your give: {short(give.text)}. Gives now: {len(gives) - 1}.")
    return _stay(turn)


def targets(turn: Turn, reading: Reading) -> State:
    assert turn.member.id is not None
    if reading.word == "target":
        return _target_word(turn, reading.rest)
    listed = turn.uow.targets.for_member(turn.member.id)
    if not listed:
        turn.say("No target companies yet. Add one: `target add Medtronic`")
    else:
        names = ", ".join(t.company for t in listed)
        turn.say(f"Your targets: {names}. Who do you know at one of them?")
    return _stay(turn)


def _target_word(turn: Turn, rest: str) -> State:
    assert turn.member.id is not None
    verb, _, company = rest.partition(" ")
    company = " ".join(company.split())
    if verb.lower() not in ("remove", "rm", "delete", "del", "drop") or not company:
        turn.refuse("Try `target add <company>` or `target remove <company>`.")
        return _stay(turn)
    if turn.uow.targets.remove(turn.member.id, company):
        turn.say(f"Removed {company} from your targets.")
    else:
        turn.say(f"{short(company, 40)} isn't on your targets. Say `targets` to see them.")
    return _stay(turn)


def target_add(turn: Turn, reading: Reading) -> State:
    """`target add Stripe, Nubank` and "add shopify to my list": one target each."""
    assert turn.member.id is not None
    existing = {t.company.lower() for t in turn.uow.targets.for_member(turn.member.id)}
    added: list[str] = []
    for company in reading.companies:
        if len(company) > MAX_COMPANY_CHARS:
            turn.refuse(f"That company name is too long (over {MAX_COMPANY_CHARS} characters).")
            return _stay(turn)
        if company.lower() in existing:
            continue
        turn.uow.targets.add(Target(member_id=turn.member.id, company=company, created_at=turn.now))
        existing.add(company.lower())
        added.append(company)
    if not added:
        turn.say(
            f"{', '.join(reading.companies)} {'is' if len(reading.companies) == 1 else 'are'} "
            "already on your list."
        )
        if reading.rest:
            return planning.plan(turn, replace(reading, intent=Intent.PLAN, text=reading.rest))
        return _stay(turn)
    names = ", ".join(added[:-1]) + (" and " if len(added) > 1 else "") + added[-1]
    if reading.rest:  # "target add canva, atlassian. and my ask is: ask Mei …": the ask too
        turn.say(f"Added {names}.")
        return planning.plan(turn, replace(reading, intent=Intent.PLAN, text=reading.rest))
    turn.say(f"Added {names}. Who do you know there — or who might?")
    for company in added:
        offer_intro(turn, company)
    return _stay(turn)


def know(turn: Turn, reading: Reading) -> State:
    """`know Medtronic`, "i know people at zalando and n26": one entry each."""
    assert turn.member.id is not None
    named = reading.companies or ((reading.company,) if reading.company else ())
    companies = [" ".join(name.split()) for name in named if name.strip()]
    if not companies:
        turn.refuse("Where do you know people? e.g. `know Medtronic`")
        return _stay(turn)
    if any(len(company) > MAX_COMPANY_CHARS for company in companies):
        turn.refuse(f"That company name is too long (over {MAX_COMPANY_CHARS} characters).")
        return _stay(turn)
    existing = {k.company.lower() for k in turn.uow.known.for_member(turn.member.id)}
    for company in companies:
        if company.lower() not in existing:
            turn.uow.known.add(
                KnownCompany(member_id=turn.member.id, company=company, created_at=turn.now)
            )
            existing.add(company.lower())
    names = ", ".join(companies[:-1]) + (" and " if len(companies) > 1 else "") + companies[-1]
    turn.say(
        f"Noted: you know people at {names}. I'll only pass that on with your OK, when "
        "someone in the group needs an intro there."
    )
    return _stay(turn)


def stats(turn: Turn, reading: Reading) -> State:
    member = turn.member
    assert member.id is not None
    numbers = compute_stats(
        turn.uow.asks.for_member(member.id),
        turn.uow.gives.for_member(member.id),
        turn.zone,
        member.days,
        turn.now,
    )
    explain = (
        "Your streak counts the days in a row on which you made an ask (a day off never breaks "
        "it) — planning one isn't enough, asking is.\n"
        if STREAK_QUESTION.search(reading.text.lower())
        else ""
    )
    turn.say(
        f"{explain}Asks: {numbers.specific} specific of {numbers.asks} planned · made {numbers.made} · "
        f"yes {numbers.said_yes} · gives {numbers.gives}\n"
        f"This week: {numbers.week_specific} specific · streak: {numbers.streak} day"
        f"{'s' if numbers.streak != 1 else ''} in a row with an ask made"
    )
    return _stay(turn)


def schedule(turn: Turn, reading: Reading) -> State:
    """`time 08:30`, `days mon,wed,fri`, `tz Europe/Berlin`, or "can you do 7:45 instead",
    "mexico city 8am"."""
    member = turn.member
    if reading.word == "time" and reading.time is None:
        turn.refuse(
            f"“{short(reading.rest, 20)}” isn't a time I understand. Try `time 08:30` or “9am”."
        )
        return _stay(turn)
    if reading.word == "days" and reading.days is None:
        turn.refuse("Try `days mon-fri`, `days daily` or `days mon,wed,fri`.")
        return _stay(turn)
    if reading.word == "tz" and reading.zone is None:
        turn.refuse(unknown_zone(reading.rest))
        return _stay(turn)
    if reading.word == "zone_back":
        before = member.memory.get(PREVIOUS_ZONE)
        if not isinstance(before, str):
            turn.say(
                f"Which zone should I switch to? e.g. `tz Europe/London`. Now: {check_ins(member)}."
            )
            return _stay(turn)
        reading = replace(reading, zone=timezone_or_none(before), word=None)
    if reading.without_days and reading.days is None:
        kept = member.days - reading.without_days
        if kept == member.days or not kept:
            turn.say(
                f"I check in {check_ins(member)} — "
                + (
                    "that day is already off."
                    if kept == member.days
                    else "that's your only day. `pause 7` or `stop` instead?"
                )
            )
            return _stay(turn)
    if not apply_schedule(turn, reading):
        if not turn.refused:
            turn.say("What time suits you? e.g. `time 08:30`, “9am central”, `days mon,wed,fri`.")
        return _stay(turn)
    # A morning question already asked today is not asked again in the new zone or time.
    asked_today = member.memory.get("morning_day") == turn.today.isoformat()
    after = (
        datetime.combine(turn.today + timedelta(days=1), datetime.min.time(), turn.zone)
        if asked_today
        else turn.now
    )
    plan_next_morning(turn.uow, member, max(after, turn.now))
    turn.say(f"Done: check-ins {check_ins(member)}.")
    return _stay(turn)


@dataclass(frozen=True)
class _OptionalMessage:
    """A message besides the morning question that a member may turn off and on again."""

    key: str  # the member memory flag that turns it off
    name: str  # "Friday review", "midday reminder"
    when: Callable[[Member], str]  # when it comes, said back when it is on
    replan: Callable[[Turn], None]


def _replan_review(turn: Turn) -> None:
    plan_next_review(turn.uow, turn.member, turn.now)  # none while off


def _cancel_nudge(turn: Turn) -> None:
    assert turn.member.id is not None
    turn.uow.checkins.cancel_pending(turn.member.id, [CheckInKind.NUDGE])


_REVIEW = _OptionalMessage(
    NO_REVIEW,
    "Friday review",
    lambda member: (
        f"{calendar.day_name[review_day(member)]}s at {REVIEW_TIME:%H:%M} ({member.timezone})"
    ),
    _replan_review,
)


def _replan_afternoon(turn: Turn) -> None:
    """Off: the pending question goes. On: today's open ask gets its question again."""
    assert turn.member.id is not None
    turn.uow.checkins.cancel_pending(turn.member.id, [CheckInKind.AFTERNOON])
    ask = planning.last_plan(turn)
    if ask is not None and ask.status == AskStatus.OPEN and ask.verdict == Verdict.SPECIFIC.value:
        plan_afternoon(turn.uow, turn.member, ask, turn.now)  # none while off


_AFTERNOON = _OptionalMessage(
    NO_AFTERNOON,
    "afternoon question",
    lambda member: (
        f"“Did you make your ask?” at {member.afternoon_time:%H:%M} on the day you plan one"
    ),
    _replan_afternoon,
)
_NUDGE = _OptionalMessage(
    NO_NUDGE,
    "midday reminder",
    lambda member: "one short line when the morning question is still unanswered at noon",
    _cancel_nudge,
)


def _switch(turn: Turn, reading: Reading, message: _OptionalMessage) -> State:
    """ "i dont want the friday review thing", "midday reminder back on": off, or on again."""
    member = turn.member
    off = bool(member.memory.get(message.key))
    if reading.rest == "off":
        member.memory[message.key] = True
        message.replan(turn)
        lead = f"The {message.name} is already off." if off else f"Done — no more {message.name}."
        turn.say(
            f"{lead} The morning question stays: {check_ins(member)}. To have it back, say "
            f"“{message.name} on”."
        )
        return _stay(turn)
    member.memory.pop(message.key, None)
    message.replan(turn)
    lead = f"Done — the {message.name} is back" if off else f"The {message.name} is on"
    turn.say(f"{lead}: {message.when(member)}.")
    return _stay(turn)


def review(turn: Turn, reading: Reading) -> State:
    """ "i dont want the friday review thing" / "can i have the friday review back"."""
    return _switch(turn, reading, _REVIEW)


def nudges(turn: Turn, reading: Reading) -> State:
    """ "stop sending me the midday reminders" / "midday reminder back on"."""
    return _switch(turn, reading, _NUDGE)


def afternoon(turn: Turn, reading: Reading) -> State:
    """ "stop the afternoon check ins pls, mornings are fine" / "afternoon question back on"."""
    return _switch(turn, reading, _AFTERNOON)


def skip_day(turn: Turn, reading: Reading) -> State:
    """ "pls dont message me on my birthday friday lol": no morning question that day."""
    member = turn.member
    day = reading.pause.resume_day(turn.today) if reading.pause else None
    if day is None:
        return _stay(turn)
    skipped = [d for d in member.memory.get(SKIP_DAYS, ()) if d >= turn.today.isoformat()]
    member.memory[SKIP_DAYS] = sorted({*skipped, day.isoformat()})
    plan_next_morning(turn.uow, member, turn.now)
    plan_next_review(turn.uow, member, turn.now)
    low = reading.text.lower()
    occasion = re.search(r"\b(graduation|wedding|birthday|anniversary|funeral|surgery|exam)\b", low)
    wish = (
        "Happy birthday! 🎂 "
        if "birthday" in low
        else "Congratulations to her! 🎓 "
        if occasion and occasion.group(1) == "graduation" and "daughter" in low
        else "Congratulations to him! 🎓 "
        if occasion and occasion.group(1) == "graduation" and "son" in low
        else f"Enjoy the {occasion.group(1)}! "
        if occasion and occasion.group(1) in ("graduation", "wedding", "anniversary")
        else ""
    )
    off = f"No check-in on {day:%A %-d %B}." if wish else f"Done — no check-in on {day:%A %-d %B}."
    turn.say(f"{wish}{off}")
    return _stay(turn)


def apply_schedule(turn: Turn, reading: Reading) -> bool:
    """Set the member's zone, time and days from a reading; False (and nothing changed) when
    it names no schedule, or an unknown zone (refused)."""
    if reading.bad_zone and reading.zone is None:
        turn.refuse(unknown_zone(reading.bad_zone))
        return False
    if reading.without_days and reading.days is None:
        left = turn.member.days - reading.without_days
        if not left or left == turn.member.days:
            return False  # the last day, or a day already off: nothing to change
        reading = replace(reading, days=frozenset(left))
    if reading.time is None and reading.zone is None and reading.days is None:
        return False
    member = turn.member
    if reading.zone is not None:
        if reading.zone.key != member.timezone:
            member.memory[PREVIOUS_ZONE] = member.timezone  # "switch back pls" goes back to it
        member.timezone = reading.zone.key
    if reading.time is not None:
        at = reading.time
        if (
            member.checkin_time.hour >= 12
            and at.hour < 12
            and not re.search(
                r"\d\s*(am|a\.m)|\b(am|morning|mornings|early|breakfast)\b", reading.text.lower()
            )
        ):
            # "8 is fine" from a member checked in at 19:00: the evening's 8, not the morning's
            at = at.replace(hour=at.hour + 12)
        member.checkin_time = at
    if reading.days is not None:
        member.days = reading.days
    return True


def pause(turn: Turn, reading: Reading, lead: str = "") -> State:
    """`pause 5`, "pause till monday", "on vacation until March 20"."""
    brk = reading.pause
    if brk is NO_DATES:  # "off march 13-9", "off feb 30 - mar 2": dates that can't be a break
        turn.refuse(
            "I couldn't read those dates as time off — the last day comes before the first, or "
            "a day doesn't exist, or it's over six months. Try “off march 9-13” or “pause till "
            "the 20th”; nothing has changed."
        )
        return _stay(turn)
    if brk is None and reading.word != "pause" and re.search(r"\d", reading.text):
        # "i'm off 9-5": numbers that aren't dates — ask, rather than guess a week
        turn.refuse(
            "Is that time off? Tell me the days, e.g. “off march 9-13” or “off till the 20th”, "
            "and I'll leave them out. Nothing has changed."
        )
        return _stay(turn)
    if brk is None and reading.word == "pause":
        turn.refuse(
            f"Pause for how many days? e.g. `pause 5` (1 to {MAX_PAUSE_DAYS}), or “pause till "
            "monday”."
        )
        return _stay(turn)
    brk = brk or Break(days=7)
    resume_day = brk.resume_day(turn.today)
    days = (resume_day - turn.today).days
    if not 1 <= days <= MAX_PAUSE_DAYS:
        turn.refuse(
            f"Pause for how many days? e.g. `pause 5` (1 to {MAX_PAUSE_DAYS}), or “pause till "
            "monday”."
        )
        return _stay(turn)
    if brk.start is not None and brk.start > turn.today:
        return _days_off_later(turn, brk.start, resume_day, lead, why=reading.text)
    pause_for(turn, resume_day, lead, why=reading.text)
    return State.IDLE


def _days_off_later(turn: Turn, start: date, resume_day: date, lead: str, why: str = "") -> State:
    """ "off next week" said on a Tuesday, "away march 9-13": those days are left out, and the
    check-ins until then come as usual (a pause from today would cost this week's asks)."""
    member = turn.member
    off = [start + timedelta(days=n) for n in range((resume_day - start).days)]
    kept = [d for d in member.memory.get(SKIP_DAYS, ()) if d >= turn.today.isoformat()]
    member.memory[SKIP_DAYS] = sorted({*kept, *(day.isoformat() for day in off)})
    plan_next_morning(turn.uow, member, turn.now)
    plan_next_review(turn.uow, member, turn.now)
    last = max((day for day in off if day.weekday() in member.days), default=off[-1])
    back = next(
        (
            resume_day + timedelta(days=n)
            for n in range(7)
            if (resume_day + timedelta(days=n)).weekday() in member.days
        ),
        resume_day,
    )
    span = (
        f"{start:%a %-d %b}"
        if start == last
        else f"{start:%a %-d} – {last:%a %-d %b}"
        if start.month == last.month
        else f"{start:%a %-d %b} – {last:%a %-d %b}"
    )
    tired = re.search(r"\b(burn(t|ed)? ?out|exhausted|tired|rest|sick|ill|recover)", why, re.I)
    wish = "Rest well — you've earned it." if tired else "Enjoy the time off!"
    turn.say(
        f"{lead}Got it — no check-ins {span}; I'll be back {back:%a %-d %b}. Until then, "
        f"as usual. {wish}"
    )
    return _stay(turn)


def pause_instead_of_forgetting(turn: Turn, reading: Reading) -> State:
    """ "ok maybe just pause a month" to the deletion question: a break, and nothing deleted."""
    return pause(turn, reading, lead="Nothing deleted. ")


def pause_for(turn: Turn, resume_day: date, lead: str = "", why: str = "") -> None:
    """A break until `resume_day`; the parting words fit the reason given ("exams", "vacation")."""
    planning.hold_until(turn, resume_day)
    busy = re.search(r"\b(exams?|finals|thesis|move|wedding)\b", why, re.IGNORECASE)
    wish = f"Good luck with the {busy.group(1).lower()}" if busy else "Rest well"
    turn.say(f"{lead}Paused until {resume_day:%a %-d %b}. {wish} — `resume` brings me back sooner.")


def stop(turn: Turn, reading: Reading) -> State:
    """ "stop", "unsubscribe", "leave me alone": no more check-ins, and how to come back."""
    member = turn.member
    member.memory["stopped"] = True
    member.state_data = {}
    cancel_all(turn.uow, member)
    turn.say(
        "Done — no more check-ins from me. Your asks are kept; `resume` starts again anytime, "
        "and `forget` deletes everything."
    )
    return State.IDLE


def resume(turn: Turn, reading: Reading) -> State:
    member = turn.member
    days_off = [d for d in member.memory.get(SKIP_DAYS, ()) if d >= turn.today.isoformat()]
    was_away = (
        (member.paused_until is not None and member.paused_until > turn.now)
        or member.stopped
        or bool(days_off)  # "off next week" — "never mind, keep them coming"
    )
    member.memory.pop(SKIP_DAYS, None)
    member.paused_until = None
    member.hired_at = None
    member.undeliverable = False
    member.memory.pop("stopped", None)
    if member.state == State.ONBOARDING:
        member.state = State.IDLE
        member.state_data = {}
    if reading.why in ("the job fell through", "the job not signed yet"):
        member.state_data = {}  # the "share it with the group?" question is void
    plan_check_ins(turn.uow, member, turn.now)
    welcome = (
        "Welcome back — no guilt needed. "
        if reading.why == "back after a silence"
        else "I'm so sorry — that's a real blow, and it's not on you. I'm here, and we go on. "
        if reading.why == "the job fell through"
        else "Got it — not signed yet, so we keep going until it is. A verbal offer is a great "
        "sign; keep one or two asks warm meanwhile. "
        if reading.why == "the job not signed yet"
        else "Welcome back! "
        if was_away
        else ""
    )
    turn.say(welcome + f"Check-ins are on: {check_ins(member, zone=False)}.")
    return _stay(turn)


def export(turn: Turn, reading: Reading) -> State:
    record = member_record(turn.uow, turn.member)
    turn.say("Here's everything I hold about you:\n" + json.dumps(record, indent=1))
    return _stay(turn)


def forget(turn: Turn, reading: Reading) -> State:
    assert turn.member.id is not None
    asks = len(turn.uow.asks.for_member(turn.member.id))
    turn.member.state_data = {"before": turn.member.state}
    turn.say(
        f"This deletes everything I hold about you ({plural(asks, 'ask', 'asks')}, your gives, targets and "
        "schedule). Reply `yes, delete` (or just `yes`) to confirm; anything else keeps it."
    )
    return State.CONFIRM_FORGET


def forget_confirmed(turn: Turn, reading: Reading) -> State:
    member = turn.member
    assert member.id is not None and turn.community.id is not None
    turn.uow.forget_member(member.id)
    turn.uow.opt_outs.add(turn.community.id, user_key(member.external_id), turn.now)
    member.id = None
    member.state = "forgotten"
    turn.say("Done — I've deleted everything about you. Message me anytime to start fresh.")
    turn.replies[:] = [replace(reply, member_id=None) for reply in turn.replies]
    return State.NEW


def forget_kept(turn: Turn, reading: Reading) -> State:
    member = turn.member
    before = str(member.state_data.get("before", State.IDLE))
    member.state_data = {}
    low = reading.text.lower()
    after = ""
    if re.search(r"\b(stop|messages|msgs|pings|check ?ins)\b", low):
        after = " To stop the messages instead, say `stop`: your data stays, and `resume` brings me back."
    elif "?" in low or re.search(r"\b(export|copy|stats|lose|first|download)\b", low):
        after = (
            " `forget` deletes all of it, your stats too. Want a copy first? `export` sends you "
            "everything; then say `forget` again."
        )
    turn.say("Kept everything. Nothing was deleted." + after)
    return State(before) if before in State._value2member_map_ else State.IDLE


def share(turn: Turn, reading: Reading) -> State:
    word_share(turn, reading.rest)
    return _stay(turn)


def report(turn: Turn, reading: Reading) -> State:
    word_report(turn, reading.rest)
    return _stay(turn)


def digest(turn: Turn, reading: Reading) -> State:
    word_digest(turn, reading.rest, turn.charts)
    return _stay(turn)


def unknown_zone(name: str) -> str:
    return (
        f"I don't know the timezone “{short(name, 40)}”. Try a city like America/Chicago or "
        "Europe/Berlin."
    )
