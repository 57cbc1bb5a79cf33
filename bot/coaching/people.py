"""Who is being asked: find the people a planned ask is aimed at.

A capitalised word is not a name by itself. A person is only read where a person belongs: right
after a request verb ("ask", "email", "reach out to"), a talk verb ("talk to") or a social one
("coffee with"), after a title ("Dr. Nguyen", "Uncle Ray"), or in a relation with a name ("my
old manager Tom"). Everything else a slot can hold is classified too, so the assessor can tell
"ask Maria" (a person) from "ask someone" (generic), "ask Target" (an organisation) or
"ask him" (a pronoun, resolved to the last person mentioned).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from enum import Enum
from itertools import pairwise
from operator import attrgetter
from typing import Final, NamedTuple

from bot.coaching.lexicon import (
    ADDRESS_AFTER,
    ADDRESS_BEFORE,
    COMMON_WORDS,
    COMPANIES,
    GENERIC_PEOPLE,
    GIVEN_NAMES,
    NAME_FOLLOWERS,
    NOT_NAMES,
    PERSONAL_VERBS,
    QUANTIFIERS,
    RELATION_MODIFIERS,
    RELATION_NOUNS,
    REQUEST_PHRASES,
    REQUEST_VERBS,
    REQUEST_VERBS_AFTER,
    ROLE_NOUNS,
    SOCIAL_PHRASES,
    SURNAMES_FIRST,
    TALK_PHRASES,
    TITLES,
    UNIQUE_KIN,
    UNIQUE_ROLES,
    UNIT_NOUNS,
    WORKER_ROLES,
)
from bot.coaching.text import MENTION_PREFIX, TOKEN, CleanText, Token

# A token's lowercase form, read in C by map() (no generator frame per word).
_LOW: Final = attrgetter("low")


class RefKind(Enum):
    """What a person slot turned out to hold."""

    PERSON = "person"  # one identifiable person
    GENERIC = "generic"  # someone, people, the hiring manager, my old boss
    ORG = "org"  # a company ("ask Target")
    PRONOUN = "pronoun"  # him/her/them, resolved later
    IMPLICIT = "implicit"  # "ask for …" / "ask whether …": the person asked was named before


class Source(Enum):
    """Which kind of verb opened the slot."""

    REQUEST = "request"
    TALK = "talk"
    SOCIAL = "social"
    FROM = "from"  # "a referral from Kevin"
    LEAD = "lead"  # a note headed by the person: "Maria: intro to the CTO at Medtronic"
    MENTION = "mention"  # a person named outside a verb slot: "Jen from my old team is going"


# The members as module names, read by the code below instead of `RefKind.X` (the same objects:
# `ref.kind is PERSON` is `ref.kind is RefKind.PERSON`). On CPython 3.11 reading a member through
# its class costs about 0.16 µs more than a module name, because `EnumType` defines `__getattr__`
# (3.12 dropped it), and one assessment reads dozens.
# (One a line, Final: compiled, each is then read from a C static, not the module's dict.)
PERSON: Final = RefKind.PERSON
GENERIC: Final = RefKind.GENERIC
ORG: Final = RefKind.ORG
PRONOUN: Final = RefKind.PRONOUN
IMPLICIT: Final = RefKind.IMPLICIT
REQUEST: Final = Source.REQUEST
TALK: Final = Source.TALK
SOCIAL: Final = Source.SOCIAL
FROM: Final = Source.FROM
LEAD: Final = Source.LEAD
MENTION: Final = Source.MENTION


class Ref(NamedTuple):
    """A slot that holds (or stands for) the person being asked.

    A named tuple, not a frozen dataclass: built a few times per message, it is much cheaper."""

    kind: RefKind
    text: str
    start: int  # character offset of the verb that opened the slot
    end: int  # character offset just after the object
    source: Source
    plural: bool = False
    next_low: str = ""  # first word after the object ("about", "to", …)
    addressed: bool = False  # spoken to: "hey Jo! would you …", "<@U…> could you …"


_SELF_TO: Final = frozenset(
    {"going", "want", "need", "plan", "planning", "trying", "try", "hope", "hoping", "have"}
    | {"got", "like", "love", "gonna", "wanna", "intend", "mean", "time", "head", "how"}
    # "thinking to ask Ms. Achieng …", "is it ok to ask Mr. Brooks …", "too shy to ask Dana":
    # the person is the one the member means to ask, even when unsure.
    | {"thinking", "wanted", "decided", "ok", "okay", "pushy", "rude", "weird", "awkward"}
    | {"soon", "early", "scared", "afraid", "nervous", "shy"}
    # "Emailing today to ask if she'll …": the member's own ask, the person named before.
    | {"today", "tonight", "tomorrow"}
    # "I go to ask João for a referral": a learner's future, the member's own ask.
    | {"go"}
)
# "going in friday to ask him for a stage": a day before "to ask" is the member's plan too,
# unless a person was just asked ("asking him sat to ask the VP …" asks him, not the VP).
_DAYS_TO: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "arvo"}
    | {"mon", "tues", "wed", "thurs", "fri", "sat", "sun", "tmrw", "tmr", "weekend", "morning"}
)
# "Mick'll", "Jo'd": a name and "will"/"would" written as one word.
_WILL_SUFFIXES: Final = ("'ll", "'d")
_SEE_IF_ASKS: Final = frozenset(
    {"can", "could", "will", "would", "knows", "know", "has", "have", "might", "would've"}
    | {"he'd", "she'd", "they'd", "wants", "minds"}
)
# Request verbs a name may follow after "to": "ask to Marta …", "msg to Jonno: …".
_TO_PERSON: Final = frozenset(
    {"ask", "asking", "request", "msg", "message", "email", "e-mail", "mail", "text", "dm"}
)
_SEND_VERBS: Final = frozenset({"send", "sending", "email", "emailing", "forward", "mail"})
_PARTICLES: Final = frozenset(
    {"van", "de", "da", "di", "von", "der", "del", "la", "le", "bin", "al"}
)
_FAVOUR_NOUNS: Final = frozenset(
    {
        "referral",
        "referrals",
        "intro",
        "intros",
        "introduction",
        "introductions",
        "reference",
        "references",
        "recommendation",
        "feedback",
        "advice",
        "help",
        "names",
        "contacts",
        "input",
        "letter",
        "ref",
        "referee",
    }
)
# Case-insensitive company words that are also ordinary English: only capitalised they count.
_AMBIGUOUS_COMPANIES: Final = frozenset(
    {"target", "meta", "apple", "delta", "chase", "epic", "oracle", "mosaic", "valve", "ford"}
    | {"deluxe", "travelers", "mayo", "discord", "slack", "toro", "digi", "bain", "intel"}
)


# Verbs only ever aimed at a person: "text Zed" names a person whatever the word.
_PERSON_ONLY_VERBS: Final = frozenset({"text", "texting", "dm", "dming", "ping", "pinging", "msg"})
# Words after a name that make it an organisation: "Qualtrics recruiting", "Ben & Jerry's".
_ORG_FOLLOWERS: Final = frozenset(
    {"&", "recruiting", "recruitment", "talent", "careers", "jobs", "hr", "hiring", "corporate"}
    | {"team", "teams", "hq", "headquarters", "inc", "inc.", "llc", "corp", "corp.", "co."}
)
# The last word of a multi-word name that makes it an organisation: "Jane Street", "Acme Labs".
_ORG_WORDS: Final = frozenset(
    {"bank", "health", "healthcare", "labs", "lab", "group", "capital", "partners", "foods"}
    | {"systems", "technologies", "tech", "insurance", "energy", "media", "studios", "studio"}
    | {"clinic", "hospital", "university", "college", "company", "corporation", "solutions"}
    | {"consulting", "financial", "airlines", "motors", "pharma", "software", "analytics"}
    | {"ventures", "holdings", "brands", "street", "school", "schools", "county", "city"}
    | {"foundation", "institute", "agency", "services", "international", "global", "digital"}
)
# A later he/she/him/her refers back to a person: "ask Kwabena whether he'd refer me".
_GENDERED: Final = re.compile(
    r"\b(?:he|she|him|her|his|hers|himself|herself)\b|\b(?:he|she)'(?:d|ll|s)\b"
)
# Given names that are also everyday words at the start of a sentence ("Will ask…", "Hope…").
_MENTION_STOP: Final = frozenset(
    {"will", "may", "hope", "grace", "joy", "faith", "june", "april", "august", "art", "bill"}
    | {"mark", "rose", "dawn", "eve", "guy", "rich", "chance", "summer", "sunny", "ivy", "honey"}
    | {"max", "pat", "sue", "don", "ken", "jack", "bob", "ray", "sky", "star", "jordan", "paris"}
    | {"london", "india", "china", "georgia", "virginia", "austin", "dallas", "houston", "phoenix"}
    # The coach's buttons and chat words: "Said yes", "Made it", "Not yet", "Skip".
    | {"said", "made", "not", "skip", "yet", "done", "nope", "yes"}
)
# Words after a sentence's first word that make it the subject: "Mark said he'd help",
# "nora is leaving HubSpot", "dev just joined Ramp" (and not "Will ask…", "Grace period…").
_SUBJECT_VERBS: Final = frozenset(
    {"said", "says", "is", "was", "has", "had", "just", "offered", "mentioned", "told", "works"}
    | {"worked", "reviewed", "knows", "knew", "used", "runs", "leads", "manages", "started"}
    | {"joined", "moved", "left", "got", "posted", "replied", "agreed", "promised", "recently"}
    | {"now", "still", "already", "gave", "sent", "wrote", "invited", "introduced", "referred"}
)
# Verbs after which a lowercase given name is still a person met ("met lena", "saw omar").
_MET: Final = frozenset(
    {"met", "meet", "saw", "see", "with", "w", "and", "called", "texted", "emailed"}
)
_SENTENCE_MARKS: Final = frozenset({".", "!", "?", ";", ":", "—", "-", "(", "→"})


# Irish and Italian surnames with an apostrophe.
_PERSON_SHAPED: Final = re.compile(r"(?:O|D|Mc)'[A-Z][a-z]+")


def _plausible_person(ct: CleanText, j: int, end: int, verb: str) -> bool:
    """Does the name at tokens[j:end] in a person slot read as a person, not an organisation?

    "Ask Nordstrom for a referral" and "Ask Gustavo for a referral" have the same shape, and an
    organisation is never one identifiable person: a single word only counts as a person when
    it is a known given name, or something in the sentence treats it as one ("Olu from the
    alumni Slack", "Jordan at Nordstrom", "ask Kwabena whether he…", "text Zed").
    """
    tokens = ct.tokens
    nxt = tokens[end].low if end < len(tokens) else ""
    if nxt in _ORG_FOLLOWERS:
        return False
    if end - j > 1:
        # "Dana Kim", "Nguyễn Thị Lan": a first and last name, unless it ends like a company.
        return tokens[end - 1].low not in _ORG_WORDS
    if _given_name(tokens[j].low) or verb in _PERSON_ONLY_VERBS or nxt in ("from", "at"):
        return True
    if _PERSON_SHAPED.fullmatch(tokens[j].text) or (
        "-" in tokens[j].text and all(_given_name(part) for part in tokens[j].low.split("-"))
    ):
        return True  # "O'Neil", "D'Angelo", "Mary-Kate" (never "Hy-Vee"): people's names
    if _company_shaped(tokens[j].text):
        return False  # "ChatGPT", "TBWA", "3M": a brand or a tool, not a first name
    if nxt == "(":
        # "ask Tamsin (runs the UX mentorship group) to look at …": what follows the aside.
        close = next(
            (m for m in range(end + 1, min(len(tokens), end + 14)) if tokens[m].text == ")"), -1
        )
        if close > end + 1:
            if tokens[end + 1].low in _MY and _people_noun_within(tokens, end + 2, 3) > 0:
                return True  # "(my old boss)": said of a person
            end = close + 1
            nxt = tokens[end].low if end < len(tokens) else ""
    # "ask Mbali to review my portfolio", "ask Ji-woo correct my english": only a person does.
    after = tokens[end + 1].low if nxt == "to" and end + 1 < len(tokens) else nxt
    if after in PERSONAL_VERBS:
        return True
    if nxt in _FOR_ME_AFTER and end + 1 < len(tokens):
        # "demander à Koné de me dire …", "pedir ao Caio para me indicar …": something done for
        # the member, which only a person does.
        me = tokens[end + 1].low
        if me in ("me", "m'") or me.startswith("m'"):
            return True
    start = tokens[j].end
    return _GENDERED.search(ct.low, start, start + 160) is not None


# Words between a name and "me" in French, Spanish and Portuguese: "de me dire", "que me
# pase", "para me indicar", "pra me apresentar".
_FOR_ME_AFTER: Final = frozenset({"de", "d'", "que", "para", "pra", "pour"})


# Titles that are kin words ("my tia Rosa" is Rosa); every other title is said with the name.
_KIN_TITLES: Final = frozenset(
    {"aunt", "auntie", "brother", "cousin", "grandma", "grandpa", "mama", "nana", "papa"}
    | {"sister", "tia", "tio", "uncle", "sis", "bro", "kuya", "tita", "tito", "aunty"}
)


# Honorifics written after a given name: "Hiroshi-san", "Min-jun-ssi", "Priya-ji".
_HONORIFIC_SUFFIXES: Final = (
    *("-san", "-sensei", "-sama", "-kun", "-chan", "-ssi", "-nim", "-ji", "-senpai", "-sunbae"),
    *("-hyung", "-unni", "-oppa", "-noona", "-bhai", "-didi"),
)


def _given_name(low: str) -> bool:
    """A known given name, or any name with an honorific after it ("hiroshi-san", "sato-san"):
    only a person is called that."""
    if low in GIVEN_NAMES:
        return True
    if "-" in low:
        # "marc-andré", "jean-pierre": two given names joined
        first, _, second = low.partition("-")
        if first in GIVEN_NAMES and second in GIVEN_NAMES:
            return True
    if not low.endswith(_HONORIFIC_SUFFIXES):
        return False  # most words: one test for all the suffixes
    for suffix in _HONORIFIC_SUFFIXES:
        if low.endswith(suffix):
            stem = low[: -len(suffix)]
            return len(stem) > 1 and stem.isalpha()
    return False


def _company_shaped(word: str) -> bool:
    """Capitals or digits inside a word ("LinkedIn", "ChatGPT", "TBWA", "H&M"), except the
    ways names are written ("McKenzie", "DeShawn", "O'Brien", "Jean-Luc")."""
    inner = word[1:]
    if not any(c.isupper() or c.isdigit() for c in inner):
        return False
    if inner.isupper() or any(c.isdigit() or c == "&" for c in word):
        return True
    return _NAME_CAPITALS.fullmatch(word) is None


_NAME_CAPITALS: Final = re.compile(
    r"(?:Mc|Mac|De|Da|Di|Le|La|Van|Von|O')?[A-Z][a-zà-ɏ']+(?:-[A-Z][a-zà-ɏ']+)*"
)


CompanyIndex = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def company_index(names: Iterable[str]) -> CompanyIndex:
    """Company names grouped by their first lowercase word, longest first, with the spelling
    to say back: one dict access per token finds every candidate."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name in names:
        words = tuple(word.lower() for word in TOKEN.findall(name))
        if words:
            index.setdefault(words[0], []).append((words, name))
    # Longest first, so "General Mills" wins over a shorter entry with the same first word.
    return {k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in index.items()}


_COMPANY_INDEX: Final = company_index(COMPANIES)
# The first words of known companies: a word not in here starts none.
COMPANY_FIRST_WORDS: Final = frozenset(_COMPANY_INDEX)


def company_match(
    tokens: tuple[Token, ...], i: int, index: CompanyIndex, *, any_case: bool = False
) -> tuple[int, str]:
    """(number of tokens, spelling) of a company in `index` starting at token i, or (0, "")."""
    tok = tokens[i]
    candidates = index.get(tok.low) or index.get(tok.low.removesuffix("'s"))
    if not candidates:
        return 0, ""
    if not any_case and not tok.is_cap and tok.low in _AMBIGUOUS_COMPANIES:
        return 0, ""
    for words, name in candidates:
        n = len(words)
        # The last word may carry a possessive: "Medtronic's Fridley campus".
        if i + n <= len(tokens) and all(
            tokens[i + k].low in (words[k], words[k] + "'s") for k in range(n)
        ):
            return n, name
    return 0, ""


def company_at(tokens: tuple[Token, ...], i: int, *, any_case: bool = False) -> int:
    """Number of tokens of a known company starting at token i (0 when there is none)."""
    return company_match(tokens, i, _COMPANY_INDEX, any_case=any_case)[0]


def known_company(tokens: tuple[Token, ...], i: int, *, any_case: bool = False) -> tuple[int, str]:
    """A well-known employer at token i: (tokens, the usual spelling), or (0, "")."""
    return company_match(tokens, i, _COMPANY_INDEX, any_case=any_case)


def _index_phrases(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by first word, longest first, so a lookup costs one dict access."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


_REQUEST_INDEX: Final = _index_phrases(REQUEST_PHRASES)
_TALK_INDEX: Final = _index_phrases(TALK_PHRASES)
_SOCIAL_INDEX: Final = _index_phrases(SOCIAL_PHRASES)
# The words that can open a person slot: any other word is passed over with one set test.
# "need", "have", "get" open a slot only with a person and a verb after: see `_has_do`.
_HAS_DO_VERBS: Final = frozenset({"have", "get", "getting", "need"})
# What a person is got to do, beyond the personal and request verbs: "need him to confirm …".
_PRONOUN_DOES: Final = frozenset(
    {"confirm", "sign", "find", "ask", "check", "chase", "sort", "vouch"}
)
_VERB_STARTS: Final = frozenset(
    {*_REQUEST_INDEX, *_TALK_INDEX, *_SOCIAL_INDEX, *REQUEST_VERBS, *_HAS_DO_VERBS, "from"}
)


def _phrase_at(
    tokens: tuple[Token, ...], i: int, index: dict[str, tuple[tuple[str, ...], ...]]
) -> int:
    """Length of the longest indexed phrase starting at token i (0 if none)."""
    for phrase in index.get(tokens[i].low, ()):
        n = len(phrase)
        if i + n <= len(tokens) and all(tokens[i + k].low == phrase[k] for k in range(1, n)):
            return n
    return 0


def _is_name(tok: Token) -> bool:
    """A capitalised word that can be (part of) a person's name."""
    if not tok.is_cap or not tok.text[0].isalpha() or tok.low in NOT_NAMES:
        return False
    if len(tok.text) > 2 and tok.text[-1] == "s" and tok.text[:-1].isupper():
        return False  # "hiring BAs", "PMs", "SWEs": a plural of letters is people of a role
    if _people_word(tok.low):
        return False  # "Ex-colleagues", "Teammates": people in general, not a name
    # ALL-CAPS messages capitalise every word: then only uncommon words can be names.
    return not (tok.text.isupper() and len(tok.text) > 1 and tok.low in COMMON_WORDS)


def _is_lower_name(tokens: tuple[Token, ...], i: int) -> bool:
    """A lowercase word in a strong slot that is probably a name ("ask tom from my club")."""
    tok = tokens[i]
    if tok.is_cap or not tok.text.replace("-", "").isalpha() or len(tok.text) < 2:
        return False  # letters, or a hyphenated name ("hye-jin")
    if tok.low in COMMON_WORDS or tok.low in RELATION_NOUNS or tok.low in NOT_NAMES:
        return False
    if tok.low in REQUEST_VERBS:
        return False  # "emailing today to ask if she'll …": the verb, not a name
    if _people_word(tok.low):
        return False
    if tok.low.endswith(_WORD_ENDINGS) and tok.low not in GIVEN_NAMES:
        return False  # "message asking if …", "recruiter vouching for …": not names
    if company_at(tokens, i, any_case=True):
        return False
    return (
        i + 1 >= len(tokens)
        or tokens[i + 1].low in NAME_FOLLOWERS
        or _given_name(tok.low)
        or _address_after(tokens, i + 1)
    )


def _people_word(low: str) -> bool:
    """A word for people in general, never a name: "teammates", "ex-colleagues", "co-workers"
    (a relation noun or generic people word, plural or after a hyphen)."""
    word = low.rsplit("-", 1)[1] if "-" in low else low
    if word != low and (word in RELATION_NOUNS or word in GENERIC_PEOPLE):
        return True
    return word.endswith("s") and (word[:-1] in RELATION_NOUNS or word in GENERIC_PEOPLE)


# Endings of English words that are rarely given names ("asking", "vouching", "quickly").
_WORD_ENDINGS: Final = ("ing", "ly")


def _name_span(tokens: tuple[Token, ...], i: int) -> int:
    """How many tokens a capitalised name starting at i runs for (first, middle, last, and a
    form of address after it: "Deepak sir", "Jae-won hyung")."""
    n = 1
    while i + n < len(tokens) and n < 4:
        tok = tokens[i + n]
        if tok.low in ADDRESS_AFTER and _address_after(tokens, i + n):
            return n + 1
        if _is_name(tok) and not company_at(tokens, i + n) and tok.low not in TITLES:
            n += 1
            if (
                len(tok.text) == 1
                and i + n < len(tokens)
                and tokens[i + n].text == "."
                and tokens[i + n].start == tok.end
            ):
                return n + 1  # "Sarah K.": an initial keeps its dot
        elif tok.low in _PARTICLES and i + n + 1 < len(tokens) and _is_name(tokens[i + n + 1]):
            n += 2
        else:
            break
    return n + _address_after(tokens, i + n)


def _address_after(tokens: tuple[Token, ...], k: int) -> bool:
    """Is token k a form of address written after a name ("sir", "ma'am", "bhai", "unni")?

    Those that are given names too ("anna", "ji") count only in lowercase, and none when a name
    follows ("Luca di Stefano", "San Diego")."""
    if k >= len(tokens) or tokens[k].low not in ADDRESS_AFTER:
        return False
    tok = tokens[k]
    if tok.is_cap and tok.low in GIVEN_NAMES:
        return False
    return k + 1 >= len(tokens) or not _is_name(tokens[k + 1])


def _address_name(tokens: tuple[Token, ...], j: int) -> int:
    """Index of the name after a form of address at j ("Herr Schneider", "Engr. Okonkwo",
    "ate Joy", "anh Dang Van Hieu"), or -1: most of these words are ordinary words too ("ate",
    "don"), so only a name after them makes them one."""
    title = tokens[j].low.rstrip(".")
    if title not in ADDRESS_BEFORE and title not in TITLES:
        return -1
    k = _skip_dot(tokens, j + 1)
    if k >= len(tokens):
        return -1
    tok = tokens[k]
    if k > j + 1 and tok.low in REQUEST_VERBS:
        return -1  # "hey coach. ask Ravi for …": the full stop ends a sentence, not "Dr."
    if k == j + 1 and title in ADDRESS_BEFORE and tok.low.rstrip(".") in TITLES:
        return _address_name(tokens, k)  # "Herr Dr. Vogel", "Frau Prof. Weber": rank, then name
    if (_is_name(tok) and not company_at(tokens, k)) or (
        tok.low in GIVEN_NAMES and tok.low not in COMMON_WORDS and tok.text.isalpha()
    ):
        return k
    if (
        k > j + 1
        and (title in TITLES or title in ADDRESS_BEFORE)
        and tok.text.isalpha()
        and tok.low not in COMMON_WORDS
    ):
        return k  # "ms. nguyen", "dr. sharma", "sra. gutierrez": an abbreviation, then a name
    if title in TITLES and len(tok.text) == 1 and tok.text.isalpha() and tok.low != "i":
        return k  # "mr p", "Mrs T": a teacher or a neighbour called by an initial
    return -1


def _lower_name_end(tokens: tuple[Token, ...], j: int) -> int:
    """End of a lowercase name at j: a second given name ("juan pablo", "maria jose") and a
    form of address after it ("bilal bhai") are part of it."""
    end = j + 1
    if end < len(tokens) and tokens[j].low in GIVEN_NAMES and _second_given_name(tokens[end]):
        end += 1
    return end + _address_after(tokens, end)


def _second_given_name(tok: Token) -> bool:
    """A lowercase word that reads as the second of two given names, not a word after one."""
    low = tok.low
    return (
        not tok.is_cap
        and low in GIVEN_NAMES
        and tok.text.isalpha()
        and low not in COMMON_WORDS
        and low not in _MENTION_STOP
        and low not in NAME_FOLLOWERS
        and low not in _SUBJECT_VERBS
        and low not in PERSONAL_VERBS
        and low not in REQUEST_VERBS
        and low not in _TAGALOG_LINKERS  # "si ate joy na i-refer ako": "na" links, names no one
    )


_TAGALOG_LINKERS: Final = frozenset({"na", "ng", "po", "sa", "ni", "si", "kay"})


def _people_noun_within(tokens: tuple[Token, ...], i: int, limit: int) -> int:
    """Index of the first people noun at or after i within `limit` tokens, or -1."""
    for k in range(i, min(len(tokens), i + limit)):
        low = tokens[k].low
        if low in GENERIC_PEOPLE or low in RELATION_NOUNS or low.rstrip("s") in RELATION_NOUNS:
            if k + 1 < len(tokens) and tokens[k + 1].low in _THING_HEADS:
                return -1  # "write the second referee letter": a letter, not a referee
            return k
        if not tokens[k].is_word or low in _PREPOSITIONS:
            # "a reference call from the HubSpot recruiter": the people come after the thing.
            return -1
    return -1


# Messages sent, as opposed to documents: "a few cold emails", "some DMs".
_MESSAGES: Final = frozenset({"emails", "e-mails", "messages", "msgs", "dms", "inmails"})
_THANK_WORDS: Final = frozenset({"thank", "thanks", "thank-you", "thankyou", "ty"})


def _workers_within(tokens: tuple[Token, ...], i: int, limit: int) -> int:
    """Index of the first plural job noun at or after i within `limit` tokens ("some CSIRO
    researchers", "a couple of in-house counsel"), or -1."""
    for k in range(i, min(len(tokens), i + limit)):
        low = tokens[k].low
        if low in _COUNSEL or (low.endswith("s") and low in _WORKER_PLURALS):
            return k
        if not tokens[k].is_word or low in _PREPOSITIONS:
            return -1
    return -1


_WORKER_PLURALS: Final = frozenset(w for w in ROLE_NOUNS | WORKER_ROLES if w.endswith("s"))
_COUNSEL: Final = frozenset({"counsel", "staff", "folk", "people", "ppl"})


# Things a people noun may name the kind of: "the referee letter", "the manager sign-off form".
_THING_HEADS: Final = frozenset({"letter", "letters", "form", "forms", "statement", "report"})
# Words after which a noun phrase has ended: "a call from the recruiter" is a call.
_PREPOSITIONS: Final = frozenset({"from", "at", "with", "for", "to", "in", "on", "about", "by"})


def _skip_dot(tokens: tuple[Token, ...], i: int) -> int:
    return i + 1 if i < len(tokens) and tokens[i].text == "." else i


def _after_noun_phrase(tokens: tuple[Token, ...], k: int) -> int:
    """Extend a people noun phrase over compound heads ("hiring manager", "team lead")."""
    while k + 1 < len(tokens) and (
        tokens[k + 1].low in RELATION_NOUNS or tokens[k + 1].low in GENERIC_PEOPLE
    ):
        k += 1
    return k + 1


def _past_titles(tokens: tuple[Token, ...], k: int) -> int:
    """Past more titles of one rank ("Lt. Col. Hargrove", "Chief Warrant Officer Banks")."""
    while k + 1 < len(tokens) and tokens[k].is_cap and tokens[k].low.rstrip(".") in TITLES:
        after = _skip_dot(tokens, k + 1)
        if after >= len(tokens) or not tokens[after].is_cap:
            break  # "Pastor Dean to …": the last title is the name
        k = after
    return k


def _appositive_name(ct: CleanText, j: int) -> tuple[str, int] | None:
    """A name right after a role: "my mentor Diane", "the coordinator, Ms. Delgado".

    After a comma the name must be one a reader would take for a person on its own (a known
    given name, a title, a mention) and end the phrase ("my mentor, ruth, for …"): "my boss,
    Target is hiring" names no one.
    """
    tokens = ct.tokens
    if j < len(tokens) and tokens[j].text == "(":
        return _bracketed_name(ct, j)
    comma = j < len(tokens) and tokens[j].text == ","
    if comma:
        j += 1
    if j >= len(tokens):
        return None
    tok = tokens[j]
    found: tuple[str, int] | None = None
    if tok.low.rstrip(".") in TITLES and tok.is_cap:
        k = _past_titles(tokens, _skip_dot(tokens, j + 1))
        if k < len(tokens) and _is_name(tokens[k]):
            n = _name_span(tokens, k)
            return ct.text[tok.start : tokens[k + n - 1].end], k + n
    if tok.text.startswith(MENTION_PREFIX):
        return ct.mentions.get(tok.text, tok.text), j + 1
    if _is_name(tok) and not company_at(tokens, j):
        n = _name_span(tokens, j)
        found = ct.text[tok.start : tokens[j + n - 1].end], j + n
    elif _is_lower_name(tokens, j) and _given_name(tok.low):
        # "my mentor ruth", "my mentor, ruth,": a lowercase word after a role is a name only
        # when it is a known one ("ask the group chat if …" names no one).
        end = _lower_name_end(tokens, j)
        found = ct.text[tok.start : tokens[end - 1].end], end
    if found is None or not comma:
        return found
    end = found[1]
    if tok.low not in GIVEN_NAMES or (end < len(tokens) and tokens[end].low not in NAME_FOLLOWERS):
        return None
    return found


# Words that say a name follows ("her name's Bev", "called Priya"); "name is" is read too.
_NAME_SAID: Final = frozenset({"name's", "names", "named", "called"})
_BRACKET_PLACE: Final = frozenset({"at", "from", "in"})


def _bracketed_name(ct: CleanText, j: int) -> tuple[str, int] | None:
    """A name in brackets after a role: "my old platoon sgt (Washington)", "my old HM at amazon
    (Scott)". The brackets hold the name alone, and a reader would take it for a person on its
    own (a known given name, a title, a mention, or a first and last name): "my cousin (Boston)"
    and "my boss (Stripe)" name no one."""
    tokens = ct.tokens
    k = j + 1
    if k + 1 >= len(tokens):
        return None
    # "(only one, her name's Bev)", "(the one in Leeds, called Priya)": the name said in words.
    for m in range(k, min(len(tokens) - 1, k + 8)):
        if tokens[m].text == ")":
            break
        if tokens[m].low in _NAME_SAID or (
            tokens[m].low == "is" and m > k and tokens[m - 1].low == "name"
        ):
            k = m + 1
            break
    tok = tokens[k]
    if tok.text.startswith(MENTION_PREFIX):
        name, end = ct.mentions.get(tok.text, tok.text), k + 1
    elif tok.is_cap and tok.low.rstrip(".") in TITLES:
        m = _skip_dot(tokens, k + 1)
        if m >= len(tokens) or not _is_name(tokens[m]):
            return None
        end = m + _name_span(tokens, m)
        name = ct.text[tok.start : tokens[end - 1].end]
    elif _is_name(tok) and not company_at(tokens, k):
        end = k + _name_span(tokens, k)
        if (end - k == 1 and not _given_name(tok.low)) or tokens[end - 1].low in _ORG_WORDS:
            return None
        name = ct.text[tok.start : tokens[end - 1].end]
    else:
        return None
    if end + 1 < len(tokens) and tokens[end].low in _BRACKET_PLACE:
        # "(Noor at Robert Half)": the name, then where the person works.
        close = next(
            (m for m in range(end + 1, min(len(tokens), end + 6)) if tokens[m].text == ")"), -1
        )
        if close > end + 1 and all(tokens[m].is_word for m in range(end + 1, close)):
            end = close
    if end >= len(tokens) or tokens[end].text != ")":
        return None
    return name, end + 1


def _relation(low: str) -> str:
    """A relation noun without "ex-" or "-in-law" ("ex-coworker", "sister-in-law")."""
    if low in RELATION_NOUNS:
        return low
    base = low.removeprefix("ex-").removesuffix("-in-law")
    return base if base in RELATION_NOUNS else low


def _appositive_after_place(ct: CleanText, j: int) -> tuple[str, int] | None:
    """ "my manager from the internship, ravi, …", "my old HM at amazon (Scott)": the name after
    a short place phrase."""
    tokens = ct.tokens
    if j >= len(tokens):
        return None
    # "the VP who laid me off (Carla)", "the one recruiter I actually like (Noor at …)": after a
    # short relative clause a bracketed name, or a full name between commas, is read.
    clause = tokens[j].low in _CLAUSE_STARTS
    if tokens[j].low not in ("from", "at", "in") and not clause:
        return None
    for k in range(j + 1, min(len(tokens), j + (8 if clause else 6))):
        if tokens[k].text in (",", "("):
            # After a clause a name between commas must be a full one ("the hiring manager I
            # met at the fair, Sienna Morales, …"): "the recruiter who called, Tom said" is not.
            named = _appositive_name(ct, k)
            if clause and tokens[k].text == "," and named is not None and " " not in named[0]:
                return None
            return named
        if not tokens[k].is_word:
            return None
    return None


_CLAUSE_STARTS: Final = frozenset({"who", "that", "i", "we"})


def _possessive_chain(ct: CleanText, start: int, j: int) -> tuple[RefKind, int, str]:
    """After "X's": "Dad's golf buddy" is generic, "Grandpa's friend Harold" is a person.

    Returns the kind, the end token and the person as the coach says it back ("Harold").
    """
    tokens = ct.tokens
    k = j
    whole = ct.text[tokens[start].start : tokens[j - 1].end]
    while k < len(tokens) and k - j < 4 and tokens[k].is_word:
        low = tokens[k].low
        if low in RELATION_NOUNS or low in GENERIC_PEOPLE:
            k = _after_noun_phrase(tokens, k)
            named = _appositive_name(ct, k)
            if named is not None:
                return RefKind.PERSON, named[1], named[0]
            said = ct.text[tokens[start].start : tokens[k - 1].end]
            head = _relation(tokens[k - 1].low)
            if (head in _ONE_OF_A_KIND or head in UNIQUE_ROLES) and _one_owner_word(
                tokens, start, j
            ):
                # "my son's soccer coach", "Dana's husband", "my mom's boss": one person's
                # one coach, husband or boss (not "Dad's golf buddy", "my friend's manager").
                return RefKind.PERSON, k, said
            return RefKind.GENERIC, k, said
        k += 1
    return GENERIC, j, whole


# What may follow "my ex" when it is a former partner, not "my ex boss".
_AFTER_EX: Final = frozenset(
    {"(", ",", ".", "who", "who's", "to", "for", "if", "whether", "about", "-"}
)
# Kin a person has one of: "my sister's husband", "Dana's mom" (not "my neighbour's son").
_ONE_OF_A_KIND: Final = frozenset(
    {"husband", "wife", "spouse", "partner", "boyfriend", "girlfriend", "fiance", "fiancee"}
    | {"fiancé", "fiancée", "mom", "mum", "mother", "dad", "father", "stepmom", "stepdad"}
)


def _grade_code(word: str) -> bool:
    """A pay grade or level written as capitals and digits: "EL1", "APS6", "G7", "L5"."""
    return (
        1 < len(word) <= 5
        and word[0].isupper()
        and word[-1].isdigit()
        and word.isalnum()
        and word.rstrip("0123456789").isupper()
    )


def _one_owner_word(tokens: tuple[Token, ...], start: int, j: int) -> bool:
    """Is the owner in "X's" (tokens[start:j]) one identifiable person: a name, or "my" and kin or
    a post one holds ("my son's", "Dana's", "Grandpa's", "my boss's"), not "my friend's"?"""
    owner = tokens[j - 1].low
    if owner in ("'s", "'") and j - 2 >= start:
        owner = tokens[j - 2].low
    owner = _relation(owner.removesuffix("'s").removesuffix("'"))
    if owner in UNIQUE_KIN or owner in UNIQUE_ROLES:
        return True
    first = tokens[start]
    return first.low not in _MY and first.is_cap and _is_name(first)


# Tagalog words after "ask" before the person: "ko" (I), "din"/"rin" (too), "po" (politeness).
_TAGALOG_PARTICLES: Final = frozenset({"ko", "din", "rin", "po", "naman", "lang", "sana"})
# Pronouns for the person in Vietnamese (kin words: "anh", "chị", "cô", "chú", "bác", "em"),
# Tagalog ("siya", "sya") and Malay / Indonesian ("dia").
_KIN_PRONOUNS: Final = frozenset({"anh", "chị", "cô", "chú", "bác", "siya", "sya", "dia"})


def parse_object(
    ct: CleanText, j: int, strong: bool, verb: str = ""
) -> tuple[RefKind, str, int, bool] | None:
    """Read the person slot starting at token j: (kind, text as written, end index, plural)."""
    tokens = ct.tokens
    if j >= len(tokens):
        return None
    tok = tokens[j]
    low = tok.low
    text = ct.text
    if tok.text.startswith(MENTION_PREFIX):
        return PERSON, ct.mentions.get(tok.text, tok.text), j + 1, False
    if low in ("him", "her"):
        # "her manager" is someone else; "her" alone is the person.
        nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
        if nxt in RELATION_NOUNS or nxt in GENERIC_PEOPLE:
            return GENERIC, tok.text, j + 2, False
        return PRONOUN, tok.text, j + 1, False
    if low in ("he", "she", "ele", "ela"):  # "see if she can …", "pedir pra ele me colocar …"
        return PRONOUN, tok.text, j + 1, False
    if low in ("them", "they"):
        return PRONOUN, tok.text, j + 1, True
    if low in ("me", "myself", "us", "i", "you", "it"):
        return None
    if low in _TAGALOG_PARTICLES:
        # "ask ko siya kung …" (ask I her), "ask ko din po si marco kung …" ("si" before a name)
        k = j
        while k < len(tokens) and tokens[k].low in _TAGALOG_PARTICLES:
            k += 1
        if k + 1 < len(tokens) and tokens[k].low in ("si", "kay"):
            k += 1
        if (
            k < len(tokens)
            and k > j
            and (tokens[k - 1].low in ("si", "kay") or (tokens[k].low in _KIN_PRONOUNS))
        ):
            j, tok, low = k, tokens[k], tokens[k].low
    # Titles: "Dr. Nguyen", "Uncle Ray", "Professor Adams".
    if low.rstrip(".") in TITLES:
        k = _past_titles(tokens, _skip_dot(tokens, j + 1))
        if j + 1 < k < len(tokens) and tokens[k].low in REQUEST_VERBS:
            k = len(tokens)  # "ok Coach. Ask Ravi …": after the full stop a new sentence
        if k < len(tokens) and (
            _is_name(tokens[k])
            or tokens[k].text.startswith(MENTION_PREFIX)
            # "dean okonkwo-bell": a lowercase name, maybe hyphenated.
            or (tokens[k].text.replace("-", "").isalpha() and tokens[k].low not in COMMON_WORDS)
        ):
            n = _name_span(tokens, k)
            return PERSON, text[tok.start : tokens[k + n - 1].end], k + n, False
    if low.rstrip(".") in ADDRESS_BEFORE:
        k = _address_name(tokens, j)
        if k >= 0:
            # "Herr Schneider", "ate Joy": the form of address is kept in the name said back.
            n = _name_span(tokens, k) if _is_name(tokens[k]) else _lower_name_end(tokens, k) - k
            return PERSON, text[tok.start : tokens[k + n - 1].end], k + n, False
    if low in _KIN_PRONOUNS and not tok.is_cap:
        # "anh Vu, bếp trưởng ở Jumeirah: ask anh to …", "ask ko siya kung pwede …", "minta dia
        # refer aku": a pronoun (in Vietnamese a kin word in lowercase with no name after it;
        # "Ask Anh to …" names Anh).
        return PRONOUN, tok.text, j + 1, False
    if not tok.is_cap and low.endswith("'s") and low[:-2] in UNIQUE_KIN:
        # "ask grandma's friend rosa": lowercase kin owning a named person.
        kind, end, said = _possessive_chain(ct, j, j + 1)
        return kind, said, end, False
    # "Mom", "Dad", "Grandma" are names when written as names, and after "ask" as they are
    # ("ask mum to …", "asking dad to …": one person).
    if low in UNIQUE_KIN and (tok.is_cap or strong):
        if (j + 1 < len(tokens) and tokens[j + 1].low in ("'s", "'")) or low.endswith("'s"):
            kind, end, said = _possessive_chain(ct, j, j + 1)
            return kind, said, end, False
        return PERSON, tok.text, j + 1, False
    if low.endswith("'s") and low[:-2] in UNIQUE_KIN and tok.is_cap:
        kind, end, said = _possessive_chain(ct, j, j + 1)
        return kind, said, end, False
    # "my old manager Tom", "my brother", "my network", "our mentor"; "mon parrain", "meu
    # ex-gestor", "mi jefa" in French, Portuguese and Spanish.
    if low in _POSSESSIVES:
        k = j + 1
        while k < len(tokens) and k - j <= 4:
            cur = _relation(tokens[k].low)
            if cur not in RELATION_NOUNS and (cur in TITLES or cur in ADDRESS_BEFORE):
                # "my tia Rosa", "my ate Joy": a kin word used as a title; the name is said back.
                # "my lecturer Dr Njoroge": a title of rank or office is said with the name.
                honorific = cur.rstrip(".") in TITLES and cur.rstrip(".") not in _KIN_TITLES
                named = _appositive_name(ct, k if honorific else k + 1)
                if named is not None:
                    return PERSON, named[0], named[1], False
            if cur.endswith("'s") and _relation(cur[:-2]) in RELATION_NOUNS:
                kind, end, said = _possessive_chain(ct, j, k + 1)
                return kind, said, end, False
            if cur in ("chief", "head") and k + 1 < len(tokens) and tokens[k + 1].low == "of":
                # "my former chief of staff", "my old head of department": one post.
                end = _unit_end(tokens, k + 1)
                if end > k + 1:
                    return PERSON, text[tok.start : tokens[end - 1].end], end, False
            if k == j + 1 and _grade_code(tokens[k].text) and k + 1 < len(tokens):
                # "my EL1 Anita", "my APS6 Tom": a grade said for the person above the member.
                named = _appositive_name(ct, k + 1) if _given_name(tokens[k + 1].low) else None
                if named is not None:
                    return PERSON, named[0], named[1], False
            if tokens[k].text.isupper() and cur in _ROLE_ACRONYMS:
                # "my old DON", "my HOD": a post written as its initials is one person.
                named = _appositive_name(ct, k + 1) or _appositive_after_place(ct, k + 1)
                if named is not None:
                    return RefKind.PERSON, named[0], named[1], False
                return RefKind.PERSON, text[tok.start : tokens[k].end], k + 1, False
            if cur == "ex" and (k + 1 >= len(tokens) or tokens[k + 1].low in _AFTER_EX):
                # "my ex (we're friendly) who's a PM at Adobe": a former partner, one person
                # (not "my ex boss", "my ex company").
                return RefKind.PERSON, text[tok.start : tokens[k].end], k + 1, False
            if cur in RELATION_NOUNS or cur in GENERIC_PEOPLE or cur in _WORKER_PLURALS:
                head_end = _after_noun_phrase(tokens, k)
                if head_end < len(tokens) and tokens[head_end].low in _THING_HEADS:
                    return None  # "my referee letter": a letter, not a referee
                head = _relation(tokens[head_end - 1].low)
                named = _appositive_name(ct, head_end) or _appositive_after_place(ct, head_end)
                if named is not None:
                    # "my old manager Tom" is Tom: the coach says the name back.
                    return PERSON, named[0], named[1], False
                span = text[tok.start : tokens[head_end - 1].end]
                post = any(
                    tokens[m].low in _POSTS or tokens[m].low in _ASSIGNED
                    for m in range(j + 1, head_end - 1)
                )
                if (head in UNIQUE_KIN or head in UNIQUE_ROLES or post) and (
                    head_end >= len(tokens) or tokens[head_end].low != "'s"
                ):
                    # "my brother", "my old manager", "my thesis advisor": one person.
                    return PERSON, span, head_end, False
                return GENERIC, span, head_end, head.endswith("s")
            if cur in RELATION_MODIFIERS or (tokens[k].is_word and k - j < 3):
                k += 1
                continue
            break
        return None
    # "the alumni coordinator, Ms. Delgado" is a person; "the hiring manager" is not.
    if low == "the" and j + 1 < len(tokens):
        post_end = _the_one_post(tokens, j + 1)
        if post_end > j + 1:
            # "the NUM on 4 West", "the boss": a post one person holds where the member is.
            return PERSON, text[tok.start : tokens[post_end - 1].end], post_end, False
    if low in QUANTIFIERS or low.isdigit() or low in ("few", "couple"):
        k = _people_noun_within(tokens, j + 1, 6)
        if k < 0 and (
            low not in ("the", "a", "an", "one")
            or (
                low == "a"
                and j + 1 < len(tokens)
                and tokens[j + 1].low in ("few", "couple", "bunch", "handful")
            )
        ):
            # "email some CSIRO researchers", "DM a few editors": people counted by their job.
            k = _workers_within(tokens, j + 1, 6)
        if k < 0:
            return None
        head_end = _after_noun_phrase(tokens, k)
        named = (
            _appositive_name(ct, head_end) or _appositive_after_place(ct, head_end)
            if low == "the"
            else None
        )
        if named is not None:
            return PERSON, named[0], named[1], False
        one_post = low == "the" and _one_post_holder(tokens, j + 1, head_end)
        pinned = (
            _pinned_by_a_clause(tokens, head_end)
            if low == "the" and not one_post and not tokens[head_end - 1].low.endswith("s")
            else -1
        )
        if pinned < 0 and low == "the" and not one_post and tokens[k].low not in GENERIC_PEOPLE:
            pinned = _placed_and_pointed_back(ct, head_end)
        if pinned < 0 and low == "the" and not one_post and not tokens[k].low.endswith("s"):
            pinned = _runs_a_place(tokens, head_end)
        if pinned > 0:
            # "the HR at Vodafone Egypt who interviewed me", "the organiser at the ETU who ran
            # our delegate training", "the job developer at the Goodwill program … she has":
            # one person, said back with what pins them down.
            return PERSON, text[tok.start : tokens[pinned - 1].end], pinned, False
        if one_post:
            # "the alumni coordinator", "the hiring manager from tuesday's interview".
            if (
                k == j + 1 == head_end - 1
                and tokens[k].low in _SAID_WITH_UNIT
                and tokens[k + 1].low == "of"
            ):
                # "the head of the PTA": a bare "the head" says nothing, its unit is said too.
                head_end = _unit_end(tokens, head_end)
            return PERSON, text[tok.start : tokens[head_end - 1].end], head_end, False
        plural = low not in ("the", "a", "an", "one") or tokens[head_end - 1].low.endswith("s")
        return GENERIC, text[tok.start : tokens[head_end - 1].end], head_end, plural
    if strong and not tok.is_cap:
        # "ping bootcamp instructor dev", "ask mentor ada": a relation without "my", then a name.
        k = j + 1 if j + 1 < len(tokens) and tokens[j + 1].low in RELATION_NOUNS else j
        if tokens[k].low in RELATION_NOUNS and tokens[k].low not in GENERIC_PEOPLE:
            given = k + 1 < len(tokens) and _given_name(tokens[k + 1].low)
            named = _appositive_name(ct, k + 1) if given else None
            if named is not None and (k == j or tokens[j].is_word):
                return PERSON, named[0], named[1], False
    if low in RELATION_MODIFIERS and not tok.is_cap:
        # "former coworkers", "old colleagues": a kind of people, not a person.
        k = _people_noun_within(tokens, j + 1, 3)
        if k >= 0:
            head_end = _after_noun_phrase(tokens, k)
            plural = tokens[head_end - 1].low.endswith("s")
            return GENERIC, text[tok.start : tokens[head_end - 1].end], head_end, plural
    if low in GENERIC_PEOPLE or (
        low in _WORKER_PLURALS and not tok.is_cap  # "message professors", "email my lecturers"
    ):
        # "someone", "recruiters", "analysts": a kind of people, not one person.
        k = _after_noun_phrase(tokens, j)
        return GENERIC, text[tok.start : tokens[k - 1].end], k, True
    n = company_at(tokens, j, any_case=not strong)
    if n:
        return ORG, text[tok.start : tokens[j + n - 1].end], j + n, False
    if _is_name(tok):
        n = _name_span(tokens, j)
        end = j + n
        nxt = tokens[end].low if end < len(tokens) else ""
        if nxt in GENERIC_PEOPLE or nxt in ("careers", "jobs", "'s hr", "hr"):
            # "Amazon recruiters", "Acme HR": an organisation's people, not a person.
            return ORG, text[tok.start : tokens[end - 1].end], end, True
        if tokens[end - 1].low.endswith("'s") or nxt == "'s":
            kind, stop, said = _possessive_chain(ct, j, end + (nxt == "'s"))
            return kind, said, stop, False
        if not _plausible_person(ct, j, end, verb):
            # An unknown single word ("Ask Nordstrom for a referral"): maybe a company.
            return ORG, text[tok.start : tokens[end - 1].end], end, False
        said = text[tok.start : tokens[end - 1].end]
        if end - j == 1 and said.endswith(_WILL_SUFFIXES) and said[:-3].isalpha():
            said = said.rsplit("'", 1)[0]  # "see if Mick'll ring his mate": Mick, who will
        return PERSON, said, end, False
    if strong and _is_lower_name(tokens, j):
        if not _plausible_person(ct, j, j + 1, verb):
            return ORG, tok.text, j + 1, False
        end = _lower_name_end(tokens, j)
        return PERSON, text[tok.start : tokens[end - 1].end], end, False
    if (
        strong
        and low in GIVEN_NAMES
        and j + 2 < len(tokens)
        and tokens[j + 1].low == "to"
        and tokens[j + 2].low in PERSONAL_VERBS
    ):
        # "ask will to review my cover letter": a name that is also a common word.
        return PERSON, tok.text, j + 1, False
    return None


# Posts said back with the unit they head: "the head of the PTA", "the coordinator of the
# Youth Jobs program" ("the head", "the coordinator" alone say nothing).
_SAID_WITH_UNIT: Final = frozenset({"head", "coordinator", "organiser", "organizer"})
# Posts written as initials that a ward, a school or a venue has one of: nurse unit manager,
# director of nursing, head of department, general manager ("the NUM on 4 West").
_UNIT_ACRONYMS: Final = frozenset({"num", "don", "hod", "gm"})
# Words for the member's own boss, said with "the" ("ask the boss for a reference"; UK, IE, AU).
_THE_BOSS: Final = frozenset({"boss", "gaffer"})


def _the_one_post(tokens: tuple[Token, ...], k: int) -> int:
    """End of a post after "the" at k that one person holds, or k: "the boss" (the member's
    own, not "the bosses"), "the NUM on 4 West", "the DON at St Vincent's" (its initials in
    capitals, then the unit: "the GM" alone, or "the num", is not read)."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if tok.low in _THE_BOSS:
        return k if nxt is not None and nxt.low in ("'s", "man", "lady") else k + 1
    if tok.low not in _UNIT_ACRONYMS or not tok.text.isupper() or nxt is None:
        return k
    if nxt.low not in ("on", "at", "of", "in") or k + 2 >= len(tokens):
        return k
    unit = tokens[k + 2]
    if unit.low in ("the", "my", "our"):
        return k + 4 if k + 3 < len(tokens) and tokens[k + 3].is_word else k
    if unit.is_cap and unit.is_word:
        # "on 4 West", "at St Vincent's": a ward or a place named by its name.
        end = k + 3
        if end < len(tokens) and tokens[end].is_cap and tokens[end].is_word:
            end += 1
        return end
    return k


# An office one person holds, named by what it serves: "the alumni coordinator", "the career
# counselor", "the placement officer" (not "the coordinator", "the hiring managers").
_OFFICE_SERVES = frozenset({"alumni", "career", "careers", "placement", "admissions"})
# "the disability services coordinator", "the re-entry program coordinator", "the TRiO advisor".
_OFFICE_SERVES |= {"disability", "disabilities", "accessibility", "re-entry", "reentry", "trio"}
_OFFICE_HEADS: Final = frozenset(
    {"coordinator", "counselor", "counsellor", "advisor", "adviser", "officer", "director"}
)
# Posts one person holds in a unit: "the site manager", "the head chef at my last job".
_POST_HEADS: Final = frozenset(
    {"manager", "director", "principal", "supervisor", "chef", "foreman", "matron", "registrar"}
    | {"educator", "coordinator", "lead", "lecturer", "examiner", "administrator", "headteacher"}
    | {"headmaster", "headmistress", "owner", "founder", "ceo", "president", "chair", "dean"}
    | {"tutor", "teacher"}
)
# Of those, the posts a place has only one of, even a place named by its name ("the matron at
# St Vincent's"; not "the manager at Tesco", a chain with many).
_SOLE_POSTS: Final = frozenset(
    {"principal", "matron", "foreman", "headteacher", "headmaster", "headmistress", "owner"}
    | {"founder", "ceo", "president", "dean"}
)
_WHERE: Final = frozenset({"at", "on", "from", "in"})
# Words after "at" that make the place any of several: "at some firm", "at one of the sites".
_SOME: Final = frozenset(
    {"a", "an", "some", "any", "one", "several", "many", "various", "few", "two"}
)
# One meeting the member had, which makes its recruiter or manager one person.
_ONE_MEETING: Final = frozenset(
    {"interview", "call", "screen", "meeting", "panel", "onsite"}
    # "the recruiter from Hays who called me monday": the one who got in touch.
    | {"called", "emailed", "messaged", "texted", "rang", "contacted", "phoned"}
)


# Posts one person holds in the unit they head: "the head of …", "the director of …".
# Posts a place has one of: "the GM at the Shelbourne", "the owner of Bloom Florists".
_ONE_PER_PLACE: Final = frozenset(
    {"gm", "ceo", "owner", "founder", "president", "cfo", "coo", "cto"}
)
_UNIT_HEADS: Final = frozenset(
    {"head", "director", "chair", "dean", "principal", "president", "founder", "owner", "ceo"}
    # "the coordinator of the Youth Jobs program": one coordinates a programme named as one.
    | {"coordinator", "organiser", "organizer"}
)


# Words that end the unit a post heads: "the head of the PTA to ask …", "… about …".
_UNIT_STOPS: Final = frozenset(
    {"to", "for", "if", "whether", "and", "about", "at", "in", "on", "with", "who", "that"}
    | {"so", "by", "she", "he", "they", "she's", "he's", "today", "tonight", "tomorrow"}
)


def _unit_end(tokens: tuple[Token, ...], k: int) -> int:
    """End of "of the PTA", "of my department" at k: up to three words after the determiner."""
    end = k + 1
    if end < len(tokens) and tokens[end].low in ("the", "my", "our"):
        end += 1
    stop = min(end + 3, len(tokens))
    while (
        end < stop
        and tokens[end].is_word
        and tokens[end].low not in _UNIT_STOPS
        and tokens[end].low not in REQUEST_VERBS
        and not tokens[end].low.endswith("ing")
    ):
        end += 1
    return end if end > k + 1 and tokens[end - 1].low not in ("the", "my", "our") else k


# Past verbs of something one person did with or for the member ("who interviewed me", "who
# ran our induction"): the rest are read by their "-ed".
_DID_WITH_ME: Final = frozenset(
    {"ran", "met", "gave", "took", "saw", "did", "got", "made", "taught", "led", "sent", "rang"}
    | {"wrote", "told", "hired", "sat", "kept", "paid", "let", "put", "set", "showed"}
)
_ME_OR_OURS: Final = frozenset({"me", "us", "our", "my"})
# "who worked with me", "who looked after my nan", "who sat on my panel".
_VERB_PARTICLES: Final = frozenset({"with", "after", "for", "on", "through", "off", "up", "at"})
# Words that end such a clause in what is said back: "… who called me monday and …".
_CLAUSE_STOPS: Final = frozenset(
    {"to", "and", "if", "whether", "about", "for", "so", "but", "asking", "because", "bc"}
)


def _pinned_by_a_clause(tokens: tuple[Token, ...], k: int) -> int:
    """End of "at/from <place> who <did something> me/us/our …" after a role at k, or -1:
    one thing done with the member picks one person out ("the HR at Vodafone Egypt who
    interviewed me"; not "the recruiters who …", nor "the recruiter who handles support")."""
    count = len(tokens)
    if k >= count or tokens[k].low not in _WHERE:
        return -1  # "the recruiter who called me, Tom, …": the name after is what is said
    # the place: up to five words ("from the Fundacja Ocalenie job program").
    m = k + 1
    while m < count and m - k <= 5 and tokens[m].is_word and tokens[m].low != "who":
        m += 1
    if m + 2 >= count or tokens[m].low != "who":
        return -1
    verb = tokens[m + 1].low
    if not (verb in _DID_WITH_ME or (verb.endswith("ed") and len(verb) > 4)):
        return -1
    obj = m + 2 + (tokens[m + 2].low in _VERB_PARTICLES and m + 3 < count)
    if tokens[obj].low not in _ME_OR_OURS:
        return -1
    end = obj + 1
    while (
        end < count
        and end - m < 7
        and tokens[end].is_word
        and tokens[end].low not in _CLAUSE_STOPS
        and tokens[end].low not in REQUEST_VERBS
    ):
        end += 1
    return end


# What one person does to a place they run: "the lady who runs the food pantry".
_RUNS: Final = frozenset({"runs", "owns", "manages", "heads", "chairs", "coordinates", "organises"})


def _runs_a_place(tokens: tuple[Token, ...], k: int) -> int:
    """End of "who runs the <place>" after a singular person at k, or -1: the one who runs a
    place named as one ("the lady who runs the food pantry"; not "who runs hiring", nor "who
    runs a shop")."""
    if k + 3 >= len(tokens) or tokens[k].low != "who" or tokens[k + 1].low not in _RUNS:
        return -1
    place = tokens[k + 2]
    if not (place.low in ("the", "my", "our") or (place.is_cap and place.is_word)):
        return -1
    end = k + 3
    while (
        end < len(tokens)
        and end - k < 7
        and tokens[end].is_word
        and tokens[end].low not in _UNIT_STOPS
        and tokens[end].low not in REQUEST_VERBS
    ):
        end += 1
    return end if tokens[end - 1].low not in ("the", "my", "our") else -1


def _placed_and_pointed_back(ct: CleanText, k: int) -> int:
    """End of "at/from the <place>" after a singular role at k when a he/she later points back
    to that role, or -1: "the job developer at the Goodwill program to send my resume to the
    contact she has", "the lady from the Fundacja Ocalenie job program … she told me about".
    The place is a definite one ("the", "my", "our", or its name); a post at "a"/"some" place,
    and a he/she after another person is named, point to no one here."""
    tokens = ct.tokens
    count = len(tokens)
    if k + 1 >= count or tokens[k].low not in ("at", "from") or tokens[k - 1].low.endswith("s"):
        return -1
    m = k + 1
    if tokens[m].low in ("the", "my", "our"):
        m += 1
    elif not (tokens[m].is_cap and tokens[m].is_word):
        return -1
    start = m
    while (
        m < count
        and m - start < 5
        and tokens[m].is_word
        and tokens[m].low not in _UNIT_STOPS
        and tokens[m].low not in REQUEST_VERBS
        and not tokens[m].low.endswith("ing")
    ):
        m += 1
    if m == start:
        return -1
    end = tokens[m - 1].end
    pronoun = _GENDERED.search(ct.low, end, end + 160)
    if pronoun is None:
        return -1
    for tok in tokens[m:]:
        if tok.start >= pronoun.start():
            break
        if (tok.is_cap and _given_name(tok.low)) or tok.text.startswith(MENTION_PREFIX):
            return -1  # "… if Tom can help, he …": the he/she is someone else's
    return m


# One post hired for: "the hiring manager for the Bendigo Bank branch role".
_ONE_POST_WORDS: Final = frozenset({"role", "job", "position", "opening", "vacancy", "post", "req"})


def _one_post_holder(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Is "the …" at tokens[start:end] one identifiable person: an office named by what it
    serves, or a role met at one meeting ("the hiring manager from tuesday's interview")?"""
    head = tokens[end - 1].low
    if head in _OFFICE_HEADS and any(tokens[m].low in _OFFICE_SERVES for m in range(start, end)):
        return True
    if _post_in_a_unit(tokens, start, end):
        return True
    if head in _UNIT_HEADS and end + 1 < len(tokens):
        # "the head of the PTA", "the program director of my bootcamp", "the department head
        # at my kids' school": the one who heads a unit named as one (not "of a startup").
        after, unit = tokens[end].low, tokens[end + 1]
        if after == "of" and (unit.low in ("the", "my", "our") or unit.is_cap):
            return True
        if after == "of" and head == "head":
            # "the head of year at the school", "the head of sales at my old firm": the one
            # head of a unit at one place (not "the head of sales at a startup").
            m = _unit_end(tokens, end)
            if m > end and m + 1 < len(tokens) and tokens[m].low == "at":
                place = tokens[m + 1]
                return place.low in ("the", "my", "our") or (place.is_cap and place.is_word)
        if after == "at" and unit.low in ("my", "our"):
            return True
    if head in _ONE_PER_PLACE and end + 1 < len(tokens) and tokens[end].low in ("at", "of"):
        # "the GM at the Shelbourne", "the founder of Monzo": the one who runs a named place.
        place = tokens[end + 1]
        return place.low in ("the", "my", "our") or (place.is_cap and place.is_word)
    if (
        head == "manager"
        and end - start == 2
        and tokens[start].low == "hiring"
        and end + 2 < len(tokens)
        and tokens[end].low == "for"
        and tokens[end + 1].low == "the"
    ):
        # "the hiring manager for the Bendigo Bank branch role": the one who hires for one post.
        for m in range(end + 2, min(len(tokens), end + 8)):
            if tokens[m].low in _ONE_POST_WORDS:
                return m > end + 2
            if not tokens[m].is_word:
                return False
    if end >= len(tokens) or tokens[end].low != "from" or head.endswith("s"):
        return False
    for m in range(end + 1, min(len(tokens), end + 5)):
        if tokens[m].low in _ONE_MEETING:
            return True
        if not tokens[m].is_word:
            return False
    return False


def _post_in_a_unit(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Is "the …" at tokens[start:end] a post one person holds where the member was: "the
    course director", "the lab manager", "the practice manager at my placement", "the registrar
    on my last rotation", "the matron at St Vincent's", "the foreman on the Sellafield job"?

    Not a post of which there are many ("the hiring manager at my old firm", "the product lead
    at my company") nor one at any of several places ("the office manager at some firm")."""
    head = tokens[end - 1].low
    if head not in _POST_HEADS and not (end - start == 2 and tokens[start].low in _POSTS):
        return False
    where = end + 1 < len(tokens) and tokens[end].low in _WHERE
    if where and (tokens[end + 1].low in _SOME or tokens[end + 1].low.isdigit()):
        return False
    if end - start == 2 and tokens[start].low in UNIT_NOUNS:
        return True  # the one post of its kind in a unit the member belongs to
    if any(
        tokens[m].low in GENERIC_PEOPLE or tokens[m].low in ROLE_NOUNS
        for m in range(start, end - 1)
    ):
        return False
    if not where:
        return False
    unit = tokens[end + 1]
    sole = head in _SOLE_POSTS or tokens[start].low in _POSTS
    return unit.low in ("my", "our") or (
        sole and (unit.low == "the" or (unit.is_cap and unit.is_word))
    )


def _has_do(tokens: tuple[Token, ...], i: int) -> bool:
    """ "have Mei-Ling run a mock interview with me", "get Hannah to write me a letter",
    "need lena to look at my readme"."""
    if tokens[i].low not in _HAS_DO_VERBS or i + 2 >= len(tokens):
        return False
    name = tokens[i + 1]
    if (
        not (name.text[0].isupper() and _is_name(name))
        and name.low not in GIVEN_NAMES
        # "Marcus owes me one, getting him to forward my CV": the person named before.
        and not (name.low in ("him", "her") and tokens[i + 2].low == "to")
    ):
        return False
    after = tokens[i + 3].low if tokens[i + 2].low == "to" and i + 3 < len(tokens) else ""
    if name.low in ("him", "her"):
        # "get him to ring his sister", "need her to confirm …": only a person is got to act.
        return after in PERSONAL_VERBS or after in REQUEST_VERBS or after in _PRONOUN_DOES
    return tokens[i + 2].low in PERSONAL_VERBS or after in PERSONAL_VERBS


def _has_do_relation(ct: CleanText, i: int) -> bool:
    """ "get my old prof Dr. Tanaka to write a rec letter", "have my old boss review my CV": a
    person named through a relation or a title, then something only a person does."""
    tokens = ct.tokens
    if tokens[i].low not in ("have", "get") or i + 3 >= len(tokens):
        return False
    first = tokens[i + 1].low
    if first not in ("my", "our") and first.rstrip(".") not in TITLES:
        return False
    parsed = parse_object(ct, i + 1, strong=True)
    if parsed is None or parsed[0] is not PERSON or parsed[2] + 1 >= len(tokens):
        return False
    end = parsed[2]
    if tokens[i].low == "have" and tokens[end].low in PERSONAL_VERBS:
        return True  # "have my old boss review my cover letter"
    return tokens[end].low == "to" and tokens[end + 1].low in PERSONAL_VERBS


def _thanks(tokens: tuple[Token, ...], start: int, stop: int) -> bool:
    """ "Send Obiageli a thank-you note": thanking closes a loop, it asks nothing."""
    return any(t.low in _THANKS for t in tokens[start:stop])


_THANKS: Final = frozenset({"thank-you", "thanks", "thank", "congrats", "congratulations", "thx"})


def _small_talk(tokens: tuple[Token, ...], j: int) -> bool:
    """ "ask how he's doing", "ask her to lunch": social, not a request."""
    if j >= len(tokens) or tokens[j].low not in ("to", "out", "for", "how"):
        return False
    window = [t.low for t in tokens[j : j + 8]]
    if window[0] in ("to", "out", "for") and not _MEALS.isdisjoint(window[:4]):
        # "asking for coffee chats" asks for a meeting (vague); "ask her to lunch" is social.
        return _CHATS.isdisjoint(window[1:5])
    return window[0] == "how" and not _HOW_ARE_YOU.isdisjoint(window)


# The words of `_small_talk`, as sets: one test per window, not a generator per word.
_MEALS: Final = frozenset({"lunch", "coffee", "dinner", "drinks", "breakfast", "brunch", "beer"})
_CHATS: Final = frozenset({"chat", "chats", "call", "calls"})
_HOW_ARE_YOU: Final = frozenset({"doing", "going", "been", "is"})


# Words that head a note ("Goal: …", "Today — …") rather than name a person.
_HEADERS: Final = frozenset(
    [
        "goal",
        "goals",
        "plan",
        "plans",
        "today",
        "tomorrow",
        "tonight",
        "todo",
        "to-do",
        "task",
        "tasks",
        "ask",
        "asks",
        "update",
        "note",
        "notes",
        "reminder",
        "priority",
        "focus",
        "step",
        "steps",
        "next",
        "idea",
        "objective",
        "mission",
        "homework",
        "agenda",
        "action",
        "follow-up",
        "networking",
        "outreach",
        "morning",
        "afternoon",
        "evening",
        "week",
        "weekend",
        "this",
        "also",
        "then",
        "done",
        "status",
        "progress",
        "main",
        "big",
        "first",
        "second",
        "third",
        "later",
    ]
)


# The day a note is for, before its person: "Mon: Priya → …", "tomorrow: Dana — …".
_DAY_HEADERS: Final = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
    | {f"{day}day" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}
    | {"today", "tomorrow", "tonight"}
)
_MY: Final = frozenset({"my", "our"})
# "my" in the slot after a verb, in English and in French, Portuguese and Spanish ("demander à
# mon parrain", "ligar pro meu ex-gestor"; "ma" is left out: in English it is a mother).
_POSSESSIVES: Final = frozenset({"my", "our", "mon", "meu", "minha", "mi"})
# The lowercase words that can open a slot or start a person named in passing.
# Verbs of asking in French, Spanish and Portuguese that take the person as a pronoun before
# them: "je lui demande s'il peut …", "→ lui demander le nom …", "le pregunto si …".
# In French "le"/"les" before the verb is the thing asked for ("je vais le demander"), so
# each language's verbs are read with its own pronouns: one person (French "lui", Spanish
# "le"), or several ("leur", "les").
_FRENCH_ASKS: Final = frozenset(
    {"demander", "demande", "demanderai", "demanderais", "redemander", "redemande", "écrire"}
)
_SPANISH_ASKS: Final = frozenset(
    {"pregunto", "preguntaré", "preguntar", "pido", "pediré", "pedir", "escribo", "escribir"}
)
_CLITIC_ASKS: Final = _FRENCH_ASKS | _SPANISH_ASKS
_CLITICS: Final = {"lui": False, "leur": True, "le": False, "les": True}
_SLOT_WORDS: Final = _VERB_STARTS | GIVEN_NAMES | _MY | ADDRESS_BEFORE | TITLES | _CLITIC_ASKS
_LEAD_MARKS: Final = frozenset({":", "—", "-", ",", "→", "="})
# Posts written as initials, counted only in capitals after "my": director of nursing, district
# manager, general manager, head of department, team lead, hiring manager ("my old HM"), and
# probation or parole officer ("my PO", US).
_ROLE_ACRONYMS: Final = frozenset({"don", "dm", "gm", "hod", "tl", "ra", "hm", "po"})
# Words before a relation that make it a post one person holds: "my old charge nurse", "my
# head nurse", "my shift lead" (not "my nurse", "my lead").
_POSTS: Final = frozenset(
    {"head", "charge", "chief", "shift", "floor", "unit", "department", "store", "deputy"}
)
# Words before a relation that make it the one person a service assigned to the member: "my
# probation officer", "my case worker", "my support worker", "my ILS worker".
_ASSIGNED: Final = frozenset(
    {"probation", "parole", "case", "support", "social", "key", "youth", "ils"}
)
# Words before "email", "text", "message" that make it a thing sent: "send a short email to …".
_NOUN_BEFORE: Final = frozenset({"a", "an", "short", "quick", "brief", "nice", "long", "formal"})
_BULLETS: Final = frozenset({"-", "—", "•", "*", "→", ">", "+"})


def _lead_person(ct: CleanText) -> Ref | None:
    """A person heading a terse note: "Maria — referral for the Target analyst role"."""
    tokens = ct.tokens
    first = tokens[0].low if tokens else ""
    if (
        len(tokens) == 2
        and tokens[1].low in _NOTE_FAVOURS
        and _given_name(first)
        and first not in _MENTION_STOP
    ):
        # "bella referee", "sam referral": the whole note is a name and a favour.
        return Ref(PERSON, tokens[0].text, tokens[0].start, tokens[0].end, LEAD)
    if (
        len(tokens) < 3
        or first in _HEADERS
        or first in REQUEST_VERBS  # "Text Emeka: could he …" is asked by the verb
        or (
            first in COMMON_WORDS
            and first not in ("my", "our")
            and tokens[1].low not in RELATION_NOUNS  # "gym buddy marco → …"
        )
    ):
        return None
    if _name_then_favour(tokens) and not tokens[0].text.startswith(MENTION_PREFIX):
        # "ifeoma referral at Flutterwave for product designer": a clipped note.
        return Ref(PERSON, tokens[0].text, tokens[0].start, tokens[0].end, LEAD)
    if tokens[0].text.startswith(MENTION_PREFIX) and tokens[1].low in _FAVOUR_NOUNS:
        # "<@U…> referral pls - Thales test engineer": the person, then the favour.
        mention = ct.mentions.get(tokens[0].text, tokens[0].text)
        return Ref(PERSON, mention, tokens[0].start, tokens[0].end, LEAD)
    if _given_name(first) and tokens[1].text == ",":
        aside_end = _aside_then_favour(tokens)
        if aside_end > 0:
            # "Kwame, the audit manager from my placement, a reference for …": who the person
            # is, then the favour.
            return Ref(PERSON, tokens[0].text, tokens[0].start, tokens[aside_end].end, LEAD)
    parsed = parse_object(ct, 0, strong=False)
    if parsed is None and _given_name(first) and tokens[1].text in ("→", ":", "=", "—", "-", "("):
        mark = _past_aside(tokens, 1)
        if mark < len(tokens) and tokens[mark].text in ("→", ":", "=", "—", "-"):
            # "zoe → intro to her manager", "tanvi (PGDM batchmate) → referral for …"
            parsed = RefKind.PERSON, tokens[0].text, 1, False
    if parsed is None and _given_name(first) and tokens[1].text == "," and _favour_next(tokens):
        parsed = RefKind.PERSON, tokens[0].text, 1, False  # "kavya, mock interview for …"
    if parsed is None and (_given_name(first) or first in UNIQUE_KIN) and _to_do_for_me(tokens, 1):
        parsed = RefKind.PERSON, tokens[0].text, 1, False  # "connor to send me …"
    if parsed is None and _given_name(first) and _dotted_favour(tokens):
        # "jake. referral. Honeywell. today.": a clipped note, the name then the favour.
        return Ref(PERSON, tokens[0].text, tokens[0].start, tokens[1].end, LEAD)
    if parsed is None or parsed[0] is GENERIC:
        # "gym buddy marco → …": a kind of relation, then the name.
        parsed = _bare_relation_lead(tokens) or _name_from_place_lead(tokens) or parsed
    if parsed is None or parsed[0] is not PERSON:
        return None
    kind, text, end, plural = parsed
    if _to_do_for_me(tokens, end):
        # "Mum to iron my shirt …", "connor to send me the recruiter's email": a to-do note
        # giving the person a task for the member; the task follows "to".
        return Ref(kind, text, tokens[0].start, tokens[end].end, LEAD, plural)
    end = _past_aside(tokens, end)
    if end >= len(tokens) or tokens[end].text not in (":", "—", "-", ",", "→", "="):
        return None
    return Ref(kind, text, tokens[0].start, tokens[end].end, LEAD, plural)


# Words that say a task after "<person> to <verb>" is done for the member.
_FOR_ME: Final = frozenset({"me", "my", "us", "our"})
# Words after "to" that make it a place or an event, not a task: "Sam to the rescue".
_NOT_TASKS: Final = frozenset({"the", "a", "an", "be", "come", "go", "start", "join", "visit"})


def _to_do_for_me(tokens: tuple[Token, ...], k: int) -> bool:
    """ "Mum to iron my shirt", "priya to send me …": at k "to", one verb, then me/my."""
    return (
        k + 3 < len(tokens)
        and tokens[k].low == "to"
        and tokens[k + 1].is_word
        and tokens[k + 1].low not in _NOT_TASKS
        and tokens[k + 2].low in _FOR_ME
    )


def _asked_in_another_language(ct: CleanText) -> Ref | None:
    """ "Herr Schneider (mein Betreuer) fragen ob …", "Lotte van Dijk, vragen of …", "Ankit bhai
    se referral maangna hai": a note opening with the person, then, within a few words, a verb
    of asking in another language that follows its person (data/request_verbs_after.txt)."""
    tokens = ct.tokens
    parsed = parse_object(ct, 0, strong=True)
    if parsed is None or parsed[0] is not PERSON or tokens[0].low in REQUEST_VERBS:
        return None
    end = parsed[2]
    if end < len(tokens) and tokens[end].low in _SAID_AFTER_A_NAME:
        end += 1  # "Prakash uncle", "Senthil anna": the form of address is said with the name
    stop = _past_aside(tokens, end)
    for k in range(stop, min(len(tokens), stop + 5)):
        if tokens[k].low in REQUEST_VERBS_AFTER or _asked_after_postposition(ct, k):
            text = ct.text[tokens[0].start : tokens[end - 1].end]
            return Ref(PERSON, text, tokens[0].start, tokens[end - 1].end, REQUEST)
    return None


# Hindi / Urdu postpositions after the person: "Mehwish ko request karni hai ki …" (to
# Mehwish), "Sunil sir se advice leni hai" (from Sunil sir), "Gaurav ke saath lunch" (with).
_POSTPOSITIONS: Final = frozenset({"ko", "se", "saath", "sath"})
# English verbs of asking after one of them: "ko request karni hai", "ko call karke …".
_ASKED_AFTER_POSTPOSITION: Final = frozenset({"request", "call", "ask", "message", "msg", "text"})
# A talk or advice sought of the person, an ask only about work: "se baat karni hai about jobs",
# "se milna hai, job ka kuch scene ho toh", "ke saath lunch, career pe discuss karenge".
_TALKED_AFTER_POSTPOSITION: Final = frozenset(
    {"baat", "milna", "milunga", "milungi", "advice", "guidance", "salah", "madad", "help"}
    | {"lunch", "coffee", "chai", "discuss"}
)
_ABOUT_WORK: Final = frozenset(
    {"job", "jobs", "naukri", "career", "kaam", "opportunities", "opening", "openings", "role"}
)


def _asked_after_postposition(ct: CleanText, k: int) -> bool:
    """ "Mehwish ko request karni hai ki …", "Sameer sir … ko call karke …", "Arjun se baat
    karni hai about jobs": the person, a Hindi postposition, then a verb of asking (or of a talk
    about work) in English or Hindi."""
    tokens = ct.tokens
    if k == 0 or tokens[k - 1].low not in _POSTPOSITIONS:
        return False
    low = tokens[k].low
    return low in _ASKED_AFTER_POSTPOSITION or (
        low in _TALKED_AFTER_POSTPOSITION and not _ABOUT_WORK.isdisjoint(ct.words)
    )


# Kin words said after a name as a form of address: "Prakash uncle", "Meena aunty".
_KIN_AFTER: Final = frozenset({"uncle", "aunty", "auntie", "aunt"})
_SAID_AFTER_A_NAME: Final = ADDRESS_AFTER | _KIN_AFTER


def _post_heading(ct: CleanText) -> Ref | None:
    """A post one person holds heading the message, then the ask: "the head chef at my last
    job, asking if …", "the head of year at the school where I trained, ask him …". The person
    is named in passing; the ask after the comma points back to them."""
    tokens = ct.tokens
    parsed = parse_object(ct, 0, strong=False)
    if parsed is None or parsed[0] is not RefKind.PERSON:
        return None
    end = parsed[2]
    comma = end
    if end < len(tokens) and tokens[end].low in _WHERE:
        for m in range(end + 1, min(len(tokens), end + 12)):
            if not tokens[m].is_word:
                comma = m
                break
    if comma + 1 >= len(tokens) or tokens[comma].text != ",":
        return _post_as_subject(ct, end)
    if tokens[comma + 1].low not in REQUEST_VERBS:
        return None
    # "the head chef at my last job" is said with its place when that is short.
    stop = comma if comma - end <= 5 else end
    text = ct.text[tokens[0].start : tokens[stop - 1].end]
    return Ref(RefKind.PERSON, text, tokens[0].start, tokens[stop - 1].end, Source.MENTION)


# Words that cannot be the verb after a subject: "the head chef at Nobu and …".
_NOT_VERBS: Final = frozenset({"and", "or", "who", "that", "is", "was", "'s", "to", "for", "if"})


def _post_as_subject(ct: CleanText, end: int) -> Ref | None:
    """A post one person holds opening the message as the subject of a verb, a he/she pointing
    back: "the head chef at Nobu ate at ours last week … ask him for a stage", "the DON at St
    Vincent's rang me … asking her". The post at tokens[:end]; its place, named by its name
    ("at Nobu", "at the Alfred"), is said with it (a post at "a"/"some" place is no one)."""
    tokens = ct.tokens
    m = end
    if m + 1 < len(tokens) and tokens[m].low in _WHERE:
        m += 1 + (tokens[m + 1].low in ("the", "my", "our"))
        start = m
        while m < len(tokens) and m - start < 3 and tokens[m].is_cap and tokens[m].is_word:
            m += 1
        if m == start:
            return None
    if m >= len(tokens) or not tokens[m].is_word or tokens[m].is_cap:
        return None
    if tokens[m].low in _NOT_VERBS or tokens[m].low in _PREPOSITIONS:
        return None
    if _GENDERED.search(ct.low, tokens[m].end, tokens[m].end + 160) is None:
        return None
    stop = tokens[m - 1].end
    return Ref(RefKind.PERSON, ct.text[tokens[0].start : stop], tokens[0].start, stop, MENTION)


# Favours a clipped note may name straight after "name,": "kavya, mock interview for …".
_NOTE_FAVOURS: Final = _FAVOUR_NOUNS | {"mock", "referee"}


def _favour_next(tokens: tuple[Token, ...]) -> bool:
    """ "kavya, mock interview …", "jo, referral for …": a favour right after "name,"."""
    return len(tokens) > 3 and tokens[2].low in _NOTE_FAVOURS


def _what_i_need(tokens: tuple[Token, ...], i: int) -> bool:
    """ "… is what I need from Faith", "that's what I want from him": the favour said first,
    then who it is wanted from."""
    return (
        i >= 3
        and tokens[i - 1].low in ("need", "want")
        and tokens[i - 2].low in ("i", "we")
        and tokens[i - 3].low == "what"
    )


def _aside_then_favour(tokens: tuple[Token, ...]) -> int:
    """ "kwame, the audit manager at Deloitte, a reference for …": the comma ending a short aside
    on who the person is ("the"/"my" and a role or relation), when a favour noun follows it;
    else -1."""
    if len(tokens) < 6 or tokens[2].low not in ("the", "my", "our"):
        return -1
    for k in range(3, min(len(tokens) - 1, 16)):
        if not tokens[k].is_word:
            if tokens[k].text != ",":
                return -1
            nxt = k + 2 if tokens[k + 1].low in ("a", "an") else k + 1
            names_a_role = any(t.low in ROLE_NOUNS or t.low in RELATION_NOUNS for t in tokens[3:k])
            favour = nxt < len(tokens) and tokens[nxt].low in _NOTE_FAVOURS
            return k if names_a_role and favour else -1
    return -1


def _past_aside(tokens: tuple[Token, ...], k: int) -> int:
    """The token after a short aside about the person heading a note: "Dr. Reyes (my old
    medical director) → …", "my old DM from Target → …"; k itself when there is none."""
    if k >= len(tokens):
        return k
    if tokens[k].text == "(":
        for m in range(k + 1, min(len(tokens), k + 10)):
            if tokens[m].text == ")":
                return m + 1
        return k
    if tokens[k].low in ("from", "at", "@"):
        for m in range(k + 1, min(len(tokens), k + 5)):
            if tokens[m].text in _LEAD_MARKS and tokens[m].text != ",":
                return m
            if not tokens[m].is_word:
                return k
    return k


def _name_then_favour(tokens: tuple[Token, ...]) -> bool:
    """ "ifeoma referral at Flutterwave …": a given name, then straight away a favour noun."""
    return (
        len(tokens) > 2
        and tokens[1].low in _FAVOUR_NOUNS
        and (_given_name(tokens[0].low) or tokens[0].text.startswith(MENTION_PREFIX))
        and tokens[0].low not in _MENTION_STOP
    )


def _dotted_favour(tokens: tuple[Token, ...]) -> bool:
    """ "name. referral. …": a full stop after the first word, then a favour noun."""
    return len(tokens) > 2 and tokens[1].text == "." and tokens[2].low in _FAVOUR_NOUNS


def _bare_relation_lead(tokens: tuple[Token, ...]) -> tuple[RefKind, str, int, bool] | None:
    """ "ex-manager lou: reference for …", "mentor Ada — intro to …": a relation without "my",
    then a given name, heading a note."""
    at = 1 if tokens[1].low in RELATION_NOUNS and tokens[0].is_word and len(tokens) > 3 else 0
    relation = tokens[at].low.removeprefix("ex-").removeprefix("former-")
    name = tokens[at + 1]
    if relation not in RELATION_NOUNS or not (_is_name(name) or _given_name(name.low)):
        return None
    # "bootcamp instructor dev → …": one word may say what kind of relation it is.
    return PERSON, name.text, at + 2, False


def _name_from_place_lead(tokens: tuple[Token, ...]) -> tuple[RefKind, str, int, bool] | None:
    """ "sarah from yoga → talk about work stuff": a given name and where the member knows them
    from, heading a note (the person is the name; the note's mark follows the place)."""
    if not _given_name(tokens[0].low) or tokens[1].low != "from":
        return None
    for k in range(2, min(len(tokens), 6)):
        if tokens[k].text in _LEAD_MARKS:
            return PERSON, tokens[0].text, k, False
        if not tokens[k].is_word:
            return None
    return None


# Words before a description of someone ("is senior dev", "as a senior engineer"): a form of
# address after them is the start of what the person is, not of their name.
_PREDICATE_BEFORE: Final = frozenset({"is", "was", "a", "an", "as", "am", "are", "were", "be"})


def _mention_at(ct: CleanText, i: int) -> tuple[Ref, int] | None:
    """A person named outside any verb slot, as the subject or in passing.

    "Jen from my old team is going", "Maria will introduce me…", "My neighbor Frank works at
    3M", "I met Dana at the conference". Such a person is not asked anything by being named,
    but a later "ask her" refers back to them, and a favour they are said to do ("Maria will
    introduce me to…") is asked of them. Only known given names, a name with a relation or a
    title before it, or a sentence-initial word followed by "from" count: a capitalised word
    alone is as likely a place, a company or the first word of a sentence.
    """
    tokens = ct.tokens
    tok = tokens[i]
    low = tok.low
    # "Herr Schneider", "ate Joy", "ms. nguyen": a form of address or a title, then a name.
    titled = low in ADDRESS_BEFORE or low.rstrip(".") in TITLES
    if titled and tok.is_cap and _in_a_job_title(tokens, i):
        return None  # "the Chief Medical Officer search", "the Sr. Technical Writer req"
    address = titled and _address_name(tokens, i) >= 0
    if address and not tok.is_cap and i and tokens[i - 1].low in _PREDICATE_BEFORE:
        return None  # "Babajide is senior dev at Andela": what he is, not "senior Dev"
    if not tok.text[0].isupper() and low not in ("my", "our") and not address:
        # Most words: one cheap test (a form of address after a word makes it a name: "eun-ji
        # unni").
        if low not in GIVEN_NAMES and not _address_after(tokens, i + 1):
            return None
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if i and tokens[i - 1].low in SURNAMES_FIRST and not tokens[i - 1].is_cap:
            # "wang lei my classmate is at Huawei, I ask him …": the family name first.
            start = i - 1
            if _clause_initial(tokens, start) and _lower_subject_referred_to(ct, start):
                end = _lower_name_end(tokens, i)
                return _mention_ref(ct, start, end), end
        if low not in COMMON_WORDS and (
            (i and tokens[i - 1].low in _MET)
            or (i and tokens[i - 1].low in _GREETINGS and _addressed(tokens, i, i + 1))
            or (_clause_initial(tokens, i) and nxt in _SUBJECT_VERBS)
            or _lower_subject_referred_to(ct, i)
            or (i == 0 and _note_head(tokens))
        ):
            # "met lena at the meetup. ask her …", "nora is leaving HubSpot. ask her …".
            end = _lower_name_end(tokens, i)
            return _mention_ref(ct, i, end), end
        return None
    nxt = _verb_after(tokens, i + 1)
    # "Zhang Wei was my classmate": a family name written first, then a given name.
    family_first = (
        low in SURNAMES_FIRST
        and tok.is_cap
        and i + 1 < len(tokens)
        and tokens[i + 1].is_cap
        and tokens[i + 1].low in GIVEN_NAMES
    )
    if (
        low not in GIVEN_NAMES
        and not family_first
        and low not in _MY
        and low not in UNIQUE_KIN
        and nxt != "from"
        and nxt not in _PERSON_SUBJECT_VERBS
        and low.rstrip(".") not in TITLES
        and not address
        and not tok.text.startswith(MENTION_PREFIX)
        and not (low.endswith("'s") and low[:-2] in GIVEN_NAMES)
    ):
        return None  # a capitalised word that can start no person: most of them
    if tok.text.startswith(MENTION_PREFIX):
        # "<@U06JD3KF8SA> mentioned she used to work at Etsy. ask her …"
        ref = Ref(
            PERSON,
            ct.mentions.get(tok.text, tok.text),
            tok.start,
            tok.end,
            MENTION,
            addressed=_addressed(tokens, i, i + 1),
        )
        return ref, i + 1
    initial = _clause_initial(tokens, i)
    if low in _MY and i and tokens[i - 1].text == "(":
        return None  # "Mr. Davies (my principal)": an aside about the person just named
    if low in _MY and not initial:
        owner = _one_owner(tokens, i)
        if owner > i:
            # "knock on my neighbour's door (he's at PwC) and ask if he'd …": the owner is one
            # person named in passing.
            stop = tokens[owner].end - 2
            ref = Ref(PERSON, ct.text[tok.start : stop], tok.start, stop, MENTION)
            return ref, owner + 1
    if initial and low.endswith("'s") and tok.is_cap:
        return _possessive_subject(ct, i)
    if (
        (initial and (low in ("my", "our") or low in UNIQUE_KIN))
        or (low.rstrip(".") in TITLES and tok.is_cap)
        or address
    ):
        # A title names a person anywhere: "…really knows my work is Mrs. Gallagher, …"
        parsed = parse_object(ct, i, strong=False)
        if parsed is not None and parsed[0] is GENERIC and low in _MY:
            parsed = _one_subject_referred_to(ct, parsed)
        if parsed is None or parsed[0] is not PERSON:
            return None
        end = parsed[2]
        # "Grandma Lou's bridge partner …", "going to Dr. Kim's office hours": the person
        # named is Grandma Lou, Dr. Kim.
        said = parsed[1].removesuffix("'s")
        ref = Ref(
            PERSON,
            said,
            tok.start,
            tokens[end - 1].end,
            MENTION,
            addressed=_addressed(tokens, i, end),
        )
        return ref, end
    if not tok.is_cap or not _is_name(tok):
        return None
    if len(tok.text) > 1 and tok.text.isupper() and not ct.text.isupper():
        return None  # "my LI msg", "the HR rep": an acronym in ordinary text, not a name
    if (
        not initial
        and low.endswith("'s")
        and low[:-2] in GIVEN_NAMES
        and not _in_a_place_name(tokens, i)
        and not company_at(tokens, i)
        # "the owner of Kelly's Mechanical", "a shift at Maggie's Diner": a business's name.
        and not (i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].is_word)
    ):
        # "going to Sunita's party, I'll ask her …": the owner is the person named.
        stop = tok.end - 2
        return Ref(PERSON, ct.text[tok.start : stop], tok.start, stop, MENTION), i + 1
    known = family_first or (
        low in GIVEN_NAMES and not (initial and low in _MENTION_STOP and nxt not in _SUBJECT_VERBS)
    )
    if not known and not (initial and (nxt == "from" or _subject_referred_to(ct, i))):
        return None
    if company_at(tokens, i) or nxt in _ORG_FOLLOWERS or nxt in ("'s", "'"):
        return None
    if not initial and _in_a_place_name(tokens, i):
        return None
    end = i + _name_span(tokens, i)
    if tokens[end - 1].low in _ORG_WORDS:
        return None  # "Oscar Health", "Jane Street"
    if end < len(tokens) and tokens[end].low in _SAID_AFTER_A_NAME:
        end += 1  # "Farhan bhai Aramco mein hai": the form of address is said with the name
    return _mention_ref(ct, i, end), end


def _one_subject_referred_to(
    ct: CleanText, parsed: tuple[RefKind, str, int, bool]
) -> tuple[RefKind, str, int, bool] | None:
    """ "my TAFE teacher used to run a building company — asking him …", "my old foreman's
    retiring but … ring him": a singular relation opening the message as the subject of a
    verb, and pointed back to by he/she, is the one person meant (not "my teachers …", nor a
    relation no pronoun points back to, nor one owned by another: "my neighbour's son")."""
    _, said, end, plural = parsed
    tokens = ct.tokens
    if plural or end >= len(tokens) or "'s " in said:
        return None  # "my neighbour's son works at Stripe": one of several, maybe
    verb = _verb_after(tokens, end)
    contracted = said.endswith("'s") and (verb in _AFTER_IS or verb.endswith("ing"))
    if not contracted and verb not in _SUBJECT_VERBS:
        return None
    if _GENDERED.search(ct.low, tokens[end - 1].end, tokens[end - 1].end + 160) is None:
        return None
    return PERSON, said.removesuffix("'s"), end, False


def _in_a_job_title(tokens: tuple[Token, ...], i: int) -> bool:
    """Is the title at i part of a job title ("the Chief Operating Officer search", "the Sr.
    Technical Writer req"), after "the" or a capitalised word inside a sentence?"""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.low in ("the", "a", "an"):
        return True
    return prev.is_cap and prev.low not in _VERB_STARTS and not _clause_initial(tokens, i - 1)


def _one_owner(tokens: tuple[Token, ...], i: int) -> int:
    """Index of "neighbour's" in "my (old) neighbour's door": one person owning a thing, not
    a person ("my mom's friend" is parsed as the friend), or -1."""
    for k in range(i + 1, min(len(tokens) - 1, i + 4)):
        word = tokens[k].low
        if word.endswith("'s"):
            owner = _relation(word[:-2])
            thing = tokens[k + 1].low
            if (owner in UNIQUE_KIN or owner in UNIQUE_ROLES) and not (
                thing in RELATION_NOUNS or thing in GENERIC_PEOPLE or _given_name(thing)
            ):
                return k
            return -1
        if word not in RELATION_MODIFIERS:
            return -1
    return -1


# Words before a capitalised given name that make it (part of) a place or an organisation:
# "works in Kaiser IT", "now at Oscar Health", "manages Selina Lisbon", "the Tim Hortons".
_PLACE_BEFORE: Final = frozenset(
    {"at", "in", "@", "the", "into", "near", "manages", "runs", "owns", "founded", "joined", "from"}
)


_MET_BY_CHANCE: Final = frozenset(
    {"ran", "run", "runs", "running", "bumped", "bump", "bumps", "bumping"}
)


# Words before "for" that make what follows an employer: "a recruiter for Tyson".
_WORKS_FOR: Final = frozenset(
    {"works", "worked", "working", "work", "recruiter", "recruits", "recruiting", "hires"}
    | {"hiring", "manager", "engineer", "driver", "contractor", "contracts", "consultant"}
)


def _in_a_place_name(tokens: tuple[Token, ...], i: int) -> bool:
    """Is the given name at i, inside a sentence, part of a place or an organisation's name
    ("TSMC Arizona", "Teach For America", "in Kaiser IT") rather than a person?"""
    prev = tokens[i - 1]
    if prev.low in _PLACE_BEFORE:
        # "ran into Yvette at HEB", "bumped into Kofi": a person met, not a place gone into.
        return not (prev.low == "into" and i > 1 and tokens[i - 2].low in _MET_BY_CHANCE)
    if prev.text == "&" and i > 1 and tokens[i - 2].is_cap:
        return True  # "the Pratt & Whitney machinist program": a firm's name
    if prev.low == "for" and i > 1 and tokens[i - 2].low in _WORKS_FOR:
        return True  # "her husband is a recruiter for Tyson", "works for Kohler"
    # After another capitalised word that is not a title: the tail of a longer proper name.
    return (
        prev.is_cap
        and prev.is_word
        and not _clause_initial(tokens, i - 1)
        and prev.low not in _GREETINGS
        and prev.low.rstrip(".") not in TITLES
        and prev.low not in ADDRESS_BEFORE
        and not prev.text.startswith(MENTION_PREFIX)
    )


def _note_head(tokens: tuple[Token, ...]) -> bool:
    """A note that opens with a name, then a mark or the ask: "kenji coffee tmrw -> ask him …",
    "olu 🙏 ask him to …" (the emoji is gone by now)."""
    if len(tokens) > 1 and tokens[1].low in REQUEST_VERBS:
        return True
    return any(tok.text in _LEAD_MARKS for tok in tokens[1:5])


# Verbs after an unknown first word that make it a person when a he/she later points back:
# "Kaveh runs the Python meetup. … ask him", "Rin mentioned … her company" ("is", "has" and
# "posted" are left out: a company does those too, and "Target is hiring; ask her …" names no one).
_PERSON_SUBJECT_VERBS: Final = _SUBJECT_VERBS - {"is", "was", "has", "had", "got", "posted", "just"}


def _verb_after(tokens: tuple[Token, ...], k: int) -> str:
    """The word at k, or the verb after an adverb there ("Sakura-san kindly offered …")."""
    if k >= len(tokens):
        return ""
    low = tokens[k].low
    if low.endswith("ly") and k + 1 < len(tokens) and tokens[k + 1].low in _SUBJECT_VERBS:
        return tokens[k + 1].low
    return low


def _subject_referred_to(ct: CleanText, i: int) -> bool:
    """An unknown capitalised word opening a sentence, as the subject of a person's verb, and
    pointed back to by he/she/him/her: "Kaveh runs the Python meetup. Ask him …"."""
    tokens = ct.tokens
    tok = tokens[i]
    if _verb_after(tokens, i + 1) not in _PERSON_SUBJECT_VERBS:
        return False
    if tok.low in COMMON_WORDS or tok.low in _MENTION_STOP or _company_shaped(tok.text):
        return False
    return _GENDERED.search(ct.low, tokens[i + 1].end, tokens[i + 1].end + 160) is not None


def _lower_subject_referred_to(ct: CleanText, i: int) -> bool:
    """A lowercase given name opening a clause, pointed back to by he/she/him/her (or a
    singular they) in its next sentences: "sam owes me one lol. asking him …", "ok so alexis
    from the slack said …, asking her …", "kai interviewed at Duolingo. asking them …"."""
    tokens = ct.tokens
    if i + 2 >= len(tokens) or tokens[i + 1].low in REQUEST_VERBS:
        return False
    if not _clause_initial(tokens, i):
        return False
    end = tokens[i].end
    return (
        _GENDERED.search(ct.low, end, end + 160) is not None
        or _THEY.search(ct.low, end, end + 160) is not None
    )


_THEY: Final = re.compile(r"\b(?:they|them|their)\b")
# Words that may come before the subject of a clause: "ok so alexis said …", "btw Nadia is …".
_FILLERS: Final = frozenset(
    {"ok", "okay", "so", "also", "btw", "and", "but", "then", "hey", "well", "anyway", "plus"}
    | {"oh", "lol", "yeah", "yes", "update", "coach", "today", "tomorrow", "tonight", "fyi"}
)


def _clause_initial(tokens: tuple[Token, ...], i: int) -> bool:
    """Does token i open a clause: the message's first word, after a sentence mark, or after
    a few words of filler ("ok so", "btw")?"""
    k = i
    while k > 0 and i - k < 3 and tokens[k - 1].low in _FILLERS:
        k -= 1
    return k == 0 or tokens[k - 1].text in _SENTENCE_MARKS


def _possessive_subject(ct: CleanText, i: int) -> tuple[Ref, int] | None:
    """ "Carla's husband is a recruiter … asking her …", "Maya's speaking, … ask her": a known
    given name opening a clause with "'s" (for "is", or owning someone), pointed back to."""
    tokens = ct.tokens
    tok = tokens[i]
    name = tok.low[:-2]
    if not _given_name(name) or name in _MENTION_STOP or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1].low
    if not (nxt in _AFTER_IS or nxt.endswith("ing")) and (
        _GENDERED.search(ct.low, tok.end, tok.end + 160) is None
    ):
        return None
    stop = tok.end - 2
    return Ref(PERSON, ct.text[tok.start : stop], tok.start, stop, MENTION), i + 1


# Words after "X's" that read it as "X is": "vero's on the podcast team", "maya's reviewing …".
_AFTER_IS: Final = frozenset(
    {"on", "at", "in", "with", "now", "still", "already", "been", "a", "an"}
    # "shazza's the roster coordinator …", "sharon's my old boss": "'s the" is never "of"
    | {"the", "my", "our", "also", "basically"}
)


def _contracted_subject(ct: CleanText) -> Ref | None:
    """A given name opening the message with "'s" for "is": "vero's on the Spotify team — …",
    "maya's reviewing my resume tonight" (not "vero's team")."""
    tokens = ct.tokens
    if len(tokens) < 3 or not tokens[0].low.endswith("'s"):
        return None
    nxt = tokens[1].low
    if not _given_name(tokens[0].low[:-2]) or not (nxt in _AFTER_IS or nxt.endswith("ing")):
        return None
    start = tokens[0].start
    return Ref(PERSON, ct.text[start : tokens[0].end - 2], start, tokens[0].end - 2, MENTION)


def _mention_ref(ct: CleanText, i: int, end: int) -> Ref:
    start, stop = ct.tokens[i].start, ct.tokens[end - 1].end
    addressed = _addressed(ct.tokens, i, end)
    return Ref(PERSON, ct.text[start:stop], start, stop, MENTION, addressed=addressed)


# Greetings before a name spoken to: "hey Jo!", "Hi Greta!", "yo <@U…>".
_GREETINGS: Final = frozenset(
    {"hey", "hi", "hello", "yo", "dear", "hiya", "heya", "heyy", "hii", "hiii", "morning", "ok"}
)
# What may follow a name spoken to: a mark, a greeting, or the request itself.
_AFTER_ADDRESS: Final = frozenset(
    {",", "!", "—", ":", "-", ".", "?", "hey", "hi", "hello", "could", "would", "can", "will"}
    | {"if", "do", "are", "pls", "please", "ty", "thanks", "thank", "quick", "so", "sorry"}
    # "Tshepo refer me to Luno pls": a favour asked straight out, in the imperative
    | {"refer", "intro", "introduce", "forward", "recommend", "vouch"}
)


def _addressed(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    """Is the person at tokens[i:end] spoken to, as a message or a quoted one opens ("hey Jo!
    would you …", "<@U…> could you …", "sending: "hi Tiffany! could you …")?"""
    if (
        i > 1
        and tokens[i - 1].text == ","
        and (end >= len(tokens) or tokens[end].text in ("?", "!", "."))
    ):
        return True  # "could you refer me for the QA role, Sam?": spoken to at the end
    k = i
    if k > 0 and tokens[k - 1].low in _GREETINGS:
        k -= 1
    if k > 0 and tokens[k - 1].text not in ('"', "'", ":", "."):
        return False
    if k == 0 and tokens[i].text.startswith(MENTION_PREFIX):
        return True  # a message that opens with a mention speaks to them
    return end >= len(tokens) or tokens[end].low in _AFTER_ADDRESS or tokens[end].low in _GREETINGS


def _inside_a_proper_name(tokens: tuple[Token, ...], i: int) -> bool:
    """ "from the Royal Mail days": a capitalised verb inside a name, not an ask."""
    return (
        i > 1
        and tokens[i].is_cap
        and not tokens[i].text.isupper()  # "should I DM Paula": the verb, in capitals
        and tokens[i - 1].is_cap
        and tokens[i - 1].is_word
        and tokens[i - 1].low not in _I_WORDS
        and not tokens[i - 1].low.startswith("i'")  # "I'll Text Jo"
        and tokens[i - 2].is_word
    )


def find_refs(ct: CleanText) -> list[Ref]:
    """Every person slot in the message, in order, with pronouns and implicit asks resolved."""
    tokens = ct.tokens
    refs: list[Ref] = []
    i = 0
    count = len(tokens)
    if not count:
        return refs
    # A note's leading person needs a separator among its first words; a bullet before the
    # note ("- derek: referral @ HubSpot") is passed over.
    head = replace(ct, tokens=tokens[1:]) if count > 3 and tokens[0].text in _BULLETS else ct
    if count > 4 and head.tokens[0].low in _DAY_HEADERS and head.tokens[1].text in (":", "-"):
        # "Mon: Priya → intro to the CFO at Klarna": the day, then the note's person.
        head = replace(ct, tokens=head.tokens[2:])
    lead = (
        None
        if _LEAD_MARKS.isdisjoint(ct.words)
        and not _dotted_favour(head.tokens)
        and not _name_then_favour(head.tokens)
        and count != 2
        and "to" not in map(_LOW, head.tokens[1:4])
        else _lead_person(head)
    )
    if lead is None:
        lead = _contracted_subject(head)
    if lead is None and count > 4 and tokens[0].low == "the":
        lead = _post_heading(ct)
    if (lead is None or lead.source is LEAD) and not (
        REQUEST_VERBS_AFTER.isdisjoint(ct.words) and _POSTPOSITIONS.isdisjoint(ct.words)
    ):
        lead = _asked_in_another_language(head) or lead
    if lead is None and count > 4 and tokens[1].low in _I_WORDS:
        lead = _spoken_to_first(ct)
    if lead is not None:
        refs.append(lead)
    # Only verbs can open a slot, and only capitalised words, given names and "my"/"our" can
    # start a person named in passing: every other word is passed over in one comprehension.
    starts = [k for k, t in enumerate(tokens) if t.low in _SLOT_WORDS or t.text[0].isupper()]
    for start in starts:
        if start < i:
            continue  # inside a slot already read
        i = start
        tok = tokens[i]
        if (
            tok.low in _CLITIC_ASKS
            and i
            and tokens[i - 1].low in _CLITICS
            and (tok.low in _SPANISH_ASKS) is (tokens[i - 1].low in ("le", "les"))
            # "le pregunto a Lucía …", "je lui demande à Awa": the name after "a"/"à" is asked
            and not (i + 1 < count and tokens[i + 1].low in ("a", "à", "al"))
        ):
            # "Hervé est tech lead chez Gozem. je lui demande s'il peut …": asked of the person
            # named before, as "ask him" is.
            plural = _CLITICS[tokens[i - 1].low]
            nxt = tokens[i + 1].low if i + 1 < count else ""
            refs.append(
                Ref(PRONOUN, tokens[i - 1].text, tokens[i - 1].start, tok.end, REQUEST, plural, nxt)
            )
            i += 1
            continue
        if tok.low not in _VERB_STARTS:
            mention = _mention_at(ct, i)
            if mention is None:
                i += 1
            else:
                refs.append(mention[0])
                i = mention[1]
            continue
        source: Source | None = None
        n = _phrase_at(tokens, i, _REQUEST_INDEX)
        if n:
            source = REQUEST
        elif (
            (tok.low in REQUEST_VERBS and not _inside_a_proper_name(tokens, i))
            or _has_do(tokens, i)
            or _has_do_relation(ct, i)
        ):
            n, source = 1, REQUEST
        else:
            n = _phrase_at(tokens, i, _TALK_INDEX)
            if n:
                source = TALK
            else:
                n = _phrase_at(tokens, i, _SOCIAL_INDEX)
                if n:
                    source = SOCIAL
        if source is None and tok.low == "from" and i > 0 and tokens[i - 1].low in _FAVOUR_NOUNS:
            n, source = 1, Source.FROM
        elif source is None and tok.low == "from" and _what_i_need(tokens, i):
            n, source = 1, Source.FROM  # "a reference is what I need from Faith"
        elif source is None and tok.low == "from" and _after_a_noted_favour(tokens, i):
            n, source = 1, Source.FROM  # "a reference for the Sisk job. from Declan."
        if source is None:
            mention = _mention_at(ct, i)
            if mention is not None:
                refs.append(mention[0])
                i = mention[1]
                continue
        if (
            source is TALK
            and i > 1
            and tokens[i - 1].low == "to"
            and refs
            and refs[-1].source is REQUEST
            and refs[-1].end == tokens[i - 2].end
        ):
            # "ask Khaled to talk to his friend the HR manager …": the talking is the favour
            # asked of Khaled, not a new ask of the friend.
            i += 1
            continue
        if source is None or (source is REQUEST and _not_a_new_ask(tokens, i, n)):
            # "ask her to email the recruiter": the second verb is the favour, not a new ask.
            i += 1
            continue
        j = i + n
        # "ask him/her" may be followed by "out": skip filler between verb and object.
        if source is REQUEST and j < count and tokens[j].low in ("up", "back", "again"):
            j += 1
        if j + 1 < count and tokens[j].text == "@":  # "ask @Jim" typed as plain text
            j += 1
        elif _ask_then_colon(tokens, j, source):
            j += 1  # "today's ask: <@U…> for a referral"
            noted = parse_object(ct, j, strong=True, verb=tok.low)
            # "today's ask: Alexei (ex-Shopify) — intro to …": an aside may follow the person.
            mark = _past_aside(tokens, noted[2]) if noted is not None else count
            if (
                not refs
                and noted is not None
                and noted[0] is PERSON
                and mark < count
                and tokens[mark].text in ("→", "-", "—", "=")
            ):
                # "ask: <@U…> → referral, Asana": a note headed by the person asked.
                end = tokens[mark].end
                refs.append(Ref(PERSON, noted[1], tok.start, end, LEAD))
                i = mark + 1
                continue
        elif (
            source is REQUEST
            and j + 1 < count
            and (
                (tokens[j].low == "to" and tok.low in _TO_PERSON)
                or (tokens[j].low == "with" and tok.low in ("contact", "contacting"))
            )
            and (
                _is_name(tokens[j + 1])
                or tokens[j + 1].low in GIVEN_NAMES
                # "I will ask to my cousin who works in Nubank …": a relation follows.
                or (tokens[j + 1].low in _MY and tok.low in _TO_PERSON)
            )
        ):
            # "ask to Marta for a referral", "contact with Ngoc": a learner's frame, the person
            # follows; "msg to Jonno: …", "email to Dana": a message to the person.
            j += 1
        if source is REQUEST and _requests_a_thing(tokens, i, j):
            i = j  # the person follows "from": "request a referral from Dana"
            continue
        parsed = parse_object(ct, j, strong=source is not SOCIAL or n > 1, verb=tok.low)
        if parsed is None and source is REQUEST and tok.low in _SEND_VERBS:
            # "send my resume to Kevin": the person comes after the document.
            for k in range(j, min(count, j + 7)):
                if tokens[k].low in ("to", "with") and not tokens[k - 1].low.endswith("ing"):
                    parsed = parse_object(ct, k + 1, strong=True, verb=tok.low)
                    sent = {t.low for t in tokens[j:k]}
                    if (
                        (parsed is None or parsed[0] is ORG)
                        and not _MESSAGES.isdisjoint(sent)
                        and _THANK_WORDS.isdisjoint(sent)
                    ):
                        # "send a few cold emails to NGOs in Nairobi": people written to, an
                        # ask meant, no one in particular.
                        refs.append(Ref(GENERIC, "", tok.start, tokens[k].end, source))
                        parsed = None
                        j = k + 1
                    break
                if not tokens[k].is_word:
                    break
            if parsed is not None and parsed[0] is ORG:
                # Sending a resume to a company is applying, not asking a person.
                parsed = None
        if parsed is None and source is REQUEST and tok.low in _CONTACT_VERBS:
            parsed = _an_agency(ct, j)  # "call the staffing agency": an organisation asked
        if parsed is None and source is REQUEST and n > 1 and tok.low != "see":
            # "reach out to former coworkers": an ask is intended even if we cannot read whom.
            refs.append(Ref(GENERIC, "", tok.start, tokens[j - 1].end, source))
            i = j
            continue
        if parsed is None:
            if source is REQUEST and tok.low in ("ask", "asks", "asking", "request"):
                # "ask for a referral", "asking which …": the person was named earlier, if at all.
                if _small_talk(tokens, j):
                    i = j
                    continue
                if j < count and tokens[j].low == "around":
                    # "ask around for a referral": whoever will listen, no one in particular.
                    refs.append(Ref(GENERIC, "", tok.start, tokens[j].end, source))
                    i = j + 1
                    continue
                end = tokens[j - 1].end
                nxt = tokens[j].low if j < count else ""
                refs.append(Ref(IMPLICIT, "", tok.start, end, source, next_low=nxt))
            i = j
            continue
        kind, text, end_index, plural = parsed
        if tok.low == "see" and not _see_if_asks(tokens, end_index):
            # "see if she is free" is not an ask; "see if she can refer me" is. A person seen
            # is named in passing: "if I see Omar at the expo I'll ask him …" asks Omar.
            if kind is PERSON:
                stop = tokens[end_index - 1].end
                refs.append(Ref(kind, text, tokens[j].start, stop, MENTION))
            i = end_index
            continue
        if source is REQUEST and (
            _small_talk(tokens, end_index)
            or (not _THANKS.isdisjoint(ct.words) and _thanks(tokens, i + 1, end_index + 6))
        ):
            source = Source.SOCIAL
        if kind is RefKind.PERSON and end_index + 1 < count and tokens[end_index].low in _JOINS:
            other = _joined_person(ct, end_index + 1)
            if other > end_index + 1:
                # "ask paul and sara for referrals", "tom or jerry, whoever answers": two
                # people, not one identifiable person.
                kind, plural, end_index = RefKind.GENERIC, True, other
                text = ct.text[tokens[j].start : tokens[end_index - 1].end]
        nxt = tokens[end_index].low if end_index < count else ""
        refs.append(
            Ref(kind, text, tok.start, tokens[end_index - 1].end, source, plural, next_low=nxt)
        )
        i = end_index
    if "is" in ct.words and "ask" in ct.words:
        named = _ask_is_person(ct)
        if named is not None and all(r.start != named.start for r in refs):
            refs = sorted([*refs, named], key=lambda r: r.start)
    if "is" in ct.words and not _CLEFT_HEADS.isdisjoint(ct.words):
        refs = _with_cleft(refs, _cleft_people(ct))
    if "your" in ct.words or not (_SEE_IF.isdisjoint(ct.words) or _THEIRS.isdisjoint(ct.words)):
        refs = _through_them(refs, ct.low)
    if not _HINDI_PRONOUNS.isdisjoint(ct.words):
        refs = sorted([*refs, *_asked_as_unse(ct)], key=lambda r: r.start)
    if "to" in ct.words and not _CONTACT_WORDS.isdisjoint(ct.words):
        refs = _contacted_for_them(refs, ct.low)
    if lead is not None and lead.source is LEAD:
        # "Kak Siti, ask her …": the name read again inside the note's person is no second one.
        refs = [
            r
            for r in refs
            if r is lead
            or r.addressed  # "Priya — do you think you could …": spoken to, kept
            or not (r.source is MENTION and lead.start <= r.start and r.end <= lead.end)
            or not lead.text.endswith(r.text)
        ]
    return _resolve(refs)


# "asking him today to call …": the one the person asked will contact for the member.
# (A slot read after a verb starts at the verb.)
_TO_CONTACT: Final = re.compile(r"\s(?:[\w']+\s){0,2}?to\s")
_CONTACT: Final = ("call ", "ring ", "text ", "email ", "message ", "contact ", "phone ")
_CONTACT_WORDS: Final = frozenset(word.strip() for word in _CONTACT)


def _contacted_for_them(refs: list[Ref], low: str) -> list[Ref]:
    """ "asking him today to call the supervisor at Pilgrim's Pride … and recommend me": the
    supervisor is called by the person asked, not asked by the member; named in passing. And
    "ask Gramps to call his old buddy Herb … and ask if they'll let me interview": the second
    asking is Gramps's too."""
    kept = refs[:1]
    contacting: Ref | None = None  # the person asked to contact someone for the member
    for before, ref in pairwise(refs):
        to = _TO_CONTACT.match(low, before.end)
        if (
            before.source is REQUEST
            and before.kind in (PERSON, PRONOUN)
            and to is not None
            and low.startswith(_CONTACT, to.end())
        ):
            contacting = before
        if contacting is not None and ref.source is REQUEST and ref is not contacting:
            if ref.kind is IMPLICIT and low.endswith(" and ", 0, ref.start):
                if contacting.kind is PERSON:
                    ref = ref._replace(kind=PERSON, text=contacting.text)
            elif low.startswith(_CONTACT, ref.start):
                ref = ref._replace(source=MENTION)
        kept.append(ref)
    return kept


# Hindi / Urdu pronouns for the person asked: "Farhan bhai Aramco mein hai, unse poochna hai
# ki …" (from him), "usko request karna hai" (to him).
_HINDI_PRONOUNS: Final = frozenset({"unse", "usse", "inse", "unko", "usko", "inko", "unhe"})


def _asked_as_unse(ct: CleanText) -> list[Ref]:
    """A Hindi pronoun followed, within three words, by a verb of asking: asked of the person
    named before, as "ask him" is."""
    tokens = ct.tokens
    found = []
    for k, tok in enumerate(tokens):
        if tok.low in _HINDI_PRONOUNS and any(
            t.low in REQUEST_VERBS_AFTER or t.low in _ASKED_AFTER_POSTPOSITION
            for t in tokens[k + 1 : k + 4]
        ):
            nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
            found.append(Ref(PRONOUN, tok.text, tok.start, tok.end, REQUEST, False, nxt))
    return found


# What an ask is said to be, never who: "my ask is simple", "my ask today is small".
_ASK_IS_WORDS: Final = frozenset(
    {"simple", "easy", "small", "quick", "short", "big", "same", "different", "this", "that"}
    | {"basic", "tiny", "clear", "specific", "straightforward", "as", "like", "still", "done"}
)


def _ask_is_person(ct: CleanText) -> Ref | None:
    """ "my ask today is pablo my old teammate at rappi, i will ask him …", "today my ask is to
    kofi from my church": the person the member's ask is for, named after "my ask is". A note's
    person when a favour follows a mark ("my ask is Dana, referral at Stripe"); otherwise named
    in passing, for "ask him" to point back to."""
    tokens = ct.tokens
    count = len(tokens)
    for k in range(1, count - 2):
        if tokens[k].low != "ask" or tokens[k - 1].low not in ("my", "today's", "todays"):
            continue
        j = k + 1
        if tokens[j].low in ("today", "tomorrow") or tokens[j].low == "for":
            j += 1 if tokens[j].low != "for" else 2  # "my ask for today is"
        if j >= count or tokens[j].low != "is":
            return None
        j += 1
        if j + 1 < count and tokens[j].low in _ASK_IS_WORDS and tokens[j + 1].text == ":":
            j += 2  # "my ask is simple: Nour to send me …"
        if j < count and tokens[j].low in ("to", "for"):
            j += 1  # "my ask is to kofi", "my ask today is for Dana"
        if j >= count or tokens[j].low in _ASK_IS_WORDS or tokens[j].low in COMMON_WORDS:
            return None
        parsed = parse_object(ct, j, strong=True)
        if parsed is None or parsed[0] is not PERSON:
            return None
        kind, said, end, plural = parsed
        if _to_do_for_me(tokens, end):  # "… is simple: Nour to send me the referral link"
            return Ref(kind, said, tokens[k - 1].start, tokens[end].end, LEAD, plural)
        mark = _past_aside(tokens, end)
        if mark < count and tokens[mark].text in (":", ",", "→", "—", "-"):
            return Ref(kind, said, tokens[k - 1].start, tokens[mark].end, LEAD, plural)
        return Ref(kind, said, tokens[j].start, tokens[end - 1].end, MENTION, plural)
    return None


# "I" as written in chat, opening what is said to a person named first: "steph i need you to …".
_I_WORDS: Final = frozenset({"i", "im", "i'm", "ima"})
# What the member says they do to the person spoken to: "i need you to", "im asking you".
_I_ASK_YOU: Final = frozenset({"need", "needed", "want", "asking", "ask", "beg", "begging"})
_YOU: Final = frozenset({"you", "u", "ya", "yu"})


def _spoken_to_first(ct: CleanText) -> Ref | None:
    """A person named as the message opens and spoken to, then asked: "steph i need you to be my
    referee …", "fionn im asking you lol — can you send me …". The name is asked (the favour
    follows), also lowercase when it is a known given name; "steph i need to ask about …" and
    "i need you to" with no name before it ask no one here."""
    tokens = ct.tokens
    first = tokens[0]
    k = 2
    if k < len(tokens) and tokens[k].low in ("am", "really", "just"):
        k += 1  # "jo i am asking you", "jo i really need you to"
    if k + 1 >= len(tokens) or tokens[k].low not in _I_ASK_YOU or tokens[k + 1].low not in _YOU:
        return None
    if first.text.startswith(MENTION_PREFIX):
        said = ct.mentions.get(first.text, first.text)
    elif (first.is_cap and _is_name(first)) or (
        _given_name(first.low) and first.low not in COMMON_WORDS and first.text.isalpha()
    ):
        said = first.text
    else:
        return None
    end = tokens[k + 1].end
    return Ref(PERSON, said, first.start, end, REQUEST, addressed=True)


# Verbs that contact whoever answers: "call the staffing agency", "email the recruitment firm".
_CONTACT_VERBS: Final = frozenset(
    {"call", "calling", "ring", "ringing", "phone", "phoning", "email", "emailing"}
    | {"contact", "contacting", "message", "messaging"}
)
# The head of an organisation that places or recruits people: whoever answers is asked.
_AGENCY_HEADS: Final = frozenset({"agency", "agencies", "firm", "consultancy", "company"})


def _an_agency(ct: CleanText, j: int) -> tuple[RefKind, str, int, bool] | None:
    """ "the staffing agency", "a recruitment firm", "the temp agency in town" at j: an
    organisation (asking it names no one), its head within three words of the determiner."""
    tokens = ct.tokens
    if j >= len(tokens) or tokens[j].low not in ("the", "a", "an", "my", "that", "this"):
        return None
    for k in range(j + 1, min(len(tokens), j + 4)):
        if tokens[k].low in _AGENCY_HEADS:
            if k + 1 < len(tokens) and tokens[k + 1].low in ("my", "our", "a", "an", "the"):
                return None  # "email the agency my CV": sending a thing, an application
            return ORG, ct.text[tokens[j].start : tokens[k].end], k + 1, tokens[k].low[-1] == "s"
        if not tokens[k].is_word:
            return None
    return None


# "see if his sister …", "find out whether her manager …": someone of the person's, asked through
# them.
_SEE_IF: Final = frozenset({"see", "find", "check"})
_THEIRS: Final = frozenset({"his", "her", "their"})
_SEE_IF_THEIRS: Final = re.compile(
    r"\b(?:see|find\sout|check)\s(?:if|whether)\s(?:his|her|their)\s"
)


def _through_them(refs: list[Ref], low: str) -> list[Ref]:
    """ "text Liam: could you ask your manager if …", "email Ana and see if your sister would
    refer me", "flick my mate Tane a msg, see if his sister at Xero would do a 15 min call":
    someone of theirs ("your manager", "his sister") is asked through the person the member is
    writing to, so the ask is the one made of that person: the "your …" slot is dropped."""
    kept: list[Ref] = []
    for ref in refs:
        said = ref.text.lower()
        if ref.kind is not GENERIC or not any(
            r.kind is PERSON and r.source in (REQUEST, LEAD, MENTION) for r in kept
        ):
            pass
        elif said.startswith("your "):
            continue
        elif (
            said.split(" ", 1)[0] in ("his", "her", "their")
            and _SEE_IF_THEIRS.search(low, max(0, ref.start - 20), ref.end) is not None
        ):
            # Asked of the person "his" points back to, as "see if he can …" is.
            ref = ref._replace(kind=PRONOUN, text=ref.text.split(" ", 1)[0], plural=False)
        kept.append(ref)
    return kept


def _with_cleft(refs: list[Ref], cleft: list[Ref]) -> list[Ref]:
    """The refs with the people named by cleft sentences put in order; an ask made inside the
    cleft's subject ("the person to ask for …") is the cleft's own, and a slot read inside its
    subject or its person is dropped."""
    if not cleft:
        return refs
    kept = [r for r in refs if not any(c.start <= r.start < c.end for c in cleft)]
    return sorted([*kept, *cleft], key=lambda r: r.start)


# The heads of a subject that a cleft sentence names: "the person is Tobi", "his name is
# Boateng", "the one person who can make it is my old skip-level, Andrea".
_CLEFT_HEADS: Final = frozenset({"person", "one", "guy", "woman", "man", "lady", "contact", "name"})
_CLEFT_OWNERS: Final = frozenset({"the", "his", "her", "their"})
# Words between the determiner and the head: "the only person", "the right guy".
_CLEFT_MODIFIERS: Final = frozenset(
    {"one", "only", "right", "best", "main", "key", "obvious", "real"}
)
# Words in the subject that make the person the one to be asked: "the person to ask …", "the one
# who can make it …", "the guy i'm asking …".
_CLEFT_ASKS: Final = frozenset(
    {"ask", "asking", "can", "could", "would", "will", "who'd", "who'll"}
)


def _cleft_people(ct: CleanText) -> list[Ref]:
    """People named by a cleft sentence: "the person is Tobi", "the person to ask for an intro to
    their DC lead is Yusuf", "my old first sergeant his name is Boateng".

    The person after "is" must be one (a name, a mention, a relation with a name); the subject
    is "the/his/her person, one, guy, name …" in the same sentence. A name ("his name is …")
    names someone in passing; a subject that says they are to be asked ("to ask", "who can …")
    or says nothing more ("the person is Tobi") makes them the person asked, and the ask
    written in the subject ("the person to ask for an intro …") is read as asked of them."""
    tokens = ct.tokens
    found: list[Ref] = []
    for i, tok in enumerate(tokens):
        if tok.low != "is" or i + 1 >= len(tokens):
            continue
        subject = -1
        for k in range(i - 1, max(-1, i - 16), -1):
            low = tokens[k].low
            if not tokens[k].is_word:
                break
            if low in _CLEFT_HEADS and k > 0:
                m = k - 1
                while m > 0 and k - m <= 2 and tokens[m].low in _CLEFT_MODIFIERS:
                    m -= 1
                if tokens[m].low in _CLEFT_OWNERS:
                    subject = m
                    break
        if subject < 0:
            continue
        parsed = parse_object(ct, i + 1, strong=True, verb="is")
        if parsed is None or parsed[0] is not RefKind.PERSON:
            continue
        head = next(k for k in range(subject + 1, i) if tokens[k].low in _CLEFT_HEADS)
        between = {t.low for t in tokens[head + 1 : i]}
        stop = tokens[parsed[2] - 1].end
        if tokens[head].low == "name":
            ref = Ref(RefKind.PERSON, parsed[1], tokens[i + 1].start, stop, Source.MENTION)
        elif not between or not _CLEFT_ASKS.isdisjoint(between):
            ref = Ref(RefKind.PERSON, parsed[1], tokens[subject].start, stop, Source.REQUEST)
        else:
            continue
        found.append(ref)
    return found


def _after_a_noted_favour(tokens: tuple[Token, ...], i: int) -> bool:
    """Is "from" at i the start of a clipped note's next part, after a sentence that is a
    favour alone ("a reference for the Sisk job. from Declan. today")?"""
    if i < 3 or tokens[i - 1].text != ".":
        return False
    start = i - 1
    while start > 0 and start > i - 12 and tokens[start - 1].text not in _SENTENCE_MARKS:
        start -= 1
    first = tokens[start].low
    if first in ("a", "an") and start + 1 < i:
        first = tokens[start + 1].low
    return first in _FAVOUR_NOUNS


def _see_if_asks(tokens: tuple[Token, ...], k: int) -> bool:
    """After "see if <person>": "can", "would" … ask them something ("see if she can refer
    me", "see if Mick'll ring his mate"), also after where they are from ("see if Marcy from
    the VA office can get …")."""
    if 0 < k <= len(tokens) and tokens[k - 1].low.endswith(_WILL_SUFFIXES):
        return True
    if k < len(tokens) and tokens[k].low in ("from", "at"):
        for m in range(k + 1, min(len(tokens), k + 7)):
            if tokens[m].low in _SEE_IF_ASKS:
                k = m
                break
            if not tokens[m].is_word:
                break
    return k < len(tokens) and tokens[k].low in _SEE_IF_ASKS


# Words that join two people in one slot: "paul and sara", "tom or jerry", "Ana & Luis".
_JOINS: Final = frozenset({"and", "or", "&", "/"})


def _joined_person(ct: CleanText, k: int) -> int:
    """End of a second person named at k after "and"/"or" (a mention, a capitalised name or a
    known given name), or k when the words there are not a person ("text Kwame and ask …")."""
    tokens = ct.tokens
    tok = tokens[k]
    if tok.text.startswith(MENTION_PREFIX):
        return k + 1
    if tok.low in REQUEST_VERBS or tok.low in PERSONAL_VERBS or tok.low in _SUBJECT_VERBS:
        return k
    if tok.is_cap and _is_name(tok) and _given_name(tok.low) and not company_at(tokens, k):
        return k + _name_span(tokens, k)
    if tok.low in ("my", "our", "the"):
        # "ask my old boss or my mentor", "my old foreman or the site manager": two people.
        parsed = parse_object(ct, k, strong=True)
        if parsed is not None and parsed[0] in (RefKind.PERSON, RefKind.GENERIC):
            return parsed[2]
    if not tok.is_cap and _given_name(tok.low) and tok.low not in COMMON_WORDS:
        return _lower_name_end(tokens, k)
    return k


def _not_a_new_ask(tokens: tuple[Token, ...], i: int, n: int) -> bool:
    """Is the request verb at i no new ask: a favour asked of the person before ("ask her to
    email the recruiter"), someday ("a list of people I could ask"), or a noun ("to send a
    short email to …", "from friday's phone screen")?"""
    count = len(tokens)
    prev = tokens[i - 1].low if i else ""
    if i >= 2:
        before = tokens[i - 2].low
        if (
            prev == "to"
            and before not in _SELF_TO
            and not _a_time(before)
            and not (before in _DAYS_TO and i > 2 and tokens[i - 3].low not in _ASKED_OBJECTS)
        ):
            return True
        if (
            prev in ("could", "can", "might", "should")
            and before in ("i", "we")
            and (i + 1 >= count or not tokens[i + 1].is_word)
        ):
            return True
        if n == 1 and prev in _NOUN_BEFORE and before in ("send", "sending", "write", "a"):
            return True
    # "friday's phone screen", but "today's ask: <@U…> for a referral" is an ask.
    return n == 1 and prev.endswith("'s") and (i + 1 >= count or tokens[i + 1].text != ":")


_ASKED_OBJECTS: Final = frozenset({"him", "her", "them", "me", "us"})


def _a_time(low: str) -> bool:
    """ "at 2", "at 5pm", "at 10:30": a time, as in "office hours at 2 to ask if she'll …"."""
    return low[:1].isdigit() and (low.isdigit() or low.endswith(("am", "pm")) or ":" in low)


def _ask_then_colon(tokens: tuple[Token, ...], j: int, source: Source | None) -> bool:
    """ "ask: <@U…> for a referral", "ask: Dana, intro to …": the person follows the colon."""
    if source is not REQUEST or j + 1 >= len(tokens) or tokens[j].text != ":":
        return False
    nxt = tokens[j + 1]
    return nxt.text.startswith(MENTION_PREFIX) or (nxt.is_cap and _given_name(nxt.low))


def _requests_a_thing(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """ "request a LinkedIn recommendation from my former CO": the object of "request" is the
    favour, and the person asked is named after "from" (a Source.FROM ref), not the object."""
    if tokens[i].low not in ("request", "requesting") or j >= len(tokens):
        return False
    if tokens[j].low not in ("a", "an"):
        return False
    for k in range(j + 1, min(len(tokens), j + 5)):
        if tokens[k].low == "from":
            return tokens[k - 1].low in _FAVOUR_NOUNS
    return False


def _resolve(refs: list[Ref]) -> list[Ref]:
    """Replace pronouns and implicit asks with the person they stand for."""
    resolved: list[Ref] = []
    # The latest person, and the latest person-or-group: one pass, no rescans (long inputs).
    last_person: Ref | None = None
    last_any: Ref | None = None
    for ref in refs:
        if ref.kind in (PRONOUN, IMPLICIT):
            wide = ref.kind is IMPLICIT or ref.plural
            antecedent = last_any if wide else last_person
            if antecedent is not None:
                ref = ref._replace(
                    kind=antecedent.kind, text=antecedent.text, plural=antecedent.plural
                )
            elif ref.kind is PRONOUN:
                ref = ref._replace(kind=GENERIC)
        if ref.kind is PERSON:
            last_person = ref
        if ref.kind in (PERSON, GENERIC, ORG):
            last_any = ref
        resolved.append(ref)
    return resolved
