"""What each platform's adapter is told at start. `askcoach.settings` fills these records in
from the environment (SLACK_*, DISCORD_*), once: the adapters take them as they are.

They live apart from the adapters so that reading the settings never imports a platform's SDK
(`askcoach run` imports an adapter only when its platform is configured)."""

from __future__ import annotations

from dataclasses import dataclass, field

SLACK_ENROLMENT_SECONDS = 900.0  # how often enrolled Slack workspaces are listed, by default


@dataclass(frozen=True)
class Limits:
    """How fast to send: per workspace and per channel (Slack: ~1/s per channel)."""

    team_per_second: float = 20.0
    team_burst: float = 40.0
    channel_per_second: float = 1.0
    channel_burst: float = 4.0
    max_wait: float = 3.0  # wait this long in the bucket; longer becomes RateLimited


@dataclass(frozen=True)
class SlackConfig:
    """A bot token for one workspace, or an OAuth app for many; Socket Mode with an app token,
    or HTTP requests signed with the signing secret."""

    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    api_url: str | None = None
    encryption_key: str | None = None  # Fernet key for the stored tokens of OAuth installs
    enrolment_seconds: float = SLACK_ENROLMENT_SECONDS  # how often enrolled workspaces are listed
    limits: Limits = field(default_factory=Limits)  # how fast to send to each workspace and channel

    @property
    def configured(self) -> bool:
        """A single-workspace bot token or an OAuth app: Slack is to be started."""
        return bool(self.bot_token or self.client_id)


@dataclass(frozen=True)
class DiscordConfig:
    """A bot token, and which of the bot's gateway shards this process runs."""

    token: str | None = None
    api_url: str | None = None
    gateway_url: str | None = None
    sends_per_second: int = 50  # Discord's global limit per bot
    shard_count: int = 1  # gateway shards for this bot token (docs/scaling.md)
    shard_id: int = 0  # which of them this process runs; shard 0 sends the outbox
    dm_channels_seconds: float = 3600  # how often stored DM channels of non-members go

    @property
    def configured(self) -> bool:
        """A bot token: Discord is to be started."""
        return bool(self.token)
