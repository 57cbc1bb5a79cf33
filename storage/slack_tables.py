"""Slack's OAuth tables (installations, bots, OAuth states), on the shared metadata.

The columns follow slack_sdk's SQLAlchemy installation and state stores, which read and write
them; token columns are wider because askcoach stores tokens encrypted (Fernet), which makes
them about twice as long. Created by migration 0002.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Table

from storage.tables import metadata

TOKEN_CHARS = 600  # a Fernet token of a 200-character Slack token is about 360 characters


def _app_columns() -> list[Column[Any]]:
    """Which app, installed by which organization: how installations and bots begin."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("client_id", String(32), nullable=False),
        Column("app_id", String(32), nullable=False),
        Column("enterprise_id", String(32)),
        Column("enterprise_name", String(200)),
    ]


def _bot_columns() -> list[Column[Any]]:
    """The workspace and the bot's token in it, as installations and bots both hold them."""
    return [
        Column("team_id", String(32)),
        Column("team_name", String(200)),
        Column("bot_token", String(TOKEN_CHARS)),
        Column("bot_id", String(32)),
        Column("bot_user_id", String(32)),
        Column("bot_scopes", String(1000)),
        Column("bot_refresh_token", String(TOKEN_CHARS)),
        Column("bot_token_expires_at", DateTime),
    ]


slack_installations = Table(
    "slack_installations",
    metadata,
    *_app_columns(),
    Column("enterprise_url", String(200)),
    *_bot_columns(),
    Column("user_id", String(32), nullable=False),
    Column("user_token", String(TOKEN_CHARS)),
    Column("user_scopes", String(1000)),
    Column("user_refresh_token", String(TOKEN_CHARS)),
    Column("user_token_expires_at", DateTime),
    Column("incoming_webhook_url", String(TOKEN_CHARS)),
    Column("incoming_webhook_channel", String(200)),
    Column("incoming_webhook_channel_id", String(200)),
    Column("incoming_webhook_configuration_url", String(200)),
    Column("is_enterprise_install", Boolean, nullable=False),
    Column("token_type", String(32)),
    Column("installed_at", DateTime, nullable=False),
    Index(
        "slack_installations_idx",
        "client_id",
        "enterprise_id",
        "team_id",
        "user_id",
        "installed_at",
    ),
)

slack_bots = Table(
    "slack_bots",
    metadata,
    *_app_columns(),
    *_bot_columns(),
    Column("is_enterprise_install", Boolean, nullable=False),
    Column("installed_at", DateTime, nullable=False),
    Index("slack_bots_idx", "client_id", "enterprise_id", "team_id", "installed_at"),
)

slack_oauth_states = Table(
    "slack_oauth_states",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(200), nullable=False),
    Column("expire_at", DateTime, nullable=False),
)
