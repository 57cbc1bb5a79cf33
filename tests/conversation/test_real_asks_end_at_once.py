"""A real ask ends the coaching exchange on the first message and is said back as it is
(issue 13): the person without relation words, the favour, and no question."""

from __future__ import annotations

import pytest

from storage import Database
from tests.support.chat import Chat

ASKS = (
    (
        "Ask my old professor Dr. Kim for two alumni contacts in biotech sales",
        "That's a real ask: Dr. Kim, ",
    ),
    ("ask my friend Carlos for a referral at shopify", "That's a real ask: Carlos, "),
    ("Ask Rachel (ex-Amazon recruiter) to review my resume", "That's a real ask: Rachel, "),
    ("ask Luis to role-play my intro pitch with me", "That's a real ask: Luis, "),
    (
        "ask Omar whether he knows anyone on the payments team at Adyen who'd talk to me",
        "That's a real ask: Omar, ",
    ),
    (
        "met lena at the meetup. ask her to intro me to her lead at Stripe",
        "That's a real ask: Lena, ",
    ),
    ("ask Lin for a Meta referral", "That's a real ask: Lin, a Meta referral"),
    (
        "Ask Farid whether anyone from his old team at Klarna is hiring backend engineers",
        "That's a real ask: Farid, an answer to whether anyone from his old team at Klarna",
    ),
    (
        "Kaveh runs the Python meetup. Going to ask him who at Dropbox is hiring data engineers",
        "That's a real ask: Kaveh, an answer to who at Dropbox is hiring data engineers",
    ),
    (
        "Ask Prof. Haddad to run a mock job talk with me before the faculty interview",
        "That's a real ask: Prof. Haddad, a mock job talk with you",
    ),
    (
        "my former TA, farah, is at Nvidia now, ask her for a referral to the CUDA intern role",
        "That's a real ask: Farah, a referral to the CUDA intern role",
    ),
    # Kinds missed on the first blind measure of asks-unseen.tsv (new sentences).
    ("ask my mentor Ada to do a final review of my cover letter", "That's a real ask: Ada, "),
    (
        "<@U0ABC12345> could you take a look at my portfolio for the Figma design role?",
        "That's a real ask: <@U0ABC12345>, a review of your portfolio",
    ),
    (
        "marco lunch fri -> ask him to refer me for the SRE role at Wise",
        "That's a real ask: Marco, ",
    ),
    (
        "Sofia is hiring at Revolut, ask her to consider me for the backend engineer role",
        "That's a real ask: Sofia, considering you for the backend engineer role",
    ),
)


@pytest.mark.parametrize(("plan", "said_back"), ASKS)
def test_a_real_ask_is_recorded_at_once(sqlite_db: Database, plan: str, said_back: str) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet()
    chat.say("ok")
    reply = chat.say(plan)
    assert reply[0].startswith(said_back), reply
    assert "?" not in reply[0]


@pytest.mark.parametrize(
    "not_an_ask",
    [
        "ask Bob for a sandwich",
        "is it too soon to ask him for a referral?",
        "Ask Bob for a sandwich referral",
        "Target is hiring. Ask her for a referral",
        "ask Sam for a referral? not sure if that's too pushy",
        "ask Lena if I can borrow her blazer for the interview",
    ],
)
def test_no_praise_for_what_is_not_an_ask(sqlite_db: Database, not_an_ask: str) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet()
    chat.say("ok")
    assert not any("That's a real ask" in line for line in chat.say(not_an_ask))
