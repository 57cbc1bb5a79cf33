"""Buttons and the ask form, built to survive a restart.

A choice button's `custom_id` is `askcoach:c:<choice value>` (e.g. `askcoach:c:!ask:12:made`):
the value already says which ask and which answer, so any process can handle a press on any
old message. The buttons are `DynamicItem`s registered once per client (`add_dynamic_items`),
and their views have `timeout=None`. The "Log an ask" button opens the form; the form's
submission is handled from the raw interaction (see `form_values`), so a form opened before a
restart can still be submitted after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, Self

import discord

from bot.messages import Choice

CHOICE_PREFIX = "askcoach:c:"
LOG_ASK_ID = "askcoach:log-ask"
FORM_ID = "askcoach:ask-form"
HOME_PREFIX = "askcoach:home:"  # + <server id>:<the DM's message id, 0 for none>
MAX_CUSTOM_ID = 100
FORM_FIELDS = ("who", "what", "company", "by")


class ComponentHandler(Protocol):
    """What the adapter does when a component is used (the client carries it as `.coach`)."""

    async def on_choice(self, interaction: discord.Interaction, value: str) -> None: ...
    async def open_form(self, interaction: discord.Interaction) -> None: ...


def _button(custom_id: str, label: str, primary: bool = False) -> discord.ui.Button[Any]:
    style = discord.ButtonStyle.primary if primary else discord.ButtonStyle.secondary
    return discord.ui.Button(label=label[:80] or "…", custom_id=custom_id, style=style)


def _handler(interaction: discord.Interaction) -> ComponentHandler:
    handler: ComponentHandler = getattr(interaction.client, "coach")  # noqa: B009
    return handler


class RebuiltFromCustomId:
    """A persistent button rebuilt when pressed (`DynamicItem.from_custom_id`), also after a
    restart: the template's named groups and the pressed button's label are the arguments of
    the button's constructor."""

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        build: Callable[..., Self] = cls
        return build(**match.groupdict(), label=getattr(item, "label", None) or "…")


class ChoiceButton(
    RebuiltFromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(re.escape(CHOICE_PREFIX) + r"(?P<value>.{1,89})"),
):
    """A core Choice as a persistent button; a press sends the choice value to the core."""

    def __init__(self, value: str, label: str = "…", primary: bool = False) -> None:
        super().__init__(_button(CHOICE_PREFIX + value, label, primary))
        self.value = value

    async def callback(self, interaction: discord.Interaction) -> None:
        await _handler(interaction).on_choice(interaction, self.value)


class LogAskButton(
    RebuiltFromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.escape(LOG_ASK_ID) + "$",
):
    """Opens the ask form."""

    def __init__(self, label: str = "Log an ask") -> None:
        super().__init__(_button(LOG_ASK_ID, label))

    async def callback(self, interaction: discord.Interaction) -> None:
        await _handler(interaction).open_form(interaction)


def homes_view(servers: Sequence[tuple[int, str]], message_id: int) -> discord.ui.View:
    """A button per server (id, name) the member may choose for their DMs. A press is read
    from the raw interaction (`translate.home_choice`); the DM that raised the question is
    named by its id, so it is answered after the choice (also after a restart)."""
    view = discord.ui.View(timeout=None)
    for guild_id, name in servers[:25]:
        view.add_item(_button(f"{HOME_PREFIX}{guild_id}:{message_id}", name))
    return view


def fits(choice: Choice) -> bool:
    return len(CHOICE_PREFIX + choice.value) <= MAX_CUSTOM_ID and bool(choice.value)


def choices_view(choices: Sequence[Choice], *, offer_form: bool = False) -> discord.ui.View | None:
    """A persistent view with one button per choice (and "Log an ask" for a check-in that
    asks an open question); None when there is nothing to press."""
    buttons: list[discord.ui.Item[Any]] = [
        ChoiceButton(c.value, c.label, primary=i == 0)
        for i, c in enumerate(choices[:25])
        if fits(c)
    ]
    if not buttons and offer_form:
        buttons.append(LogAskButton())
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for button in buttons:
        view.add_item(button)
    return view


class AskForm(discord.ui.Modal, title="Log an ask"):
    """Who, what, company, by when: the core's form fields."""

    who: discord.ui.TextInput[AskForm] = discord.ui.TextInput(
        label="Who will you ask?", custom_id="who", placeholder="Priya Shah", max_length=120
    )
    what: discord.ui.TextInput[AskForm] = discord.ui.TextInput(
        label="What will you ask them for?",
        custom_id="what",
        placeholder="for an intro to the data team lead",
        style=discord.TextStyle.paragraph,
        max_length=500,
    )
    company: discord.ui.TextInput[AskForm] = discord.ui.TextInput(
        label="Company (optional)", custom_id="company", required=False, max_length=80
    )
    by: discord.ui.TextInput[AskForm] = discord.ui.TextInput(
        label="By when? (optional)",
        custom_id="by",
        required=False,
        placeholder="Friday",
        max_length=40,
    )

    def __init__(self) -> None:
        super().__init__(custom_id=FORM_ID, timeout=None)


def form_values(data: Mapping[str, Any]) -> dict[str, str]:
    """The text inputs of a modal submission (`custom_id -> value`), whatever the layout
    (action rows, or label components)."""
    found: dict[str, str] = {}

    def walk(items: Sequence[Any]) -> None:
        for item in items:
            if not isinstance(item, Mapping):
                continue
            if item.get("type") == 4 and "custom_id" in item:
                found[str(item["custom_id"])] = str(item.get("value") or "")
            walk(item.get("components") or [])
            if isinstance(item.get("component"), Mapping):
                walk([item["component"]])

    walk(data.get("components") or [])
    return {name: found.get(name, "").strip() for name in FORM_FIELDS}
