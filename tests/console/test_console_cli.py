"""`askcoach console` and friends, run as real processes the way a newcomer runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

SCRIPT = """\
ok
:advance 30m
:advance 1h
Go to the Tech Tuesday mixer tonight
Ask Maria Lopez to introduce me to the head of talent at Medtronic
:now
:advance 8h
stats
tz Mars/Olympus
time 25:99

forget
no
"""


def askcoach(
    tmp_path: Path,
    *args: str,
    stdin: str | bytes = "",
    check: bool = True,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[Any]:
    """`askcoach ARGS` as a process on a fresh database; text in and out for a str `stdin`,
    bytes for bytes."""
    environment = {
        **os.environ,
        "ASKCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'askcoach.db'}",
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    for name in ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "DISCORD_TOKEN"):
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "askcoach", *args],
        input=stdin,
        capture_output=True,
        text=isinstance(stdin, str),
        cwd=tmp_path,
        env=environment,
        timeout=60,
        check=check,
    )


def test_scripted_console_session_and_a_second_process(tmp_path: Path) -> None:
    result = askcoach(
        tmp_path,
        "console",
        "--user",
        "Ana",
        "--tz",
        "America/Chicago",
        "--at",
        "2026-03-02T08:00",
        stdin=SCRIPT,
    )
    out = result.stdout
    lines = out.splitlines()
    # Nothing falls due in the first 30 minutes; the morning question arrives at 09:00.
    after_30m = lines.index("Ana: :advance 30m")
    assert lines[after_30m + 1] == "Ana: :advance 1h"
    assert lines[after_30m + 2].startswith(
        "[2026-03-02 09:00] coach: Morning, Ana! What's your specific ask today"
    )
    mixer = lines.index("Ana: Go to the Tech Tuesday mixer tonight")
    assert "Who will you ask, and for what?" in lines[mixer + 1]
    assert "real ask" not in lines[mixer + 1]
    maria = lines.index("Ana: Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    assert lines[maria + 1].startswith("coach: That's a real ask")
    assert lines[lines.index("Ana: :now") + 1] == "2026-03-02 09:30 CST"
    afternoon = [line for line in lines if "Did you make your ask" in line]
    assert len(afternoon) == 1 and afternoon[0].startswith("[2026-03-02 17:00] coach:")
    assert lines[lines.index("Ana: stats") + 1].startswith("coach: Asks: 1 specific of 1 planned")
    assert "I don't know the timezone “Mars/Olympus”" in out
    assert "“25:99” isn't a time I understand" in out
    assert "I didn't catch anything there" in out
    assert "Kept everything. Nothing was deleted." in out

    exported = json.loads(askcoach(tmp_path, "export", "--format", "json").stdout)
    [member] = exported["members"]
    assert member["name"] == "Ana"
    assert member["timezone"] == "America/Chicago"
    [ask] = member["asks"]
    assert ask["text"] == "Ask Maria Lopez to introduce me to the head of talent at Medtronic"
    assert ask["verdict"] == "specific"
    assert ask["status"] == "open"
    assert ask["created_at"].startswith("2026-03-02T15:30")  # 09:30 in Chicago
    assert member["gives"] == [] and member["targets"] == []

    csv_out = askcoach(tmp_path, "export", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("platform,community,member")
    assert any("Maria Lopez" in row and ",specific,open," in row for row in csv_out)


def test_console_rejects_bad_options(tmp_path: Path) -> None:
    bad_tz = askcoach(tmp_path, "console", "--tz", "Mars/Olympus", check=False)
    assert bad_tz.returncode == 2
    assert "I don't know the timezone 'Mars/Olympus'" in bad_tz.stderr
    bad_at = askcoach(tmp_path, "console", "--at", "yesterday", check=False)
    assert bad_at.returncode == 2 and "ISO-8601" in bad_at.stderr


def test_console_clock_commands(tmp_path: Path) -> None:
    out = askcoach(
        tmp_path,
        "console",
        "--user",
        "Bo",
        "--tz",
        "Asia/Kathmandu",
        "--at",
        "2026-03-02T08:50",
        stdin="ok\n:advance soon\n:advance 15m\n:as Cy\n:now\n",
    ).stdout
    assert "Try `:advance 90m`" in out
    assert "[2026-03-02 09:00] coach: Morning, Bo!" in out
    assert "(now talking as Cy)" in out
    assert "coach: Hi Cy!" in out
    assert "2026-03-02 09:05 +0545" in out


def test_db_upgrade_and_assess(tmp_path: Path) -> None:
    first = askcoach(tmp_path, "db", "upgrade").stdout
    assert first.startswith("applying 0001 … done (")
    assert "applying 0002 … done (" in first
    assert re.search(r"applied \d+ migration\(s\): 0001, 0002", first), first
    assert askcoach(tmp_path, "db", "upgrade").stdout.strip() == "database is up to date"
    verdicts = askcoach(
        tmp_path,
        "assess",
        stdin="Ask Maria Lopez to introduce me to the head of talent at Medtronic\n"
        "Go to the networking happy hour tonight\n",
    ).stdout.splitlines()
    assert verdicts == ["specific", "passive"]
    [line] = askcoach(
        tmp_path, "assess", "--json", stdin="Reach out to Kevin\n"
    ).stdout.splitlines()
    data = json.loads(line)
    assert data["text"] == "Reach out to Kevin"
    assert data["verdict"] == "vague"
    assert data["missing"] == ["what"]
