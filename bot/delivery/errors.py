"""What a gateway raises when a message did not go out, by what should happen next (and
what it may return when it did)."""

from __future__ import annotations

from enum import Enum


class Delivered(Enum):
    """What a gateway's `send` may return; None means an ordinary send."""

    FOUND = "found"  # an earlier, unconfirmed send is on the platform: not posted again
    UNCHECKED = "unchecked"  # posted although an earlier send could not be ruled out


class DeliveryError(Exception):
    """A message was not delivered."""


class RateLimited(DeliveryError):
    """The platform said slow down: keep the message, try after `retry_after` seconds."""

    def __init__(self, retry_after: float, detail: str = "rate limited") -> None:
        super().__init__(detail)
        self.retry_after = max(0.0, retry_after)


class LookupDeferred(DeliveryError):
    """The platform may already have this message (an earlier send nobody confirmed) and the
    gateway cannot look it up yet (the look-up was rate limited or refused). The message waits
    `retry_after` seconds, still unconfirmed, no attempt counted; the rest of the batch goes on
    (the look-up's limit is not the send limit)."""

    def __init__(self, retry_after: float, detail: str = "waiting to look the message up") -> None:
        super().__init__(detail)
        self.retry_after = max(0.0, retry_after)


class TransientFailure(DeliveryError):
    """A network error or a 5xx: retry with backoff, a bounded number of times."""


class PermanentFailure(DeliveryError):
    """Retrying cannot help (e.g. the member's DMs are closed). `member_unreachable` marks
    the member undeliverable so no more check-ins are planned for them; `community_unreachable`
    says the whole community is gone for the bot (Slack: the app was uninstalled or its token
    revoked), so the community's work stops (`bot.uninstall.stop_community`)."""

    def __init__(
        self,
        detail: str,
        member_unreachable: bool = False,
        *,
        community_unreachable: bool = False,
    ) -> None:
        super().__init__(detail)
        self.member_unreachable = member_unreachable
        self.community_unreachable = community_unreachable


class Handover(DeliveryError):
    """This process does not send this message; the platform's sender does (a Discord shard
    other than 0 answers only its own interactions). It goes back to the outbox at once, no
    attempt counted."""
