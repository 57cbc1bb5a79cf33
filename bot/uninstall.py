"""A community removed the coach, or added it back.

Slack tells us when a workspace uninstalls the app or revokes its bot token, and a send can
answer that the workspace is gone. Either way the coach stops that community's work with what
already pauses one member: every member is marked unreachable (no check-ins are claimed,
worded or planned for them) and the messages still waiting in the outbox are given up, not
retried. Members' data (asks, gives, history, settings) stays. Check-ins resume for a member
who writes again, and for everyone when the community adds the coach back (`resume_community`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.checkins.planning import mark_unreachable, reachable_again
from bot.ports import UnitOfWork


@dataclass(frozen=True)
class CommunityStopped:
    """What stopping a community changed: members newly paused, outbox messages given up."""

    members: int
    messages: int


def stop_community(uow: UnitOfWork, community_id: int, reason: str) -> CommunityStopped:
    """Pause every member of the community and give up its waiting messages (inside `uow`).
    Idempotent: Slack sends `app_uninstalled` and `tokens_revoked`, in either order."""
    paused = 0
    for member in uow.members.in_community(community_id):
        if not member.undeliverable:
            mark_unreachable(uow, member)
            paused += 1
    given_up = uow.outbox.mark_community_failed(community_id, reason)
    return CommunityStopped(members=paused, messages=given_up)


def resume_community(uow: UnitOfWork, community_id: int, now: datetime) -> int:
    """The community added the coach back: plan check-ins again for every paused member
    (inside `uow`); return how many. A member whose DMs really are closed is tried once more
    and paused again by the failed send."""
    resumed = 0
    for member in uow.members.in_community(community_id):
        if member.undeliverable:
            reachable_again(uow, member, now)
            resumed += 1
    return resumed
