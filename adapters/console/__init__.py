"""The terminal door: chat with the coach as one (or several) members, with a movable clock."""

from adapters.console.session import ConsoleSession

__all__ = ["ConsoleSession"]
