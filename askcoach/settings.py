"""Configuration from the environment (and a `.env` file), checked once at start-up.

Every environment variable askcoach reads is read here: the bot's (`Settings`) and the ones
only its tests and benchmarks read (`HarnessSettings`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from dotenv import load_dotenv

from adapters.base import SettingsError
from adapters.config import SLACK_ENROLMENT_SECONDS, DiscordConfig, Limits, SlackConfig
from bot.delivery.sender import SEND_LEASE
from bot.dispatcher import CLAIM_LEASE
from storage.database import DEFAULT_URL

__all__ = [
    "HarnessSettings",
    "Settings",
    "SettingsError",
    "load_harness_settings",
    "load_settings",
]


@dataclass(frozen=True)
class Settings:
    database_url: str
    tick_seconds: float
    slack: SlackConfig = field(default_factory=SlackConfig)  # SLACK_*, ASKCOACH_SLACK_*
    discord: DiscordConfig = field(default_factory=DiscordConfig)  # DISCORD_*
    public_url: str | None = None  # where people reach the HTTP server (dashboard links)
    session_key: str | None = None  # signs dashboard session cookies (random per process if unset)
    # How long a dead worker's claimed check-ins / messages wait before another worker takes
    # them over; a live worker renews its leases while it works (docs/checkins.md).
    claim_lease_seconds: int = int(CLAIM_LEASE.total_seconds())
    send_lease_seconds: int = int(SEND_LEASE.total_seconds())
    host: str = "0.0.0.0"  # the address the HTTP server listens on
    dispatch: bool = True  # this process runs the check-in dispatch (ASKCOACH_DISPATCH=0: not)
    json_logs: bool = False  # ASKCOACH_LOG_FORMAT=json: one JSON object per log line
    # SUDO_USER: who ran `sudo make run` (the console greets them, not root).
    sudo_user: str | None = None

    def __repr__(self) -> str:  # never print secrets
        return (
            f"Settings(database={self.database_url.split('@')[-1]!r}, "
            f"slack={self.slack.configured}, discord={self.discord.configured})"
        )


ENROLMENT_SECONDS = "ASKCOACH_SLACK_ENROLMENT_SECONDS"
MAX_DISCORD_SHARDS = 1000  # 2.5 million servers at Discord's 2,500 per shard
# A lease shorter than this would be renewed every second or so, and a slow database could
# let it run out under a live worker; longer than an hour, a dead worker's work waits that long.
LEASE_BOUNDS = (5, 3600)


def _get(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def _whole_number(name: str, default: int, low: int, high: int, why: str = "") -> int:
    """A whole number from `low` to `high` (ASCII digits only: `int` would also take `²`,
    `+3` or `1_0`), or a SettingsError naming the variable."""
    raw = _get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise SettingsError(f"{name} must be a whole number from {low} to {high}{why}, not {raw!r}")
    return int(raw)


def _number(
    name: str,
    default: float,
    within: Callable[[float], bool],
    bounds: str,
    what: str = "a number",
) -> float:
    """The number in the variable `name` (`default` when unset), or a SettingsError naming the
    variable when it is not `what` it should be, or not `within` its `bounds`."""
    raw = _get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be {what}, not {raw!r}") from None
    if not within(value):
        raise SettingsError(f"{name} must be {bounds}")
    return value


def _rate(name: str, default: float) -> float:
    """A rate above 0 and at most 10000."""
    return _number(name, default, lambda v: 0 < v <= 10_000, "above 0 and at most 10000")


def _public_url() -> str | None:
    """ASKCOACH_PUBLIC_URL: an http(s) address with a host, no query or fragment; no
    trailing slash."""
    raw = _get("ASKCOACH_PUBLIC_URL")
    if raw is None:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise SettingsError(
            f"ASKCOACH_PUBLIC_URL must be an http(s) address like https://coach.example.org, "
            f"not {raw!r}"
        )
    return raw.rstrip("/")


def load_settings(env_file: str | None = ".env") -> Settings:
    """Read settings; a `.env` file in the working directory fills in what is unset."""
    if env_file:
        load_dotenv(env_file, override=False)
    tick = _number(
        "ASKCOACH_TICK_SECONDS",
        30.0,
        lambda v: 0.05 <= v <= 3600,
        "between 0.05 and 3600",
        "a number of seconds",
    )
    sends_per_second = _whole_number("DISCORD_SENDS_PER_SECOND", 50, 1, 10_000)
    shard_count = _whole_number("DISCORD_SHARD_COUNT", 1, 1, MAX_DISCORD_SHARDS)
    shard_id = _whole_number(
        "DISCORD_SHARD_ID",
        0,
        0,
        shard_count - 1,
        f" (shards are numbered from 0 and DISCORD_SHARD_COUNT is {shard_count})",
    )
    claim_lease = _whole_number(
        "ASKCOACH_CLAIM_LEASE_SECONDS",
        Settings.claim_lease_seconds,
        *LEASE_BOUNDS,
        " (seconds before a stopped worker's claimed check-ins are taken over)",
    )
    send_lease = _whole_number(
        "ASKCOACH_SEND_LEASE_SECONDS",
        Settings.send_lease_seconds,
        *LEASE_BOUNDS,
        " (seconds before a stopped worker's messages are taken over)",
    )
    rate = _rate("ASKCOACH_SLACK_WORKSPACE_RATE", Limits.team_per_second)
    return Settings(
        database_url=_get("ASKCOACH_DATABASE_URL") or DEFAULT_URL,
        tick_seconds=tick,
        slack=SlackConfig(
            bot_token=_get("SLACK_BOT_TOKEN"),
            app_token=_get("SLACK_APP_TOKEN"),
            signing_secret=_get("SLACK_SIGNING_SECRET"),
            client_id=_get("SLACK_CLIENT_ID"),
            client_secret=_get("SLACK_CLIENT_SECRET"),
            api_url=_get("SLACK_API_URL"),
            encryption_key=_get("ASKCOACH_ENCRYPTION_KEY"),
            enrolment_seconds=_number(  # by default every 15 minutes
                ENROLMENT_SECONDS,
                SLACK_ENROLMENT_SECONDS,
                lambda v: 10 <= v <= 7 * 86400,
                "between 10 seconds and a week",
                "a number of seconds",
            ),
            # Messages per second per workspace, to start from; the burst is twice the rate.
            limits=Limits(
                team_per_second=rate,
                team_burst=_rate("ASKCOACH_SLACK_WORKSPACE_BURST", rate * 2),
            ),
        ),
        discord=DiscordConfig(
            token=_get("DISCORD_TOKEN"),
            api_url=_get("DISCORD_API_URL"),
            gateway_url=_get("DISCORD_GATEWAY_URL"),
            sends_per_second=sends_per_second,
            shard_count=shard_count,
            shard_id=shard_id,
        ),
        public_url=_public_url(),
        session_key=_get("ASKCOACH_SESSION_KEY"),
        claim_lease_seconds=claim_lease,
        send_lease_seconds=send_lease,
        host=_get("ASKCOACH_HOST") or Settings.host,
        dispatch=_get("ASKCOACH_DISPATCH") != "0",
        json_logs=(_get("ASKCOACH_LOG_FORMAT") or "").lower() == "json",
        sudo_user=_get("SUDO_USER"),
    )


@dataclass(frozen=True)
class HarnessSettings:
    """What the tests and benchmarks read from the environment; the bot reads none of it."""

    test_postgres_url: str | None  # ASKCOACH_TEST_POSTGRES_URL: a server the tests may use
    # ASKCOACH_BENCH_POSTGRES_URL: the benchmarks' server (else the tests')
    bench_postgres_url: str | None
    shared_dir: str | None  # ASKCOACH_SHARED_DIR: the shared labelled data


def load_harness_settings() -> HarnessSettings:
    """Read at each call (tests set these variables as they go); no `.env` file."""
    test_postgres_url = _get("ASKCOACH_TEST_POSTGRES_URL")
    return HarnessSettings(
        test_postgres_url=test_postgres_url,
        bench_postgres_url=_get("ASKCOACH_BENCH_POSTGRES_URL") or test_postgres_url,
        shared_dir=_get("ASKCOACH_SHARED_DIR"),
    )
