"""The App Home's dashboard button: an organizer's press DMs them a one-time sign-in link;
members don't see the button."""

from __future__ import annotations

import json
import re

from emulators.slack import (
    DEFAULT_TEAM_ID,
    SlackEmulator,
    app_home_opened_event,
    block_actions_payload,
)
from tests.slack.conftest import ANA, BOSS, StartApp
from tests.slack.harness import Harness

URL = "https://coach.example.org"


def _home(slack: Harness, emu: SlackEmulator, user: str) -> dict[str, object]:
    before = len(emu.delivered("views.publish"))
    assert slack.post_event(app_home_opened_event(user_id=user)).status == 200
    emu.wait_for_delivered("views.publish", before + 1)
    return emu.home_views[(DEFAULT_TEAM_ID, user)]


def test_an_organizer_presses_the_dashboard_button_and_gets_a_link(
    start_app: StartApp, emu: SlackEmulator
) -> None:
    public = start_app(public_url=URL)
    public.onboard(BOSS)
    public.onboard(ANA)
    home = _home(public, emu, BOSS)
    blocks = home["blocks"]
    assert isinstance(blocks, list)
    [button] = [
        e
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["text"]["text"] == "Open the dashboard"
    ]
    before = len(emu.delivered())
    payload = block_actions_payload(
        user_id=BOSS, action_id=button["action_id"], value=button["value"], view=home
    )
    assert public.post_interaction(payload).status == 200
    (reply,) = public.replies(before, 1)
    assert reply.params["channel"] == BOSS  # a DM to the organizer, never a channel
    assert re.search(
        rf"{re.escape(URL)}/dashboard/sign-in/[A-Za-z0-9_-]{{43}}", reply.params["text"]
    )
    # A member's home has no such button.
    assert "Open the dashboard" not in json.dumps(_home(public, emu, ANA)["blocks"])
