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
from dataclasses import dataclass, field, replace
from datetime import date, time
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.coaching import Assessment, assess_ask
from bot.conversation.states import State
from bot.domain import Outcome
from bot.schedule import parse_days, parse_time, timezone_or_none
from bot.schedule.words import Break, find_break, find_days, find_time, find_zone


@lru_cache(maxsize=512)
def assessed(text: str, companies: tuple[str, ...] = ()) -> Assessment:
    """The assessor's verdict on `text` (companies spelled as the member's `companies` list
    spells them), remembered: understanding a message and acting on it often judge the same
    words more than once."""
    return assess_ask(text, companies=companies)


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
    FRUSTRATION = "frustration"
    HIRED = "hired"
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
    WHO_TO_ASK = "who_to_ask"
    IS_GOOD_ASK = "is_good_ask"
    WHAT_IS_SPECIFIC = "what_is_specific"
    BOT = "bot"
    PRIVACY = "privacy"
    OTHER = "other"


@dataclass(frozen=True)
class Reading:
    """One message understood: the intent, its slots, and the rule that decided (`why`)."""

    intent: Intent
    text: str
    why: str = ""
    time: time | None = None
    zone: ZoneInfo | None = None
    days: frozenset[int] | None = None
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
    also: tuple[Reading, ...] = field(default=())  # e.g. a plan that followed "hi!"

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
    """What the reader may know about the member: where the conversation stands, their local
    date (for "till monday"), and the name their pending question is about."""

    state: State
    today: date
    person: str | None = None


# ------------------------------------------------------------------------- normalising

_EMOJI_WORDS = {
    "👍": " ok ",
    "👌": " ok ",
    "✅": " done ",
    "✔": " done ",
    "🙏": " thanks ",
    "❤": " thanks ",
    "🎉": " yay ",
    "🥳": " yay ",
    "👋": " hi ",
    "😡": " ugh ",
    "🤬": " ugh ",
    "😤": " ugh ",
    "🖕": " fuck ",
}
_EMOJI_CODES = {
    "+1": " ok ",
    "thumbsup": " ok ",
    "ok_hand": " ok ",
    "white_check_mark": " done ",
    "heavy_check_mark": " done ",
    "pray": " thanks ",
    "tada": " yay ",
    "wave": " hi ",
    "raised_hands": " yay ",
    "-1": " no ",
    "thumbsdown": " no ",
}
_EMOJI_CODE = re.compile(r":([a-z0-9_+\-]{1,30}):")
_MARKUP = re.compile(r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)")
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s'?:/.,@<>&+\-]")


def normalise(text: str) -> str:
    """Lower case, chat markup and emoji turned into words or dropped, one space between words,
    curly quotes made straight, trailing punctuation kept only as '?'."""
    out = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    for emoji, word in _EMOJI_WORDS.items():
        out = out.replace(emoji, word)
    out = _EMOJI_CODE.sub(lambda m: _EMOJI_CODES.get(m.group(1), " "), out)
    out = _MARKUP.sub(" ", out)
    out = _NOT_WORD.sub(" ", out.lower())
    out = _SPACES.sub(" ", out).strip()
    out = re.sub(r"\b(\w+)( \1\b)+", r"\1", out)  # "done done" (✅ after "done") is one word
    out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
    question = "?" in out
    out = out.strip(" .,!:;-")
    out = re.sub(r"\s*\?+", "?", out)
    if question and not out.endswith("?") and len(out.split()) <= 12 and out.count("?") == 0:
        out += "?"
    return out


def _words(low: str) -> list[str]:
    return re.findall(r"[\w']+", low)


# ------------------------------------------------------------------------- the rules

_FORGET = re.compile(
    r"\b(delete|erase|remove|wipe|purge|clear)\b.{0,20}\b(my|all|everything)\b.{0,25}"
    r"\b(data|info|information|account|history|stuff|everything|records?|details)\b"
    r"|\bforget (me|everything|all about me|my data|about me|all my)\b"
    r"|^forget( me)?$"
    r"|\bdelete (me|my account|everything)\b"
    r"|\bgdpr\b|\bright to be forgotten\b"
    r"|\b(delete|erase|remove|wipe) (everything|all) (you have|you know|about me|on me)"
    r"|\b(don'?t|do not) want (you|u) (storing|to store|keeping|to keep|having)\b"
)
_STOP = re.compile(
    r"^(stop|unsubscribe|unsub|opt ?out|quit|cancel|end|stop it|stop pls|stop please|"
    r"please stop|pls stop|stahp|enough)$"
    r"|\b(stop|quit|no more) (messaging|texting|sending|bugging|pinging|dming|dm'ing|writing|"
    r"contacting|the messages|messages|these messages|check ?ins|checking in|reminders)\b"
    r"|\bleave me alone\b|\bdon'?t (message|text|dm|contact|ping|write to) me\b"
    r"|\b(unsubscribe|opt me out|take me off|remove me from)\b"
    r"|\bstop (this|it) (now|please|pls)\b|\bi (want|wanna|would like) to (stop|quit|unsubscribe)"
    r"|\bturn (this|it|you|check ?ins) off\b|\bno more check ?ins\b"
    r"|^(pls |please |just )?stop\b.{0,12}$|\bstop (these|them|this)\b"
)
_RESUME = re.compile(
    r"^(resume|unpause|restart|start|start again|i'?m back|im back|back|back again|"
    r"i am back|turn (it|check ?ins) (back )?on)$"
    r"|\b(resume|unpause|restart) (check ?ins|the check ?ins|messages|coaching|please|pls)\b"
    r"|\bi'?m back\b|\bi am back\b|\bunpause\b|\bready (to go )?again\b|\bback from (vacation|holiday|my trip|leave|break)\b"
    r"|\b(start|turn) (the )?(check ?ins|messages) (again|back on)\b"
    r"|\bstart (again|messaging me again|checking in again)\b"
)
_PAUSE = re.compile(
    r"\b(pause|vacation|vacay|holiday|holidays|on leave|parental leave|sick leave|"
    r"out of (the )?office|ooo|travell?ing|a break|break for|break until|break till|"
    r"time off|day off for|days off|week off|weeks off|off next week|off this week|"
    r"away (for|until|till|til|next|this)|snooze|hold off|mute|silence|offline (for|until)|"
    r"no check ?ins (for|until|till|next)|skip (next|this) week|(be|am|i'?m) off (until|till|til|for|next)|"
    r"not available (until|till|for|next)|unavailable (until|till|for|next))\b"
)
_HIRED = re.compile(
    r"\b(i|i've|ive|i have|finally|just)\s+(got|get|gotten|landed|accepted|signed|received|"
    r"took|won)\s+(a|an|the|my|that|this)\s+(new\s+)?(job|offer|position|role|gig)\b"
    r"|\b(got|get|been|was|am|i'?m) hired\b|\bhired me\b|\bi start my new (job|role)\b"
    r"|\b(accepted|signed) (an|the|their|a) offer\b|\boffer accepted\b"
    r"|\bi'?m (starting|joining) (at|\w+ (on|next))\b.*\b(job|role|offer)?|\bnew job\b.*!"
    r"|\bi got it!|\bgot the job\b|\bgot an offer\b|\bgot a job\b|\bi get the job\b"
)
_HIRED_AT = re.compile(
    r"\b(?:at|in|from|with|to join)\s+([A-Za-z0-9][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2})"
)
_HELP = re.compile(
    r"\bhow does (this|it) (work|works)\b|^(help|help me|help pls|help please|\?+|h|menu|commands|options|info|usage|"
    r"how does (this|it) work|how do (i use|you work|this work)|what can you do|"
    r"what do you do|what (are|r) (the|your) commands|what can i (say|type|do here)|"
    r"how to use( this)?|instructions|what is this|what's this|whats this)\??$"
)
_FOLLOW_UP_ADVICE = re.compile(
    r"\b(should|do|can|shall|could|would it be ok to|is it ok to|is it rude to|when to|how to|"
    r"when should|how long (do|should) i)\b.{0,40}\b(follow ?up|follow-up|nudge|bug|ping|chase|"
    r"remind|write (to )?(him|her|them) again|message (him|her|them) again|reach out again|"
    r"try again|email (him|her|them) again|text (him|her|them) again|wait|poke|bother)\b"
    r"|\b(never|hasn'?t|didn'?t|not|still hasn'?t|haven'?t)\b.{0,20}\b(replied|answered|"
    r"responded|gotten back|got back|heard)\b.{0,40}\?"
    r"|\bwhat (do|should) i do\b.{0,30}\b(no reply|no answer|ghost|silence|not replying)"
    r"|\btoo (soon|early|late|pushy) to (nudge|follow|ping|chase|write|message|bug|remind)"
)
_WHO_KNOWS = re.compile(
    r"\b(who|anyone|anybody|someone|somebody|does anyone|does anybody|any of you|any one|"
    r"people|ppl|any(one)? here)\b.{0,30}\b(knows?|has|have|got|with|work|works|working)\b"
    r".{0,30}?\b(at|in|from|inside|over at)\s+(?P<company>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})"
    r"|\b(looking for|need|searching for) (someone|anyone|a contact|contacts|people|somebody) "
    r"(at|in|from|inside) (?P<company3>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})"
    r"|^(do you )?know (anyone|anybody|someone|somebody|people) (at|in|from) "
    r"(?P<company2>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})"
)
_QUESTION_START = re.compile(
    r"^(what|whats|what's|who|whom|how|why|when|where|which|is|are|am|should|shall|can|could|"
    r"would|will|do|does|did|any|anyone|anybody|idk|i dont know|i don't know|no idea|not sure|"
    r"dunno|u |you |r u|are u|need (an )?idea|give me (an )?(idea|example)|help me (think|find|"
    r"figure|decide|come up))\b"
)
_TOPICS: tuple[tuple[Topic, re.Pattern[str]], ...] = (
    (
        Topic.BOT,
        re.compile(
            r"\b(are|r) (you|u) (a |an )?(bot|robot|human|real|person|ai|machine|program|"
            r"chatgpt|gpt|live|actual person)\b|\bis this (a |an )?(bot|ai|automated|real person|"
            r"human|chatgpt)\b|\bwho (are|r) (you|u)\b|\bwho is this\b|\bwhat are you\b"
            r"|\b(you|u) (a |an )?(bot|robot|ai)\b"
        ),
    ),
    (
        Topic.PRIVACY,
        re.compile(
            r"\bwho (can )?(see|sees|reads?|has access)\b|\b(is|are) (this|my \w+|it) "
            r"(private|confidential|shared|public)\b|\bdo you (share|sell|store|keep)\b|"
            r"\bprivacy\b|\bcan (the )?(organi[sz]er|admin|group|others?|everyone) see\b"
            r"|\bwhat do you (store|keep|save)\b|\b(group|organi[sz]er|others|everyone|anyone|admins?)"
            r" (still )?(see|sees|can see|know)\b|\bwhat (exactly )?(gets|is|will be|would be) deleted\b"
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
        ),
    ),
    (
        Topic.IS_GOOD_ASK,
        re.compile(
            r"\bis (this|that|it|mine) (a |an )?(good|ok|okay|specific|real|decent|valid|fine)\b"
            r"|\bis it too (soon|early|late|much|pushy|forward|rude)\b|\btoo (pushy|soon|much)\b"
            r"|\b(good|ok|okay|decent|valid) ask\b|\bwould (that|this) (work|count|be ok)\b"
            r"|\bdoes (that|this) (count|work)\b|\bspecific enough\b|\bis it ok to ask\b"
            r"|\bshould i (even )?ask (him|her|them)\b|\btoo much\b"
            r"|\bcan i ask (him|her|them|\w+) (for|to|about)\b|\bshould i ask (him|her|them|\w+) (for|to|about)\b"
        ),
    ),
    (
        Topic.WHO_TO_ASK,
        re.compile(
            r"\bwho (should|do|can|could|would|shall) i (ask|contact|reach out|talk|message|"
            r"email|approach|write|call|go to|hit up|network with)\b|\b(no idea|not sure|idk|"
            r"dunno|don'?t know) who\b|\bwho to (ask|contact|reach|talk|message|approach)\b"
            r"|\bwho (is|would be) (a |the )?(good|right|best) (person|people)\b"
            r"|\bwho should (my ask|it) be\b|\bwhom\b|\bwho (am|are) (i|we) (supposed|meant) to\b"
            r"|\bwho would (you|u) (ask|contact)\b"
        ),
    ),
    (
        Topic.WHAT_TO_ASK,
        re.compile(
            r"\bwhat (should|do|can|could|would|shall) i (even |actually |really )?ask\b|\b(no idea|not sure|idk|dunno|"
            r"don'?t know) what\b|\bwhat to ask\b|\bwhat (should|could) (my|the) ask be\b"
            r"|\b(any|give me|need) (an |some )?(ideas?|suggestions?|examples?|inspiration)\b"
            r"|\bwhat (ask|favou?r|request)\b|\bhelp me (think|find|figure|decide|come up)\b"
            r"|\bwhat should i (do|say|ask for) today\b|\bi'?m stuck\b|\bsuggest\b"
            r"|\bwhat (kind of |kinds of |sort of )?(things?|favou?rs?|asks?) (can|should|could|do) i\b"
        ),
    ),
)
_FRUSTRATION = re.compile(
    r"\b(fuck\w*|fck|fk|f\*+k|shit\w*|crap|damn|wtf|ffs|stfu|bs|bullshit|screw (this|you|it)|"
    r"sucks?|pointless|useless|stupid|dumb|annoying|annoyed|hate (this|you|it|job hunting|"
    r"job searching|networking)|waste of (my )?time|so tired|tired of|sick of|fed up|give up|"
    r"giving up|hopeless|depress\w*|frustrat\w*|ugh+|argh+|burn(ed|t)? out|exhausted|"
    r"overwhelmed|(nobody|no one) (ever )?(answers|replies|cares|helps|responds)|what'?s (even )?the point|"
    r"what is wrong with|i'?m (so )?done with (this|it|all)|rejections?|"
    r"shut up|go away|piss\w*|bloody|hell)\b"
)
_STRONG_FEELING = re.compile(
    r"\b(hate|stressful|stressed|pressure|fuck\w*|bs|shit|depress\w*|hopeless|exhausted)\b"
)
_GREETING = re.compile(
    r"^(hi+|hey+|hello+|helo|hiya|heya|yo|hola|hallo|howdy|sup|wassup|what'?s up|whats up|"
    r"good (morning|afternoon|evening|day)|morning|mornin|gm|bonjour|ola|olá|namaste|salut|ciao|"
    r"greetings|hey hey|hi hi|hey there|hi there|hello there|oi)"
    r"(,? (there|coach|askcoach|bot|all|everyone|team|friend|buddy|again))?(,? [a-z]+)?$"
)
_GREETING_PREFIX = re.compile(
    r"^(hi+|hey+|hello+|hiya|yo|hola|good (morning|afternoon|evening)|morning|gm)(,? (there|coach))?"
    r"\s*[!,.:]*\s+"
)
_THANKS = re.compile(
    r"^(ok |okay |great |cool |perfect |awesome )?(thanks+|thank you|thank u|thanku|thx|thnx|thnks|"
    r"ty|tysm|tyvm|cheers|appreciate (it|that|you)|much appreciated|merci|gracias|danke|"
    r"obrigad[oa]|grazie|arigato|thanks a lot|many thanks|thank you so much|thanks so much)"
    r"( (so|very) much| a lot| coach| again| man| buddy| mate| friend| for (the|your) "
    r"(help|reminder|tip|advice|nudge|support|message)| for that| for this| anyway| tho| though)?"
    r"( ok| yay| thanks)?$"
)
_THANKS_PREFIX = re.compile(
    r"^(thanks+|thank you|thx|ty|appreciate it|appreciate that)( so much| a lot)?(,| !| for \w+)?\s+"
)
_THANKS_END = re.compile(
    r"^(good point|great|cool|ok|okay|nice|got it|will do)[,!. ]+(thanks|thx|ty|thank you)$"
)
_CONFIRM = re.compile(
    r"^(ok+|okay|okey|k+|kk|sure|yes+|yep+|yeah+|yup|y|ya|yah|yea|yess|sounds good|sound good|"
    r"that works|works for me|works|fine|fine by me|good|great|perfect|cool|alright|all right|"
    r"deal|correct|right|of course|absolutely|definitely|go ahead|do it|please do|yes please|"
    r"yes pls|si|sí|oui|ja|da|confirm|confirmed|keep|keep it as is|keep that|that's fine|"
    r"thats fine|that is fine|that's good|fine with me|ok cool|okay cool|ok good|okie|okey dokey|"
    r"sure thing|roger|got it|understood|noted|yes delete|yes, delete|delete|delete it|"
    r"yes do it|yes go ahead|ok sounds good|sgtm|lgtm|yes that works|ok that works|ok fine|"
    r"ok great|ok perfect|👍|no problem|np|nice|awesome|yay)( ok| thanks| thx)?$"
)
_DECLINE = re.compile(
    r"^(no+|nope|nah|no thanks|no thank you|not really|cancel|cancel that|never ?mind|nvm|"
    r"keep (it|everything|my data|them)|don'?t|dont|do not|don'?t delete|do not delete|"
    r"wait,? no|no,? (keep|don'?t|wait|cancel|stop)|not now|no way|negative|no no|"
    r"no don'?t|oops no|no,? keep it|hell no|no pls|no please|please don'?t|pls don'?t|"
    r"changed my mind|i changed my mind|no,? that doesn'?t work|that doesn'?t work|doesn'?t work)$"
)
_MADE = re.compile(
    r"^(made it|made|made the ask|done|did it|i did|did|yes i did|yep did it|yes did it|"
    r"asked|i asked|already did|already asked|just did|just asked|all done|mission accomplished|"
    r"sent|sent it|i sent it|yes,? sent|i made it|i made the ask|made my ask|ask made|"
    r"i did it|done and done|yes made it|yeah i did|yep i did|yup did it|did that)$"
    r"|^(yes|yep|yeah|yup|ya|y)?,? ?(i )?(just |already |finally )?(did it|did|asked|made it|"
    r"sent|messaged|emailed|texted|called|pinged|dm'?d|dmed|wrote|reached out|made the ask|"
    r"asked (him|her|them)|hit (him|her|them) up)\b"
)
_NOT_YET = re.compile(
    r"\b(not yet|not done|havent|haven'?t (yet|done|asked|had|gotten|got)|didn'?t (get to|have|"
    r"manage|do|ask|make)|did not|no time|will do (it )?(tomorrow|later)|working on it|about to|"
    r"in a bit|gonna do it|going to do it|will do it|doing it (tomorrow|later|tonight)|"
    r"postpone|tomorrow|later|tonight|this evening|next week|soon|not today|ran out of time|"
    r"still planning|no chance|couldn'?t)\b"
)
_SKIP = re.compile(
    r"^(skip|skipping|pass|not today|no ask today|nothing today|skip (it|today|this|this one|"
    r"for today)|no (ask|plan)s? (for )?today|nothing (for )?today|day off|busy today|"
    r"too busy( today)?|taking (today|the day) off|rest day|no asks today|i'?ll skip|"
    r"i will skip|skip please|skip pls|pass today|not doing one today|no ask)$"
    r"|^(skip|pass)\b|\bskip (today|this one|it)\b|^nothing today\b|\b(no|not) (doing )?(an )?ask today\b"
)
_NUDGE = re.compile(
    r"^(nudge|i'?ll nudge|will nudge|i will nudge)\b"
    r"|\b(i'?ll|i will|gonna|going to|will|let me|i should|i can) (nudge|ping|follow ?up|"
    r"follow-up|remind|chase|bug|message|email|text|write|reach out|check in with|poke|dm)"
    r"( to)?( (him|her|them|again|\w+ again|with (him|her|them)|[a-z]+ (today|tomorrow|again|on|about)))"
    r"|\btry (again|once more|one more time)\b"
)
_DROP = re.compile(
    r"^(drop( it| this| that| this one)?|give up|let it go|move on|not worth it|"
    r"drop (the )?ask|forget it|never mind (it|this one)|abandon( it)?)$"
    r"|\bforget (about )?(it|him|her|them|this one|that one|this ask|that ask)\b"
    r"|\bforget about [a-z]+\b|\bdrop (it|this|that|the ask|this one)\b|\bgiving up on\b"
    r"|\bdrop the \w+ (one|ask)\b|\blet it go\b"
    r"|\blet'?s (move on|drop it)\b|\bnot (going to|gonna) (ask|chase|bother)\b"
)
_OUTCOME_YES = re.compile(
    r"\b(said|say|says|saying|sayed|told me|replied|answered) (yes|yeah|yep|sure|ok|okay|of course|"
    r"absolutely|she'?d|he'?d|they'?d|she will|he will|happy)\b"
    r"|\b(agreed|agree)\b|\b(referred|introduced|intro'?d|connected|recommended|referd) me\b"
    r"|\b(she|he|they|she'?s|he'?s)( is)?( will| would|'ll|'d| gonna| going to| happy to| glad to|"
    r" offered to| promised to| agreed to) (refer|intro|introduce|connect|review|look|forward|"
    r"pass|share|help|put in a word|send|do it|meet|call|chat)\b"
    r"|\b(got|get|have|getting) (the|an|a|my) (intro|introduction|referral|reference|call|"
    r"meeting|chat|interview)\b|\byes!+|\bit worked\b|\bworked out\b|\bshe'?s in\b|\bhe'?s in\b"
    r"|\b(he|she|they)('?ll| will) (submit|send|refer|intro|forward|pass|put|connect)\b"
    r"|\bhe said yes\b|\bgave me (his|her|their|the) \w+|\b(kinda|sort of|basically) yes\b"
    r"|\b(said|told me) to (email|send|apply|call|text|message|ping)\b"
    r"|\bshe said yes\b|\bthey said yes\b|^yes,? (she|he|they)\b|\bsaid she would\b"
    r"|\bsaid he would\b|\bsaid they would\b"
)
_OUTCOME_NO = re.compile(
    r"\b(said|say|says|told me|replied|answered) (no|nope|not|sorry|she can'?t|he can'?t)\b"
    r"|\b(can'?t|cannot|couldn'?t|won'?t|wouldn'?t|unable to|not able to|isn'?t able to) "
    r"(help|refer|do|make|intro|introduce|connect)\b"
    r"|\bheard back:? no\b|\b(filled the (role|position|job)|role (is|was) filled|hiring freeze|"
    r"only hire|not a fit)\b|\banother no\b"
    r"|\b(declined|turned (me )?down|rejected|"
    r"no luck|not possible|not hiring|said no|a no|was a no|it'?s a no|hard no|refused)\b"
)
_OUTCOME_WAITING = re.compile(
    r"\b(no (reply|response|answer|word|news) ?(yet)?|not heard|not yet heard|haven'?t heard|"
    r"havent heard|hasn'?t (replied|answered|responded|gotten back|got back|written)|"
    r"didn'?t (reply|answer|respond|get back)|never (replied|answered|responded|got back)|waiting|"
    r"still waiting|nothing yet|nothing back|radio silence|crickets|ghosted|pending|"
    r"will (let me know|get back|think|see|check)|think about it|thinking about it|"
    r"left on read|on read|no reply|not replied|hasn'?t seen|get back to me|let me know later|"
    r"she'?ll see|he'?ll see|they'?ll see|maybe|we'?ll see|see what (she|he|they) can do|"
    r"not replying|no answer yet|still nothing|nope nothing|nothing|"
    r"(not|no) (answer|reply|respond)\w* (my|me|yet|to))\b"
)
_HEARD = re.compile(
    r"^(heard back|heard|yes heard|i heard back|got a reply|she replied|he replied|they replied|she answered|he answered|got an answer)$"
)
_EDIT = re.compile(
    r"^(wait|oops|sorry|actually|correction|scratch that|no|oh|ah|hmm|edit)?[,.! ]*"
    r"(actually,? |sorry,? |wait,? )?"
    r"(make (that|it) |change (that|it) to |change (the )?(person|name|ask) to |i meant |i mean |"
    r"meant |it'?s |not (?!yet|today|now|really|sure)[a-z]+, (it'?s )?|replace [a-z]+ with |switch (that|it) to |"
    r"instead of [a-z]+,? )"
    r"|\binstead\b$|\binstead of\b|, not [a-z]+$"
)
_GIVE = re.compile(
    r"^(btw |fyi |also |oh |and )?(i |today i |yesterday i |just |already |i already |i just )?(gave|helped|reviewed|introduced|intro'?d|connected|"
    r"referred|recommended|mentored|coached|forwarded) (?!me\b)(\w+)"
)
_KNOW = re.compile(
    r"(?:^|\b(?:fyi|btw|also|and|so)\s+)(i )?(also )?know (some |a few |many |lots of |a lot of |several |a couple of |two |three |"
    r"the |a |an )?(people|folks|someone|somebody|guys|engineers|recruiters|managers|ppl|person|"
    r"few people|the team|the founders?|a recruiter|a guy|a girl|a manager|the cto|the ceo)? ?"
    r"(at|in|from|inside|over at) (?P<company>.+)$"
    r"|^i (have|got) (contacts|connections|friends|people|someone|a friend|an ex.colleague|"
    r"a contact) (at|in) (?P<company2>.+)$"
)
_TARGET_ADD = re.compile(
    r"^(please |pls |can you )?add (?P<list>.+?) to (my )?(target|targets|target list|list|"
    r"companies|target companies|dream list)( please| pls| thanks)?$"
    r"|^my targets? (are|is|:) ?(?P<list2>.+)$|^target(s)? (?P<list3>[^?]+)$"
    r"|^(new )?targets?: ?(?P<list4>.+)$"
)
_STATS = re.compile(
    r"\bshow (me )?(my )?(stats|progress|numbers|streak)\b|\bhow many asks (have|did) i\b|^(stats|my stats|statistics|show (me )?(my )?(stats|progress|numbers|streak)|"
    r"how am i doing|how i am doing|how'?s my (progress|streak|week)|how is my (progress|streak|week)|"
    r"progress|my progress|my numbers|numbers|streak|my streak|what'?s my streak|score|my score|"
    r"how many asks (have i|did i) (made|make|done|do)|my week)\??$"
)
_SCHEDULE_CUE = re.compile(
    r"\b(check ?in|check-in|message me|msg me|ping me|ask me|remind|move|change|switch|schedule|"
    r"instead|earlier|later|my time|tz|timezone|time zone|i'?m in|i am in|i live in|moved to|"
    r"based in|prefer|rather|from now on|every (day|morning|weekday))\b"
)
_PART_OF_DAY = re.compile(
    r"^(mornings?|afternoons?|evenings?|early|late|later|earlier)( please| pls| is fine| are fine| work| works| are better| is better)?$"
)
_PART_OF_DAY_ANYWHERE = re.compile(
    r"\b(mornings?|afternoons?|evenings?)\b( (are|is|would be|work)( much)? (better|best|fine|good))?"
)
_PLAN_WORDS = re.compile(
    r"\b(ask|asking|reach|email|e-mail|message|msg|text|call|meet|coffee|lunch|drinks|go|going|"
    r"attend|apply|send|connect|ping|dm|talk|chat|follow|introduc\w*|intro|referr\w*|refer|"
    r"review|feedback|event|meetup|mixer|conference|linkedin|resume|cv|cover letter|network\w*|"
    r"recruiter|hiring|interview|portfolio|job|role|position|update|research|webinar|fair|"
    r"contact|reconnect|catch up|write|post|mentor|advice|reference|help|visit|join|sign up|"
    r"practice|prep|prepare|mock|alumni|manager|boss|colleague|coworker|friend|classmate|"
    r"uncle|aunt|cousin|professor|team|company|startup|find|look|browse|check|read|learn|work)\b"
)


def _company(raw: str) -> str:
    """A company name as written, trimmed of a trailing question mark and filler words."""
    name = re.split(r"[?!.,;]| (?:and|or|for|to|who|that|because|pls|please)\b", raw.strip())[0]
    name = name.strip(" '\"")
    return " ".join(w if not w.islower() else w.capitalize() for w in name.split())[:80]


def split_companies(raw: str) -> tuple[str, ...]:
    """'Stripe, Nubank and shopify' -> ('Stripe', 'Nubank', 'Shopify')."""
    parts = re.split(r"\s*(?:,|;|/|\+|&| and | & |\n)\s*", raw.strip().rstrip("."))
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
    from bot.schedule import format_days

    return format_days(days)


_INTENDING = re.compile(
    r"\b(gonna|going to|i'?ll|i will|will|let me|now|today|tonight|tomorrow|then|later)\b"
)
_NUDGING = re.compile(
    r"\b(bump|nudge|nudging|ping|pinging|follow(ing)? up|chase|chasing|remind(ing)?)\b"
)
_DROP_FIRST = re.compile(
    r"^(ugh |ok |honestly )?(forget (?!me\b|my\b|everything\b|all\b)[a-z]+|dropped|drop it|let it go)\b"
)
_WAITING_FIRST = re.compile(
    r"\b(let me know|see what (i|she|he|they) can do|think about it|get back to me|will see|"
    r"we'?ll see|idk yet|don'?t know yet|not sure yet)\b"
)


def _outcome(low: str) -> Outcome | None:
    if _OUTCOME_NO.search(low) and not re.search(r"\bno (reply|response|answer|word|news)", low):
        return Outcome.NO
    if _WAITING_FIRST.search(low):
        return Outcome.WAITING
    if _OUTCOME_YES.search(low):
        return Outcome.YES
    if _OUTCOME_WAITING.search(low):
        return Outcome.WAITING
    return None


_YES_WORDS = frozenset(
    [
        "ok",
        "okay",
        "okey",
        "okie",
        "k",
        "kk",
        "sure",
        "yes",
        "yess",
        "yep",
        "yeah",
        "yup",
        "y",
        "ya",
        "yah",
        "yea",
        "yay",
        "si",
        "sim",
        "oui",
        "ja",
        "da",
        "absolutely",
        "definitely",
        "correct",
        "right",
        "perfect",
        "great",
        "cool",
        "fine",
        "good",
        "alright",
        "deal",
        "confirm",
        "confirmed",
        "affirmative",
        "works",
        "aye",
        "totally",
        "certainly",
        "gladly",
        "👍",
    ]
)
_NO_WORDS = frozenset(
    [
        "no",
        "nope",
        "nah",
        "nay",
        "non",
        "nein",
        "cancel",
        "negative",
        "nvm",
        "nevermind",
        "don't",
        "dont",
    ]
)
_FILLER = frozenset(
    [
        "it",
        "that",
        "this",
        "all",
        "go",
        "ahead",
        "do",
        "lets",
        "let's",
        "please",
        "pls",
        "plz",
        "thanks",
        "thx",
        "perfect",
        "cool",
        "fine",
        "good",
        "great",
        "works",
        "work",
        "for",
        "me",
        "sounds",
        "sound",
        "i",
        "guess",
        "then",
        "just",
        "sure",
        "delete",
        "wipe",
        "erase",
        "everything",
        "keep",
        "my",
        "stuff",
        "data",
        "it's",
        "its",
        "thats",
        "that's",
        "is",
        "by",
        "with",
        "haha",
        "lol",
        "totally",
        "of",
        "course",
        "am",
        "ready",
        "really",
        "well",
        "hmm",
        "actually",
        "wait",
        "so",
        "changed",
        "mind",
        "not",
        "the",
        "a",
        "an",
        "be",
        "would",
        "will",
        "me",
        "too",
        "also",
        "and",
        "but",
        "oh",
        "ah",
        "oops",
        "sorry",
        "mean",
        "meant",
        "way",
        "yes",
        "ok",
        "okay",
        "right",
        "now",
        "anymore",
        "thank",
        "you",
        "u",
        "yo",
        "gonna",
        "going",
        "to",
        "are",
        "we",
        "set",
        "sounds",
        "thing",
        "go",
        "ahead",
        "i'm",
        "im",
        "remind",
    ]
)


def polarity(low: str) -> str | None:
    """'yes' or 'no' when a message is only agreement or refusal (with filler words)."""
    words = _words(low.replace("?", ""))
    if not words or len(words) > 9:
        return None
    if any(w not in _YES_WORDS and w not in _NO_WORDS and w not in _FILLER for w in words):
        return None
    if any(w in _NO_WORDS for w in words) or re.search(r"\b(not sure|changed my mind|keep)\b", low):
        return "no"
    if any(w in _YES_WORDS for w in words) or re.search(r"\b(do it|go ahead)\b", low):
        return "yes"
    return None


_ANSWER_STATES = (State.AWAITING_MADE, State.AWAITING_OUTCOME, State.AWAITING_FOLLOW_UP)
_PLAN_STATES = (State.IDLE, State.AWAITING_ASK, State.CLARIFYING)


def read(text: str, context: Context) -> Reading:
    """Understand one message (already checked by `clean_message`) in its context."""
    found = _read(text, normalise(text), context)
    if found.intent == Intent.PLAN and found.who is None:
        who = assessed(found.text).who
        if who is None and context.state == State.CLARIFYING:
            who = person_in(found.text)  # an answer to "who will you ask?" is often a name
        if who is not None:
            return replace(found, who=who)
    return found


def person_in(answer: str) -> str | None:
    """The person an answer names, read as the assessor reads the one asked ("Carlos. he
    works at shopify" -> Carlos)."""
    return assessed(f"Ask {answer.strip().rstrip('.!')} for a referral").who


def _read(text: str, low: str, context: Context) -> Reading:
    words = _words(low)
    state = context.state

    def reading(intent: Intent, why: str, **slots: object) -> Reading:
        return Reading(intent, text, why, **slots)  # type: ignore[arg-type]

    if not words:
        return reading(Intent.HELP if "?" in low else Intent.OTHER, "no words")

    command = _chat_word(text, low, context)
    if command is not None:
        return command

    if state == State.CONFIRM_FORGET:
        said = polarity(low)
        if said is not None:
            return reading(
                Intent.CONFIRM if said == "yes" else Intent.DECLINE, "answers the deletion question"
            )
        if re.match(r"^(yes|yep|yeah|sure|ok|y)\b", low) and not low.endswith("?"):
            return reading(Intent.CONFIRM, "answers the deletion question")
        if re.match(r"^(no|nope|nah|wait|cancel|don'?t|keep)\b", low) and not low.endswith("?"):
            return reading(Intent.DECLINE, "answers the deletion question")

    if _FORGET.search(low):
        return reading(Intent.FORGET, "asks to delete their data")
    if _STOP.search(low) and (
        len(words) <= 8 or not _PLAN_WORDS.search(low.replace("message", ""))
    ):
        return reading(Intent.STOP, "asks to stop the check-ins")
    if _HIRED.search(low) and not re.search(r"\b(ask|how (she|he|they))\b", low):
        return reading(Intent.HIRED, "says they got a job", company=_hired_company(text))
    if (
        state in (*_PLAN_STATES, State.AWAITING_MADE, State.AWAITING_OUTCOME)
        and _EDIT.search(low)
        and len(words) <= 16
    ):
        return reading(Intent.EDIT, "changes the plan just made", who=_edit_person(text))
    if _RESUME.search(low):
        return reading(Intent.RESUME, "wants the check-ins back")
    if state in _ANSWER_STATES:
        answer = _answer(low, words, context)
        if answer is not None:
            return Reading(answer[0], text, answer[1], result=answer[2], when=answer[3])
    if (
        _PAUSE.search(low)
        and not re.search(r"\b(ask|intro|referral)\b", low)
        and (state not in _ANSWER_STATES or re.search(r"\b(pause|check ?ins|messages)\b", low))
    ):
        return reading(Intent.PAUSE, "wants a break", pause=find_break(low, context.today))

    # A greeting or thanks in front of something else: read the rest.
    for prefix, intent in ((_GREETING_PREFIX, Intent.GREETING), (_THANKS_PREFIX, Intent.THANKS)):
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

    if _GREETING.match(low):
        return reading(Intent.GREETING, "a greeting")
    if _THANKS.match(low) or _THANKS_END.search(low):
        return reading(Intent.THANKS, "thanks")
    if _STATS.match(low):
        return reading(Intent.STATS, "wants their numbers")
    if _GIVE.match(low):
        return reading(Intent.GIVE, "helped someone else")
    if state == State.ONBOARDING or _questioning(low):
        schedule = _schedule(text, low, context)
        if schedule is not None and (state == State.ONBOARDING or schedule.time is not None):
            return schedule
    if _questioning(low):
        question = _question(low, text)
        if question is not None:
            return question
    if state in (State.IDLE, State.AWAITING_ASK, State.CLARIFYING):
        answer = _answer(low, words, context)
        if answer is not None:
            return Reading(answer[0], text, answer[1], result=answer[2], when=answer[3])

    schedule = _schedule(text, low, context)
    if schedule is not None:
        return schedule

    know = _KNOW.search(low)
    if know:
        raw = next((g for g in (know.group("company"), know.group("company2")) if g), "")
        company = _company(_original(text, raw))
        if company:
            return reading(Intent.KNOW, "knows people at a company", company=company)
    target = _TARGET_ADD.match(low)
    if target:
        raw = next(g for g in (target.group(k) for k in ("list", "list2", "list3", "list4")) if g)
        companies = split_companies(_original(text, raw))
        if companies:
            return reading(Intent.TARGET_ADD, "adds target companies", companies=companies)

    said = polarity(low)
    if said is not None:
        return reading(Intent.CONFIRM if said == "yes" else Intent.DECLINE, f"says {said}")

    has_ask = _has_ask(text)
    strong = _STRONG_FEELING.search(low) and assessed(text).who is None
    if _FRUSTRATION.search(low) and (not has_ask or strong):
        return reading(Intent.FRUSTRATION, "frustrated")
    if low.endswith("?"):
        return reading(Intent.QUESTION, "a question", topic=Topic.OTHER)
    if re.fullmatch(r"(lol|lmao|haha\w*|hmm+|ok\?|\?+|k|meh|idk|eh)", low):
        return reading(Intent.OTHER, "nothing I can act on")
    if state == State.CLARIFYING or has_ask or _PLAN_WORDS.search(low):
        return reading(Intent.PLAN, "a plan")
    if state == State.ONBOARDING and len(words) >= 4:
        return reading(Intent.PLAN, "a plan")
    return reading(Intent.OTHER, "nothing I can act on")


def _questioning(low: str) -> bool:
    """A question somewhere in the message ("hmm is asking too much? we just met")."""
    if low.endswith("?") or _QUESTION_START.match(low):
        return True
    return any(
        _QUESTION_START.match(
            re.sub(r"^(hmm+|ok|so|but|and|wait|honestly|also|btw)[, ]+", "", part.strip())
        )
        for part in re.findall(r"[^?.!]+\?", low)
    )


def _has_ask(text: str) -> bool:
    """Whether the assessor finds a person or a favour in the text."""
    assessment = assessed(text)
    return assessment.who is not None or assessment.kind is not None


def _hired_company(text: str) -> str | None:
    """Where the job is: the capitalised name after at/in/with ("…at Shopify")."""
    for match in _HIRED_AT.finditer(text):
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


def _original(text: str, lowered_part: str) -> str:
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
    if len(words) > 40 or (not answering and len(words) > 20):
        return None
    low = re.sub(r"^<@!?\w+>\s*", "", low)
    if _FOLLOW_UP_ADVICE.search(low) and ("?" in low or "should" in low):
        return (Intent.FOLLOW_UP_ADVICE, "asks whether to follow up", None, None)
    if re.search(r"\b(what if|should i (even )?ask|how do i|is it (ok|weird|rude))\b", low):
        return None
    didnt_ask = re.search(
        r"\b(didn'?t|did not|haven'?t|have not|never) (actually |really |even )?(ask|make|made|do|send|get to)\b"
        r"|\bchicken(ed)? out\b|\bwrong button\b|\bforgot( again| to)?\b|\bnot yet asked\b",
        low,
    )
    if didnt_ask and state != State.IDLE:
        return (Intent.NOT_YET, "hasn't made it yet", None, _when(low))
    if (
        state == State.AWAITING_FOLLOW_UP
        and _NUDGING.search(low)
        and _INTENDING.search(low)
        and not _DROP_FIRST.search(low)
        and not _questioning(low)
        and not _FRUSTRATION.search(low)
        and not low.startswith(("thanks", "thank", "thx", "ty "))
    ):
        return (Intent.NUDGE, "will nudge", None, None)
    if _DROP_FIRST.search(low) and (answering or len(words) <= 10):
        return (Intent.SKIP if state == State.CLARIFYING else Intent.DROP, "drops it", None, None)
    if _NUDGE.search(low) and (answering or len(words) <= 10):
        return (Intent.NUDGE, "will nudge", None, None)
    outcome = _outcome(low)
    if (
        outcome is not None
        and (answering or _names_outcome(low))
        and not (
            state == State.AWAITING_MADE
            and outcome == Outcome.WAITING
            and _NOT_YET.search(low)
            and not re.search(r"\b(asked|sent|did|made|messaged|emailed|texted)\b", low)
        )
    ):
        return (Intent.OUTCOME, "says how the ask went", outcome, None)
    if state == State.AWAITING_FOLLOW_UP and _HEARD.match(low):
        return (Intent.MADE, "heard back", None, None)
    if _DROP.search(low) and (answering or len(words) <= 10):
        return (Intent.DROP, "drops the ask", None, None)
    made = _MADE.match(low) or re.match(r"^(yes|yep|yeah|y|ya)?,? ?i (made|asked|sent|did)\b", low)
    if (
        made
        and not _NOT_YET.search(low.replace("yesterday", ""))
        and (answering or len(words) <= 12)
    ):
        return (Intent.MADE, "made the ask", None, None)
    if (
        state == State.AWAITING_MADE
        and _SKIP.search(low)
        and not re.search(
            r"\b(tomorrow|later|next|tonight|monday|tuesday|wednesday|thursday|friday)\b", low
        )
    ):
        return (Intent.SKIP, "skips it", None, None)
    if state == State.AWAITING_MADE and (_NOT_YET.search(low) or re.search(r"\bwill try\b", low)):
        return (Intent.NOT_YET, "hasn't made it yet", None, _when(low))
    if state == State.IDLE and re.match(r"^not yet\b", low):
        return (Intent.NOT_YET, "hasn't made it yet", None, _when(low))
    said = polarity(low) or (
        "yes"
        if re.match(r"^(yes|yep|yeah|yup|y|ya|si|sim)\b", low) and answering
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
        if said == "yes":
            return (Intent.MADE, "heard back", None, None)
        return (Intent.OUTCOME, "not heard back", Outcome.WAITING, None)
    if state == State.AWAITING_FOLLOW_UP and re.match(r"^not yet\b", low):
        return (Intent.OUTCOME, "not heard back", Outcome.WAITING, None)
    if (
        state in (State.AWAITING_ASK, State.IDLE, State.CLARIFYING)
        and _SKIP.search(low)
        and len(words) <= 10
    ):
        return (Intent.SKIP, "skips today", None, None)
    return None


def _when(low: str) -> str | None:
    if "tomorrow" in low or "tmrw" in low or "tmr" in low:
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
            r"referring me)\b",
            low,
        )
    )


def _question(low: str, text: str) -> Reading | None:
    who_knows = _WHO_KNOWS.search(low)
    if who_knows:
        raw = (
            who_knows.group("company")
            or who_knows.group("company2")
            or who_knows.group("company3")
            or ""
        )
        company = _company(_original(text, raw))
        if company and not re.match(_NOT_COMPANY, company.lower()):
            return Reading(
                Intent.WHO_KNOWS, text, "looks for someone in the group", company=company
            )
    if _HELP.match(low):
        return Reading(Intent.HELP, text, "asks what the coach does")
    if _FOLLOW_UP_ADVICE.search(low):
        return Reading(Intent.FOLLOW_UP_ADVICE, text, "asks whether to follow up")
    for topic, pattern in _TOPICS:
        if pattern.search(low):
            return Reading(Intent.QUESTION, text, f"a question: {topic.value}", topic=topic)
    if re.match(r"^(ask|email|message|text|call|send|get|have|request) ", low):
        return None  # a plan with a question mark
    if low.endswith("?"):
        return Reading(Intent.QUESTION, text, "a question", topic=Topic.OTHER)
    return None


_NOT_COMPANY = (
    r"(the group|this group|here|there|this city|the city|town|my city|my area|the area|my field|"
    r"this field|tech|my industry|the industry|general)\b"
)


def _edit_person(text: str) -> str | None:
    """The new person in an edit ("make that his VP, Ruth Kim" -> Ruth Kim)."""
    tail = re.split(
        r"\b(?:make (?:that|it)|change (?:that|it) to|i meant|i mean|meant|it'?s|instead of \w+,?)\s",
        text,
        maxsplit=1,
        flags=re.IGNORECASE,
    )[-1]
    tail = re.sub(r"\binstead\b.*$", "", tail, flags=re.IGNORECASE).strip(" ,.!")
    named = assessed(f"Ask {tail} for a referral").who
    if named:
        return named
    # "his VP, Ruth Kim": the full name after the role.
    names = re.findall(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)+)\b", tail)
    return names[-1] if names else None


def _schedule(text: str, low: str, context: Context) -> Reading | None:
    at = find_time(low, loose=context.state == State.ONBOARDING)
    zone = find_zone(text) if (at is not None or context.state == State.ONBOARDING) else None
    if zone is None and at is None:
        zone = _zone_only(text)
    days = find_days(low)
    part_of_day = _PART_OF_DAY.match(low) or (
        context.state == State.ONBOARDING and _PART_OF_DAY_ANYWHERE.search(low)
    )
    bad_zone = None
    if zone is None:
        token = re.search(r"\b[A-Za-z]+/[A-Za-z_]+\b", text)
        bad_zone = token.group(0) if token else None
    if at is None and zone is None and days is None and not part_of_day and not bad_zone:
        return None
    assessment_who = None
    if context.state != State.ONBOARDING:
        cue = _SCHEDULE_CUE.search(low) or len(_words(low)) <= 4
        if not cue:
            return None
        assessment_who = assessed(text).who
        if assessment_who is not None:
            return None
    if part_of_day and at is None:
        word = part_of_day.group(1)
        at = {
            "afternoon": time(13, 0),
            "afternoons": time(13, 0),
            "evening": time(18, 0),
            "evenings": time(18, 0),
        }.get(word)
    return Reading(
        Intent.SCHEDULE, text, "sets the schedule", time=at, zone=zone, days=days, bad_zone=bad_zone
    )


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


def _chat_word(text: str, low: str, context: Context) -> Reading | None:
    """The chat words of DESIGN.md, only when what follows fits the word's grammar (so that
    "share my resume with Tom" is a plan, not a bad `share` command)."""
    stripped = text.strip()
    first, _, rest = stripped.partition(" ")
    word = first.lower().lstrip("/").rstrip(":,")
    rest = rest.strip()
    rest_low = rest.lower()
    if word == "ask" and rest:
        return Reading(Intent.PLAN, f"Ask {rest}", "the `ask` word", word="ask", rest=rest)
    if word == "gave" and (rest or stripped.lower() == "gave"):
        return Reading(Intent.GIVE, text, "the `gave` word", word="gave", rest=rest)
    if word == "help" and len(rest.split()) <= 3 and not rest_low.startswith(("me ", "with")):
        return Reading(Intent.HELP, text, "the `help` word", word="help")
    if word in ("targets",) and not rest:
        return Reading(Intent.COMMAND, text, "the `targets` word", word="targets")
    if word == "target":
        verb, _, companies = rest.partition(" ")
        if verb.lower() == "add" and companies.strip():
            return Reading(
                Intent.TARGET_ADD,
                text,
                "the `target add` word",
                word="target",
                companies=split_companies(companies),
            )
        if verb.lower() in ("remove", "rm", "delete", "del", "drop"):
            return Reading(
                Intent.COMMAND, text, "the `target remove` word", word="target", rest=rest
            )
        if not rest or verb.lower() not in ("add",):
            return Reading(Intent.COMMAND, text, "the `target` word", word="target", rest=rest)
    if (
        word == "know"
        and rest
        and not rest.endswith("?")
        and not re.match(r"(anyone|anybody|someone|somebody|people|who)\b", rest_low)
    ):
        return Reading(
            Intent.KNOW, text, "the `know` word", word="know", company=_company(rest) or rest[:80]
        )
    if word == "know" and not rest:
        return Reading(Intent.COMMAND, text, "the `know` word", word="know")
    if word == "stats" and not rest:
        return Reading(Intent.STATS, text, "the `stats` word", word="stats")
    if word == "time" and (
        not rest or parse_time(rest) is not None or re.fullmatch(r"[\d:. apm]+", rest_low)
    ):
        return Reading(
            Intent.SCHEDULE, text, "the `time` word", word="time", rest=rest, time=parse_time(rest)
        )
    if word == "days" and (not rest or len(rest.split()) <= 3):
        return Reading(
            Intent.SCHEDULE,
            text,
            "the `days` word",
            word="days",
            rest=rest,
            days=parse_days(rest) or find_days(rest),
        )
    if word == "tz" and rest and len(rest.split()) <= 3:
        return Reading(
            Intent.SCHEDULE,
            text,
            "the `tz` word",
            word="tz",
            rest=rest,
            zone=timezone_or_none(rest) or find_zone(rest),
        )
    if word == "pause" and (not rest or len(rest.split()) <= 4):
        return Reading(
            Intent.PAUSE,
            text,
            "the `pause` word",
            word="pause",
            rest=rest,
            pause=_pause_amount(rest, context.today),
        )
    if word == "resume" and len(rest.split()) <= 2:
        return Reading(Intent.RESUME, text, "the `resume` word", word="resume")
    if word == "export" and len(rest.split()) <= 2:
        return Reading(Intent.COMMAND, text, "the `export` word", word="export", rest=rest)
    if word == "forget" and not rest:
        return Reading(Intent.FORGET, text, "the `forget` word", word="forget")
    if (
        word == "share"
        and len(rest.split()) <= 2
        and not re.match(r"(my|your|it|this|the)\b", rest_low)
    ):
        return Reading(Intent.COMMAND, text, "the `share` word", word="share", rest=rest)
    if word in ("report", "digest") and len(rest.split()) <= 2:
        return Reading(Intent.COMMAND, text, f"the `{word}` word", word=word, rest=rest)
    if word == "admin":
        return Reading(Intent.COMMAND, text, "the `admin` word", word="admin", rest=rest)
    return None


def _pause_amount(rest: str, today: date) -> Break | None:
    """`pause 5`, `pause 5 days`, `pause 2 weeks`, `pause till monday`; None if unreadable."""
    words = rest.lower().strip()
    if not words:
        return Break(days=7)
    number = words.removesuffix("days").removesuffix("day").strip()
    if number.isdecimal() and number.isascii():
        return Break(days=int(number))
    return find_break(words, today)
