"""Sign-in links to the dashboard: one-time, short-lived, for one community's organizers.

The token travels only in the organizer's DM; the database keeps its SHA-256 (a token is 256
random bits, so a plain hash is enough to make a stolen table useless). Opening the link's
page checks it; pressing its button redeems it, once (`SignInRepository.redeem` is atomic).
Every page after that asks `viewer` again, so an organizer who loses the role loses the view.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.dashboard.rows import SignIn
from bot.domain import Community, Member, Role
from bot.ports import UnitOfWork

if TYPE_CHECKING:  # bot.conversation's coach imports this module
    from bot.conversation.turn import Turn

LINK_LIFETIME = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=8)
# Used and expired links are kept a day, so that opening one again says why it stopped working.
LINK_KEPT = timedelta(days=1)
SIGN_IN_PATH = "/dashboard/sign-in/"
DASHBOARD_WORDS = "admin dashboard"  # what the App Home button and `/settings dashboard` send
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


class Refusal(StrEnum):
    """Why a sign-in link shows no dashboard (each gets its own clear page)."""

    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    NOT_ORGANIZER = "not_organizer"


@dataclass(frozen=True)
class Viewer:
    """An organizer looking at their community's dashboard."""

    community: Community
    member: Member


def is_organizer(member: Member) -> bool:
    """Admins and coaches organize the group; only they see the dashboard."""
    return member.role in (Role.ADMIN, Role.COACH)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_sign_in(uow: UnitOfWork, member: Member, now: datetime) -> str:
    """A new one-time token for an organizer of the member's community (inside `uow`)."""
    if not is_organizer(member) or member.id is None:
        raise PermissionError("only organizers get dashboard links")
    uow.sign_ins.purge(now - LINK_KEPT)
    token = secrets.token_urlsafe(32)
    uow.sign_ins.add(
        SignIn(
            token_hash=token_hash(token),
            community_id=member.community_id,
            member_id=member.id,
            created_at=now,
            expires_at=now + LINK_LIFETIME,
        )
    )
    return token


def _refusal(sign_in: SignIn | None, now: datetime) -> Refusal | None:
    if sign_in is None:
        return Refusal.UNKNOWN
    if sign_in.used_at is not None:
        return Refusal.USED
    if sign_in.expires_at <= now:
        return Refusal.EXPIRED
    return None


def check_link(uow: UnitOfWork, token: str, now: datetime) -> Refusal | None:
    """Whether the link would sign in now (without using it): None, or why not."""
    if not _TOKEN.match(token):
        return Refusal.UNKNOWN
    sign_in = uow.sign_ins.find(token_hash(token))
    refusal = _refusal(sign_in, now)
    if sign_in is None or refusal is not None:
        return refusal
    if viewer(uow, sign_in.community_id, sign_in.member_id) is None:
        return Refusal.NOT_ORGANIZER
    return None


def redeem_link(uow: UnitOfWork, token: str, now: datetime) -> Viewer | Refusal:
    """Use the link (once): the organizer it was issued to, or why it shows nothing. The
    caller commits `uow`."""
    if not _TOKEN.match(token):
        return Refusal.UNKNOWN
    hashed = token_hash(token)
    sign_in = uow.sign_ins.redeem(hashed, now)
    if sign_in is None:
        return _refusal(uow.sign_ins.find(hashed), now) or Refusal.USED
    found = viewer(uow, sign_in.community_id, sign_in.member_id)
    return found if found is not None else Refusal.NOT_ORGANIZER


def viewer(uow: UnitOfWork, community_id: int, member_id: int) -> Viewer | None:
    """The organizer, if `member_id` is still an organizer of `community_id`."""
    member = uow.members.get(member_id)
    if member is None or member.community_id != community_id or not is_organizer(member):
        return None
    community = uow.communities.get(community_id)
    return None if community is None else Viewer(community, member)


def dashboard_link(turn: Turn, public_url: str | None) -> None:
    """`admin dashboard`: say a one-time sign-in link to the community's dashboard."""
    if not is_organizer(turn.member):
        turn.refuse("Only the group's admins or coaches can open the dashboard.")
        return
    if not public_url:
        turn.refuse(
            "The dashboard has no web address yet: whoever runs askcoach needs to set "
            "ASKCOACH_PUBLIC_URL (the address people reach its --port at)."
        )
        return
    token = issue_sign_in(turn.uow, turn.member, turn.now)
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    turn.say(
        f"Your dashboard for {turn.community.name}: {public_url.rstrip('/')}{SIGN_IN_PATH}{token}\n"
        f"The link works once, for the next {minutes} minutes. Keep it to yourself."
    )
