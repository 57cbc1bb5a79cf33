"""What the assessor extracts from a planned ask, and how it copes with messy input."""

from __future__ import annotations

import time

import pytest

from bot.coaching import Assessment, RequestKind, Verdict, assess_ask


def test_public_shape() -> None:
    result = assess_ask("Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    assert isinstance(result, Assessment)
    data = result.to_dict()
    for key in ("text", "verdict", "missing", "who", "what", "kind", "company", "role"):
        assert key in data
    assert data["verdict"] == "specific"
    assert data["missing"] == []
    with pytest.raises(AttributeError):
        result.verdict = Verdict.VAGUE  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "who", "kind", "company", "role", "deadline", "what"),
    [
        (
            "Ask Maria Lopez to introduce me to the head of talent at Medtronic",
            "Maria Lopez",
            RequestKind.INTRODUCTION,
            "Medtronic",
            None,
            None,
            "an intro to the head of talent at Medtronic",
        ),
        (
            "Call my former boss Steve and ask him to refer me for the controller opening at "
            "General Mills",
            "Steve",
            RequestKind.REFERRAL,
            "General Mills",
            "controller",
            None,
            "a referral for the controller opening at General Mills",
        ),
        (
            "Ask Karen Ito to be a reference for the operations director role at Ecolab by "
            "Wednesday",
            "Karen Ito",
            RequestKind.REFERENCE,
            "Ecolab",
            "operations director",
            "by Wednesday",
            "a reference for the operations director role at Ecolab",
        ),
        (
            "Ask <@U07HJK2211> if she can pass my resume to the hiring manager for the SRE job "
            "at Cloudflare",
            "<@U07HJK2211>",
            RequestKind.REFERRAL,
            "Cloudflare",
            "SRE",
            None,
            None,
        ),
        (
            "I'm going to ask Raj to introduce me to his old manager at Boston Scientific this "
            "afternoon",
            "Raj",
            RequestKind.INTRODUCTION,
            "Boston Scientific",
            None,
            "this afternoon",
            "an intro to his old manager at Boston Scientific",
        ),
        (
            "Ask Keisha to share the internal posting for the analyst job at U.S. Bank and refer "
            "me through the portal",
            "Keisha",
            RequestKind.REFERRAL,
            "U.S. Bank",
            "analyst",
            None,
            None,
        ),
        (
            "Send Aisha my cover letter for the UX role at Figma and ask her to tear it apart",
            "Aisha",
            RequestKind.REVIEW,
            "Figma",
            "UX",
            None,
            "a review of your cover letter",
        ),
        (
            "Ask Grace Kim whether her company Workday sponsors visas for senior QA roles",
            "Grace Kim",
            RequestKind.INFORMATION,
            "Workday",
            "senior QA",
            None,
            None,
        ),
        (
            "Ask Helen (retired HR director) to run a mock salary negotiation with me for the "
            "Target offer",
            "Helen",
            RequestKind.OTHER,
            "Target",
            None,
            None,
            None,
        ),
        (
            "Call Uncle Ray tomorrow and ask him to introduce me to the plant manager at Toro",
            "Uncle Ray",
            RequestKind.INTRODUCTION,
            "Toro",
            None,
            "tomorrow",
            "an intro to the plant manager at Toro",
        ),
    ],
)
def test_extracts_the_parts_of_a_specific_ask(
    text: str,
    who: str,
    kind: RequestKind,
    company: str | None,
    role: str | None,
    deadline: str | None,
    what: str | None,
) -> None:
    result = assess_ask(text)
    assert result.verdict is Verdict.SPECIFIC, result.reasons
    assert result.missing == ()
    assert result.who == who
    assert result.kind is kind
    assert result.company == company
    assert result.role == role
    assert result.deadline == deadline
    if what is not None:
        assert result.what == what
    assert result.what
    assert result.reasons


@pytest.mark.parametrize(
    ("text", "verdict", "missing", "who", "company", "what"),
    [
        # A person named as the subject, then referred back to.
        (
            "Jen from my old team is going, I'll ask her to introduce me to her manager at "
            "Medtronic",
            Verdict.SPECIFIC,
            (),
            "Jen",
            "Medtronic",
            "an intro to her manager at Medtronic",
        ),
        (
            "Maria will introduce me to the CFO at Cargill",
            Verdict.SPECIFIC,
            (),
            "Maria",
            "Cargill",
            "an intro to the CFO at Cargill",
        ),
        (
            "Sam said he'd refer me — I'll send him the posting for the data role at Target today",
            Verdict.SPECIFIC,
            (),
            "Sam",
            "Target",
            "a referral for the data role at Target",
        ),
        (
            "My old boss Tom: ask him for a reference for the Ecolab role",
            Verdict.SPECIFIC,
            (),
            "Tom",
            "Ecolab",
            "a reference for the Ecolab role",
        ),
        # The sentences the coach builds from a vague plan and the member's answer.
        (
            "Ask Sarah for a referral for the analyst job at Target",
            Verdict.SPECIFIC,
            (),
            "Sarah",
            "Target",
            "a referral for the analyst job at Target",
        ),
        (
            "Ask Dana Kim at Target for a referral",
            Verdict.SPECIFIC,
            (),
            "Dana Kim",
            "Target",
            "a referral at Target",
        ),
        (
            "Ask my old manager Tom for a referral",
            Verdict.SPECIFIC,
            (),
            "Tom",
            None,
            "a referral",
        ),
        (
            "Ask Jen from my old team to introduce me to her manager at Medtronic",
            Verdict.SPECIFIC,
            (),
            "Jen",
            "Medtronic",
            "an intro to her manager at Medtronic",
        ),
        ("Ask Kevin for help", Verdict.VAGUE, ("what",), "Kevin", None, None),
        (
            "Ask someone at the mixer for an intro to the hiring manager",
            Verdict.VAGUE,
            ("who",),
            None,
            None,
            "an intro to the hiring manager",
        ),
        # An unknown company after a verb is not a person; a given name is.
        ("Ask Nordstrom for a referral", Verdict.VAGUE, ("who",), None, None, "a referral"),
        ("ask nordstrom for a referral", Verdict.VAGUE, ("who",), None, None, "a referral"),
        ("Reach out to Chewy for a referral", Verdict.VAGUE, ("who",), None, None, "a referral"),
        ("Ask Gustavo for a referral", Verdict.SPECIFIC, (), "Gustavo", None, "a referral"),
        (
            "Ask Jordan at Nordstrom for a referral to the buyer role",
            Verdict.SPECIFIC,
            (),
            "Jordan",
            "Nordstrom",
            "a referral to the buyer role",
        ),
        # A favour with no verb: what is there, who is missing.
        (
            "Goal: a referral for the Target role",
            Verdict.VAGUE,
            ("who",),
            None,
            "Target",
            "a referral for the Target role",
        ),
        # Forwarding a resume to "a few people" is not a concrete favour.
        (
            "Ask Marco to forward my resume to a few people",
            Verdict.VAGUE,
            ("what",),
            "Marco",
            None,
            None,
        ),
        # Named in passing is not asked: "I met Dana" does not make Dana the one asked.
        (
            "I met Dana and want to get a referral for the Target job",
            Verdict.VAGUE,
            ("who",),
            None,
            "Target",
            "a referral for the Target job",
        ),
    ],
)
def test_subjects_companies_and_notes(
    text: str,
    verdict: Verdict,
    missing: tuple[str, ...],
    who: str | None,
    company: str | None,
    what: str | None,
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.missing == missing
    assert result.who == who
    assert result.company == company
    assert result.what == what


def test_what_reads_well_when_reflected() -> None:
    """The favour is phrased from the coach's side, ready for "That's a real ask: …"."""
    cases = {
        "Lunch with Carla on Tuesday — ask her to pass my resume to the recruiter at Best Buy": (
            "passing your resume to the recruiter at Best Buy"
        ),
        "Ask Jamal to do a mock interview with me for the PM role at Google": (
            "a mock interview with you for the PM role at Google"
        ),
        "Ask Lucía Fernández for the names of two hiring managers at Ameriprise": (
            "the names of two hiring managers at Ameriprise"
        ),
        "Ask Nadia whether her team at Mayo Clinic sponsors H-1B visas": (
            "an answer to whether her team at Mayo Clinic sponsors H-1B visas"
        ),
        "ask tom from my running club if he'd put in a good word for me with the engineering "
        "manager at Garmin": "a good word with the engineering manager at Garmin",
    }
    for text, what in cases.items():
        assert assess_ask(text).what == what


@pytest.mark.parametrize(
    ("text", "verdict", "missing", "who"),
    [
        ("Reach out to Kevin", Verdict.VAGUE, ("what",), "Kevin"),
        ("Ask for a referral", Verdict.VAGUE, ("who",), None),
        ("Get help", Verdict.VAGUE, ("who", "what"), None),
        ("Contact the hiring manager", Verdict.VAGUE, ("who", "what"), None),
        ("Talk to my brother about work", Verdict.VAGUE, ("what",), "my brother"),
        ("ping Ahmed about jobs", Verdict.VAGUE, ("what",), "Ahmed"),
        ("Ask a friend to introduce me to the CTO of Stripe", Verdict.VAGUE, ("who",), None),
        ("Ask Target for a referral", Verdict.VAGUE, ("who",), None),
        ("Coffee with Megan to catch up", Verdict.PASSIVE, ("who", "what"), None),
        ("Lunch with Carla", Verdict.PASSIVE, ("who", "what"), None),
        ("Go to the networking happy hour tonight", Verdict.PASSIVE, ("who", "what"), None),
        ("Update my resume", Verdict.PASSIVE, ("who", "what"), None),
        ("Practice interview questions", Verdict.PASSIVE, ("who", "what"), None),
    ],
)
def test_names_what_is_missing(
    text: str, verdict: Verdict, missing: tuple[str, ...], who: str | None
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    assert result.missing == missing
    assert result.who == who
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    [
        # Case and typos.
        "ask tom from my running club if he'd put in a good word for me at Garmin",
        "ask wen to introduse me to the hiring manager at Cargill",
        "Ask Jamal for a refferal to the logistics role at C.H. Robinson",
        "Ask Jamal for a referal to the logistics role at Target",
        "Ask Bao to reccomend me for the QA lead opening at Epic Systems",
        "Ask Olga to review my resum before Friday",
        # Slack and Discord markup.
        "Ask *Fatima* to introduce me to the CFO at _Land O'Lakes_",
        "**Ask Zainab** to send my portfolio to the creative director at Fallon :tada:",
        "Ping <@!998877665544332211> and ask for a referral to the SRE role at Discord",
        "Ask <@112233445566778899> for an intro to the data lead at Mayo Clinic",
        "Ask _Rohan_ for a referral to the backend role at <https://boards.example.com/x|Figma>",
        "In <#C024BE91L|job-hunt> I said I'd ask ~Lena~ Lena to review my cover letter",
        # Several sentences and first person.
        "I'll go to the mixer. There I'll ask Jen to introduce me to her manager at Medtronic.",
        "Coffee with Paul tomorrow: ask him to introduce me to the CTO at Flywheel",
        "planning to email Dr. Okafor to ask for a recommendation letter for the MBA program",
        "I'm going to ask Raj to refer me for the analyst role at Optum",
        # Terse notes and plain-text @names.
        "Maria: intro to the head of talent at Medtronic",
        "Ask @Jim for a referral to the analyst role at Target",
        "Ask Jim if he knows anyone at Target",
    ],
)
def test_specific_despite_case_typos_and_markup(text: str) -> None:
    result = assess_ask(text)
    assert result.verdict is Verdict.SPECIFIC, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Call Target about jobs",
        "Email Amazon recruiters",
        "Go to Tech Tuesday and meet people",
        "Mingle at the Chamber of Commerce breakfast",
        "Talk to Dad's golf buddy about opportunities",
        "Ask my old boss for a recommendation",
        "Have drinks with old coworkers and see if anything comes up",
        "Coffee with Kevin — ask how his new job is going",
        "Call Lisa, then review my cover letter",
        "Ask Kevin about his referral",
        "Ask Kevin who is hiring",
        "Goal: a referral for the Target role",
        "Ask Leila if she knows anyone hiring",
        "Ask ChatGPT to review my resume",
    ],
)
def test_capitalised_words_and_activities_are_not_specific(text: str) -> None:
    assert assess_ask(text).verdict is not Verdict.SPECIFIC


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\x00\x01\x02\x1b[31m\x7f",
        "Ask Maria\x00 to refer\x07 me for the job at Target",
        "<@>",
        "<<<<>>>>",
        "*_~`" * 50,
        "ask " * 2500,
        "a" * 10_000,
        ("Ask Maria to introduce me to " + "the head of " * 900)[:10_000],
        ("x " * 5000),
        ("<https://" + "a" * 9990 + "|x>"),
        ("Dr. " * 2500),
        ("my old " * 1400),
        "🎉" * 3000,
    ],
)
def test_odd_input_does_not_crash_and_returns_quickly(text: str) -> None:
    start = time.perf_counter()
    result = assess_ask(text)
    elapsed = time.perf_counter() - start
    assert result.text == text
    assert result.verdict in Verdict
    # Generous bound: only catastrophic backtracking could get near it.
    assert elapsed < 1.0


def test_empty_message_is_passive_with_both_parts_missing() -> None:
    result = assess_ask("")
    assert result.verdict is Verdict.PASSIVE
    assert result.missing == ("who", "what")


def test_deterministic() -> None:
    text = (
        "Email Walter at the SBDC asking which local manufacturers are expanding their sales teams"
    )
    first = assess_ask(text)
    assert all(assess_ask(text) == first for _ in range(20))
    assert first.verdict is Verdict.SPECIFIC
