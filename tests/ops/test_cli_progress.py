"""Progress for long operator commands: `askcoach db upgrade` reports each migration as it is
applied; `askcoach export` reports `members exported N/M` on stderr when asked (--progress) or
when stderr is a terminal, and stdout stays pure data either way."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from askcoach.cli import main
from benchmarks.support.databases import all_revisions
from storage import Database
from tests.support.chat import Chat


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'askcoach.db'}"
    monkeypatch.setenv("ASKCOACH_DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    return url


def _three_members(url: str) -> None:
    db = Database(url)
    db.upgrade()
    chat = Chat(db, start="2026-03-02T08:00", tz="UTC")
    for name in ("Ana", "Ben", "Cleo"):
        chat.say("hello", user=name)
        chat.say("ok", user=name)
    chat.say("gave Ben a review of his resume", user="Ana")
    db.dispose()


def test_db_upgrade_prints_each_migration_with_its_time(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("applying")]
    assert [line.split()[1] for line in lines] == all_revisions()
    for line in lines:
        assert re.fullmatch(r"applying \S+ … done \(\d+\.\d\d s\)", line), line
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == "database is up to date"


def test_export_progress_on_stderr_with_clean_json_on_stdout(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _three_members(db_url)
    assert main(["export", "--progress"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)  # nothing but the data on stdout
    assert sorted(m["name"] for m in data["members"]) == ["Ana", "Ben", "Cleo"]
    assert captured.err.splitlines()[-1] == "members exported 3/3"
    assert all(re.fullmatch(r"members exported \d/3", line) for line in captured.err.splitlines())


def test_export_is_quiet_when_stderr_is_not_a_terminal(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _three_members(db_url)
    assert main(["export", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    rows = list(csv.reader(io.StringIO(captured.out)))
    assert rows[0][0] == "platform" and any(r[4] == "give" for r in rows[1:])


def test_export_reports_progress_when_stderr_is_a_terminal(db_url: str, tmp_path: Path) -> None:
    _three_members(db_url)
    controller, terminal = os.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "askcoach", "export", "--member", "Ana"],
            stdout=subprocess.PIPE,
            stderr=terminal,
            stdin=subprocess.DEVNULL,
            cwd=tmp_path,
            env=os.environ | {"ASKCOACH_DATABASE_URL": db_url},
            timeout=120,
            check=False,
        )
        os.close(terminal)
        terminal = -1
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if terminal != -1:
            os.close(terminal)
        os.close(controller)
    assert result.returncode == 0
    assert [m["name"] for m in json.loads(result.stdout)["members"]] == ["Ana"]
    assert "members exported 1/1" in seen.decode()
