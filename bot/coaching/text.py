"""Turning a chat message into plain text and tokens the assessor can read.

Chat markup (Slack and Discord) is removed but mentions are kept, because a mention names a
person. Every pattern here is linear: no nested quantifiers, bounded repeats, so a 10,000
character message cannot make a regex backtrack for long.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from string import ascii_letters
from typing import Final, NamedTuple, TypeVar

from bot.coaching.first_chars import alternatives
from bot.coaching.lexicon import FUZZY_EXCEPTIONS, FUZZY_WORDS, TYPO_FIXES

# A planned ask is a sentence or three; longer messages are read up to this many characters so
# that the cost of one assessment stays bounded whatever a member pastes.
MAX_CHARS: Final = 2000

_CONTROL: Final = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]"
)
_LINK_WITH_LABEL: Final = re.compile(r"<(?:https?|mailto|tel):[^|>\s]{0,2000}\|([^>]{0,300})>")
_BARE_LINK: Final = re.compile(r"<(?:https?|mailto|tel):[^>\s]{0,2000}>|\bhttps?://\S{1,2000}")
_CHANNEL: Final = re.compile(r"<#[A-Za-z0-9]{1,40}(?:\|([^>]{0,100}))?>")
_SPECIAL: Final = re.compile(r"<!(?:here|channel|everyone)[^>]{0,40}>|@(?:here|channel|everyone)\b")
_ROLE_MENTION: Final = re.compile(r"<@&[0-9]{1,40}>")
_MENTION: Final = re.compile(r"<@!?([A-Za-z0-9]{1,40})(?:\|[^>]{0,80})?>")
_EMOJI: Final = re.compile(r":[a-z0-9_+\-]{1,40}:|[\U0001F000-\U0001FAFF\u2600-\u27BF]")
# Emphasis markers (*bold*, _it_, ~strike~, `code`) when they sit at the edge of a word.
_MARKERS: Final = re.compile(r"(?<![^\W_])[*_~`]+|[*_~`]+(?![^\W_])")
_DASHES: Final = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+")
_ASCII_ARROW: Final = re.compile(r"\s*(?:-+|=)>\s*")
_SPACES: Final = re.compile(r"[ \t\r\f\v]+")
_NEWLINES: Final = re.compile(r"\s*\n\s*")
_INTO_DMS: Final = re.compile(
    r"\b(?:slid(?:e|ing)\s+into|hit(?:ting)?\s+up|go(?:ing)?\s+into)\s+([^.,;!?]{1,40}?)'s\s+"
    r"(?:dms|DMs|inbox)\b",
    re.IGNORECASE,
)
# "1) <@U…> referral for …", "2. ask Jo …": a list's number is no part of the ask.
_LIST_NUMBER: Final = re.compile(r"\(?\d{1,2}[.)]\s+")
_LIST_ITEM: Final = re.compile(r"\s\(?\d{1,2}[.)]\s+")
# "- who: Nadia (ex-Lyft PM) - what: intro to …": a form's two labels, read as a note.
_FORM: Final = re.compile(
    r"(?:[-•*]\s*)?who\s?[:=]\s*(?P<who>[^:]+?)\s*[-–—,;|/]?\s*what\s?[:=]\s*", re.IGNORECASE
)
_TYPOS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern, re.IGNORECASE), repl) for pattern, repl in TYPO_FIXES
)
# All typo patterns in one scan of the lowercase text; the matching one then rewrites just the
# matched word. Inner groups are made non-capturing so that group i+1 is typo pattern i, and the
# shared leading \b is factored out with a first-letter lookahead: much faster than IGNORECASE.
_TYPO_BODIES: Final = [pattern.removeprefix(r"\b") for pattern, _ in TYPO_FIXES]
_ANY_TYPO: Final = re.compile(
    r"\b(?=["
    + "".join(sorted({body[0] for body in _TYPO_BODIES}))
    + "])(?:"
    + "|".join(f"({re.sub(r'[(](?![?])', '(?:', body)})" for body in _TYPO_BODIES)
    + ")"
)


def _right_spellings() -> frozenset[str]:
    """The words the typo patterns turn into, which they also match: left as they are."""
    found = set()
    for _, repl in TYPO_FIXES:
        for ending in ("", "s", "es", "ed", "ing", "d"):
            word = repl.replace("\\1", ending)
            if word.isalpha() and all(p.sub(r, word) == word for p, r in _TYPOS):
                found.add(word)
    return frozenset(found)


_ALREADY_RIGHT: Final = _right_spellings()


_V = TypeVar("_V")


class _Memo(dict[str, _V]):
    """What `compute` gives for each word, worked out once: words repeat across messages, and
    a dictionary lookup is cheaper than a cache wrapper. Emptied when it reaches `size`."""

    def __init__(self, compute: Callable[[str], _V], size: int = 16384) -> None:
        super().__init__()
        self._compute = compute
        self._size = size

    def __missing__(self, key: str) -> _V:
        value = self._compute(key)
        if len(self) >= self._size:
            self.clear()
        self[key] = value
        return value


# Most messages hold no typo, and scanning for one at every position costs more than the rest
# of cleaning. A typo pattern that cannot match or look past a space matches inside one word
# of the message: whether a word holds a typo to fix is remembered per word (words repeat
# across messages). The few patterns that can span spaces ("reach ot") search the whole text;
# joined without groups, each starting with a letter, so the regex engine skips to those letters.
_SPAN_MARKS: Final = (r"\s", " ", r"\W", r"\S", r"\D", ".", "[^", "(?<", "(?=", "(?!")
_SPANNING: Final = [
    p.removeprefix(r"\b") for p, _ in TYPO_FIXES if any(m in p for m in _SPAN_MARKS)
]
_ANY_SPANNING: Final = re.compile("|".join(_SPANNING)) if _SPANNING else None


def _leading_letters(pattern: str) -> str:
    """The letters every match of a typo pattern starts with ("reach" in r"reach\\s+ot\b",
    "pretend" in "pretend to (ask|call)"), or "" where a pattern does not say simply (two
    alternatives, an optional letter)."""
    if len(alternatives(pattern)) > 1:
        return ""
    letters = pattern[: len(pattern) - len(pattern.lstrip(ascii_letters))]
    if pattern[len(letters) : len(letters) + 1] in ("?", "*", "{"):
        letters = letters[:-1]  # "linkedd?in": the last letter may be missing
    return letters.lower()


# A text without the leading letters of any spanning pattern is not searched for them.
_SPANNING_STARTS: Final = tuple(_leading_letters(pattern) for pattern in _SPANNING)


def _word_holds_typo(word: str) -> bool:
    """Does `_fix_typos` change anything in this space-free word?"""
    low = word.lower()
    if len(low) != len(word):
        return True
    return any(
        m[0] not in _ALREADY_RIGHT or word[m.start() : m.end()] != m[0]
        for m in _ANY_TYPO.finditer(low)
    )


_HOLDS_TYPO: Final = _Memo(_word_holds_typo)


def _may_hold_typo(text: str, low: str) -> bool:
    """False only when `_fix_typos` would leave the text as it is."""
    # Plain loops, not any(map(…)): compiled (bot/coaching/native), each test is a direct call.
    if _ANY_SPANNING is not None:
        for start in _SPANNING_STARTS:
            if start in low:
                if _ANY_SPANNING.search(low) is not None:
                    return True
                break
    holds_typo = _HOLDS_TYPO
    for word in text.split():  # noqa: SIM110 (cheaper than any() over a generator)
        if holds_typo[word]:
            return True
    return False


def _fix_typos(text: str) -> str:
    """Rewrite common misspellings ("introduse", "refferal", "resum") to the canonical word."""
    low = text.lower()
    if len(low) != len(text):  # rare Unicode case changes length: fall back to slow path
        for pattern, repl in _TYPOS:
            text = pattern.sub(repl, text)
        return text
    if not _may_hold_typo(text, low):
        return text
    parts: list[str] = []
    last = 0
    for match in _ANY_TYPO.finditer(low):
        word = match.group(0)
        if word in _ALREADY_RIGHT and text[match.start() : match.end()] == word:
            continue  # "referral", "intro": the patterns match the right spelling too
        pattern, repl = _TYPOS[(match.lastindex or 1) - 1]
        parts.append(text[last : match.start()])
        parts.append(pattern.sub(repl, match.group(0)))
        last = match.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _slips(word: str) -> set[str]:
    """The word with one letter dropped (words of five letters or more), doubled, or swapped
    with its neighbour: the slips a phone keyboard makes most."""
    out = set()
    for i in range(len(word)):
        if len(word) > 4:
            out.add(word[:i] + word[i + 1 :])
        out.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return out


# Every one-slip misspelling of the words the assessor reads, mapped back to the word; a
# dictionary, so checking a message costs one set test per word.
_SLIPS: Final[dict[str, str]] = {
    slip: word
    for word in FUZZY_WORDS
    for slip in _slips(word)
    if slip not in FUZZY_EXCEPTIONS and slip not in FUZZY_WORDS
}
_SLIP_KEYS: Final = frozenset(_SLIPS)
_LOW_WORD: Final = re.compile(r"[a-z]+")


def _fix_slips(text: str) -> str:
    """ "introdcue" -> "introduce", "aks" -> "ask": one slip in a word the assessor reads."""
    low = text.lower()
    if len(low) != len(text) or _SLIP_KEYS.isdisjoint(_LOW_WORD.findall(low)):
        return text
    parts: list[str] = []
    last = 0
    for match in _LOW_WORD.finditer(low):
        word = _SLIPS.get(match.group(0))
        if word is None or (match.start() and low[match.start() - 1].isalnum()):
            continue
        if match.end() < len(low) and low[match.end()].isalnum():
            continue
        if text[match.start()].isupper():
            word = word[0].upper() + word[1:]
        parts.append(text[last : match.start()])
        parts.append(word)
        last = match.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


# Mentions are replaced by a placeholder word that survives tokenising; the table maps back.
MENTION_PREFIX: Final = "MENTION"

# Abbreviations with dots ("U.S.", "C.H.") stay one token so company names match.
TOKEN: Final = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’\-.&][^\W_]+){0,6}|[^\w\s]")


class Token(NamedTuple):
    """One word or punctuation mark, with its position in the cleaned text.

    A named tuple rather than a frozen dataclass: a message makes a dozen or more of these, and
    a tuple is built several times faster (the assessor runs on every inbound message)."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        """True when the word starts with a capital letter or a digit (names, companies)."""
        first = self.text[0]
        return first.isupper() or first.isdigit()

    @property
    def is_word(self) -> bool:
        """True for words, false for punctuation."""
        return self.text[0].isalnum()


# Not frozen (nothing assigns to a field): a frozen dataclass's __init__ sets each field through
# object.__setattr__, about 1% of an assessment's instructions.
@dataclass(slots=True)
class CleanText:
    """The message with markup removed (`text`), its lowercase twin, tokens, the set of their
    lowercase forms (`words`: one set test tells whether a pattern can match at all) and
    mentions."""

    text: str
    low: str
    tokens: tuple[Token, ...]
    mentions: dict[str, str]
    words: frozenset[str]


def clean(raw: str) -> CleanText:
    """Strip chat markup, fix common typos and tokenise; lowercase and cased text align."""
    text = raw[:MAX_CHARS]
    if not (text.isascii() and text.isprintable()):  # printable ASCII has no control characters
        text = _CONTROL.sub(" ", text)
    mentions: dict[str, str] = {}

    # Each markup pass runs only when its marker character is present (most asks are plain).
    if "<" in text:
        # (Made here, not for every message: most hold no mention.)
        def keep_mention(match: re.Match[str]) -> str:
            key = f"{MENTION_PREFIX}{len(mentions)}X"
            mentions[key] = match.group(0)
            return f" {key} "

        text = _LINK_WITH_LABEL.sub(lambda m: f" {m.group(1)} ", text)
        text = _BARE_LINK.sub(" ", text)
        text = _CHANNEL.sub(lambda m: f" {m.group(1) or ''} ", text)
        text = _SPECIAL.sub(" ", text)
        text = _ROLE_MENTION.sub(" ", text)
        text = _MENTION.sub(keep_mention, text)
    elif "http" in text or "@" in text:
        text = _BARE_LINK.sub(" ", text)
        text = _SPECIAL.sub(" ", text)
    if not text.isascii() or ":" in text:
        text = _EMOJI.sub(" ", text)
    if not text.isascii():
        text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if "*" in text or "_" in text or "~" in text or "`" in text:
        text = _MARKERS.sub("", text)
    if "->" in text or "=>" in text:
        # "referral for Stripe -> ask Nina", "nina->intro": an arrow typed in ASCII.
        text = _ASCII_ARROW.sub(" → ", text)
    # A hyphen inside a word ("follow-up") is left alone: in printable ASCII the only space
    # that can stand before a dash is " ".
    if not text.isascii() or " -" in text or ("-" in text and not text.isprintable()):
        text = _DASHES.sub(" — ", text)
    if "\n" in text:
        text = _NEWLINES.sub(". ", text)
    if (text[:1].isdigit() or text[:1] == "(") and _LIST_NUMBER.match(text):
        # the list's later numbers end the item before them ("… at Square 2) nothing else")
        text = _LIST_ITEM.sub(". ", _LIST_NUMBER.sub("", text, count=1))
    if ":" in text and (form := _FORM.match(text.lstrip())) is not None:
        text = f"{form.group('who')} → {text.lstrip()[form.end() :]}"
    if "dms" in text or "DMs" in text or "inbox" in text:
        # "slide into my ex-coworker danielle's dms": messaging her
        text = _INTO_DMS.sub(lambda m: f"message {m.group(1)}", text)
    text = _fix_typos(text)
    if "  " in text or not text.isprintable():  # a run of spaces, or tabs and the like
        text = _SPACES.sub(" ", text)
    text = text.strip()
    low, tokens, words = _tokenise(text)
    if not _SLIP_KEYS.isdisjoint(words):  # rare: read the slipped words, then tokenise again
        text = _fix_slips(text)
        low, tokens, words = _tokenise(text)
    return CleanText(text, low, tokens, mentions, words)


def _tokenise(text: str) -> tuple[str, tuple[Token, ...], frozenset[str]]:
    """The lowercase text, its tokens, and the set of their lowercase forms with the pieces of
    joined words ("resume's", "mock-interview"), so a pattern that matches inside a token
    still finds its word in the set.

    No token holds a space, so each space-separated word is tokenised alone, and how it splits
    is remembered per word (words repeat across messages): only the offsets are per message."""
    tokens: list[Token] = []
    append = tokens.append
    pieces: list[frozenset[str]] = []
    pos = 0
    for chunk in text.split(" "):
        word, word_low, found, chunk_pieces, step = _CHUNKS[chunk]
        if found is None:
            # The commonest chunk: one plain word, the whole chunk (no inner loop).
            # tuple.__new__ skips the named tuple's Python-level constructor.
            append(_new(Token, (word, word_low, pos, pos + step - 1)))
        else:
            for w, w_low, s, e in found:
                append(_new(Token, (w, w_low, pos + s, pos + e)))
            if chunk_pieces:
                pieces.append(chunk_pieces)
        pos += step
    low = text.lower()
    words = frozenset(map(_LOW, tokens))
    if pieces and ("-" in low or "'" in low or "." in low or "&" in low):
        words = words.union(*pieces)
    return low, tuple(tokens), words


ChunkTokens = tuple[str, str, tuple[tuple[str, str, int, int], ...] | None, frozenset[str], int]


def _chunk_tokens(chunk: str) -> ChunkTokens:
    """How one space-free word tokenises: (word, lowercase, None, no pieces, step) when it is
    one token with no pieces, the whole chunk (most words); else ("", "", its tokens (text,
    lowercase, start, end), the pieces of the joined ones, step). The step is the chunk's length
    and the space after it."""
    found = tuple((m[0], m[0].lower(), m.start(), m.end()) for m in _tokens(chunk))
    pieces = frozenset(
        piece for t in found if len(t[1]) > 1 and not t[1].isalnum() for piece in _PIECES(t[1])
    )
    step = len(chunk) + 1
    if len(found) == 1 and found[0][0] == chunk and not pieces:
        return found[0][0], found[0][1], None, pieces, step
    return "", "", found, pieces, step


_new: Final = tuple.__new__
_LOW: Final = itemgetter(1)  # Token.low
_PIECES: Final = re.compile(r"[^\W_]+").findall
_tokens: Final = TOKEN.finditer
_CHUNKS: Final = _Memo(_chunk_tokens)
