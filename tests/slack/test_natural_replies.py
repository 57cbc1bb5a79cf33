"""What members really type, over signed Slack HTTP requests through slack_bolt and the core."""

from __future__ import annotations

from emulators.slack import SlackEmulator
from tests.slack.conftest import ANA
from tests.slack.harness import Harness, texts


def test_a_natural_conversation_in_a_slack_dm(slack: Harness, emu: SlackEmulator) -> None:
    (hello,) = texts(slack.dm(ANA, "hey"))
    assert hello.startswith("Hi ")
    (again,) = texts(slack.dm(ANA, "hey"))
    assert "work for your check-ins?" in again  # a greeting is answered, not misread
    (set_up,) = texts(slack.dm(ANA, "8:30 central"))
    assert set_up.startswith("You're set: mon-fri at 08:30 (America/Chicago)")
    (idea,) = texts(slack.dm(ANA, "what should i ask?"))
    assert "Who exactly will you ask" not in idea
    (recorded,) = texts(slack.dm(ANA, "Ask Jen Park to introduce me to her manager at Medtronic"))
    assert recorded.startswith("That's a real ask: Jen Park")
    (thanks,) = texts(slack.dm(ANA, "thanks!"))
    assert "fine place to ask" not in thanks
    (what_happened,) = texts(slack.dm(ANA, "yep did it!"))
    assert what_happened.startswith("(That's for your ask of Jen Park.) Nice — you asked.")
    (great,) = texts(slack.dm(ANA, "she said yes 😊"))
    assert great.startswith("Great outcome. A two-line thank-you to Jen Park")
    (stopped,) = texts(slack.dm(ANA, "stop"))
    assert stopped.startswith("Done — no more check-ins from me.")
    [ask] = slack.asks(ANA)
    assert (ask.verdict, ask.status.value, ask.outcome.value if ask.outcome else None) == (
        "specific",
        "made",
        "yes",
    )
