"""Text is normalised once, at the door: emoji and joiners are words, control characters are
refused with a friendly error, lone surrogates never reach storage, numbers are ASCII digits."""

from __future__ import annotations

import pytest

from bot.schedule import parse_duration, parse_time
from bot.text import TextProblem, clean_message, normalise_text
from storage import Database
from tests.support.chat import Chat
from tests.support.snapshot import snapshot

ZWJ_EMOJI = [
    "👩‍💻",  # woman technologist: U+1F469 U+200D U+1F4BB
    "🏳️‍🌈",  # rainbow flag: U+1F3F3 U+FE0F U+200D U+1F308
    "👍🏽",  # thumbs up, medium skin tone
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",  # Scotland: black flag + tag characters
    "❤️",  # heart + variation selector 16
]


@pytest.mark.parametrize("emoji", ZWJ_EMOJI)
def test_emoji_sequences_are_text(emoji: str) -> None:
    said = f"Ask Priya Shah for an intro to the data team lead at Target {emoji}"
    assert clean_message(said) == said
    assert clean_message(emoji) == emoji


def test_scripts_that_need_joiners_and_direction_marks_are_text() -> None:
    persian = "می\u200cخواهم"  # zero-width non-joiner inside a Persian word
    hebrew = "\u200fשלום"  # right-to-left mark
    assert clean_message(persian) == persian
    assert clean_message(hebrew) == hebrew


@pytest.mark.parametrize(
    "hostile",
    [
        "Ask Maria\x00 for a referral",
        "hello\x1b[31m red",
        "bell\x07",
        "c1 \x85 control",
        "evil \u202eoverride",
        "isolate \u2066x\u2069",
    ],
)
def test_control_characters_are_refused_with_a_friendly_error(hostile: str) -> None:
    with pytest.raises(TextProblem, match="invisible control characters"):
        clean_message(hostile)


def test_newlines_and_tabs_stay_and_zero_width_spaces_go() -> None:
    assert clean_message("line one\r\nline two\tand a tab") == "line one\nline two\tand a tab"
    assert clean_message("\ufeffst\u200bop") == "stop"


def test_lone_surrogates_are_replaced_and_pairs_joined() -> None:
    lone = "Ask Jen \ud83d for an intro"
    assert normalise_text(lone) == "Ask Jen \ufffd for an intro"
    assert normalise_text("\ud83d\ude00") == "😀"
    assert normalise_text(lone).encode("utf-8")  # storable
    assert clean_message("\udcff") == "\ufffd"


def test_the_length_limit_is_a_friendly_error() -> None:
    with pytest.raises(TextProblem, match=r"That's a long one \(2,001 characters\)"):
        clean_message("x" * 2001)


@pytest.mark.parametrize("digits", ["²", "٥", "５", "1²", "⁵"])
def test_only_ascii_digits_are_numbers(digits: str) -> None:
    assert parse_time(f"{digits}:00") is None
    assert parse_duration(f"{digits}d") is None


@pytest.fixture
def chat(sqlite_db: Database) -> Chat:
    """Ana, set up at 10:00 on Monday 2 March."""
    chat = Chat(sqlite_db, start="2026-03-02T10:00")
    chat.greet()
    chat.say("ok")
    return chat


@pytest.mark.parametrize("words", ["pause ²", "pause ٥", "pause 5²"])
def test_pause_with_a_unicode_digit_is_explained_and_changes_nothing(
    chat: Chat, words: str
) -> None:
    before = snapshot(chat.db)
    [reply] = chat.say(words)
    assert reply.startswith("Pause for how many days? e.g. `pause 5`"), reply
    assert snapshot(chat.db) == before


@pytest.mark.parametrize("emoji", ZWJ_EMOJI)
def test_an_ask_ending_in_an_emoji_is_recorded(chat: Chat, emoji: str) -> None:
    [reply] = chat.say(f"Ask Jen Park for an intro to her manager at Medtronic {emoji}")
    assert reply.startswith("That's a real ask:"), reply


def test_an_emoji_only_message_gets_a_real_answer(chat: Chat) -> None:
    replies = chat.say("👩‍💻")
    assert replies and not any("control characters" in r for r in replies), replies


def test_a_lone_surrogate_in_an_ask_being_clarified_is_stored_safely(chat: Chat) -> None:
    chat.say(normalise_text("reach out to Sarah \ud83d"))
    [answer] = chat.say("a referral for the analyst job at Target")
    assert "Sarah" in answer
