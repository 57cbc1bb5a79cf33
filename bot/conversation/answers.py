"""Answers to the member: questions to the coach, greetings, thanks, frustration, "who knows
someone at X?", and the few words for a message the coach can't act on.

Questions are answered from the member's own data (their targets, the people they named, what
the group knows) and the kinds of ask from the voice guide — never with the question back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.coaching import Verdict
from bot.conversation.followups import (
    current_ask,
    heard_back_question,
    latest_open_ask,
    several_answers,
)
from bot.conversation.group import offer_intro, word_report
from bot.conversation.intents import (
    TONE_WORDS,
    Reading,
    Topic,
    assessed,
    draft_tone,
    own_name,
    someone_in,
)
from bot.conversation.outcomes import A_STEP_FORWARD, outcome
from bot.conversation.phrases import ASK_THE_COACH_TO_STOP, EXTRA_CHECK_IN, MEANING, WRONG_TO_ASK
from bot.conversation.planning import judge, last_plan, next_check_in
from bot.conversation.states import State
from bot.conversation.text import called, check_ins, hello_to, short, yours
from bot.conversation.turn import Turn
from bot.domain import Ask, AskStatus, Outcome, Role

KINDS_OF_ASK = (
    "an intro to someone at a target company, a referral for a posting, a review of your "
    "resume or cover letter, names of two people to talk to, a 15-minute call about their job"
)


def _stay(turn: Turn) -> State:
    return State(turn.member.state)


def greeting(turn: Turn, reading: Reading) -> State:
    name = turn.member.name
    if reading.why == "apologises for their English":
        turn.say(
            f"No need to apologise, {name} — your English is fine, and short messages work "
            f"best here.{turn.still_pending() or ' Who could you ask for one thing today?'}"
        )
        return _stay(turn)
    if reading.why == "back after a quiet spell":
        turn.say_one_of(
            (
                f"No worries, {name} — good to have you back. "
                f"{turn.still_pending().strip() or 'Got one small ask in mind today?'}",
                f"Welcome back, {name}! No catching up needed. "
                f"{turn.still_pending().strip() or 'Who could you ask for one thing today?'}",
            )
        )
        return _stay(turn)
    turn.say_one_of(
        (
            f"Hi {name}! 👋{turn.still_pending() or ' Got an ask in mind today?'}",
            f"Hey {name}!{turn.still_pending() or ' Who could you ask for something today?'}",
        )
    )
    return _stay(turn)


def farewell(turn: Turn, reading: Reading) -> State:
    turn.say_one_of(("Bye for now! 👋", "Talk soon."))
    return _stay(turn)


def _one_of(*replies: str) -> Callable[[Turn, Reading], State]:
    """A handler that answers with the first of `replies` the member didn't just get."""

    def answer(turn: Turn, reading: Reading) -> State:
        turn.say_one_of(replies)
        return _stay(turn)

    return answer


thanks = _one_of("You're welcome! 🙌", "Anytime.", "Glad to help.")
_fed_up = _one_of(
    "Job searching is hard, and it's OK to be fed up. Want a break? `pause 7` gives you a week "
    "off, `stop` ends the check-ins.",
    "That sounds rough. No pressure from me — `pause till monday` or `stop` whenever you like, "
    "and `skip` is always fine.",
)
# "should i just give up", "nobody answers": warmth and one small next step, never a way out.
_KEEP_GOING = _one_of(
    "Don't give up — most asks that land come after a few that didn't. One small step today: a "
    "friendly nudge to someone who hasn't answered, or one ask of a person who already likes you.",
    "It's normal to feel that way mid-search. Keep the next step tiny: one person who knows you, "
    "one clear favour. And if today's not the day, `skip` is fine.",
)
_NO_ONE_ANSWERS = re.compile(
    r"\b(no ?one|nobody|none of them|no one ever)\b.{0,20}\b(answers|replies|responds|answered|"
    r"replied|responded|gets back|got back|writes back)\b"
)


def frustration(turn: Turn, reading: Reading) -> State:
    """Fed up, or a hard time said plainly: kindness first, and the way to a break."""
    if reading.why == "a hard time":
        turn.say_one_of(
            (
                "I'm sorry — that's a hard one, and it says nothing about what you're worth. Take "
                "the time you need: `pause 7` gives you a week off. When you're ready, one small "
                "ask (even feedback from someone who interviewed you) is a good way back in.",
                "That sounds really tough. Be kind to yourself this week — `skip` is always fine, "
                "and `pause 7` gives you a week off.",
            )
        )
        return _stay(turn)
    low = reading.text.lower()
    if _NO_ONE_ANSWERS.search(low) and re.search(
        r"\bi('?ve| have)? (asked|messaged|emailed|texted|dm'?d|reached out|contacted|pinged)\b",
        low,
    ):  # "I've asked 5 people this month and nobody answers": what to do, not a way out
        turn.say(
            "That's common — many replies come only after one polite nudge. Pick the person you "
            "most want to hear from and send a two-line follow-up today: “Just bumping this in "
            "case it got buried — no pressure.”"
        )
        return _stay(turn)
    if reading.why == "discouraged":
        return _KEEP_GOING(turn, reading)
    return _fed_up(turn, reading)


def acknowledged(turn: Turn, reading: Reading) -> State:
    """ "ok", "got it", "will do": a short nod, and the question still pending, if any."""
    pending = turn.still_pending()
    turn.say_one_of(("👍" + pending, "Great." + pending, "Sounds good." + pending))
    return _stay(turn)


# A nod to messages with nothing to act on, by the reading's `why`.
_LIGHT_REPLIES: dict[str, tuple[str, ...]] = {
    "wrong chat": ("No worries 🙂", "Happens to everyone 🙂"),
    "a laugh": ("😄", "Ha! 🙂"),
    "be right back": ("Take your time — I'm here.", "No rush."),
    "thanked them": (
        "Lovely — a thank-you is how doors stay open. 🙌",
        "Nice — people remember a thank-you.",
    ),
    "thinking aloud": (
        "Take your time. A name and one favour is all it takes.",
        "No rush — think of one person who already knows your work.",
    ),
}


def planning_state(turn: Turn) -> bool:
    """Whether the coach is waiting for today's plan (not for news of an ask)."""
    return turn.member.state in (State.IDLE, State.AWAITING_ASK, State.CLARIFYING)


def unclear(turn: Turn, reading: Reading) -> State:
    """A message the coach can't act on: a low-energy "meh" gets kindness; anything else, what
    the coach can do and the question still pending — never twice the same."""
    if re.fullmatch(
        r"(meh+|eh+|blah+|ugh+|sigh|nah+ idk|idk+ meh)[.!]*", reading.text.lower().strip()
    ):
        pending = turn.still_pending()
        if pending and not planning_state(turn):
            # "meh" to "did you make your ask of Dana?": kindness, and the question again
            turn.say_one_of(
                (
                    "Sounds like a long day. No judgement either way." + pending,
                    "Fair enough — days like that happen." + pending,
                )
            )
            return _stay(turn)
        turn.say_one_of(
            (
                "Low-energy day? That's OK. One tiny ask still counts — or `skip` for today.",
                "Fair enough. No pressure: `skip` is fine, and tomorrow's a new day.",
            )
        )
        return _stay(turn)
    planning_now = planning_state(turn)
    why = "be right back" if reading.why == "thinking aloud" and not planning_now else reading.why
    light = _LIGHT_REPLIES.get(why)
    if light is not None:  # "sorry wrong chat 🙈", "lol", "brb": a nod, nothing to act on
        turn.say_one_of(light)
        return _stay(turn)
    several = several_answers(turn, reading.text)  # "jen yes, lu no"
    if several is not None:
        return several
    if "http" in reading.text or "www." in reading.text:
        # a job posting pasted in: the way in is a person
        company = posting_company(reading.text)
        at = f" at {company}" if company else ""
        turn.say(
            f"Got the posting{at}. The fastest way in is a person: who do you know "
            f"{at.strip() or 'at that company'} — or who might know someone there? e.g. “Ask "
            f"Priya for a referral for this {company + ' ' if company else ''}role”."
        )
        return _stay(turn)
    pending = turn.still_pending()
    past = _WORKED_AT.search(reading.text)
    if past is not None:
        # "i used to intern at flutterwave tho": people who know their work, a warm network
        raw = past.group("company").strip()
        company = raw if not raw.islower() else " ".join(w.capitalize() for w in raw.split())
        turn.say(
            f"That's your warm network: people at {company} already know your work. Who do you "
            "remember there — a supervisor, a teammate? Ask one of them for a referral or two "
            f"names, e.g. “Ask my old supervisor at {company} to refer me for …”."
        )
        return _stay(turn)
    if reading.why == "no words":  # "👀", "🤔": only an emoji
        turn.say_one_of(
            (
                "👀 I'm here."
                + (pending or " Tell me an ask when you're ready: who, and for what?"),
                "Still here 🙂" + (pending or " Who's one person you could ask for one thing?"),
            )
        )
        return _stay(turn)
    if reading.why == "a test message":  # an organiser checking the DM lands
        turn.say_one_of(
            ("Got it — this DM works. ✅" + pending, "Received loud and clear. ✅" + pending)
        )
        return _stay(turn)
    turn.say_one_of(
        (
            "I didn't quite get that."
            + (pending or " Tell me an ask (who, and for what), or say `help`."),
            "Not sure what you mean — try “ask Jen for an intro to her manager”, “did it!”, or "
            "“pause till monday”.",
        )
    )
    return _stay(turn)


# Questions whose answer is the same for everyone.
_FIXED_ANSWERS: dict[Topic, str] = {
    Topic.WHAT_IS_SPECIFIC: (
        "A specific ask = one named person + one concrete favour. “Network more” isn't one; "
        "“Ask Sam to refer me for the data analyst job at Target” is. The favour can be "
        f"{KINDS_OF_ASK}."
    ),
    Topic.BOT: (
        "I'm a bot — an ask coach your group's organizers set up. No AI reads your messages: "
        "I follow simple rules to help you make one specific ask a day. `help` shows what I do."
    ),
    Topic.WILL_THEY: (
        "No one can know — but people like to help when the ask is small and clear, and a no "
        "costs you nothing. Ask, then tell me how it went."
    ),
    Topic.ANOTHER_ASK: (
        "Yes — as many as you like (one clear ask beats three vague ones). Who's the next one, "
        "and for what?"
    ),
    Topic.HOW_TO_ASK: (
        "Keep it short: who you are, the one thing you're asking, and why them. Make it easy to "
        "do — attach your CV or the job link and name the role — and easy to decline: “no "
        "worries if not”. Email or a direct message both work; use whichever they answer."
    ),
    Topic.HELP_OTHERS: (
        "Yes, please! `know <company>` tells me where you know people: when someone in the group "
        "needs an intro there, I ask you first (your name is shared only if you say yes). "
        "`gave <what you did>` logs help you give."
    ),
    Topic.NERVES: (
        "Most people feel that — and most people are glad to be asked for something small they "
        "can actually do. Make it easy to say no: “No worries if not!” Who's one person you'd "
        "feel OK asking?"
    ),
    Topic.OTHER: (
        "Good question — I'm best with asks: “what should I ask?”, “who should I contact?”, "
        "“is this a good ask: …”, “should I follow up?”. `help` lists the rest."
    ),
}
# A second wording, so two questions in a row don't get the same reply.
_SECOND_WORDING: dict[Topic, str] = {
    Topic.BOT: (
        "Just a bot, yes — the humans behind me are your group's organizers. I help with one "
        "thing: one specific ask a day, of one person you know. `help` shows how."
    ),
    Topic.OTHER: (
        "I can't answer that one, sorry. I can help you pick who to ask and what to ask for — "
        "or say `help` for everything I do."
    ),
    Topic.NERVES: (
        "Asking feels awkward for nearly everyone. A small, clear ask is a kindness: it tells "
        "people exactly how to help. Start with someone who already likes you — a former "
        "colleague or classmate."
    ),
}


def question(turn: Turn, reading: Reading) -> State:
    """A question to the coach, answered from the member's own data."""
    topic = reading.topic or Topic.OTHER
    answer = {
        Topic.WHAT_TO_ASK: _what_to_ask,
        Topic.SCHEDULE: _schedule,
        Topic.NEXT: _next,
        Topic.WHO_TO_ASK: _who_to_ask,
        Topic.IS_GOOD_ASK: _is_good_ask,
        Topic.PRIVACY: _privacy,
        Topic.MY_ASKS: _my_asks,
        Topic.REMINDER: _reminder,
        Topic.HOW_TO_ASK: _how_to_ask,
        Topic.MATERIALS: _materials,
        Topic.HOW_TO_THANK: _how_to_thank,
        Topic.NAME: _name,
        Topic.MEANING: _meaning,
        Topic.ETIQUETTE: _etiquette,
    }.get(topic)
    if topic == Topic.GROUP:
        return group_question(turn, reading)
    if re.search(
        r"\b(what'?s|whats|what is) the point\b|\bwhy (should|would|do) i (even )?bother\b",
        reading.text.lower(),
    ):
        # "whats the point of this honestly": why asks work, and the way out, without a lecture
        turn.say_one_of(
            (
                "Fair question. Most jobs come through people, and people help when you ask for "
                "one clear thing — one small ask a day adds up fast. If it's not for you right "
                "now, `pause 7` or `stop` is fine.",
                "The point: a referral or an intro usually gets further than a cold application, and "
                "they come from asking. Not the week for it? `pause 7` or `stop` — no hard feelings.",
            )
        )
        return _stay(turn)
    heard = _HEARD_BACK_Q.search(reading.text.lower()) if topic == Topic.MY_ASKS else None
    if heard is not None:
        # "did Jen ever reply? i forget": what I last heard, and the follow-up question again
        ask = latest_open_ask(turn, made_only=True, of=heard.group("who"))
        if ask is None and heard.group("who") in ("she", "he", "they"):
            ask = latest_open_ask(turn, made_only=True)
        if ask is not None:
            return heard_back_question(turn, ask)
    named = someone_in(reading.text) if topic == Topic.WHAT_TO_ASK else None
    if named and turn.member.state in (State.IDLE, State.AWAITING_ASK):
        # "what should I ask Dana on the call?": ideas for Dana, and "a referral" completes it
        turn.member.state_data = {
            "draft": reading.text,
            "questions": 1,
            "asking": "what",
            "who": named,
            "what": None,
            "verdict": Verdict.PASSIVE.value,
        }
        turn.member.state = State.CLARIFYING
        turn.say(_what_to_ask(turn, reading))
        return State.CLARIFYING
    if answer is not None:
        turn.say(answer(turn, reading))
    else:
        second = _SECOND_WORDING.get(topic)
        turn.say_one_of((_FIXED_ANSWERS[topic], second) if second else (_FIXED_ANSWERS[topic],))
    return _stay(turn)


def _etiquette(turn: Turn, reading: Reading) -> str:
    """ "is it rude to ask a stranger?", "can I ask the same person twice?", "how many asks a
    week?": the plain answer to each."""
    low = reading.text.lower()
    if _ASK_AGAIN.search(low):
        # "can I ask twice?" wants a yes; "is it rude to ask twice?" a no
        negative = WRONG_TO_ASK.search(low)
        opener = f"Not {negative.group(0)}" if negative else "Yes"
        return (
            f"{opener} — people who helped once often help again. Make the second ask different, "
            "leave a week or two between, and tell them how the first one went."
        )
    return next((answer for asked, answer in _ETIQUETTE_ANSWERS if asked.search(low)), _NOT_RUDE)


_ASK_AGAIN = re.compile(r"\bsame (person|people)|again\b|twice\b")
_NOT_RUDE = (
    "Not rude — a short, specific ask with an easy way out is respectful. Say who you are in "
    "one line, ask for one small thing, and add “no worries if not”."
)
# An everyday question about asking, and its plain answer (the first that fits).
_ETIQUETTE_ANSWERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(text|texting|dm|dming|email|linkedin|whatsapp|call|voice note)s? (count|work)\b"
        ),
        "Yes — any channel counts: a text, a DM, an email, a call. What makes it an ask is one "
        "person and one specific favour.",
    ),
    (
        re.compile(r"\bpay(ing)? for\b"),
        "Offer, yes — if you invited them, offering to pay is the kind thing to do. The bigger "
        "thank-you is a short note afterwards saying how their help went.",
    ),
    (
        re.compile(r"\bghosted|ignored|didn'?t (reply|answer)|never (replied|answered)"),
        "Then one polite follow-up is fine — people miss messages. If that goes unanswered too, "
        "let it rest and ask someone else; it's rarely about you.",
    ),
    (
        re.compile(r"\bam i (bothering|annoying|pestering|spamming)\b"),
        "No — a short, specific ask with an easy out (“no worries if not”) isn't a bother. Most "
        "people like being asked for something they can actually do.",
    ),
    (
        re.compile(r"\bhow (many|often)\b"),
        "One clear ask a working day is the habit I help with; two or three a week still add up "
        "fast. Steady beats a burst — and every ask counts, yes or no.",
    ),
    (
        re.compile(r"\b(haven'?t|not|never) (talked|spoken|been in touch)|years?\b|long time\b"),
        "Yes, it's fine. Open with a line on how you know each other, keep the ask small, and "
        "give an easy out (“no worries if not”). Most people are glad to hear from you.",
    ),
)


# The coach's own words, explained in plain English (members ask in a second language too).
_MEANINGS: dict[str, str] = {
    "nudge": (
        "A nudge is a short, friendly follow-up when someone hasn't answered yet: “Hi Jen, just "
        "floating this back up — no pressure if now's busy.” Two or three working days after "
        "the ask is about right."
    ),
    "give": (
        "A give is help you gave someone else: an intro, a look at their CV, a lead. Log one "
        "with `gave …` (e.g. `gave Sam an intro to my old manager`) — helping first is how "
        "networks work."
    ),
    "referral": (
        "A referral is when someone who works at a company puts your name forward for a job "
        "there, usually through the company's own system. It's one of the strongest asks: "
        "“Would you be open to referring me for the analyst role?”"
    ),
    "intro": (
        "An intro is when someone connects you with a person they know — a short message to you "
        "both. A referral is different: someone at the company puts you forward for a posted "
        "job. An intro helps you learn and get known; a referral is for a job you apply to."
    ),
    "target": (
        "Your targets are the companies you'd like to work at. `target add Stripe` adds one, "
        "`targets` lists them, and I shape my ideas to them — like who you know there."
    ),
    "digest": (
        "The digest is the weekly post in your group's channel: the asks members chose to share "
        "and how they went. Yours are in it only if you say `share`."
    ),
}
_MEANINGS["follow-up"] = _MEANINGS["nudge"].replace("A nudge is", "A follow-up is", 1)
_MEANINGS["resume"] = (
    "Two meanings here: your resume (or CV) is the page about your work history you send with "
    "an application, and `resume` is the word that turns my check-ins back on after a pause."
)
_MEANINGS["ask"] = (
    "An ask is one request of one person you name, for one concrete thing — e.g. “Ask Bill for "
    "a good word with the hiring manager at the plant.” One a day is plenty."
)


def _meaning(turn: Turn, reading: Reading) -> str:
    """ "what does a nudge mean": the word in plain English."""
    low = reading.text.lower()
    match = MEANING.search(low)
    # ("should I ask for a referral or an intro?": the words named, in the order asked)
    named = [t for t in ("intro", "referral", "nudge", "give", "target", "digest") if t in low]
    terms = [match.group("term"), match.group("term2")] if match else named[:1] or ["nudge"]
    same = {"introduction": "intro", "warm intro": "intro", "followup": "follow-up"}
    found = [same.get(t, t).replace("follow up", "follow-up") for t in terms if t]
    if "intro" in found:
        found = ["intro"]  # it says how a referral differs
    meanings = {
        **_MEANINGS,
        "check-in": (
            f"A check-in is my message {check_ins(turn.member)}: who will you ask today, and "
            "for what? Just answer in your own words — or `skip` if today's no good."
        ),
    }
    found = [re.sub(r"^check ?in$", "check-in", t) for t in found]
    return " ".join(meanings[t] for t in dict.fromkeys(found))


# "i used to intern at flutterwave tho", "I worked at Deloitte for 3 years".
_WORKED_AT = re.compile(
    r"\b(?i:i (?:used to |once )?(?:work|worked|intern|interned|volunteered|was an intern)"
    r" (?:at|for)) (?P<company>[A-Za-z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2})"
)
_HEARD_BACK_Q = re.compile(
    r"\b(did|has) (?P<who>[\w'-]+) (ever |already |even )?(reply|replied|answer|answered|respond"
    r"|responded|get back|gotten back)\b"
)


def _targets(turn: Turn) -> list[str]:
    assert turn.member.id is not None
    return [t.company for t in turn.uow.targets.for_member(turn.member.id)]


def _people(turn: Turn) -> tuple[list[str], list[str]]:
    """People who said yes to the member, and others they named in earlier specific asks."""
    assert turn.member.id is not None
    asks = turn.uow.asks.for_member(turn.member.id, since=turn.now - timedelta(days=90))
    yes = list(dict.fromkeys(a.who for a in reversed(asks) if a.who and a.outcome == Outcome.YES))
    named = [a.who for a in reversed(asks) if a.who and a.verdict == Verdict.SPECIFIC]
    return yes, [n for n in dict.fromkeys(named) if n not in yes]


def _group_knows(turn: Turn, companies: list[str]) -> list[str]:
    assert turn.community.id is not None
    return [
        c
        for c in companies
        if any(m != turn.member.id for m in turn.uow.known.who_knows(turn.community.id, c))
    ]


_A_MOVE_INTO = re.compile(
    r"\b(?:move|moving|switch|switching|transition|transitioning|pivot|pivoting|get|getting|break)"
    r" (?:in)?to (?P<field>[a-z][a-z &/-]{2,30}?)(?:[.,!?]|$| role| roles| jobs?\b| field\b)"
)


def _what_to_ask(turn: Turn, reading: Reading) -> str:
    targets = _targets(turn)
    data = turn.member.state_data
    move = _A_MOVE_INTO.search(reading.text.lower())
    if move and not data.get("who"):
        # "an example ask for someone in nursing? i want to move into case management"
        field = move.group("field").strip()
        return (
            f"For a move into {field}, two asks that work: someone you've worked with who knows a "
            f"person in {field}, for an intro and 15 minutes on how they got in — e.g. “Ask Maria "
            f"(my old manager) to introduce me to someone in {field}” — or someone already in "
            f"{field}, for what they'd look for in a newcomer. Who comes to mind?"
        )
    if turn.member.state == State.CLARIFYING and data.get("who"):
        # "What will you ask Dana for?" — "whatever u think is best": ideas for Dana
        who = yours(str(data["who"]))
        at = f" at {targets[0]}" if targets else " at a company you'd like"
        # "the first one", "option 2", "the resume one" then pick from these, in the member's
        # words (without a target company, "two names" still asks where)
        picks = [
            "an intro to someone on their team",
            f"two names at {targets[0]}" if targets else "two names",
            "a look at my resume",
        ]
        turn.member.state_data = {**data, "options": picks}
        return (
            f"For {who}, pick one: an intro to someone on their team, two names{at}, or a look "
            f"at your resume for one posting. Which one? (“a look at my resume” is enough.)"
        )
    yes, named = _people(turn)
    people = yes + named
    helped = _group_knows(turn, targets)
    if helped:
        return (
            f"Someone in the group knows people at {helped[0]}. Ask me “who knows someone at "
            f"{helped[0]}?” and I'll ask them for you. Or ask a former colleague for two names "
            f"at {helped[0]}."
        )
    if people and targets:
        return (
            f"Try {people[0]}: “Who do you know at {targets[0]}? Could you introduce me to one "
            "of them?” One person, one favour."
        )
    if targets:
        return (
            f"Pick one person who knows your field and ask them for two names at {targets[0]} — "
            "and an intro to one. That's a real ask."
        )
    if yes:
        return (
            f"{yes[0]} said yes before. Ask them who else you should talk to, or for a review "
            "of your resume for one specific posting."
        )
    if named:
        return (
            f"You asked {named[0]} recently. Who else do you know who knows your field? Ask "
            "them for two names at a company you'd like — and an intro to one."
        )
    return (
        f"Good asks are small and concrete: {KINDS_OF_ASK}. Who's one person you know? Start "
        "there. (Tip: `target add <company>` and I'll tailor ideas.)"
    )


def _who_to_ask(turn: Turn, reading: Reading) -> str:
    company = posting_company(reading.text)
    if company:  # "https://jobs.lever.co/figma/… this is the one, who should i ask?"
        return (
            f"For this {company} role: who do you know at {company} — a former colleague, a "
            f"classmate, someone from a meetup? Ask them for a referral and send the link. No one "
            f"yet? `who knows someone at {company}?` asks the group for you."
        )
    yes, named = _people(turn)
    targets = _targets(turn)
    if yes:
        return (
            f"{', '.join(yes[:3])} said yes to you before — people who helped once are often "
            "glad to help again, or to tell you who else you should meet."
        )
    if named:
        return (
            f"People you've asked before: {', '.join(named[:3])}. Ask one of them who else you "
            "should meet — or think of a former colleague or classmate who knows your field."
        )
    where = f" at {targets[0]}" if targets else ""
    return (
        "Start with people who already know you: former colleagues and managers, classmates, "
        f"friends of friends. Ask one of them for two names{where} — warm intros beat cold "
        "messages. `who knows someone at <company>?` searches the group."
    )


_PUT_TO_THE_COACH = re.compile(
    r"^(?:(?:should|shall|can|could) i (?:even )?|(?:would|will) it be \w+(?: \w+)? to )(?=ask )",
    re.IGNORECASE,
)


def _is_good_ask(turn: Turn, reading: Reading) -> str:
    if re.search(r"\btoo (soon|early|late|much|pushy|forward|rude)\b", reading.text, re.I):
        return (
            "It's rarely too soon to ask politely. Make it small and specific, and easy to say "
            "no to: “Would you be open to referring me for the analyst role? No worries if not.”"
        )
    body = reading.text
    for lead in ("is this a good ask", "is this good", "is that a good ask", "good ask"):
        index = body.lower().find(lead)
        if index >= 0:
            body = body[index + len(lead) :].strip(" :?-—")
    # "should i ask my old professor for a reference?" is the ask "ask my old professor …"
    body = _PUT_TO_THE_COACH.sub("", body).rstrip(" ?")
    candidate = judge(turn, body) if len(body.split()) >= 3 else None
    if candidate is not None and candidate.who is None and candidate.kind is None:
        candidate = None  # "thats two asks right? is that ok": about the plan just made
    if candidate is not None and candidate.who is None and re.search(r"\b(him|her|them)\b", body):
        candidate = None  # "should i ask him for a referral?": the person of the plan just made
    if candidate is None:
        previous = last_plan(turn)
        candidate = judge(turn, previous.text) if previous is not None else None
    if candidate is None:
        return (
            "A good ask names one person and one concrete favour, e.g. “Ask Jen for an intro to "
            "her manager at Medtronic”. Tell me yours and I'll say what's missing."
        )
    if candidate.verdict == Verdict.SPECIFIC:
        return (
            f"Yes — that's a real ask: {yours(candidate.who)}, {candidate.what or 'a clear favour'}. "
            "It's "
            "rarely too soon to ask politely; make it easy to say yes (or no)."
        )
    missing = " and ".join(
        {"who": "a named person", "what": "one concrete favour"}[m] for m in candidate.missing
    )
    return f"Almost: it needs {missing or 'a named person and a favour'}. e.g. “Ask Priya for a referral for the analyst role at Target”."


_WEEKEND = frozenset({5, 6})


def _schedule(turn: Turn, reading: Reading) -> str:
    member = turn.member
    low = reading.text.lower()
    weekends = ""
    if re.search(r"\bweekends?\b", low):
        weekends = (
            " Weekends are already off."
            if not _WEEKEND & set(member.days)
            else " To leave weekends out: `days mon-fri`."
        )
    asks_why = bool(
        re.search(r"\b(why|so many|too many|too often|so much|too much|spam|annoying|less)\b", low)
        or ASK_THE_COACH_TO_STOP.search(low)
    )
    fewer = (
        " Fewer messages: `days mon,thu` · a break: `pause 7` · none at all: `stop`."
        if asks_why
        else ""
    )
    away = (
        " — right now you're paused"
        if member.paused_until and member.paused_until > turn.now
        else " — right now they're stopped (`resume` starts them)"
        if member.stopped
        else ""
    )
    if EXTRA_CHECK_IN.search(low) or "how it went" in low:
        fewer += (
            f" On a day you plan an ask, I also check in at {member.afternoon_time:%H:%M} to hear "
            "how it went — no need to set that."
        )
    why = "I'm your ask coach: " if asks_why else ""
    if re.search(r"\b(have to|need to|got to|gotta|must)\b", low):
        # "do i have to do this every single day??"
        why = "No — one ask a working day is the rhythm, not a rule, and `skip` is always fine. "
    if re.search(r"\bwhat time is it\b", low):
        local = turn.now.astimezone(ZoneInfo(member.timezone))
        why = f"It's {local:%H:%M} for you. "
    return (
        f"{why}I check in {check_ins(member)}{away}.{weekends} Change it with e.g. “9am”, `days mon,wed,fri` or "
        f"`tz Europe/Berlin`.{fewer}"
    )


_GROUP_PROGRESS = re.compile(
    r"\bhow('?s| is| are) (the|my|our)|\bwho (hasn'?t|has not|didn'?t|did not|haven'?t)\b"
    r"|\bquiet|\binactive|\bstuck|\bstats|\bnumbers|\breport|\bprogress"
    r"|\bhow many (of )?(my |our |the )?(asks|people|members|folks)\b|\bhow (active|engaged)\b",
    re.IGNORECASE,
)


def group_question(turn: Turn, reading: Reading) -> State:
    """A question about the group: organizers asking how it is doing get their report."""
    organizing = _organizing(turn, reading.text.lower())
    if organizing:
        turn.say(organizing)
    elif turn.member.role in (Role.ADMIN, Role.COACH) and _GROUP_PROGRESS.search(reading.text):
        word_report(turn, "")
    elif _GROUP_PROGRESS.search(reading.text):
        turn.say(
            "The group's numbers go to its organizers; yours are in `stats`. "
            + _group(turn, reading)
        )
    else:
        turn.say(_group(turn, reading))
    return _stay(turn)


def _organizing(turn: Turn, low: str) -> str:
    """How the group side works, said to an organizer (with their words) or a member."""
    organizer = turn.member.role in (Role.ADMIN, Role.COACH)
    if re.search(r"\b(free|cost|costs|pricing|how much)\b", low):
        return (
            "askcoach is open-source software (MIT licence), run for your group by its organizers "
            "— there's nothing for you to pay."
        )
    if re.search(r"\b(add|invite|enrol|enroll|onboard|bring in|get)\b", low):
        if organizer:
            return (
                "`admin enroll all` greets everyone in the workspace, `admin enroll channel #x` "
                "the members of one channel, and `admin enroll optin` waits for people to DM me. "
                "Anyone can also just send me a message."
            )
        return "Anyone can just send me a message to start — or ask your organizer to add them."
    if re.search(r"\b(send|message|tell|dm|ping|remind|announce)\b", low):
        return (
            "I don't send announcements: I DM each member only about their own asks. Post it in "
            "your group's channel — the weekly digest goes there too."
        )
    if not re.search(r"\b(report|digest|reports)\b", low):
        return ""  # "can I see who hasn't answered?": an organizer gets the report itself
    if organizer:
        return (
            "`report` shows your group's week: how many planned an ask, the share that were "
            "specific, and who went quiet (a personal note helps). The weekly digest posts the "
            "asks members chose to share to your report channel — `digest` previews it, and "
            "`admin dashboard` opens the web dashboard."
        )
    return (
        "Each week the group's digest shows the asks members chose to share (`share on` to join "
        "in); the numbers go to the organizers. Yours are in `stats`."
    )


def _group(turn: Turn, reading: Reading) -> str:
    """ "Who else is in the group?": what the group sees and how it helps — never a member list."""
    yours = (
        "yours are shared (`share off` stops that)"
        if turn.member.share_asks
        else "yours are private (`share on` joins in)"
    )
    count = ""
    if re.search(r"\bhow many\b", reading.text, re.IGNORECASE) and turn.community.id is not None:
        members = turn.uow.members.in_community(turn.community.id)
        set_up = sum(1 for m in members if m.state not in (State.NEW, State.ONBOARDING))
        count = (
            f"{set_up} {'member has' if set_up == 1 else 'members have'} check-ins set up here. "
        )
    return (
        f"{count}Each week the group gets a digest with the open asks of members who chose to share them "
        f"(the favour and the company), so others can help — {yours}. Need someone at a "
        "company? Ask me “who knows someone at Stripe?” and I'll ask the group for you. I don't "
        "list who's in the group."
    )


def _how_to_ask(turn: Turn, reading: Reading) -> str:
    """ "what should i say?": the words for the ask — or, once asked and waiting, for a nudge.
    "can you write the message for me?" gets a draft of the open ask ("shorter" a short one)."""
    ask = latest_open_ask(turn)
    said_yes = last_plan(turn)
    if ask is None and said_yes is not None and said_yes.outcome == Outcome.YES and said_yes.who:
        return _how_to_thank(turn, reading)  # "what do i even write tho?" after her yes
    if (
        ask is not None
        and ask.who
        and ask.status == AskStatus.OPEN
        and _WANTS_DRAFT.search(reading.text.lower())
    ):
        tone = draft_tone(reading.text.lower())
        draft = draft_message(ask, judge(turn, ask.text).what, tone=tone)
        kind = {"short": "short draft", "formal": "more formal draft"}.get(tone, "draft")
        return f"Here's a {kind} for {yours(ask.who)} — change anything:\n“{draft}”"
    if ask is not None and ask.status == AskStatus.MADE and ask.who:
        return (
            f"One friendly line is enough: “{hello_to(ask.who)} just bumping my note in case it "
            "got buried — no pressure either way.” Short, warm, and easy to answer."
        )
    return _FIXED_ANSWERS[Topic.HOW_TO_ASK]


# Job boards that put the company in the link: boards.greenhouse.io/stripe, jobs.lever.co/…,
# jobs.ashbyhq.com/…, stripe.wd5.myworkdayjobs.com, jobs.smartrecruiters.com/…
_POSTING = re.compile(
    r"(?:greenhouse\.io|lever\.co|ashbyhq\.com|smartrecruiters\.com|workable\.com)/"
    r"(?P<path>[a-z0-9-]+)|//(?P<host>[a-z0-9-]+)\.wd\d+\.myworkdayjobs\.com"
    r"|//(?:www\.|careers\.|jobs\.)?(?P<site>[a-z0-9-]+)\.(?:com|co|io|org|net|ai)"
    r"(?:\.[a-z]{2})?/(?:[\w-]+/)*?(?:careers?|jobs?)\b",
    re.IGNORECASE,
)
_NOT_EMPLOYERS = frozenset({"linkedin", "indeed", "glassdoor", "wellfound", "angel", "monster"})


def posting_company(text: str) -> str | None:
    """The employer a pasted job link names, when the job board puts it in the link."""
    found = _POSTING.search(text)
    if found is None:
        return None
    name = found.group("path") or found.group("host") or found.group("site") or ""
    if not name or name.lower() in _NOT_EMPLOYERS or name.lower() in ("embed", "jobs", "job"):
        return None
    return " ".join(part.capitalize() for part in name.split("-"))


def _materials(turn: Turn, reading: Reading) -> str:
    """ "should i tailor my resume for stripe?", "how long should my cover letter be?": a short
    answer, tied to the ask it serves — and a person who could look it over is an ask too."""
    low = reading.text.lower()
    ask = last_plan(turn)
    company = assessed(reading.text).company or (ask.company if ask is not None else None)
    where = f" for {company}" if company else ""
    referrer = (
        f" Send {yours(ask.who)} the tailored version and the job link, so the referral lands on "
        "the right role."
        if ask is not None and ask.who and ask.kind == "referral"
        else ""
    )
    if re.search(r"\b(look at|review|check|read|feedback|go over|proofread)\b", low):
        return (
            "I can't read files — but a second pair of eyes is a great ask. Who could spend 15 "
            "minutes on it: a friend in the field, or someone who hires for the role? Tell me "
            "who, and I'll note the ask."
        )
    if re.search(r"\bcover letter\b", low):
        return (
            f"Short wins: three paragraphs, under a page — why {company or 'this company'}, one "
            "result that fits the role, and, if someone referred you, their name in the first line."
        )
    if re.search(r"\b(linkedin|headline)\b", low):
        return (
            "Make the headline the job you want, not the one you had: “Data analyst · SQL, "
            "dashboards, retail” beats “Open to work”. People you ask will look there first."
        )
    return (
        f"Yes — tailor it{where}: put the job post's own words for its top three requirements "
        f"in your summary and first bullets.{referrer}"
    )


_WANTS_DRAFT = re.compile(
    r"\b(write|draft|word|type|template|script|example message|shorter|casual|formal|polite"
    rf"|professional|longer|formulate|compose)\b|{TONE_WORDS}"
)


def draft_message(ask: Ask, what: str | None, *, tone: str = "") -> str:
    """The ask as the member could send it: a greeting, the one favour, easy to do and easy
    to decline. Built from what the coach understood (kind, role, company, favour). `tone`
    "short" is two lines; "formal" reads like a letter to someone the member barely knows."""
    role = f" the {ask.role} role" if ask.role else " the role"
    at = f" at {ask.company}" if ask.company else ""
    favour = _in_their_words(what or "")
    request = {
        "referral": f"would you be open to referring me for{role}{at}?",
        "introduction": f"would you be open to introducing me to {favour.removeprefix('an intro to ')}?"
        if favour.startswith("an intro to ")
        else "would you be open to an intro?",
        "review": f"would you have 10 minutes to look over {favour.removeprefix('a review of ')}?"
        if favour.startswith("a review of ")
        else "would you have 10 minutes to look something over for me?",
        "reference": f"would you be willing to be a reference for me for{role}{at}?",
    }.get(
        ask.kind or "",
        f"could I ask a small favour: {favour}?" if favour else "could I ask a small favour?",
    )
    hello = hello_to(ask.who)
    if tone == "short":
        return f"{hello} {request} No worries if not!"
    easy = {
        "review": "I'll send it over.",
        "introduction": "I can send a short blurb you could forward.",
    }.get(ask.kind or "", "I can send my CV and the job link to make it easy.")
    if tone == "formal":
        dear = "Hello," if hello == "Hi," else hello.replace("Hi ", "Dear ", 1)
        return (
            f"{dear} I hope you are well. I am looking for my next role, and I wanted to ask: "
            f"{request} {easy} I understand completely if it isn't possible. Thank you for "
            "considering it."
        )
    return (
        f"{hello} hope you're well! I'm looking for my next role — {request} {easy} No worries "
        "at all if not, and thank you!"
    )


def _in_their_words(what: str) -> str:
    """The favour as the member says it to the person: the coach's "your resume" is "my
    resume", and "her manager" is "your manager"."""
    words = {"your": "my", "you": "me", "her": "your", "his": "your", "their": "your"}
    return re.sub(
        r"\b(your|you|her|his|their)\b", lambda m: words[m.group(1)], what, flags=re.IGNORECASE
    )


def _how_to_thank(turn: Turn, reading: Reading) -> str:
    """ "how do i thank her properly": a short, specific thank-you, and a promise to report back."""
    assert turn.member.id is not None
    asks = [a for a in turn.uow.asks.for_member(turn.member.id) if a.who]
    said_yes = [a for a in asks if a.outcome == Outcome.YES]
    last = (said_yes or asks)[-1:]
    called_by = called(last[0].who) if last else None
    name = f", {called_by}" if called_by else ""
    return (
        "Short and specific beats long: what they did, what it means for you, and that you'll "
        f"keep them posted. e.g. “Thank you so much{name} — that really helps. I'll let you "
        "know how it goes.” Then do let them know: people love hearing how it ended."
    )


def _to_thank(turn: Turn) -> str | None:
    """Who said yes to the member in the last two days (the thank-you a reminder is for)."""
    assert turn.member.id is not None
    recent = turn.uow.asks.for_member(turn.member.id, since=turn.now - timedelta(days=14))
    for ask in reversed(recent):
        changed = ask.updated_at or ask.created_at
        if ask.outcome == Outcome.YES and ask.who and turn.now - changed <= timedelta(days=2):
            return ask.who
    return None


def _reminder(turn: Turn, reading: Reading) -> str:
    """ "can you remind me at 3pm to email carla": no one-off reminders; what the coach does
    instead, with the person named if there is one."""
    member = turn.member
    when = check_ins(member, zone=False)
    who = judge(turn, reading.text).who
    open_ask = latest_open_ask(turn)
    thanked = (
        _to_thank(turn)
        if re.search(
            r"\bthank|^\W*(yes|yeah|yep|ok|okay|sure|pls|please)\b|^remind me\W*$",
            reading.text.lower(),
        )
        else None
    )
    if thanked is not None:
        return (
            f"I can't set one-off reminders — I write at your check-in time ({when}). A "
            f"thank-you takes a minute, so now is easiest: “{hello_to(thanked)} thank you so "
            "much for saying yes — it really helps. I'll keep you posted!”"
        )
    if who and open_ask and (open_ask.who or "").lower() == who.lower():
        then = f"Your ask of {who} is on my list — I'll check in with you about it."
    elif who:
        then = f"Tell me what you'll ask {who} for, and I'll note it and ask you later how it went."
    else:
        then = "If it's an ask, tell me who and for what, and I'll ask you later how it went."
    return (
        f"I can't set one-off reminders — I write at your check-in time ({when}), and later "
        f"about an ask you've told me. {then}"
    )


def _next(turn: Turn, reading: Reading) -> str:
    """ "What happens next?": what the coach is waiting for, or what comes when."""
    member = turn.member
    when = check_ins(member, zone=False)
    if member.stopped:
        return "Nothing for now — your check-ins are stopped. `resume` starts them again."
    if member.paused_until and member.paused_until > turn.now:
        return (
            f"You're on a break until {member.paused_until:%a %d %b}; then check-ins resume {when}."
        )
    state = State(member.state)
    ask = current_ask(turn)
    of = f" of {ask.who}" if ask and ask.who else ""
    if re.search(
        r"\bbuttons?\b|\b(click|press|tap)\b|\bhow do i (answer|reply|respond)\b",
        reading.text.lower(),
    ):
        # "how do i push the button": tapping is optional, typing always works
        typed = {
            State.AWAITING_MADE: "“made it” or “not yet”",
            State.AWAITING_OUTCOME: "“she said yes”, “no reply yet” or “he said no”",
            State.AWAITING_FOLLOW_UP: "“heard back”, “I'll nudge them” or “drop it”",
        }.get(state, "who you'll ask, and for what")
        return (
            "Tap one of the buttons under my message if you see them — or just type your answer "
            f"in your own words, e.g. {typed}. Either works."
        )
    if state == State.CLARIFYING:
        draft = str(member.state_data.get("draft", "")).strip()
        so_far = f" of “{short(draft, 60)}”" if draft else ""
        return (
            f"I'm waiting for the missing piece{so_far}: who you'll ask, and for what. "
            f"Or say `skip` and I'll ask again {next_check_in(turn)}."
        )
    if state == State.AWAITING_MADE:
        return f"I'm waiting to hear whether you made your ask{of}: “made it”, “not yet” or `skip`."
    if state == State.AWAITING_OUTCOME:
        return f"Tell me how your ask{of} went: “yes”, “no”, or “no reply yet”."
    if state == State.AWAITING_FOLLOW_UP:
        return f"Did you hear back{of}? “yes”, “I'll nudge them”, or “drop it”."
    last = last_plan(turn)
    if (
        last is not None
        and last.who
        and last.outcome == Outcome.NO
        and last.updated_at is not None
        and turn.now - last.updated_at < timedelta(days=2)
    ):
        # "what now" after a no: the next person, not the schedule
        there = f"people at {last.company}" if last.company else "the field you want"
        return (
            f"Next: one more person. Who else knows {there} — someone you've worked with, a "
            "friend, a neighbour? Tell me “Ask … for …” and we're moving again. "
            f"Check-ins: {when}."
        )
    open_ask = latest_open_ask(turn)
    if open_ask is not None and open_ask.status == AskStatus.MADE and open_ask.who:
        return (
            f"You've asked {open_ask.who}; now it's their move. I'll check in about it in a few "
            "days, with a nudge line if you need one. Meanwhile: who else could you ask for one "
            f"thing? Check-ins: {when}."
        )
    if open_ask is not None and open_ask.status == AskStatus.OPEN and open_ask.who:
        return (
            f"Next: make your ask of {open_ask.who}. Later I'll ask whether you did, then how it "
            f"went, and remind you to follow up and say thanks. Check-ins: {when}."
        )
    return (
        f"At each check-in ({when}) I'll ask who you'll ask that day, and for what. You can tell "
        "me an ask anytime — e.g. “Ask Jen for an intro to her manager at Medtronic”."
    )


def _name(turn: Turn, reading: Reading) -> str:
    """ "call me Sam": the name the coach uses from now on; "can i change my name?": how."""
    member = turn.member
    name = own_name(reading.text)
    if name is None:
        return (
            f"I call you {member.name} — the name I got from your profile. Want another? Say "
            "“call me …”, e.g. “call me Sam”." + turn.still_pending()
        )
    if name == member.name:
        return f"{name} it is — that's what I have." + turn.still_pending()
    member.name = name[:80]
    return f"Got it — I'll call you {member.name} from now on." + turn.still_pending()


def _my_asks(turn: Turn, reading: Reading) -> str:
    """ "What did I ask yesterday?": the last few plans, newest first, and where each stands."""
    assert turn.member.id is not None
    asks = turn.uow.asks.for_member(turn.member.id, since=turn.now - timedelta(days=14))
    if not asks:
        return "No asks in the last two weeks. Tell me one: a name and one favour."
    lines = []
    for ask in list(reversed(asks))[:3]:
        day = f"{ask.created_at.astimezone(turn.zone):%a %d %b}"
        state = (
            ask.outcome.value
            if ask.outcome
            else "a plan, not an ask"  # "nah just coffee this time": kept as a plan
            if ask.verdict != Verdict.SPECIFIC.value
            else ask.status.value
        )
        lines.append(f"• {day}: {short(ask.text, 70)} ({state})")
    return "Your latest asks:\n" + "\n".join(lines)


def _privacy(turn: Turn, reading: Reading) -> str:
    sharing = (
        "the weekly digest shows your open asks (kind and company"
        + (", and who" if turn.member.share_names else "")
        + ")"
        if turn.member.share_asks
        else "your asks stay private (`share on` lets the digest show them)"
    )
    return (
        f"Your DMs with me are private: {sharing}. Organizers see group numbers and who has "
        "gone quiet, not your messages. `export` shows everything I hold; `forget` deletes it."
    )


_THANKS_TO = re.compile(r"(?i)\bthanks to (?P<who>my \w+|[A-Za-zÀ-ÿ'-]+)")
_THANKS_TO_NOT_A_NAME = re.compile(
    r"(?i)(you|u|this|that|it|the|a|an|all|everyone|them|him|her|god|luck|my (luck|own))$"
)


def good_news(turn: Turn, reading: Reading) -> State:
    """ "i got an interview at spotify!!": celebrate, and point at the ask it opens."""
    company = reading.company
    at = f" at {company}" if company else ""
    step = A_STEP_FORWARD.search(reading.text)
    news = f"Congrats on the {step.group(1).lower()}{at}!" if step else "That's great news!"
    helper = _THANKS_TO.search(reading.text)
    asked = latest_open_ask(turn, of=helper.group("who")) if helper else None
    if asked is not None:  # "got the interview thanks to dana" with Dana asked: her yes
        return outcome(turn, asked, Outcome.YES, text=reading.text)
    if helper and not _THANKS_TO_NOT_A_NAME.match(helper.group("who")):
        # "got an interview thanks to dana": the thank-you first, while it's fresh
        who = helper.group("who")
        who = yours(who) if who.lower().startswith("my ") else who[:1].upper() + who[1:]
        after = f"the {step.group(1).lower()}" if step else "it"
        turn.say(
            f"{news} 🎉 Tell {who}: a two-line thank-you today, and word on how {after} goes, "
            "keep them in your corner."
        )
        if company:
            offer_intro(turn, company)
        return _stay(turn)
    if company and "?" in reading.text:  # "… who should i talk to before?"
        turn.say(
            f"{news} 🎉 Before you go in, talk to someone who works at {company}: a former "
            f"colleague or classmate there, for 15 minutes on what the team cares about. "
            f"`who knows someone at {company}?` asks the group for you."
        )
        offer_intro(turn, company)
        return _stay(turn)
    turn.say_one_of(
        (
            f"{news} 🎉 It's a perfect moment for an ask: someone who works there, for 15 "
            "minutes on what the team cares about before you go in.",
            f"{news} 🎉 One ask could help you prepare: a mock interview, or 15 minutes with "
            "someone on the team. Who could you ask?",
        )
    )
    if company:
        offer_intro(turn, company)
    return _stay(turn)


def who_knows(turn: Turn, reading: Reading) -> State:
    """ "Who knows someone at Stripe?": search the group, with the consent rules of intro
    offers (no name leaves the helper without their yes)."""
    company = reading.company or ""
    before = len(turn.replies)
    offer_intro(turn, company)
    if len(turn.replies) == before:
        assert turn.member.id is not None
        knowers = (
            turn.uow.known.who_knows(turn.community.id, company)
            if turn.community.id is not None
            else []
        )
        if turn.member.id in knowers and len(knowers) == 1:
            turn.say(f"Only you have said you know people at {company} so far.")
        elif knowers:
            turn.say(
                f"I've already asked the group about {company} for you — I'll tell you when "
                "someone answers."
            )
        else:
            listed = company.lower() in (t.lower() for t in _targets(turn))
            turn.say(
                f"No one in the group has said they know people at {company} yet. Ask a "
                "former colleague for two names there"
                + ("." if listed else f" — and `target add {company}` so I remember it.")
            )
    return _stay(turn)
