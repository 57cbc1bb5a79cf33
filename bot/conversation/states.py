"""Where a member's conversation stands. Persisted on the member row, written through."""

from enum import StrEnum


class State(StrEnum):
    NEW = "new"
    ONBOARDING = "onboarding"
    IDLE = "idle"
    AWAITING_ASK = "awaiting_ask"
    CLARIFYING = "clarifying"
    AWAITING_MADE = "awaiting_made"
    AWAITING_OUTCOME = "awaiting_outcome"
    AWAITING_FOLLOW_UP = "awaiting_follow_up"
    CONFIRM_FORGET = "confirm_forget"
