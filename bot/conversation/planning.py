"""Plans: judging a new plan, coaching it into a specific ask, edits, skips, the ask form.

What happens when a member tells the coach what they'll do today lives here: a specific ask
is recorded and praised for what it is; a vague or passive one gets one question for exactly
what is missing; an answer is combined with the plan; after `max_clarifying_questions` the plan
is kept as it is. A plan interrupted by a check-in is kept (`keep_draft`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot.checkins.planning import plan_afternoon, plan_check_ins, plan_made_question
from bot.coaching import Assessment, Verdict
from bot.conversation.group import offer_intro
from bot.conversation.intents import (
    ADDS_DETAIL,
    TAKES_BACK,
    Intent,
    Reading,
    assessed,
    made_person,
    outcome_person,
    person_in,
    someone_in,
)
from bot.conversation.outcomes import ask_what_happened, outcome
from bot.conversation.phrases import (
    HARD_TIMES,
    JUST_MEETING,
    LEADING_HEDGE,
    MEETING,
    NAME_GIVEN,
    ONE_FAVOUR_TWO_PEOPLE,
    SAD_DAY,
    SAME_AGAIN,
    TRAILING_HEDGE,
    TWO_ASKS,
    TWO_ASKS_ELIDED,
)
from bot.conversation.states import State
from bot.conversation.text import short, yours
from bot.conversation.turn import Turn
from bot.domain import Ask, AskStatus, CheckInKind, Outcome
from bot.schedule.words import find_break

# The same person asked for the same kind of favour within this window gets a heads-up.
REPEAT_ASK_WINDOW = timedelta(days=14)
# Every this-many specific asks with no give logged, the coach suggests offering help first.
GIVE_TIP_EVERY = 3
# An edit ("make that her manager instead") changes a plan made at most this long ago.
EDIT_WINDOW = timedelta(hours=12)

_FAVOUR_START = ("to ", "for ", "if ", "whether ", "about ", "who ", "which ", "what ")


def judge(turn: Turn, text: str) -> Assessment:
    """The assessor's verdict, with the company spelled as the member's target list spells
    it (they typed "target", their target is "Target")."""
    return assessed(text, _targets(turn))


def plan(turn: Turn, reading: Reading) -> State:
    """A new plan for today: record it if specific, otherwise ask for what is missing."""
    if SAME_AGAIN.fullmatch(reading.text.lower().strip(" .!")):
        return _same_again(turn)
    assessment = judge(turn, reading.text)
    if assessment.verdict == Verdict.SPECIFIC or (
        assessment.who is None and ONE_FAVOUR_TWO_PEOPLE.match(reading.text.strip())
    ):  # "Ask Dana and Tom for a referral" names two people: vague to the assessor alone
        two = _two_asks(turn, reading.text)
        if two is not None:
            return record_two(turn, *two)
    if assessment.verdict == Verdict.SPECIFIC:
        return record(turn, assessment)
    return ask_for_missing(turn, assessment, questions=1)


def _two_asks(turn: Turn, text: str) -> tuple[Assessment, Assessment] | None:
    """ "Ask Dana for a referral at Paystack and ask Tom to review my resume": two specific
    asks of two people in one message, each judged on its own."""
    shared = ONE_FAVOUR_TWO_PEOPLE.match(text.strip())
    if shared is not None:
        first = judge(turn, f"{shared['verb']}{shared['a']} {shared['rest']}")
        second = judge(turn, f"Ask {shared['b']} {shared['rest']}")
        if _two_people(first, second):
            return first, second
    splits = [(split, "") for split in TWO_ASKS.finditer(text)]
    splits += [
        # ("…, and my brother in law Carlos to check my headline": his name reads best alone)
        (split, "" if text[split.end() :].lower().startswith("my ") else "Ask ")
        for split in TWO_ASKS_ELIDED.finditer(text)
    ]
    for split, verb in splits:
        first = judge(turn, text[: split.start()])
        second = judge(turn, verb + text[split.end() :])
        if _two_people(first, second):
            return first, second
    return None


def _two_people(first: Assessment, second: Assessment) -> bool:
    """Both asks specific, of two different people."""
    return (
        first.verdict == second.verdict == Verdict.SPECIFIC
        and first.who is not None
        and second.who is not None
        and first.who.lower() != second.who.lower()
    )


def _same_again(turn: Turn) -> State:
    """ "same as yesterday": the last plan again — or, while it is still open, that one."""
    last = last_plan(turn)
    if last is None:
        turn.say("I don't have an earlier ask of yours yet. Who will you ask today, and for what?")
        return State.AWAITING_ASK
    if last.status == AskStatus.OPEN and last.verdict == Verdict.SPECIFIC.value:
        checkin = plan_afternoon(turn.uow, turn.member, last, turn.now)
        when = (
            f" I'll check in at {checkin.due_at.astimezone(turn.zone):%H:%M}."
            if checkin and checkin.due_at.astimezone(turn.zone).date() == turn.today
            else ""
        )
        turn.say(f"Your ask of {last.who} is still open — today's the day for it.{when}")
        return State.IDLE
    if last.was_made and last.who and last.verdict == Verdict.SPECIFIC.value:
        # Asked already: the same favour of the same person again would be a repeat.
        return _same_of_someone_new(turn, last)
    assessment = judge(turn, last.text)
    if assessment.verdict == Verdict.SPECIFIC:
        return record(turn, assessment)
    return ask_for_missing(turn, assessment, questions=1)


def _same_of_someone_new(turn: Turn, last: Ask) -> State:
    """ "same as yesterday" after an ask that was made: the same favour, of someone new."""
    who = yours(last.who or "them")
    favour = judge(turn, last.text)
    what = favour.what or "the same favour"
    where = {
        Outcome.YES: f"{who} already said yes to that one 🎉",
        Outcome.NO: f"{who} said no to that one",
    }.get(last.outcome or Outcome.WAITING, f"You've asked {who} already; that one's waiting")
    turn.member.state_data = {
        "draft": f"ask for {what}",  # "Tom" completes it: "ask Tom for a referral at Paystack"
        "questions": 1,
        "asking": "who",
        "who": None,
        "what": favour.what,
        "verdict": Verdict.VAGUE.value,
    }
    turn.say(f"{where}. Same again — {what} — but of someone new? Who else could you ask for it?")
    return State.CLARIFYING


def _targets(turn: Turn) -> tuple[str, ...]:
    assert turn.member.id is not None
    return tuple(t.company for t in turn.uow.targets.for_member(turn.member.id))


def ask_for_missing(turn: Turn, assessment: Assessment, questions: int) -> State:
    """Keep what the plan already has and ask for exactly what is missing. A passive plan with
    someone in it ("coffee with Megan", "my friend dana works at hubspot") asks only what the
    member will ask that person for."""
    asking = "both" if assessment.verdict == Verdict.PASSIVE else "+".join(assessment.missing)
    who = assessment.who
    wants_what = assessment.verdict == Verdict.PASSIVE or "what" in assessment.missing
    if questions == 1 and who is None and wants_what:
        # "coffee with Megan", "thinking to contact my senior Rahul bhai": ask what for
        who = someone_in(assessment.text)
        asking = "what" if who else asking
    turn.member.state_data = {
        "draft": assessment.text,
        "questions": questions,
        "asking": asking or "both",
        "who": who,
        "what": assessment.what,
        "verdict": assessment.verdict.value,
    }
    if who and "what" in asking and _half_a_favour(assessment.text):
        # "an intro": the next answer finishes it ("to her manager at google")
        turn.member.state_data["half"] = _last_sentence(assessment.text)
    hard = HARD_TIMES.search(assessment.text.lower()) and questions == 1
    kind = "That sounds like a hard week. " if hard else ""
    if who and not assessment.who:
        lead = (
            f"{yours(who)} sounds like a good person to ask."
            if kind or len(assessment.text) > 60 or assessment.verdict != Verdict.PASSIVE
            else f"“{assessment.text}” — a good chance to ask."
        )
        turn.say(
            f"{kind}{lead} What will you ask {yours(who)} for — an intro, a referral, feedback on "
            "something, names at a company?"
        )
    else:
        turn.say(kind + _coaching_question(assessment, questions))
    return State.CLARIFYING


def still_missing(turn: Turn, reading: Reading) -> State:
    """ "ok", "got it" to a clarifying question: the same question, shorter, without counting
    it as a second question."""
    data = turn.member.state_data
    who, what = data.get("who"), data.get("what")
    if who and not what:
        options = (
            f"What's the one thing you'll ask {yours(who)} for? e.g. a referral, an intro, or two names "
            "at a company.",
            f"One favour from {yours(who)} is enough — what will it be?",
        )
    elif what and not who:
        options = (
            f"Who will you ask for {what}? One name is enough.",
            f"And who's the person for {what}?",
        )
    else:
        options = (
            "Whenever you're ready: one person, one favour — e.g. “Ask Jen for an intro to her "
            "manager”. Or `skip` for today.",
            "Who's one person you could ask, and for what? `skip` is fine too.",
        )
    turn.say_one_of(options)
    return State.CLARIFYING


# The kind of favour said without what it is for (the member's last sentence, "an intro",
# "two names"), and the question that finishes it.
_HALF_FAVOURS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\b(intro|introduction|connect me|introduce me)\b"),
        "An intro to whom? Someone at a company you're aiming for, or a role — e.g. “an intro to "
        "her manager at Google”.",
    ),
    (
        re.compile(
            r"\b(names|contacts)\b|\b(two|2|three|3|a few|some|a couple of?) (names?|contacts?|people)\b"
        ),
        "Names where — at which company or team? e.g. “two names at Google”.",
    ),
    (
        re.compile(r"\b(review|feedback|look at|look over)\b"),
        "A look at what — your resume, a cover letter, your LinkedIn profile?",
    ),
    (
        re.compile(r"\b(referral|refer)\b"),
        "A referral for which role or company? e.g. “a referral for the analyst role at Target”.",
    ),
)


def _last_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip())[-1].rstrip(".!?")


def _half_a_favour(text: str) -> str | None:
    """The question for a favour named by its kind only, in the member's last sentence."""
    last = _last_sentence(text).lower()
    if len(last.split()) > 6:
        return None
    return next((question for kind, question in _HALF_FAVOURS if kind.search(last)), None)


# Job-search work done alone: applying, polishing the documents.
_SOLO_WORK = re.compile(
    r"\b(apply|applying|send out|submit)\b.{0,25}\b(jobs?|roles?|positions?|applications?|openings?)\b"
    r"|\b(update|updating|polish|polishing|rewrite|rewriting|fix|fixing|tweak|work on)\b.{0,12}"
    r"\b(my )?(resume|cv|linkedin|portfolio|cover letters?)\b"
)


# "i know someone at AT&T", "i have a contact in google": a person there, not yet named or asked
_A_CONTACT_AT = re.compile(
    r"(?i)^(?:i|i've|i'?ve got|i have) (?:know |got |have )?(?:someone|somebody|a (?:guy|girl|friend"
    r"|contact|person|connection)|people|a few people)(?: who works?)? (?:at|in) (?P<place>[^,.!?]+)"
)


def _coaching_question(assessment: Assessment, questions: int) -> str:
    if assessment.verdict == Verdict.PASSIVE:
        if questions > 1:
            return (
                "Still no ask in there — who's one person you could ask for one thing? "
                "(e.g. “Ask Jen for an intro to her manager at Medtronic”)"
            )
        if _SOLO_WORK.search(assessment.text.lower()):
            # "apply to 10 jobs on linkedin", "update my resume today": good work, done alone
            return (
                f"“{short(assessment.text, 60)}” is good work — and it lands better with a person "
                "behind it. Who do you know who could refer you, or look it over? (e.g. “Ask Jen "
                "to review my resume before I apply”)"
            )
        if any(reason.endswith("is an activity, not an ask.") for reason in assessment.reasons):
            # "coffee with the team", "go to the meetup": a place an ask could happen
            return (
                f"“{short(assessment.text, 60)}” can be a fine place to ask — but on its own it "
                "isn't an ask. Who will you ask, and for what? "
                "(e.g. “Ask Jen for an intro to her manager at Medtronic”)"
            )
        # "i need a job any job really": no event, no one, no favour yet
        return (
            "Most jobs are found through people, so let's start with one you know. Who will you "
            "ask, and for what? (e.g. “Ask my old foreman Bill who's hiring at the plant”)"
        )
    contact = _A_CONTACT_AT.search(assessment.text) if questions == 1 else None
    if contact:  # "i know someone at AT&T": a contact there, not yet an ask of them
        place = assessment.company or contact.group("place").strip()
        return (
            f"Someone at {place} is a great start. Who is it, and what will you ask them for — a "
            "referral, an intro to the team, or 15 minutes on what it's like there?"
        )
    if "who" in assessment.missing and "what" in assessment.missing:
        if questions > 1:
            return "Nearly there — which person, and what one favour? e.g. “Ask Carlos for a referral”."
        return "Who exactly will you ask, and for what? A name and one clear favour."
    if "who" in assessment.missing:
        favour = f" for {assessment.what}" if assessment.what else ""
        return f"Who exactly will you ask{favour}? A name, e.g. “Priya from my old team”."
    who = yours(assessment.who or "them")
    half = _half_a_favour(assessment.text)
    if half is not None:  # "an intro", "two names": the kind said, its target still to come
        return half.format(who=who)
    if questions > 1:
        return (
            f"Nearly there — what's the one thing {who} can do for you? An intro to someone, two "
            "names, a referral, or a look at your resume."
        )
    return (
        f"What will you ask {who} for — an intro, a referral, feedback on something, "
        "names at a company?"
    )


def clarify(turn: Turn, reading: Reading) -> State:
    """An answer to a clarifying question: combine it with what the plan had, judge again,
    and record what the member has after at most two questions."""
    data = turn.member.state_data
    if JUST_MEETING.search(reading.text.lower()) and judge(turn, reading.text).who is None:
        return keep_as_it_is(turn, reading)  # "nah just coffee this time": no ask, and fine
    questions = int(data.get("questions", 1))
    picked = _picked(data.get("options"), reading.text)
    if picked is not None:  # "the first one", "option 2", "the resume one"
        reading = replace(reading, text=picked)
    candidates: list[Assessment] = []
    # Judge the readings in order and stop at the first specific one.
    who = data.get("who")
    given = NAME_GIVEN.search(reading.text.lower()) or len(reading.text.split()) <= 2
    named = (person_in(reading.text) if given else None) or (None if who else reading.who)
    if named and str(who or "").lower().startswith("my ") and "what" in str(data.get("asking")):
        # "her name's Grace" for "your neighbour": the name, and still the favour to ask
        data = {**data, "who": named, "draft": f"{data.get('draft', '')} ({named})"}
        turn.member.state_data = data
        turn.say(
            f"Thanks — what will you ask {named} for? An intro, a referral, names at a company?"
        )
        return State.CLARIFYING
    if data.get("made") and not who and not named:
        answer = judge(turn, reading.text)
        if answer.who is None and answer.kind is None and len(reading.text.split()) <= 3:
            # "aight" to "Who said yes, and to what?": nothing to note, so nothing noted
            turn.member.state_data = {}
            turn.say(
                "OK — I won't log that one. Next time, tell me who you asked and for what, and "
                "I'll keep track."
            )
            return State.IDLE
    for text in _combinations(data, reading.text):
        candidate = judge(turn, text)
        if candidate.verdict != Verdict.SPECIFIC and who and candidate.missing == ("who",):
            # the favour is there and the person known ("i want he refer me"): put together
            candidate = judge(turn, f"Ask {who} for {candidate.what}")
        if candidate.verdict == Verdict.SPECIFIC:
            candidate = _with_the_company(turn, candidate, data, text)
            if candidate.deadline is None and data.get("draft"):
                # "coffee with Frank on wednesday" … "the intro to their CFO": on Wednesday
                said = judge(turn, str(data["draft"])).deadline
                candidate = replace(candidate, deadline=said) if said else candidate
            return record(turn, candidate)
        candidates.append(candidate)
    best = min(candidates, key=lambda c: (len(c.missing), c.verdict == Verdict.PASSIVE))
    # The plan so far, in the member's own words, never the coach's "Ask … for …" readings.
    draft = str(data.get("draft", "")).strip()
    best = replace(best, text=f"{draft.rstrip('.!')}. {reading.text}" if draft else reading.text)
    # An answer that names the person the plan lacked ("Her name is Olivia, at Hays") earns one
    # more question: the member is getting there.
    named_now = (
        named
        if named
        and not who
        # "Carla" to "Who said yes, and to what?": the answer is only the name
        and (not best.who or (data.get("made") and best.who.lower() == named.lower()))
        else None
    )
    if questions >= turn.settings.max_clarifying_questions + (1 if named_now else 0):
        return record(turn, best)
    if named_now:
        turn.member.state_data = {
            **data,
            "who": named_now,
            "asking": "what",
            "questions": questions + 1,
        }
        if data.get("made"):  # "Carla" to "Who said yes, and to what?"
            turn.say(f"And what did you ask {named_now} for? I'll note it.")
            return State.CLARIFYING
        turn.say(
            (
                "Good choice — someone who knows you is the best person to ask. What"
                if "?" in reading.text
                else "Thanks — what"
            )
            + f" will you ask {named_now} for? A look at your CV, an intro, a referral?"
        )
        return State.CLARIFYING
    if best.verdict != Verdict.PASSIVE:
        # Carry over what earlier answers established.
        best = replace(
            best,
            who=best.who or data.get("who"),
            what=best.what or data.get("what"),
            missing=tuple(
                m
                for m in best.missing
                if not (m == "who" and data.get("who")) and not (m == "what" and data.get("what"))
            )
            or best.missing,
        )
    return ask_for_missing(turn, best, questions + 1)


_ORDINALS = {"first": 0, "1": 0, "one": 0, "second": 1, "2": 1, "two": 1, "third": 2, "3": 2}
_OPTION_WORDS = (("intro", 0), ("names", 1), ("name", 1), ("resume", 2), ("cv", 2), ("look", 2))


def _picked(options: object, answer: str) -> str | None:
    """The option a member picks from the coach's list: "the first one", "option 2", "#3", "the
    resume one", "names pls"; None when the answer is no pick."""
    if not isinstance(options, list) or len(answer.split()) > 5:
        return None
    low = answer.lower()
    ordinal = re.search(
        r"\b(?:the )?(first|second|third)(?: one)?\b|\b(?:option|number|no\.?|#)\s*(1|2|3|one|two)\b"
        r"|^#?(1|2|3)[.!]*$",
        low,
    )
    if ordinal is not None:
        key = next(g for g in ordinal.groups() if g)
        return str(options[_ORDINALS[key]])
    one = re.search(r"\bthe (\w+) (one|option|thing)\b|^(\w+),? (pls|please)$", low)
    word = (one.group(1) or one.group(3)) if one else None
    return next((str(options[k]) for w, k in _OPTION_WORDS if word == w), None)


def _with_the_company(
    turn: Turn, ask: Assessment, data: dict[str, object], answer: str
) -> Assessment:
    """ "maybe my friend kayla? she works at spotify" … "referral i guess": the company the plan
    named earlier goes with the favour ("a referral at Spotify"), when the whole reads so."""
    draft = str(data.get("draft", "")).strip()
    if ask.company or not draft or not ask.who:
        return ask
    whole = judge(turn, f"{draft.rstrip('.!?')}. {answer}")
    same = (whole.who or "").lower() == ask.who.lower()
    if whole.verdict == Verdict.SPECIFIC and whole.company and same and whole.what:
        return replace(ask, company=whole.company, what=whole.what)
    return ask


def keep_as_it_is(turn: Turn, reading: Reading) -> State:
    """ "not sure", "no" to a clarifying question: keep the plan as it stands, no more questions.
    "nah just coffee this time": kept too, and the coffee wished well."""
    draft = str(turn.member.state_data.get("draft", ""))
    if not draft:
        return skip_today(turn)
    assessment = judge(turn, draft)
    if not JUST_MEETING.search(reading.text.lower()):
        return record(turn, assessment)
    meeting = MEETING.search(draft.lower()) or MEETING.search(reading.text.lower())
    thing = meeting.group(1) if meeting else "chat"
    thing = "catch-up" if thing.startswith("catch") else thing
    who = assessment.who or turn.member.state_data.get("who")
    return record(
        turn,
        replace(assessment, who=str(who)) if who else assessment,
        plan_line=f"Fair enough — enjoy the {thing}{f' with {yours(str(who))}' if who else ''}. "
        "I'll keep it as a plan; if a moment comes up, one small ask (a name, an intro) is all "
        "it takes.",
    )


_KIND_PICKED = re.compile(
    r"(?i)(?:(?:ok|okay|so|yeah|yes|fine|alright|hmm|then)[,!. ]+)*(?:the|a|an)\s+(referral|intro"
    r"|introduction|reference)(?:\s+(?:one|thing|option|then|pls|please))*"
)


def _combinations(data: dict[str, object], answer: str) -> list[str]:
    """Readings of a clarifying answer, most specific first: the answer alone, the answer
    slotted into the plan ("Ask <who> for <answer>", "Ask <person in the answer> for <what>"),
    and the plan and answer together."""
    who = data.get("who")
    what = data.get("what")
    asking = str(data.get("asking", ""))
    answer = re.sub(r"(?i)[\s,]+then\W*$", "", answer.strip())  # "ok the intro to their CFO then"
    body = LEADING_HEDGE.sub("", TRAILING_HEDGE.sub("", answer)).rstrip(".!?")
    kind = _KIND_PICKED.fullmatch(body)
    if kind and assessed(str(data.get("draft", ""))).company:
        # "ok the referral one" about "my friend lucia? she works at spotify": a referral there
        # (with no company said, "A referral for which role or company?" still comes)
        favour = kind.group(1).lower()
        body = f"{'an' if favour[0] in 'aeiou' else 'a'} {favour}"
    readings = [answer]
    half = data.get("half")
    if who and half and body:  # "an intro" … "to her manager at google"
        favour = re.sub(r"^((ok|okay|so|yeah|um+|maybe),?\s+)+", "", str(half), flags=re.IGNORECASE)
        favour = re.sub(r"\s+(thing|one|stuff|bit)$", "", favour)
        readings.append(f"Ask {who} for {favour} {body[0].lower() + body[1:]}")
    named = person_in(body) if body else None
    if who and "what" in asking and body and named in (None, who):
        # (an answer that names someone else is not slotted under the earlier person)
        glue = "" if body.lower().startswith(_FAVOUR_START) else "for "
        readings.append(f"Ask {who} {glue}{body[0].lower() + body[1:]}")
        # "could ask her if she knows anyone in merchandising": the pronoun is that person
        named_back = re.sub(
            r"\b(her|him|them|she|he|they)\b", str(who), body, count=1, flags=re.IGNORECASE
        )
        if named_back != body:
            readings.append(named_back)
        # "Could she look at my CV? It's 4 pages long": what the member would ask her to do
        polite = re.match(r"(?i)^(could|can|would|will|might) (she|he|they) ([^?.!]+)", body)
        if polite:
            readings.append(f"Ask {who} to {polite.group(3)}")
    person = named if "who" in asking else None
    draft = str(data.get("draft", ""))
    if what and "who" in asking and body:
        if person:
            readings.append(f"Ask {person} for {what}")
        readings.append(f"Ask {body} for {what}")
    if person and draft and not what:
        plan = re.sub(r"^(ask|get|request)\s+", "", draft.strip(), flags=re.IGNORECASE)
        readings.append(f"Ask {person} for {plan}")
    if draft:
        readings.append(f"{draft.rstrip('.!')}. {answer}")
    return readings


def record(turn: Turn, assessment: Assessment, plan_line: str | None = None) -> State:
    """Record a plan: a specific ask is open (and gets its afternoon check-in); anything else
    is kept as a plan, not an ask (`plan_line` says so in other words)."""
    member = turn.member
    assert member.id is not None
    already_made = bool(member.state_data.get("made"))
    result = member.state_data.get("result")
    if already_made:
        status = AskStatus.MADE
    else:
        status = AskStatus.OPEN if assessment.verdict == Verdict.SPECIFIC else AskStatus.SKIPPED
    ask = _note(turn, assessment, status)
    if already_made:
        lead = f"Noted: you asked {yours(ask.who)}. " if ask.who else "Noted. "
        if result:
            return outcome(turn, ask, Outcome(str(result)), lead, text=assessment.text)
        return ask_what_happened(turn, ask, lead)
    if assessment.verdict != Verdict.SPECIFIC:
        turn.uow.checkins.cancel_pending(member.id, [CheckInKind.NUDGE])
        turn.say(
            plan_line
            or f"I've noted “{short(assessment.text)}” as a plan, not yet an ask. Tomorrow "
            "let's find one person and one favour — that's where the jobs are."
        )
        return State.IDLE
    turn.say(
        f"That's a real ask: {_echo(assessment, 140)}. Noted — good luck!{_afternoon(turn, ask)}"
    )
    _good_practice(turn, ask)
    offer_intro(turn, ask.company, ask.id)
    return State.IDLE


def record_two(turn: Turn, first: Assessment, second: Assessment) -> State:
    """Two specific asks in one message: both open; the afternoon question is about the second
    (the first is "still open" the next morning, as when two plans come one after the other)."""
    asks = [_note(turn, assessment, AskStatus.OPEN) for assessment in (first, second)]
    turn.say(
        f"Two real asks: {_echo(first, 90)} — and {_echo(second, 90)}. Noted — good luck!"
        + _afternoon(turn, asks[1])
    )
    for ask in asks:
        _good_practice(turn, ask)
        offer_intro(turn, ask.company, ask.id)
    return State.IDLE


def _note(turn: Turn, assessment: Assessment, status: AskStatus) -> Ask:
    """The plan stored as an ask (the member's last plan from now on)."""
    assert turn.member.id is not None
    ask = turn.uow.asks.add(
        Ask(
            member_id=turn.member.id,
            text=assessment.text,
            verdict=assessment.verdict.value,
            created_at=turn.now,
            who=assessment.who,
            kind=assessment.kind.value if assessment.kind else None,
            company=assessment.company,
            role=assessment.role,
            deadline=assessment.deadline,
            status=status,
            updated_at=turn.now,
        )
    )
    turn.member.state_data = {}
    turn.member.memory["last_plan"] = ask.id
    return ask


def _echo(assessment: Assessment, limit: int) -> str:
    """A specific ask said back: "Dana, a referral at Paystack"."""
    if assessment.who and assessment.what:
        # "a referral at Shopify you guess", "at Discord fr": the favour without its hedge
        what = _ECHO_HEDGE.sub("", assessment.what) or assessment.what
        what = re.sub(r":? (?:for |to |in )?sa (?=[A-Z])", " at ", what)  # Taglish "sa": at
        return short(f"{yours(assessment.who)}, {what}", limit)
    return short(assessment.text, limit)


# Words said around a favour, not part of it ("i guess" is "you guess" in the coach's echo).
_ECHO_HEDGE = re.compile(
    r"(?:[\s,]+(?:(?:i|you) (?:guess|suppose|think)|maybe|probably|prob|perhaps|fr|tbh|lol|lmao|ig"
    r"|ngl|rn|pls|please|haha|hehe|ok|okay|instead|only|(?:\()?ng(?:\))?|po|na|din|rin|sha|o)\W*)+$",
    re.IGNORECASE,
)


def _afternoon(turn: Turn, ask: Ask) -> str:
    """The afternoon question planned for `ask` (today's nudge is moot once there is an ask),
    said when it comes today: " I'll check in at 17:00."; an ask for a later day ("… on
    Thursday", "tomorrow at our coffee") is asked about that day."""
    later = _planned_for(turn, ask.text)
    if later is None and ask.deadline:  # pieced together: the day said earlier ("on wednesday")
        later = _planned_for(turn, ask.deadline)
    if later is not None:
        assert turn.member.id is not None
        turn.uow.checkins.cancel_pending(turn.member.id, [CheckInKind.NUDGE])
        checkin = plan_made_question(turn.uow, turn.member, ask, turn.now, days=later)
        if checkin is not None:
            due = checkin.due_at.astimezone(turn.zone)
            return f" I'll check in on {due:%A} at {due:%H:%M}."
    checkin = plan_afternoon(turn.uow, turn.member, ask, turn.now, also_cancel=[CheckInKind.NUDGE])
    if checkin and checkin.due_at.astimezone(turn.zone).date() == turn.today:
        return f" I'll check in at {checkin.due_at.astimezone(turn.zone):%H:%M}."
    return ""


# The day a plan is for, when not today: "… tomorrow at our coffee", "… on Thursday".
_PLANNED_DAY = re.compile(
    r"\b(tomorrow|tmrw|tmr)\b|\b(?:on|this|next) (monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|mon|tue|tues|wed|thu|thurs|fri)\b"
)


def _planned_for(turn: Turn, text: str) -> int | None:
    """Days from today to the day the plan names, if it names a later one."""
    found = _PLANNED_DAY.search(text.lower())
    if found is None:
        return None
    when = find_break("till tomorrow" if found.group(1) else f"till {found.group(2)}", turn.today)
    days = (when.resume_day(turn.today) - turn.today).days if when else 0
    return days if 0 < days <= 7 else None


def made_untold(turn: Turn, text: str, result: Outcome | None = None) -> State:
    """An ask the member says they made that the coach never heard of ("asked carla
    yesterday!", "she said she'd think about it"): noted as made, with how it went if they
    said; when who or what is unclear, one question first (never a lecture about planning)."""
    data = turn.member.state_data
    clarifying = turn.member.state == State.CLARIFYING
    # The one question was asked (an ask reported made), or the plan being clarified names the
    # person ("…could ask her about openings" … "she said she'd see"): this is how it went.
    earlier = data if clarifying and (data.get("made") or data.get("who")) else {}
    answer = text
    if earlier:
        text = f"{str(earlier.get('draft', '')).rstrip('.!')}. {text}"
        result = result or (Outcome(str(earlier["result"])) if earlier.get("result") else None)
    assessment = judge(turn, answer)
    if assessment.verdict != Verdict.SPECIFIC:
        assessment = judge(turn, text)
    who = earlier.get("who") or assessment.who or made_person(answer) or outcome_person(answer)
    if who and assessment.what and assessment.missing == ("who",):
        # "asked carla yesterday for a referral at stripe": the favour, and the person asked
        assessment = judge(turn, f"Ask {who} for {assessment.what}")
    assessment = replace(assessment, text=text, who=str(who) if who else None)
    turn.member.state_data = {"made": True, "result": result.value if result else None}
    if assessment.verdict == Verdict.SPECIFIC or earlier:
        return record(turn, assessment)
    turn.member.state_data |= {
        "draft": text,
        "questions": turn.settings.max_clarifying_questions,  # one question, then noted
        "asking": "what" if who else "both",
        "who": who,
        "what": assessment.what,
        "verdict": assessment.verdict.value,
    }
    if who and result == Outcome.YES:
        turn.say(f"That's great news — {yours(who)} said yes! What did you ask for? I'll note it.")
    elif who and result == Outcome.NO:
        turn.say(f"A no still counts — you asked {yours(who)}. What did you ask for? I'll note it.")
    elif who:
        turn.say(f"Good for you — you asked {yours(who)}! What did you ask for? I'll note it.")
    elif result == Outcome.YES:
        turn.say("That's great news! Who said yes, and to what? I'll note it.")
    elif result == Outcome.NO:
        turn.say("A no still counts — you asked. Who was it, and what did you ask for?")
    elif result == Outcome.WAITING:
        turn.say(
            "Sounds like the ball's in their court. Who did you ask, and for what? I'll note "
            "it and remind you to follow up."
        )
    else:
        turn.say("Nice — you asked! Who was it, and what did you ask for? I'll note it.")
    return State.CLARIFYING


def _good_practice(turn: Turn, ask: Ask) -> None:
    """Networking rules: don't lean on one person too often; offer help first."""
    member = turn.member
    assert member.id is not None
    history, specific = turn.uow.asks.specific_since(
        member.id, turn.now - REPEAT_ASK_WINDOW, ask.kind
    )
    if ask.who:
        same = [a for a in history if a.id != ask.id and (a.who or "").lower() == ask.who.lower()]
        if same:
            days = (turn.now - same[-1].created_at).days
            when = "earlier today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
            turn.say(
                f"Heads-up: you asked {ask.who} for the same kind of favour {when}. "
                "Could someone else help this time — or could you do something for "
                f"{ask.who} first?"
            )
    if (
        specific >= GIVE_TIP_EVERY
        and specific % GIVE_TIP_EVERY == 0
        and not turn.uow.gives.for_member(member.id)
    ):
        turn.say(
            "Tip: offer help first. Who could you help this week — an intro, a review, a "
            "name? Log it with `gave …`."
        )


def edit(turn: Turn, reading: Reading) -> State:
    """ "Make that her manager instead", "not Jen, Jenny Park": change the plan just made."""
    if turn.member.state == State.CLARIFYING:
        return clarify(turn, reading)
    answering = turn.member.state in (
        State.AWAITING_MADE,
        State.AWAITING_OUTCOME,
        State.AWAITING_FOLLOW_UP,
    )
    # A correction while the coach asks about an ask is about that ask, however old.
    ask = (turn.own_ask(turn.member.state_data.get("ask_id")) if answering else None) or last_plan(
        turn
    )
    if ask is None or (not answering and turn.now - ask.created_at > EDIT_WINDOW):
        if reading.why == TAKES_BACK:  # "undo" with nothing of theirs to take back
            turn.say("Nothing to undo right now — all's as you left it." + turn.still_pending())
            return State(turn.member.state)
        return plan(turn, reading)
    if reading.why == ADDS_DETAIL:
        return _add_detail(turn, ask, reading.text, answering)
    new_who = reading.who
    text = ask.text
    change = _edit_change(reading.text)
    if new_who and _about_their_person(text, change):
        # "intro to her manager" + "make that her VP, Ruth Kim": the one they introduce changes
        new_who = None
        text = _replace_object(text, re.sub(r",\s*(?=[A-Z])", " ", change))
    swap = _INSTEAD_OF.search(reading.text)
    renamed = (
        replace_once(text, ask.who, new_who) if new_who and ask.who and new_who != ask.who else None
    )
    # "an intro, not a referral": the favour named second is swapped for the first
    swapped = replace_once(text, swap.group("old"), swap.group("new")) if swap else None
    if renamed is not None or swapped is not None:
        text = renamed or swapped or text
    elif text == ask.text:
        if not change:
            turn.say(
                f"What should change in “{short(ask.text, 80)}”? e.g. “make that Jen's "
                "manager instead”."
            )
            return State(turn.member.state)
        text = (
            _with_new_favour(ask, change)
            if ask.who and _A_NEW_FAVOUR.match(change)
            else _replace_object(ask.text, change)
        )
    assessment = judge(turn, text)
    if new_who and assessment.who != new_who and assessment.verdict == Verdict.SPECIFIC:
        assessment = replace(assessment, who=new_who)
    ask.text = assessment.text
    ask.who = assessment.who or ask.who
    ask.company = assessment.company or ask.company
    ask.kind = assessment.kind.value if assessment.kind else ask.kind  # "make it a referral"
    ask.role = assessment.role or ask.role
    ask.updated_at = turn.now
    if assessment.verdict == Verdict.SPECIFIC and ask.status == AskStatus.SKIPPED:
        ask.verdict = Verdict.SPECIFIC.value
        ask.status = AskStatus.OPEN
    turn.uow.asks.save(ask)
    who = yours(ask.who or "them")
    if answering:
        turn.say(f"Changed: {short(ask.text, 140)}.{turn.still_pending()}")
        return State(turn.member.state)
    turn.say(f"Changed: {short(ask.text, 140)}. I'll ask about {who} later.")
    return State(turn.member.state) if turn.member.state != State.CLARIFYING else State.IDLE


def _add_detail(turn: Turn, ask: Ask, detail: str, answering: bool) -> State:
    """ "for the analyst job at target" after "Sarah, a referral": the ask says what it's for."""
    detail = re.sub(r"(?i)^(?:it'?s|its|this is|that'?s|the ask is)\s+", "", detail.strip())
    assessment = judge(turn, f"{ask.text.rstrip(' .!?')} {detail.rstrip(' .!')}")
    ask.text = assessment.text
    ask.company = assessment.company or ask.company
    ask.role = assessment.role or ask.role
    ask.updated_at = turn.now
    turn.uow.asks.save(ask)
    what = assessment.what or short(ask.text, 100)
    if answering:
        turn.say(f"Added: {yours(ask.who or 'them')}, {what}.{turn.still_pending()}")
    else:
        who = yours(ask.who or "they")
        turn.say(f"Added — {who}, {what}. Now {who} knows exactly what to say yes to.")
    return State(turn.member.state)


# "an intro, not a referral": what the ask was (`old`) and what it should say (`new`).
_INSTEAD_OF = re.compile(
    r"(?P<new>\b(?:an?|the|my|his|her) [\w-]+(?: [\w-]+)?),? (?:not|instead of) "
    r"(?P<old>(?:an?|the|my|his|her) [\w-]+(?: [\w-]+)?)\b",
    re.IGNORECASE,
)


def _edit_change(text: str) -> str:
    match = re.search(
        r"\b(?:make (?:that|it)|change (?:that|it) to|i meant|i mean|meant|it was actually"
        r"|actually it was)\s+(.+)$",
        text,
        re.IGNORECASE,
    )
    if not match:
        return ""
    return re.sub(r"\s*\binstead\b.*$", "", match.group(1), flags=re.IGNORECASE).strip(" ,.!")


_OBJECT = re.compile(
    r"\b(?:to|for|with)\s+(?P<object>(?:the|his|her|their|my|a|an)\s+[\w\-]+"
    r"(?:\s+(?!to\b|for\b|with\b)[\w\-]+){0,3}?)"
    r"(?=\s+(?:at|in|from|for|on)\b|[.!,]|$)",
    re.IGNORECASE,
)


def _about_their_person(text: str, change: str) -> bool:
    """The change names someone of theirs ("her VP, Ruth Kim") where the ask is for someone
    of theirs ("an intro to her manager"): the favour's person changes, not the one asked."""
    theirs = ("her ", "his ", "their ")
    return change.lower().startswith(theirs) and any(
        found.group("object").lower().startswith(theirs) for found in _OBJECT.finditer(text)
    )


# "make it a referral instead", "make that a review of my cv": a new favour of the same person
_A_NEW_FAVOUR = re.compile(
    r"(?i)^(a|an)\s+(referral|intro|introduction|reference|review|mock interview|coffee chat"
    r"|quick call|call)\b"
)


def _with_new_favour(ask: Ask, favour: str) -> str:
    """ "Ask Kemi for a referral at Flutterwave": the person and the company kept, the favour new."""
    ending = re.search(
        r"\bat ([\w&.'-]+)[.!]?$", ask.text
    )  # "… on the payments team at flutterwave"
    company = ask.company or (ending.group(1) if ending else None)
    at = f" at {company}" if company and company.lower() not in favour.lower() else ""
    return f"Ask {ask.who} for {favour}{at}"


def _replace_object(text: str, change: str) -> str:
    """ "intro to the recruiter at Medtronic" + "her manager" -> "intro to her manager at
    Medtronic"; with no object to swap, the change is added at the end."""
    matches = list(_OBJECT.finditer(text))
    if not matches:
        return f"{text.rstrip('.!')} — make that {change}"
    last = matches[-1]
    return text[: last.start("object")] + change + text[last.end("object") :]


def replace_once(text: str, old: str, new: str) -> str | None:
    """`text` with its first `old` (in any case) written as `new`; None where there is none."""
    start = text.lower().find(old.lower())
    return None if start < 0 else text[:start] + new + text[start + len(old) :]


def last_plan(turn: Turn) -> Ask | None:
    """The plan the member made most recently (the one an edit refers to)."""
    return turn.own_ask(turn.member.memory.get("last_plan"))


def skip_today(turn: Turn, reading: Reading | None = None) -> State:
    """No ask today: fine, and said without guilt. "remind me monday": not until then, and a
    plan the member was still shaping is kept for then."""
    deferred = reading is not None and (reading.pause is not None or reading.when is not None)
    plan = str(turn.member.state_data.get("draft", "")).strip() if deferred else ""
    if deferred:  # "remind me tomorrow": the plan is kept for then ("skip" lets it go)
        keep_draft(turn)
    turn.member.state_data = {}
    assert turn.member.id is not None
    turn.uow.checkins.cancel_pending(turn.member.id, [CheckInKind.NUDGE])
    day = reading.pause.resume_day(turn.today) if reading and reading.pause else None
    if day is not None and day > turn.today:
        if day > (_next_check_in_day(turn, turn.today) or turn.today + timedelta(days=7)):
            hold_until(turn, day)
        kept = f"I'll keep “{short(plan, 60)}” and ask" if plan else "I'll ask"
        turn.say(f"No problem — {kept} again {next_check_in(turn, day - timedelta(days=1))}.")
        return State.IDLE
    again = next_check_in(turn)
    if reading is not None and re.search(r"\binterview\b", reading.text, re.IGNORECASE):
        # "no ask today, i have interview with itau at 14h": the interview comes first
        turn.say(
            f"Good luck at your interview — you've got this! Skipping today's ask; talk {again}."
        )
        return State.IDLE
    if plan:
        turn.say(
            f"No problem — skipping today. I'll keep “{short(plan, 60)}” and ask again {again}."
        )
        return State.IDLE
    if reading is not None and (
        SAD_DAY.search(reading.text.lower())  # (not "ill" alone: "skip, ill do it tomorrow")
        or reading.why == "not today: a hard day"
    ):
        # "don't bother me today, I'm at a funeral", "skip today, feeling kinda down tbh"
        someone = re.search(
            r"\bmy (son|daughter|little one|kid|kids|child|baby|husband|wife|partner|mum|mom|mother|dad|father"
            r"|brother|sister|grandma|grandpa|grandmother|grandfather|dog|cat)\b",
            reading.text.lower(),
        )
        care = (
            f"I hope your {someone.group(1)} feels better soon"
            if someone
            else "take care of yourself today"
        )
        turn.say(f"I'm sorry — {care}. No ask needed; I'll be here {again}.")
        return State.IDLE
    turn.say_one_of(
        (
            f"No problem — skipping today. I'll ask again {again}.",
            f"Skipped for today. Rest counts too — talk {again}.",
        )
    )
    return State.IDLE


def hold_until(turn: Turn, resume_day: date) -> None:
    """No morning question, nudge or review before `resume_day` (the member's local date)."""
    member = turn.member
    assert member.id is not None
    member.paused_until = datetime.combine(resume_day, datetime.min.time(), turn.zone).astimezone(
        turn.now.tzinfo
    )
    member.state_data = {}
    # Days away are not silence: the quiet count starts again when the break ends.
    member.memory["heard"] = member.paused_until.isoformat()
    turn.uow.checkins.cancel_pending(
        member.id, [CheckInKind.MORNING, CheckInKind.NUDGE, CheckInKind.REVIEW]
    )
    plan_check_ins(turn.uow, member, turn.now)


def _next_check_in_day(turn: Turn, after: date) -> date | None:
    """The first day after `after` on which the member gets a morning question (None when
    they have no check-in days)."""
    for ahead in range(1, 8):
        day = after + timedelta(days=ahead)
        if day.weekday() in turn.member.days:
            return day
    return None


def next_check_in(turn: Turn, after: date | None = None) -> str:
    """When the next morning check-in comes, in words: "tomorrow at 09:00", "on Monday at
    09:00" (the first after `after`, by default today)."""
    day = _next_check_in_day(turn, after or turn.today)
    if day is None:
        return "next time"
    at = f"at {turn.member.checkin_time:%H:%M}"
    return f"tomorrow {at}" if day == turn.today + timedelta(days=1) else f"on {day:%A} {at}"


def keep_draft(turn: Turn) -> None:
    """A plan left mid-coaching is kept as it stands (a check-in is about to move on)."""
    data = turn.member.state_data
    draft = str(data.get("draft", "")).strip()
    if turn.member.state != State.CLARIFYING or not draft:
        return
    assessment = judge(turn, draft)
    who = assessment.who or (str(data["who"]) if data.get("who") else None)
    _note(turn, replace(assessment, who=who), AskStatus.SKIPPED)


def logged_form(turn: Turn, form: dict[str, str], max_company: int) -> State:
    """The 'log an ask' form (Slack modal, Discord modal): who, what, company, by when."""
    who = form.get("who", "").strip()[:120]
    what = form.get("what", "").strip()[:500]
    company = form.get("company", "").strip()[:max_company]
    by = form.get("by", "").strip()[:40]
    if not who or not what:
        turn.say("To log an ask I need both who you'll ask and what you'll ask them for.")
        return State(turn.member.state)
    text = f"Ask {who} {what}"
    if company and company.lower() not in text.lower():
        text += f" at {company}"
    if by:
        text += f" by {by}"
    return plan(turn, Reading(Intent.PLAN, text))
