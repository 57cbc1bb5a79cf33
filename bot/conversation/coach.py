"""The coach: one entry point for every inbound event, one transaction per event.

`Coach.handle(event)` finds (or creates) the member, runs the chat word or the handler for the
member's current state, and writes the state, the data and the replies (into the outbox) in one
transaction. It returns the replies; adapters deliver them from the outbox.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.checkins import (
    cancel_all,
    plan_afternoon,
    plan_follow_up,
    plan_next_morning,
    plan_next_review,
    plan_nudge,
    reachable_again,
)
from bot.coaching import Assessment, Verdict, assess_ask
from bot.conversation.group import (
    intro_action,
    offer_intro,
    word_digest,
    word_report,
    word_share,
)
from bot.conversation.states import State
from bot.conversation.text import TextProblem, clean_message, short
from bot.conversation.turn import Turn
from bot.dashboard.sign_in import dashboard_link
from bot.domain import (
    Ask,
    AskStatus,
    CheckIn,
    CheckInKind,
    Community,
    Give,
    KnownCompany,
    Member,
    Outcome,
    Role,
    Target,
)
from bot.export import member_record
from bot.group.weekly import dispatch_weekly_posts
from bot.messages import Choice, InboundMessage, OutboundMessage, Sender
from bot.ports import ChartRenderer, Clock, UnitOfWork, UnitOfWorkFactory
from bot.progress import MemberWeek, compute_stats, count_by_day, member_week
from bot.schedule import format_days, parse_days, parse_time, timezone_or_none
from bot.uninstall import CommunityStopped, resume_community, stop_community

MAX_COMPANY_CHARS = 80
MAX_PAUSE_DAYS = 365


@dataclass(frozen=True)
class CoachSettings:
    default_timezone: str = "UTC"
    max_clarifying_questions: int = 2
    public_url: str | None = None  # ASKCOACH_PUBLIC_URL: where dashboard sign-in links point


StateHandler = Callable[["Coach", Turn, str], State]
WordHandler = Callable[["Coach", Turn, str], State | None]

MADE_CHOICES = ("made", "not_yet", "skip")
OUTCOME_CHOICES = ("yes", "waiting", "no")
FOLLOW_UP_CHOICES = ("heard", "nudge", "drop")
_ACTION = re.compile(r"^!(ask|intro):(\d{1,12}):([a-z_]{1,12})$")
_HIRED = re.compile(
    r"\b(i\s+got\s+(the|a|an)\s+(job|offer)|got\s+hired|i\s+(was|got|am|'m)\s+hired|"
    r"accepted\s+(an|the)\s+offer|i\s+start\s+my\s+new\s+job)\b",
    re.IGNORECASE,
)
_YES = {"yes", "y", "ok", "okay", "sure", "yep", "yeah", "sounds good", "good", "fine", "keep"}
_SKIP = {"skip", "pass", "not today", "no ask today", "skip today"}

HELP = (
    "I'm your ask coach. Each working day I'll ask: who will you ask, and for what?\n"
    "Words I know:\n"
    "• `ask <who and what>` log an ask  • `gave <help you gave>` log a give\n"
    "• `targets`, `target add <company>`, `target remove <company>`\n"
    "• `know <company>` you know people there  • `stats` your numbers\n"
    "• `time 08:30`, `days mon-fri`, `tz Europe/Berlin`, `pause 5`, `resume`\n"
    "• `export` your data  • `forget` delete everything about you\n"
    "Anything else I take as your answer or a new ask. `skip` is always fine."
)


def _choice(ask_id: int | None, action: str, label: str) -> Choice:
    return Choice(label=label, value=f"!ask:{ask_id}:{action}")


class Coach:
    """Runs the conversation for every member of every community."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        settings: CoachSettings | None = None,
        charts: ChartRenderer | None = None,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self.settings = settings or CoachSettings()
        self.charts = charts

    def weekly_posts(self, now: datetime) -> list[OutboundMessage]:
        """Queue every community's weekly digest and organizer reports that are due."""
        return dispatch_weekly_posts(self._uow, self.charts, now)

    # ----------------------------------------------------------------- entry points

    def handle(self, event: InboundMessage) -> list[OutboundMessage]:
        """Handle one inbound event; persist and return the replies (empty for a replay)."""
        now = self._clock.now()
        key = f"in:{event.sender.platform}:{event.event_id or uuid.uuid4().hex}"
        with self._uow() as uow:
            if event.event_id and not uow.events.first_time(
                event.sender.platform, event.event_id, now
            ):
                return []
            turn = self._begin(uow, event.sender, now, key)
            if turn.member.state == State.NEW and turn.community.id is not None:
                # Writing to us is opting back in.
                turn.uow.opt_outs.remove(turn.community.id, _user_key(event.sender.user_id))
            if turn.member.state == State.NEW:
                self._start_onboarding(turn, pending=event.text)
            else:
                self._respond(turn, event)
            return self._finish(turn)

    def greet(self, sender: Sender) -> list[OutboundMessage]:
        """First contact without a message (console start, app home): onboard if new."""
        now = self._clock.now()
        with self._uow() as uow:
            turn = self._begin(uow, sender, now, f"greet:{sender.platform}:{uuid.uuid4().hex}")
            if turn.member.state == State.NEW:
                self._start_onboarding(turn, pending="")
            return self._finish(turn)

    def enroll(self, senders: list[Sender]) -> int:
        """Greet every listed person the coach hasn't met (an organizer enrolled all members,
        or a channel's). People who asked to be forgotten are skipped. Returns how many."""
        greeted = 0
        now = self._clock.now()
        for sender in senders:
            with self._uow() as uow:
                community = uow.communities.find(sender.platform, sender.community_id)
                if community is not None and community.id is not None:
                    if uow.members.find(community.id, sender.user_id) is not None:
                        continue
                    if uow.opt_outs.contains(community.id, _user_key(sender.user_id)):
                        continue
                turn = self._begin(uow, sender, now, f"enroll:{sender.platform}:{sender.user_id}")
                self._start_onboarding(turn, pending="")
                self._finish(turn)
                greeted += 1
        return greeted

    def home(self, sender: Sender) -> MemberWeek | None:
        """Read-only: the member's week for a home screen, or None if we haven't met them."""
        with self._uow() as uow:
            community = uow.communities.find(sender.platform, sender.community_id)
            if community is None or community.id is None:
                return None
            member = uow.members.find(community.id, sender.user_id)
            if member is None:
                return None
            return member_week(uow, member, self._clock.now())

    def community_removed(
        self, platform: str, community_external_id: str, reason: str
    ) -> CommunityStopped | None:
        """The community removed the coach (e.g. a Slack workspace uninstalled the app): stop
        its check-ins and give up its waiting messages. None if we never met it."""
        with self._uow() as uow:
            community = uow.communities.find(platform, community_external_id)
            if community is None or community.id is None:
                return None
            stopped = stop_community(uow, community.id, reason)
            uow.commit()
            return stopped

    def community_restored(self, platform: str, community_external_id: str) -> int:
        """The community added the coach back: resume its paused members' check-ins."""
        with self._uow() as uow:
            community = uow.communities.find(platform, community_external_id)
            if community is None or community.id is None:
                return 0
            resumed = resume_community(uow, community.id, self._clock.now())
            uow.commit()
            return resumed

    def run_checkin(
        self, uow: UnitOfWork, checkin: CheckIn, now: datetime
    ) -> list[OutboundMessage]:
        """Word one due check-in for its member (inside the dispatcher's transaction)."""
        member = uow.members.get(checkin.member_id)
        if member is None or member.undeliverable:
            return []  # paused since it was claimed (e.g. their community removed the coach)
        community = uow.communities.get(member.community_id)
        assert community is not None
        turn = Turn(uow, community, member, now, key=f"checkin:{checkin.id}")
        asker = _CHECKINS[checkin.kind]
        asker(self, turn, checkin)
        uow.members.save(member)
        return [replace(reply, due_at=checkin.due_at) for reply in turn.replies]

    def plan_after_miss(self, uow: UnitOfWork, checkin: CheckIn, now: datetime) -> None:
        """A check-in that came too late is not sent, but the schedule goes on."""
        if checkin.kind == CheckInKind.MORNING:
            member = uow.members.get(checkin.member_id)
            if member is not None:
                plan_next_morning(uow, member, now)

    # ----------------------------------------------------------------- plumbing

    def _begin(self, uow: UnitOfWork, sender: Sender, now: datetime, key: str) -> Turn:
        community, member = uow.members.find_with_community(
            sender.platform, sender.community_id, sender.user_id
        )
        if community is None:
            community = uow.communities.add(
                Community(
                    platform=sender.platform,
                    external_id=sender.community_id,
                    name=(sender.community_name or sender.community_id)[:100],
                    timezone=self.settings.default_timezone,
                    last_digest_at=now,  # the first digest covers a week we were there for
                )
            )
        elif sender.community_name and community.name != sender.community_name[:100]:
            community.name = sender.community_name[:100]  # renamed on the platform
            uow.communities.save(community)
        assert community.id is not None
        if member is None:
            zone = (
                sender.timezone if sender.timezone and timezone_or_none(sender.timezone) else None
            )
            member = uow.members.add(
                Member(
                    community_id=community.id,
                    external_id=sender.user_id,
                    name=sender.name[:80] or sender.user_id,
                    timezone=zone or community.timezone or self.settings.default_timezone,
                    created_at=now,
                    checkin_time=community.checkin_time,
                    role=Role.ADMIN if sender.is_admin else Role.MEMBER,
                )
            )
        elif sender.is_admin and member.role == Role.MEMBER:
            member.role = Role.ADMIN
        elif not sender.is_admin and member.role == Role.ADMIN:
            member.role = Role.MEMBER  # the platform is the source of truth for admins
        if member.undeliverable and member.state != State.NEW:
            # They wrote to us, so their DMs are open again: resume their check-ins.
            reachable_again(uow, member, now)
        return Turn(uow, community, member, now, key)

    def _finish(self, turn: Turn) -> list[OutboundMessage]:
        if turn.member.id is not None and turn.member.state != "forgotten":
            turn.uow.members.save(turn.member)
        stored = [m for m in turn.replies if turn.uow.outbox.add(m, turn.now)]
        turn.uow.commit()
        return stored

    def _respond(self, turn: Turn, event: InboundMessage) -> None:
        try:
            text = clean_message(event.text)
        except TextProblem as problem:
            turn.say(str(problem))
            return
        state = State(turn.member.state)
        action = _ACTION.match(text)
        if action:
            if action.group(1) == "intro":
                intro_action(turn, int(action.group(2)), action.group(3))
            else:
                self._ask_action(turn, int(action.group(2)), action.group(3))
            return
        if event.form is not None:
            turn.member.state = self._logged_form(turn, event.form)
            return
        if state != State.CONFIRM_FORGET:
            word, _, rest = text.partition(" ")
            handler = _WORDS.get(word.lower().lstrip("/"))
            if handler is not None:
                next_state = handler(self, turn, rest.strip())
                if next_state is not None:
                    turn.member.state = next_state
                return
            if _HIRED.search(text):
                turn.member.state = self._hired(turn)
                return
        turn.member.state = _STATES[state](self, turn, text)

    # ----------------------------------------------------------------- onboarding

    def _start_onboarding(self, turn: Turn, pending: str) -> None:
        member = turn.member
        member.state = State.ONBOARDING
        member.state_data = {"pending": pending[:2000]} if pending.strip() else {}
        turn.say(
            f"Hi {member.name}! I'm your ask coach. Most jobs come through people, and people "
            "help when you ask for something specific.\n"
            f"I'll check in {format_days(member.days)} at "
            f"{member.checkin_time:%H:%M} ({member.timezone}). Reply `ok` to keep that, or "
            "send your timezone and time, e.g. `Europe/Berlin 08:30`."
        )

    def _onboarding_answer(self, turn: Turn, text: str) -> State:
        member = turn.member
        words = text.lower().strip(" .!")
        if words not in _YES:
            zone_name: str | None = None
            at = None
            for token in text.replace(",", " ").split():
                parsed_time = parse_time(token)
                if parsed_time is not None:
                    at = parsed_time
                elif "/" in token or token.upper() == "UTC":
                    zone_name = token
                else:
                    turn.say(
                        "Sorry, I didn't get that. Reply `ok` to keep "
                        f"{member.checkin_time:%H:%M} {member.timezone}, or send a timezone "
                        "and time like `America/Chicago 08:30`."
                    )
                    return State.ONBOARDING
            if zone_name is not None:
                zone = timezone_or_none(zone_name)
                if zone is None:
                    turn.say(_unknown_zone(zone_name))
                    return State.ONBOARDING
                member.timezone = zone.key
            if at is not None:
                member.checkin_time = at
        pending = str(member.state_data.get("pending", ""))
        member.state = State.IDLE
        member.state_data = {}
        plan_next_morning(turn.uow, member, turn.now)
        plan_next_review(turn.uow, member, turn.now)
        turn.say(
            f"You're set: {format_days(member.days)} at {member.checkin_time:%H:%M} "
            f"({member.timezone}). Got an ask already? Tell me who you'll ask, and for what."
        )
        if pending and pending.lower().strip(" !.") not in _GREETINGS:
            return self._after_onboarding(turn, pending)
        return State.IDLE

    def _after_onboarding(self, turn: Turn, pending: str) -> State:
        try:
            text = clean_message(pending)
        except TextProblem:
            return State.IDLE
        word, _, rest = text.partition(" ")
        handler = _WORDS.get(word.lower().lstrip("/"))
        if handler is not None:
            return handler(self, turn, rest.strip()) or State.IDLE
        return self._plan(turn, text)

    # ----------------------------------------------------------------- asks

    def _plan(self, turn: Turn, text: str) -> State:
        """A new plan for today: record it if specific, otherwise coach it."""
        if text.lower().strip(" .!") in _SKIP:
            return self._skip_today(turn)
        assessment = assess_ask(text)
        if assessment.verdict == Verdict.SPECIFIC:
            return self._record(turn, assessment)
        return self._ask_for_missing(turn, assessment, questions=1)

    def _ask_for_missing(self, turn: Turn, assessment: Assessment, questions: int) -> State:
        """Keep what the plan already has and ask for exactly what is missing."""
        asking = "both" if assessment.verdict == Verdict.PASSIVE else "+".join(assessment.missing)
        turn.member.state_data = {
            "draft": assessment.text,
            "questions": questions,
            "asking": asking or "both",
            "who": assessment.who,
            "what": assessment.what,
            "verdict": assessment.verdict.value,
        }
        turn.say(self._coaching_question(turn, assessment))
        return State.CLARIFYING

    def _clarify(self, turn: Turn, text: str) -> State:
        """An answer to a clarifying question: combine it with what the plan had, judge again,
        and record what the member has after at most two questions."""
        if text.lower().strip(" .!") in _SKIP:
            return self._skip_today(turn)
        data = turn.member.state_data
        questions = int(data.get("questions", 1))
        # Judge the readings in order and stop at the first specific one (each assessment
        # costs more than the rest of the turn); all of them only when none is specific.
        candidates: list[Assessment] = []
        for reading in _combinations(data, text):
            candidate = assess_ask(reading)
            if candidate.verdict == Verdict.SPECIFIC:
                return self._record(turn, candidate)
            candidates.append(candidate)
        # Not specific yet: keep the most complete reading of the plan.
        best = min(candidates, key=lambda c: (len(c.missing), c.verdict == Verdict.PASSIVE))
        if questions >= self.settings.max_clarifying_questions:
            return self._record(turn, best)
        if best.verdict != Verdict.PASSIVE:
            # Carry over what earlier answers established.
            best = replace(
                best,
                who=best.who or data.get("who"),
                what=best.what or data.get("what"),
                missing=tuple(
                    m
                    for m in best.missing
                    if not (m == "who" and data.get("who"))
                    and not (m == "what" and data.get("what"))
                )
                or best.missing,
            )
        return self._ask_for_missing(turn, best, questions + 1)

    def _coaching_question(self, turn: Turn, assessment: Assessment) -> str:
        if assessment.verdict == Verdict.PASSIVE:
            return (
                f"“{short(assessment.text, 60)}” can be a fine place to ask — but on its own it "
                "isn't an ask. Who will you ask, and for what? "
                "(e.g. “Ask Jen for an intro to her manager at Medtronic”)"
            )
        if "who" in assessment.missing and "what" in assessment.missing:
            return "Who exactly will you ask, and for what? A name and one clear favour."
        if "who" in assessment.missing:
            favour = f" for {assessment.what}" if assessment.what else ""
            return f"Who exactly will you ask{favour}? A name, e.g. “Priya from my old team”."
        who = assessment.who or "them"
        return (
            f"What will you ask {who} for — an intro, a referral, feedback on something, "
            "names at a company?"
        )

    def _record(self, turn: Turn, assessment: Assessment) -> State:
        member = turn.member
        assert member.id is not None
        ask = turn.uow.asks.add(
            Ask(
                member_id=member.id,
                text=assessment.text,
                verdict=assessment.verdict.value,
                created_at=turn.now,
                who=assessment.who,
                kind=assessment.kind.value if assessment.kind else None,
                company=assessment.company,
                role=assessment.role,
                deadline=assessment.deadline,
                status=AskStatus.OPEN
                if assessment.verdict == Verdict.SPECIFIC
                else AskStatus.SKIPPED,
                updated_at=turn.now,
            )
        )
        member.state_data = {}
        if assessment.verdict != Verdict.SPECIFIC:
            turn.uow.checkins.cancel_pending(member.id, [CheckInKind.NUDGE])
            turn.say(
                f"I've noted “{short(assessment.text)}” as a plan, not yet an ask. Tomorrow "
                "let's find one person and one favour — that's where the jobs are."
            )
            return State.IDLE
        # Today's nudge is moot once there is an ask; cancelled with the afternoon check-in.
        checkin = plan_afternoon(turn.uow, member, ask, turn.now, also_cancel=[CheckInKind.NUDGE])
        when = (
            f" I'll check in at {checkin.due_at.astimezone(turn.zone):%H:%M}."
            if checkin
            and checkin.due_at.astimezone(turn.zone).date() == turn.now.astimezone(turn.zone).date()
            else ""
        )
        if assessment.who and assessment.what:
            said = f"{assessment.who}, {assessment.what}"
        else:
            said = short(assessment.text, 120)
        turn.say(f"That's a real ask: {short(said, 140)}. Noted — good luck!{when}")
        self._good_practice(turn, ask)
        offer_intro(turn, ask.company, ask.id)
        return State.IDLE

    def _good_practice(self, turn: Turn, ask: Ask) -> None:
        """Networking rules: don't lean on one person too often; offer help first."""
        member = turn.member
        assert member.id is not None
        # One query serves both rules, and reads only the last 14 days' specific asks of the
        # same kind (the total is counted by the database), however long the history is.
        since = turn.now - timedelta(days=14)
        history, specific = turn.uow.asks.specific_since(member.id, since, ask.kind)
        if ask.who:
            same = [
                a for a in history if a.id != ask.id and (a.who or "").lower() == ask.who.lower()
            ]
            if same:
                days = (turn.now - same[-1].created_at).days
                when = "earlier today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
                turn.say(
                    f"Heads-up: you asked {ask.who} for the same kind of favour {when}. "
                    "Could someone else help this time — or could you do something for "
                    f"{ask.who} first?"
                )
        if specific >= 3 and specific % 3 == 0 and not turn.uow.gives.for_member(member.id):
            turn.say(
                "Tip: offer help first. Who could you help this week — an intro, a review, a "
                "name? Log it with `gave …`."
            )

    def _skip_today(self, turn: Turn) -> State:
        turn.member.state_data = {}
        assert turn.member.id is not None
        turn.uow.checkins.cancel_pending(turn.member.id, [CheckInKind.NUDGE])
        turn.say("No problem — skipping today. I'll ask again next time.")
        return State.IDLE

    def _logged_form(self, turn: Turn, form: dict[str, str]) -> State:
        """The 'log an ask' form (Slack modal, Discord modal): who, what, company, by when."""
        who = form.get("who", "").strip()[:120]
        what = form.get("what", "").strip()[:500]
        company = form.get("company", "").strip()[:MAX_COMPANY_CHARS]
        by = form.get("by", "").strip()[:40]
        if not who or not what:
            turn.say("To log an ask I need both who you'll ask and what you'll ask them for.")
            return State(turn.member.state)
        text = f"Ask {who} {what}"
        if company and company.lower() not in text.lower():
            text += f" at {company}"
        if by:
            text += f" by {by}"
        return self._plan(turn, text)

    # ----------------------------------------------------------------- outcomes

    def _ask_action(self, turn: Turn, ask_id: int, action: str) -> None:
        ask = turn.uow.asks.get(ask_id)
        if ask is None or ask.member_id != turn.member.id:
            turn.say("That button belongs to an ask I no longer have. Say `stats` to see yours.")
            return
        if action in MADE_CHOICES:
            turn.member.state = self._made(turn, ask, action)
        elif action in OUTCOME_CHOICES:
            turn.member.state = self._outcome(turn, ask, action)
        elif action in FOLLOW_UP_CHOICES:
            turn.member.state = self._follow_up(turn, ask, action)
        else:
            turn.say("I don't know that button. Say `help` to see what I can do.")

    def _current_ask(self, turn: Turn) -> Ask | None:
        ask_id = turn.member.state_data.get("ask_id")
        if not isinstance(ask_id, int):
            return None
        ask = turn.uow.asks.get(ask_id)
        return ask if ask is not None and ask.member_id == turn.member.id else None

    def _typed_answer(self, turn: Turn, text: str) -> State:
        """A typed reply to a question that has buttons ("made it", "said yes", "drop it")
        works like the button; anything else is taken as a new plan."""
        words, act = _TYPED_ANSWERS[State(turn.member.state)]
        ask = self._current_ask(turn)
        action = words.get(text.lower().strip(" .!"))
        if ask is None or action is None:
            return self._plan(turn, text)
        return act(self, turn, ask, action)

    def _made(self, turn: Turn, ask: Ask, action: str) -> State:
        assert ask.id is not None
        who = ask.who or "them"
        if action == "made":
            ask.status = AskStatus.MADE
            ask.updated_at = turn.now
            turn.uow.asks.save(ask)
            turn.member.state_data = {"ask_id": ask.id}
            turn.say(
                "Nice — you asked. What happened?",
                _choice(ask.id, "yes", "Said yes"),
                _choice(ask.id, "waiting", "Waiting to hear"),
                _choice(ask.id, "no", "Said no"),
            )
            return State.AWAITING_OUTCOME
        turn.member.state_data = {}
        if action == "not_yet":
            plan_follow_up(turn.uow, turn.member, ask, turn.now, days=1)
            turn.say(f"No worries. The ask of {who} is still open — I'll check in tomorrow.")
            return State.IDLE
        ask.status = AskStatus.SKIPPED
        ask.updated_at = turn.now
        turn.uow.asks.save(ask)
        turn.say("Skipped. Tomorrow's a new ask.")
        return State.IDLE

    def _outcome(self, turn: Turn, ask: Ask, action: str) -> State:
        who = ask.who or "them"
        ask.status = AskStatus.MADE
        ask.outcome = Outcome(action)
        ask.updated_at = turn.now
        turn.uow.asks.save(ask)
        turn.member.state_data = {}
        if action == "yes":
            turn.say(
                f"Great outcome. A two-line thank-you to {who} today keeps the door open — "
                "don't be a hit-and-run."
            )
        elif action == "waiting":
            plan_follow_up(turn.uow, turn.member, ask, turn.now)
            turn.say(
                f"Asking was the hard part. I'll check in about {who} in a few days; a thank-you "
                "note now never hurts."
            )
        else:
            turn.say(
                f"A no is still an answer — and you asked. Thank {who} anyway; people remember "
                "it. Who's next?"
            )
        return State.IDLE

    def _follow_up(self, turn: Turn, ask: Ask, action: str) -> State:
        who = ask.who or "them"
        turn.member.state_data = {}
        if action == "heard":
            return self._made(turn, ask, "made")
        if action == "nudge":
            plan_follow_up(turn.uow, turn.member, ask, turn.now)
            turn.say(f"Good. Keep it short and friendly; I'll check back about {who}.")
            return State.IDLE
        ask.status = AskStatus.DROPPED
        ask.updated_at = turn.now
        turn.uow.asks.save(ask)
        turn.say("Dropped. Some asks don't land — the next one might.")
        return State.IDLE

    def _hired(self, turn: Turn) -> State:
        member = turn.member
        member.hired_at = turn.now
        member.state_data = {}
        cancel_all(turn.uow, member)
        turn.say(
            f"Congratulations, {member.name}! 🎉 Your asks got you here. I'll stop the daily "
            "check-ins. Would you pay it forward? Tell the group where you can help: "
            "`know <company>`."
        )
        return State.IDLE

    # ----------------------------------------------------------------- check-ins

    def _ask_morning(self, turn: Turn, checkin: CheckIn) -> None:
        member = turn.member
        assert member.id is not None
        plan_next_morning(turn.uow, member, turn.now)
        if member.state in (State.ONBOARDING, State.CONFIRM_FORGET, State.NEW):
            return
        example = _morning_example(
            turn.uow.targets.for_member(member.id),
            turn.uow.asks.for_member(member.id, since=turn.now - timedelta(days=30)),
            turn.now.toordinal(),
        )
        turn.say(
            f"Morning, {member.name}! What's your specific ask today — who will you ask, and "
            f"for what?\n(e.g. “{example}”)"
        )
        member.state = State.AWAITING_ASK
        member.state_data = {}
        plan_nudge(turn.uow, member, checkin.due_at)

    def _ask_nudge(self, turn: Turn, checkin: CheckIn) -> None:
        if turn.member.state != State.AWAITING_ASK:
            return
        turn.say("Still time for today's ask — one person, one favour. Or say `skip`.")

    def _ask_afternoon(self, turn: Turn, checkin: CheckIn) -> None:
        ask = turn.uow.asks.get(checkin.ask_id) if checkin.ask_id else None
        if ask is None or ask.status != AskStatus.OPEN:
            return
        who = ask.who or "them"
        turn.member.state_data = {"ask_id": ask.id}
        turn.member.state = State.AWAITING_MADE
        turn.say(
            f"Did you make your ask of {who}?",
            _choice(ask.id, "made", "Made it"),
            _choice(ask.id, "not_yet", "Not yet"),
            _choice(ask.id, "skip", "Skip"),
        )

    def _ask_follow_up(self, turn: Turn, checkin: CheckIn) -> None:
        ask = turn.uow.asks.get(checkin.ask_id) if checkin.ask_id else None
        if ask is None or ask.status in (AskStatus.SKIPPED, AskStatus.DROPPED):
            return
        if ask.outcome in (Outcome.YES, Outcome.NO):
            return
        who = ask.who or "them"
        days = max(
            1,
            (
                turn.now.astimezone(turn.zone).date() - ask.created_at.astimezone(turn.zone).date()
            ).days,
        )
        turn.member.state_data = {"ask_id": ask.id}
        turn.member.state = State.AWAITING_FOLLOW_UP
        turn.say(
            f"{days} day{'s' if days != 1 else ''} ago you planned: {short(ask.text, 90)}. "
            f"Heard back from {who}? A short, friendly nudge is normal.",
            _choice(ask.id, "heard", "Heard back"),
            _choice(ask.id, "nudge", "I'll nudge"),
            _choice(ask.id, "drop", "Drop it"),
        )

    def _ask_review(self, turn: Turn, checkin: CheckIn) -> None:
        """Friday: my week's asks and outcomes, follow-ups due, gives, streak, one idea."""
        member = turn.member
        assert member.id is not None
        plan_next_review(turn.uow, member, turn.now)
        if member.state in (State.ONBOARDING, State.CONFIRM_FORGET, State.NEW):
            return
        zone = turn.zone
        today = turn.now.astimezone(zone).date()
        monday = today - timedelta(days=today.weekday())
        asks = turn.uow.asks.for_member(member.id)
        gives = turn.uow.gives.for_member(member.id)
        stats = compute_stats(asks, gives, zone, member.days, turn.now)
        week = [a for a in asks if a.created_at.astimezone(zone).date() >= monday]
        specific = [a for a in week if a.verdict == Verdict.SPECIFIC]
        week_gives = [g for g in gives if g.created_at.astimezone(zone).date() >= monday]
        open_asks = [
            a
            for a in asks
            if a.verdict == Verdict.SPECIFIC
            and a.status in (AskStatus.OPEN, AskStatus.MADE)
            and a.outcome in (None, Outcome.WAITING)
            and a.created_at.astimezone(zone).date() < monday
        ]
        lines = [f"Your week, {member.name}:"]
        if specific:
            people = ", ".join(dict.fromkeys(a.who or "someone" for a in specific))
            made = sum(1 for a in specific if a.status == AskStatus.MADE)
            yes = sum(1 for a in specific if a.outcome == Outcome.YES)
            lines.append(f"• {len(specific)} specific ask(s) ({people}) · {made} made · {yes} yes")
        else:
            lines.append("• No specific ask this week — that's fine, next week is new.")
        if open_asks:
            names = ", ".join(dict.fromkeys(a.who or "someone" for a in open_asks[-3:]))
            lines.append(f"• Waiting to hear from: {names} — a short nudge is normal.")
        lines.append(f"• Gives: {len(week_gives)} · streak: {stats.streak} working day(s)")
        lines.append("Next week: " + _suggestion(len(specific), len(week_gives), open_asks))
        turn.say("\n".join(lines))
        if self.charts is not None:
            days = count_by_day(asks, zone, monday, today)
            png = self.charts.asks_per_day(days, "My week")
            turn.replies[-1] = replace(
                turn.replies[-1], attachment=png, attachment_name="my-week.png"
            )

    # ----------------------------------------------------------------- chat words

    def _word_help(self, turn: Turn, rest: str) -> State | None:
        turn.say(HELP)
        return None

    def _word_ask(self, turn: Turn, rest: str) -> State | None:
        if not rest:
            turn.say("Tell me who you'll ask and for what, e.g. `ask Maria for an intro to Ben`.")
            return None
        state = State(turn.member.state)
        text = f"Ask {rest}"
        if state == State.CLARIFYING:
            return self._clarify(turn, text)
        if state == State.ONBOARDING:
            turn.say("Let's finish setting up first: reply `ok` or send a timezone and time.")
            return None
        return self._plan(turn, text)

    def _word_gave(self, turn: Turn, rest: str) -> State | None:
        if not rest:
            turn.say("What help did you give? e.g. `gave Sam an intro to my old manager`")
            return None
        assert turn.member.id is not None
        turn.uow.gives.add(Give(member_id=turn.member.id, text=rest[:500], created_at=turn.now))
        turn.say(f"Logged your give: {short(rest)}. Helping first is how networks work. 🙌")
        return None

    def _word_targets(self, turn: Turn, rest: str) -> State | None:
        assert turn.member.id is not None
        targets = turn.uow.targets.for_member(turn.member.id)
        if not targets:
            turn.say("No target companies yet. Add one: `target add Medtronic`")
        else:
            names = ", ".join(t.company for t in targets)
            turn.say(f"Your targets: {names}. Who do you know at one of them?")
        return None

    def _word_target(self, turn: Turn, rest: str) -> State | None:
        assert turn.member.id is not None
        verb, _, company = rest.partition(" ")
        company = " ".join(company.split())
        if verb.lower() not in ("add", "remove", "rm", "delete") or not company:
            turn.say("Try `target add <company>` or `target remove <company>`.")
            return None
        if len(company) > MAX_COMPANY_CHARS:
            turn.say(f"That company name is too long (over {MAX_COMPANY_CHARS} characters).")
            return None
        if verb.lower() == "add":
            existing = {t.company.lower() for t in turn.uow.targets.for_member(turn.member.id)}
            if company.lower() in existing:
                turn.say(f"{company} is already on your list.")
                return None
            turn.uow.targets.add(
                Target(member_id=turn.member.id, company=company, created_at=turn.now)
            )
            turn.say(f"Added {company}. Who do you know there — or who might?")
            offer_intro(turn, company)
        elif turn.uow.targets.remove(turn.member.id, company):
            turn.say(f"Removed {company} from your targets.")
        else:
            turn.say(f"{company} isn't on your targets. Say `targets` to see them.")
        return None

    def _word_know(self, turn: Turn, rest: str) -> State | None:
        assert turn.member.id is not None
        company = " ".join(rest.split())
        if not company:
            turn.say("Where do you know people? e.g. `know Medtronic`")
            return None
        if len(company) > MAX_COMPANY_CHARS:
            turn.say(f"That company name is too long (over {MAX_COMPANY_CHARS} characters).")
            return None
        existing = {k.company.lower() for k in turn.uow.known.for_member(turn.member.id)}
        if company.lower() not in existing:
            turn.uow.known.add(
                KnownCompany(member_id=turn.member.id, company=company, created_at=turn.now)
            )
        turn.say(
            f"Noted: you know people at {company}. I'll only pass that on with your OK, when "
            "someone in the group needs an intro there."
        )
        return None

    def _word_stats(self, turn: Turn, rest: str) -> State | None:
        member = turn.member
        assert member.id is not None
        stats = compute_stats(
            turn.uow.asks.for_member(member.id),
            turn.uow.gives.for_member(member.id),
            turn.zone,
            member.days,
            turn.now,
        )
        turn.say(
            f"Asks: {stats.specific} specific of {stats.asks} planned · made {stats.made} · "
            f"yes {stats.said_yes} · gives {stats.gives}\n"
            f"This week: {stats.week_specific} specific · streak: {stats.streak} working day"
            f"{'s' if stats.streak != 1 else ''}"
        )
        return None

    def _word_time(self, turn: Turn, rest: str) -> State | None:
        at = parse_time(rest)
        if at is None:
            turn.say(
                f"“{short(rest, 20)}” isn't a time I understand. Use 24-hour HH:MM, "
                "e.g. `time 08:30`."
            )
            return None
        turn.member.checkin_time = at
        plan_next_morning(turn.uow, turn.member, turn.now)
        turn.say(f"Done: I'll check in at {at:%H:%M} ({turn.member.timezone}).")
        return None

    def _word_days(self, turn: Turn, rest: str) -> State | None:
        days = parse_days(rest)
        if days is None:
            turn.say("Try `days mon-fri`, `days daily` or `days mon,wed,fri`.")
            return None
        turn.member.days = days
        plan_next_morning(turn.uow, turn.member, turn.now)
        turn.say(f"Done: check-ins {format_days(days)} at {turn.member.checkin_time:%H:%M}.")
        return None

    def _word_tz(self, turn: Turn, rest: str) -> State | None:
        zone = timezone_or_none(rest)
        if zone is None:
            turn.say(_unknown_zone(rest))
            return None
        turn.member.timezone = zone.key
        plan_next_morning(turn.uow, turn.member, turn.now)
        turn.say(
            f"Done: your timezone is {zone.key}. Check-ins at {turn.member.checkin_time:%H:%M}."
        )
        return None

    def _word_pause(self, turn: Turn, rest: str) -> State | None:
        words = rest.lower().removesuffix("days").removesuffix("day").strip() or "7"
        if not words.isdigit() or not 1 <= int(words) <= MAX_PAUSE_DAYS:
            turn.say(f"Pause for how many days? e.g. `pause 5` (1 to {MAX_PAUSE_DAYS}).")
            return None
        member = turn.member
        assert member.id is not None
        resume_day = (turn.now.astimezone(turn.zone) + timedelta(days=int(words))).date()
        member.paused_until = datetime.combine(resume_day, datetime.min.time(), turn.zone)
        member.paused_until = member.paused_until.astimezone(turn.now.tzinfo)
        turn.uow.checkins.cancel_pending(
            member.id, [CheckInKind.MORNING, CheckInKind.NUDGE, CheckInKind.REVIEW]
        )
        plan_next_morning(turn.uow, member, turn.now)
        turn.say(
            f"Paused until {resume_day:%a %-d %b}. Rest well — `resume` brings me back sooner."
        )
        return State.IDLE

    def _word_resume(self, turn: Turn, rest: str) -> State | None:
        member = turn.member
        was_paused = member.paused_until is not None and member.paused_until > turn.now
        member.paused_until = None
        member.hired_at = None
        member.undeliverable = False
        plan_next_morning(turn.uow, member, turn.now)
        plan_next_review(turn.uow, member, turn.now)
        turn.say(
            ("Welcome back! " if was_paused else "")
            + f"Check-ins are on: {format_days(member.days)} at {member.checkin_time:%H:%M}."
        )
        return None

    def _word_export(self, turn: Turn, rest: str) -> State | None:
        record = member_record(turn.uow, turn.member)
        turn.say("Here's everything I hold about you:\n" + json.dumps(record, indent=1))
        return None

    def _word_forget(self, turn: Turn, rest: str) -> State | None:
        assert turn.member.id is not None
        asks = len(turn.uow.asks.for_member(turn.member.id))
        turn.member.state_data = {"before": turn.member.state}
        turn.say(
            f"This deletes everything I hold about you ({asks} asks, your gives, targets and "
            "schedule). Reply `yes, delete` to confirm; anything else keeps it."
        )
        return State.CONFIRM_FORGET

    def _forget_answer(self, turn: Turn, text: str) -> State:
        member = turn.member
        assert member.id is not None
        if text.lower().strip(" .!") in ("yes, delete", "yes delete", "yes", "delete"):
            turn.uow.forget_member(member.id)
            assert turn.community.id is not None
            turn.uow.opt_outs.add(turn.community.id, _user_key(member.external_id), turn.now)
            member.id = None
            member.state = "forgotten"
            turn.say("Done — I've deleted everything about you. Message me anytime to start fresh.")
            turn.replies[:] = [replace(reply, member_id=None) for reply in turn.replies]
            return State.NEW
        before = str(member.state_data.get("before", State.IDLE))
        member.state_data = {}
        turn.say("Kept everything. Nothing was deleted.")
        return State(before) if before in State._value2member_map_ else State.IDLE

    def _word_share(self, turn: Turn, rest: str) -> State | None:
        word_share(turn, rest)
        return None

    def _word_report(self, turn: Turn, rest: str) -> State | None:
        word_report(turn, rest)
        return None

    def _word_digest(self, turn: Turn, rest: str) -> State | None:
        word_digest(turn, rest, self.charts)
        return None

    # ----------------------------------------------------------------- organizer settings

    def _word_admin(self, turn: Turn, rest: str) -> State | None:
        """Community settings, for workspace admins / guild managers and configured coaches."""
        if turn.member.role not in (Role.ADMIN, Role.COACH):
            turn.say("Only the group's admins or coaches can change its settings.")
            return None
        community = turn.community
        verb, _, arg = rest.partition(" ")
        verb, arg = verb.lower(), arg.strip()
        if verb in ("", "settings", "show"):
            turn.say(_settings_text(community))
            return None
        if verb == "dashboard":
            dashboard_link(turn, self.settings.public_url)
            return None
        if verb == "time":
            at = parse_time(arg)
            if at is None:
                turn.say("Use 24-hour HH:MM, e.g. `admin time 09:00`.")
                return None
            community.checkin_time = at
            turn.say(f"New members will be asked at {at:%H:%M}. Members keep their own `time`.")
        elif verb == "tz":
            zone = timezone_or_none(arg)
            if zone is None:
                turn.say(_unknown_zone(arg))
                return None
            community.timezone = zone.key
            turn.say(f"The group's timezone is {zone.key} (digests and new members).")
        elif verb == "channel":
            channel = _channel_id(arg)
            if channel is None:
                turn.say("Which channel? e.g. `admin channel #job-club`.")
                return None
            community.report_channel = channel
            turn.say(f"Group digests and reports will go to {_channel_ref(channel)}.")
        elif verb == "enroll":
            mode, _, where = arg.partition(" ")
            mode = mode.lower()
            if mode in ("all", "optin", "opt-in"):
                community.enrollment = "all" if mode == "all" else "optin"
                community.enrollment_channel = None
            elif mode == "channel" and _channel_id(where):
                community.enrollment = "channel"
                community.enrollment_channel = _channel_id(where)
            else:
                turn.say(
                    "Try `admin enroll all`, `admin enroll optin` or `admin enroll channel #x`."
                )
                return None
            turn.say(f"Enrolment: {_enrollment_text(community)}.")
        elif verb == "coach":
            return self._admin_coach(turn, arg)
        else:
            turn.say(
                "Settings: `admin time 09:00`, `admin tz America/Chicago`, `admin channel #x`, "
                "`admin enroll all|optin|channel #x`, `admin coach add|remove @someone`, "
                "`admin coach role @role`, `admin dashboard`."
            )
            return None
        turn.uow.communities.save(community)
        return None

    def _admin_coach(self, turn: Turn, arg: str) -> State | None:
        action, _, who = arg.partition(" ")
        if action.lower() == "role":
            return self._admin_coach_role(turn, who)
        user_id = _user_id(who)
        if action.lower() not in ("add", "remove") or user_id is None:
            turn.say("Try `admin coach add @someone` or `admin coach remove @someone`.")
            return None
        assert turn.community.id is not None
        member = turn.uow.members.find(turn.community.id, user_id)
        if member is None:
            turn.say("I haven't met them yet — ask them to say hi to me first.")
            return None
        member.role = Role.COACH if action.lower() == "add" else Role.MEMBER
        turn.uow.members.save(member)
        if member.id == turn.member.id:
            turn.member.role = member.role
        verb = "is now a coach" if member.role == Role.COACH else "is no longer a coach"
        turn.say(f"{member.name} {verb}.")
        return None

    def _admin_coach_role(self, turn: Turn, arg: str) -> State | None:
        """Everyone with this platform role counts as a coach (the adapter checks the role)."""
        role = arg.strip()
        match = _ROLE.match(role)
        if role.lower() in ("none", "off", "clear"):
            turn.community.coach_role = None
            turn.say("No coach role any more; coaches added by name stay coaches.")
        elif match:
            turn.community.coach_role = match.group(1) or match.group(2)
            turn.say(
                f"Members with the role <@&{turn.community.coach_role}> can now change settings."
            )
        else:
            turn.say("Try `admin coach role @role` or `admin coach role none`.")
            return None
        turn.uow.communities.save(turn.community)
        return None

    def _idle_plan(self, turn: Turn, text: str) -> State:
        return self._plan(turn, text)


_CHANNEL = re.compile(r"^<#([A-Z0-9]{1,30}|\d{1,25})(?:\|[^>]{0,80})?>$|^#?([A-Za-z0-9_\-]{1,80})$")
_ROLE = re.compile(r"^<@&(\d{1,25})>$|^([A-Z0-9]{1,30}|\d{1,25})$")
_USER = re.compile(r"^<@!?([A-Z0-9]{1,30}|\d{1,25})(?:\|[^>]{0,80})?>$|^@?([A-Za-z0-9_.\-]{1,64})$")


def _channel_id(text: str) -> str | None:
    """A channel reference as platforms send it (<#C123|name>, <#123>) or a plain name."""
    match = _CHANNEL.match(text.strip())
    return (match.group(1) or match.group(2)) if match else None


def _user_id(text: str) -> str | None:
    match = _USER.match(text.strip())
    return (match.group(1) or match.group(2)) if match else None


def _channel_ref(channel: str) -> str:
    return (
        f"<#{channel}>"
        if (channel[:1].isupper() and channel[1:].isalnum()) or channel.isdigit()
        else f"#{channel}"
    )


def _enrollment_text(community: Community) -> str:
    if community.enrollment == "all":
        return "every member of the workspace"
    if community.enrollment == "channel" and community.enrollment_channel:
        return f"members of {_channel_ref(community.enrollment_channel)}"
    return "opt-in (members who message me)"


def _settings_text(community: Community) -> str:
    channel = _channel_ref(community.report_channel) if community.report_channel else "not set"
    coaches = f" · coach role: <@&{community.coach_role}>" if community.coach_role else ""
    return (
        f"Group settings: check-ins at {community.checkin_time:%H:%M} ({community.timezone}) · "
        f"report channel: {channel} · enrolment: {_enrollment_text(community)}{coaches}"
    )


_FAVOUR_START = ("to ", "for ", "if ", "whether ", "about ", "who ", "which ", "what ")


def _combinations(data: dict[str, object], answer: str) -> list[str]:
    """Readings of a clarifying answer, most specific first: the answer alone, the answer
    slotted into the plan ("Ask <who> for <answer>", "Ask <answer> for <what>"), and the
    plan and answer together."""
    who = data.get("who")
    what = data.get("what")
    asking = str(data.get("asking", ""))
    body = answer.strip().rstrip(".!")
    readings = [answer]
    if who and "what" in asking:
        lowered = body.lower()
        glue = "" if lowered.startswith(_FAVOUR_START) else "for "
        body_words = body[0].lower() + body[1:] if body else body
        readings.append(f"Ask {who} {glue}{body_words}")
    if what and "who" in asking:
        readings.append(f"Ask {body} for {what}")
    draft = str(data.get("draft", ""))
    if draft:
        readings.append(f"{draft.rstrip('.!')}. {answer}")
    return readings


def _morning_example(targets: list[Target], recent: list[Ask], seed: int) -> str:
    """An example drawn from the member's own targets and recent contacts."""
    contacts = [a for a in recent if a.who and a.verdict == Verdict.SPECIFIC]
    if contacts and targets and seed % 2 == 0:
        contact = contacts[seed % len(contacts)].who
        company = targets[seed % len(targets)].company
        return f"Ask {contact} who they know at {company}"
    if targets:
        company = targets[seed % len(targets)].company
        return f"Ask a former colleague for two names at {company} and an intro to one"
    if contacts:
        last = contacts[-1]
        where = f" at {last.company}" if last.company else ""
        return f"Ask {last.who} who else you should talk to{where}"
    return "Ask Priya for an intro to the data team lead at Target"


def _suggestion(specific: int, gives: int, waiting: list[Ask]) -> str:
    """One concrete idea for next week, from the networking rules."""
    if specific == 0:
        return "pick one target company and ask one person you know for two names there."
    if gives == 0:
        return "offer help first — one intro or one review for someone in the group."
    if waiting:
        return f"close the loop with {waiting[-1].who or 'them'}, then thank them either way."
    return "keep the rhythm: one person, one clear favour, every working day."


def _user_key(user_id: str) -> str:
    """A one-way key for a platform user id (the opt-out list stores nothing else)."""
    return hashlib.sha256(user_id.encode()).hexdigest()


def _unknown_zone(name: str) -> str:
    return (
        f"I don't know the timezone “{short(name, 40)}”. Try a city like America/Chicago or "
        "Europe/Berlin."
    )


_GREETINGS = {"hi", "hello", "hey", "start", "hi there", "hello there", "yo", "help"}

_STATES: dict[State, StateHandler] = {
    State.ONBOARDING: Coach._onboarding_answer,
    State.IDLE: Coach._idle_plan,
    State.AWAITING_ASK: Coach._plan,
    State.CLARIFYING: Coach._clarify,
    State.AWAITING_MADE: Coach._typed_answer,
    State.AWAITING_OUTCOME: Coach._typed_answer,
    State.AWAITING_FOLLOW_UP: Coach._typed_answer,
    State.CONFIRM_FORGET: Coach._forget_answer,
}
"""The conversation in one place: the member's state -> the handler for their message.
Each handler returns the next state."""

_TYPED_ANSWERS: dict[State, tuple[dict[str, str], Callable[[Coach, Turn, Ask, str], State]]] = {
    State.AWAITING_MADE: (
        {
            "made it": "made",
            "made": "made",
            "yes": "made",
            "done": "made",
            "not yet": "not_yet",
            "no": "not_yet",
            "skip": "skip",
        },
        Coach._made,
    ),
    State.AWAITING_OUTCOME: (
        {
            "said yes": "yes",
            "yes": "yes",
            "waiting": "waiting",
            "waiting to hear": "waiting",
            "said no": "no",
            "no": "no",
        },
        Coach._outcome,
    ),
    State.AWAITING_FOLLOW_UP: (
        {
            "heard back": "heard",
            "heard": "heard",
            "yes": "heard",
            "i'll nudge": "nudge",
            "nudge": "nudge",
            "drop it": "drop",
            "drop": "drop",
        },
        Coach._follow_up,
    ),
}
"""Typed versions of the buttons, per question: the words -> the button's action."""

_WORDS: dict[str, WordHandler] = {
    "help": Coach._word_help,
    "ask": Coach._word_ask,
    "gave": Coach._word_gave,
    "targets": Coach._word_targets,
    "target": Coach._word_target,
    "know": Coach._word_know,
    "stats": Coach._word_stats,
    "time": Coach._word_time,
    "days": Coach._word_days,
    "tz": Coach._word_tz,
    "pause": Coach._word_pause,
    "resume": Coach._word_resume,
    "export": Coach._word_export,
    "forget": Coach._word_forget,
    "admin": Coach._word_admin,
    "share": Coach._word_share,
    "report": Coach._word_report,
    "digest": Coach._word_digest,
}
"""The chat words of DESIGN.md; they work in every state except a pending `forget`."""

_CHECKINS: dict[CheckInKind, Callable[[Coach, Turn, CheckIn], None]] = {
    CheckInKind.MORNING: Coach._ask_morning,
    CheckInKind.NUDGE: Coach._ask_nudge,
    CheckInKind.AFTERNOON: Coach._ask_afternoon,
    CheckInKind.FOLLOW_UP: Coach._ask_follow_up,
    CheckInKind.REVIEW: Coach._ask_review,
}
