"""What is being asked for: find the favours in a planned ask and judge if each is concrete.

A favour is concrete when someone could do it today and the member would know it was done: an
intro to someone in particular, a referral, a reference, a review of a named document, names at
named companies, an answer to a named question. "Help", "advice", "leads", "opportunities" and
"feedback" on nothing in particular are not.

Speed: a regex scan of the whole message costs more than the rest of a pattern's work, so each
pattern is only run when the message's set of lowercase words (`CleanText.words`, which also
holds the pieces of joined words: "tear-down" gives "tear" and "down") holds one of the words
every match of it contains. The word sets sit beside the patterns; where a pattern is built from
a list (`_DOC_REVIEW_NOUNS`), its set is built from the same list, so adding a word there just
works. Where a set is written by hand, a word added to the pattern must be added to its set too:
`GATED_PATTERNS` lists each pattern with its set(s), and tests/coaching/test_gates.py fails when
a labelled ask holds a match that its gate would skip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from enum import StrEnum
from operator import attrgetter
from typing import Final, NamedTuple

from bot.coaching.first_chars import compile_gated
from bot.coaching.lexicon import (
    COMMON_WORDS,
    CORE_DOCUMENTS,
    DOCUMENTS,
    GIVEN_NAMES,
    INFO_NOUNS,
    JOB_WORDS,
    NOT_NAMES,
    REQUEST_VERBS_AFTER,
    ROLE_NOUNS,
    VAGUE_QUESTION_WORDS,
    WHICH_NOUNS,
    WORKER_ROLES,
)
from bot.coaching.text import TOKEN


class RequestKind(StrEnum):
    """The kind of favour requested."""

    INTRODUCTION = "introduction"
    REFERRAL = "referral"
    REFERENCE = "reference"
    REVIEW = "review"
    ADVICE = "advice"
    INFORMATION = "information"
    OTHER = "other"


# The members as module names (the same objects), read instead of `RequestKind.X`: on CPython 3.11
# a member read through its class costs about 0.16 µs more (see `bot.coaching.people.PERSON`).
# (One a line, Final: compiled, each is then read from a C static, not the module's dict.)
INTRODUCTION: Final = RequestKind.INTRODUCTION
REFERRAL: Final = RequestKind.REFERRAL
REFERENCE: Final = RequestKind.REFERENCE
REVIEW: Final = RequestKind.REVIEW
ADVICE: Final = RequestKind.ADVICE
INFORMATION: Final = RequestKind.INFORMATION
OTHER: Final = RequestKind.OTHER


class Favour(NamedTuple):
    """One favour found in the text (character offsets into the cleaned lowercase text).

    A named tuple, not a frozen dataclass: cheaper to build, and favours are many."""

    kind: RequestKind
    start: int
    end: int
    concrete: bool
    what: str
    requested: bool  # phrased as something another person is asked to do


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """Entries of a word list as one regex alternation, longest first (so "cover letter" is
    tried before "cover")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DOC: Final = rf"(?:{alternation(DOCUMENTS)})"
_DET: Final = r"\b(?:my|the|this|our|his|her|their|a|an|both|all|some)"
# "my GitHub repo", "the take-home": a second document word ends the phrase when it follows.
# Job-search documents are named without a determiner too: "ask kemal review resume".
_DOC_PHRASE: Final = (
    rf"(?:{_DET}\s(?:[\w'&.\"“”-]+\s){{0,5}}?{_DOC}(?:\s{_DOC})?\b|\bmine\b"
    rf"|\b(?:{alternation(CORE_DOCUMENTS)})\b)"
)

# Where a clause ends: a later clause is a new thought ("…, then update my resume").
# A full stop ends a sentence unless it ends an abbreviation ("Dr.", "U.S.", "C.H.").
DOT_END: Final = (
    r"(?=\s|$)(?<!\bdr\.)(?<!\bmr\.)(?<!\bms\.)(?<!\bmrs\.)(?<!\bprof\.)(?<!\bst\.)"
    r"(?<!\bjr\.)(?<!\bsr\.)(?<!\bsgt\.)(?<!\bvs\.)(?<!\binc\.)(?<!\bco\.)(?<!\brev\.)"
    r"(?<!\bcapt\.)(?<![^\w'][a-z]\.)(?<!^[a-z]\.)"
)
_STOP: Final = rf"\.{DOT_END}|[;!?]"


def _breaks(words: str, after_comma: str) -> re.Pattern[str]:
    """A break: a stop, a dash between spaces, one of `words` after a space or a comma, or a
    comma followed by `after_comma`. Every match starts with one character class and
    lookbehinds pick the branch, so the regex engine jumps from one such character to the next
    instead of trying each branch at each position (several times faster)."""
    # (The branches exclude each other by the character read, so the space's, the commonest,
    # comes first, and the others are not tried after a space.)
    return re.compile(
        rf"[.;!?,\s](?:(?<=\s)(?:[—→]\s|(?:{words})\s)"
        rf"|(?<!\s)(?:(?<=\.){DOT_END}|(?<=[;!?])|(?<=,)(?:\s(?:{words})\s|{after_comma})))"
    )


_CLAUSE_END: Final = _breaks("and|then|but|so|plus|also|or", r"\s")
_STRONG_END: Final = _breaks("then|but|so|plus|also", r"\s")
# A comma before a new subject ends the favour too: "…forward my CV, he offered last week".
_SENTENCE_END: Final = _breaks(
    "then|but|so|plus|also|since|because",
    r"\s(?:(?:and\s)?(?=ask)|(?=(?:he|she|they|he's|she's|they're|i'm|i'll|it's|that's|thats"
    r"|deadline|due|if\snot|and\sif\snot|reminding|chasing|nudging)\s))",
)
# "ask Keisha to share the posting and refer me": "refer" is still under "ask … to".
_ASK_TO: Final = re.compile(r"\b(?:ask|asks|asking|get|have|want|need)\s(?:[\w'.@-]+\s){1,4}?to\s")
# "ask Bea if her company has an opening and who the hiring manager is": a second question
# is still under "ask … if" (a second deed, "… and send my CV", is the member's).
_ASK_IF: Final = re.compile(r"\bask(?:s|ed|ing)?\s(?:[\w'.@-]+\s){1,4}?(?:if|whether)\s")
_DOC_WORD: Final = re.compile(rf"\b{_DOC}\b")
# A favour straight after "and" ("and a recommendation letter …"), a clause of its own.
_AND_BEFORE: Final = re.compile(r"\band\s(?:(?:a|an|the|my|one|some)\s)?\Z")
# "ask Sir Joel, my clinical instructor, for the Certificate of Employment and a reference for
# my Saudi MOH application": a second thing asked for under the same "ask … for".
_ASK_FOR: Final = re.compile(r"\bask(?:s|ed|ing)?\s(?:[\w'.@,()-]+\s){1,6}?for\s")
_SECOND_QUESTION: Final = re.compile(r"(?:who|what|which|whether|if|how|when|where)\b")
# "ask Roxana if her brother can meet me for coffee and introduce me to …": a deed after "and"
# under "if <someone, not the member> can …" is theirs, asked too.
_ASK_IF_THEY_CAN: Final = re.compile(
    r"\bask(?:s|ed|ing)?\s(?:[\w'.@-]+\s){1,4}?(?:if|whether)\s(?!(?:i|we|i'd|i'll)\s)"
    r"(?:[\w'.-]+\s){1,3}?(?:can|could|would|will|might)\s"
)

# How an intro is made, between "introduce me" and "to": "introduce me by email to Bola".
_MANNER: Final = (
    r"(?:\s(?:by\s(?:e-?mail|text|phone|dm|slack|linkedin)|over\s(?:e-?mail|slack|linkedin|text)"
    r"|via\s[\w-]+|on\s(?:linkedin|slack|e-?mail)|in\sperson|directly|personally|formally"
    r"|properly|virtually|quickly|warmly|online))"
)
_INTRO: Final = compile_gated(
    rf"\bintroduc(?:e|es|ed|ing)\s(?:me|us|myself)\b(?:{_MANNER}?\s(?:to|with)\b)?"
    rf"|\bintros?\s(?:me{_MANNER}?\s)?(?:to|with)\b|\bintro(?:'d|'ing|ing)?\sme\b(?:\s(?:to|with)\b)?"
    r"|\bpresent(?:s|ed|ing)?\sme\s(?:to|with)\b"
    # French: "pour un intro à sa gestionnaire chez CGI"
    r"|\bintro(?:duction)?s?\sà(?=\s)"
    r"|\bintroductions?\s(?:to|with)\b"
    r"|\bconnect(?:s|ed|ing)?\s(?:me|us)\b(?:\s(?:up\s)?(?:with|to)\b)?"
    r"|\bput(?:s|ting)?\s(?:me|us)\sin\s(?:touch|contact)(?:\swith\b)?"
    # "loop me in with your recruiter": a thread started with the person named.
    r"|\bloop(?:s|ed|ing)?\s(?:me|us)\sin\swith\b"
    r"|\b(?:hook|set)(?:s|ing)?\sme\sup\swith\b"
    # "link me up with the HR director at Nigerian Breweries" (West African English).
    r"|\blink(?:s|ed|ing)?\s(?:me|us)\s(?:up\s)?(?:with|to)\b"
    # "book me a 15 min meeting with her", "get me 10 mins with his mum": time with a third
    # person, arranged for the member.
    r"|\b(?:book|get|arrange|schedule|organi[sz]e)\s(?:me|us)\s(?:an?\s|some\s)?(?:[\w-]+\s){0,3}?"
    r"(?:meeting|call|chat|mins?|minutes|time|slot|sit-?down|meet)\s(?:with|w/)\b"
    r"|\bintro(?:duction)?\semails?\b(?:\s(?:to|with)\b)?"
    r"|\b(?:an?|email|warm|the|that|this|quick|short)\sintro(?:duction)?s?(?:\semails?)?\b"
    r"(?:\s(?:to|with)\b)?"
    r"|\bmake\s(?:an?\s)?introductions?\b(?:\s(?:to|with)\b)?"
    # "ask him for intro": the article dropped (Slavic, Chinese and Korean speakers' English).
    r"|\bfor\sintro(?:duction)?s?\b(?:\s(?:to|with)\b)?"
    # "cc me on an email to the head of procurement": an intro by email.
    r"|\bcc(?:'d|s)?\sme\s(?:on|in)\s(?:an?|the|his|her|their)\s(?:[\w-]+\s)?emails?\s(?:to|with)\b"
)
_REFERRAL: Final = compile_gated(
    r"\brefer(?:s|red|ed|ring|ing)?\s(?:me|him|her|them|my\sname)\b"
    r"(?!\s(?:somewhere|anywhere|around|to\s(?:someone|anyone|people|somewhere)))"
    # A referral asked for ("for a referral", "a referral to …"), not one talked about
    # ("about referrals", "his referral", "the referral program").
    # The favour starts after "for " (the empty group `w` marks where): no lookbehind, which
    # would be tried at every position of the message.
    r"|\b(?:(?:for|get|request|requesting)\s(?P<w>)|(?:an?|one)\s)"
    # ("for the referral for the backend role": the one referral, with its target, or the one
    # the message spoke of: "ask Larissa for the referral today before the vaga closes")
    r"(?!(?:few|couple|some|more|any)\s|the\s(?!referral(?:\s(?:for|to|at|into|today|tonight"
    r"|tomorrow|tmrw|this|now|asap|before|by|pls|please)\s|\s?[.,!?;]|$)))"
    r"(?:[\w&.'-]+\s){0,2}?referrals?\b(?!\s(?:program|programs|bonus|bonuses|policy|link|portal"
    r"|process))"
    r"|\bsubmit(?:s|ted|ting)?\s(?:me|my\sname)\s(?:as|for)\s(?:an?\s)?(?:[\w-]+\s)?"
    r"(?:referral|candidate)\b"
    r"|\b(?=referral)(?<!\bhis\s)(?<!\bher\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\byour\s)(?<!\bmy\s)"
    r"referrals?\s(?:for|to|at|into|from)\s"
    r"|\bput\s(?:in\s)?a\s(?:good\s|kind\s)?word\b|\bgood\sword\b"
    # "ping the CPO to flag my application": put in front of whoever decides.
    r"|\bflag(?:s|ged|ging)?\smy\s(?:application|candidacy|cv|resume|profile)\b"
    r"|\brecommend(?:s|ed|ing)?\sme\b"
    # "could she mention me to the head teacher for the secretary post": put forward by name.
    r"|\bmention(?:s|ed|ing)?\s(?:me|my\sname)\sto\s(?:the|his|her|their|your|ur)\s"
    # "to indicate me for a vacancy in Nubank": Brazilian Portuguese "me indicar" in English
    r"|\bindicat(?:e|es|ed|ing)\sme\s(?:for|to|at|in)\b"
    # "nominate me for the placement", "add me to the shortlist for the CTO search": put forward.
    r"|\bnominat(?:e|es|ed|ing)\s(?:me|my\sname)\sfor\s"
    r"|\badd(?:s|ed|ing)?\s(?:me|my\s(?:name|cv|resume|profile))\sto\s(?:the|his|her|their|your|ur)\s"
    r"(?:[\w-]+\s){0,2}?(?:shortlist|short-list|longlist|long-list|slate|candidate\slist)\b"
    r"|\bvouch(?:es|ed|ing)?\sfor\s(?:me|my)\b"
    # "put my name up for the next intake", "put me forward for the team lead post".
    r"|\bput(?:s|ting)?\s(?:my\sname\s(?:up|forward|in)|me\sforward)\sfor\s(?:the|a|an|this"
    r"|that|next|their|his|her)\s"
    r"|\bendors(?:e|es|ed|ing)\s(?:me|my\s(?:[\w-]+\s)?(?:application|candidacy|name))\b"
    # "submit the referral he offered": a referral already promised, now asked for.
    # "put in my referral", "re-submit my referral for the SDE role": one asked of them.
    r"|\b(?:(?:re-?)?submit|send|file|put)(?:s|ting|ing)?\s(?:in\s)?(?:the|that|his|her|their|my)\s"
    r"(?:[\w&.'-]+\s){0,2}?referral\b"
    r"|\b(?:the|a|his|her|their)\s(?:internal\s|employee\s)?referral\s(?:link|code|form)\b"
    # "move my app to the hiring manager": moved on to a person, not to a folder.
    r"|\bmov(?:e|es|ed|ing)\smy\s(?:app|application|resume|cv)\s(?:along\s|forward\s)?to\s"
    r"(?:the|his|her|their)\s(?:[\w-]+\s){0,2}?(?:manager|recruiter|lead|director|head|panel)\b"
    r"|\b(?:pass|forward|send|share|submit|hand|give|get|bring|flag|slip|walk|put|post|drop|show"
    r"|push)(?:s|es|ed|ing|ting|ped|ping)?"
    rf"\s(?:along\s|on\s)?(?:my\s(?:[\w'-]+\s){{0,2}}?(?:{_DOC}|name|info|information|work"
    r"|details|candidacy|number|phone\snumber|contact(?:\sinfo|\sdetails)?|email)(?:\s(?:link|file"
    r"|pdf))?|it|this|them|me)\s(?:along\s|over\s|on\s|up\s"
    r"|straight\s|directly\s|right\s)?(?:to|with|onto|into|internally|in\sfront\sof|forward"
    r"|on\sthe\sdesk\sof|(?<=along\s)for|in\sthe\shands\sof|in(?!\s(?:touch|contact|order|shape|line)\b)"
    # "pass along my resume for the network tech job": the job names where it goes.
    r"|for(?=\s(?:the|a|an|this|that)\s(?:[\w-]+\s){0,4}?(?:job|role|position|opening|req)\b))\b"
    # "take my cv to his manager": a document carried to a person (never "take me to …").
    rf"|\btak(?:e|es|ing)\smy\s(?:[\w'-]+\s){{0,2}}?(?:{_DOC})\s(?:straight\s|directly\s)?to"
    r"(?=\s(?:the|his|her|their)\s(?:[\w-]+\s){0,2}?(?:manager|recruiter|boss|lead|director|head"
    r"|owner|hr|supervisor|principal)\b)"
    # "… and pass on my portfolio": a document passed on, the person it goes to said before.
    rf"|\b(?:pass|forward)(?:es|ed|ing)?\s(?:along|on)\smy\s(?:[\w'-]+\s){{0,2}}?(?:{_DOC})\b"
    # "get her to forward my CV", "send him my CV for the pharmacist post": a document handed
    # on (asked of someone: the member's own "I'll send him my CV" is not requested).
    rf"|\bforward(?:s|ing)?\s(?:my\s(?:[\w'-]+\s){{0,2}}?(?:{_DOC})|(?:{alternation(CORE_DOCUMENTS)}))\b"
    rf"|\b(?:pass|send|give|hand|show)(?:s|es|ing)?\s(?:him|her|them)\smy\s(?:[\w'-]+\s){{0,2}}?"
    rf"(?:{_DOC})\b"
    # "then ask her to refer", "to refer internally": the referral asked with no object.
    r"|\brefer(?<=\bto\srefer)(?=\s?$|\s?[.!?;,)]|\s(?:internally|today|tomorrow|asap|when|once|before|after)\b)"
    # "pls forward to hiring manager": what is forwarded was named before.
    r"|\b(?<!look\s)(?<!looks\s)(?<!looking\s)(?:pass|forward)(?:es|ed|ing)?\s(?:it\s|them\s)?(?:along\s|on\s)?to\s(?:the\s|your\s|ur\s"
    r"|his\s|her\s|their\s)?(?:[\w-]+\s)?(?:hiring\smanager|recruiter|manager|boss|lead|director"
    r"|hr)\b"
)
_REFERENCE: Final = compile_gated(
    # "be a reference", "be second referee", "be one of my references".
    r"\b(?:be|act\sas|serve\sas|being)\s(?:(?:a|my|one\sof\smy)\s(?:[\w-]+\s)?(?:references?"
    r"|referees?)|(?:[\w-]+\s)?(?:reference|referee))\b"
    # "be named as referee on the Defra application", "be listed as one of my references".
    r"|\b(?:be|being)\s(?:named|listed|put\sdown|given|cited)\sas\s(?:(?:a|an|my|one\sof\smy)\s)?"
    r"(?:[\w-]+\s)?(?:references?|referees?)\b"
    # "use her as a referee", "list him as my reference": the person's name given as one.
    r"|\b(?:use|list|put|name)(?:s|d|ed|ing)?\s(?:her|him|them|you|u)\s(?:down\s)?as\s"
    r"(?:(?:an?|my)\s)?(?:[\w-]+\s)?(?:references?|referees?)\b"
    # "ok with me putting her down as my referral on the application": her name given as one
    r"|\b(?:putting|using|listing|naming)\s(?:her|him|them|you|u)\s(?:down\s)?as\s"
    r"(?:(?:an?|my)\s)?(?:[\w-]+\s)?(?:references?|referees?|referrals?|referrers?)\b"
    r"|\bgive(?:s|n)?\s(?:me\s)?(?:good\s|strong\s|phone\s)?references?\b"
    r"|\bfor\s(?:good\s)?references?\b(?![,:])"
    # "ref for the support role", "LOR for MS in Public Health": short forms.
    r"|\brefs?\s(?:for|letter|from)\b|\blors?\b"
    # "confirm my employment dates to the background check company": a reference check.
    r"|\b(?:confirm|verify)\s(?:my\s)?(?:employment|dates\sof\semployment|work\shistory"
    r"|job\stitle|years\sof\sservice)\b"
    # "confirm dates and scope of my role for the background check".
    r"|\b(?:confirm|verify)\s(?:my\s|the\s)?(?:dates|scope|title|start\sdate)(?:\s(?:and|&)\s"
    r"[\w-]+)?\sof\smy\s(?:role|employment|job|work|time|contract)\b"
    # "confirm dates for my employment verification with the new company".
    r"|\b(?:confirm|verify)\s(?:my\s|the\s)?dates\sfor\smy\s(?:employment|background|reference)"
    r"\s(?:verification|check)\b|\bemployment\sverification\b"
    r"|\breferences?\s(?:letter|check|for|form)\b"
    r"|\b(?:a|my)\sreference\b"
    # "send the reference to Greggs HR": the reference promised, now sent where it is wanted.
    r"|\b(?:send|submit|email|forward)\s(?:the|that|his|her|their)\sreference\s(?=to\s)"
    r"|\b(?:recommendation|reference|referee|rec|recc|recco|reco)\sletters?\b"
    r"|\bletters?\sof\s(?:recommendation|reference|rec|support)\b"
    # A reference letter named in Spanish, Portuguese, French, Polish, German (asks-7b).
    # (typo fixes have made "recomend" "recommend", "lettre" "letter" by then).
    r"|\bcartas?\sde\s(?:recomm?endaci[oó]n|recomm?enda[cç][aã]o|referencia|refer[eê]ncia)\b"
    r"|\blet+(?:re|er)s?\sde\s(?:recomm?andation|recommendation|r[eé]f[eé]rence)\b|\breferencje\b"
    r"|\bempfehlungsschreiben\b"
    # "a written reference", "a short character reference": one adjective before it.
    r"|\b(?:a|my|an)\s(?:written|short|good|strong|personal|character|work|job|glowing|quick"
    r"|formal|proper)\sreference\b"
    # "write a short letter confirming my English level", "write that I was a reliable aide".
    r"|\bwrite\s(?:me\s)?(?:a|an|the)\s(?:[\w-]+\s){0,2}?letters?\s(?:confirming|stating|saying"
    r"|certifying|vouching|that\s(?:i|my))\b"
    r"|\bwrite\s(?:down\s)?that\si\s(?:was|am|worked|did|have|had|led|ran|managed|completed)\b"
    # "pick up when the background check company calls her", "take a call from the Rio recruiter".
    r"|\b(?:background|reference|employment)\scheck(?:er|ers)?\s(?:[\w-]+\s)?(?:calls|rings"
    r"|phones|emails|contacts)\b"
    r"|\b(?:take|taking|pick\sup|answer)\s(?:a|the)\scall\sfrom\s(?:the\s)?(?:[\w&.'-]+\s){0,2}?"
    r"(?:recruiter|employer|hr|hiring\smanager|background\scheck|reference\scheck)\b"
    r"|\bwrite\s(?:me\s)?(?:a\s)?(?:linkedin\s)?(?:letter|(?:recommendation|reference)(?:\sletter)?)\b"
    # "write the character reference the vetting form wants", "write me a short reference".
    r"|\bwrite\s(?:me\s)?(?:a|an|the|my)\s(?:[\w-]+\s)?(?:reference|testimonial|recommendation)\b"
    # "a short endorsement for my visa application", "a letter supporting my EB-1 petition".
    r"|\b(?:an?|the|his|her|their|written)\s(?:[\w-]+\s)?endorsement\b(?!\s(?:on|of)\slinkedin)"
    r"|\bletters?\s(?:supporting|backing|in\ssupport\sof|endorsing)\s(?:my|the|me)\b"
    # "be on the reference list for Datadog", "confirm in writing that I led the redesign".
    r"|\b(?:be|go)\son\s(?:the|my|your|his|her)\s(?:[\w-]+\s)?(?:reference|referee)s?\slist\b"
    r"|\b(?:confirm|verify)\s(?:in\swriting\s)?that\si\s(?:led|ran|managed|worked|was|built"
    r"|delivered|owned|designed|supervised)\b"
    # "confirm to Bechtel that I ran the gang", "confirm in an email that my thesis was
    # submitted", "confirm my 400 hours in writing": the member's record vouched for.
    r"|\b(?:confirm|verify)\s(?:to\s[\w&.'-]+\s(?:[\w&.'-]+\s)?)?(?:in\s(?:writing|an?\se-?mail"
    r"|a\sletter)\s|by\se-?mail\s)?that\s(?:i\s(?:led|ran|managed|worked|was|built|delivered"
    r"|owned|designed|supervised|taught|did|completed|held|covered|trained)|my\s(?:[\w-]+\s)?"
    r"(?:thesis|dissertation|degree|placement|hours|employment|training|apprenticeship"
    r"|internship|qualifications?|certificate|contract|role|notice))\b"
    # "confirm my dates + title for the background check", "verify my start date for vetting".
    r"|\b(?:confirm|verify)\s(?:my\s)?(?:dates|title|job\stitle|start\sdate)(?:\s(?:and|&|\+)\s"
    r"(?:my\s)?(?:dates|title|job\stitle|role|salary|duties|responsibilities))?(?=\s[^.;!?]{0,40}?"
    r"\b(?:background|vetting|reference\scheck|employment\scheck|screening|application|employer"
    r"|offer|contract|visa)\b)"
    r"|\b(?:confirm|verify)\s(?:my|the)\s(?:\d+\s)?(?:[\w-]+\s)?(?:hours|placement|attendance|work\sexperience"
    r"|experience|qualifications?|training|supervised\shours|clinical\shours)\b"
    r"|\blinkedin\s(?:recommendation|rec|recc|reco|recco)\b|\b(?:a|my)\srecommendation\sfor\s(?:the|my|a|an)\s"
    # "ask him for a rec", "a strong reco for the grad scheme": short for a recommendation.
    r"|\bfor\s(?:a\s|an\s)?(?:quick\s|good\s|strong\s|short\s)?(?:rec|recc|reco|recco)\b"
    r"(?!\s(?:center|centre|room|league|sports|hall|time))"
)
_REVIEW: Final = compile_gated(
    r"\b(?:review(?:s|ing)?(?:\sof)?|look(?:s|ing)?\s(?:over|through|at)|read(?:s|ing)?(?:\s(?:over|through))?"
    r"|go(?:es|ing)?\s(?:over|through)|proofread(?:ing)?|proof(?:ing)?|critiqu(?:e|ing)|edit(?:ing)?"
    r"|mark(?:ing)?\sup|check(?:s|ing)?(?:\sover)?|correct(?:ing)?|fix(?:ing)?|improv(?:e|ing)"
    r"|check\sout|give\s(?:me\s)?(?:some\s|a\sfew\s|honest\s)?(?:feedback|notes|comments|input"
    r"|thoughts|pointers)\son|(?:feedback|notes|comments|input|thoughts|critique|edits|a\sreview|(?:code\s)?review"
    r"|a\ssecond\slook|a\slook|a\sonce-over|eyes|a\sread"
    r"|(?:an?\s|his\s|her\s|their\s)?(?:honest\s|quick\s|frank\s|brutal\s)(?:read|take))\son"
    r"|take\sa\s(?:quick\s)?look\sat"
    # "do a final read of my cover letter"
    r"|(?:a|one)\s(?:final|last|quick|fresh|proper)\sread(?:-through|\sthrough)?\sof"
    # "have a squiz at my cover letter", "a quick gander over my CV" (AU, UK).
    r"|(?:a\s(?:quick\s)?)?(?:squiz|gander|butchers|dekko|geez|squint)\s(?:at|over)"
    r"|tear\sapart|rip\sapart|rip\sinto|pull\sapart|sanity[- ]check|fact[- ]check|comment\son"
    r"|weigh\sin\son|red[- ]?pen"
    # "control my cover letter for grammar": "kontrollieren", "contrôler", "controllare".
    r"|control(?:s|l?ing)?)"
    # "check if my resume passes ATS", "her honest read on whether my cover letter is too long",
    # "look at slide 4 of my case study deck": a part of the document.
    r"\s(?:(?:whether|if)\s)?(?:(?:the\s)?(?:first\s|last\s|second\s)?(?:slide|page|section|part"
    r"|paragraph|bullet|bit|summary|intro|opening)s?(?:\s\d+)?\s(?:of|in|on)\s)?"
    rf"(?P<doc>{_DOC_PHRASE})"
)
# "read just that", "look over this bit": a review of the document the message named before.
_REVIEW_BACK: Final = re.compile(
    r"\b(?:read|review|proofread|critique|edit|look\sover|go\sover)\s(?:over\s)?(?:just\s|only\s)?"
    # "finish cover letter • ask <@U…> to proofread it before i send": "it", the one named before
    r"(?:that|this|it)(?:\s(?:part|bit|section|paragraph|page|one))?(?=\s?[.,;:!?—)-]|\s(?:and"
    r"|before|tonight|today|tomorrow|for\sme|please|pls)\b|$)"
)
_BACK_DOC_WORDS: Final = frozenset({"that", "this", "it"})
_DOC_BEFORE: Final = re.compile(_DOC_PHRASE)
_DOC_JOINS: Final = frozenset({" on ", " in ", " of ", " from "})
# A review named by its document first: "a resume teardown", "a portfolio review call".
_DOC_REVIEW_NOUNS: Final = (
    "review",
    "teardown",
    "tear-down",
    "critique",
    "roast",
    "audit",
    "feedback",
    "swap",
)
_DOC_REVIEW: Final = re.compile(
    rf"\b(?:{alternation(CORE_DOCUMENTS)}|take-home|take\shome|case\sstudy)"
    rf"\s(?:{'|'.join(_DOC_REVIEW_NOUNS)})\b"
    # "swap CVs with me for a review": each reviews the other's.
    rf"|\b(?:swap|exchange|trade)\s(?:{alternation(CORE_DOCUMENTS)})\b"
)
# "sign up for a free resume review": a service joined, not a favour asked.
_SIGNED_UP: Final = re.compile(r"\b(?:sign(?:ed|ing)?\sup|register|attend|join|go\sto)\b")
_SEND_DOC: Final = re.compile(
    rf"\b(?:send|sending|email|share|forward|give|show|bring|hand)\s(?:[\w'.-]+\s){{0,3}}?(?:my|the)"
    rf"\s(?:[\w'-]+\s){{0,2}}?{_DOC}\b"
)
_FEEDBACK: Final = re.compile(
    r"\b(?:feedback|tear\s(?:it|them)\sapart|thoughts|comments|notes|critique|edits|pointers"
    r"|suggestions|(?:review|proofread|critique|edit)\s(?:it|them)|look\s(?:it|them)\sover"
    r"|look\sat\s(?:it|them)|mark\s(?:(?:it|them)\s)?up|red[- ]?pen|improve\s(?:it|them)"
    # "send Anjali my CV and ask her to flag anything that reads as a gap".
    r"|flag\s(?:anything|whatever|any|issues|problems|typos|gaps|red\sflags)"
    r"|(?:spot|catch)\s(?:anything|typos|errors|mistakes))\b"
)
# Someone the person asked knows, named before the intro: "knows the MD of Databank", "knows
# the chief economist at the Reserve Bank", "knows Thandi Mokoena".
_KNOWS_SOMEONE: Final = re.compile(
    r"\bknows?\s((?:the|a|an|his|her|their)\s(?:[\w&.'-]+\s){0,4}?(?:at|of|from|in)\s"
    r"(?:the\s)?[A-Z][\w&'-]*(?:\s[A-Z][\w&'-]*){0,3}|[A-Z][a-z]+\s[A-Z][a-z]+)"
)
# Someone's contact with the apostrophe left out: "the volunteer coordinators email".
_WITHOUT_APOSTROPHE: Final = re.compile(
    r"(?:coordinator|manager|guy|wife|husband|boss|bosse|director|recruiter|sister|brother"
    r"|friend|dad|mom|mum|son|daughter|uncle|aunt|cousin|partner|supervisor|owner|principal"
    r"|teacher|neighbou?r|mentor|colleague|lead)s\s(?:direct\s|work\s|personal\s)?(?:email"
    r"(?:\saddress)?|phone\snumber|number|mobile|cell|contact\sinfo|contact\sdetails)\b"
)
# Every alternative starts at a word boundary (the one after "him for " too), checked once in
# front of the group rather than in each of the ~20 alternatives at every position; most
# alternatives then start with a letter, which the regex engine tests before trying them.
_NAMES: Final = compile_gated(
    r"\b(?:"
    r"(?:names?|contacts?|contact\sinfo(?:rmation)?|contact\sdetails|emails?\saddress(?:es)?"
    r"|email\saddress(?:es)?|phone\snumbers?|linkedin\sprofiles?"
    r"|(?:a\s)?list\sof\s(?:[\w-]+\s){0,2}?(?:people|alumni|contacts|names|recruiters|managers"
    r"|employees|members|companies|grads|graduates|alums|classmates|colleagues|founders))"
    r"\s(?:(?:now|currently)\s)?(?:of|at|from|who|working|(?=(?:for|in)\s[^.;!?]{0,60}"
    r"\b(?:at|of)\s)"
    # "a contact in Navajo Nation HR": in the hiring side of a named employer.
    r"|in(?=\s(?:[\w&'-]+\s){1,3}?(?:hr|recruiting|recruitment|talent|human\sresources)\b))\b"
    # "the names on the supply chain team's leadership": people of a named group.
    r"|names\son\s(?:the|his|her|their)\s(?:[\w&'-]+\s){0,3}?(?:team|team's|teams|panel"
    r"|board|leadership|committee|org|department)\b"
    r"|who\s(?:he|she|they|you|[\w'-]+)\sknows?\s(?:at|there|in|on|from|inside|over)\b"
    r"|who\s(?:[\w-]+\s){0,3}?(?:i|we)\sshould\s(?:[\w-]+\s){0,3}?(?:at|about|in|there"
    r"|for|regarding)\b"
    r"|who\s(?:the|their|his|her)\s(?:[\w-]+\s){0,3}?(?:is|are)\b(?!\s(?:doing|going|up))"
    r"|who\s(?:at\s[\w&.'-]+\s)?(?:handles|runs|leads|owns|manages|hires|does|oversees|is\sin"
    r"\scharge\sof|decides|is\shiring|are\shiring)\s"
    r"|who\s(?:she|he|they|you)(?:'d|\swould)\s(?:recommend|suggest)\b"
    r"|(?:[\w-]+'s\s)(?:direct\s|work\s|personal\s)?(?:(?:full\s)?name\sand\s)?(?:email"
    r"(?:\saddress)?|phone\snumber|number|mobile|cell|contact\sinfo|calendar\slink)\b"
    # "the volunteer coordinators email", "that guys phone number": the same, the apostrophe
    # left out.
    rf"|{_WITHOUT_APOSTROPHE.pattern}"
    # "the owner phone number", "get me his email": someone else's contact, not the person's own.
    r"|the\s(?!(?:direct|work|personal|best|right|same|main|office|company|general)\s)[\w-]+"
    r"\s(?:phone\snumber|email\saddress|contact\sinfo|contact\sdetails)\b"
    r"|get\sme\s(?:his|her|their)\s(?:direct\s|work\s)?(?:email|phone\snumber|number"
    r"|contact\sinfo|contact\sdetails)\b"
    # "asking him for her email" (his wife's): someone else's contact, not the person's own.
    r"|(?:(?<=\bhim\sfor\s)(?:her|their)|(?<=\bher\sfor\s)(?:his|their)|(?<=\bthem\sfor\s)"
    r"(?:his|her))\s(?:direct\s|work\s)?(?:email(?:\saddress)?|phone\snumber|number"
    r"|contact\sinfo|contact\sdetails|contact)\b"
    r"|name\sand\s(?:linkedin|email|number|phone\snumber|contact)\sof\b"
    # "the recruiter's name and email", "the hiring manager's name": who holds a post.
    r"|(?:the|his|her|their)\s(?:[\w-]+\s)?(?:recruiter|manager|mgr|director|lead|head|founder"
    r"|ceo|cto|partner|supervisor|coordinator|buyer|boss|foreman|principal)'s\s"
    r"(?:full\s)?name\b"
    # "give me the number of her nephew at KenGen": someone else's number, not a count.
    r"|the\s(?:phone\s|mobile\s|direct\s|work\s)?number\s(?:of|for)\s(?:her|his|their|the)\s"
    r"(?:[\w-]+\s){1,3}?(?:at|in|from|on|who)\s"
    # "her list of the 5 Google PM questions she got"
    r"|(?:her|his|their|the|a)\slist\sof\s(?:[\w-]+\s){0,4}?(?:questions|companies|contacts"
    r"|partners|employers|firms"
    r"|recruiters|alumni|agencies)\b"
    r"|(?:direct\s|work\s|personal\s)?(?:email|phone\snumber|contact\sinfo)(?:\saddress)?\s(?:of|for)"
    r"\s(?:(?:the|her|his|their|a)\s|(?=[\w-]+\s(?:in|at|from|of)\s))"
    r"|who(?:'s|\sis)\sthe\s(?:[\w-]+\s){0,2}?(?:hiring|manager|recruiter|decision-maker|lead"
    r"|head|contact|person|director|owner|buyer)\b"
    rf"|which\s(?:[\w-]+\s){{0,3}}?(?:{alternation(WHICH_NOUNS)})\b"
    r"|name\s(?:[\w-]+\s){0,2}?(?:people|contacts|names|hiring\smanagers|recruiters|companies)\b"
    r"|(?:share|send|forward|get|give|show)\s(?:me\s)?(?:the|a|her|his|their)\s(?:[\w-]+\s){0,3}?"
    r"(?:posting|job\sdescription|description|jd|req|requisition|listing|job\spost|org\schart"
    r"|interview\squestions|interview\snotes|prep\snotes|study\sguide)\b"
    r")"
)
# "a salary benchmark", "benchmark a 240k base + equity offer": pay compared with the market.
_BENCHMARK: Final = re.compile(
    r"\b(?:(?:salary|pay|comp|compensation|offer|market|rate)\sbenchmarks?\b"
    r"|benchmark(?:s|ed|ing)?\s(?:my|an?|the|this|her|his)\s(?:[\w.%+-]+\s){0,8}?(?:offers?"
    r"|salary|package|comp|compensation|base|pay|rates?)\b)"
)
# "who I should send materials to": a person to be named, concrete where a company is named.
_WHO_TO: Final = re.compile(
    r"\bwho\s(?:[\w-]+\s){0,3}?(?:(?:i|we)\sshould|should\s(?:i|we))\s(?:send|talk|speak|reach\sout|write|address)\s"
    r"(?:[\w-]+\s){0,2}?to\b"
)
# "if he knows anyone at Target", "whether anyone from his old team at Klarna is hiring":
# people at a named place, asked about (group 1 is "whether"/"if" when the question is direct).
_KNOWS_ANYONE: Final = re.compile(
    r"\b(?:(?:knows?|has|have)\s(?:of\s)?(?:anyone|anybody|someone|somebody|people|folks|contacts?"
    r"|friends|a\scontact|a\sfriend)|(whether|if)\s(?:there(?:'s|\sis|\sare)\s)?(?:anyone|anybody"
    r"|someone|somebody))\s(?:(?:who|that)\s(?:works?|worked|is|was)\s)?"
    r"(?:working\s)?(at|in|inside|on|over\sat|from|hiring)\s"
)
# "which of her old classmates work in treasury at Ryanair": people at a named place.
_WHICH_PEOPLE: Final = re.compile(
    r"\bwhich\s(?:of\s)?(?:[\w'-]+\s){0,3}?(?:classmates|colleagues|coworkers|co-workers|friends"
    r"|teammates|peers|connections|alumni|contacts|former\s[\w-]+|people)\s(?:[\w-]+\s){0,2}?"
    r"(?:at|in|on|from|inside)\s"
)
# "on the payments team", "in the Seattle office": a group named by more than "the team".
_NAMED_GROUP: Final = re.compile(
    r"\b(?!the\s|a\s|an\s|any\s|some\s|their\s|his\s|her\s|my\s)[\w&+.-]+\s(?:team|group"
    r"|department|dept|org|division|office|lab|unit|practice)\b"
)
# A call or chat of a named length, or about a named move: "a 15-minute call", "20 min zoom".
_CALL: Final = compile_gated(
    r"\b(?:(?:\d{1,3}|five|ten|fifteen|twenty|thirty|forty-five|half[- ]an?)[- ]?"
    r"(?:minutes?|mins?|hours?|hr)|half[- ]hour|quick|short|brief|phone|video|zoom)\s"
    r"(?:[\w-]+\s){0,2}?(?:calls?|chats?|zooms?|conversations?|coffees?|meetings?|phone\scalls?"
    r"|video\scalls?|sessions?|catch-ups?)\b"
)
# What a call is about: "about", "abt", "re:", "regarding".
_ABOUT: Final = re.compile(r"\s(?:about|abt|re:?|regarding)\s")
_FOR_TIME: Final = re.compile(
    r"\bfor\s(?:\d{1,3}|five|ten|fifteen|twenty|thirty|half)[- ]?(?:minutes?|mins?|hours?|an\shour)\b"
)
# "would talk to me about …": a conversation the person is asked to give.
_TALK_TO_ME: Final = re.compile(
    r"\b(?:would|could|can|will|to|might)\s(?:be\swilling\sto\s|be\sopen\sto\s)?(?:talk|speak"
    r"|chat|meet)\s(?:to|with)\sme\b"
)
# What a length of time is asked for: "for 15 min about how he moved from audit to ops", "a
# 20-min call to walk me through the loop" (not "a 30 min call", nor "10 mins to chat about her
# career": a talk with no subject, or only the person's work at large, asks nothing concrete).
_TIMED_SUBJECT: Final = re.compile(
    r"\s(?:about|abt|re:?|regarding|on|to|so|and|where|for|whether|\+)\s(?!(?:mon|tues|wednes|thurs|fri"
    r"|satur|sun)day\b|the\sphone\b|zoom\b|a\scall\b)"
)
_VAGUE_TOPIC: Final = re.compile(
    r"(?:to\s)?(?:(?:chat|talk|speak|hear|catch\sup|connect|learn)\s)?(?:(?:about|abt|on|re|with"
    r"|more\sabout)\s)?(?:(?:his|her|their|my|your|ur|the)\s)?(?:[\w-]+\s)?(?:career|careers"
    r"|work|job|jobs|experience|background|journey|story|life|field|industry|path|stuff|things"
    r"|job\ssearch|search|plans|options|opportunities|advice|tips)\s?$"
    # "15 minutes to hear about her switch to ID": her story listened to, nothing asked of it
    r"|(?:to\s)?(?:hear|learn|chat|talk|speak)\s(?:more\s)?(?:about|abt)\s(?:his|her|their)\s[^.;!?]*$"
    # "a quick 10 minute chat to catch up": talk for its own sake
    r"|(?:to\s)?(?:chat|talk|speak|catch\sup|connect|meet|hear|learn|say\shi)(?:\s(?:a\sbit|briefly"
    r"|quickly|properly|again))?\s?$"
)


def _timed_for_something(
    low: str, start: int, end: int, stop: int, anchors: list[tuple[int, int]]
) -> bool:
    """Is a length of time asked for a named purpose? A company in the sentence will do ("if
    her lead at Swiggy would do a 15 min call"); otherwise a subject that is more than the
    person's work at large."""
    if any(_sentence_start(low, start) <= s < stop and not start <= s < end for s, _ in anchors):
        return True
    # "a 20 min call thursday so she can walk me through …": the purpose may follow a "so".
    full_stop = _SENTENCE_BREAK.search(low, end, min(len(low), end + _LOOKAHEAD))
    stop = max(stop, full_stop.start() if full_stop else min(len(low), end + _LOOKAHEAD))
    subject = _TIMED_SUBJECT.search(low, end, stop)
    if subject is None:
        return False
    return _VAGUE_TOPIC.match(low[subject.start() + 1 : stop].strip(" ,.!?")) is None


_ASKED_FOR: Final = re.compile(r"\b(?:ask|asks|asking|request|requesting|beg|borrow)\b")
_DURATION: Final = re.compile(
    r"\d|\b(?:five|ten|fifteen|twenty|thirty|forty-five|half)[- ]?(?:minutes?|mins?|hours?|hr)\b"
    r"|\bhalf[- ](?:an?[- ])?hour\b"
)
# Asked of the person for the call ("ask her for", "if he would do", "see whether she can").
_CALL_FRAME: Final = re.compile(
    r"\b(?:ask|asks|asking|request|requesting|for|if|whether|would|could|can|will|willing"
    r"|[a-z]+'d)\b"
)
# Practice favours done with or for the member: "quiz me on SQL", "role-play an intro".
_PRACTICE: Final = compile_gated(
    r"\b(?:quiz|drill|grill|prep|coach|test)(?:zes|es|ed|ing|s)?\s(?:me|us)\s(?:on|for|about"
    r"|through|with)\s"
    r"|\brole[- ]?play(?:s|ed|ing)?\s(?!with\b)(?:\w+\s){0,1}?(?:an?\s|my\s|the\s|our\s)?[\w-]+"
    # "run through the case prompt for McKinsey w me", "rehearse the final round case
    # presentation with me": a named piece practised together.
    r"|\b(?:(?:run|go|walk)(?:s|ning|ing)?\sthrough|rehears(?:e|es|ed|ing)|practi[cs](?:e|es|ed"
    r"|ing))\s(?:(?:my|the|a|our)\s)?(?:[\w-]+\s){0,3}?(?:pitch|answers|story|stories|intro"
    r"|presentation|case|questions|prompt|deck|demo|talk)(?:\s(?:for|at|from)\s[\w&.'-]+)?"
    r"\s(?:with|w/|w|for)\sme\b"
    r"|\blisten\sto\smy\s(?:[\w-]+\s){0,2}?(?:pitch|intro|answers|story)\b"
    r"|\bmock[- ]?interview(?:s|ed|ing)?\s(?:me|us)\b|\btime\sme\s(?:while|as|on|when)\b"
    r"|\bpretend(?:s|ing)?\s(?:to\sbe|he's|she's|they're|he\sis|she\sis)\s(?:an?|the|my)\s"
    r"(?:[\w-]+\s){0,2}?(?:interviewer|recruiter|hiring\smanager|panel|manager|client|customer)"
    r"|\bwatch\sme\s(?:solve|do|present|pitch|practice|code|give|run)\b"
    r"|\bplay\sthe\s(?:[\w-]+\s)?(?:recruiter|interviewer|hiring\smanager|manager|client"
    r"|customer|buyer)\b"
)
# Counted contacts: "two alumni contacts in biotech sales", "3 names at fintechs".
_NUMBER: Final = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a\scouple(?:\sof)?)"
_COUNTED: Final = re.compile(
    rf"\b{_NUMBER}\s(?:[\w&+-]+\s){{0,3}}?(?:contacts|names|people|alumni|recruiters|managers"
    r"|engineers|designers|folks|connections|leaders|founders|directors|colleagues|friends"
    r"|introductions|intros|referrals|contact|name|person)\s(?:in|at|from|on|who|working|inside|with"
    r"|that|she|he|they|[a-z]+'d)\b"
    rf"|\b{_NUMBER}\sof\s(?:their|his|her|the)\s(?:names|contacts|emails|numbers)\b"
)
# Every count names its people or contacts as a whole word: a message without one is not read
# for a number.
_COUNTED_WORDS: Final = frozenset(
    {"contacts", "names", "people", "alumni", "recruiters", "managers", "engineers", "designers"}
    | {"folks", "connections", "leaders", "founders", "directors", "colleagues", "friends"}
    | {"introductions", "intros", "referrals", "contact", "name", "person", "emails", "numbers"}
)
_WITH_UNNAMED: Final = re.compile(
    r"\s(?:with|w/|w)\s(?:someone|somebody|anyone|anybody|a\sfriend|a\speer|a\scolleague"
    r"|a\sclassmate|people|friends|peers|a\smentor|an\salum|an\salumnus)\b"
)
_INFORMATIONAL: Final = re.compile(
    r"\binformational\s(?:interview|call|chat|meeting|conversation|coffee)s?\b"
)
_MOCK: Final = re.compile(
    r"\b(?:mock|practice|role[- ]play)\s(?:[\w-]+\s){0,2}?(?:interviews?|negotiations?|calls?"
    r"|pitch|presentations?|cases?|sessions?|conversations?|runs?|panels?|critiques?|talks?"
    r"|screens?|rounds?|demos?|reviews?|exams?|loops?|onsites?|whiteboards?|behaviou?rals?"
    r"|technicals?|assessments?)\b"
    # "my mock interview recording", "mock interview videos": a thing about a mock, not one.
    r"(?!\s(?:recordings?|videos?|notes|tools?|apps?|platforms?|sites?|transcripts?))"
    r"|\b(?:an?|the)\s(?:[\w-]+\s){0,3}?mocks?\s(?=(?:with|for)\s(?:me|us)\b)"
    # "be my mock interviewer for SQL", "be my practice partner", "be my practice buyer for a
    # CRM demo".
    r"|\bbe\s(?:my|our|a|the)\s(?:mock|practice)\s(?:[\w-]+\s)?(?:interviewer|partner|panel(?:ist)?"
    r"|recruiter|hiring\smanager|buddy|buyer|client|customer|audience|candidate|patient)\b"
)
# Something arranged for the member: "arrange a trial shift for me", "set up a job shadow day",
# "arrange an OB visit with an alumnus at Mitsubishi" (a visit needs a named place).
_ARRANGE: Final = re.compile(
    r"\b(?:arrange|organi[sz]e|set\sup|book|schedule|get|do|give|offer)(?:s|d|ed|ing)?\s(?:me\s)?(?:an?|the|one)"
    r"\s(?:[\w-]+\s){0,2}?(?:(trial|shadow(?:ing)?|stage)(?:\s(?:shift|day|period|session))?"
    r"|visit|site\svisit)\b"
)
# Paperwork signed or filled in for the member: "sign the NOC letter", "approve and sign the
# letter confirming my 3 years", "sign experience certificate".
_SIGN: Final = re.compile(
    r"\b(?:sign|approve|stamp|countersign|attest|certify)(?:s|ed|ing)?\s(?:and\ssign\s)?"
    r"(?:(?:the|my|this|that|an?)\s)?(?:[\w-]+\s){0,2}?(?:letter|certificate|noc|declaration"
    r"|attestation|verification|reference\sform|referral\sform|recommendation\sform)\b"
    # "sign my 88 days form", "sign off my internship credit form": a form with its purpose.
    r"|\bsign(?:s|ed|ing)?\s(?:off\s)?(?:the|my|this|that|an?)\s(?:[\w-]+\s){1,3}?forms?\b"
    # "fill out the verification form for my registration": a form, not a course certificate.
    r"|\b(?:complete|fill\s(?:out|in))(?:s|d|ed|ing)?\s(?:(?:the|my|this|that|an?)\s)?"
    r"(?:[\w-]+\s){0,2}?(?:verification|declaration|attestation|reference\sform"
    r"|referral\sform|recommendation\sform)\b"
    # "sign my SkillBridge approval memo", "fill in the reference request from Pfizer".
    r"|\b(?:sign|approve)(?:s|ed|ing)?\s(?:the|my|this|that)\s(?:[\w-]+\s){1,2}?memo\b"
    r"|\b(?:complete|fill\s(?:out|in))(?:s|d|ed|ing)?\s(?:the|my|this|that|an?)\sreference"
    r"\srequests?\b"
    # "sign the form for the relocation grant", "fill the reasonable accommodation form for the
    # Costco orientation": a form with its purpose after it.
    r"|\b(?:sign|complete|fill(?:\s(?:out|in))?)(?:s|d|ed|ing)?\s(?:the|my|this|that)\s"
    r"(?:[\w-]+\s){0,3}?forms?\s(?:for|from)\s(?:the|my|a|an|this)\s"
    # "ask for a letter stating my accommodations", "write the letter explaining my conviction",
    # "a travel permit letter so I can go to the interview": a letter that says a named thing.
    r"|\b(?:for|write|writing|sign|signing|send|sending|give|giving)\s(?:me\s)?(?:a|an|the)\s"
    r"(?:[\w-]+\s){0,2}?letter\s(?:stating|explaining|confirming|saying|showing|so\si\scan"
    r"|so\sthat\si\scan)\s"
)
# "be supervisor for my DAAD application", "be my sponsor for the fellowship": a named role
# taken on for a named application.
_BE_ROLE: Final = re.compile(
    r"\b(?:be|become|act\sas)\s(?:(?:my|the|a|an)\s)?(?:[\w-]+\s)?(?:supervisor|advisor|adviser"
    r"|sponsor)\sfor\s(?:my|the|a|an|this)\s(?:[\w-]+\s){0,3}?(?:application|applications|visa"
    r"|phd|thesis|fellowship|scholarship|program|programme|grant|proposal|postdoc|research|role"
    r"|position|internship)\b"
)
# "take me on as event staff", "book me onto the SWAP scheme", "get me on the next intake":
# the member taken on for work or placed on a named scheme by the person asked.
_TAKE_ON: Final = re.compile(
    r"\btak(?:e|es|ing)\s(?:me|us)\son\s(?:as|for)\s"
    r"|\b(?:book|enrol|enroll|sign|get|put)(?:s|ed|ing|led|ling|ting)?\s(?:me|us)\s(?:onto|on\sto"
    r"|on|into|up\sfor|up\sto|in\sfor)\s(?:the|a|an|this|that|next|their|his|her)\s"
    r"(?:[\w&'-]+\s){0,4}?(?:scheme|programme|program|course|intake|cohort|academy"
    r"|apprenticeship|traineeship|placement|training)\b"
)
# Being put forward in other words (all referrals): "put me up for the Toyota contract", "put
# me on the list for the March shut", "get me onto the trial roster", "add my name to the list
# she sends to Comarch" ("put me up for the night", "the mailing list" are no job).
_PUT_ME_FORWARD: Final = re.compile(
    r"\bput(?:s|ting)?\sme\sup\sfor\s(?:the|a|an|this|that|next|their|his|her)\s"
    r"(?:[\w&.'-]+\s){0,5}?(?:job|role|contract|position|post|gig|shifts?|promotion|spot|place"
    r"|opening|vacancy|crew|shut|shutdown|interview|scholarship|program|programme"
    r"|apprenticeship|traineeship|intake)\b"
    # "if he's got me on the books for the Karratha shutdown": whether it has been done.
    r"|\b(?:put|get|add|keep|got|has|have)(?:s|ting|ded|ding)?\s(?:me|my\sname)\s"
    r"(?:on|onto|on\sto|to|in)\s"
    r"(?:the|his|her|their|your|ur)\s"
    r"(?!(?:mailing|email|e-mail|guest|distribution|group|party|newsletter|christmas|xmas)\b)"
    r"(?:[\w-]+\s){0,2}?(?:(?:list|books)(?=\s(?:for|of|at|she|he|they|that|to|with)\b)"
    # "put me on the casual PCA list once my police check comes through": a list of a kind
    r"|(?<=\s)(?:[\w-]+\s){1,2}?list(?=\s(?:once|when|after|asap)\b|\s?[.,;!]|\s?$)"
    r"|roster|rota|pool|register)\b"
)
_PUT_ME_FORWARD_WORDS: Final = frozenset(
    {"up", "list", "books", "roster", "rota", "pool", "register"}
)
# Speaking up for the member to someone who hires: "ring ahead for me", "give the site manager
# a heads-up about me", "tell his boss about me", "ring his mate at Holcim and tell him I'm a good
# operator", "get him to ring his sister at the Mater about the ward clerk job".
_SPEAK_FOR_ME: Final = re.compile(
    r"\b(?:ring|call|phone)(?:s|ing)?\sahead\b"
    r"|\bgiv(?:e|es|ing)\s(?:him|her|them|(?:the|his|her|their)\s[\w-]+(?:\s[\w-]+)?)\sa\s"
    r"heads[\s-]?up\sabout\sme\b"
    r"|\btell(?:s|ing)?\s(?:his|her|their|the)\s(?:[\w-]+\s){0,2}?(?:boss|manager|super"
    r"|supervisor|foreman|owner|recruiter|gm|director|lead|chef|mate|sister|brother|cousin"
    r"|friend)\s(?:(?:at|from|in)\s[\w&'-]+\s)?(?:about\sme\b|(?:that\s)?i'?m\sa\s)"
    r"|\b(?:ring|call|phone|text|message|email)(?:s|ing)?\s(?:his|her|their)\s(?:[\w'-]+\s){1,5}?"
    r"(?:about\s(?:me\b|the\s(?:[\w-]+\s){0,3}?(?:job|role|position|post|opening|vacancy|gig)\b)"
    r"|and\s(?:tell|let)\s(?:him|her|them)\s(?:know\s)?(?:that\s)?i'?m\sa\s(?:good|great|hard"
    r"|reliable|solid|decent|strong|safe)\s)"
    # "ask him to speak to him about my profile for the PM role" (him: the director he knows),
    # "talk to her manager about me": the member put forward to someone the person knows.
    r"|\b(?:speak|talk)(?:s|ing)?\s(?:to|with)\s(?:him|her|(?:his|her|their|the)\s(?:[\w-]+\s){0,2}?"
    r"(?:boss|manager|supervisor|owner|recruiter|gm|director|lead|head|founder|partner|cto|ceo"
    r"|vp|md))\s(?:(?:at|from|in)\s[\w&'-]+\s)?about\s(?:me\b|my\s(?:profile|cv|resume"
    r"|application|candidacy)\b)"
)
_AND_TELL: Final = re.compile(r"\sand\stell\s")
_SPEAK_FOR_ME_WORDS: Final = frozenset({"ahead", "heads", "heads-up", "about", "i'm", "im"})
# Favours written in Portuguese, French or Spanish (asks-7b: members who note their ask in
# their own language), each with the kind it is and how the coach names it. Written for
# askcoach from the grammars of those languages: the member's "me" is the clitic before or
# after the verb ("me indicar", "indique-moi", "presentarme"), "my CV" is "meu/mon/mi CV".
_FOREIGN_DOC: Final = (
    r"(?:cv|currículo|curriculo|currículum|curriculum|portfólio|portfolio|case|perfil|profil"
    r"|candidature|dossier|projet|projeto|proyecto|letter\sde\smotivation|lettre\sde\smotivation"
    r"|carta(?:\sde\s(?:apresentação|presentación|motivação|motivación))?)"
)
_PASSING_ON: Final = "passing on your CV"
_FOREIGN_FAVOURS: Final[tuple[tuple[re.Pattern[str], RequestKind, str], ...]] = (
    # "me indicar pra vaga de analista", "m'indiquer pour le poste", "recomendarme para".
    (
        re.compile(
            r"\b(?:me\sindica(?:r|s)?|indicar-me|me\srecomenda(?:r|s)?|recomendar-me"
            r"|me\srecommander|recommande-moi|recomendarme|me\srecomiendas|me\sréférer"
            r"|me\spistonner"
            # "que me recomiende con su amigo", "q me indique pro coding job", "que me refiera
            # for the case manager opening", "si me puede referir pal …" (the subjunctive after
            # "que", a "can" before the verb).
            r"|me\s(?:(?:puede|pueda|podría|podria|pode|possa|poderia|podes|puedes)\s)?"
            r"(?:indique|indiquem|indicasse|recomiende|recomienden|recomende|recomendasse|refiera"
            r"|refira|referir|recomendar|indicar))"
            r"\s(?P<t>)(?:pra|para|pro|na|no|em|pour|chez|auprès\sde|au|à|a|al|en|con|com|pal|for"
            r"|with|to|at)\s"
        ),
        REFERRAL,
        "a referral",
    ),
    # Taglish: "kung pwede niya ako i-refer sa workforce analyst opening", "i-endorse ako for
    # the team lead role" ("ako": me; the favour's verb with the "i-" of the object focus).
    (
        re.compile(
            r"\b(?:ako\si-?(?:refer|endorse|recommend|rekomenda)|i-(?:refer|endorse|recommend)\sako)"
            r"\s(?P<t>)(?:sa|for|to|kay|at|in|para\ssa)\s"
        ),
        REFERRAL,
        "a referral",
    ),
    # "para sa referral sa Accenture" ("for the referral at Accenture"), "para sa intro sa
    # manager niya".
    (
        re.compile(r"\bpara\s(?:sa\s)?(?:referral|recommendation)\s(?P<t>)(?:sa|for|at|in|to)\s"),
        REFERRAL,
        "a referral",
    ),
    (
        re.compile(r"\bpara\s(?:sa\s)?(?:intro|introduction)\s(?P<t>)(?:sa|kay|to|with)\s"),
        INTRODUCTION,
        "an intro",
    ),
    # "kung pwede i-forward yung CV ko sa hiring manager", "ipasa yung resume ko kay Ma'am Joy".
    (
        re.compile(
            r"\b(?:i-?forward|i-?pasa|ipasa|i-?send|ibigay|i-?refer)\s(?:yung|ang|ung|'yung)\s"
            + _FOREIGN_DOC.replace("(?:cv|", "(?:cv|resume|")
            + r"\s(?:ko\s)?(?P<t>)(?:sa|kay|to)\s"
        ),
        REFERRAL,
        _PASSING_ON,
    ),
    # "pido a Mariana una referencia para el puesto de data", "uma indicação pra vaga na
    # Stone", "une recommandation pour le poste": the favour named as a noun, and its target.
    (
        re.compile(
            r"\b(?:una|uma|un|une|an?|one)\s(?:referencia|referência|indicación|indicacion|indicação|indication"
            r"|indicacao|recomendación|recomendacion|recomendação|recomendacao|recommandation)"
            r"\s(?P<t>)(?:pra|para|pro|pour|en|na|no|al|à|au|for|to|at)\s"
        ),
        REFERRAL,
        "a referral",
    ),
    # "me colocar no banco de talentos interno", "m'ajouter au vivier de talents".
    (
        re.compile(
            r"\bme\s(?:colocar|coloca|botar|incluir|inclui|mettre|ajouter|agregar|poner)\s"
            r"(?:no|na|em|dans\sle|dans\sla|au|à\sla|sur\sla|en\sel|en\sla|a\sla)\s"
            r"(?P<t>)(?:banco\sde\s(?:talentos|currículos)|lista|liste|vivier|shortlist|banco)\b"
        ),
        REFERRAL,
        "being put forward",
    ),
    # "transmettre mon CV au responsable", "passar meu currículo pro gerente", "pasar mi CV al".
    (
        re.compile(
            r"\b(?:transmettre|faire\spasser|passer|envoyer|donner|passar|encaminhar|repassar"
            r"|mandar|enviar|entregar|pasar|reenviar|dar)\s(?:mon|ma|meu|minha|mi)\s"
            + _FOREIGN_DOC
            + r"\s(?:(?:direto|directement|directamente)\s)?(?P<t>)(?:à|au|aux|pro|pra|para|ao|à|a|al)\s"
        ),
        REFERRAL,
        _PASSING_ON,
    ),
    # "me mettre en contact avec la manager", "me apresentar pra tech recruiter", "presentarme a".
    (
        re.compile(
            r"\b(?:me\smettre\sen\s(?:contact|relation)\savec|me\sprésenter\s(?:à|au|aux)"
            r"|présente-moi\s(?:à|au)|me\sapresenta(?:r)?\s(?:pra|para|pro|ao|à|a)"
            r"|apresentar-me\s(?:pra|para|ao|à|a)|presentarme\s(?:a|al|con)"
            r"|me\spresentas?\s(?:a|al|con)|me\sconectar\scom|me\sconecta\scom"
            # "que me presente al dueño", "q me apresente pro recrutador da Embraer".
            r"|me\s(?:presente|presenten|presentara|apresente|apresentem|apresentasse|conecte)"
            r"\s(?:a|al|con|pra|para|pro|ao|à|com|with|to)"
            r"|ponerme\sen\scontacto\scon)\s"
        ),
        INTRODUCTION,
        "an intro",
    ),
    # "relire ma lettre de motivation", "olhar meu case", "revisar mi CV", "faire un code
    # review de mon projet".
    (
        re.compile(
            r"\b(?:relire|corriger|regarder|revoir|olhar|revisar|corrigir|ler|mirar|corregir"
            r"|leer|dar\suma\solhada\s(?:no|na|em)|jeter\sun\s(?:œil|oeil|coup\sd'œil)\sà"
            r"|faire\sun\s(?:code\s)?review\sde)\s(?P<t>)(?:mon|ma|meu|minha|mi)\s(?:[\w-]+\s)?"
            + _FOREIGN_DOC
            + r"\b"
        ),
        REVIEW,
        "a review",
    ),
    # "ser minha referência", "être ma référence", "ser mi referencia".
    (
        re.compile(
            r"\b(?:ser|être|etre)\s(?:minha|meu|ma|mon|mi)\s(?:[\w-]+\s)?(?:referência|referencia"
            r"|référence|reference|référent|referente)\b"
        ),
        REFERENCE,
        "a reference",
    ),
    # "confirmer par mail mes dates de stage", "confirmar minhas datas".
    (
        re.compile(
            r"\b(?:confirmer|confirmar|attester|certificar)\s(?:par\s(?:mail|écrit)\s|por\s"
            r"(?:e-?mail|escrito)\s)?(?P<t>)(?:mes|minhas|mis)\s(?:dates|datas|fechas)\b"
        ),
        REFERENCE,
        "confirming your dates",
    ),
)
_FOREIGN_ASKING: Final = re.compile(
    r"\b(?:pedir|pedi|peço|demander|demande|demandé|preguntar|pregunto|perguntar|pergunto"
    r"|pedirle|pedirles|pedile|pídele|pidele|preguntarle|pregúntale|preguntale|kung|pwede|niya"
    r"|chiedere|chiedo|peux|pode|podes|puede|puedes|pourrais|pourriez|poderia|podrías|podrias"
    r"|tu|vc|você|voce|ele|ela|il|elle|él|ella|lui|lhe|le)\b"
)
_FOREIGN_SELF: Final = re.compile(r"\b(?:je|j'|eu|yo|vou|vais|voy|vamos|moi|nous)\b")
_FOREIGN_WORDS: Final = frozenset(
    {"me", "mon", "ma", "meu", "minha", "mi", "mes", "minhas", "mis", "indicar-me"}
    | {"recomendar-me", "recommande-moi", "recomendarme", "présente-moi", "apresentar-me"}
    | {
        "presentarme",
        "ponerme",
        "ako",
        "yung",
        "ang",
        "ung",
        "'yung",
        "una",
        "uma",
        "un",
        "une",
        "sa",
        "one",
        "an",
    }
)
_FOREIGN_GATE: Final = frozenset(
    {"indicar", "indica", "indicas", "indicar-me", "recomendar", "recomenda", "recomendas"}
    | {"recomendar-me", "recommander", "recommande-moi", "recomendarme", "recomiendas"}
    | {"référer", "pistonner", "colocar", "coloca", "botar", "incluir", "inclui", "mettre"}
    | {"ajouter", "agregar", "poner", "transmettre", "passer", "envoyer", "donner", "passar"}
    | {"encaminhar", "repassar", "mandar", "enviar", "entregar", "pasar", "reenviar", "dar"}
    | {"présenter", "présente-moi", "apresenta", "apresentar", "apresentar-me", "presentarme"}
    | {"presenta", "presentas", "conectar", "conecta", "ponerme", "relire", "corriger"}
    | {"regarder", "revoir", "olhar", "revisar", "corrigir", "ler", "mirar", "corregir", "leer"}
    | {"jeter", "faire", "ser", "être", "etre", "confirmer", "confirmar", "attester"}
    | {"certificar", "indique", "indiquem", "indicasse", "recomiende", "recomienden"}
    | {"recomende", "recomendasse", "refiera", "refira", "referir", "presente", "presenten"}
    | {"presentara", "apresente", "apresentem", "apresentasse", "conecte"}
    | {"i-refer", "i-endorse", "i-recommend", "irefer", "iendorse", "i-forward", "iforward"}
    | {"i-pasa", "ipasa", "i-send", "isend", "ibigay"}
    | {"referencia", "referência", "indicación", "indicacion", "indicação", "indicacao", "para"}
    | {"indication"}
    | {"recomendación", "recomendacion", "recomendação", "recomendacao", "recommandation"}
)
# A question asked in French, Portuguese or Spanish (sixth session, j15request): people at a
# named place ("se ele conhece alguém no time de dados do QuintoAndar", "tu connais quelqu'un
# chez Yassir"), someone's contact ("o contato do gerente de engenharia da Loggi", "el mail del
# hiring manager"), or whether / what of a named post or place ("de me dire si l'offre de Orange
# Money est encore ouverte", "qué rango salarial maneja Globant"). Concrete only when a place is
# named (a company or a capitalised name) and, for whether / what, a thing of hiring is named.
_FOREIGN_KNOWS: Final = re.compile(
    r"\b(?:conhece|conheces|conhecer|connais|connaît|connait|connaissez|conoces|conoce|conocer)"
    r"\s(?:alguém|alguem|quelqu'un|alguien|gente|pessoas|des\sgens|personne)\s"
    r"(?:(?:que|qui)\s(?:trabalha|travaille|trabaja)\s)?(?:no|na|em|chez|à|au|en|dans|del|de|do|da)\s"
)
_FOREIGN_CONTACT: Final = compile_gated(
    r"\b(?:le\snom|les\snoms|le\scontact|le\smail|l'e-?mail|le\snuméro|o\snome|os\snomes"
    r"|o\scontato|o\scontacto|o\se-?mail|o\snúmero|o\stelefone|el\snombre|los\snombres"
    r"|el\scontacto|el\smail|el\se-?mail|el\snúmero|el\steléfono)\s(?:de\sla|de\sl'|du|des|de|do"
    r"|da|dos|das|del|de\slos|de\slas)\s?"
)
_FOREIGN_QUESTION: Final = compile_gated(
    r"\b(?:dire|dizer|decir|decirme|saber|savoir|pregunto|pregunta|preguntar|preguntarle"
    r"|preguntando|pergunto|pergunta|perguntar|perguntando|demande|demander|demandant)\s"
    r"(?:(?:a|à|ao|à|pro|pra)\s[\w'.-]+\s)?(?P<q>si|se|s'il|s'ils|qué|que|quel|quelle|quels|quelles"
    r"|qual|quais|cuál|cuáles|cuánto|cuánta|quanto|quanta|combien)\s"
)
_FOREIGN_HIRING: Final = frozenset(
    {"offre", "oferta", "vaga", "vacante", "poste", "puesto", "stage", "estágio", "pasantía"}
    | {"salaire", "salário", "salario", "salarial", "rango", "faixa", "fourchette", "sueldo"}
    | {"recrute", "recrutent", "contrata", "contratam", "contratan", "embauche", "embauchent"}
    | {"candidature", "candidatura", "entretien", "entrevista", "processo", "proceso"}
    | {"recrutement", "processus", "vagas", "vacantes", "postes", "offres", "ofertas"}
)
_FOREIGN_VAGUE: Final = frozenset(
    {"oportunidades", "opportunités", "algo", "quelque", "dicas", "conseils", "consejos", "ajuda"}
    | {"ayuda", "aide", "coisa", "chose", "cosa"}
)
_FOREIGN_ROLES: Final = frozenset(
    {"gerente", "responsable", "responsável", "manager", "recruteur", "recrutador", "reclutador"}
    | {"rh", "drh", "diretor", "directeur", "director", "chefe", "chef", "jefe", "coordenador"}
    | {"coordinateur", "coordinador", "recruiter", "lead", "líder", "personne", "jefa", "dueño"}
    | {"dueña", "encargado", "encargada", "supervisora", "supervisor", "dono", "patrão", "patroa"}
)
_FOREIGN_ASKING_WORDS: Final = frozenset(
    {"pedir", "pedi", "peço", "demander", "demande", "demandé", "preguntar", "pregunto"}
    | {"perguntar", "pergunto", "perguntando", "preguntando", "pregunta", "pergunta", "peux"}
    | {"pode", "podes", "puede", "puedes", "pourrais", "pourriez", "poderia", "podrías", "tu"}
    | {"podrias", "vc", "você", "voce", "ele", "ela", "il", "elle", "él", "ella", "lui", "lhe"}
    | {"le", "ask", "asking", "chiedere", "chiedo", "pedirle", "pedirles", "pedile", "pídele"}
    | {"pidele", "preguntarle", "pregúntale", "preguntale"}
)
_FOREIGN_QUESTION_GATE: Final = frozenset(
    {"conhece", "conheces", "conhecer", "connais", "connaît", "connait", "connaissez"}
    | {"conoces", "conoce", "conocer", "nom", "noms", "contact", "contato", "contacto", "mail"}
    | {"e-mail", "email", "numéro", "número", "nome", "nomes", "telefone", "nombre", "nombres"}
    | {"teléfono", "l'e-mail", "l'email", "si", "se", "s'il", "s'ils", "qué", "que", "quel"}
    | {"quelle", "quels", "quelles", "qual", "quais", "cuál", "cuáles", "cuánto", "cuánta"}
    | {"quanto", "quanta", "combien"}
)
_FOREIGN_ASKED: Final = re.compile(
    r"\b(?:pedir|pedi|peço|demander|demande|demandé|preguntar|pregunto|perguntar|pergunto"
    r"|perguntando|preguntando|pregunta|pergunta|chiedere|chiedo|peux|pode|podes|puede|puedes"
    r"|pourrais|pourriez|poderia|podrías|podrias|tu|vc|você|voce|ele|ela|il|elle|él|ella|lui"
    r"|lhe|le|ask|asking|pedirle|pedirles|pedile|pídele|pidele|preguntarle|pregúntale|preguntale)\b"
)


def _foreign_questions(text: str, low: str, anchors: list[tuple[int, int]]) -> Iterator[Favour]:
    """Questions written in French, Portuguese or Spanish, asked of someone (see above)."""
    for pattern in (_FOREIGN_KNOWS, _FOREIGN_CONTACT, _FOREIGN_QUESTION):
        for m in pattern.finditer(low):
            begin = m.start("q") if pattern is _FOREIGN_QUESTION else m.start()
            stop = sentence_end(low, m.end())
            words = _WORD.findall(low[m.end() : stop])
            placed = any(m.end() <= s < stop for s, _ in anchors) or (
                _CAPITALISED.search(text, m.end(), stop) is not None
            )
            if pattern is _FOREIGN_CONTACT:
                # "o contato do gerente de engenharia", not "o número do encanador".
                placed = not _FOREIGN_ROLES.isdisjoint(words[:5])
            elif pattern is _FOREIGN_QUESTION:
                placed = placed and not _FOREIGN_HIRING.isdisjoint(words)
            concrete = placed and _FOREIGN_VAGUE.isdisjoint(words)
            asked = (
                _requested(low, begin)
                or _FOREIGN_ASKED.search(low, _sentence_start(low, m.start()), m.end()) is not None
            )
            # The question's own clause: "qué rango salarial maneja Globant", not ", para no …".
            comma = low.find(", ", m.end(), stop)
            end = comma if comma >= 0 else stop
            if pattern is _FOREIGN_KNOWS:
                place = low.rfind(" ", m.start(), m.end() - 1) + 1
                what = f"names of people {_phrase(text, place, end)}"
            else:
                what = _phrase(text, begin, end)
            yield Favour(INFORMATION, begin, m.end(), concrete, what, asked)


# "write Arbeitszeugnis for my electrician application", "write the cover letter for me": a
# document written for the member.
_WRITE_DOC: Final = re.compile(
    rf"\bwrite\s(?:me\s)?(?:(?:an?|the|my)\s)?(?:[\w-]+\s)?(?:{_DOC})\s(?=for\s(?:me|my)\b)"
)
# "check if my application got stuck", "chase my application internally", "find out where my
# CV is": the member's own application looked into by someone inside.
_STATUS: Final = re.compile(
    r"\b(?:check|chase|look\sinto|find\sout|see)(?:s|es|ed|ing)?\s(?:on\s|up\son\s|if\s|whether\s"
    r"|where\s|what\shappened\sto\s|what(?:'s|\sis)\shappening\swith\s|the\sstatus\sof\s)?my\s"
    r"(?:[\w&.'-]+\s){0,3}?(?:application|candidacy)\b"
)
# "walk me through the take-home format": how a named step of hiring goes, told by one who knows.
_WALK_ME: Final = re.compile(
    r"\b(?:walk|talk|take)(?:s|ed|ing)?\s(?:me|us)\sthrough\s(?:the|their|his|her|your|a|an)\s"
    r"(?:[\w-]+\s){0,4}?(?:take-home|take\shome|format|process|interview|onsite|loop|rounds?"
    r"|case|assessment|screen|exam|test|pipeline|structure|questions|day)\b"
)
# A favour named by its noun alone, straight after the person: learners' and note-takers' frame.
_BARE: Final = re.compile(
    r"(?:(?:a|an|the)\s)?((?:[\w&.'-]+\s){0,2}?)(referral|intro|introduction|reference|referee"
    r"|recommendation)s?\b(?!\s(?:program|bonus))"
)
_BARE_KINDS: Final = {
    "referral": (RequestKind.REFERRAL, "a referral"),
    "intro": (RequestKind.INTRODUCTION, "an intro"),
    "introduction": (RequestKind.INTRODUCTION, "an intro"),
    "reference": (RequestKind.REFERENCE, "a reference"),
    "referee": (RequestKind.REFERENCE, "a reference"),
    "recommendation": (RequestKind.REFERENCE, "a recommendation"),
}
_QUESTION: Final = re.compile(
    # "ping <@U…> about whether the opening is remote": a message sent about a question.
    # "need him to confirm whether my retail experience counts …": a question put to them.
    r"\b(?:ask(?:s|ed|ing)?|tell\sme|find\sout|confirm|check\swith\s(?:him|her|them)"
    # "preguntarle a Andrea if the trainer job …", "Léo → perguntar if …": the verb in Spanish
    # or Portuguese, the question in English.
    r"|pregunt(?:ar|arle|ale|o)|pergunt(?:ar|o)"
    r"|(?:ping|text|email|message|msg|dm|slack)\s"
    r"(?:[\w'.-]+\s){1,3}?(?:about|abt))\s(?:[\w'.-]+\s){0,8}?"
    # "(she's a recruiter at Grab)", ", the hiring manager I met at the fair,": about the person.
    r"(?:\([^()]{0,80}\)\s|[\w'.-]+,\s[^,.;:!?()]{1,90},\s"
    # "the hiring manager I met at the career fair, Sienna Morales, whether …": a role and a
    # short clause, then the full name between commas.
    r"|(?:[\w'.-]+\s){1,4}(?:who|i|that)\s(?:[\w'.-]+\s){1,5}?[\w'.-]+,\s[\w'.-]+\s[\w'.-]+,\s)?"
    r"(whether|if|what|how|when"
    r"|where|why|which|who(?=\s(?:the|heads|runs|manages|leads|handles|i\s(?:should|could|can|need)|to|else)\s))\b"
    # "ask: does her company take people without a C+E licence?": the question after a colon.
    r"|\b(?:ask(?:s|ed|ing)?(?:\s[\w'.-]+){0,2}?"
    # "ask Ben Adeyemi about one thing: does …", "asking her one thing: is the role …".
    r"|ask(?:s|ed|ing)?(?:\s[\w'.-]+){1,3}?\s(?:about\s)?one\s(?:thing|question)"
    # "question for Hiroshi: does Toyota's rotational program take people over 40?"
    r"|(?:q|question|questions)\sfor\s[\w'.@-]+(?:\s[\w'.-]+)?)"
    r"(?:\s?:\s(?:\d\)\s)?"
    # "ask him does the Storehouse hire guides", "ask her is there Saturday work going": the
    # question put as asked, with no "if" (Irish and Australian English).
    r"|,?\s(?=(?:does|do|is|are)\s(?:the|there|they|his|her|their|any)\s))"
    r"((?:does|do|is|are|can|will|did|has|have|would|could)\s)"
)
_ASKED_AFTER: Final = re.compile(r"\bask(?:s|ed|ing)?\b")
_INTENT_MARK: Final = compile_gated(
    r"\b(?:ask|asks|asking|asked|request|requesting|email|emailing|text|texting|call|calling"
    r"|confirm\swith"
    # "whether" in German, Spanish and French, Portuguese: "fragen ob er mir … schreibt".
    r"|ob|si|se|s'il|s'ils|s'elle"
    # French "demander à Jacques de …", "s'il peut écrire …".
    r"|demander|demande|peut|peux|pourrait|pourrais"
    # "make me the favour of reading my cover letter", "do me a favor and forward my CV".
    r"|favou?r\s(?:of|and)"
    r"|message|msg|dm|ping|contact|write|reach|tell|see\sif|have|get|got|for|from|if|whether|can"
    r"|could|would|will|might|willing|able|to|please|should|[a-z]+'d|[a-z]+'ll)\b"
)
_SELF: Final = frozenset({"i", "we", "i'll", "i'd", "we'll", "we'd", "i've", "i'm"})
_SELF_TO: Final = frozenset(
    {"going", "want", "need", "plan", "planning", "trying", "try", "hope", "hoping", "have"}
    | {"got", "like", "love", "gonna", "wanna", "intend", "mean", "able", "time"}
)
_GENERIC_TARGET: Final = re.compile(
    r"(?:(?:his|her|their|my|your)\s(?:friends|contacts|colleagues|coworkers|connections"
    r"|people|network|circle)\b|(?:some|a\sfew|few|more|other|any|new|several|\d+)\s|people|folks|others|anyone|anybody|everyone|everybody|more\speople|new\speople"
    r"|some\speople|a\sfew\speople|(?:my|his|her|their)\snetwork|contacts|someone|somebody"
    # "get me into something": no thing named.
    r"|something|anything|somewhere|anywhere|stuff|things"
    r"|people\she\sknows|people\sshe\sknows)\b"
)
# Where a CV goes when the member applies: "to the two agencies I registered with".
_APPLYING_TO: Final = re.compile(
    r"\s(?:(?:the|a|an|some|all|both|\d+|two|three|four|five|a\sfew|several)\s)?(?:[\w@-]+\s){0,2}?"
    r"(?:agencies|agency|companies|firms|employers|job\sboards|postings|openings|vacancies"
    # "the generic careers@ email at Arcadis": an inbox, not a person.
    r"|jobs|roles|positions|portals?|inbox|mailbox|e-?mail(?:\saddress)?)\b"
)
_NOTHING_NAMED: Final = re.compile(r"\s?(?:something|anything|somewhere|anywhere|stuff|things)\b")
_SPECIFIC_SOMEONE: Final = re.compile(r"(?:someone|somebody)\s(?:at|on|in|from|who|that|inside)\s")
_ANYONE_THERE: Final = re.compile(
    r"\s*(?:anyone|anybody)\s(?:(?:she|he|they)\s(?:knows?|know)\s)?(?:at|on|in|from|inside)\s"
)
_SMALL_TALK: Final = re.compile(r"\b(?:doing|going|been|holding\sup|feeling|settling)\b")
_WORD: Final = re.compile(r"[\w'-]+")
_TRAILING_WORDS: Final = (
    "by before until on this next tonight today tomorrow asap please lol too too.".split()
)
_TRAILING: Final = re.compile(
    rf"(?:\s(?:{'|'.join(map(re.escape, _TRAILING_WORDS))})(?:\s\S+){{0,2}})+$"
)
# A trailing "by Friday" starts with one of the last three words: a set test, not a scan.
_TRAILING_STARTS: Final = frozenset(_TRAILING_WORDS)


_FROM_PERSON: Final = re.compile(r"^(?:[^\W\d_][\w'.-]*\s?){1,3}(?=\s|$)")
# "a Nubank referral", "an internal referral": group 1 holds the words before the noun.
_NAMED_REFERRAL: Final = re.compile(
    r"(?:(?i:an?|one)\s)?(?!(?i:an?|one|the|his|her|their|my|your)\s)"
    r"((?:[\w&.'-]+\s){1,2}?)(?i:referral)"
)
# Words that say what kind of job referral it is; any other word must be a name (capitalised,
# or a company the member targets): "a doctor referral" is not a job referral.
_REFERRAL_WORDS_BEFORE: Final = frozenset(
    {"quick", "internal", "employee", "possible", "warm", "strong", "direct", "personal", "job"}
    | {"formal", "official"}
)


def _names_a_referral(before: list[str], anchors: list[tuple[int, int]], at: int) -> bool:
    """Do the words before "referral" name a job referral ("Nubank", "internal")?"""
    return all(
        word.lower() in _REFERRAL_WORDS_BEFORE or word[0].isupper() for word in before
    ) or any(s == at for s, _ in anchors)


_FOR_ME: Final = re.compile(r"^(?:for|about)\s(?:me|myself)\s?")
_FOR_ME_THEN: Final = re.compile(r"for\sme\s(?:for|at|to|with)\s", re.IGNORECASE)
_GERUNDS: Final = (
    ("pass", "passing"),
    ("forward", "forwarding"),
    ("send", "sending"),
    ("share", "sharing"),
    ("submit", "submitting"),
    ("hand", "handing"),
    ("give", "giving"),
    ("get", "getting"),
    ("bring", "bringing"),
    ("flag", "flagging"),
    ("slip", "slipping"),
    ("walk", "walking"),
    ("put", "putting"),
    ("show", "showing"),
    ("endorse", "endorsing"),
    ("post", "posting"),
    ("drop", "dropping"),
    ("nominate", "nominating"),
    ("add", "adding"),
    ("move", "moving"),
    ("resubmit", "resubmitting"),
    ("re-submit", "resubmitting"),
    ("vouch", "vouching"),
    ("push", "pushing"),
    ("take", "taking"),
)


def _gerund(verb: str) -> str:
    """ "pass" -> "passing", "shares" -> "sharing": how a favour reads when reflected back."""
    low = verb.lower()
    for base, gerund in _GERUNDS:
        if low.startswith(base[:3]):
            return gerund
    return low


# How far a favour's phrase may run: keeps each favour's cost bounded on run-on input.
_LOOKAHEAD: Final = 240


def _clause_start(low: str, pos: int) -> int:
    """Start of the clause containing `pos` (just after the previous clause break)."""
    start = 0
    for match in _CLAUSE_END.finditer(low, max(0, pos - 160), pos):
        start = match.end()
    return start


def _clause_end(low: str, pos: int) -> int:
    """End of the clause that starts at `pos`."""
    limit = min(len(low), pos + _LOOKAHEAD)
    match = _CLAUSE_END.search(low, pos, limit)
    return match.start() if match else limit


def _sentence_start(low: str, pos: int) -> int:
    """Start of the sentence holding `pos`."""
    start = 0
    for match in _SENTENCE_BREAK.finditer(low, max(0, pos - 200), pos):
        start = match.end()
    return start


_SENTENCE_BREAK: Final = re.compile(rf"[.;!?](?:(?<=\.){DOT_END}|(?<=[;!?]))")


def sentence_end(low: str, pos: int) -> int:
    """Where the sentence (or the favour) that runs from `pos` ends: a stop, "then", "but", a
    comma before a new subject, or the look-ahead's limit."""
    limit = min(len(low), pos + _LOOKAHEAD)
    match = _SENTENCE_END.search(low, pos, limit)
    return match.start() if match else limit


def _outside_aside(low: str, start: int, pos: int) -> int:
    """A clause opened inside brackets starts before them: "ask Jen (ex-coworker, now at
    HubSpot) which recruiter …" is one clause."""
    close = low.find(")", start, pos)
    if close < 0 or "(" in low[start:close]:
        return start
    opening = low.rfind("(", max(0, start - 160), start)
    return _clause_start(low, opening) if opening >= 0 else start


# The member as the subject of the favour's verb: "so I can send it", "before I send", "we'll
# forward" (not "if I can use her as a reference", which asks leave of the person).
# "i" or "we" at a word's start, not after "if"/"whether": checked once past the letters, so the
# regex engine skips from one "i" or "w" to the next.
_I_DO: Final = re.compile(
    r"(?:i(?<!\w.)(?<!\bif\s.)(?<!\bwhether\s.)|we(?<!\w..)(?<!\bif\s..)(?<!\bwhether\s..))"
    r"(?:'ll|'d)?(?:\s(?:can|could|will|would|should|must"
    r"|then|also|just|need\sto|have\sto|want\sto|get\sto))?\s\Z"
)


_THANKED_FOR: Final = re.compile(r"\bthank(?:s|ed|ing)?(?:\syou)?\s(?:[\w'.@-]+\s){0,3}?for\s\Z")


def _requested(low: str, pos: int) -> bool:
    """Is the favour at `pos` asked of someone else, not something the member does alone?"""
    if _I_DO.search(low, max(0, pos - 24), pos):
        return False  # "… before I send it to Continental": the member's own step
    start = _outside_aside(low, _clause_start(low, pos), pos)
    if start == 0 and pos == 0:
        return False
    after_and = (
        _AND_BEFORE.search(low, max(0, pos - 12), pos)
        if "and " in low[max(0, pos - 12) : pos]
        else None
    )
    if after_and is not None and after_and.start() == start - 4:
        strong = 0
        for match in _STRONG_END.finditer(low, max(0, pos - 160), pos):
            strong = match.end()
        if _ASK_TO.search(low, strong, pos):
            return True
        asked_for = _ASK_FOR.search(low, _sentence_start(low, pos), pos)
        if (
            asked_for is not None
            and _DOC_WORD.search(low, asked_for.end(), after_and.start()) is not None
            and not _I_DO.search(low, asked_for.start(), pos)
        ):
            return True  # a document, then the favour ("a sandwich and a referral" is no ask)
        if _SECOND_QUESTION.match(low, pos) and _ASK_IF.search(low, strong, pos):
            return True
        if _ASK_IF_THEY_CAN.search(low, strong, pos) and not low.startswith(
            ("introduce myself", "introducing myself"), pos
        ):
            return True
    window = low[max(0, pos - 160) : pos] if start == 0 else low[start:pos]
    for match in _INTENT_MARK.finditer(window):
        word = match.group(0)
        before = window[: match.start()].split()[-1:] or [""]
        prev = before[0]
        if word == "to" and prev in _SELF_TO:
            continue
        if word in ("can", "could", "would", "will", "might", "should") and prev in _SELF:
            continue
        if word.endswith(("'d", "'ll")) and word in _SELF:
            continue
        return True
    return False


# "He might know someone at SAP": the member's guess about the person, not a question put to
# them; "ask him if he might know someone at SAP" and "see whether she knows…" still ask.
_GUESS: Final = re.compile(r"\b(?:might|may|could|probably|prob|maybe|must|should)\s(?:also\s)?\Z")
_ASKING_BEFORE: Final = re.compile(r"\b(?:ask|asks|asking|if|whether|does|do|did|find\sout|see)\b")


def _guessed(low: str, pos: int) -> bool:
    """Is the "knows someone" at `pos` only guessed at ("he might know …"), nothing asked?"""
    if _GUESS.search(low, max(0, pos - 20), pos) is None:
        return False
    start = _outside_aside(low, _clause_start(low, pos), pos)
    return _ASKING_BEFORE.search(low, start, pos) is None


# A comma, then a new clause about someone: where a favour said back ends.
_NEW_CLAUSE: Final = re.compile(
    r",\s(?:he|she|they|i|we)(?:'s|'re|'m|'ll|'d|\sis|\sare|\swas|\swere|\shas|\shave|\ssaid"
    r"|\sknows|\sworks|\sran|\sruns|\sused|\smanages)\b",
    re.IGNORECASE,
)
_DANGLING: Final = frozenset(
    "for at to in on of with from by and or but the a an my your his her their our cause because"
    " since so that which who he she they i said".split()
)
_ABBREVIATED: Final = (" Dr", " Mr", " Ms", " Mrs", " Prof", " St", " Jr", " Sr", " Inc", " Co")
# A question is said back whole up to this many words ("whether my lack of a CS degree will be
# a blocker for the SDE II role"), longer than other favours: cut, it changes what is asked.
_QUESTION_WORDS_SAID: Final = 24


def _phrase(text: str, start: int, end: int, max_words: int = 14, *, tail: bool = False) -> str:
    """A short, tidy phrase from text[start:end] for reflecting back to the member; without
    a trailing "by Friday", "on Monday" unless `tail` ("quiz me on SQL" keeps "on SQL"). A
    phrase cut at `max_words` ends with "…"."""
    words = text[start:end].split()
    cut = len(words) > max_words
    kept = words[:max_words]
    while cut and len(kept) > 1 and kept[-1].lower().strip(",") in _DANGLING:
        kept.pop()  # "… the site manager in Kent for…": cut where a phrase ends
    phrase = " ".join(kept)
    clause = _NEW_CLAUSE.search(phrase)
    if clause is not None:  # "… for the Ocado job, she said to ask anytime": the favour ends
        phrase, cut = phrase[: clause.start()], False
    # "… at Tata Motors Pune... no wait": a trailing ellipsis is the member trailing off
    phrase = phrase.strip(" ,:;—-").rstrip(".…") if words else ""
    if phrase.endswith(_ABBREVIATED):
        phrase += "."  # "… to Dr." keeps the dot of the title
    phrase += "…" if cut else ""
    if tail or _TRAILING_STARTS.isdisjoint(phrase.rsplit(" ", 3)[-3:]):
        return phrase
    return _TRAILING.sub("", phrase).strip(" ,:;—-")


def _target(text: str, low: str, end: int) -> tuple[str, bool]:
    """The person or role after "introduce me to": (phrase, concrete?)."""
    stop = sentence_end(low, end)
    raw = low[end:stop].strip()
    if not raw:
        return "", False
    phrase = _phrase(text, end, stop)
    generic = _GENERIC_TARGET.match(raw)
    if generic and not _SPECIFIC_SOMEONE.match(raw):
        anyone = _ANYONE_THERE.match(low, end)
        # "anyone she knows on the Slaughter and May trainee panel": anyone at a named place.
        named = anyone is not None and _CAPITALISED.search(text, anyone.end(), stop)
        return phrase, bool(named)
    return phrase, bool(_WORD.search(raw))


# A job word is vague in "whether there are any jobs", not in "the supervisor job at Home Depot".
_CAPITALISED: Final = re.compile(r"\b(?!I\b|I')[A-Z][\w&.'-]*")
_NAMED_JOB_WORDS: Final = frozenset({"job", "opening", "position", "opportunity"})


def _doing_a_thing(words: list[str], i: int) -> bool:
    """ "whether MTN is still doing the graduate intake": doing a named thing, not "how's he
    doing"."""
    return (
        words[i] == "doing"
        and (
            words[i + 1 : i + 2] in (["the"], ["its"], ["their"])
            # "whether TCS is doing lateral hiring for SAP consultants": a round of hiring
            or not _HIRING_NOUNS.isdisjoint(words[i + 1 : i + 3])
        )
    )


_OFFERS: Final = frozenset({"offer", "offers"})
_HIRING_NOUNS: Final = frozenset(
    {"hiring", "recruiting", "recruitment", "interviews", "interviewing"}
)
_LEVEL: Final = re.compile(r"[a-z]{1,2}\d{1,2}")
# "does the gym open at 6": a number after these is a time, not a count or a level.
_BEFORE_A_TIME: Final = frozenset({"at", "by", "until", "till", "til", "before", "after", "around"})
# "if he needs a dispatcher", "whether she's got room for an apprentice": the person asked as
# the one who hires, for a named kind of role.
_NEEDS_ROLE: Final = re.compile(
    r"(?:if|whether)\s(?:he|she|they)(?:'s|\shas|\shave|'ve)?\s(?:needs?|got\sroom\sfor|room\sfor"
    r"|could\suse|is\slooking\sfor|are\slooking\sfor)\s(?:an?|another)\s([\w-]+)(?:\s([\w-]+))?"
    r"(?:\s([\w-]+))?"  # "a part time preparer": the role's third word
)
_HIRING_CONTEXT: Final = re.compile(
    r"\b(?:company|firm|business|shop|restaurant|practice|team|hire|hires|hiring|apprentice"
    r"|apprenticeship|trainee|intern|internship|job|role|position|opening|shift|contract|office"
    r"|agency|clinic|season|seasonal|part[\s-]time)\b"
)
# "the CNM2 post", "the band 6 post": a post with its title (not "what to post").
_NAMED_POST: Final = re.compile(r"\bthe\s(?:[\w&.-]+\s){1,3}post\b")
# A kind of candidate a named employer's scheme takes: "accepts bootcamp grads", "takes career
# changers", "sponsors international students" (a bare "takes people" names no kind).
_ACCEPTS_KIND: Final = re.compile(
    r"\b(?:accept|accepts|take|takes|consider|considers|sponsor|sponsors)\s(?:[\w-]+\s){1,2}?"
    r"(?:grads|graduates|applicants|candidates|students|changers|returners|people|workers|hires"
    r"|juniors|freshers|interns|veterans)\b"
)
_TITLED_JOB: Final = re.compile(
    r"\bthe\s((?:[\w&.-]+\s){1,3})(?:job|role|position|vacancy|opening)\b"
)
# The asked person's own workplace: "her school district", "his maintenance team".
_THEIR_EMPLOYER: Final = re.compile(
    r"\b(?:her|his|their)\s(?:[\w-]+\s)?(?:company|firm|team|school|district|hospital|practice"
    r"|department|org|agency|employer|store|restaurant|plant|site|office|lab|unit|trust|council)\b"
    # "the production company he freelances for": the workplace the person is said to work for
    r"|\bthe\s(?:[\w-]+\s)?(?:company|firm|agency|studio|business|shop|practice|restaurant|team)"
    r"\s(?:he|she|they)\s(?:works?|freelances?|volunteers?|contracts?|consults?)\s(?:for|at|in)\b"
)
# "whether her org (Plan International Ghana) has any opening for a safeguarding officer": an
# opening for a role named by its title (a worker noun is checked among its words).
_OPENING_FOR: Final = re.compile(
    r"\b(?:any|an)\s(?:[\w-]+\s)?(?:openings?|vacanc(?:y|ies)|positions?|jobs?|roles?)\sfor\s"
    r"(?:an?\s)?((?:[\w-]+\s?){1,3})"
)
# "what questions came up": "up" is vague in "what's up", not after "came".
_CAME: Final = frozenset({"came", "come", "comes", "coming", "brought", "bring"})
_NEWS: Final = frozenset({"feedback", "update", "updates", "news", "decision", "word"})


def _any_news_on(words: list[str], i: int) -> bool:
    """ "whether the client gave any feedback on my interview": news of a named step, not "any
    openings"."""
    return (
        words[i] == "any"
        and words[i + 1 : i + 2] != []
        and words[i + 1] in _NEWS
        and any(w in INFO_NOUNS for w in words[i + 2 :])
    )


# Job titles and the workers asked about at a named workplace ("a night auditor", "sparkies").
_WORKERS: Final = ROLE_NOUNS | WORKER_ROLES
# Employers by kind: "whether any contractors on the Snowy job are taking on sparkies".
_EMPLOYER_KINDS: Final = frozenset(
    {"contractors", "subbies", "subcontractors", "builders", "firms", "companies", "employers"}
    | {"agencies", "providers", "practices", "clinics", "hospitals", "stores", "sites", "mines"}
)


def _any_employers(words: list[str], i: int) -> bool:
    """ "any contractors on the Snowy 2.0 job …": which employers of a kind, asked about a
    named place (the question still needs a role and the place), not "any openings"."""
    return words[i] == "any" and words[i + 1 : i + 2] != [] and words[i + 1] in _EMPLOYER_KINDS


# "they", "there" in a question: the organisation the message named before it.
_BACK_WORDS: Final = frozenset({"they", "they'd", "they're", "they've", "they'll", "there"})
# "moved to Newsela as a writer", "the brief for the Wieden+Kennedy challenge": an organisation
# named after a preposition (a given name there is a person: "talk to Tom").
_ORG_BEFORE: Final = re.compile(
    r"\b(?:at|to|for|from|joined|with)\s(?:the\s)?((?!I\b)[A-Z][\w&+.'-]*)"
)
# "whether my action research counts as research experience": how a named thing of the member's
# will be judged.
_COUNTS_AS: Final = re.compile(
    r"(?:whether|if)\s(?:my|the|our|this)\s(?:[\w'-]+\s){0,4}?(?:counts?|would\scount"
    r"|will\scount|could\scount|qualif(?:y|ies)|is\sconsidered|are\sconsidered)\sas\s[\w\"“'-]"
    # "whether my retail experience counts for the team leader role": for a named post
    r"|(?:whether|if)\s(?:my|the|our|this)\s(?:[\w'-]+\s){0,4}?(?:counts?|would\scount"
    r"|will\scount|qualif(?:y|ies)\sme)\sfor\s(?:the|a|an)\s(?:[\w&.'-]+\s){0,4}?(?:role|job"
    r"|position|post|program|programme|scheme|grade|band|level|apprenticeship|opening)\b"
)
# "if the AO panel from last year is still open", "whether the staff nurse panel is reopening":
# whether a named round of hiring is open.
_STILL_OPEN: Final = re.compile(
    r"(?:whether|if)\s(?:the|that|their|his|her)\s(?:[\w&.'-]+\s){1,4}?(?:panel|post|role|job"
    r"|position|opening|vacancy|program|programme|scheme|intake|round|req|roster)\s"
    r"(?:(?:from|for|at|in)\s(?:[\w&.'-]+\s){1,3}?)?(?:is|are)\s(?:still\s)?(?:open|reopening"
    r"|re-opening|running|live|hiring|going\sahead|filled)\b"
)
# "what they actually care about", "what they look for": what a named employer values.
_PREFERENCE: Final = frozenset(
    {"care", "cares", "look", "looks", "value", "values", "prioritise", "prioritize"}
    | {"prioritises", "prioritizes", "expect", "expects"}
)


def _in_job_search(low: str) -> bool:
    """Is the message about the job search ("my sourdough counts as a hobby" is not)?"""
    return any(w in JOB_WORDS or w in INFO_NOUNS for w in _WORD.findall(low))


# "she's on the board at the kura", "his mate runs the café": a workplace the person is part
# of, named before a question about "they" (lowercase: "the kura" is that one).
_PART_OF_PLACE: Final = re.compile(
    r"\b(?:works?|working|runs?|running|owns?|manages?|managing|board|committee|staff|manager"
    r"|owner|boss)\s"
    r"(?:(?:at|of|for|in)\s)?the\s[\w'-]+"
)


def _named_before(text: str, start: int, has_anchor_at: list[tuple[int, int]]) -> bool:
    """Did the message name an organisation before `start` ("they" in a question)?"""
    if any(s < start for s, _ in has_anchor_at):
        return True
    if _PART_OF_PLACE.search(text.lower(), 0, start) is not None:
        return True
    return any(
        (name := m.group(1).rstrip(".'-").lower().removesuffix("'s")) not in GIVEN_NAMES
        and name not in COMMON_WORDS
        for m in _ORG_BEFORE.finditer(text, 0, start)
    )


# A place on someone's crew asked for: "a spot for me this season", "room for me on the crew".
_SPOT_FOR_ME: Final = re.compile(
    r"\b(?:a|any|another)\s(?:[\w-]+\s)?(?:spot|place|start|opening|shift|shifts)\sfor\sme\b"
    r"|\broom\sfor\sme\s(?:on|in|at)\s(?:the|his|her|their)\s(?:[\w-]+\s)?(?:crew|team|roster|rota"
    r"|line|kitchen|shop|site|ward|gang)\b"
)
# Whether the person asked will take the member on: a doing-for-me verb, then work ("shifts",
# "the scholarship") in the same clause — never advice or help.
_TAKES_ME_ON: Final = re.compile(
    r"(?:if|whether)\s(?:he|she|they)(?:'ll|'d|\swill|\swould|\scan|\scould|\smight)?\s"
    r"(?:give|offer|take|hire|supervise|sponsor|train|employ|try|trial|roster|put)\s(?:me|us)\s"
    r"(?:on\s)?(?:[\w'-]+\s){0,4}?(?:shifts?|hours|work|job|role|position|placement|internship"
    r"|apprenticeship|traineeship|trial|scholarship|contract|start|stage|roster|rota|crew|team"
    r"|casual|temp|project|gig)\b"
)
# Work by the season or on a crew someone runs: "runs the packhouse … this packing season".
_WORK_SEASON: Final = re.compile(r"\b(?:season|seasonal|runs\sthe|crew|roster|rota|harvest)\b")
# A question after the person's own view: "what he'd look for", "how would she approach".
_OPINION: Final = re.compile(
    r"(?:what|how)\s(?:(?:he|she|they)(?:'d|\swould)|would\s(?:he|she|they))\s"
)
# A step of one hiring process, named: "the 2nd round case", "the Sephora panel interview".
_NAMED_STEP: Final = re.compile(
    r"\bthe\s(?:[\w&.'-]+\s){0,3}?(?:round|interview|case|screen|assessment|take-home"
    r"|application|panel|presentation|test|exam|offer|posting|req)\b"
)


# Whether the member may join the person's work: "if I can shadow her on the Brasfield & Gorrie
# bid next week", "whether I could sit in on their clinic rounds", "if I can ride along on an
# inspection".
_JOIN_THEIR_WORK: Final = re.compile(
    r"(?:if|whether)\si\s(?:can|could|may|might)\s(?:job\s)?(?:shadow|sit\sin|tag\salong|ride\salong|join|assist)"
    r"\s(?:(?:her|him|them)\s)?(?:on|at|in|with)?\s?(?:the|their|his|her|a|an|one)\s(?:[\w&.'-]+\s){0,4}?"
    r"(?:bid|project|job|shift|site|clinic|class|classes|meeting|rounds?|visit|visits|audit|case"
    r"|install|build|survey|inspection|service|event|shoot|session)\b"
)
# What an employer requires of applicants: "which documents they need for the transfer of
# service", "what certs they want" (not "if he passed his exam").
_WHAT_THEY_REQUIRE: Final = re.compile(
    r"(?:which|what)\s(?:[\w-]+\s)?(?:documents|docs|certs|certifications|certificates|qualifications"
    r"|requirements|paperwork|papers|exams|tests|licen[cs]es)\s(?:they|the\s[\w-]+|[\w-]+)\s"
    r"(?:need|needs|want|wants|require|requires|ask\sfor|asks\sfor|accept|accepts|look\sfor"
    r"|looks\sfor|expect|expects)\b"
)
# What a step of hiring asks of the member: "what score I need on the aptitude test", "what
# the panel actually scores on", "what the board looks for in the interview".
_WHAT_A_STEP_TAKES: Final = re.compile(
    r"(?:what|which)\s(?:[\w-]+\s){0,2}?(?:i|we)\s(?:need|have\sto|should)\b[^.?!]{0,40}?"
    r"\b(?:test|exam|assessment|interview|panel|board|screen|round)s?\b"
    r"|(?:what|how)\s(?:the\s)?(?:panel|board|interviewers?|assessors?|examiners?|recruiters?)\s"
    r"(?:[\w-]+\s)?(?:scores?|grades?|marks?|tests?|asks?|looks?\sfor|wants?|expects?)\b"
)
# Who holds a post at a named employer: "who the talent acquisition person for customer success
# at UKG is", "who heads internal audit at Moniepoint" (never "who I should talk to").
_WHO_HOLDS: Final = re.compile(
    r"who(?:'s|\sis|\sare)?\s(?:the\s)(?:[\w&.'-]+\s){0,5}?(?:person|lead|head|manager|director"
    r"|recruiter|partner|owner|coordinator|officer|hr|contact)\b"
    r"|who\s(?:heads|runs|manages|leads|handles|does\sthe\shiring|is\sin\scharge\sof|hires\sfor)\s"
)


# A kind of work named by when or what it is: "Saturday work", "night fill shifts", "summer
# hours" (not "any work", "any shifts").
_WORK_KINDS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"}
    | {"weekends", "night", "nights", "overnight", "evening", "evenings", "morning", "mornings"}
    | {"day", "early", "late", "fill", "night-fill", "casual", "relief", "summer", "winter"}
    | {"christmas", "xmas", "holiday", "seasonal", "harvest", "shutdown", "weekday", "agency"}
)
_NAMED_WORK: Final = re.compile(r"\b([\w-]+)\s(?:shifts?|work|hours)\b")
# Where the work is: the person's own rota, or a workplace named with "the" and a capital
# ("runs the Centra in Ennis", "manager at the Tesco in Swords").
_ROTA: Final = re.compile(r"\b(?:rota|roster|rosters|rotas)\b")
_THE_PLACE: Final = re.compile(r"\b(?:runs?|owns?|manages?|at|in|for)\sthe\s(?!I\b)[A-Z]")
_LEAD_WORDS: Final = frozenset({"know", "knows", "knew", "heard", "hear", "hears"})


def _named_work_at(
    text: str, low: str, start: int, stop: int, has_anchor_at: list[tuple[int, int]]
) -> bool:
    """ "is there Saturday work going" (his mam runs the Centra), "any night fill shifts on the
    rota": a named kind of work at a workplace the message identifies, which the person asked
    can answer for. "if she knows of any weekend work" asks for a lead, and "any work going"
    names no kind."""
    found = next(
        (m for m in _NAMED_WORK.finditer(low, start, stop) if m.group(1) in _WORK_KINDS), None
    )
    if found is None:
        return False
    if not _LEAD_WORDS.isdisjoint(_WORD.findall(low[start : found.start()])):
        return False
    return (
        bool(has_anchor_at)
        or _ROTA.search(low, start, stop) is not None
        or _CAPITALISED.search(text, found.end(), stop) is not None
        or _THE_PLACE.search(text) is not None
        or _THEIR_EMPLOYER.search(low, start, stop) is not None
    )


# "whether I should take the spot at Amazon or the one at Microsoft", "which offer he'd take,
# the Qatar one or the Amman one": a choice between two named options, each named by a company
# or a capitalised name that is not a person, a day or a month.
_OR: Final = re.compile(r"\sor\s")
_MONTHS: Final = frozenset(
    {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "june", "jul"}
    | {"july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november"}
    | {"dec", "december"}
)


def _named_in(text: str, start: int, stop: int, has_anchor_at: list[tuple[int, int]]) -> bool:
    """Is a company, a role or a capitalised name that is no person, day or month in the span?"""
    if any(start <= s < stop for s, _ in has_anchor_at):
        return True
    for m in _CAPITALISED.finditer(text, start, stop):
        word = m.group(0).rstrip(".'-,").lower().removesuffix("'s")
        if (
            word not in GIVEN_NAMES
            and word not in COMMON_WORDS
            and word not in NOT_NAMES
            and word not in _MONTHS
        ):
            return True
    return False


def _named_choice(
    text: str, low: str, start: int, stop: int, has_anchor_at: list[tuple[int, int]]
) -> bool:
    """Does the question weigh two options, each named ("… at Amazon or the one at Microsoft")?"""
    return any(
        _named_in(text, start, m.start(), has_anchor_at)
        and _named_in(text, m.end(), stop, has_anchor_at)
        for m in _OR.finditer(low, start, stop)
    )


# "how he got his SkillBridge approved at USAA", "how she moved into product at VNG": how the
# person asked did a named thing (the place or the thing named in the question), not "how he
# is doing" or "how she'd approach it" (advice).
_HOW_THEY_DID: Final = re.compile(
    r"how\s(?:he|she|they)\s(?:got|did|landed|made|managed|moved|switched|translated|broke"
    r"|transitioned|converted|applied|passed|cleared|secured|found|negotiated|handled)\b"
)


def _question_concrete(
    text: str, low: str, start: int, has_anchor_at: list[tuple[int, int]]
) -> bool:
    """A question is concrete when it names something answerable and nothing vague."""
    stop = sentence_end(low, start)
    if _named_work_at(text, low, start, stop, has_anchor_at):
        return True
    if low.startswith(("what ", "how "), start) and _OPINION.match(low, start, stop):
        # "what he'd look for in a site manager", "how she'd approach my situation": the
        # person's view, advice, unless it is of a named step ("what she'd want to see in the
        # 2nd round case") or at a named company.
        return _NAMED_STEP.search(low, start, stop) is not None or any(
            start <= s < stop for s, _ in has_anchor_at
        )
    needs = _NEEDS_ROLE.match(low, start, stop)
    if (
        needs is not None
        and (needs.group(1) in _WORKERS or needs.group(2) in _WORKERS or needs.group(3) in _WORKERS)
        and _HIRING_CONTEXT.search(low) is not None
    ):
        # "if he needs a dispatcher" (he owns the trucking company): whether the person would
        # take the member on; "if mum needs a nurse for grandma" is no job ask.
        return True
    if _SPOT_FOR_ME.search(low, start, stop) is not None and (
        _HIRING_CONTEXT.search(low) is not None or _WORK_SEASON.search(low) is not None
    ):
        # "if she has a spot for me this winter season" (she runs the lift team): whether the
        # person will take the member on (not "if there's anything for me", nor a spot at
        # yoga).
        return True
    if _TAKES_ME_ON.match(low, start, stop) is not None:
        # "if he'll give me weekend shifts at either", "whether she'd supervise me for the
        # summer vacation scholarship": whether the person will take the member on for work.
        return True
    if _WHAT_THEY_REQUIRE.search(low, start, stop) is not None and _in_job_search(low):
        return True  # "which documents they need for the transfer of service"
    if _WHAT_A_STEP_TAKES.match(low, start, stop) is not None:
        return True  # "what score I need on the aptitude test to get ranked in the top tier"
    if _JOIN_THEIR_WORK.match(low, start, stop) is not None:
        return True  # "if I can shadow her on the Brasfield & Gorrie bid next week"
    if _NAMED_POST.search(low, start, stop) is not None:
        return True  # "whether the CNM2 post in Cork is open": a post named by its title
    if _STILL_OPEN.match(low, start, stop) is not None:
        return True  # "if the AO panel from last year is still open for assignments"
    titled = _TITLED_JOB.search(low, start, stop)
    if titled is not None and any(w in _WORKERS for w in titled.group(1).split()):
        return True  # "whether they've filled the bilingual claims adjuster job": a post by title
    words = _WORD.findall(low[start:stop])
    has_company = any(start <= s < stop for s, _ in has_anchor_at)
    if _WHO_HOLDS.match(low, start, stop) is not None and (
        has_company or _CAPITALISED.search(text, start + 4, stop) is not None
    ):
        return True  # "who the talent acquisition person at UKG is": a name at a named employer
    if _WHO_YOU_KNOW.match(low, start, stop) is not None and (
        has_company or _CAPITALISED.search(text, start + 16, stop) is not None
    ):
        return True  # "who do u know at Schneider National?": people at a named employer
    if any(_any_employers(words, i) for i in range(len(words) - 1)):
        # "whether any contractors on the Snowy 2.0 job are taking on sparkies": which
        # employers of a kind hire a named kind of worker, at a named place.
        return (
            has_company or _CAPITALISED.search(text, start, stop) is not None
        ) and not _WORKERS.isdisjoint(words)
    # "Rebecca moved to Newsela. asking her whether they take freelance writers": "they" is the
    # organisation named before the question.
    named_back = (
        not has_company
        and not _BACK_WORDS.isdisjoint(words)
        and _named_before(text, start, has_anchor_at)
    )
    if (has_company or named_back) and _ACCEPTS_KIND.search(low, start, stop) is not None:
        return True  # "whether Capital One's TDP accepts bootcamp grads": who a scheme takes
    opening = _OPENING_FOR.search(low, start, stop)
    if (
        opening is not None
        and not _WORKERS.isdisjoint(opening.group(1).split())
        and (
            has_company
            or named_back
            or _CAPITALISED.search(text, start, stop) is not None
            or _THEIR_EMPLOYER.search(low, start, stop) is not None
        )
    ):
        return True  # "whether her org (Plan International Ghana) has any opening for a …"
    if len(words) < 2 or any(
        w in VAGUE_QUESTION_WORDS
        and not (has_company and w in _NAMED_JOB_WORDS and "the" in words[max(0, i - 4) : i])
        and not _doing_a_thing(words, i)
        and not _any_news_on(words, i)
        and not (w == "up" and i > 0 and words[i - 1] in _CAME)
        for i, w in enumerate(words)
    ):
        return False
    # "an L7", "a P5", "2 rounds": a level or a count names what is asked about ("5pm", "the
    # 3rd" are times, not levels).
    if any(
        w in INFO_NOUNS
        # "whether there's a full time offer coming": an offer of a named job or employer
        or (has_company and w in _OFFERS)
        or (w.isdigit() and (i == 0 or words[i - 1] not in _BEFORE_A_TIME))
        or _LEVEL.fullmatch(w) is not None
        for i, w in enumerate(words)
    ):
        return True
    if (has_company or _in_job_search(low)) and _named_choice(
        text, low, start, stop, has_anchor_at
    ):
        return True  # "whether I should take the spot at Amazon or the one at Microsoft"
    if _HOW_THEY_DID.match(low, start, stop) is not None and _named_in(
        text, start, stop, has_anchor_at
    ):
        return True  # "how he got his SkillBridge approved at USAA"
    if _COUNTS_AS.match(low, start, stop) is not None and _in_job_search(low):
        return True  # "whether my research counts as "research experience"": a named judgement
    if (
        named_back
        and words[0] == "what"
        and words[1] in _BACK_WORDS
        and not _PREFERENCE.isdisjoint(words[2:5])
        and _in_job_search(low)
    ):
        return True  # "what they actually care about" (they: the employer named before)
    # "whether Target is hiring" is not enough; "whether Target hires QA engineers" is, and so
    # is "whether Ecobank hires credit analysts" (a name the company list does not hold), and
    # "whether her school district hires designers": the person's own employer is identified.
    return (
        has_company
        or named_back
        or _CAPITALISED.search(text, start, stop) is not None
        or _THEIR_EMPLOYER.search(low, start, stop) is not None
    ) and any(w in _WORKERS for w in words)


# Romanised Hindi and Urdu around a favour noun: "Ankit bhai se referral maangna hai", "rohit
# ko referral ke liye puchna hai" — the particles and the verb of asking, not the favour.
_POSTPOSITIONS: Final = frozenset({"se", "ko", "ka", "ki", "ke", "mein", "me", "ne"})
_ASKING_AFTER: Final = REQUEST_VERBS_AFTER | frozenset(
    {"hai", "hain", "he", "karna", "karni", "lena", "leni", "dena", "de", "do", "doge", "dijiye"}
    | {"ke", "liye", "ki", "ka", "ko", "se", "karwa", "karwana", "karwani", "mangna"}
    # "referral daal de" (put in a referral), "referral kar do"
    | {"daal", "dal", "daalna", "dalna", "dalwa", "dalwana", "kar", "karo", "kardo", "karde"}
)
# "rohan ko bolunga referral …", "Ankit bhai ko bolna hai referral …": the particle after the
# person and the verb of asking (and "ki", "that"), then the favour noun.
_PARTICLE_THEN_ASKING: Final = re.compile(
    r"(?:ko|se|ne)\s(?:(?:"
    + "|".join(sorted(map(re.escape, REQUEST_VERBS_AFTER)))
    + r"|hai|hain)\s)+(?:ki\s)?"  # "… ko bolunga ki Amazon mein referral daal de": "that"
)


def _bare_favours(text: str, low: str, after_person: Sequence[int]) -> Iterator[Favour]:
    """A favour noun right after the person asked: "ask carlos referral mercadolibre role"."""
    for pos in after_person:
        m = _BARE.match(low, pos)
        if m is None and low.startswith(("ko ", "se ", "ne "), pos):
            skipped = _PARTICLE_THEN_ASKING.match(low, pos)
            m = _BARE.match(low, skipped.end()) if skipped else None
        if m is None:
            continue
        where = text[m.start(1) : m.end(1)].strip()
        while where and (
            where.lower().rsplit(" ", 1)[-1] in _POSTPOSITIONS
            # "rohan ko bolunga referral": the particle and the verb of asking, no place
            or where.lower().rsplit(" ", 1)[-1] in REQUEST_VERBS_AFTER
        ):
            # "Ankit bhai se referral …" ("from", in Hindi), "Dream11 mein referral" ("in")
            where = where.rsplit(" ", 1)[0] if " " in where else ""
        if (
            where.lower() == "for"
            and m.group(2) != "recommendation"
            and low[m.end() : m.end() + 1] == ","
        ):
            where = ""  # "ask Grzegorz for reference, he was my shift leader": no article
        if where and all(word in _LITTLE_ABROAD for word in where.lower().split()):
            where = ""  # "demande à marc-andré pour un intro à …": "for an", in French
        if any(word in COMMON_WORDS for word in where.lower().split()):
            continue  # "ask Kevin about his referral", "ask my boss for a recommendation"
        kind, what = _BARE_KINDS[m.group(2)]
        stop = sentence_end(low, m.end())
        tail = _phrase(text, m.end(), stop)
        while tail and tail.split(" ", 1)[0].lower().strip(",") in _ASKING_AFTER:
            tail = tail.split(" ", 1)[1] if " " in tail else ""  # "… referral maangna hai for …"
        if tail.lower().startswith(("please", "pls")):
            tail = tail.split(" ", 1)[1] if " " in tail else ""  # "referral pls"
        if tail and tail.split(" ", 1)[0].lower() not in (
            "for",
            "to",
            "at",
            "with",
            "in",
            "on",
            "à",
        ):
            tail = f"for {tail}"
        # "Min-jun: Coupang referral": the words before the noun say where.
        if where:
            tail = f"{tail} ({where})" if tail else f"at {where}"
        concrete = kind is not INTRODUCTION or bool(tail)
        yield Favour(kind, m.start(2), m.end(), concrete, f"{what} {tail}".strip(), True)


# French, Spanish and Portuguese articles and prepositions before a favour noun.
_LITTLE_ABROAD: Final = frozenset(
    {"pour", "un", "une", "le", "la", "les", "des", "du", "de", "para", "por", "el", "una", "um"}
)


def _forms(bases: str, endings: str = "") -> frozenset[str]:
    """Words a pattern's match must contain, with the endings the pattern allows."""
    ends = ["", *endings.split()]
    return frozenset(base + end for base in bases.split() for end in ends)


# Each favour pattern is only run when the message holds one of the words every match of it
# contains: one set test instead of a regex scan, for most patterns on most messages.
_INTRO_WORDS = _forms(
    "introduce introduction intro present connect put hook set cc loop link", "s d ed ing 'd 'ing"
) | {"introducing", "introduces", "putting", "setting", "book", "get", "arrange", "schedule"}
_INTRO_WORDS |= {"organise", "organize"}
_REFERRAL_WORDS = _forms(
    "refer referral word recommend vouch pass forward send share submit hand give get bring flag"
    " slip walk put post drop show endorse nominate add move resubmit push",
    "s es ed ing ting ped ping",
) | {"referred", "referring", "indicate", "indicates", "indicated", "indicating"}
_REFERRAL_WORDS |= {"take", "takes", "taking"}
_REFERENCE_WORDS = _forms(
    "reference referee recommendation letter ref lor endorsement testimonial rec recc reco recco"
    " carta lettre referencje empfehlungsschreiben",
    "s",
) | {"confirm", "verify", "write", "check", "checker", "checkers", "call", "verification"}
_REFERENCE_WORDS |= {"putting", "using", "listing", "naming"}  # "putting her down as my referral"
_REVIEW_WORDS: Final = _forms(
    "review look read go proofread proof critique edit mark check give feedback notes comments"
    " comment input thoughts edits eyes once-over take tear sanity-check sanity fact-check fact"
    " weigh red-pen redpen red pointers correct fix improve rip pull squiz gander butchers dekko"
    " geez squint critiqu improv control",
    "s es ing",
) | {"controlling"}
_SEND_DOC_WORDS: Final = _forms("send sending email share forward give show bring hand")
_NAMES_WORDS: Final = _forms(
    "name contact email phone linkedin list who who's which posting description req requisition"
    " listing post chart calendar questions notes guide number jd",
    "s",
)
_KNOWS_WORDS: Final = _forms("know knows has have whether if")
_QUESTION_WORDS: Final = (
    _forms("ask tell find", "s ed ing")
    | {"confirm", "check", "preguntar", "preguntarle", "preguntale", "pregunto", "perguntar"}
    | {"pergunto"}
    | _forms("ping text email message msg dm slack q question", "s")
)
_CALL_WORDS: Final = _forms(
    "call chat zoom conversation coffee meeting session catch-up phone video", "s"
) | {"15-minute", "20-minute", "30-minute"}
_TALK_WORDS: Final = _forms("talk speak chat meet")
_MOCK_WORDS: Final = _forms("mock practice role-play role", "s")
_PRACTICE_WORDS: Final = _forms(
    "quiz drill grill prep coach test role-play roleplay run go walk listen mock-interview mock"
    " time pretend watch play role mockinterview",
    "s es ed ing zes ning",
) | _forms("rehears practis practic", "e es ed ing")
# The last word of every document ("cover letter" -> "letter"): a review needs one.
_DOC_HEADS: Final = frozenset(doc.split()[-1] for doc in DOCUMENTS) | {"mine"}
_PIECES: Final = re.compile(r"[^\W_]+").findall  # the pieces a message's word set holds
# "tear-down" is found in the message's words by its first piece ("tear").
_DOC_REVIEW_WORDS: Final = frozenset(_PIECES(noun)[0] for noun in _DOC_REVIEW_NOUNS) | {
    "exchange",
    "trade",
}
_SWAPPING: Final = {"swap": "swapping", "exchange": "exchanging", "trade": "trading"}
# A question word, or the colon of "ask: does her company …?".
_QUESTION_HEADS: Final = frozenset(
    {"whether", "if", "what", "how", "when", "where", "why", "which", "who", ":"}
    # "ask him does the Storehouse hire guides": the question as asked, with no "if".
    | {"does", "do", "is", "are"}
)
# "if I can stay in her room while I interview": leave for the member's own errand, no answer
# for the search, unless what the member may do uses the person's name or reaches someone.
_PERMISSION: Final = re.compile(
    r"(?:if|whether)\s(?:i|we)\s(?:can|could|may|might)\s(?:also\s)?([\w'-]+)"
)
_PERMISSION_FOR_SEARCH: Final = frozenset(
    {"use", "list", "mention", "name", "put", "cite", "drop", "give", "share", "include", "say"}
    | {"call", "email", "e-mail", "contact", "message", "text", "dm", "ping", "reach", "write"}
    | {"send", "forward", "apply", "reapply", "interview", "shadow", "visit", "meet", "talk"}
)
_PLACE_ON: Final = re.compile(
    r"\s(?:a|an)\s(?:[\w-]+\s)?(?:slot|spot|place|seat)\s(?:in|on)\s(?:the|their|his|her)\s"
    r"(?:[\w&.'-]+\s){0,3}?(?:cohort|program|programme|intake|scheme|class|batch|internship)\b"
)
_NUMBER_WORDS: Final = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "couple"]
)
_HAS_DIGIT: Final = re.compile(r"\d").search
# The member's record confirmed: counts only where the message is about a job or application.
_RECORD_WORDS: Final = (
    "hours",
    "placement",
    "attendance",
    "experience",
    "qualification",
    "qualifications",
    "training",
)
_FOR_AN_EMPLOYER: Final = re.compile(
    r"\b(?:application|apply|applying|role|job|post|position|employer|registration|scheme"
    r"|programme|program|vetting|background\scheck|reference|referee|apprenticeship|interview"
    r"|hiring|recruiter|hr|offer|pre-reg|licen[cs]e)\b"
)
_NUMBER_OF_ENDS: Final = (" at ", " in ", " from ", " on ", " who ")
_CONTACT_OF: Final = re.compile(
    r"(?:direct\s|work\s|personal\s)?(?:email|phone\snumber|contact\sinfo)(?:\saddress)?\s(?:of|for)\s"
)
_SEARCH_PEOPLE: Final = frozenset(
    {"hr", "hiring", "recruiting", "recruitment", "talent", "head", "lead", "partner", "pi"}
    | {"founder", "ceo", "cto", "boss", "supervisor", "principal", "dean", "professor", "chair"}
)
_CORE_DOC_WORDS: Final = frozenset(doc for doc in CORE_DOCUMENTS if " " not in doc)
_START: Final = attrgetter("start")


# "ask ben for her email so I can send my CV straight to her", "Daniel's cousin recruits for
# BHP. messaging Daniel to get her email": a contact said with a pronoun is someone else's when
# the message names a third person before it ("ask Mereana for her email so I can send my CV to
# her" asks for Mereana's own).
_THEIR_CONTACT: Final = re.compile(
    r"\b(?:for|get|got|grab|send\sme|text\sme|give\sme)\s(?:his|her|their)\s(?:direct\s|work\s"
    r"|mobile\s)?(?:e-?mail(?:\saddress)?|phone\snumber|number|mobile|contact(?:\sinfo|\sdetails)?)\b"
)
_CONTACT_WORDS: Final = frozenset({"email", "e-mail", "number", "mobile", "contact"})
_PRONOUN_WORDS: Final = frozenset({"his", "her", "their"})
_THIRD_PERSON: Final = re.compile(
    r"(?:'s|\b(?:his|her|their))\s(?!(?:my|a|an|the|our|your)\s)(?:[\w-]+\s)?(?:cousin|sister|brother|wife|husband|mum|mam|mom"
    r"|dad|aunty|auntie|aunt|uncle|mate|friend|partner|boss|neighbour|neighbor|pastor|son"
    r"|daughter|girlfriend|boyfriend|flatmate|housemate|manager|nephew|niece)\b"
    r"|\bknows\s(?:the|a)\s"
)


_INFORMATIONAL_WORDS: Final = frozenset({"informational"})
_TAKE_ON_WORDS: Final = _forms(
    "take takes taking book enrol enroll sign get put", "s ed ing led ling ting"
)
_ARRANGE_WORDS: Final = _forms("trial shadow shadowing stage visit")
_SIGN_WORDS = _forms("letter certificate noc declaration attestation verification form", "s")
_SIGN_WORDS |= {"memo", "memos", "request", "requests"}
_WALK_ME_WORDS: Final = frozenset({"through"})
_BE_ROLE_WORDS: Final = frozenset({"supervisor", "advisor", "adviser", "sponsor"})
_WRITE_WORDS: Final = frozenset({"write"})
_STATUS_WORDS: Final = frozenset({"application", "candidacy"})
# The favours read by one loop each in `find_favours`, with the words one of which every match
# holds: most messages hold none of a loop's words, and one set test then skips the whole loop
# (rather than one test per pattern). The unions are made from the pairs, so they stay in step.
_FavourGates = tuple[tuple[re.Pattern[str], frozenset[str]], ...]
_PRACTICE_FAVOURS: Final[_FavourGates] = (
    (_INFORMATIONAL, _INFORMATIONAL_WORDS),
    (_MOCK, _MOCK_WORDS),
    (_PRACTICE, _PRACTICE_WORDS),
)
_DEED_FAVOURS: Final[_FavourGates] = (
    (_ARRANGE, _ARRANGE_WORDS),
    (_SIGN, _SIGN_WORDS),
    (_WALK_ME, _WALK_ME_WORDS),
    (_BE_ROLE, _BE_ROLE_WORDS),
    (_WRITE_DOC, _WRITE_WORDS),
    (_STATUS, _STATUS_WORDS),
    (_TAKE_ON, _TAKE_ON_WORDS),
)
_WORD_FAVOURS: Final[_FavourGates] = (
    (_PUT_ME_FORWARD, _PUT_ME_FORWARD_WORDS),
    (_SPEAK_FOR_ME, _SPEAK_FOR_ME_WORDS),
)
# Each gated pattern with one set of words every match of it holds (a pattern gated by two
# sets, as a review by a document and a review word, is listed with each): the gates above are
# kept by hand, so tests/coaching/test_gates.py checks them on every labelled ask.
GATED_PATTERNS: Final[tuple[tuple[re.Pattern[str], frozenset[str]], ...]] = (
    (_INTRO, _INTRO_WORDS),
    (_REFERRAL, _REFERRAL_WORDS),
    (_REFERENCE, _REFERENCE_WORDS),
    (_REVIEW, _REVIEW_WORDS),
    (_REVIEW, _DOC_HEADS),
    (_DOC_REVIEW, _DOC_HEADS),
    (_REVIEW_BACK, _REVIEW_WORDS),
    (_REVIEW_BACK, _BACK_DOC_WORDS),
    (_DOC_REVIEW, _DOC_REVIEW_WORDS),
    (_SEND_DOC, _SEND_DOC_WORDS),
    (_SEND_DOC, _DOC_HEADS),
    (_NAMES, _NAMES_WORDS),
    (_COUNTED, _COUNTED_WORDS),
    (_WHO_TO, frozenset({"who"})),
    (_WHICH_PEOPLE, frozenset({"which"})),
    (_BENCHMARK, frozenset({"benchmark", "benchmarks"})),
    (_KNOWS_ANYONE, _KNOWS_WORDS),
    (_FOREIGN_KNOWS, _FOREIGN_QUESTION_GATE),
    (_FOREIGN_CONTACT, _FOREIGN_QUESTION_GATE),
    (_FOREIGN_QUESTION, _FOREIGN_QUESTION_GATE),
    (_QUESTION, _QUESTION_WORDS),
    (_QUESTION, _QUESTION_HEADS),
    (_CALL, _CALL_WORDS),
    (_TALK_TO_ME, _TALK_WORDS),
    *_PRACTICE_FAVOURS,
    *_DEED_FAVOURS,
    *_WORD_FAVOURS,
    (_THEIR_CONTACT, _CONTACT_WORDS),
    (_THEIR_CONTACT, _PRONOUN_WORDS),
)


# Every word the names, counted contacts, "who …", "which …" and benchmark loop needs one of.
_INFORMATION_WORDS: Final = (
    _NAMES_WORDS | _COUNTED_WORDS | {"who", "which", "benchmark", "benchmarks"}
)
_PRACTICE_FAVOUR_WORDS: Final = frozenset().union(*(needs for _, needs in _PRACTICE_FAVOURS))
_DEED_FAVOUR_WORDS: Final = frozenset().union(*(needs for _, needs in _DEED_FAVOURS))
_WORD_FAVOUR_WORDS: Final = frozenset().union(*(needs for _, needs in _WORD_FAVOURS))
# Every word a test in `find_favours` looks for in the message's words (each `….isdisjoint(words)`
# and `"…" in words` there): `find_favours` keeps only these of the message's words, usually a
# handful, so each of its thirty-odd set tests reads a few words rather than the whole message.
# tests/coaching/test_favour_words.py checks that every test there is covered.
_FAVOUR_TEST_WORDS: Final = frozenset().union(
    _INTRO_WORDS,
    _REFERRAL_WORDS,
    _REFERENCE_WORDS,
    _DOC_HEADS,
    _REVIEW_WORDS,
    _DOC_REVIEW_WORDS,
    _BACK_DOC_WORDS,
    _SEND_DOC_WORDS,
    _INFORMATION_WORDS,
    _NUMBER_WORDS,
    _CONTACT_WORDS,
    _PRONOUN_WORDS,
    _KNOWS_WORDS,
    _QUESTION_HEADS,
    _QUESTION_WORDS,
    _CALL_WORDS,
    _TALK_WORDS,
    _WORKERS,
    _FOREIGN_GATE,
    _FOREIGN_WORDS,
    _FOREIGN_QUESTION_GATE,
    _FOREIGN_ASKING_WORDS,
    *(needs for _, needs in (*_PRACTICE_FAVOURS, *_DEED_FAVOURS, *_WORD_FAVOURS)),
    {"whether", "about", "abt"},
)


_NO_WORDS: Final[frozenset[str]] = frozenset()
_EMPTY: Final[tuple[re.Match[str], ...]] = ()


def _ing(verb: str) -> str:
    """ "sign" -> "signing", "arrange" -> "arranging", "set" -> "setting" (said back)."""
    low = verb.lower()
    if low.endswith("ing") and low not in ("ring", "bring"):
        return low
    if low.endswith("e") and not low.endswith("ee"):
        return low[:-1] + "ing"
    if low in ("set", "get", "put"):
        return low + "ting"
    if low == "enrol":
        return "enrolling"
    return low + "ing"


def find_favours(
    text: str,
    low: str,
    anchors: list[tuple[int, int]],
    after_person: Sequence[int] = (),
    words: AbstractSet[str] | None = None,
) -> list[Favour]:
    """All favours in the text. `anchors` are spans of companies and roles (for concreteness);
    `after_person` are offsets just after a person asked ("ask carlos | referral …");
    `words` are the message's lowercase tokens (found again from `text` when not given)."""
    if words is None:
        words = {word.lower() for word in TOKEN.findall(text)}
    words = _FAVOUR_TEST_WORDS.intersection(words)  # the words the tests below look for
    # A bare favour noun holds "refer" (referral, reference, referee), "intro" or "recommend".
    bare = after_person and ("refer" in low or "intro" in low or "recommend" in low)
    favours: list[Favour] = list(_bare_favours(text, low, after_person)) if bare else []
    has_anchor = bool(anchors)

    for m in _EMPTY if _INTRO_WORDS.isdisjoint(words) else _INTRO.finditer(low):
        target, concrete = (
            _target(text, low, m.end())
            if m.group(0).endswith(("to", "with", "à"))
            else (
                "",
                False,
            )
        )
        if not target:
            # "introduce me" with no one after: concrete only if the ask names a target, or
            # the person was said to know someone ("Antônio knows the director of operations
            # at the Hilton …, asking him for an introduction").
            known = _KNOWS_SOMEONE.search(text, 0, m.start()) if "know" in low else None
            if known is not None:
                target = known.group(1)
            concrete = has_anchor or known is not None
        what = f"an intro to {target}" if target else "an intro"
        favours.append(
            Favour(
                INTRODUCTION,
                m.start(),
                m.end(),
                concrete,
                what,
                _requested(low, m.start()),
            )
        )
    for m in _EMPTY if _REFERRAL_WORDS.isdisjoint(words) else _REFERRAL.finditer(low):
        start = m.start("w")
        if start < 0:
            start = m.start()
        matched = low[start : m.end()]
        submitted = (
            matched.startswith(("submit", "resubmit", "re-submit", "send", "file", "put"))
            and "referral" in matched
        )
        by_name = (
            _NAMED_REFERRAL.match(text, start, m.end())
            if "referral" in matched and not submitted
            else None
        )
        if by_name and not _names_a_referral(by_name.group(1).split(), anchors, by_name.start(1)):
            continue  # "a few referrals", "a specialist referral": not a job referral
        stop = sentence_end(low, m.end())
        rest = _phrase(text, m.end(), stop)
        concrete = True
        if submitted:
            referral = _phrase(text, start, stop).split(" ", 1)[1]
            what = f"{_gerund(matched.split(' ', 1)[0])} {referral}"
        elif matched.startswith(("refer", "recommend")) or "referral" in matched:
            if matched.endswith("from "):
                # "Referral from Kevin for the QA role": the person is the requestee.
                rest = _FROM_PERSON.sub("", _phrase(text, m.end(), stop), count=1)
            if _FOR_ME_THEN.match(rest):
                rest = rest[len("for me ") :]  # "a referral for me for the SE role at Snowflake"
            if rest.lower().startswith(("internally ", "directly ", "officially ")):
                rest = rest.split(" ", 1)[1]  # "refer me internally for the BA role"
            tail = rest if rest.split(" ", 1)[0].lower() in ("for", "to", "at", "with") else ""
            # "a Nubank referral", "an internal referral": the member's words before the noun.
            what = f"{by_name.group(0) if by_name else 'a referral'} {tail}".strip()
        elif "word" in matched:
            tail = _FOR_ME.sub("", rest, count=1)
            what = f"a good word {tail}".strip()
        elif matched.endswith(("to", "with", "onto")):
            # "forward my resume to the recruiter at Best Buy", not "… to a few people".
            target, concrete = _target(text, low, m.end())
            if _APPLYING_TO.match(low, m.end()) and not _requested(low, start):
                continue  # "sending my CV to the two agencies": applying, nothing asked
            verb = matched.split(" ", 1)[0]
            what = f"{_gerund(verb)} {_phrase(text, start + len(verb) + 1, stop)}"
        else:
            verb = matched.split(" ", 1)[0]
            # "put my name up for the next intake": the whole post said back.
            named_for = matched.startswith("put") and " for " in matched
            passed = _phrase(text, start + len(verb) + 1, stop, tail=named_for)
            if passed.split(" ", 1)[0].lower() in _CORE_DOC_WORDS:
                passed = f"my {passed}"  # "fwd resume" -> "forwarding my resume"
            what = f"{_gerund(verb)} {passed}"
            # "get me in somewhere": nothing named to be put in.
            concrete = _NOTHING_NAMED.match(low, m.end()) is None
        favours.append(
            Favour(
                REFERRAL,
                start,
                m.end(),
                concrete,
                what,
                _requested(low, start),
            )
        )
    for m in _EMPTY if _REFERENCE_WORDS.isdisjoint(words) else _REFERENCE.finditer(low):
        stop = sentence_end(low, m.end())
        rest = _phrase(text, m.end(), stop)
        matched = m.group(0)
        if matched.endswith(" for"):
            rest = _phrase(text, m.end() - 3, stop)  # "ref for the support role"
        base = (
            "a LinkedIn recommendation"
            if "linkedin" in matched or low.startswith(" on linkedin", m.end())
            else "an endorsement"
            if "endorsement" in matched
            else "a letter " + _phrase(text, m.start(), stop).split(" ", 1)[1]
            if matched.startswith("letter") and " of " not in matched
            else "a reference letter"
            if "referee letter" in matched or "reference letter" in matched
            else "a recommendation letter"
            if "letter" in matched or "recommend" in matched or matched.startswith("lor")
            else "a recommendation"
            if matched.endswith(("rec", "recc", "reco", "recco"))
            else "a reference"
        )
        tail = rest if rest.split(" ", 1)[0].lower() in ("for", "to", "at", "with", "about") else ""
        concrete = True
        if matched.startswith(("send ", "submit ", "email ", "forward ")):
            verb, _, sent_on = matched.strip().partition(" ")
            base = f"{_ing(verb)} {sent_on}"  # "sending the reference to Greggs HR"
        if matched.startswith(("confirm", "verify")):
            verb = matched.split(" ", 1)[0]
            base, tail = f"{verb}ing {_phrase(text, m.start() + len(verb) + 1, stop)}", ""
            if matched.endswith(_RECORD_WORDS) and " that " not in matched:
                # "confirm my 400 hours for the Boots application", not "… for my tax return".
                concrete = _FOR_AN_EMPLOYER.search(low) is not None
        favours.append(
            Favour(
                REFERENCE,
                m.start(),
                m.end(),
                concrete,
                f"{base} {tail}".strip(),
                _requested(low, m.start()),
            )
        )
    has_doc = not _DOC_HEADS.isdisjoint(words)
    reviews = has_doc and not _REVIEW_WORDS.isdisjoint(words)
    doc_reviews = [
        (m, f"a review of {_owned(text[m.start('doc') : m.end()])}", True)
        for m in (_REVIEW.finditer(low) if reviews else _EMPTY)
    ]
    if has_doc and not _DOC_REVIEW_WORDS.isdisjoint(words):
        # "a resume teardown" is asked; "sign up for a free resume review" is not.
        doc_reviews += [
            (
                m,
                f"{_SWAPPING[verb]} {rest}"
                if (verb := m.group(0).split(" ", 1)[0]) in _SWAPPING
                and (rest := text[m.start() + len(verb) + 1 : m.end()])
                else f"a {text[m.start() : m.end()]}",
                _SIGNED_UP.search(low, _clause_start(low, m.start()), m.start()) is None,
            )
            for m in _DOC_REVIEW.finditer(low)
        ]
    if has_doc and not _BACK_DOC_WORDS.isdisjoint(words) and not _REVIEW_WORDS.isdisjoint(words):
        # "the paragraph on my resume — asking Gwen to read just that": the document named before.
        for m in _REVIEW_BACK.finditer(low):
            docs = [(d.start(), d.end()) for d in _DOC_BEFORE.finditer(low, 0, m.start())]
            if docs:
                start, end = docs.pop()
                # "the paragraph on my resume": one document inside another, said as one.
                while docs and low[docs[-1][1] : start] in _DOC_JOINS:
                    start = docs.pop()[0]
                doc_reviews.append((m, f"a review of {_owned(text[start:end])}", True))
    for m, what, asked in doc_reviews:
        favours.append(
            Favour(
                REVIEW,
                m.start(),
                m.end(),
                True,
                what,
                asked and _requested(low, m.start()),
            )
        )
    sent = None if not has_doc or _SEND_DOC_WORDS.isdisjoint(words) else _SEND_DOC.search(low)
    if sent:
        feedback = _FEEDBACK.search(low, sent.end())
        if feedback:
            doc = re.search(_DOC_PHRASE, low[sent.start() : sent.end()])
            doc_text = text[sent.start() + doc.start() : sent.end()] if doc else "it"
            favours.append(
                Favour(
                    REVIEW,
                    feedback.start(),
                    feedback.end(),
                    True,
                    f"a review of {doc_text}",
                    _requested(low, feedback.start()),
                )
            )
    # Names, counted contacts and the person to send something to: "the names of two plant
    # managers", "two alumni contacts in…", "who I should send materials to" (concrete only
    # where a company is named in the sentence).
    # (Most messages hold none of the words these need: one set test then skips them all.)
    asks_info = not _INFORMATION_WORDS.isdisjoint(words)
    counted = (
        asks_info
        and not _COUNTED_WORDS.isdisjoint(words)
        and (not _NUMBER_WORDS.isdisjoint(words) or _HAS_DIGIT(low) is not None)
    )
    for pattern, runs in (
        (
            (_NAMES, not _NAMES_WORDS.isdisjoint(words)),
            (_COUNTED, counted),
            (_WHO_TO, "who" in words),
            (_WHICH_PEOPLE, "which" in words),
            (_BENCHMARK, "benchmark" in words or "benchmarks" in words),
        )
        if asks_info
        else ()
    ):
        for m in pattern.finditer(low) if runs else _EMPTY:
            stop = sentence_end(low, m.end())
            concrete = pattern is not _WHO_TO or any(
                _sentence_start(low, m.start()) <= s < stop for s, _ in anchors
            )
            if m.group(0).endswith(_NUMBER_OF_ENDS) and low.startswith("the", m.start()):
                # "the number of her nephew at KenGen", not "… of her plumber at home".
                concrete = _CAPITALISED.search(text, m.end(), stop) is not None
            elif pattern is _NAMES and _CONTACT_OF.match(low, m.start()):
                # "the email of the recruiting PI at Oxford", "the phone number of the hiring
                # manager": someone in the search, not "the phone number of the plumber".
                concrete = _CAPITALISED.search(text, m.end(), stop) is not None or any(
                    w in ROLE_NOUNS or w in _SEARCH_PEOPLE
                    for w in _WORD.findall(low[m.end() : stop])
                )
            what = _phrase(text, m.start(), stop)
            if pattern is _NAMES and _WITHOUT_APOSTROPHE.match(low, m.start()):
                # "coordinators email" is said back as "coordinator's email".
                owner, rest = what.split(" ", 1)
                owner = owner[:-2] if owner.lower().endswith("sses") else owner[:-1]
                what = f"{owner}'s {rest}"
            favours.append(
                Favour(
                    INFORMATION,
                    m.start(),
                    m.end(),
                    concrete,
                    what,
                    _requested(low, m.start()),
                )
            )
    if not _CONTACT_WORDS.isdisjoint(words) and not _PRONOUN_WORDS.isdisjoint(words):
        favours.extend(_their_contact(text, low))
    for m in _EMPTY if _KNOWS_WORDS.isdisjoint(words) else _KNOWS_ANYONE.finditer(low):
        # "if he knows anyone at Target": contacts at a named company or group, when named.
        stop = sentence_end(low, m.end())
        named = (
            any(m.end() <= s < stop for s, _ in anchors)
            or bool(_NAMED_GROUP.search(low, m.end(), stop))
            or text[m.end() : m.end() + 1].isupper()  # "knows somebody in ByteDance"
        )
        if m.group(2) == "hiring":
            # "knows anyone hiring cleared network admins in Huntsville": a role and a place.
            named = any(c.isupper() for c in text[m.end() : stop])
        if named:
            favours.append(
                Favour(
                    INFORMATION,
                    m.start(),
                    m.end(),
                    True,
                    _phrase(text, m.start(1), stop)
                    if m.group(1)
                    else "names of people " + _phrase(text, m.start(2), stop),
                    _requested(low, m.start()) and not _guessed(low, m.start()),
                )
            )
    asks = not _QUESTION_HEADS.isdisjoint(words)
    asks = asks and not _QUESTION_WORDS.isdisjoint(words)
    for m in _QUESTION.finditer(low) if asks else _EMPTY:
        qstart = m.start(1) if m.group(1) else m.start(2)
        stop = sentence_end(low, qstart)
        if m.group(1) == "how" and _SMALL_TALK.search(low, qstart, stop):
            # "ask how his new job is going" is catching up, not a question to be answered.
            continue
        if " myself " in low[m.start() : qstart + 1]:
            continue  # "ask myself what I really want": a thought, not a question to anyone
        if m.group(1) == "who" and low.startswith("find", m.start()):
            continue  # "find out who the R&D director at Medtronic is": research, no one asked
        permission = _PERMISSION.match(low, qstart)
        favours.append(
            Favour(
                INFORMATION,
                qstart,
                m.end(),
                _question_concrete(text, low, qstart, anchors)
                and (
                    permission is None
                    or permission.group(1) in _PERMISSION_FOR_SEARCH
                    # "if I can ride along on an inspection": a place in the person's own work
                    or _JOIN_THEIR_WORK.match(low, qstart) is not None
                    # "if I can get a slot in the Cisco SkillBridge cohort": a place on a scheme
                    or _PLACE_ON.match(low, permission.end()) is not None
                ),
                _phrase(text, qstart, stop, max_words=_QUESTION_WORDS_SAID),
                True,
            )
        )
    if asks and "whether" in words and low.startswith("whether "):
        # "whether Stryker takes people over 45 — I'll ask Duane": the question first, the
        # person asked after it ("if …, I'll ask" is a condition, not a question).
        stop = sentence_end(low, 0)
        if _ASKED_AFTER.search(low, stop) is not None:
            favours.append(
                Favour(
                    INFORMATION,
                    0,
                    len("whether"),
                    _question_concrete(text, low, 0, anchors),
                    "w" + _phrase(text, 1, stop),
                    True,
                )
            )
    for m in _EMPTY if _CALL_WORDS.isdisjoint(words) else _CALL.finditer(low):
        # A call is a favour when asked for and bounded: a length, or a named subject.
        stop = sentence_end(low, m.end())
        re_about = _ABOUT.search(low, m.end(), stop)
        about = re_about.start() if re_about else -1
        named = about >= 0 and (
            any(about <= s < stop for s, _ in anchors) or any(c.isupper() for c in text[about:stop])
        )
        window = low[_clause_start(low, m.start()) : m.start()]
        favours.append(
            Favour(
                OTHER,
                m.start(),
                m.end(),
                named
                or (
                    _DURATION.search(m.group(0)) is not None
                    and _timed_for_something(low, m.start(), m.end(), stop, anchors)
                ),
                _with_article(_phrase(text, m.start(), stop)),
                _CALL_FRAME.search(window) is not None,
            )
        )
    timed = "min" in low or "hour" in low or "hr" in low
    talks = not _TALK_WORDS.isdisjoint(words)
    for pattern, runs in ((_FOR_TIME, timed), (_TALK_TO_ME, talks)) if timed or talks else ():
        for m in pattern.finditer(low) if runs else _EMPTY:
            # "ask Tevita for 15 min about how he moved…", "would talk to me about openings":
            # concrete with a length, or a company or named subject in the sentence.
            start = _sentence_start(low, m.start())
            stop = sentence_end(low, m.end())
            concrete = (
                _timed_for_something(low, m.start(), m.end(), stop, anchors)
                if pattern is _FOR_TIME
                else any(start <= s < stop for s, _ in anchors)
            )
            if pattern is _FOR_TIME and not _ASKED_FOR.search(low, start, m.start()):
                continue  # "do leetcode for 2 hours": time spent, not time asked for
            if pattern is _TALK_TO_ME:
                # A conversation is information asked for: a more precise favour in the same
                # ask ("whether he knows anyone on the payments team…") is said back first.
                kind, what = (
                    INFORMATION,
                    _joined("a conversation with me", text, m.end(), stop),
                )
            else:
                kind, what = OTHER, _phrase(text, m.start() + 4, stop)
            favours.append(Favour(kind, m.start(), m.end(), concrete, what, True))
    for pattern, needs in _PRACTICE_FAVOURS if not _PRACTICE_FAVOUR_WORDS.isdisjoint(words) else ():
        for m in _EMPTY if needs.isdisjoint(words) else pattern.finditer(low):
            stop = sentence_end(low, m.end())
            phrase = _phrase(text, m.start(), stop, tail=pattern is _PRACTICE)
            favours.append(
                Favour(
                    OTHER,
                    m.start(),
                    m.end(),
                    True,
                    _practice(phrase)
                    if pattern is _PRACTICE
                    else f"being {phrase[3:]}"
                    if phrase.lower().startswith("be ")
                    else phrase,
                    _requested(low, m.start())
                    or "with me" in low[m.end() : stop]
                    # "mock interview with someone": asked of someone not yet named.
                    or _WITH_UNNAMED.match(low, m.end()) is not None,
                )
            )
            if pattern is _PRACTICE:
                # "role-play an intro with me" is practice, not an introduction.
                favours = [
                    f
                    for f in favours
                    if not (f.kind is INTRODUCTION and m.start() <= f.start < stop)
                ]
    favours.extend(_named_requests(text, low, anchors))
    for pattern, needs in _DEED_FAVOURS if not _DEED_FAVOUR_WORDS.isdisjoint(words) else ():
        for m in _EMPTY if needs.isdisjoint(words) else pattern.finditer(low):
            start = _sentence_start(low, m.start())
            stop = sentence_end(low, m.end())
            # A trial shift is concrete; a visit needs a named place ("at Mitsubishi").
            concrete = pattern is not _ARRANGE or bool(m.group(1))
            concrete = concrete or any(start <= s < stop for s, _ in anchors)
            if pattern is _SIGN and m.group(0).endswith(" ") and not _in_job_search(low):
                concrete = False  # "sign the form for my gym membership": no job in it
            phrase = _phrase(text, m.start(), stop, tail=pattern is _TAKE_ON)
            verb, _, rest = phrase.partition(" ")
            if verb.lower() == "be":
                verb = "being"
            said = f"{_ing(verb)} {rest.replace('and sign ', 'and signing ', 1)}"
            if verb.lower() == "for":
                said = rest  # "for a letter stating …": "a letter stating …"
            favours.append(
                Favour(
                    INFORMATION if pattern is _WALK_ME else OTHER,
                    m.start(),
                    m.end(),
                    concrete,
                    said,
                    _requested(low, m.start()),
                )
            )
    for pattern, needs in _WORD_FAVOURS if not _WORD_FAVOUR_WORDS.isdisjoint(words) else ():
        for m in _EMPTY if needs.isdisjoint(words) else pattern.finditer(low):
            stop = sentence_end(low, m.end())
            # "ring ahead for me" names where only with a workplace or a job in the message.
            concrete = (
                not m.group(0).endswith("ahead")
                or bool(anchors)
                or low.startswith(" to the ", m.end())
                or not _WORKERS.isdisjoint(words)
            )
            phrase = _phrase(text, m.start(), stop, tail=True)
            verb, _, rest = phrase.partition(" ")
            if verb.lower() in ("got", "has", "have"):
                verb = "having"
            favours.append(
                Favour(
                    REFERRAL,
                    m.start(),
                    m.end(),
                    concrete,
                    f"{_ing(verb)} {_AND_TELL.sub(' and telling ', rest, count=1)}",
                    _requested(low, m.start()),
                )
            )
    if not _FOREIGN_GATE.isdisjoint(words) and not _FOREIGN_WORDS.isdisjoint(words):
        for pattern, kind, head in _FOREIGN_FAVOURS:
            for m in pattern.finditer(low):
                stop = sentence_end(low, m.end())
                at = m.start("t") if "t" in pattern.groupindex else m.end()
                tail = _phrase(text, at, stop)
                # Asked of someone: a verb of asking or a "you", "he" before it ("je vais me
                # présenter au recruteur" is the member's own step).
                asked = _requested(low, m.start()) or (
                    _FOREIGN_ASKING.search(low, _sentence_start(low, m.start()), m.start())
                    is not None
                )
                if not asked and (
                    m.group(0).startswith(("a ", "an ", "one "))  # English "an indication"
                    or head == _PASSING_ON
                    or _FOREIGN_SELF.search(low, _sentence_start(low, m.start()), m.start())
                ):
                    # "(vou) mandar meu currículo pro RH", "je vais me présenter au recruteur":
                    # the member's own step.
                    continue
                # "que me refiera for the case manager opening": an English tail reads on.
                joined = " " if tail.lower().startswith(("for ", "to ", "with ", "at ")) else ": "
                favours.append(
                    Favour(kind, m.start(), m.end(), bool(tail), f"{head}{joined}{tail}", asked)
                )
    if not _FOREIGN_QUESTION_GATE.isdisjoint(words) and not _FOREIGN_ASKING_WORDS.isdisjoint(words):
        favours.extend(_foreign_questions(text, low, anchors))
    if "?" in low and ("about" in words or "abt" in words):
        favours.extend(_about_then_question(text, low, anchors))
    if "thank" in low:
        # "thank Tom for forwarding my CV": a favour done already, thanked for.
        favours = [
            f for f in favours if not _THANKED_FOR.search(low, max(0, f.start - 50), f.start)
        ]
    favours.sort(key=_START)
    return favours


# "ask paulo abt the staff role at nubank — is it remote from mexico?": a yes/no question
# about a named thing, written after it.
_ABOUT_QUESTION: Final = re.compile(
    r"\bask(?:s|ed|ing)?\s[\w'.-]+(?:\s[\w'.-]+)?\s(?:about|abt)\s"
    r"(?P<about>(?:the|their|his|her)\s[^—?.;:!]{1,60}?)\s?(?:—|-|:|,)\s"
    r"(?P<q>(?:is|are|does|do|will|can)\s[^?]{1,80})\?"
)


def _about_then_question(text: str, low: str, anchors: list[tuple[int, int]]) -> Iterator[Favour]:
    """A question asked about something named just before it, concrete as any question is."""
    for m in _ABOUT_QUESTION.finditer(low):
        about = text[m.start("about") : m.end("about")]
        question = text[m.start("q") : m.end("q")]
        yield Favour(
            INFORMATION,
            m.start("about"),
            m.end(),
            _question_concrete(text, low, m.start("q"), anchors),
            f'an answer to "{question}?" about {about}',
            True,
        )


_DETERMINED: Final = re.compile(rf"{_DET}\s|mine\b", re.IGNORECASE)


def _owned(doc: str) -> str:
    """ "resume" -> "my resume": a document named bare is the member's own."""
    return doc if _DETERMINED.match(doc) else f"my {doc}"


# "consider me for the CRM specialist role": the role names what the person is asked to do.
_CONSIDER: Final = re.compile(
    r"\bconsider(?:s|ing)?\s(?:me|my\s(?:application|cv|resume|profile))\sfor\s"
)
_CONSIDER_FOR: Final = re.compile(
    r"(?:the|a|an|this|that|your|his|her|their)\s(?:[\w&.'-]+\s){0,4}?(?:role|job|position"
    r"|opening|req|team|internship|program|spot|post|vacancy|placement|programme)\b"
)
# "answer one question: does TCS hire lateral testers…?": the question after the colon.
_ONE_QUESTION: Final = re.compile(
    r"\b(?:answer|ask|asks|asking)\s(?:me\s)?((?:one|a|this|my|a\squick|one\squick|a\ssimple)"
    r"\squestion)(?:\sfor\sme)?\s?[:—-]\s?"
)
# "find out who's hiring for the field engineer opening": concrete where a role or company is.
_WHO_HIRING: Final = re.compile(
    r"\bwho(?:'s|\sis|\sare)\s(?:currently\s|actively\s|still\s)?hiring\b"
)


# "the Canva referral he offered, ask him to submit it": a favour named earlier, done now.
_DO_IT: Final = re.compile(
    r"\b(?:submit|send|file|make|do|put|fill)(?:s|ting|ing)?\s(?:it|that)(?:\sin|\sthrough|\sout)?\b"
)
_NAMED_EARLIER: Final = re.compile(
    r"\b(?:(?:the|that|his|her|their|an?)\s|(?<=promised\s)|(?<=offered\s))((?:[\w&.'-]+\s){0,2}?)"
    r"(referral|intro|introduction|reference"
    r"|recommendation)\b(?!\s(?:program|programs|bonus|policy|post|portal|process|link))"
)
_DOING_IT: Final = {
    "submit": "submitting",
    "send": "sending",
    "file": "filing",
    "make": "making",
    "do": "doing",
    "put": "putting in",
    "fill": "filling out",
}


def _named_requests(text: str, low: str, anchors: list[tuple[int, int]]) -> Iterator[Favour]:
    """Favours named by a request with its object: consideration for a role, one question,
    who is hiring for a named role."""
    if "consider" in low:
        for m in _CONSIDER.finditer(low):
            stop = sentence_end(low, m.end())
            named = _CONSIDER_FOR.match(low, m.end()) is not None or any(
                m.end() <= s < stop for s, _ in anchors
            )
            what = f"considering me for {_phrase(text, m.end(), stop)}"
            yield Favour(REFERRAL, m.start(), m.end(), named, what, _requested(low, m.start()))
    if "question" in low:
        for m in _ONE_QUESTION.finditer(low):
            stop = low.find("?", m.end())
            stop = stop if 0 <= stop < m.end() + _LOOKAHEAD else sentence_end(low, m.end())
            concrete = _question_concrete(text, low, m.end(), anchors)
            what = f"an answer to {low[m.start(1) : m.end(1)]}: {_phrase(text, m.end(), stop, tail=True)}"
            yield Favour(
                INFORMATION,
                m.start(),
                m.end(),
                concrete,
                what,
                _requested(low, m.start()),
            )
    if ("refer" in low or "intro" in low or "recommend" in low) and (
        " it" in low or " that" in low
    ):
        for m in _DO_IT.finditer(low):
            earlier_ones = list(_NAMED_EARLIER.finditer(low, max(0, m.start() - 120), m.start()))
            earlier = earlier_ones[-1] if earlier_ones else None
            if earlier is None or not _requested(low, m.start()):
                continue
            kind = _BARE_KINDS[earlier.group(2)][0]
            verb = next(v for v in _DOING_IT if m.group(0).startswith(v))
            what = f"{_DOING_IT[verb]} {_with_article(text[earlier.start() : earlier.end()])}"
            yield Favour(kind, m.start(), m.end(), True, what, True)
    if "hiring" in low:
        for m in _WHO_HIRING.finditer(low):
            # "… and find out who's hiring": asked where "find out" is.
            asked_at = m.start() - 9 if low.endswith("find out ", 0, m.start()) else m.start()
            start = _sentence_start(low, m.start())
            stop = sentence_end(low, m.end())
            named = any(start <= s < stop for s, _ in anchors)
            yield Favour(
                INFORMATION,
                m.start(),
                m.end(),
                named,
                _phrase(text, m.start(), stop),
                _requested(low, asked_at),
            )


def _their_contact(text: str, low: str) -> Iterator[Favour]:
    """Someone else's contact asked for with a pronoun (not the person's own number)."""
    for m in _THEIR_CONTACT.finditer(low):
        stop = sentence_end(low, m.end())
        if _THIRD_PERSON.search(low, 0, m.start()) is not None:
            at = m.start() + len(m.group(0).split(" ", 1)[0]) + 1
            yield Favour(
                INFORMATION, at, m.end(), True, _phrase(text, at, stop), _requested(low, at)
            )


def _joined(head: str, text: str, start: int, stop: int) -> str:
    rest = _phrase(text, start, stop)
    return f"{head} {rest}" if rest else head


_ARTICLES: Final = ("a ", "an ", "the ", "my ", "his ", "her ", "their ", "your ")


def _with_article(phrase: str) -> str:
    """ "15-minute call with me" -> "a 15-minute call with me"."""
    if not phrase or phrase.lower().startswith(_ARTICLES):
        return phrase
    return f"{'an' if phrase[0].lower() in 'aeiou8' else 'a'} {phrase}"


# How a practice favour reads when said back: "quiz me on SQL" -> "quizzing me on SQL".
_PRACTICE_GERUNDS: Final = {
    "quiz": "quizzing",
    "rehearse": "rehearsing",
    "practice": "practising",
    "practise": "practising",
    "drill": "drilling",
    "grill": "grilling",
    "prep": "prepping",
    "coach": "coaching",
    "test": "testing",
    "run": "running",
    "go": "going",
    "walk": "walking",
    "listen": "listening",
    "time": "timing",
    "pretend": "pretending",
    "watch": "watching",
    "play": "playing",
    "mock-interview": "mock-interviewing",
}


def _practice(phrase: str) -> str:
    verb, _, rest = phrase.partition(" ")
    low = verb.lower()
    if low in ("role-play", "roleplay"):
        return f"a role-play of {rest}" if rest else "a role-play"
    gerund = _PRACTICE_GERUNDS.get(low)
    return f"{gerund} {rest}".strip() if gerund else phrase


# A question put straight to the person the message is addressed to: "<@U01…> quick q — is the
# '3 yrs experience' on the Notion support role a hard req?". Starts with its verb or question
# word after at most a few words of preamble ("quick q", "random but").
_DIRECT_QUESTION: Final = re.compile(
    r"(?:[^?.!]{0,40}?(?:\s—\s|[,:!]\s|\bbut\s|\bq\s)|\s)?"
    r"((?:is|are|does|do|did|will|can|has|have|what|which|who|how|when|where|whether)\s"
    # (its question mark may be left off at the end of the message: "text Hemi — does he know
    # anyone at Fonterra who'd talk to me about the shift supervisor role")
    r"(?:[^?]{3,160}(?=\?)|[^?.!]{3,160}$))"
)


# The people someone knows at a place: "who do you know at Schneider National".
_WHO_YOU_KNOW: Final = re.compile(r"who\sdo\s(?:you|u|ya)\sknow\s(?:at|in|on|from)\s")
_ABOUT_YOU: Final = re.compile(
    # (not "who do you know at Schneider?": the people they know are the favour)
    r"(?!who\sdo\s(?:you|u|ya)\sknow\s(?:at|in|on|from)\s)(?:[\w']+\s){1,2}(?:you|u|ya)\b"
    r"|how\s(?:was|were|is|are|did|has|have|'s|do|does)\b"
)


def addressed_question(
    text: str, low: str, start: int, anchors: list[tuple[int, int]]
) -> Favour | None:
    """The concrete question asked of the person a message opens with (None if none)."""
    m = _DIRECT_QUESTION.match(low, start)
    if m is None:
        return None
    qstart = m.start(1)
    if _ABOUT_YOU.match(low, qstart):
        # "did you apply to the Stripe role too?": about the person, no favour; "do you know
        # who hires …" has its favour inside, said back instead.
        return None
    if not _question_concrete(text, low, qstart, anchors):
        return None
    return Favour(
        INFORMATION,
        qstart,
        m.end(1),
        True,
        f'an answer to "{_phrase(text, qstart, m.end(1))}?"',
        True,
    )
