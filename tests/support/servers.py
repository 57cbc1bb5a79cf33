"""Real `askcoach run` processes, as an operator starts them: one OS process each, configured
by environment variables, logging JSON lines to a file the test reads afterwards.

    servers = start_servers(3, server_environment(url, emu), tmp_path)   # at the same instant
    ports = [server.wait_until_up() for server in servers]
    ...
    stop_servers(servers)
    assert errors_in_logs(servers) == []
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from emulators.slack import DEFAULT_BOT_TOKEN, DEFAULT_SIGNING_SECRET, SlackEmulator

_UP = re.compile(r"askcoach running: port=(\d+)")
# Variables of the test's own environment that would change what a server does.
_DROPPED = re.compile(r"^(ASKCOACH_|SLACK_|DISCORD_)")


def server_environment(database_url: str, emu: SlackEmulator, **settings: str) -> dict[str, str]:
    """Slack over HTTP (bot token + signing secret) against the emulator, on `database_url`;
    `settings` adds or overrides variables (ASKCOACH_TICK_SECONDS="1", …)."""
    env = {k: v for k, v in os.environ.items() if not _DROPPED.match(k)}
    env.update(
        ASKCOACH_DATABASE_URL=database_url,
        ASKCOACH_HOST="127.0.0.1",
        ASKCOACH_LOG_FORMAT="json",
        SLACK_BOT_TOKEN=DEFAULT_BOT_TOKEN,
        SLACK_SIGNING_SECRET=DEFAULT_SIGNING_SECRET,
        SLACK_API_URL=emu.base_url,
    )
    env.update(settings)
    return env


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    log: Path
    port: int | None = None

    @property
    def url(self) -> str:
        assert self.port is not None, "wait_until_up first"
        return f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def log_entries(self) -> list[dict[str, object]]:
        """The JSON log lines; any other line as {"level": "raw", "message": line}."""
        entries: list[dict[str, object]] = []
        for line in self.log_text().splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            entries.append(entry if isinstance(entry, dict) else {"level": "raw", "message": line})
        return entries

    def wait_until_up(self, timeout: float = 90.0) -> int:
        """The port it serves on, once it logged that it runs (migrations done, first tick)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = _UP.search(self.log_text())
            if found:
                self.port = int(found.group(1))
                return self.port
            if self.process.poll() is not None:
                raise AssertionError(
                    f"{self.name} exited with {self.process.returncode}:\n{self.log_text()}"
                )
            time.sleep(0.05)
        raise AssertionError(f"{self.name} did not come up in {timeout}s:\n{self.log_text()}")


def start_servers(count: int, env: dict[str, str], directory: Path) -> list[Server]:
    """Start `count` servers one right after the other (within milliseconds), each in its own
    working directory (no .env file), on an ephemeral port."""
    servers = []
    for n in range(count):
        workdir = directory / f"server{n}"
        workdir.mkdir(parents=True, exist_ok=True)
        log = workdir / "askcoach.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "askcoach", "run", "--port", "0"],
                cwd=workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        servers.append(Server(f"server{n}", process, log))
    return servers


def stop_servers(servers: list[Server], timeout: float = 20.0) -> None:
    """SIGTERM (a clean stop), then SIGKILL whatever is still running after `timeout`."""
    for server in servers:
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for server in servers:
        try:
            server.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def errors_in_logs(servers: list[Server]) -> list[str]:
    """Every error a server logged: level error or critical, anything with a traceback, and
    any line that is not a JSON log line (a library printing a failure)."""
    problems = []
    for server in servers:
        for entry in server.log_entries():
            level = str(entry.get("level"))
            if level in ("error", "critical", "raw") or "error" in entry:
                problems.append(f"{server.name}: {entry}")
    return problems
