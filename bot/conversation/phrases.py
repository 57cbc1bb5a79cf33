"""The words and phrases the understanding step looks for, as data: compiled patterns and
word sets, one per thing a member may mean. `intents.read` decides in which order they are
tried and what each one means in each state.

The patterns live in `data/phrases.txt` (its first lines say how it is written), read once
when this module is imported; `phrases.FORGET` is the pattern named FORGET there."""

from __future__ import annotations

import re
from importlib.resources import files

EMOJI_WORDS = {
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
    "🤷": " idk ",
    "👎": " no ",
    "❌": " no ",
}
EMOJI_CODES = {
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


YES_WORDS = frozenset(
    "ok okay okey okie k kk sure yes yess yep yeah yup y ya yah yea yay si sim oui ja da ye yeh yh "
    "absolutely definitely correct right perfect great cool fine good alright deal "
    "confirm confirmed affirmative works aye totally certainly gladly 👍 yessir mhm mhmm yesss yass "
    "okk okkk okayy "
    # Tagalog, Hindi and French: "opo", "oo", "sige", "haan", "ji", "d'accord"
    "opo oo sige haan haanji han ji d'accord dac "
    "yup".split()
)
NO_WORDS = frozenset("no nope nah nay non nein cancel negative nvm nevermind don't dont".split())
FILLER = frozenset(
    "it that this all go ahead do lets let's please pls plz thanks thx perfect cool fine "
    "good great works work for me sounds sound i guess then just sure delete wipe erase lmao "
    "everything keep my stuff data it's its thats that's is by with haha lol totally of "
    "course am ready really well hmm actually wait so changed mind not the a an be would "
    "will me too also and but oh ah oops sorry mean meant way yes ok okay right now "
    "anymore thank you u yo gonna going to are we set sounds thing go ahead i'm im remind".split()
)


class PhrasesError(ValueError):
    """A phrases file that cannot be read: says which line and why."""


_PIECE = re.compile(r"\{(_[A-Z0-9_]+)\}")
_FLAGS = {"ignorecase": re.IGNORECASE}


def read_patterns(text: str) -> dict[str, re.Pattern[str]]:
    """The patterns of a phrases file, by name (the format is described in its first lines)."""
    entries: dict[str, tuple[int, int, list[str]]] = {}
    current: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            current = None
            continue
        if line.startswith("    "):
            piece = line[4:]
            if current is None:
                raise PhrasesError(f"line {number}: a pattern line with no name above it")
            if not piece or piece != piece.strip():
                raise PhrasesError(
                    f"line {number}: a pattern line starts or ends with a space (write [ ])"
                )
            current.append(piece)
            continue
        name, *flag_words = line.split()
        if not re.fullmatch(r"_?[A-Z][A-Z0-9_]*", name) or name in entries:
            raise PhrasesError(f"line {number}: {name!r} is not a new NAME in capitals")
        flags = 0
        for word in flag_words:
            if word not in _FLAGS:
                raise PhrasesError(f"line {number}: unknown flag {word!r} (known: ignorecase)")
            flags |= _FLAGS[word]
        current = []
        entries[name] = (number, flags, current)

    def expand(name: str, used_at: int) -> str:
        """The pattern named `name` with its pieces ("{_REVIEW}") put in."""
        if name not in entries or not entries[name][2]:
            raise PhrasesError(f"line {used_at}: {name} has no pattern")
        return _PIECE.sub(lambda piece: expand(piece[1], used_at), "".join(entries[name][2]))

    patterns: dict[str, re.Pattern[str]] = {}
    for name, (number, flags, _lines) in entries.items():
        if name.startswith("_"):
            continue
        try:
            patterns[name] = re.compile(expand(name, number), flags)
        except re.error as error:
            raise PhrasesError(f"line {number}: {name} is not a valid pattern: {error}") from None
    return patterns


_PATTERNS = read_patterns((files("bot.conversation") / "data" / "phrases.txt").read_text("utf-8"))


def __getattr__(name: str) -> re.Pattern[str]:
    try:
        return _PATTERNS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
