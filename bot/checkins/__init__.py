"""Check-ins as data: planning the next due question and dispatching the due ones."""

from bot.checkins.dispatch import DispatchReport, dispatch_due_checkins
from bot.checkins.planning import (
    NO_REVIEW,
    REVIEW_TIME,
    cancel_all,
    mark_unreachable,
    plan_afternoon,
    plan_check_ins,
    plan_follow_up,
    plan_made_question,
    plan_next_morning,
    plan_next_review,
    plan_nudge,
    reachable_again,
)

__all__ = [
    "NO_REVIEW",
    "REVIEW_TIME",
    "DispatchReport",
    "cancel_all",
    "dispatch_due_checkins",
    "mark_unreachable",
    "plan_afternoon",
    "plan_check_ins",
    "plan_follow_up",
    "plan_made_question",
    "plan_next_morning",
    "plan_next_review",
    "plan_nudge",
    "reachable_again",
]
