"""Configuration from the environment (and a `.env` file), checked once at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass

from dotenv import load_dotenv

from storage.database import default_database_url


class SettingsError(ValueError):
    """A configuration value is missing or malformed; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    tick_seconds: float
    slack_bot_token: str | None
    slack_app_token: str | None
    slack_signing_secret: str | None
    slack_client_id: str | None
    slack_client_secret: str | None
    slack_api_url: str | None
    discord_token: str | None
    discord_api_url: str | None
    discord_gateway_url: str | None
    discord_sends_per_second: int = 50  # Discord's global limit per bot

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_bot_token or self.slack_client_id)

    @property
    def discord_configured(self) -> bool:
        return bool(self.discord_token)

    def __repr__(self) -> str:  # never print secrets
        return (
            f"Settings(database={self.database_url.split('@')[-1]!r}, "
            f"slack={self.slack_configured}, discord={self.discord_configured})"
        )


def _get(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def load_settings(env_file: str | None = ".env") -> Settings:
    """Read settings; a `.env` file in the working directory fills in what is unset."""
    if env_file:
        load_dotenv(env_file, override=False)
    raw_tick = _get("ASKCOACH_TICK_SECONDS") or "30"
    try:
        tick = float(raw_tick)
    except ValueError:
        raise SettingsError(
            f"ASKCOACH_TICK_SECONDS must be a number of seconds, not {raw_tick!r}"
        ) from None
    if not 0.05 <= tick <= 3600:
        raise SettingsError("ASKCOACH_TICK_SECONDS must be between 0.05 and 3600")
    raw_rate = _get("DISCORD_SENDS_PER_SECOND") or "50"
    if not raw_rate.isdigit() or not 1 <= int(raw_rate) <= 10_000:
        raise SettingsError(
            f"DISCORD_SENDS_PER_SECOND must be a whole number from 1 to 10000, not {raw_rate!r}"
        )
    return Settings(
        database_url=default_database_url(),
        tick_seconds=tick,
        slack_bot_token=_get("SLACK_BOT_TOKEN"),
        slack_app_token=_get("SLACK_APP_TOKEN"),
        slack_signing_secret=_get("SLACK_SIGNING_SECRET"),
        slack_client_id=_get("SLACK_CLIENT_ID"),
        slack_client_secret=_get("SLACK_CLIENT_SECRET"),
        slack_api_url=_get("SLACK_API_URL"),
        discord_token=_get("DISCORD_TOKEN"),
        discord_api_url=_get("DISCORD_API_URL"),
        discord_gateway_url=_get("DISCORD_GATEWAY_URL"),
        discord_sends_per_second=int(raw_rate),
    )
