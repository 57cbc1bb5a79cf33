"""Slash commands, each translated into the core's chat words (DESIGN.md), nothing more.

`/ask text` is `ask <text>`, `/checkin time 08:30` is `time 08:30`, `/settings channel #x` is
`admin channel <#id>` and so on: every rule (who may change settings, what a valid time is)
lives in the core, which answers in the interaction.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Literal, Protocol

import discord
from discord import app_commands

from bot.dashboard.sign_in import DASHBOARD_WORDS

log = logging.getLogger("askcoach.discord")


class CommandHandler(Protocol):
    async def run_words(self, interaction: discord.Interaction, words: str) -> None:
        """Defer the interaction, hand `words` to the core, answer in the interaction."""
        ...

    async def open_form(self, interaction: discord.Interaction) -> None: ...


def build_tree(
    client: discord.Client, handler: CommandHandler
) -> app_commands.CommandTree[discord.Client]:
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)

    @tree.command(name="ask", description="Log today's ask: who, and for what (empty opens a form)")
    @app_commands.describe(text="e.g. Priya for an intro to the data team lead at Target")
    async def ask(interaction: discord.Interaction, text: str | None = None) -> None:
        if text is None or not text.strip():
            await handler.open_form(interaction)
        else:
            await handler.run_words(interaction, f"ask {text}")

    @tree.command(name="gave", description="Log help you gave someone")
    @app_commands.describe(text="e.g. Sam an intro to my old manager")
    async def gave(interaction: discord.Interaction, text: str) -> None:
        await handler.run_words(interaction, f"gave {text}")

    @tree.command(name="stats", description="Your asks, outcomes and streak")
    async def stats(interaction: discord.Interaction) -> None:
        await handler.run_words(interaction, "stats")

    @tree.command(name="targets", description="Your target companies (or add/remove one)")
    @app_commands.describe(add="a company to add", remove="a company to remove")
    async def targets(
        interaction: discord.Interaction, add: str | None = None, remove: str | None = None
    ) -> None:
        if add:
            await handler.run_words(interaction, f"target add {add}")
        elif remove:
            await handler.run_words(interaction, f"target remove {remove}")
        else:
            await handler.run_words(interaction, "targets")

    @tree.command(name="know", description="You know people at a company")
    async def know(interaction: discord.Interaction, company: str) -> None:
        await handler.run_words(interaction, f"know {company}")

    checkin = app_commands.Group(name="checkin", description="When I check in with you")

    @checkin.command(name="time", description="Daily check-in time, 24-hour HH:MM")
    async def checkin_time(interaction: discord.Interaction, at: str) -> None:
        await handler.run_words(interaction, f"time {at}")

    @checkin.command(name="timezone", description="Your timezone, e.g. Europe/Berlin")
    async def checkin_timezone(interaction: discord.Interaction, zone: str) -> None:
        await handler.run_words(interaction, f"tz {zone}")

    @checkin.command(name="days", description="mon-fri, daily, or mon,wed,fri")
    async def checkin_days(interaction: discord.Interaction, days: str) -> None:
        await handler.run_words(interaction, f"days {days}")

    @checkin.command(name="pause", description="Pause check-ins for some days")
    async def checkin_pause(
        interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 7
    ) -> None:
        await handler.run_words(interaction, f"pause {days}")

    @checkin.command(name="resume", description="Resume check-ins")
    async def checkin_resume(interaction: discord.Interaction) -> None:
        await handler.run_words(interaction, "resume")

    tree.add_command(checkin)

    @tree.command(name="export", description="Everything I hold about you")
    async def export(interaction: discord.Interaction) -> None:
        await handler.run_words(interaction, "export")

    @tree.command(name="forget", description="Delete everything I hold about you (asks first)")
    async def forget(interaction: discord.Interaction) -> None:
        await handler.run_words(interaction, "forget")

    @tree.command(name="help", description="What I can do")
    async def help_(interaction: discord.Interaction) -> None:
        await handler.run_words(interaction, "help")

    settings = app_commands.Group(
        name="settings",
        description="Server settings (Manage Server or the coach role)",
        guild_only=True,
    )

    @settings.command(name="show", description="The server's askcoach settings")
    async def settings_show(interaction: discord.Interaction) -> None:
        await handler.run_words(interaction, "admin show")

    @settings.command(name="channel", description="Where group digests and reports go")
    async def settings_channel(
        interaction: discord.Interaction, channel: discord.TextChannel
    ) -> None:
        await handler.run_words(interaction, f"admin channel <#{channel.id}>")

    @settings.command(name="time", description="Default check-in time for new members")
    async def settings_time(interaction: discord.Interaction, at: str) -> None:
        await handler.run_words(interaction, f"admin time {at}")

    @settings.command(name="timezone", description="The server's timezone")
    async def settings_timezone(interaction: discord.Interaction, zone: str) -> None:
        await handler.run_words(interaction, f"admin tz {zone}")

    @settings.command(name="enrollment", description="Who gets check-ins")
    @app_commands.describe(channel="for mode 'channel': members of this channel")
    async def settings_enrollment(
        interaction: discord.Interaction,
        mode: Literal["all", "optin", "channel"],
        channel: discord.TextChannel | None = None,
    ) -> None:
        where = f" <#{channel.id}>" if mode == "channel" and channel is not None else ""
        await handler.run_words(interaction, f"admin enroll {mode}{where}")

    @settings.command(name="coach-role", description="Members with this role may change settings")
    @app_commands.describe(role="leave empty to clear")
    async def settings_coach_role(
        interaction: discord.Interaction, role: discord.Role | None = None
    ) -> None:
        value = f"<@&{role.id}>" if role is not None else "none"
        await handler.run_words(interaction, f"admin coach role {value}")

    @settings.command(name="coach", description="Make someone a coach, or not")
    async def settings_coach(
        interaction: discord.Interaction, action: Literal["add", "remove"], member: discord.User
    ) -> None:
        await handler.run_words(interaction, f"admin coach {action} <@{member.id}>")

    @settings.command(name="dashboard", description="A one-time link to the group's dashboard")
    async def settings_dashboard(interaction: discord.Interaction) -> None:
        await handler.run_words(interaction, DASHBOARD_WORDS)

    tree.add_command(settings)

    @tree.error
    async def on_error(
        interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        log.error("slash command failed: %s", type(error).__name__, exc_info=error)
        text = "Sorry, that didn't work. Try again, or say `help`."
        with contextlib.suppress(discord.HTTPException):
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)

    return tree
