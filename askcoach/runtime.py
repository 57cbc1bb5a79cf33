"""Running the bot for the platforms configured in the environment."""

from __future__ import annotations

import sys

from askcoach.settings import Settings


def run_platforms(settings: Settings, port: int) -> int:
    """Start every configured platform adapter with the shared dispatch tick."""
    print(
        "askcoach: Slack and Discord adapters are not part of this build yet; "
        "unset SLACK_*/DISCORD_TOKEN to use the console.",
        file=sys.stderr,
    )
    return 2
