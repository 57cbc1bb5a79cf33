"""The coach's nouns: communities, members, asks, gives, targets, check-ins."""

from bot.domain.model import (
    Ask,
    AskStatus,
    CheckIn,
    CheckInKind,
    CheckInStatus,
    Community,
    DayCount,
    Give,
    IntroRequest,
    IntroStatus,
    KnownCompany,
    Member,
    Outcome,
    Role,
    Target,
)

__all__ = [
    "Ask",
    "AskStatus",
    "CheckIn",
    "CheckInKind",
    "CheckInStatus",
    "Community",
    "DayCount",
    "Give",
    "IntroRequest",
    "IntroStatus",
    "KnownCompany",
    "Member",
    "Outcome",
    "Role",
    "Target",
]
