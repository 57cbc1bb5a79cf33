"""The Discord door: DMs, slash commands, persistent buttons, the ask form, guild settings."""

from adapters.config import DiscordConfig
from adapters.discord.adapter import DM_COMMUNITY, DiscordAdapter, build_discord_adapter
from adapters.discord.dm_channels import DmChannelStore
from adapters.discord.gateway import DiscordGateway

__all__ = [
    "DM_COMMUNITY",
    "DiscordAdapter",
    "DiscordConfig",
    "DiscordGateway",
    "DmChannelStore",
    "build_discord_adapter",
]
