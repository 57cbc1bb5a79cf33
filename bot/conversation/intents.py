"""Understanding a member's message: text -> an intent with its slots, before any state acts.

`read(text, context)` is deterministic and explainable: ordered rules over the words people
really type ("yep did it!", "she said yes 😊", "9am is fine", "pause till monday", "what should
i ask?"), with the member's state as context only where the same words mean different things
("yes" to "Did you make your ask?" is `made`; to "What happened?" it is a yes). The state table
(`bot.conversation.flow`) decides what each intent does in each state.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.coaching import Assessment, Verdict, assess_ask
from bot.coaching.lexicon import COMMON_WORDS, GIVEN_NAMES
from bot.conversation import phrases as vocab
from bot.conversation.states import State
from bot.domain import Outcome
from bot.schedule import format_days, parse_days, parse_time, timezone_or_none
from bot.schedule.local_time import day_number
from bot.schedule.words import NO_DATES, Break, find_break, find_days, find_time, find_zone


@lru_cache(maxsize=512)
def assessed(text: str, companies: tuple[str, ...] = ()) -> Assessment:
    """The assessor's verdict on `text` (companies spelled as the member's `companies` list
    spells them), remembered: understanding a message and acting on it often judge the same
    words more than once. Hedges in front of a reply ("ok maybe my old manager Priya, …") are
    left out: they are how people answer a question, not part of the ask."""
    plan = vocab.HEDGES.sub("", text, count=1)
    return assess_ask(plan if plan.strip() else text, companies=companies)


class Intent(StrEnum):
    """What a member means by a message."""

    PLAN = "plan"
    MADE = "made"
    NOT_YET = "not_yet"
    SKIP = "skip"
    OUTCOME = "outcome"
    NUDGE = "nudge"
    DROP = "drop"
    FOLLOW_UP_ADVICE = "follow_up_advice"
    SCHEDULE = "schedule"
    CONFIRM = "confirm"
    DECLINE = "decline"
    STOP = "stop"
    PAUSE = "pause"
    RESUME = "resume"
    FORGET = "forget"
    HELP = "help"
    QUESTION = "question"
    WHO_KNOWS = "who_knows"
    GREETING = "greeting"
    THANKS = "thanks"
    FAREWELL = "farewell"
    FRUSTRATION = "frustration"
    HIRED = "hired"
    NEWS = "news"  # good news short of the job: "i got an interview at spotify!!"
    EDIT = "edit"
    GIVE = "give"
    TARGET_ADD = "target_add"
    KNOW = "know"
    STATS = "stats"
    COMMAND = "command"  # a chat word of DESIGN.md with no intent of its own (targets, share…)
    OTHER = "other"


class Topic(StrEnum):
    """What a question to the coach is about."""

    WHAT_TO_ASK = "what_to_ask"
    SCHEDULE = "schedule"
    NEXT = "next"  # "what happens next?", "now what?"
    WILL_THEY = "will_they"  # "do you think he'll say yes?"
    WHO_TO_ASK = "who_to_ask"
    IS_GOOD_ASK = "is_good_ask"
    WHAT_IS_SPECIFIC = "what_is_specific"
    HELP_OTHERS = "help_others"  # "can I still use this to help others?"
    MY_ASKS = "my_asks"  # "what did I ask yesterday?"
    REMINDER = "reminder"  # "can you remind me at 3pm to email carla" (no one-off reminders)
    HOW_TO_ASK = "how_to_ask"  # "should I attach my CV?", "what do I say?", "write it for me"
    MATERIALS = (
        "materials"  # "should i tailor my resume for stripe?", "how long is a cover letter?"
    )
    ANOTHER_ASK = "another_ask"  # "can I add a second ask today?"
    HOW_TO_THANK = "how_to_thank"  # "how do i thank her properly"
    NAME = "name"  # "call me Sam", "can i change my name"
    MEANING = "meaning"  # "what does a nudge mean", "what's a give?"
    ETIQUETTE = "etiquette"  # "is it rude to ask a stranger?", "can I ask the same person twice?"
    NERVES = "nerves"  # "i hate asking for favours", "feels pushy"
    GROUP = "group"  # "who else is in the group?", "can i see what others ask?"
    BOT = "bot"
    PRIVACY = "privacy"
    OTHER = "other"


TAKES_BACK = "takes back the last plan"  # the `why` of "undo" (planning.edit: nothing to undo)
ADDS_DETAIL = "adds a detail to the last plan"  # "for the analyst job at target"


@dataclass(frozen=True)
class Reading:
    """One message understood: the intent, its slots, and the rule that decided (`why`)."""

    intent: Intent
    text: str
    why: str = ""
    time: time | None = None
    zone: ZoneInfo | None = None
    days: frozenset[int] | None = None
    without_days: frozenset[int] | None = None  # "stop messaging me on fridays"
    pause: Break | None = None
    result: Outcome | None = None
    topic: Topic | None = None
    company: str | None = None
    companies: tuple[str, ...] = ()
    who: str | None = None
    when: str | None = None
    bad_zone: str | None = None  # a zone-like name that is no zone ("Mars/Olympus")
    word: str | None = None  # the chat word, for COMMAND and words typed as commands
    rest: str = ""  # what followed the chat word, or the part of the text a rule points at

    def slots(self) -> dict[str, object]:
        """The slots as plain values (the labelled corpus's format)."""
        out: dict[str, object] = {}
        if self.time is not None:
            out["time"] = f"{self.time:%H:%M}"
        if self.zone is not None:
            out["timezone"] = self.zone.key
        if self.days is not None:
            out["days"] = _days_text(self.days)
        if self.pause is not None:
            if self.pause.until is not None:
                out["until"] = self.pause.until.isoformat()
            elif self.pause.days is not None:
                out["days"] = self.pause.days
        if self.result is not None:
            out["result"] = self.result.value
        if self.topic is not None:
            out["topic"] = self.topic.value
        if self.company:
            out["company"] = self.company
        if self.companies:
            out["companies"] = list(self.companies)
        if self.who:
            out["who"] = self.who
        if self.when:
            out["when"] = self.when
        return out


@dataclass(frozen=True)
class Context:
    """What the reader may know about the member: where the conversation stands, and their
    local date (for "till monday")."""

    state: State
    today: date
    stopped: bool = False  # the member said `stop` (so "undo" / "changed my mind" means resume)
    paused: bool = False  # the member is on a break (so "never mind, keep them coming" resumes)
    asking: str | None = None  # what a clarifying question asked for: "who", "what" or "both"


# ------------------------------------------------------------------------- normalising


def normalise(text: str) -> str:
    """Lower case, chat markup and emoji turned into words or dropped, one space between words,
    curly quotes made straight, trailing punctuation kept only as '?'."""
    out = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    for emoji, word in vocab.EMOJI_WORDS.items():
        out = out.replace(emoji, word)
    out = vocab.EMOJI_CODE.sub(lambda m: vocab.EMOJI_CODES.get(m.group(1), " "), out)
    out = vocab.MARKUP.sub(" ", out)
    out = vocab.NOT_WORD.sub(" ", out.lower())
    out = vocab.SPACES.sub(" ", out).strip()
    out = re.sub(r"\b(\w+)( \1\b)+", r"\1", out)  # "done done" (✅ after "done") is one word
    out = _CHAT_SPELLING.sub(lambda m: _CHAT_SPELLINGS[m.group(0)], out)  # "shud" -> "should"
    out = _DRAWN_OUT.sub(lambda m: _DRAWN_OUT_WORDS[m.lastgroup or ""], out)  # "yesss" -> "yes"
    out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
    question = "?" in out
    out = out.strip(" .,!:;-")
    out = re.sub(r"\s*\?+", "?", out)
    if question and not out.endswith("?") and len(out.split()) <= 12 and out.count("?") == 0:
        out += "?"
    return out


# Chat spellings of the words questions turn on: "how long shud i wait", "wud she mind".
_CHAT_SPELLINGS = {
    "shud": "should",
    "shld": "should",
    "shuld": "should",
    "wud": "would",
    "wld": "would",
    "cud": "could",
    "cld": "could",
    # "askd her": asked, typed fast
    "askd": "asked",
    "aksed": "asked",
    "asekd": "asked",
    "akd": "asked",
}
_CHAT_SPELLING = re.compile(rf"\b(?:{'|'.join(_CHAT_SPELLINGS)})\b")
# Words drawn out in excitement or dismay: "yesss", "yeahhh", "nooo", "nopeee", "okkk".
_DRAWN_OUT_WORDS = {"yes": "yes", "yeah": "yeah", "no": "no", "nope": "nope", "ok": "ok"}
_DRAWN_OUT = re.compile(
    r"\b(?:(?P<yes>y+e+s{2,}|y{2,}e+s+|ye{2,}s+)|(?P<yeah>y+e+a+h{2,}|ye+a{2,}h*)|(?P<no>no{3,})"
    r"|(?P<nope>no+pe{2,})|(?P<ok>ok{2,}|o{2,}k+))\b"
)


def _words(low: str) -> list[str]:
    return re.findall(r"[\w']+", low)


# ------------------------------------------------------------------------- the rules


def _company(raw: str) -> str:
    """A company name as written, trimmed of a trailing question mark and filler words."""
    name = re.split(
        r"[?!.,;]| (?:and|or|for|to|who|that|because|pls|please|if|in case|so|when|lol|btw)\b",
        raw.strip(),
        flags=re.IGNORECASE,
    )[0]
    name = name.strip(" '\"")
    return " ".join(w if not w.islower() else w.capitalize() for w in name.split())[:80]


def list_and_rest(raw: str) -> tuple[str, str]:
    """A list typed with more after it: "canva, atlassian. and my ask is: ask Mei …" ->
    ("canva, atlassian", "ask Mei …"). The list ends where its sentence ends."""
    end = re.search(r"(?<=\w)[.!?;]\s+(?=\S)", raw)
    if end is None:
        return raw, ""
    rest = vocab.ASK_LEAD.sub("", raw[end.end() :].strip())
    return raw[: end.start()], rest


def split_companies(raw: str) -> tuple[str, ...]:
    """'Stripe, Nubank and shopify' -> ('Stripe', 'Nubank', 'Shopify')."""
    # "Kuehne+Nagel", "AT&T" and "P&G" are one name: + and & split only between spaces.
    parts = re.split(r"\s*(?:,|;|/| \+ | and | & |\n)\s*", raw.strip().rstrip("."))
    out: list[str] = []
    for part in parts:
        name = " ".join(part.split()).strip(" '\"")
        if not name:
            continue
        if name.islower():
            name = " ".join(w.capitalize() for w in name.split())
        if name.lower() not in {o.lower() for o in out}:
            out.append(name)
    return tuple(out)


def _days_text(days: frozenset[int]) -> str:
    return format_days(days)


def partly_yes(low: str) -> bool:
    """ "yes to the referral but no to the intro", "she'll refer me but can't do the intro",
    "half yes": one part of the ask granted and another not. It counts as a yes."""
    low = vocab.NO_WORRIES.sub("", vocab.ASKED_BACK.sub("", low))
    if vocab.NOT_UNTIL.search(low):
        return False  # "she'll refer me but not till april": a yes that waits, not half a no
    if vocab.PARTLY_YES.search(low):
        return True
    said: set[Outcome] = set()
    for clause in vocab.CLAUSE_BREAK.split(low):
        if vocab.CLAUSE_NO.search(clause) or vocab.OUTCOME_NO.search(clause):
            said.add(Outcome.NO)
        elif vocab.CLAUSE_YES.search(clause) or vocab.OUTCOME_YES.search(clause):
            said.add(Outcome.YES)
    return said == {Outcome.YES, Outcome.NO}


def _outcome(low: str) -> Outcome | None:
    if partly_yes(low):
        return Outcome.YES
    # A question inside the answer is no outcome: "not yet. do you think he'll say yes?"
    low = vocab.ASKED_BACK.sub("", low)
    low = vocab.NO_WORRIES.sub("", low)  # "she said no worries, she'll send names" holds no no
    if vocab.NOT_UNTIL.search(low):
        return Outcome.WAITING
    if vocab.SAID_MAYBE.search(low) and not re.search(
        r"\b(said no|says no|declined|turned (me )?down|rejected|refused|hard no|(it'?s|was) a no)\b",
        low,
    ):
        return Outcome.WAITING  # "he said maybe next month, they have a hiring freeze rn"
    if vocab.OUTCOME_NO.search(low) and not re.search(
        r"\bno (reply|response|answer|word|news|(me )?contest|respondi|ha contestado)", low
    ):
        return Outcome.NO
    if vocab.WAITING_FIRST.search(low):
        return Outcome.WAITING
    if _someone_else_away(low) and not re.search(
        r"\b(said yes|agreed|referred me|introduced me)\b", low
    ):
        return Outcome.WAITING  # "i asked but ravi's away till next week so he'll look then"
    if vocab.OUTCOME_YES.search(low):
        return Outcome.YES
    if vocab.OUTCOME_WAITING.search(low):
        return Outcome.WAITING
    return None


def polarity(low: str) -> str | None:
    """'yes' or 'no' when a message is only agreement or refusal (with filler words)."""
    words = _words(low.replace("?", ""))
    if not words or len(words) > 9:
        return None
    if any(
        w not in vocab.YES_WORDS and w not in vocab.NO_WORDS and w not in vocab.FILLER
        for w in words
    ):
        return None
    if any(w in vocab.NO_WORDS for w in words) or re.search(
        r"\b(not sure|changed my mind|keep)\b", low
    ):
        return "no"
    if any(w in vocab.YES_WORDS for w in words) or re.search(r"\b(do it|go ahead)\b", low):
        return "yes"
    return None


# How a drafted message should sound: "shorter", "more formal" (HOW_TO_ASK, `_DRAFT_TONE`).
TONE_WORDS = (
    "(shorter|more casual|less formal|more formal|more professional|more polite|friendlier"
    "|warmer|less casual|less cringe|less stiff|more chill)"
)
_TOPICS: tuple[tuple[Topic, re.Pattern[str]], ...] = (
    (
        Topic.BOT,
        re.compile(
            r"\b(are|r) (you|u) (a |an )?(bot|robot|human|real|person|ai|machine|program|"
            r"chatgpt|gpt|live|actual person)\b|\bis this (a |an )?(bot|ai|automated|real person|"
            r"human|chatgpt)\b|\bwho (are|r) (you|u)\b|\bwho is this\b|\bwhat are you\b"
            # "is this the job thing my daughter set up?"
            r"|\bis this (the |that )?(job|jobs|ask|career|coach|coaching|networking) ?(thing|bot|app"
            r"|program|coach|group|service)\b"
            r"|\b(you|u) (a |an )?(bot|robot|ai)\b"
            r"|\bwho (made|built|created|wrote|runs|programmed|set up|setup) (you|u|this)\b"
            r"|\bis there an app\b|\bdifference between (you|u|this)\b"
            r"|^what (even )?(is|'?s) this( thing| bot| app)?( even| exactly| lol| about)?\??$"
            r"|^(so |ok |but )?what'?s the point of (this|you|these (messages|check ?ins))( bot| thing)?"
            r"( exactly| again| tbh| honestly| even)?\b(?!.{0,3}\b(if|when)\b)|^what (is|are) (this|you) for\??$"
            r"|\bwhat is this( exactly| thing| bot)?\?|\bwho added me\b"
            r"|\bwhat'?s (this|the) (bot|thing|app|coach)( about| for)?\b|\bwhat is this (bot|thing|app) (about|for)\b"
            r"|\b(talk|speak|chat) (to|with) (a |an )?(human|real person|person|someone real|admin)\b"
        ),
    ),
    (
        Topic.PRIVACY,
        re.compile(
            r"\bwho (can |could |gets to |is able to )?(actually |really |else )?(see|sees|reads?|has access)\b"
            r"|\b(is|are) (this|my \w+|it) "
            r"(private|confidential|shared|public)\b|\bdo you (share|sell|store|keep)\b(?! (on )?(messag|text|ping|bug|writ|dm|send|ask|remind))|"
            r"\bprivacy\b|\bcan (the )?(organi[sz]er|admin|group|others?|everyone) see\b"
            r"|\bwhat (exactly )?do (you|u) (exactly |actually |even |really )?(store|keep|save|hold|have on me|"
            r"know about me)\b"
            r"|\b(group|organi[sz]er|others|everyone|anyone|admins?) (still )?(see|sees|can see)\b"
            r"|\bwhy (do|does) (you|u|it) need to know\b|\bwhat (exactly )?(gets|is|will be|would be) deleted\b"
            r"|\bwhat (you|u) do with (their|our|my|the) data\b|\bdoes my organi[sz]er (get told|know|see)\b"
        ),
    ),
    (Topic.MEANING, vocab.MEANING),
    # "should I ask for a referral or an intro?": the difference, said plainly
    (
        Topic.MEANING,
        re.compile(r"\b(referral|intro|introduction) or (an? )?(intro|introduction|referral)\b"),
    ),
    (
        Topic.ETIQUETTE,
        re.compile(
            r"\bis it (rude|ok|okay|weird|fine|bad|too much|cheeky|awkward) to (ask|message|email|dm|"
            r"contact|reach out to)\b(?! (by|via|over|on) )|\bcan i ask (the same (person|people)|someone again|(him|her|"
            r"them) again|twice)\b|\bsame person twice\b|\bhow many asks\b|\bhow often should i ask\b"
            # "would it be annoying to ask her again?", "am i bothering people?", "does texting
            # count?", "should i offer to pay for the coffee?", "what if they ghosted me before"
            r"|\bwould it be (rude|annoying|weird|too much|pushy|awkward)\b|\bam i (bothering|annoying|"
            r"pestering|spamming)\b|\b(does|do|would) (a )?(text|texting|dm|dming|email|linkedin|whatsapp|"
            r"call|voice note)s? (count|work)\b|\b(pay|paying) for (the )?(coffee|lunch|drinks?)\b"
            r"|\bwhat if (they|she|he) (ghosted|ignored|didn'?t (reply|answer)|never (replied|answered))"
        ),
    ),
    (
        Topic.WHAT_IS_SPECIFIC,
        re.compile(
            r"\bwhat (mean|means|does .{0,15}mean|do you mean|is meant)\b|\bmeaning of\b"
            r"|\bwhat (is|'s|s) (a |an )?(specific|good|real)? ?ask\b|\bwhat counts\b"
            r"|\bwhat (do you mean|does it mean) by\b|\bwhat (is|are) (specific|an ask)\b"
            r"|\bdefine\b|\bexample of (a |an )?(good |specific )?ask"
            r"|\bwhat makes (an |a )?ask\b|\bspecific\?|\bspecific meaning\b"
            r"|\bhow specific\b|\bdo i (need|have) to (give |name )?(a name|names|a person)\b"
            r"|\bdo i (really )?need (a name|a person|names)\b"
            r"|\bdifference between (an? )?(intro|introduction|referral|reference|rec)\b"
        ),
    ),
    (
        Topic.IS_GOOD_ASK,
        re.compile(
            r"\bis (this|that|it|mine) (a |an )?(good|ok|okay|specific|real|decent|valid|fine)\b"
            r"|\bis it too (soon|early|late|much|pushy|forward|rude)\b|\btoo (pushy|soon|much)\b"
            r"|\b(good|ok|okay|decent|valid) ask\b|\bwould (that|this) (work|count|be ok)\b"
            r"|\bdoes (that|this) (count|work)\b|\bspecific enough\b|\bis it ok to ask\b"
            r"|(?<!what )\bshould i (even )?ask (him|her|them)\b|\btoo much\b"  # (not "what should …")
            r"|(?<!what )\bcan i ask (him|her|them|\w+) (for|to|about)\b"
            r"|(?<!what )\bshould i ask (him|her|them|\w+) (for|to|about)\b"
            # "should i ask my old professor for a reference?", "would it be ok to ask my ex
            # boss for a reference?": a named favour of someone, put to the coach
            r"|(?<!what )\b(should|shall|can|could) i (even )?ask (my|our|an?|the|his|her)"
            r" [\w'.-]+( [\w'.-]+){0,3} (for|to|about)\b"
            r"|\b(would|will) it be (ok|okay|fine|weird|rude|awkward|too much) to ask\b"
        ),
    ),
    (Topic.MY_ASKS, vocab.MY_ASKS),
    (
        Topic.HELP_OTHERS,
        re.compile(
            r"\b(help|support|mentor|pay it forward)\b.{0,15}\b(others|other people|other members|"
            r"the group|someone else|people in the group|newbies|new members)\b"
        ),
    ),
    (Topic.NEXT, vocab.WHAT_NEXT),
    # "how do i push the button", "where do i click": how to answer the coach's question
    (
        Topic.NEXT,
        re.compile(
            r"\b(push|press|click|tap|use|hit)\b.{0,15}\bbuttons?\b|\bwhere (do|should|can) i "
            r"(click|press|tap)\b|\bhow do i (answer|reply|respond)( to)?( this| that| you)?\??$"
        ),
    ),
    (
        Topic.HOW_TO_THANK,
        re.compile(
            r"\bhow (do|should|can|would) i (properly |best )?(say )?thank\b|\bwhat (should|do|can) i "
            r"(say|write|send) to thank\b|\bhow to thank\b"
            # "how to say thanks to her properly?", "what do I say in the thank you note?"
            r"|\bhow (to|do i|should i) say (thanks|thank you)\b|\bwhat (should|do|can) i (say|write|put)"
            r" in (the|a|my) thank[- ]?(you|u)( note| message| email| text)?\b"
        ),
    ),
    (
        Topic.HOW_TO_ASK,
        re.compile(
            r"\bshould i (attach|include|send|add|link) (my |a |the )?(cv|resume|résumé|portfolio|"
            r"linkedin|job (link|description|posting))\b|\bhow (should|do|can) i (word|phrase|write|say)"
            r" (it|this|the (message|email|ask))\b|\bwhat (should|do) i (say|write) (to (him|her|them)|in "
            r"the (message|email))\b|\b(email|text|call|dm) or (linkedin|email|text|call|dm)\b"
            # "what should i say to a recruiter on linkedin?", "how do I ask for a referral without
            # being weird?"
            r"|\bwhat (should|do|can) i (say|write|send) to (a|the|my) (recruiter|hiring manager|stranger"
            r"|founder|alum|alumni|contact|connection)\b|\bhow (do|should|can) i ask (for|someone|people|"
            r"him|her|them)\b"
            r"|^(so |ok |and |but )?what (should|do|would|can) i (even |actually )?(say|write|text|send)"
            r"( to (him|her|them))?( exactly| then| now| tho| though)?(,? keep it short)?\??$"
            # Pidgin: "wetin I go tell am? how I go start the message"
            r"|\bwetin i go (tell|talk|write|send|say)\b|\bhow i go (start|write|talk|begin)\b"
            # "can you write the message for me?", "draft it for me pls", "shorter?"
            r"|\b(write|draft|word|type) (the |a |my )?(message|msg|email|text|dm|note|it|one)"
            r"( up)? for me\b|\b(can|could|would) (you|u) (write|draft) (it|that|this|the|a|one)\b"
            # "can u write am for me", "could you please formulate a short message for me?"
            r"|\b(can|could|would) (you|u) (please |pls )?(write|draft|formulate|compose) (me |am )?"
            r"(it|that|this|the|a|an|one|something|am|for me)\b"
            r"|\b(give me|got) (a |an )?(template|script|example message|draft)\b"
            r"|^(what about |maybe |(can|could) (you|u) make it |make it |pls make it |make that )?"
            rf"(something |a (bit|little) |a lot )?(a shorter one|{TONE_WORDS})"
            r"( (please|pls|plz))?[?!.]*$"
        ),
    ),
    (
        Topic.MATERIALS,
        re.compile(
            r"\b(tailor|tweak|customi[sz]e|adapt)\b|\b(resume|résumé|cv|cover letter|portfolio"
            r"|linkedin( profile)?|headline)\b.{0,40}\?$|^(how long|how many pages)\b.{0,30}\b"
            r"(resume|résumé|cv|cover letter)\b"
        ),
    ),
    (
        Topic.ANOTHER_ASK,
        re.compile(
            r"\b(can|could|may|should) i (add|do|make|have|log|plan) (a |an )?((second|another|2nd"
            r"|extra|one more|other)( ask| one)?|more asks?)\b|\b(more than one|two|2|multiple) asks?"
            r"( a| per| in a| in one)? (day|today)\b"
        ),
    ),
    (Topic.NEXT, re.compile(r"^which (ask|one)\b")),
    (
        Topic.WILL_THEY,
        re.compile(
            r"\b(do|d'?|will) ?(you|u) think (he|she|they|\w+)('?ll| will| would| might)\b"
            r"|\bwill (he|she|they) (say yes|help|agree|reply|answer|do it)\b"
            r"|\bwhat if (he|she|they) (say|says) no\b"
            r"|\bwhat (happens )?if (he|she|they) (ghosts?|ignores?|never (replies|answers)|doesn'?t (reply"
            r"|answer)|don'?t (reply|answer))\b"
            r"|\bdo (people|they|folks|most people) (actually |really |ever |usually )?(say yes|help|reply|"
            r"respond|agree)\b"
            r"|^(you|u) think (he|she|they|[a-z]+)('?ll| will| would| might)\b"
            r"|^will (he|she|they|[a-z]+) (actually |even |really |ever )?(refer|help|remember|reply|"
            r"answer|do it|say yes|respond|care|agree|mind)\b"
        ),
    ),
    (Topic.NERVES, vocab.NERVES),
    (
        Topic.SCHEDULE,
        re.compile(
            r"\bwhen (do|will|are) (you|u) (message|messaging|check|checking|ping|write|text|dm)"
            # "wait do i have to do this every single day??"
            r"|\b(do|must|should) i (have to|need to|got to|gotta|really have to) (do|answer|reply"
            r"|ask|make)( this| it| one| an ask)? (every|each)( single)? (day|morning|weekday)\b"
            r"|\b(what are|show( me)?|what'?s|when are) my (settings|preferences|schedule|check-?in days"
            r"|check-?ins|check ins|check-?in times?|reminders)\b"
            r"|\b(do|will|does) (you|u|this) (work|run|message|write|check in|ping)( me)? (on )?"
            r"(weekends?|saturdays?|sundays?|holidays?)\b"
            r"|\bwhat time (do|will|are) (you|u)\b|\bmy (schedule|check-?in time)\b"
            r"|\bhow (do|can|would|should) i (change|move|set|update|pick|switch|adjust|edit|fix) "
            r"(my |the |your )?(check-?in |reminder |message )?(time|schedule|check-?ins?|days|"
            r"reminders?|time ?zone|tz|messages)\b|\bcan i (change|move) (the |my )?(time|days|"
            r"schedule|check-?in)\b|\bwhy (do|does|are|is) (you|u|this|it) (keep |always |still )?"
            r"(messag|text|ping|dm|bug|remind|writ|spam)\w*|\bhow often (do|will|does) (you|u|this|"
            r"it)\b|\b(can|could|will|do) (you|u) (stop|not|skip|pause|message|text|ping|write|"
            r"check in)\b.{0,30}\bweekends?\b|^why (do|does|are) (you|u|this|it) .{0,25}\b(every ?day|"
            r"daily|each (day|morning)|so often|all the time)\b|\bwhat (time ?zone|tz|timezone|time)\b.{0,25}\b(me|my)\b"
            r"|\bwhat happens if i (don'?t|do not|dont|never|miss|skip|forget|ignore)\b"
            r"|\bwhat happens if i (say|keep saying|press|click|answer)\b"
            r"|\bdo i (have|need) to (answer|reply|respond)\b|\b(is it|are (you|u)|will (you|u)|r u|"
            r"is this) (gonna|going to) (message|text|ping|dm|write|remind|ask)\b"
            r"|\b(skip|no|off on|without) (the )?weekends?\b"
            r"|\b(friday|weekly) (review|check-?in|recap)\b|\bwhat time is it\b"
        ),
    ),
    (Topic.SCHEDULE, vocab.EXTRA_CHECK_IN),
    (
        Topic.GROUP,
        re.compile(
            r"\bwho else (is|'s|s|are|uses|using|does)\b|\b(see|read|view|look at|know) (what |how )?"
            r"(the )?(others|other (people|members|folks)|everyone( else)?|the (group|club))('?s)? "
            r"(are |is )?(ask|asks|asked|asking|plans?|doing|posting|going)\b|\bis there a (board|feed|"
            r"list|channel)\b|\bother (members|people in "
            r"(the|this|my) (group|club))\b|\bthe (group|weekly) (board|digest)\b|\bthe digest (public|private|shared|visible)\b|\bhow (does|do|"
            r"will) (the )?(group|sharing|digest|board)\b|\bhow many (people|members|of us)\b"
            r"|\b(is|are) (anyone|anybody|others|other people) (else )?(using|doing) (this|it)\b"
            r"|\b(ask|post (in|to)|tell) the (group|club|channel) for me\b"
            r"|\b(weekly|group) summary\b|\bsee who'?s (active|asking|quiet)\b|\bwho asked what\b"
            r"|\bwho else (in|on|from) (the|this|my) (group|club|server|workspace)\b|\bis it just me\b"
            r"|\bshare (my|an|this|the) asks? with (the|my) (group|club)\b"
            r"|\bhow('?s| is| are) (the|my|our) (group|club|members|cohort|people)( doing| going)?\b"
            r"|\bwho (hasn'?t|has not|didn'?t|did not|haven'?t) (answered|replied|asked|made|been active|"
            r"responded|checked in)\b|\bwho('?s| is| has| have)( gone)? (quiet|inactive|stuck)\b"
            r"|\bgroup('?s)? (stats|numbers|report|progress)\b"
        ),
    ),
    (
        Topic.WHO_TO_ASK,
        re.compile(
            r"\bwho (should|do|can|could|would|shall) i (ask|contact|reach out|talk|message|"
            r"email|approach|write|call|go to|hit up|network with)\b|\b(no idea|no clue|not sure|idk|"
            r"dunno|don'?t know) who\b|\bwho to (ask|contact|reach|talk|message|approach)\b"
            r"|\bwho (is|would be) (a |the )?(good|right|best) (person|people)\b"
            r"|\bwho should (my ask|it) be\b|\bwhom\b|\bwho (am|are) (i|we) (supposed|meant) to\b"
            r"|\bwho would (you|u) (ask|contact)\b|\bwhat if (nobody|no one|noone) i know\b"
            r"|^(but |ok |so |um+ |hm+ )?who\?+$"  # "who?" back to "who will you ask?"
        ),
    ),
    (Topic.WHO_TO_ASK, vocab.STUCK),
    (Topic.WHAT_TO_ASK, vocab.WHAT_SHOULD_I_ASK),
    (
        Topic.WHAT_TO_ASK,
        re.compile(
            r"^(but |ok |so |um+ |hm+ )?(ask (them |him |her )?)?for what\?+$|"  # "for what?" back
            # "hmm what's best?", "what would you suggest?", "you tell me"
            r"^((hm+|um+|so|ok|okay),? )?(what'?s|what is|which is|which one'?s|which'?s) (best|better|"
            r"the best( one)?)\??$|\bwhat (do|would) (you|u) (suggest|recommend)\b|^(you tell me|your call|"
            r"up to you)\b|"
            r"\bwhat (should|do|can|could|would|shall) i (even |actually |really )?ask\b"
            r"|\bwhat (i|to) (should |shall |can |must )?ask\b|\b(no idea|no clue|not sure|idk|dunno|"
            r"don'?t know) what\b|\bwhat to ask\b|\bwhat (should|could) (my|the) ask be\b"
            r"|\b(any|give me|need) (an |some )?(ideas?|suggestions?|examples?|inspiration)\b"
            r"|\bwhat would (you|u) ask\b|\bwhat do (people|others|most people|folks) (usually |normally "
            r"|typically )?ask( for)?\b"
            r"|\bwhat (ask|favou?r|request)\b|\bhelp me (think|find|figure|decide|come up)\b"
            r"|\bwhat should i (do|say|ask for) today\b|\bi'?m stuck\b|\bsuggest\b"
            r"|\bwhat (kind of |kinds of |sort of )?(things?|favou?rs?|asks?) (can|should|could|do) i\b"
        ),
    ),
)

_ANSWER_STATES = (State.AWAITING_MADE, State.AWAITING_OUTCOME, State.AWAITING_FOLLOW_UP)
_PLAN_STATES = (State.IDLE, State.AWAITING_ASK, State.CLARIFYING)


def read(text: str, context: Context) -> Reading:
    """Understand one message (already checked by `clean_message`) in its context."""
    found = _read(text, normalise(text), context)
    except_day = vocab.EXCEPT_DAY.search(text.lower())
    if (
        except_day is not None
        and found.intent in (Intent.SCHEDULE, Intent.CONFIRM, Intent.PLAN, Intent.OTHER)
        and found.days is None
        and (
            day := day_number(
                except_day.group("day") or except_day.group("day2") or except_day.group("day3")
            )
        )
        is not None
        and not _has_ask(text)
    ):
        # "sure but not fridays", "9 works but not fridays", "no fridays": that day off
        return replace(
            found, intent=Intent.SCHEDULE, why="drops a day", without_days=frozenset({day})
        )
    if found.intent == Intent.PLAN and found.who is None:
        who = assessed(found.text).who
        if who is None and context.state == State.CLARIFYING:
            # an answer to "who will you ask?" is often a name, or a person offered with a doubt
            who = person_in(found.text) or someone_in(found.text)
        if who is not None:
            return replace(found, who=who)
    return found


def person_in(answer: str) -> str | None:
    """The person an answer names, read as the assessor reads the one asked ("Carlos. he
    works at shopify" -> Carlos)."""
    named = vocab.NAME_IS.search(answer)
    if named:
        answer = answer[named.end() :]
    answer = vocab.ANSWER_LEAD.sub("", answer.strip()) or answer.strip()
    if vocab.ASKING_BACK.match(answer):  # "Could she look at my CV?" names no one
        return None
    who = assessed(f"Ask {answer.rstrip('.!')} for a referral").who
    if who is None and "," in answer:  # "her boss, Dana Fox": the name after the comma
        who = assessed(f"Ask {answer.rsplit(',', 1)[1].strip().rstrip('.!')} for a referral").who
    return who


def _read(text: str, low: str, context: Context) -> Reading:
    address = vocab.ADDRESS_TO_COACH.match(low)
    if address and address.end() < len(low):
        low = low[address.end() :]
    low = vocab.ADDRESS_AT_END.sub("", low) or low
    low = vocab.SIGN_OFF.sub("", low).rstrip(" ,") or low
    words = _words(low)
    state = context.state

    def reading(intent: Intent, why: str, **slots: object) -> Reading:
        return Reading(intent, text, why, **slots)  # type: ignore[arg-type]

    if not words:
        return reading(Intent.HELP if "?" in low else Intent.OTHER, "no words")
    if vocab.THANKED_THEM.match(low) and len(words) <= 10 and "?" not in low:
        # "already thanked her 😊", "sent a quick thank you note": the thank-you, not an ask
        return reading(Intent.OTHER, "thanked them")
    link = vocab.LINK.search(text)
    if link is not None and len(_words((text[: link.start()] + text[link.end() :]).lower())) <= 4:
        # a job posting pasted in ("https://boards.greenhouse.io/stripe/jobs/123 this one")
        return reading(Intent.OTHER, "a link")

    if re.match(r"^ask me (at|around|by|from) ", low) or (
        state == State.ONBOARDING
        and re.match(r"^(ping|message|msg|text|dm|check in with) me (at|around|by|from) ", low)
    ):
        # "ask me at 7 before the gym": when to check in, not the `ask` word
        schedule = _schedule(text, low, context)
        if schedule is not None and schedule.time is not None:
            return schedule
    if re.match(
        r"^ask (the )?(group|club|channel|everyone|community) (who|if anyone|whether anyone)\b", low
    ):
        question = _question(
            low, text
        )  # "ask the group who knows ppl at Figma": not the `ask` word
        if question is not None:
            return question
    ask_again = vocab.ASK_AGAIN_ON.search(low) if state in _PLAN_STATES else None
    if ask_again and len(words) <= 14:
        # "remind me monday": not today, and asked again that day (a plan in hand is kept)
        day = ask_again.group("day") or ask_again.group("day2")
        until = find_break(f"till {day}" if day else "till next week", context.today)
        return reading(Intent.SKIP, "not today: ask again on a day", pause=until)
    if vocab.FORGET_PERSON.search(low) and not re.search(
        r"\b(my data|everything|all my|my account|me)\b[.!?]*$", low
    ):
        # "please delete the Carla ask, I don't want her name stored": that person's asks
        return reading(Intent.COMMAND, "deletes one person's asks", word="forget_ask")
    command = _chat_word(text, low, context)
    if command is not None:
        return command
    if state in (*_PLAN_STATES, *_ANSWER_STATES) and (
        vocab.CANCEL_ASK.match(low) or (state == State.IDLE and vocab.NEVER_MIND.fullmatch(low))
    ):
        # "cancel the Jen ask, wrong person", "delete that ask", "scratch that" after a plan
        return reading(Intent.DROP, "cancels an ask")
    if state in _PLAN_STATES and vocab.NO_ASK_TODAY.match(low):
        # "no ask today, i have interview with itau at 14h, i am so nervous 😬": skip, never
        # a lecture about nerves
        return reading(Intent.SKIP, "no ask today", when="tomorrow")
    if state in (State.IDLE, State.AWAITING_ASK) and _ONE_TOMORROW.match(low):
        # "i'll do one tomorrow, promise 🙏": today off, and tomorrow's question
        return reading(Intent.SKIP, "one tomorrow instead", when="tomorrow")
    if vocab.WRONG_CHAT.search(low) and len(words) <= 12 and state != State.CONFIRM_FORGET:
        return reading(Intent.OTHER, "wrong chat")
    if vocab.LAUGH.match(low):
        return reading(Intent.OTHER, "a laugh")
    if vocab.BRB.match(low) and len(words) <= 6:
        return reading(Intent.OTHER, "be right back")
    if vocab.THINKING_ALOUD.match(low):
        return reading(Intent.OTHER, "thinking aloud")
    if (
        state != State.ONBOARDING
        and vocab.SCHEDULE_REQUEST.search(low)
        and re.search(
            r"\b(message|msg|ping|text|check in with|dm|write|do|switch|move|make it)\b", low
        )
        and (vocab.PART_OF_DAY_ANYWHERE.search(low) or _last_time(low, False) is not None)
        and not _has_ask(text)
    ):
        # "could you message me later, like 11?", "can we do afternoons instead": the time,
        # never a skip or an edit of the plan
        schedule = _schedule(text, low, context)
        if schedule is not None and (schedule.time is not None or schedule.zone is not None):
            return schedule
    if (
        vocab.BACK_AFTER_QUIET.search(low)
        and not _has_ask(text)
        and len(words) <= 20
        and _outcome(low) is None  # "didnt see it till now, she said yes!!" is the news
    ):
        return reading(Intent.GREETING, "back after a quiet spell")
    apology = vocab.ENGLISH_APOLOGY.search(low)
    if apology and len(words) <= 10:
        unapologetic = (low[: apology.start()] + low[apology.end() :]).strip(" ,.!")
        if "?" not in unapologetic or _read(text, unapologetic, context).intent != Intent.QUESTION:
            return reading(Intent.GREETING, "apologises for their English")
        # "What is “a nudge”? Sorry my English": the question is answered
    if vocab.TESTING.search(low) and assessed(text).verdict != Verdict.SPECIFIC:
        return reading(Intent.OTHER, "a test message")
    if re.fullmatch(r"(halp+|hlp|he+lp+|help+ me+|sos|menu|commands|options)[!?. ]*", low):
        return reading(Intent.HELP, "asks what the coach does")
    if vocab.LIST_TARGETS.match(low):
        return reading(Intent.COMMAND, "asks for their targets", word="targets")
    removed = vocab.TARGET_REMOVE.match(low)
    if (
        removed
        and re.search(r"\b(targets?|target list|my list|companies)\b", low)
        and not vocab.FORGET.search(low)  # "delete my data from your list" is `forget`
    ):
        company = as_written(text, removed.group("company")).strip()
        return reading(Intent.COMMAND, "removes a target", word="target", rest=f"remove {company}")
    if vocab.UNDO_GIVE.search(low):
        return reading(Intent.COMMAND, "takes back a give", word="ungive")
    if _NOT_IN_THE_EVENINGS.search(low) and state != State.ONBOARDING:
        # "during ramadan can you not message me in the evenings? the 5pm one is right before
        # iftar": the 17:00 question off — never the mornings moved to 17:00
        return reading(Intent.COMMAND, "the afternoon question", word="afternoon", rest="off")
    if vocab.AFTERNOON_OFF.search(low) or vocab.AFTERNOON_ON.search(low):
        on = vocab.AFTERNOON_OFF.search(low) is None
        return reading(
            Intent.COMMAND, "the afternoon question", word="afternoon", rest="on" if on else "off"
        )
    if vocab.NUDGE_OFF.search(low) or vocab.NUDGE_ON.search(low):
        on = vocab.NUDGE_OFF.search(low) is None
        return reading(
            Intent.COMMAND, "the midday reminder", word="nudges", rest="on" if on else "off"
        )
    one_day = vocab.SKIP_ONE_DAY.search(low) if state != State.ONBOARDING else None
    if one_day is not None and len(words) <= 16 and not vocab.SOME_DAYS.search(low):
        # "pls dont message me on my birthday friday lol": that one day, never a stop
        until = find_break(f"till {one_day.group('day')}", context.today)
        return reading(Intent.COMMAND, "leaves one day out", word="skipday", pause=until)
    if vocab.REVIEW_OFF.search(low) or vocab.REVIEW_ON.search(low):
        on = vocab.REVIEW_OFF.search(low) is None
        return reading(
            Intent.COMMAND, "the Friday review", word="review", rest="on" if on else "off"
        )
    organizer_word = _ORGANIZER_WORDS_SAID.search(text.lower())
    if organizer_word is not None:
        # "what are our group settings right now?", "where do i find the dashboard thing",
        # "post the weekly digest in #job-hunters please": the `admin` words (refused to members)
        if organizer_word.group("channel"):
            channel = as_written(text, organizer_word.group("channel"))
            return reading(
                Intent.COMMAND, "the report channel", word="admin", rest=f"channel {channel}"
            )
        verb = "dashboard" if organizer_word.group("dashboard") else ""
        return reading(Intent.COMMAND, "the group's settings", word="admin", rest=verb)
    if _MY_DATA_COPY.search(low):  # "can i get a copy of everything you've stored about me"
        return reading(Intent.COMMAND, "asks for their data", word="export")
    if re.search(
        r"\bwhat (does|will|would) (the |this week'?s |our )?(weekly )?digest (look like|say|show)\b"
        r"|\bpreview (the|of the|this week'?s) digest\b"
        # "can u show me what the weekly summary will look like before it goes out"
        r"|\b(show|see|preview)\b.{0,25}\b(weekly (summary|digest|post|update|roundup)|digest)\b"
        r".{0,20}\b(look like|before it (goes|is sent|gets posted|goes out)|will say|preview)\b",
        low,
    ):
        return reading(Intent.COMMAND, "asks for the digest preview", word="digest")
    if re.match(
        r"^(pls |please |can you |could you |can u )?(send|message|tell|dm|ping|remind|post|announce)"
        r" (everyone|everybody|all|the (whole )?(group|club)|a (reminder|message|note|announcement) to)",
        low,
    ):  # "send everyone a reminder about tuesday's meeting": an organizer's errand, no ask
        return reading(Intent.QUESTION, "a question: group", topic=Topic.GROUP)
    if vocab.MY_NAME.match(low):  # before "call me Sam instead" is read as an edit
        return reading(Intent.QUESTION, "a question: name", topic=Topic.NAME)
    if vocab.MY_ASKS.search(low) and not vocab.CORRECTION.search(low):  # before "remind me…"
        return reading(Intent.QUESTION, "a question: my_asks", topic=Topic.MY_ASKS)
    if state in (
        State.IDLE,
        State.AWAITING_ASK,
        State.AWAITING_MADE,
    ) and vocab.SAME_AGAIN.fullmatch(low.strip(" .!")):
        return reading(Intent.PLAN, "the same plan as last time")
    if state == State.AWAITING_MADE and re.search(
        r"\b(told|said|already said|already told) (you|u)\b.{0,25}\bi (did|made|asked|sent)\b", low
    ):  # "why do you keep asking, i told you yesterday i did it"
        return reading(Intent.MADE, "made it, and said so before")
    if vocab.WHY_MESSAGES.match(low) or vocab.ASK_THE_COACH_TO_STOP.search(low):
        return reading(Intent.QUESTION, "a question: schedule", topic=Topic.SCHEDULE)
    if vocab.ONE_OFF_REMINDER.search(low):
        if state in _ANSWER_STATES and vocab.NUDGING.search(low):
            # "still waiting, can you remind me to chase on friday?": a follow-up to plan
            return reading(Intent.NUDGE, "will follow up, and asks for the reminder")
        return reading(Intent.QUESTION, "a question: reminder", topic=Topic.REMINDER)
    if state in _PLAN_STATES and vocab.NAME_GIVEN.search(low):
        return reading(Intent.PLAN, "gives the name of the person to ask")
    if re.fullmatch(r"undo( that| it)?|take (that|it) back", low) and not context.stopped:
        return reading(Intent.EDIT, TAKES_BACK)

    if state == State.CONFIRM_FORGET:
        if re.fullmatch(r"(forget|never ?mind|nvm) (it|about it|that)[.! ]*", low):
            return reading(Intent.DECLINE, "never mind")  # "forget it" is no yes to deleting
        if vocab.KEEP_DATA.search(low) and not vocab.STOP.search(low):
            return reading(Intent.DECLINE, "keeps their data")  # (a stop is read below)
        if vocab.DELETE_ABROAD.match(low):
            return reading(Intent.CONFIRM, "answers the deletion question")
        said = polarity(low)
        if said == "yes" and vocab.BUT_INSTEAD.search(low):  # "ok but wait": no yes to deleting
            said = "no"
        if said is not None:
            return reading(
                Intent.CONFIRM if said == "yes" else Intent.DECLINE, "answers the deletion question"
            )
        agreed = re.match(
            r"^((yes|yep|yeah|sure|ok|okay|y|please|pls)[ ,!]+)*(yes|yep|yeah|sure|ok|y|confirm|"
            r"forgg?e+tt*|delete|go ahead|do it)\b",
            low,
        )
        # Only agreement, or agreement to deleting: "ok maybe just pause a month", "ok but don't
        # delete" are no yes; "erase everything pls" and "…so I don't need this. yes delete" are.
        said_yes = re.search(
            r"\b(yes|yep|yeah|ok|sure|please|pls)[,!. ]+(delete|forget|erase|wipe)\b", low
        ) or re.match(
            r"^(please |pls )?(delete|erase|wipe) (it|it all|everything|all|my data)\b", low
        )
        after_yes = low[agreed.end() :] if agreed else low[said_yes.end() :] if said_yes else ""
        taken_back = vocab.BUT_INSTEAD.search(after_yes) or re.search(
            r"\b(don'?t|do not|never) (delete|erase|do it|forget|wipe)\b|\bnot (yet|now|sure)\b",
            after_yes,
        )
        if (agreed or said_yes) and not taken_back and not low.endswith("?"):
            return reading(Intent.CONFIRM, "answers the deletion question")
        if re.match(
            r"^(no|nope|nah|wait|cancel|don'?t|keep|oops|whoops|stop|never ?mind|nvm)\b", low
        ) and not low.endswith("?"):
            return reading(Intent.DECLINE, "answers the deletion question")

    if vocab.FORGET.search(low) and not vocab.KEEP_DATA.search(low):
        return reading(Intent.FORGET, "asks to delete their data")
    if vocab.STOP_FOR_TODAY.match(low):
        # "stop for today", "enough for today": today off, never a stop of the check-ins (and
        # an ask asked about stays open: tomorrow's question)
        if state in _ANSWER_STATES:
            return reading(Intent.NOT_YET, "not today", when="tomorrow")
        return reading(Intent.SKIP, "not today")
    dropped = vocab.NOT_ON_DAY.search(low)
    if dropped is not None and (day := day_number(dropped.group("day"))) is not None:
        # "can u stop messaging me on fridays", "no check-ins on mondays pls": that day off
        return reading(Intent.SCHEDULE, "drops a day", without_days=frozenset({day}))
    if vocab.STOP.search(low) and (
        vocab.SOME_DAYS.search(low) or re.search(r"\b(so|too) (much|often|many)\b", low)
    ):
        # "stop messaging me on weekends": which days, never a stop
        return reading(Intent.QUESTION, "a question: schedule", topic=Topic.SCHEDULE)
    if (vocab.STOP.search(low) or vocab.BREAK_ASKED.match(low)) and (
        re.search(r"\b(until|till|til|for|this week)\b", low)
        and (brk := find_break(low, context.today))
    ):
        # "no more check-ins until april", "stop for this week": a break, never a stop
        return reading(Intent.PAUSE, "a break until a day", pause=brk)
    if (
        vocab.STOP.search(low)
        and not vocab.SOME_DAYS.search(low)  # "stop messaging me on weekends" is a schedule
        # "should i stop messaging her?" is about the person asked, never the check-ins
        and not re.search(
            r"\bshould i\b|\b(stop|quit) (messaging|texting|emailing|bugging|chasing|contacting|"
            r"pinging|dming) (her|him|them|(?!me\b|us\b)[a-z]+ (now|already))\b",
            low,
        )
        and (len(words) <= 8 or not vocab.PLAN_WORDS.search(low.replace("message", "")))
    ):
        return reading(Intent.STOP, "asks to stop the check-ins")
    if vocab.OFFER_FELL_THROUGH.search(low):
        return reading(Intent.RESUME, "the job fell through")
    if vocab.OFFER_NOT_SIGNED.search(low) and re.search(
        r"\b(offer|job|signed|contract|verbal)\b", low
    ):
        return reading(Intent.RESUME, "the job not signed yet")
    if (
        state in (*_PLAN_STATES, State.AWAITING_MADE)
        and vocab.GOING_AWAY.search(low)
        and not _someone_else_away(low)
        and not _has_ask(text)
        and (until_part := re.search(r"\b(until|till|til|through|thru|back on|back)\b.*$", low))
        and (away_until := find_break(until_part.group(0), context.today)) is not None
        and away_until.until is not None
    ):
        # "I will go to Osaka for family matter from tomorrow until next Wednesday": a break;
        # "off from the 9th till the 13th": those days, from the first
        ranged = find_break(low, context.today)
        if ranged is not None and (ranged.start is not None or ranged is NO_DATES):
            away_until = ranged
        return reading(Intent.PAUSE, "away until a day", pause=away_until)
    if vocab.HIRED.search(low) and not re.search(r"\b(ask|how (she|he|they))\b", low):
        return reading(Intent.HIRED, "says they got a job", company=_hired_company(text))
    if (
        vocab.GOOD_NEWS.search(low)
        and (
            not _questioning(low)
            # "got an interview at canva next week! who should i talk to before?": the news, and
            # the ask it opens is the answer
            or re.search(
                r"\b(who|what) (should|do|can|could) i (talk to|ask|reach out to|contact)\b", low
            )
        )
        and (state not in _ANSWER_STATES or _outcome(low) is None or vocab.ASIDE.match(low))
    ):
        return reading(Intent.NEWS, "good news on the way", company=_hired_company(text))
    if (
        state in (State.IDLE, State.AWAITING_ASK, State.AWAITING_MADE)
        and _DETAIL_ONLY.match(low)
        and assessed(text).who is None
    ):
        # "for the analyst job at target" just after a plan: what the ask is for, added to it
        return reading(Intent.EDIT, ADDS_DETAIL)
    if (
        (
            (
                state in (*_PLAN_STATES, State.AWAITING_MADE, State.AWAITING_OUTCOME)
                and vocab.EDIT.search(low)
            )
            or (state in (*_PLAN_STATES, *_ANSWER_STATES) and vocab.CORRECTION.search(low))
        )
        and not vocab.LATER.search(low)
        and not vocab.REDIRECT.search(low)  # "she said ask Mark instead" is how it went
        # "she said yes but … it was Jenny not Jen": how it went, with the name put right
        and not (state in _ANSWER_STATES and _outcome(low) in (Outcome.YES, Outcome.NO))
        # "yes but it was Kofi not Hana", "I asked Priya instead": made, with the name put right
        and not (
            state == State.AWAITING_MADE
            and re.match(r"^i (asked|messaged|texted|emailed) \w+ instead\b", low)
        )
        and not (
            state == State.AWAITING_MADE
            and re.match(r"^(yes|yep|yeah|yh|ya|made it|did it)\b", low)
        )
        and not vocab.CHECK_INS.search(low)  # "can you check in at 10 instead" is the schedule
        and not _DRAFT_TONE.search(low)  # "make it more formal": the draft, not the ask
        and not (  # "it's only been a few hours" (but "it's Tomás, with the accent")
            re.match(r"^it'?s\b", low)
            and len(words) > 4
            and not re.search(r", with (an?|the) \w+$", low)
        )
        and not (find_time(low) is not None and not _has_ask(text))
        and len(words) <= 16
    ):
        return reading(Intent.EDIT, "changes the plan just made", who=corrected_person(text))
    if vocab.BACK_AFTER_SILENCE.match(low):
        # "sorry been MIA since thursday. today: ask Rosa for an intro…": the rest is the news
        after = _later_sentences(text)
        if after and not context.stopped:
            rest = _read(after, normalise(after), context)
            if rest.intent not in (Intent.OTHER, Intent.GREETING, Intent.THANKS, Intent.CONFIRM):
                return rest
            if state == State.ONBOARDING and rest.intent == Intent.CONFIRM:
                return rest
        if context.stopped:
            return reading(Intent.GREETING, "back after a silence")
        return reading(Intent.RESUME, "back after a silence")
    if vocab.RESUME.search(low) or (
        (context.stopped or context.paused) and vocab.UNDO_STOP.search(low)
    ):
        return reading(Intent.RESUME, "wants the check-ins back")
    too = re.search(r"\btoo (early|late)\b", low) if state == State.ONBOARDING else None
    if too and find_time(low[too.end() :], loose=True) is None:  # "8 is too early, 9:30 please"
        return reading(Intent.DECLINE, "the time proposed doesn't suit")
    if state == State.ONBOARDING and re.match(
        r"^(sure thing|sounds (great|good|perfect|fine)|let'?s (do it|go)|works for me|perfect|great|"
        r"awesome|love it|whatever( works| you (think|say|want))?|whenever( works| is fine)?|"
        r"(yes|yep|yeah|sure|ok|okay|ye)[,!.]* (that|this|it)('?s| is)? (works|fine|sounds good|suits( me)?|"
        r"perfect|good)|any ?time( is fine| works)?|"
        r"(it )?doesn'?t matter|up to you|you (choose|pick|decide)|default('?s| is)? fine|"
        r"(yes|yep|yeah|sure|ok|okay)( please)?[,!.]* (thanks?|thank you|ty|thx)\b)\b(?!.*\d)",
        low,
    ):
        return reading(Intent.CONFIRM, "says yes")
    if state in _ANSWER_STATES and re.search(
        r"\b(kindly )?advise( me)?( on| about)? (the )?next step|\b(call|phone|telephone|ring|text)"
        r" (her|him|them) instead\b",
        low,
    ):  # "Respected sir, no reply has come. Kindly advise next step."
        return reading(Intent.FOLLOW_UP_ADVICE, "asks what to do next about the ask")
    if (
        state == State.AWAITING_MADE
        and re.search(r"\byes,? i (asked|sent|did|messaged|made|texted)\b", low)
        and _outcome(low) is None  # "yes i did, she said she'll think about it" is how it went
    ):
        return reading(Intent.MADE, "made the ask")  # "sorry only saw this now — yes I asked him"
    if state == State.AWAITING_FOLLOW_UP and re.search(
        r"\b(is|isn'?t|is it|won'?t|wont) (that|it|this)( be)? (too )?(pushy|rude|annoying|desperate|"
        r"much|weird|needy)\b",
        low,
    ):  # "isn't that pushy tho": about the nudge just suggested
        return reading(Intent.FOLLOW_UP_ADVICE, "asks whether a nudge is pushy")
    if vocab.GIVING_UP.search(low) and not vocab.STOP.match(low):
        return reading(Intent.FRUSTRATION, "discouraged")
    if re.search(
        r"\bshould i (just )?(stop|quit) (messaging|texting|emailing|bugging|chasing|contacting|"
        r"pinging|dming) (her|him|them)\b",
        low,
    ):
        return reading(Intent.FOLLOW_UP_ADVICE, "asks whether to keep following up")
    if state in _ANSWER_STATES and vocab.THANKS.match(low):
        return reading(Intent.THANKS, "thanks")
    if (
        state in (State.AWAITING_OUTCOME, State.AWAITING_FOLLOW_UP)
        and vocab.NEW_ASK_LEAD.search(low)
        and assessed(text).verdict == Verdict.SPECIFIC
    ):
        # "ok i try again. i will ask Bruno Costa for intro to his friend at mercado livre" to
        # "Heard back from Fernanda?": a new ask, never lost in the answer about the old one
        return reading(Intent.PLAN, "a new ask while another waits")
    if state == State.AWAITING_FOLLOW_UP and (
        re.search(r"\bremind me (again )?(next week|in a few days|later|on \w+day|tomorrow)\b", low)
        or (vocab.ACK_INTENDING.search(low) and vocab.ACK.match(low))
    ):
        return reading(Intent.NUDGE, "will follow up")
    if state in (State.IDLE, State.AWAITING_ASK) and vocab.NEXT_WEEK.fullmatch(low):
        # "maybe next week": a break until Monday (the coach offers `pause 7` to a hard week)
        return reading(
            Intent.PAUSE, "a break until next week", pause=find_break("till monday", context.today)
        )
    if vocab.WHAT_NEXT.match(low) and ("?" in low or _without_fillers(low).startswith("what")):
        # "what do i do tomorrow then?" is a question, not "later" (but "and then she said yes")
        return reading(Intent.QUESTION, "a question: next", topic=Topic.NEXT)
    if state == State.IDLE and vocab.DO_IT_LATER.search(low) and len(words) <= 12:
        return reading(Intent.NOT_YET, "will make the ask later", when=_when(low))
    if (
        vocab.LATER.search(low)
        and len(words) <= 12
        # "done, he told he will revert by EOD tomorrow": made, and the answer comes later
        and not (
            state in _ANSWER_STATES and re.match(r"^(done|did it|yes|yep|yeah|asked|sent)\b", low)
        )
    ):
        if state in _PLAN_STATES:
            return reading(Intent.SKIP, "not today", when=_when(low) or "later")
        if state == State.AWAITING_MADE:
            return reading(Intent.NOT_YET, "later", when=_when(low))
    if (
        state in (*_ANSWER_STATES, State.IDLE, State.AWAITING_ASK)
        and _someone_else_away(low)
        and not _has_ask(text)
        # "i asked but ravi's away till next week": made, and waiting until then
        and not re.search(
            r"\b(i (asked|sent|messaged|emailed|texted|did)|asked (him|her|them))\b", low
        )
        and _outcome(low) not in (Outcome.YES, Outcome.NO)
    ):
        # "he's travelling till thursday", "she's away this week i think": not yet (or no
        # answer yet, if it was made); the coach asks again once they're back
        return reading(Intent.NOT_YET, "the person asked is away", when=_when(low))
    if state in _ANSWER_STATES:
        answer = _answer(low, words, context)
        if answer is not None:
            return Reading(answer[0], text, answer[1], result=answer[2], when=answer[3])
    if (
        vocab.PAUSE.search(low)
        and not _someone_else_away(low)
        and not re.search(r"\b(ask|intro|referral)\b", low)
        and not (state == State.ONBOARDING and find_time(low, loose=True) is not None)
        and (state not in _ANSWER_STATES or re.search(r"\b(pause|check ?ins|messages)\b", low))
    ):
        return reading(Intent.PAUSE, "wants a break", pause=find_break(low, context.today))

    # A greeting or thanks in front of something else: read the rest.
    for prefix, intent in (
        (vocab.GREETING_PREFIX, Intent.GREETING),
        (vocab.THANKS_PREFIX, Intent.THANKS),
    ):
        match = prefix.match(low)
        if match:
            rest_low = low[match.end() :].strip(" ,.!")
            rest = _read(text[_offset(text, len(match.group(0).split())) :], rest_low, context)
            if (
                rest.intent in (Intent.OTHER, Intent.CONFIRM, Intent.THANKS, Intent.GREETING)
                or (rest.intent == Intent.QUESTION and rest.topic == Topic.OTHER)
                or (
                    rest.intent == Intent.PLAN
                    and not _has_ask(rest.text)
                    and len(_words(rest_low)) <= 8
                )
            ):
                return reading(intent, "a greeting" if intent == Intent.GREETING else "thanks")
            return rest

    if vocab.FAREWELL.match(low):
        return reading(Intent.FAREWELL, "a goodbye")
    if vocab.GREETING.match(low):
        return reading(Intent.GREETING, "a greeting")
    if vocab.THANKS.match(low) or vocab.THANKS_END.search(low) or vocab.THANKS_HELPED.match(low):
        return reading(Intent.THANKS, "thanks")
    if vocab.STATS.match(low):
        return reading(Intent.STATS, "wants their numbers")
    if vocab.WHAT_NEXT.match(low):
        return reading(Intent.QUESTION, "a question: next", topic=Topic.NEXT)
    if vocab.GIVE.match(low):
        return reading(Intent.GIVE, "helped someone else")
    if state == State.ONBOARDING and re.fullmatch(
        r"((lol|haha|ha|ok|okay) )?(sure|ok|okay|yes|yeah|yep) why not[.!]*", low
    ):
        return reading(Intent.CONFIRM, "says yes")
    if (state == State.ONBOARDING or state in _PLAN_STATES) and vocab.ADDRESSED.match(low):
        return reading(Intent.PLAN, "words to the person asked: the ask itself")
    if (
        state == State.ONBOARDING
        and _questioning(low)
        # ("hello?? is this the job thing my daughter set up": the greeting first)
        and re.match(
            r"^(does|do|is|are|will|what|how|when|can i|should i|why)\b",
            vocab.GREETING_PREFIX.sub("", low),
        )
        and not re.match(
            r"^(how|what) about\b|^(can|could|would|will) (we|you|u)\b"
            r"|^(is|does|would) \d.{0,12}\b(ok|okay|fine|good|work|alright)\b"
            r"|^is (ok|okay|fine|good|alright|perfect)\b(?!.*\?)"  # "is ok 9h for me": it's OK
            # "is ok 9:30 for me?", "can i get 7pm": a time asked for is a time set
            r"|^is (ok|okay|fine|good|alright|perfect)\b(?=.*\d)|^(can|could) i (get|have|do)\b(?=.*\d)",
            low,
        )
    ):  # "what happens at 9 exactly?", "does 9 mean morning or night?": answered, not set
        question = _question(low, text)
        if (question is None or question.topic in (Topic.OTHER, None)) and re.search(
            r"\d|every ?(single )?day|daily|weekends?|morning|night|miss|how often", low
        ):
            return reading(Intent.QUESTION, "a question: schedule", topic=Topic.SCHEDULE)
        if question is not None:
            return question
    asks_for_schedule = state == State.ONBOARDING or (
        _questioning(low)
        and not vocab.WHY_QUESTION.search(low)
        and (vocab.SCHEDULE_REQUEST.search(low) or vocab.BARE_HOUR.match(low))
    )
    if asks_for_schedule and not vocab.EXTRA_CHECK_IN.search(low):
        schedule = _schedule(text, low, context)
        if schedule is not None and (
            state == State.ONBOARDING or schedule.time is not None or schedule.days is not None
        ):
            return schedule
    if vocab.ACK.match(low):
        if state == State.AWAITING_MADE:
            if vocab.ACK_INTENDING.search(low):
                return reading(Intent.NOT_YET, "will do it")
        elif state not in (State.AWAITING_OUTCOME, State.AWAITING_FOLLOW_UP):
            return reading(Intent.CONFIRM, "acknowledges")
    if (
        state == State.AWAITING_ASK
        and re.match(
            r"^((nope|no|nah|um+|hmm+)[ ,]+)?(nothing|none|no one|nobody|not) (yet|so far)\b", low
        )
        and not vocab.FOLLOW_UP_ADVICE.search(low)  # "not yet, should i ping her again?"
    ):
        return reading(Intent.NOT_YET, "no ask yet today")
    if state == State.AWAITING_ASK and re.fullmatch(
        r"(nope|nah|no|not really|none|nothing)([,.! ]+(nothing|nada|not yet|today))?[.! ]*", low
    ):
        return reading(Intent.SKIP, "no ask today")
    if state == State.CLARIFYING and vocab.DONT_KNOW.fullmatch(low):
        # "idk", "no one comes to mind" to "Who will you ask?" (or to "What will you ask for?")
        topic = Topic.WHAT_TO_ASK if context.asking == "what" else Topic.WHO_TO_ASK
        return reading(Intent.QUESTION, f"a question: {topic.value}", topic=topic)
    if (state in (State.IDLE, State.AWAITING_ASK) and vocab.UNSURE.match(low)) or (
        state == State.CLARIFYING and re.match(r"^(idk,? )?whatever (u|you) think", low)
    ):
        return reading(Intent.QUESTION, "a question: what_to_ask", topic=Topic.WHAT_TO_ASK)
    if (
        state in _PLAN_STATES
        and vocab.THINKING_OF_ASKING.search(low)
        and not vocab.WHAT_SHOULD_I_ASK.search(low)  # "what should I ask Dana?" asks the coach
        and (
            someone_in(text)
            or (
                re.match(r"^((hm+|um+|ok|so|well)[, ]+)*(maybe|perhaps|i could|i might)\b", low)
                and assessed(text).verdict == Verdict.VAGUE
            )
        )
    ):  # "maybe I could ask the hiring manager for feedback?": a plan, said with a doubt
        return reading(Intent.PLAN, "someone the member is thinking of asking")
    if (
        state == State.CLARIFYING
        and re.match(
            r"^((hm+|um+|ok|oh|so|well)[,.]? )*(maybe|perhaps|probably|prob|what about|how about) ",
            low,
        )
        and someone_in(text)
    ):  # "Hm, maybe my mother's friend Gloria… Would that be appropriate?": the answer, doubted
        return reading(Intent.PLAN, "a person, offered with a doubt")
    if (
        state in _PLAN_STATES
        and re.search(r"\b(maybe|what about|how about) (her|him|them|she|he)\??$", low)
        and someone_in(text)
    ):  # "my neighbour Carol does HR at Kaiser, maybe her?": the person, offered
        return reading(Intent.PLAN, "a person, offered with a doubt")
    if state in _PLAN_STATES and _hedged_fragment(low):
        return reading(Intent.PLAN, "a hedged answer, not a question")
    if (
        _questioning(low)
        or _DRAFT_TONE.search(low)  # "make it more formal": about the draft just given
        or (re.search(r"\b(in|ask|post in|check) the group\b", low) and vocab.WHO_KNOWS.search(low))
        or vocab.NOT_KNOWING.search(low)
        or vocab.STUCK.search(low)
        or vocab.NERVES.search(low)
    ):
        question = _question(low, text)
        if question is not None:
            return question
    if state in (State.IDLE, State.AWAITING_ASK, State.CLARIFYING):
        answer = _answer(low, words, context)
        if answer is not None:
            return Reading(answer[0], text, answer[1], result=answer[2], when=answer[3])

    group_time = _GROUP_TIME.search(low)
    if group_time and (at := _last_time(low, loose=True)) is not None:
        # "change the default check-in time for the whole group to 8:30": `admin time 08:30`
        # (refused for anyone but the group's organizers)
        return reading(Intent.COMMAND, "the group's time", word="admin", rest=f"time {at:%H:%M}")
    schedule = (
        None
        if vocab.WHY_QUESTION.search(low)
        or vocab.EXTRA_CHECK_IN.search(low)
        or (_questioning(low) and not vocab.SCHEDULE_REQUEST.search(low))
        else _schedule(text, low, context)
    )
    if schedule is not None:
        return schedule
    if state in (State.AWAITING_ASK, State.IDLE, State.CLARIFYING) and _only_a_name(text, words):
        return reading(Intent.PLAN, "a name: the person to ask")

    know = vocab.KNOW.search(low)
    if know:
        raw = next((g for g in (know.group("company"), know.group("company2")) if g), "")
        written = as_written(text, raw)
        company = _company(written)
        if company:
            # "zalando and n26 if anyone needs an intro": each company named
            listed = re.split(
                r"[?!.;]| (?:or|for|to|who|that|because|pls|please|if|in case|so|when|lol|btw)\b",
                written,
                flags=re.IGNORECASE,
            )[0]
            companies = tuple(_company(part) for part in split_companies(listed)) or (company,)
            return reading(
                Intent.KNOW, "knows people at a company", company=company, companies=companies
            )
    target = vocab.TARGET_ADD.match(low)
    if target:
        raw = next(
            g for g in (target.group(k) for k in ("list", "list2", "list3", "list4", "list5")) if g
        )
        listed, more = list_and_rest(as_written(text, raw))
        if target.group("after5"):  # "add klarna to my list. todays ask: my old flatmate Jonas, …"
            more = vocab.ASK_LEAD.sub("", as_written(text, target.group("after5")))
        companies = split_companies(listed)
        if companies:
            return reading(
                Intent.TARGET_ADD, "adds target companies", companies=companies, rest=more
            )

    said = polarity(low)
    if said is not None:
        return reading(Intent.CONFIRM if said == "yes" else Intent.DECLINE, f"says {said}")

    has_ask = _has_ask(text)
    if (
        vocab.HARD_TIMES.search(low)
        and assessed(text).verdict != Verdict.SPECIFIC
        and not (vocab.PLAN_WORDS.search(low) and assessed(text).who is not None)
    ):  # "honestly not in a great place this week, got rejected after the final round"
        if state in _PLAN_STATES and vocab.SKIP.search(low):
            return reading(Intent.SKIP, "not today: a hard day")  # "…fever, can we skip today"
        return reading(Intent.FRUSTRATION, "a hard time")
    strong = vocab.STRONG_FEELING.search(low) and assessed(text).who is None
    if vocab.FRUSTRATION.search(low) and (not has_ask or strong):
        return reading(Intent.FRUSTRATION, "frustrated")
    if low.endswith("?") or (
        (
            re.match(
                r"^(what|whats|what's|why|how|when|where|which) (is|are|was|does|do|did|my|your|"
                r"the|if)\b|^(do|does|are|will|can) (you|u)\b|^(whats|what's) the\b",
                low,
            )
            or ("?" in low and _questioning(low))
        )
        and not has_ask
    ):  # "why my streak is zero" is a question, never part of a plan
        return reading(Intent.QUESTION, "a question", topic=Topic.OTHER)
    if re.fullmatch(
        r"(lol|lmao|haha\w*|hmm+|ok\?|\?+|k|meh|idk|eh)( what| wut| wat|\?)*\??|huh\??|wut|wat", low
    ):
        return reading(Intent.OTHER, "nothing I can act on")
    if state == State.CLARIFYING or has_ask or vocab.PLAN_WORDS.search(low):
        return reading(Intent.PLAN, "a plan")
    if state in _PLAN_STATES and len(words) <= 16 and someone_in(text):
        return reading(Intent.PLAN, "names someone to ask")
    if vocab.APPRECIATION.search(low) and not has_ask:
        return reading(
            Intent.THANKS, "thanks"
        )  # "this sounds great, thank you for setting this up"
    if state == State.ONBOARDING and len(words) >= 4:
        return reading(Intent.PLAN, "a plan")
    return reading(Intent.OTHER, "nothing I can act on")


def _questioning(low: str) -> bool:
    """A question somewhere in the message ("hmm is asking too much? we just met")."""
    if (
        low.endswith("?")
        or vocab.QUESTION_START.match(_without_fillers(low))
        or vocab.QUESTION_START.match(vocab.GREETING_PREFIX.sub("", low))  # "hello?? is this …"
        or re.search(r"\b(right|correct)\?", low)
        or vocab.DRAFT_PLEASE.search(low)  # "write it for me", "draft the message for me pls"
    ):
        return True
    return any(
        vocab.QUESTION_START.match(
            re.sub(r"^(hmm+|ok|so|but|and|wait|honestly|also|btw)[, ]+", "", part.strip())
        )
        for part in re.findall(r"[^?.!]+\?", low)
    )


def someone_in(plan: str) -> str | None:
    """The one person a passive plan is with, when the name is clear: a mention, "my old boss
    Tom", or a known given name that does not open the plan (where "Will go…", "Rose early…"
    are words, not people)."""
    plan = vocab.HEDGES.sub("", plan, count=1) or plan
    met = vocab.MEETING_WITH.match(plan)
    # "call w/ dave", "zoom w elena at 3": the person met (never "Ask call with dave …")
    who = person_in(plan[met.end() :]) if met else person_in(plan)
    if who is None:  # "thinking to contact my senior from college Rahul bhai": the name itself
        who = next(
            (
                m.group(0)
                # (with the accents names carry: "João", "Zoë")
                for m in re.finditer(
                    r"(?<=\s)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:\s[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?", plan
                )
                if _plainly_a_name(m.group(0).split()[0].lower())
                and not re.search(r"[A-ZÀ-Ý][\w'-]*\s$", plan[: m.start()])  # "São Paulo"
            ),
            None,
        )
    if who is None:
        # "ngl im blanking, maybe my ex coworker bisi?": the person may come after a first clause
        clauses = re.split(r"[,;.]\s+", plan, maxsplit=1)
        return someone_in(clauses[1]) if len(clauses) == 2 else None
    if who.startswith(("<@", "my ", "My ")):
        return who
    first = who.split()[0]
    if plan.lstrip().lower().startswith(first.lower()) or not _plainly_a_name(first.lower()):
        return None
    return who


def own_name(text: str) -> str | None:
    """The name a member asks to be called ("call me sam" -> Sam), if the message gives one."""
    low = normalise(text)
    found = vocab.MY_NAME.match(low)
    named = found and next(
        (
            found.group(g)
            for g in ("name", "own", "goes_by", "later", "called", "also_called")
            if found.group(g)
        ),
        None,
    )
    if not named:
        to = re.search(r"\bname to ([a-z][\w'-]{0,30})[.! ]*$", low)
        named = to.group(1) if to else None
    if not named:
        return None
    written = as_written(text, named)
    return written if written[:1].isupper() else written[:1].upper() + written[1:]


def outcome_person(text: str) -> str | None:
    """The person a report of how an ask went starts with: "Jen said yes!" -> Jen."""
    found = vocab.OUTCOME_SUBJECT.match(text.strip())
    if found is None:
        return None
    word = found.group("who")
    if not word.startswith("<@") and not (word[0].isupper() or _plainly_a_name(word.lower())):
        return None
    return person_in(word)


def asked_instead(text: str) -> str | None:
    """The person asked in the place of the one planned ("asked his colleague Sofia instead")."""
    found = vocab.ASKED_INSTEAD.search(text)
    if found is None:
        return None
    who = found.group("who") or found.group("who2") or found.group("who3") or found.group("who4")
    if not (who[:1].isupper() or _plainly_a_name(who.split()[0].lower())):
        return None  # "asked around instead"
    return who[:1].upper() + who[1:]


def made_person(text: str) -> str | None:
    """The person a report of a made ask names: "Asked carla yesterday!" -> Carla."""
    lead = vocab.MADE_LEAD.match(text.strip())
    if lead is None:
        return None
    return person_in(text.strip()[lead.end() :])


def _plainly_a_name(word: str) -> bool:
    """A known given name that is no ordinary word ("jen", not "will" or "rose")."""
    return word in GIVEN_NAMES and word not in COMMON_WORDS


def _only_a_name(text: str, words: list[str]) -> bool:
    """A reply that is only someone's first name ("jen", "Carlos!")."""
    return len(words) == 1 and _plainly_a_name(words[0])


def _without_fillers(low: str) -> str:
    """The message after the words people open with ("wait how does…", "ok so what…")."""
    return re.sub(
        r"^((hmm+|ok|okay|so|but|and|wait|honestly|also|btw|actually|oh|um+)[, ]+)+", "", low
    )


def _hedged_fragment(low: str) -> bool:
    """A short answer with a doubtful question mark, not a question: "referral i suppose?",
    "her manager maybe?"."""
    if not low.endswith("?") or len(_words(low)) > 8:
        return False
    hedge = vocab.LEADING_HEDGE.match(low)
    if hedge is not None and low[hedge.end() :].strip("? "):
        # "idk maybe a rec?", "maybe a referral?": a favour offered with a doubt
        rest = assessed(f"ask Jo for {low[hedge.end() :].rstrip('?')}")
        if rest.kind is not None:
            return True
    if vocab.QUESTION_START.match(low):
        return False
    if vocab.TRAILING_HEDGE.search(low):
        return True
    # "raj?", "zoe - opportunities?": a person offered, doubtfully, as the one to ask
    return len(_words(low)) <= 3 and assessed(low).who is not None


def _later_sentences(text: str) -> str:
    """What follows the first sentence ("sorry, been away. 9 is fine" -> "9 is fine")."""
    parts = re.split(r"(?<=[.!?])\s+|\s*(?:;|\btoday:)\s*", text.strip(), maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def _ask_after(low: str, context: Context) -> bool:
    """Whether a later sentence of a report is a new specific ask of someone."""
    after = _later_sentences(low)
    return (
        context.state in _PLAN_STATES
        and bool(after)
        and assessed(after).verdict == Verdict.SPECIFIC
    )


_SETTING_WORDS = 12  # the longest settings request read ahead of news ("no check-ins on …")


def settings_aside(text: str, context: Context) -> tuple[str, Reading] | None:
    """A settings request and other news in one message, in either order ("she said yes and can
    you pause me next week", "move me to 10 and I'm asking Jo…"): the news and the request, each
    read on its own; None unless both parts are understood and the request is a schedule
    change, a break or a resume."""
    idle = replace(context, state=State.IDLE)
    aside = vocab.SETTINGS_ASIDE.search(text)
    if aside is not None and aside.start() > 0:
        head = text[: aside.start()].strip()
        settings = read(aside.group("rest"), idle)
        if settings.intent in (Intent.SCHEDULE, Intent.PAUSE) and read(
            head, context
        ).intent not in (Intent.OTHER, Intent.SCHEDULE, Intent.PAUSE):
            return head, settings
    # the other way round: "move me to 10 and I'm asking Jo for a referral at Wise"
    for joint in vocab.NEWS_AFTER_SETTINGS.finditer(text):
        if len(text[: joint.start()].split()) > _SETTING_WORDS:
            break  # a settings request is short: past that, no part ahead of news is one
        settings = read(text[: joint.start()], idle)
        news = text[joint.end() :].strip()
        if settings.intent in (Intent.SCHEDULE, Intent.PAUSE, Intent.RESUME) and read(
            news, context
        ).intent not in (Intent.OTHER, Intent.SCHEDULE, Intent.PAUSE, Intent.RESUME):
            return news, settings
    return None


def news_then_question(text: str, context: Context) -> tuple[str, str] | None:
    """News of the ask, then a question about it, in one message ("waiting. what do i say to
    her in the follow up?"), to "did you make your ask?": the news and the question, each to
    be read on its own; None unless both parts are understood and the whole reads as only the
    question (the news would be lost)."""
    if context.state != State.AWAITING_MADE:
        return None  # (once made, the answers to "how did it go" take their questions along)
    joint = re.search(
        r"[.!]+\s+|\s*[,;—-]+\s+(?=(?:what|how|should|do|does|is|can|when|any)\b)", text
    )
    if joint is None or "?" not in text[joint.end() :]:
        return None
    news, question = text[: joint.start()].strip(), text[joint.end() :].strip()
    if read(news, context).intent not in (Intent.MADE, Intent.OUTCOME) or read(
        text, context
    ).intent not in (Intent.QUESTION, Intent.FOLLOW_UP_ADVICE):
        return None  # a whole message read as news keeps its question with it
    asked = read(question, replace(context, state=State.IDLE))
    if asked.intent not in (Intent.QUESTION, Intent.FOLLOW_UP_ADVICE) or (
        asked.intent == Intent.QUESTION and asked.topic in (None, Topic.OTHER)
    ):
        return None
    return news, question


def question_then_plan(text: str, context: Context) -> tuple[str, str] | None:
    """A question to the coach, then the plan it is about, in one message ("is it weird to
    message someone I only met once? was thinking of asking Ben Ortiz for a 15 min chat about
    his team"): the question and the plan, each to be read on its own; None unless the whole
    reads as the question and the part after it alone is a specific ask."""
    if context.state not in _PLAN_STATES:
        return None
    joint = text.find("?")
    if joint < 0 or not text[joint + 1 :].strip():
        return None
    question, plan = text[: joint + 1].strip(), text[joint + 1 :].strip()
    if read(text, context).intent != Intent.QUESTION:
        return None
    plan = re.sub(r"(?i)^(i was|i'?m|was|been) thinking (of|about) (?=asking\b)", "", plan)
    if assessed(plan).verdict != Verdict.SPECIFIC or read(plan, context).intent != Intent.PLAN:
        return None
    return question, plan


def _someone_else_away(low: str) -> bool:
    """ "not yet, he's travelling till thursday", "she is on leave": the person asked is away,
    never the member (who keeps their check-ins)."""
    away = vocab.AWAY_THIRD.search(low)
    return (
        away is not None
        and not away.group(0).startswith(("i ", "i'm", "im ", "we", "i am", "am ", "i'll", "ill "))
        and re.search(r"\b(i|i'm|im|i am|we|we're)\s*$", low[: away.start()]) is None
    )


def _has_ask(text: str) -> bool:
    """Whether the assessor finds a person or a favour in the text."""
    assessment = assessed(text)
    return assessment.who is not None or assessment.kind is not None


def _hired_company(text: str) -> str | None:
    """Where the job is: the capitalised name after at/in/with ("…at Shopify")."""
    for match in vocab.HIRED_AT.finditer(text):
        name = match.group(1)
        if name[:1].isupper() or len(name) > 3:
            company = _company(name)
            if company.lower() not in ("the", "a", "my", "jen", "last", "this"):
                return company
    return None


def _offset(text: str, skip_words: int) -> int:
    """Where the text continues after its first `skip_words` words."""
    position = 0
    for _ in range(skip_words):
        match = re.search(r"\S+", text[position:])
        if match is None:
            return len(text)
        position += match.end()
    return position


def as_written(text: str, lowered_part: str) -> str:
    """The part of the original text that `lowered_part` came from (keeps its capitals)."""
    index = text.lower().find(lowered_part.lower())
    return text[index : index + len(lowered_part)] if index >= 0 else lowered_part


def _answer(
    low: str, words: list[str], context: Context
) -> tuple[Intent, str, Outcome | None, str | None] | None:
    """Typed answers to the coach's own questions (made it / not yet / said yes / drop it);
    outside a pending question, only clear reports ("she said yes", "made it!")."""
    state = context.state
    answering = state in _ANSWER_STATES
    if len(words) > 40 or (not answering and len(words) > 20 and not _names_outcome(low)):
        return None
    low = re.sub(r"^<@!?\w+>\s*", "", low)
    if low.endswith("?") and re.match(
        r"^(does|do|can|will|is|who) (the group|anyone|others|other people|everyone|the "
        r"organi[sz]er)\b",
        low,
    ):
        return None  # "does the group see that she didn't answer?" is a question
    if state == State.AWAITING_FOLLOW_UP and re.fullmatch(
        r"(tmrw|tmr|tomorrow|tonight|later)[.!]*", low
    ):
        return (Intent.NUDGE, "will nudge", None, None)
    if (
        vocab.FOLLOW_UP_ADVICE.search(low)
        and ("?" in low or "should" in low)
        # to "What happened?", a stated outcome is the answer (its handler answers the question)
        and not (state == State.AWAITING_OUTCOME and _outcome(low) is not None)
    ):
        return (Intent.FOLLOW_UP_ADVICE, "asks whether to follow up", None, None)
    question = re.search(
        r"\b(what if|what happens if|should i (even )?ask|how do i|is it (ok|weird|rude))\b", low
    )
    if question and not (answering and _outcome(low[: question.start()]) is not None):
        return None  # but "she said yes, how do i thank her…" says how it went
    didnt_ask = vocab.DIDNT_ASK.search(low)
    made_first = (
        re.search(r"\b(sent|asked|messaged|emailed|texted|did)\b", low[: didnt_ask.start()])
        if didnt_ask and not re.search(r"\bask", didnt_ask.group(0))
        else None
    )  # "half. sent the msg but forgot to attach my CV": made (but "I messaged her but didn't
    # actually ask for the referral yet" is not)
    told_after = _outcome(low[didnt_ask.end() :]) if didnt_ask else None
    if (
        didnt_ask
        and state != State.IDLE
        and not made_first
        and told_after
        not in (
            Outcome.YES,
            Outcome.NO,
        )
    ):  # ("I never asked Jen, that was Jan. and Jan replied yes" is how it went)
        return (Intent.NOT_YET, "hasn't made it yet", None, _when(low))
    if (
        state == State.AWAITING_FOLLOW_UP
        and vocab.NUDGING.search(low)
        and vocab.INTENDING.search(low)
        and not vocab.DROP_FIRST.search(low)
        and not _questioning(low)
        and not vocab.FRUSTRATION.search(low)
        and not low.startswith(("thanks", "thank", "thx", "ty "))
    ):
        return (Intent.NUDGE, "will nudge", None, None)
    if vocab.DROP_FIRST.search(low) and (answering or len(words) <= 10):
        return (Intent.SKIP if state == State.CLARIFYING else Intent.DROP, "drops it", None, None)
    if vocab.NUDGE.search(low) and (answering or len(words) <= 10):
        return (Intent.NUDGE, "will nudge", None, None)
    outcome = _outcome(low)
    if outcome is not None and not answering and _ask_after(low, context):
        return None  # "Leo said yes yesterday btw. Today I'll ask Ines for an intro…": the plan
    if (
        outcome is not None
        and (answering or _names_outcome(low))
        and not (
            state == State.AWAITING_MADE
            and outcome == Outcome.WAITING
            and vocab.NOT_YET.search(low)
            and not re.search(
                r"\b(asked|sent|did|(?<!not )done|made|messaged|emailed|texted|contest[oó]"
                r"|respondi[oó])\b",
                low,
            )
        )
    ):
        return (Intent.OUTCOME, "says how the ask went", outcome, None)
    if state == State.AWAITING_FOLLOW_UP and vocab.NUDGED.search(low):
        return (Intent.NUDGE, "nudged already", None, None)
    if state == State.AWAITING_FOLLOW_UP and vocab.HEARD.match(low):
        return (Intent.MADE, "heard back", None, None)
    if vocab.DROP.search(low) and (answering or len(words) <= 10):
        return (Intent.DROP, "drops the ask", None, None)
    if state == State.AWAITING_MADE and vocab.DOING_IT_NOW.match(low):
        return (Intent.NOT_YET, "doing it now", None, None)
    first, _, rest = low.partition(" ")
    # "ja, done", "yup done": a yes-word before the report
    said_yes = rest.lstrip(",!. ") if rest and first.rstrip(",!.") in vocab.YES_WORDS else low
    made = (
        vocab.MADE.match(said_yes)
        # "done, messaged joy", "did it - texted her this morning"
        or re.match(
            r"^(done|did it|all done|sent it)[,!.:; -]+(i )?(asked|messaged|emailed|texted|dm'?d"
            r"|dmed|called|pinged|sent|wrote)\b",
            said_yes,
        )
        or re.match(r"^(yes|yep|yeah|y|ya)?,? ?i (made|asked|sent|did)\b", low)
        # "yes I send him message in whatsapp"
        or re.match(
            r"^((yes|yep|yeah|ya|si|sim|oui|ja)[,!. ]+)?i (send|sent|message|messaged|texted|wrote|"
            r"write|called|call|emailed) (him|her|them)\b",
            low,
        )
        # "ja, I have write her this morning"
        or (
            answering
            and re.match(
                r"^((yes|yep|yeah|ja|si|sí|oui|sim|tak|da)[,!. ]+)?i (have |has |had )?(write|wrote|"
                r"written|send|sent|ask|asked|message|messaged|call|called|text|texted) (her|him|them|"
                r"to (her|him|them))\b",
                low,
            )
        )
        or (
            answering
            and re.search(
                r"\b(sent|messaged|emailed|texted) (the|my|him|her|them) (msg|message|email|text|note|dm)\b",
                low,
            )
        )
    )
    if (
        made
        and not vocab.NOT_YET.search(low.replace("yesterday", ""))
        and (answering or len(words) <= 12)
    ):
        return (Intent.MADE, "made the ask", None, None)
    if (
        state == State.AWAITING_MADE
        and vocab.SKIP.search(low)
        and not re.search(
            r"\b(tomorrow|tmrw|tmr|tmw|later|next|tonight|monday|tuesday|wednesday|thursday|friday)\b",
            low,
        )
    ):
        return (Intent.SKIP, "skips it", None, None)
    if (
        state == State.AWAITING_MADE
        and vocab.SKIP.search(low)
        and re.search(r"\b(tomorrow|tmrw|tmr|tmw)\b", low)
    ):  # "skip, ill do it first thing tmrw": not yet, and the ask stays for tomorrow
        return (Intent.NOT_YET, "hasn't made it yet", None, _when(low) or "tomorrow")
    if state == State.AWAITING_MADE and re.fullmatch(
        r"(kinda|kind of|sort of|sorta|partly|half|halfway|ish|a bit|i guess|more or less)[.!?]*",
        low,
    ):  # "kinda" to "Did you make your ask?": it counts
        return (Intent.MADE, "partly made it", None, None)
    if state == State.AWAITING_MADE and (
        vocab.NOT_YET.search(low) or re.search(r"\bwill try\b", low)
    ):
        return (Intent.NOT_YET, "hasn't made it yet", None, _when(low))
    if state == State.IDLE and (re.match(r"^not yet\b", low) or vocab.LATER_TODAY.match(low)):
        return (Intent.NOT_YET, "hasn't made it yet", None, _when(low))
    if state == State.AWAITING_OUTCOME and re.match(
        r"^((no|nope|nah|um+)[, ]+)?(not yet|nothing yet|not so far|no news yet"
        r"|(she|he|they) (didn'?t|did not|hasn'?t|has not|haven'?t)( yet)?$)",
        low,
    ):  # to "What happened?": no answer yet, never a no ("no she didnt")
        return (Intent.OUTCOME, "no answer yet", Outcome.WAITING, None)
    said = polarity(low) or (
        "yes"
        if re.match(r"^((omg|oh|ah|wow|yay)[,! ]+)?(yes|yep|yeah|yup|y|ya|si|sim)\b", low)
        and answering
        else "no"
        if re.match(r"^(no|nope|nah|not yet)\b", low) and answering
        else None
    )
    if said is not None and answering:
        if state == State.AWAITING_MADE:
            if said == "yes":
                return (Intent.MADE, "yes to 'did you make it'", None, None)
            return (Intent.NOT_YET, "no to 'did you make it'", None, _when(low))
        if state == State.AWAITING_OUTCOME:
            return (Intent.OUTCOME, f"{said} to 'what happened'", Outcome(said), None)
        if said == "yes" and re.fullmatch(
            r"(k|kk|ok|okay|okie|sure|alright|cool|fine|will do|sounds good|got it)[.! ]*", low
        ):  # "k" to "A short nudge is normal": OK, I'll nudge (not "I heard back")
            return (Intent.CONFIRM, "agrees to nudge", None, None)
        if said == "yes":
            return (Intent.MADE, "heard back", None, None)
        return (Intent.OUTCOME, "not heard back", Outcome.WAITING, None)
    if state == State.AWAITING_FOLLOW_UP and re.match(r"^not yet\b", low):
        return (Intent.OUTCOME, "not heard back", Outcome.WAITING, None)
    if (
        state in (State.AWAITING_ASK, State.IDLE, State.CLARIFYING)
        and vocab.SKIP.search(low)
        and len(words) <= 10
    ):
        return (Intent.SKIP, "skips today", None, None)
    return None


def _when(low: str) -> str | None:
    if "tomorrow" in low or "tmrw" in low or "tmr" in low or "bukas" in low:
        return "tomorrow"
    if re.search(r"\b(next week|monday|mon)\b", low):
        return "next_week"
    if re.search(r"\b(later|tonight|this evening|this afternoon|in a bit|soon)\b", low):
        return "later"
    return None


def _names_outcome(low: str) -> bool:
    """Outside a pending question, only a clear report counts ("she said yes", "no reply")."""
    return bool(
        re.search(
            r"\b(said|say|says|replied|answered|agreed|declined|referred me|introduced me|"
            r"no (reply|response|answer)|never replied|hasn'?t replied|ghosted|waiting to hear|"
            r"still waiting|waiting on|heard back|can'?t refer|will intro|'ll intro|"
            r"referring me|nothing (yet |back )?from|still nothing|no word from|heard nothing|"
            r"(he|she|they) (already )?(sent|forwarded|passed on|shared|submitted) (my|the)|"
            r"never (got|gotten) back|got back to me|(finally )?(answered|replied|responded)|"
            r"^still no\b|(she|he|they) (wrote|sent|signed|posted|left) (it|one|me)\b"
            # "yup done, she's keen 😊": asked, and the answer said
            r"|\b(done|asked|did it|sorted)\b.{0,20}\b(she|he|they)('?s| is| are|'?re) (keen|down|"
            r"stoked|up for it)\b"
            # in Hindi, Tagalog, French: "rahul ne refer kar diya", "nirefer na po ako ni ate joy",
            # "julie a dit oui", "priya ne mana kar diya", "pas encore de réponse"
            r"|\bne (refer|mana) kar (diya|di|dia)\b|\bni-?refer\b|\ba dit (oui|non)\b"
            r"|\bpas encore de r[ée]ponse\b|\bwala pa(ng)?( pong| po)? (reply|sagot)\b"
            r"|\b(reply|jawab) nahi (aaya|aya|mila)\b|\bstill nada\b|\bnada from\b"
            r"|\bno (me )?(contest[oó]|respondi[oó])\b|\b(did not|didn'?t) answer (until|till) now\b"
            r"|never (reply|answer)|\b(go|don) (refer|intro|connect|link) me|dem don fill|"
            r"\b(talked|spoke|asked|messaged|called|texted|met)\b.{0,40}\b(she|he|they) (will|'ll|is "
            r"going to|gonna) (send|forward|pass|refer|intro|introduce|submit|connect)\b|"
            r"\b(sent|gave|shared) me (\w+ )?(two|2|three|3|a few|a couple|some|a list|a name|"
            r"the name|a contact|her contact|his contact)\b"
            r"|(didn'?t|did not|hasn'?t|has not) (answer|answered|reply|replied|respond|responded|"
            r"get back|gotten back|got back|write back)\b)",
            low,
        )
    )


def _question(low: str, text: str) -> Reading | None:
    who_knows = vocab.WHO_KNOWS.search(low)
    if who_knows and re.search(r"\b(my|our) [\w' ]{0,25}\b[A-Z][a-z]+ who (works|is)\b", text):
        who_knows = None  # "my mother's friend Gloria who works … at Unilever": the person found
    if who_knows:
        raw = (
            who_knows.group("company")
            or who_knows.group("company2")
            or who_knows.group("company3")
            or who_knows.group("company4")
            or ""
        )
        raw = re.sub(r"^the (?=\w+ of )", "", raw)  # "the city of austin"
        company = _company(as_written(text, raw))
        if company and not vocab.NOT_COMPANY.match(company.lower()):
            return Reading(
                Intent.WHO_KNOWS, text, "looks for someone in the group", company=company
            )
    if vocab.ORGANIZING.search(low):
        return Reading(Intent.QUESTION, text, "a question: group", topic=Topic.GROUP)
    if vocab.HELP.match(_without_fillers(low)):
        return Reading(Intent.HELP, text, "asks what the coach does")
    if vocab.WHO_HASNT.search(low):
        # "who hasn't answered?": about the group's members (an organizer's question), never
        # follow-up advice about one ask
        return Reading(Intent.QUESTION, text, "a question: group", topic=Topic.GROUP)
    if vocab.FOLLOW_UP_ADVICE.search(low):
        return Reading(Intent.FOLLOW_UP_ADVICE, text, "asks whether to follow up")
    if vocab.ONE_OFF_REMINDER.search(low):  # "can you remind me to thank her?"
        return Reading(Intent.QUESTION, text, "a question: reminder", topic=Topic.REMINDER)
    for topic, pattern in _TOPICS:
        if topic in (Topic.NERVES, Topic.MATERIALS) and assessed(text).who is not None:
            continue  # "it feels pushy but I'll ask Tom for a referral" is the plan
        if topic == Topic.NERVES and vocab.MADE.match(low):
            continue  # "I sent it this afternoon! I was so nervous.": the ask made, said first
        if topic == Topic.HOW_TO_ASK and re.search(r"\bask (him|her|them|[a-z]+) for\b", low):
            continue  # "can you write the email to Dr. Osei? i want to ask him for a reference"
        if pattern.search(low):
            return Reading(Intent.QUESTION, text, f"a question: {topic.value}", topic=topic)
    if vocab.NOT_KNOWING.match(low):  # "i dont really know any recruiters tbh": where to start
        return Reading(Intent.QUESTION, text, "a question: who_to_ask", topic=Topic.WHO_TO_ASK)
    if re.match(r"^(ask|email|message|text|call|send|get|have|request) ", low):
        return None  # a plan with a question mark
    if low.endswith("?"):
        return Reading(Intent.QUESTION, text, "a question", topic=Topic.OTHER)
    return None


# "make it more formal", "make that friendlier pls": how the drafted message should sound.
_DRAFT_TONE = re.compile(
    r"^(can|could) (you|u) make it |^(pls |please )?make (it|that) (a (bit|little) |a lot )?"
    rf"{TONE_WORDS}\b"
)


def draft_tone(low: str) -> str:
    """ "shorter?", "more casual" -> "short"; "more formal", "more professional" -> "formal"."""
    if re.search(
        r"\b(more (formal|professional|polite)|less (casual|informal)|formal(ly)?)\b", low
    ):
        return "formal" if not re.search(r"\bless formal\b", low) else "short"
    if re.search(
        r"\b(short|shorter|casual|quick|less formal|less cringe|less stiff|more chill)\b", low
    ):
        return "short"
    return ""


# A fragment that only says what the ask is for: "for the analyst job at target", "it's for
# the data role", "at shopify, the backend team".
_DETAIL_ONLY = re.compile(
    r"^(?:(?:oh|and|also|btw|sorry|oops)[,!. ]+)?(?:it'?s |its |this is |that'?s |the ask is )?"
    r"(?:for|at|with|on) (?:the |a |an |her |his |their )?[\w'&. -]{0,40}\b(?:job|role|position"
    r"|opening|team|internship|posting|req|program|programme|fellowship)\b[\w'&., -]{0,30}$"
)


# "i'll do one tomorrow, promise", "gonna make my ask tmrw": no ask today, one tomorrow.
_ONE_TOMORROW = re.compile(
    r"^((ok|okay|sorry|hmm|honestly|ugh)[,. ]+)*(i'?ll|i will|ill|gonna|going to|i'?m gonna) (do|make"
    r"|send|try|have) (one|it|an ask|my ask|the ask|one ask)( for sure)? (tomorrow|tmrw|tmr|tmw)\b"
    r"(?!.*\b(ask|asking) [a-z]+ (for|to)\b)"
)


# The group's default time, not the member's own: "set the default check-in time for the whole
# group to 8:30", "everyone's check-ins at 8 please".
_GROUP_TIME = re.compile(
    r"\b(default|group'?s|the whole (group|club)|for (the )?(whole )?(group|club|everyone|everybody)"
    r"|everyone'?s|everybody'?s|all members)\b.{0,40}\b(check-?ins?|time|messages?)\b"
    r"|\b(check-?ins?|time)\b.{0,30}\b(for (the )?(whole )?(group|club|everyone|everybody|all members))\b"
)


_ORGANIZER_WORDS_SAID = re.compile(
    r"\b(?:our|the|my)\s(?:group'?s?|club'?s?)\ssettings\b|\bgroup settings\b"
    r"|(?P<dashboard>\b(?:where|how)\b.{0,25}\b(?:find|open|get to|see|access)\b.{0,20}\bdashboard\b)"
    r"|\b(?:post|send|put)\b.{0,30}\b(?:digest|report|summary)\b.{0,20}\b(?:in|to|into)\s+"
    r"(?P<channel><#[^>\s]+>|#[\w-]+)"
)
_MY_DATA_COPY = re.compile(
    r"\b(?:copy|download|export|see|get)\b.{0,30}\b(?:everything|all|my data|what you'?(?:ve| have)?"
    r" (?:stored|saved|kept|got|know))\b.{0,30}\b(?:about me|on me|of mine|stored|saved|you have)\b"
)


_NOT_IN_THE_EVENINGS = re.compile(
    r"\b(?:not|don'?t|dont|no|stop)\b.{0,20}\b(?:message|messaging|text|texting|ping|pinging|check"
    r"(?:ing)? in|check-?ins?|dm|bug)\b(?: me)?.{0,15}\b(?:in the |during the |on )?(?:evenings?|afternoons?"
    r"|nights?)\b"
)


def corrected_person(text: str) -> str | None:
    """The new person in an edit ("make that his VP, Ruth Kim" -> Ruth Kim)."""
    tail = re.split(
        r"\b(?:make (?:that|it)|change (?:that|it) to|i meant|i mean|meant|it'?s|it was|that was"
        r"|instead of \w+,?)\s",
        text,
        maxsplit=1,
        flags=re.IGNORECASE,
    )[-1]
    tail = re.sub(r"\binstead\b.*$|,? with (an?|the) \w+$", "", tail, flags=re.IGNORECASE).strip(
        " ,.!"
    )
    # "I asked Carla instead of Jen": the person after the verb
    tail = re.sub(r"^i (asked|messaged|texted|emailed|called) ", "", tail, flags=re.IGNORECASE)
    named = assessed(f"Ask {tail} for a referral").who
    if named:
        return named
    if re.fullmatch(r"[^\W\d_][\w'-]{1,30}", tail) and tail[0].isupper():
        return tail  # "it's Tomás": one capitalised name the lexicon doesn't hold
    # "his VP, Ruth Kim": the full name after the role.
    names = re.findall(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)+)\b", tail)
    return names[-1] if names else None


def _schedule(text: str, low: str, context: Context) -> Reading | None:
    loose = context.state == State.ONBOARDING or bool(vocab.BARE_HOUR.match(low))
    at = _last_time(low, loose)
    zone = find_zone(text) if (at is not None or context.state == State.ONBOARDING) else None
    if zone is None and at is None:
        zone = _zone_only(text)
    if zone is None and at is None and vocab.ZONE_SWITCH.search(low):
        # "i'm in london this week, can you switch to london time", "back home in chicago now,
        # switch back pls": the city named is the zone
        zone = find_zone(text)
        if zone is None and re.search(r"\b(switch|change|go|put it|set it) (it |me )?back\b", low):
            return Reading(Intent.SCHEDULE, text, "back to the zone before", word="zone_back")
    moved = vocab.MOVED_TO.search(low) if zone is None else None
    if moved:  # "moved to berlin last week so time is off now"
        zone = find_zone(moved.group("place"))
    days = find_days(low)
    part_of_day = vocab.PART_OF_DAY.match(low) or (
        (context.state == State.ONBOARDING or vocab.SCHEDULE_REQUEST.search(low))
        and vocab.PART_OF_DAY_ANYWHERE.search(low)
    )
    bad_zone = None
    if zone is None:
        token = re.search(r"\b[A-Za-z]+/[A-Za-z_]+\b", text)
        bad_zone = token.group(0) if token else None
    if at is None and zone is None and days is None and not part_of_day and not bad_zone:
        return None
    assessment_who = None
    if context.state != State.ONBOARDING:
        cue = vocab.SCHEDULE_CUE.search(low) or len(_words(low)) <= 4
        if not cue:
            return None
        assessment_who = assessed(text).who
        if assessment_who is not None:
            return None
    if (
        part_of_day
        and at is not None
        and at.hour < 12
        and re.match(r"(afternoon|after lunch|evening)", part_of_day.group(1))
    ):  # "can u do evenings instead like 7": 19:00
        at = time(at.hour + 12, at.minute)
    if part_of_day and at is None:
        word = part_of_day.group(1)
        at = {
            "afternoon": time(13, 0),
            "afternoons": time(13, 0),
            "after lunch": time(13, 0),
            "lunchtime": time(12, 0),
            "evening": time(18, 0),
            "evenings": time(18, 0),
        }.get(word)
    return Reading(
        Intent.SCHEDULE, text, "sets the schedule", time=at, zone=zone, days=days, bad_zone=bad_zone
    )


def _last_time(low: str, loose: bool) -> time | None:
    """The time the member settles on: "i start work at 9 so afternoon, 2pm?" is 14:00 — the last
    clause that holds a time."""
    clauses = [c for c in re.split(r",|;|\.\s| so | but | or | then ", low) if c.strip()]
    # "better 10h por favor, at 9h I bring the kids to school": the time asked for wins over a
    # time that explains why
    wished = [
        c
        for c in clauses
        if re.search(
            r"\b(better|rather|prefer|make it|how about|can we do|instead|pls|please|por favor|mejor"
            r"|mieux|plut[oô]t|melhor|besser)\b",
            c,
        )
    ]
    for clause in [*wished, *reversed(clauses)]:
        found = find_time(clause.strip(), loose=loose)
        if found is not None:
            return found
    return find_time(low, loose=loose)


def _zone_only(text: str) -> ZoneInfo | None:
    """A message that is only a zone ("Europe/Berlin", "central time", "i'm in mexico city")."""
    low = normalise(text)
    if re.fullmatch(
        r"(i'?m in |i am in |i live in |based in |in |my (time ?zone|tz) is |tz |timezone )?"
        r"[\w/ _+\-]{2,40}?( time| timezone| time zone| tz)?( please| pls)?",
        low,
    ):
        return find_zone(text)
    return None


# ------------------------------------------------------------------------- chat words


def _few_words(most: int) -> Callable[[str], bool]:
    return lambda rest: len(rest.split()) <= most


def _nothing_after(rest: str) -> bool:
    return not rest


@dataclass(frozen=True)
class _ChatWord:
    """One chat word of DESIGN.md: the intent it means, when what follows fits its grammar, and
    the slots read from what follows (given the member's local date)."""

    intent: Intent
    fits: Callable[[str], bool]
    slots: Callable[[str, date], dict[str, object]] = lambda rest, today: {}


def _time_fits(rest: str) -> bool:
    return (
        not rest or parse_time(rest) is not None or bool(re.fullmatch(r"[\d:. apm]+", rest.lower()))
    )


def _share_fits(rest: str) -> bool:
    return len(rest.split()) <= 2 and not re.match(r"(my|your|it|this|the)\b", rest.lower())


def _help_fits(rest: str) -> bool:
    return len(rest.split()) <= 3 and not rest.lower().startswith(("me ", "with"))


_CHAT_WORDS: dict[str, _ChatWord] = {
    "help": _ChatWord(Intent.HELP, _help_fits),
    "targets": _ChatWord(Intent.COMMAND, _nothing_after),
    "stats": _ChatWord(Intent.STATS, _nothing_after),
    "time": _ChatWord(Intent.SCHEDULE, _time_fits, lambda rest, today: {"time": parse_time(rest)}),
    "days": _ChatWord(
        Intent.SCHEDULE,
        lambda rest: not rest or len(rest.split()) <= 3,
        lambda rest, today: {"days": parse_days(rest) or find_days(rest)},
    ),
    "tz": _ChatWord(
        Intent.SCHEDULE,
        lambda rest: bool(rest) and len(rest.split()) <= 3,
        lambda rest, today: {"zone": timezone_or_none(rest) or find_zone(rest)},
    ),
    "pause": _ChatWord(
        Intent.PAUSE, _few_words(4), lambda rest, today: {"pause": _pause_amount(rest, today)}
    ),
    # "resume", "resume pls", "resume check-ins" — never "resume review" or "resume tips pls",
    # where a resume is the member's CV
    "resume": _ChatWord(
        Intent.RESUME,
        lambda rest: (
            re.fullmatch(
                r"((pls|please|now|it|them|the|check-?ins?|coaching|messages|again|asap|thanks|thx)"
                r"[.!,]*\s*){0,3}",
                rest.lower(),
            )
            is not None
        ),
    ),
    "export": _ChatWord(Intent.COMMAND, _few_words(2)),
    "forget": _ChatWord(Intent.FORGET, _nothing_after),
    "share": _ChatWord(Intent.COMMAND, _share_fits),
    "report": _ChatWord(Intent.COMMAND, _few_words(2)),
    "digest": _ChatWord(Intent.COMMAND, _few_words(2)),
    "admin": _ChatWord(Intent.COMMAND, lambda rest: True),
}


def _chat_word(text: str, low: str, context: Context) -> Reading | None:
    """The chat words of DESIGN.md, only when what follows fits the word's grammar (so that
    "share my resume with Tom" is a plan, not a bad `share` command)."""
    stripped = text.strip()
    first, _, rest = stripped.partition(" ")
    word = first.lower().lstrip("/").rstrip(":,")
    rest = rest.strip()
    rest_low = rest.lower()
    why = f"the `{word}` word"
    if word == "ask" and rest:
        return Reading(Intent.PLAN, f"Ask {rest}", why, word="ask", rest=rest)
    if word == "gave" and (rest or stripped.lower() == "gave"):
        return Reading(Intent.GIVE, text, why, word="gave", rest=rest)
    if word == "target":
        verb, _, companies = rest.partition(" ")
        if verb.lower() == "add" and companies.strip():
            listed, more = list_and_rest(companies)
            return Reading(
                Intent.TARGET_ADD,
                text,
                "the `target add` word",
                word="target",
                companies=split_companies(listed),
                rest=more,
            )
        if verb.lower() in ("remove", "rm", "delete", "del", "drop"):
            return Reading(Intent.COMMAND, text, "the `target remove` word", word=word, rest=rest)
        return Reading(Intent.COMMAND, text, why, word=word, rest=rest)
    if word == "know" and not rest:
        return Reading(Intent.COMMAND, text, why, word=word)
    if (
        word == "know"
        and not rest.endswith("?")
        and not re.match(r"(anyone|anybody|someone|somebody|people|who)\b", rest_low)
    ):
        return Reading(Intent.KNOW, text, why, word=word, company=_company(rest) or rest[:80])
    chat_word = _CHAT_WORDS.get(word)
    if chat_word is None or not chat_word.fits(rest):
        return None
    slots = chat_word.slots(rest, context.today)
    return Reading(chat_word.intent, text, why, word=word, rest=rest, **slots)  # type: ignore[arg-type]


def _pause_amount(rest: str, today: date) -> Break | None:
    """`pause 5`, `pause 5 days`, `pause 2 weeks`, `pause till monday`; None if unreadable."""
    words = rest.lower().strip()
    if not words:
        return Break(days=7)
    number = words.removesuffix("days").removesuffix("day").strip()
    if number.isdecimal() and number.isascii():
        return Break(days=int(number))
    return find_break(words, today)
