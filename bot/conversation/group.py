"""The group side of the conversation: help matching, sharing, the organizer's words.

Consent rules: a member's `know` list is never shown to anyone. An asker learns a helper's
name only after the helper accepts; a helper learns the asker's need when asked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from bot.conversation.intents import polarity
from bot.conversation.states import State
from bot.conversation.turn import Turn
from bot.domain import Give, IntroRequest, IntroStatus, Member, Role
from bot.group.digest import KIND_PHRASES, build_digest, digest_text
from bot.group.report import build_report, report_text
from bot.messages import Choice
from bot.ports import ChartRenderer

# Member memory: the intro request waiting for this member's yes or no, typed or pressed
# ({"id": …, "as": "asker" or "helper"}).
INTRO_PENDING = "intro_pending"
_FRESH = timedelta(days=2)  # a typed yes answers an intro question this recent
# Typed answers to the two intro questions besides a plain yes or no.
_WILL_HELP = re.compile(
    r"\b(happy|glad) to( help| do it| intro| introduce)?\b|\bi can help\b|\bcan do\b|\bof course\b"
    r"|\bsure thing\b|\bwith pleasure\b|\bcount me in\b|\bi'?d love to\b|\bno problem\b"
)
_WONT_HELP = re.compile(
    r"\bnot this time\b|\bi can'?t\b|\bi cannot\b|\bsorry,? no\b|\bnot really\b"
    r"|\bno thanks?\b|\bdon'?t (ask|bother)\b|\bbetter not\b|\bpass\b"
)


def typed_intro_answer(turn: Turn, text: str) -> State | None:
    """ "yes please" to "Want me to ask them for an intro?", "sure, happy to help!" to "could
    you help?": the button the member meant; None when the message is something else."""
    pending = turn.member.memory.get(INTRO_PENDING)
    if not isinstance(pending, dict):
        return None
    asked_at = datetime.fromisoformat(str(pending.get("at", "1970-01-01T00:00:00+00:00")))
    if turn.member.state not in (State.IDLE, State.AWAITING_ASK) or turn.now - asked_at > _FRESH:
        return None  # another question came since ("Did you make your ask?"): its own yes
    low = text.strip().lower()
    said = polarity(low)
    note = ""
    if said is None and len(low.split()) <= 8:
        said = "no" if _WONT_HELP.search(low) else "yes" if _WILL_HELP.search(low) else None
    if said is None and len(low.split()) <= 30:
        # "sure, happy to help! but I only know people in sales there tbh": a yes, with a note
        parts = re.split(r"\s*\b(?:but|though)\b\s*", text.strip(), maxsplit=1)
        first = parts[0].lower().rstrip("!., ")
        if (
            len(parts) == 2
            and not _WONT_HELP.search(first)
            and (polarity(first) == "yes" or _WILL_HELP.search(first))
        ):
            said, note = "yes", parts[1].strip()
    if said is None:
        return None
    asker = pending.get("as") == "asker"
    action = ("yes" if asker else "accept") if said == "yes" else ("no" if asker else "decline")
    intro_action(turn, int(pending["id"]), action, note=note)
    return State(turn.member.state)


def _intro_choice(intro_id: int | None, action: str, label: str) -> Choice:
    return Choice(label=label, value=f"!intro:{intro_id}:{action}")


def offer_intro(turn: Turn, company: str | None, ask_id: int | None = None) -> None:
    """If someone else in the group knows people at `company`, offer to ask them."""
    member = turn.member
    if not company or member.id is None or turn.community.id is None:
        return
    # Who knows the company first: usually no one else does, and then that is one query.
    knowers = [h for h in turn.uow.known.who_knows(turn.community.id, company) if h != member.id]
    if not knowers:
        return
    previous = turn.uow.intros.for_asker(member.id, company)
    if any(i.status in (IntroStatus.OFFERED, IntroStatus.ASKED) for i in previous):
        return  # one open request per company at a time
    if any(i.status == IntroStatus.ACCEPTED for i in previous):
        return
    tried = {i.helper_id for i in previous}
    helpers = [h for h in knowers if h not in tried]
    if not helpers:
        return
    intro = turn.uow.intros.add(
        IntroRequest(
            community_id=turn.community.id,
            asker_id=member.id,
            helper_id=helpers[0],
            company=company,
            created_at=turn.now,
            ask_id=ask_id,
        )
    )
    member.memory[INTRO_PENDING] = {"id": intro.id, "as": "asker", "at": turn.now.isoformat()}
    turn.say(
        f"Someone in the group knows people at {company}. Want me to ask them for an intro? "
        "(They choose whether to share their name.)",
        _intro_choice(intro.id, "yes", "Yes, ask"),
        _intro_choice(intro.id, "no", "No thanks"),
    )


def _need(turn: Turn, intro: IntroRequest) -> str:
    ask = turn.uow.asks.get(intro.ask_id) if intro.ask_id else None
    kind = KIND_PHRASES.get(ask.kind or "", "an introduction") if ask else "an introduction"
    return f"{kind} at {intro.company}"


def _ask_helper(turn: Turn, intro: IntroRequest, asker: Member) -> bool:
    helper = turn.uow.members.get(intro.helper_id)
    if helper is None or helper.undeliverable:
        return False
    intro.status = IntroStatus.ASKED
    turn.uow.intros.save(intro)
    helper.memory[INTRO_PENDING] = {"id": intro.id, "as": "helper", "at": turn.now.isoformat()}
    turn.uow.members.save(helper)
    turn.tell(
        helper,
        f"{asker.name} from the group is looking for {_need(turn, intro)}. You said you know "
        f"people there — could you help? {asker.name} sees your name only if you say yes.",
        _intro_choice(intro.id, "accept", "I can help"),
        _intro_choice(intro.id, "decline", "Not this time"),
    )
    return True


def _next_helper(turn: Turn, declined: IntroRequest, asker: Member) -> None:
    assert asker.id is not None
    tried = {i.helper_id for i in turn.uow.intros.for_asker(asker.id, declined.company)}
    for helper_id in turn.uow.known.who_knows(declined.community_id, declined.company):
        if helper_id in tried or helper_id == asker.id:
            continue
        intro = turn.uow.intros.add(
            IntroRequest(
                community_id=declined.community_id,
                asker_id=asker.id,
                helper_id=helper_id,
                company=declined.company,
                created_at=turn.now,
                ask_id=declined.ask_id,
            )
        )
        if _ask_helper(turn, intro, asker):
            return
    turn.tell(
        asker,
        f"No intro at {declined.company} from the group this time. Who else might know "
        "someone there? Ask them for two names.",
    )


def intro_action(turn: Turn, intro_id: int, action: str, note: str = "") -> None:
    """A press on an intro button, by the asker (yes/no) or the helper (accept/decline)."""
    intro = turn.uow.intros.get(intro_id)
    me = turn.member.id
    pending = turn.member.memory.get(INTRO_PENDING)
    if isinstance(pending, dict) and pending.get("id") == intro_id:
        turn.member.memory.pop(INTRO_PENDING)
    if intro is None or me not in (intro.asker_id, intro.helper_id):
        turn.refuse("That request isn't open any more.")
        return
    asker = turn.uow.members.get(intro.asker_id)
    if asker is None:
        turn.refuse("That request isn't open any more.")
        return
    if me == intro.asker_id and intro.status == IntroStatus.OFFERED and action in ("yes", "no"):
        if action == "no":
            intro.status = IntroStatus.WITHDRAWN
            turn.uow.intros.save(intro)
            turn.say("No problem — I won't ask.")
        elif _ask_helper(turn, intro, asker):
            turn.say("Asked. I'll tell you as soon as they answer.")
        else:
            _next_helper(turn, intro, asker)
        return
    if me == intro.helper_id and intro.status == IntroStatus.ASKED:
        helper = turn.member
        assert helper.id is not None
        if action == "accept":
            intro.status = IntroStatus.ACCEPTED
            turn.uow.intros.save(intro)
            turn.uow.gives.add(
                Give(helper.id, f"Intro for {asker.name} at {intro.company}", turn.now)
            )
            turn.say(
                f"Thank you! I've told {asker.name} you can help at {intro.company}. "
                "Logged as a give. 🙌"
            )
            said = f" They added: “{note}”." if note else ""
            turn.tell(
                asker,
                f"Good news: {helper.name} knows people at {intro.company} and can help.{said} "
                f"Message {helper.name} with your specific ask — and say thank you.",
            )
            return
        if action == "decline":
            intro.status = IntroStatus.DECLINED
            turn.uow.intros.save(intro)
            turn.say(f"No problem — thanks for saying so. {asker.name} won't see your name.")
            _next_helper(turn, intro, asker)
            return
    turn.refuse("That request is already settled.")


def word_share(turn: Turn, rest: str) -> None:
    """`share on|off`, `share names on|off`: what the weekly digest may show of my asks."""
    member = turn.member
    words = rest.lower().split()
    if words in (["on"], ["off"]):
        member.share_asks = words[0] == "on"
        if not member.share_asks:
            member.share_names = False
    elif len(words) == 2 and words[0] in ("names", "name") and words[1] in ("on", "off"):
        member.share_names = words[1] == "on"
        member.share_asks = member.share_asks or member.share_names
    elif words:
        turn.refuse("Try `share on`, `share off`, `share names on` or `share names off`.")
        return
    if not member.share_asks:
        turn.say(
            "Your asks are private. `share on` lets the weekly digest show your open asks "
            "(the kind of favour and the company, never who you're asking) so the group can help."
        )
    elif member.share_names:
        turn.say(
            "The digest shows your open asks, including who you're asking. `share names off` hides them."
        )
    else:
        turn.say(
            "The digest shows your open asks: the kind of favour and the company, not who "
            "you're asking. `share names on` adds them; `share off` stops sharing."
        )


def _is_organizer(turn: Turn) -> bool:
    if turn.member.role in (Role.ADMIN, Role.COACH):
        return True
    turn.refuse("Only the group's admins or coaches can see that.")
    return False


def word_report(turn: Turn, rest: str) -> None:
    """The organizer's report, on demand (admins and coaches only)."""
    if _is_organizer(turn):
        turn.say(report_text(build_report(turn.uow, turn.community, turn.now)))


def word_digest(turn: Turn, rest: str, charts: ChartRenderer | None) -> None:
    """A preview of the next digest — this week so far — in the organizer's DM (the digest
    posted on Monday covers the week before it)."""
    if not _is_organizer(turn):
        return
    digest = build_digest(turn.uow, turn.community, turn.now + timedelta(days=7))
    turn.say("Preview of the next digest (this week so far):\n" + digest_text(digest))
    if charts is not None:
        png = charts.asks_per_day(digest.days, "Asks per day")
        turn.replies[-1] = replace(
            turn.replies[-1], attachment=png, attachment_name="asks-per-day.png"
        )
