"""One inbound event (or due check-in) being handled: who, when, and the replies so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain import Community, Member
from bot.messages import Choice, OutboundMessage
from bot.ports import UnitOfWork


@dataclass
class Turn:
    """One inbound event being handled: the member, the clock, and the replies so far."""

    uow: UnitOfWork
    community: Community
    member: Member
    now: datetime
    key: str
    replies: list[OutboundMessage] = field(default_factory=list)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.member.timezone)

    def say(self, text: str, *choices: Choice) -> None:
        """Queue a DM to the member."""
        assert self.community.id is not None
        self.replies.append(
            OutboundMessage(
                text=text,
                community_id=self.community.id,
                member_id=self.member.id,
                recipient=self.member.external_id,
                platform=self.community.platform,
                choices=tuple(choices),
                key=f"{self.key}:{len(self.replies)}",
            )
        )

    def tell(self, member: Member, text: str, *choices: Choice) -> None:
        """Queue a DM to another member of the same community (help matching)."""
        assert self.community.id is not None
        self.replies.append(
            OutboundMessage(
                text=text,
                community_id=self.community.id,
                member_id=member.id,
                recipient=member.external_id,
                platform=self.community.platform,
                choices=tuple(choices),
                key=f"{self.key}:{len(self.replies)}",
            )
        )

    def post(
        self, channel: str, text: str, attachment: bytes | None = None, name: str | None = None
    ) -> None:
        """Queue a post to a community channel."""
        assert self.community.id is not None
        self.replies.append(
            OutboundMessage(
                text=text,
                community_id=self.community.id,
                channel=channel,
                platform=self.community.platform,
                key=f"{self.key}:{len(self.replies)}",
                attachment=attachment,
                attachment_name=name,
            )
        )
