"""Slash commands, each translated into the core's chat words (DESIGN.md), nothing more.

`/ask text` is `ask <text>`, `/checkin time 08:30` is `time 08:30`, `/settings channel #x` is
`admin channel <#id>` and so on: every rule (who may change settings, what a valid time is)
lives in the core, which answers in the interaction.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import discord
from discord import app_commands

from bot.dashboard.sign_in import DASHBOARD_WORDS

log = logging.getLogger("askcoach.discord")


class CommandHandler(Protocol):
    async def run_words(self, interaction: discord.Interaction, words: str) -> None:
        """Defer the interaction, hand `words` to the core, answer in the interaction."""
        ...

    async def open_form(self, interaction: discord.Interaction) -> None: ...


@dataclass(frozen=True)
class WordCommand:
    """A slash command that is one chat word, with at most one free-text option.

    `words` has `{}` where the option's value goes; `hint` describes the option.
    """

    name: str
    description: str
    words: str
    option: str | None = None
    hint: str | None = None


MEMBER_COMMANDS = (
    WordCommand(
        "gave",
        "Log help you gave someone",
        "gave {}",
        "text",
        "e.g. Sam an intro to my old manager",
    ),
    WordCommand("stats", "Your asks, outcomes and streak", "stats"),
    WordCommand("know", "You know people at a company", "know {}", "company"),
    WordCommand("export", "Everything I hold about you", "export"),
    WordCommand("forget", "Delete everything I hold about you (asks first)", "forget"),
    WordCommand("help", "What I can do", "help"),
)

CHECKIN_COMMANDS = (
    WordCommand("time", "Daily check-in time, 24-hour HH:MM", "time {}", "at"),
    WordCommand("timezone", "Your timezone, e.g. Europe/Berlin", "tz {}", "zone"),
    WordCommand("days", "mon-fri, daily, or mon,wed,fri", "days {}", "days"),
    WordCommand("resume", "Resume check-ins", "resume"),
)

SETTINGS_COMMANDS = (
    WordCommand("show", "The server's askcoach settings", "admin show"),
    WordCommand("time", "Default check-in time for new members", "admin time {}", "at"),
    WordCommand("timezone", "The server's timezone", "admin tz {}", "zone"),
    WordCommand("dashboard", "A one-time link to the group's dashboard", DASHBOARD_WORDS),
)


def word_command(
    command: WordCommand, handler: CommandHandler
) -> app_commands.Command[Any, ..., None]:
    """The slash command that hands `command.words` (with its option filled in) to the core."""
    if command.option is None:

        async def plain(interaction: discord.Interaction) -> None:
            await handler.run_words(interaction, command.words)

        return app_commands.Command(
            name=command.name, description=command.description, callback=plain
        )

    async def with_text(interaction: discord.Interaction, value: str) -> None:
        await handler.run_words(interaction, command.words.format(value))

    slash: app_commands.Command[Any, ..., None] = app_commands.Command(
        name=command.name, description=command.description, callback=with_text
    )
    app_commands.rename(value=command.option)(slash)
    if command.hint is not None:
        app_commands.describe(value=command.hint)(slash)
    return slash


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

    checkin = app_commands.Group(name="checkin", description="When I check in with you")

    @checkin.command(name="pause", description="Pause check-ins for some days")
    async def checkin_pause(
        interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 7
    ) -> None:
        await handler.run_words(interaction, f"pause {days}")

    settings = app_commands.Group(
        name="settings",
        description="Server settings (Manage Server or the coach role)",
        guild_only=True,
    )

    @settings.command(name="channel", description="Where group digests and reports go")
    async def settings_channel(
        interaction: discord.Interaction, channel: discord.TextChannel
    ) -> None:
        await handler.run_words(interaction, f"admin channel <#{channel.id}>")

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

    for parent, commands in (
        (tree, MEMBER_COMMANDS),
        (checkin, CHECKIN_COMMANDS),
        (settings, SETTINGS_COMMANDS),
    ):
        for command in commands:
            parent.add_command(word_command(command, handler))
    tree.add_command(checkin)
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
