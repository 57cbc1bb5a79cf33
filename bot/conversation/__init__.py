"""The conversation: a declared state machine, the chat words, and the coach that runs them."""

from bot.conversation.coach import Coach, CoachSettings
from bot.conversation.states import State

__all__ = ["Coach", "CoachSettings", "State"]
