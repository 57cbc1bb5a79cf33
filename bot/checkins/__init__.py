"""Check-ins as data: planning the next due question and dispatching the due ones."""

from bot.checkins.dispatch import DispatchReport, dispatch_due_checkins
from bot.checkins.planning import (
    NO_AFTERNOON,
    NO_NUDGE,
    NO_REVIEW,
    REVIEW_TIME,
    SKIP_DAYS,
    cancel_all,
    mark_unreachable,
    plan_afternoon,
    plan_check_ins,
    plan_follow_up,
    plan_made_question,
    plan_next_morning,
    plan_next_review,
    plan_nudge,
    postpone_past_pause,
    reachable_again,
    review_day,
)

__all__ = [
    "NO_AFTERNOON",
    "NO_NUDGE",
    "NO_REVIEW",
    "REVIEW_TIME",
    "SKIP_DAYS",
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
    "postpone_past_pause",
    "reachable_again",
    "review_day",
]
