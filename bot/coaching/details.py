"""Details the coach reflects back: the company, the role and the deadline of an ask."""

from __future__ import annotations

import re
from typing import Final

from bot.coaching.first_chars import compile_gated
from bot.coaching.lexicon import NOT_NAMES, ROLE_HEADS
from bot.coaching.people import (
    COMPANY_FIRST_WORDS,
    CompanyIndex,
    company_match,
    known_company,
)
from bot.coaching.text import CleanText, Token

_DAY: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH: Final = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_BY_DEADLINE: Final = re.compile(
    rf"\b(?:by|before|until|no\slater\sthan)\s(?:the\s)?(?:end\sof\s(?:the\s)?(?:day|week|month)"
    rf"|eod|eow|cob|noon|tomorrow(?:\s(?:morning|afternoon|evening|night))?|tonight|today"
    rf"|(?:this|next)\s(?:week|weekend|month|{_DAY})|{_DAY}|\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm)?"
    rf"|{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)
_WHEN: Final = compile_gated(
    rf"\b(?:this\s(?:morning|afternoon|evening|week|weekend)|tonight|today"
    rf"|tomorrow(?:\s(?:morning|afternoon|evening))?|next\sweek|on\s{_DAY}|{_DAY}(?!'s))\b",
    re.IGNORECASE,
)
_ROLE: Final = re.compile(
    r"\b(?:the|a|an|his|her|their|this|that|for|as)\s((?:[\w/&+.'-]+\s){0,4}?)"
    rf"(?:{'|'.join(sorted(ROLE_HEADS, key=len, reverse=True))})\b"
)
_ROLE_CUES: Final = frozenset(
    {"the", "a", "an", "his", "her", "their", "this", "that", "for", "as"}
)
_ROLE_SKIP: Final = frozenset(
    {"the", "a", "an", "open", "internal", "new", "current", "full-time", "part-time", "remote"}
    | {"contract", "posted", "same", "other", "next", "first", "dream", "job", "whole", "real"}
)
_COMPANY_CUE: Final = frozenset(
    {"at", "for", "with", "from", "join", "joining", "into", "company", "startup", "firm"}
    # French "chez": "le foreman chez Pomerleau"
    | {"chez"}
)
_COMPANY_NOUNS: Final = frozenset({"company", "startup", "firm"})
_COMPANY_LOOKUP: Final = (
    COMPANY_FIRST_WORDS | {f"{word}'s" for word in COMPANY_FIRST_WORDS} | _COMPANY_CUE
)
# "a referral in Globant": a learner's "in" for "at", read only straight after the favour (a
# referral is made at a company; "a job in Berlin" is a place).
_REFERRAL_IN: Final = frozenset({"referral", "referrals"})
_CONNECTORS: Final = frozenset({"of", "&", "and"})
_A_TIME: Final = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:am|pm|h)?")


# Every deadline pattern holds one of these words.
_DEADLINE_WORDS: Final = frozenset(
    {"by", "before", "until", "later", "this", "tonight", "today", "tomorrow", "next"}
    | {f"{day}day" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}
)


def find_deadline(ct: CleanText) -> str | None:
    """When the ask is due, as written ("by Friday", "this afternoon", "tomorrow")."""
    if _DEADLINE_WORDS.isdisjoint(ct.words):
        return None
    match = _BY_DEADLINE.search(ct.text) or _WHEN.search(ct.text)
    return match.group(0) if match else None


# A company found in the text: where it is, and how the coach spells it back.
CompanySpan = tuple[int, int, str]


def company_spans(
    ct: CleanText, person_spans: list[tuple[int, int]], targets: CompanyIndex | None = None
) -> list[CompanySpan]:
    """Companies in the ask: the member's targets, known employers, or capitalised names after
    "at"/"for". Each is spelled as the member's target list spells it ("target" -> "Target"),
    else as the employer is usually written, else as typed."""
    tokens = ct.tokens
    spans: list[CompanySpan] = []
    if (
        not targets
        and COMPANY_FIRST_WORDS.isdisjoint(ct.words)
        and _COMPANY_CUE.isdisjoint(ct.words)
        and "'s" not in ct.low
        and ("in" not in ct.words or _REFERRAL_IN.isdisjoint(ct.words))
    ):
        return spans  # no known company and no "at"/"for" before a name: nothing to look at
    i = 0
    # Where a company can start: a known company's first word, a possessive, or a capitalised
    # word after "at"/"for"/…; with the member's targets, anywhere.
    starts = range(len(tokens)) if targets else _company_starts(tokens)
    for first in starts:
        if first < i:
            continue  # inside the company just read
        i = first
        cue = i > 0 and (
            tokens[i - 1].low in _COMPANY_CUE
            # "her firm, Wachtell, is hiring": the company named after its noun.
            or (tokens[i - 1].text == "," and i > 1 and tokens[i - 2].low in _COMPANY_NOUNS)
            or (tokens[i - 1].low == "in" and i > 1 and tokens[i - 2].low in _REFERRAL_IN)
        )
        n, name = company_match(tokens, i, targets, any_case=True) if targets else (0, "")
        if not n:
            n, name = known_company(tokens, i, any_case=cue)
        if (
            not n
            and cue
            and tokens[i].is_cap
            and tokens[i].low not in NOT_NAMES
            and not _A_TIME.fullmatch(tokens[i].low)  # "at 3 pm", "at 10:30": a time
        ):
            n = 1
            while i + n < len(tokens) and n < 4:
                nxt = tokens[i + n]
                if nxt.is_cap and nxt.low not in NOT_NAMES:
                    n += 1
                elif (
                    nxt.low in _CONNECTORS and i + n + 1 < len(tokens) and tokens[i + n + 1].is_cap
                ):
                    n += 2
                else:
                    break
        if n:
            start, end = tokens[i].start, tokens[i + n - 1].end
            if not any(ps <= start < pe for ps, pe in person_spans):
                written = ct.text[start:end]
                spans.append((start, end, _respell(written, name)))
            i += n
    return spans


def _company_starts(tokens: tuple[Token, ...]) -> list[int]:
    """Where a company can start: a known company's first word (or its possessive), or a
    capitalised word after "at"/"for"/…; one set test per word."""
    starts: set[int] = set()
    for k in [k for k, t in enumerate(tokens) if t.low in _COMPANY_LOOKUP or t.low == "in"]:
        low = tokens[k].low
        if low == "in":
            if (
                k
                and tokens[k - 1].low in _REFERRAL_IN
                and k + 1 < len(tokens)
                and tokens[k + 1].is_cap
            ):
                starts.add(k + 1)
            continue
        if low in _COMPANY_CUE:
            if k + 1 < len(tokens) and tokens[k + 1].is_cap:
                starts.add(k + 1)
            elif (
                low in _COMPANY_NOUNS
                and k + 2 < len(tokens)
                and tokens[k + 1].text == ","
                and tokens[k + 2].is_cap
            ):
                starts.add(k + 2)
            if low not in COMPANY_FIRST_WORDS:
                continue
        starts.add(k)
    return sorted(starts)


def _respell(written: str, name: str) -> str:
    """The known spelling, keeping a possessive the member wrote ("target's" -> "Target's")."""
    if not name or written == name:
        return written
    if written.lower() == name.lower() + "'s":
        return name + "'s"
    return name if written.lower() == name.lower() else written


def find_role(ct: CleanText, companies: list[CompanySpan]) -> tuple[str, int, int] | None:
    """The role the ask is about ("controller" in "the controller opening at General Mills")."""
    if ROLE_HEADS.isdisjoint(ct.words):
        return None
    for match in _ROLE.finditer(ct.low):
        start, end = match.span(1)
        words = ct.text[start:end].split()
        offset = start
        cue = max((i for i, w in enumerate(words) if w.lower() in _ROLE_CUES), default=-1)
        # "a referral for the backend role": the role is "backend", after the last cue word
        offset += sum(len(w) + 1 for w in words[: cue + 1])
        del words[: cue + 1]
        while words and (
            words[0].lower() in _ROLE_SKIP
            or any(cs <= offset < ce for cs, ce, _ in companies)
            or words[0].endswith("'s")
            or words[0].isdigit()  # "apply for 3 jobs": a count, not a role
        ):
            offset += len(words[0]) + 1
            words.pop(0)
        if words:
            return " ".join(words), offset, end
    return None
