"""A member's data as plain JSON-ready dictionaries (chat `export` and `askcoach export`)."""

from __future__ import annotations

from typing import Any

from bot.domain import Member
from bot.ports import UnitOfWork
from bot.schedule import format_days


def member_record(uow: UnitOfWork, member: Member) -> dict[str, Any]:
    """Everything the bot holds about one member."""
    assert member.id is not None
    return {
        "name": member.name,
        "user_id": member.external_id,
        "timezone": member.timezone,
        "checkin_time": member.checkin_time.strftime("%H:%M"),
        "days": format_days(member.days),
        "paused_until": member.paused_until.isoformat() if member.paused_until else None,
        "hired_at": member.hired_at.isoformat() if member.hired_at else None,
        "joined_at": member.created_at.isoformat(),
        "asks": [
            {
                "text": a.text,
                "verdict": a.verdict,
                "status": a.status.value,
                "outcome": a.outcome.value if a.outcome else None,
                "who": a.who,
                "kind": a.kind,
                "company": a.company,
                "deadline": a.deadline,
                "created_at": a.created_at.isoformat(),
            }
            for a in uow.asks.for_member(member.id)
        ],
        "gives": [
            {"text": g.text, "created_at": g.created_at.isoformat()}
            for g in uow.gives.for_member(member.id)
        ],
        "targets": [t.company for t in uow.targets.for_member(member.id)],
        "knows_people_at": [k.company for k in uow.known.for_member(member.id)],
    }
