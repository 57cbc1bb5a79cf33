"""The coach: one entry point for every inbound event, one transaction per event.

`Coach.handle(event)` finds (or creates) the member, understands the message
(`intents.read`), lets the member's state act on it (`flow.FLOW`), and writes the state, the
data and the replies (into the outbox) in one transaction. It returns the replies; adapters
deliver them from the outbox. Due check-ins come in through `run_checkin` (`checkins`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.checkins.planning import plan_next_morning, postpone_past_pause, reachable_again
from bot.conversation import checkins, onboarding, words
from bot.conversation.flow import respond_to_text
from bot.conversation.followups import pressed
from bot.conversation.group import intro_action
from bot.conversation.intents import Context, Intent, read
from bot.conversation.people import user_key
from bot.conversation.planning import logged_form
from bot.conversation.states import State
from bot.conversation.text import TextProblem, clean_message
from bot.conversation.turn import CoachSettings, Turn
from bot.conversation.words import MAX_COMPANY_CHARS
from bot.domain import CheckIn, CheckInKind, Community, Member, Role
from bot.group.weekly import dispatch_weekly_posts
from bot.messages import Handled, InboundMessage, OutboundMessage, Sender
from bot.ports import ChartRenderer, Clock, UnitOfWork, UnitOfWorkFactory
from bot.progress import MemberWeek, member_week
from bot.schedule import timezone_or_none
from bot.uninstall import CommunityStopped, resume_community, stop_community

__all__ = ["Coach", "CoachSettings"]

_ACTION = re.compile(r"^!(ask|intro|quiet):(\d{1,12}):([a-z_0-9]{1,12})$")


def _first_words(turn: Turn, text: str) -> None:
    """A first message that says "stop" gets no welcome: the member is left alone at once."""
    try:
        clean = clean_message(text)
    except TextProblem:
        return
    reading = read(clean, Context(State.ONBOARDING, turn.today))
    if reading.intent == Intent.STOP:
        turn.replies.clear()
        turn.member.state_data = {}
        turn.member.state = words.stop(turn, reading)


_CHECKINS: dict[CheckInKind, Callable[[Turn, CheckIn], None]] = {
    CheckInKind.MORNING: checkins.ask_morning,
    CheckInKind.NUDGE: checkins.ask_nudge,
    CheckInKind.AFTERNOON: checkins.ask_afternoon,
    CheckInKind.FOLLOW_UP: checkins.ask_follow_up,
    CheckInKind.REVIEW: checkins.ask_review,
}


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
        return self.receive(event).replies

    def receive(self, event: InboundMessage) -> Handled:
        """Handle one inbound event: the replies persisted (none for a replay), and whether
        it changed the community's enrolment."""
        now = self._clock.now()
        key = f"in:{event.sender.platform}:{event.event_id or uuid.uuid4().hex}"
        with self._uow() as uow:
            if event.event_id and not uow.events.first_time(
                event.sender.platform, event.event_id, now
            ):
                return Handled([])
            turn = self._begin(uow, event.sender, now, key)
            if turn.member.state == State.NEW and turn.community.id is not None:
                # Writing to us is opting back in.
                turn.uow.opt_outs.remove(turn.community.id, user_key(event.sender.user_id))
            if turn.member.state == State.NEW:
                onboarding.start(turn, pending=event.text)
                _first_words(turn, event.text)
            else:
                self._respond(turn, event)
            replies = self._finish(turn)
            return Handled(replies, turn.enrolment_changed and not turn.refused)

    def greet(self, sender: Sender) -> list[OutboundMessage]:
        """First contact without a message (console start, app home): onboard if new."""
        now = self._clock.now()
        with self._uow() as uow:
            turn = self._begin(uow, sender, now, f"greet:{sender.platform}:{uuid.uuid4().hex}")
            if turn.member.state == State.NEW:
                onboarding.start(turn, pending="")
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
                    if uow.opt_outs.contains(community.id, user_key(sender.user_id)):
                        continue
                turn = self._begin(uow, sender, now, f"enroll:{sender.platform}:{sender.user_id}")
                onboarding.start(turn, pending="")
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
        if (
            checkin.kind in (CheckInKind.AFTERNOON, CheckInKind.FOLLOW_UP)
            and member.paused_until is not None
            and member.paused_until > now
        ):
            # "pause a month": no "Heard back?" during the break; asked after it instead
            postpone_past_pause(uow, member, checkin, now)
            return []
        community = uow.communities.get(member.community_id)
        assert community is not None
        turn = self._turn(uow, community, member, now, f"checkin:{checkin.id}")
        _CHECKINS[checkin.kind](turn, checkin)
        turn.remember_last_reply(reword=False)
        uow.members.save(member)
        return [replace(reply, due_at=checkin.due_at) for reply in turn.replies]

    def plan_after_miss(self, uow: UnitOfWork, checkin: CheckIn, now: datetime) -> None:
        """A check-in that came too late is not sent, but the schedule goes on."""
        if checkin.kind == CheckInKind.MORNING:
            member = uow.members.get(checkin.member_id)
            if member is not None:
                plan_next_morning(uow, member, now)

    # ----------------------------------------------------------------- plumbing

    def _turn(
        self, uow: UnitOfWork, community: Community, member: Member, now: datetime, key: str
    ) -> Turn:
        return Turn(uow, community, member, now, key, self.settings, self.charts)

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
        return self._turn(uow, community, member, now, key)

    def _finish(self, turn: Turn) -> list[OutboundMessage]:
        if turn.refused:
            # Bad input is explained and changes nothing, not even what the coach remembers.
            turn.member.memory = turn.memory_before
            turn.member.state = turn.state_before
            turn.member.state_data = turn.state_data_before
        elif turn.member.id is not None and turn.member.state != "forgotten":
            turn.remember_last_reply()
        if turn.member.id is not None and turn.member.state != "forgotten":
            turn.uow.members.save(turn.member)
        stored = [m for m in turn.replies if turn.uow.outbox.add(m, turn.now)]
        turn.uow.commit()
        return stored

    def _respond(self, turn: Turn, event: InboundMessage) -> None:
        try:
            text = clean_message(event.text)
        except TextProblem as problem:
            turn.refuse(str(problem))
            return
        checkins.heard_from(turn)
        action = _ACTION.match(text)
        if action:
            kind, target, verb = action.group(1), int(action.group(2)), action.group(3)
            if kind == "intro":
                intro_action(turn, target, verb)
            elif kind == "quiet":
                checkins.quiet_answer(turn, verb)
            else:
                pressed(turn, target, verb)
            return
        if event.form is not None:
            turn.member.state = logged_form(turn, event.form, MAX_COMPANY_CHARS)
            return
        turn.member.state = respond_to_text(turn, text)
