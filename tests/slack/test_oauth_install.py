"""Multi-workspace install over OAuth: tokens encrypted at rest, workspaces kept apart."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text

from adapters.slack.installations import EncryptionKeyError
from askcoach.runtime import App
from benchmarks.support.databases import sqlite_url
from emulators.slack import (
    DEFAULT_BOT_TOKEN,
    DEFAULT_TEAM_ID,
    SlackEmulator,
)
from tests.slack.harness import Harness, oauth_settings

TEAM_B = "T0000TWO2"
SAME_USER = "U0SAME"  # the same user id in both workspaces


@pytest.fixture
def oauth(emu: SlackEmulator, tmp_path: Path) -> Iterator[Harness]:
    settings = oauth_settings(
        emu,
        sqlite_url(tmp_path),
        encryption_key=Fernet.generate_key().decode(),
    )
    with Harness(emu, settings, tmp_path) as harness:
        yield harness


def install(slack: Harness, emu: SlackEmulator, team_id: str) -> None:
    page = slack.request("GET", "/slack/install")
    assert page.status == 200
    match = re.search(r"state=([^&\"']+)", page.text)
    assert match, page.text
    state = unquote(match.group(1))
    cookie = page.headers["Set-Cookie"].split(";")[0]
    code = emu.issue_oauth_code(team_id, user_id="U0INSTALLER")
    done = slack.request(
        "GET", f"/slack/oauth_redirect?code={code}&state={state}", headers={"Cookie": cookie}
    )
    assert done.status == 200, done.text
    assert "Thank you" in done.text or "installed" in done.text.lower()


def test_second_workspace_installs_and_its_data_stays_separate(
    oauth: Harness, emu: SlackEmulator
) -> None:
    emu.add_team(TEAM_B, name="Second Club")
    for team in (DEFAULT_TEAM_ID, TEAM_B):
        emu.add_user(team, SAME_USER, name="sam", tz="Europe/Paris")
        install(oauth, emu, team)
    token_b = emu.team(TEAM_B).bot_token

    # Tokens are encrypted at rest: no plaintext token in any column of either table.
    with oauth.app.db.engine.connect() as conn:
        raw = [
            str(value)
            for table in ("slack_installations", "slack_bots")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
            for value in row
        ]
    assert len([v for v in raw if v == TEAM_B]) >= 2
    for token in (DEFAULT_BOT_TOKEN, token_b):
        assert not [v for v in raw if token in v]
    assert not [v for v in raw if v.startswith("xox")]

    # Workspace A: Sam records an ask.
    oauth.onboard(SAME_USER, team=DEFAULT_TEAM_ID)
    (a,) = oauth.dm(SAME_USER, "Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    assert "That's a real ask" in a.params["text"]
    assert a.token == DEFAULT_BOT_TOKEN

    # Workspace B: the same user id is a different member who sees none of it.
    oauth.onboard(SAME_USER, team=TEAM_B)
    (stats,) = oauth.dm(SAME_USER, "stats", team=TEAM_B)
    assert stats.token == token_b  # answered with B's own (decrypted) bot token
    assert stats.params["text"].startswith("Asks: 0 specific of 0 planned")
    (export,) = oauth.dm(SAME_USER, "export", team=TEAM_B)
    assert "Maria" not in export.params["text"]
    assert len(oauth.asks(SAME_USER, DEFAULT_TEAM_ID)) == 1
    assert oauth.asks(SAME_USER, TEAM_B) == []


def test_oauth_without_an_encryption_key_refuses_to_start(
    emu: SlackEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ASKCOACH_ENCRYPTION_KEY", raising=False)
    settings = oauth_settings(
        emu,
        sqlite_url(tmp_path),
    )
    with pytest.raises(EncryptionKeyError, match="ASKCOACH_ENCRYPTION_KEY"):
        App(settings, port=0)
