"""A seeded two-week job club served by a real askcoach `App` (in a thread of its own, so a
browser can talk to it while the test waits), and a headless Debian chromium for it.

Two communities share the database: the console's "Job Club" (Ana organizes; Bob and Cy are
members; see tests/support/job_club.py) and a Slack workspace, "Harbor Club", whose names
(Olga, Zed Quinn, Wanda Secretname, Siemens) must never show on the Job Club's pages, nor the
Job Club's on Harbor Club's.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.console.session import parse_start
from askcoach.runtime import App
from askcoach.settings import Settings
from bot.clock import SimulatedClock
from bot.domain import Ask, Community, Member, Role
from bot.messages import InboundMessage, Sender
from storage import Database
from tests.support.job_club import run_console

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# When the job club's two weeks have been played: Tuesday of its third week.
NOW = "2026-03-17T18:00"
HARBOR_NAMES = ("Harbor Club", "Olga", "Zed Quinn", "Wanda", "Siemens")
JOB_CLUB_NAMES = ("Job Club", "Ana", "Bob", "Medtronic", "Keisha", "Omar")
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/dashboard/sign-in/[A-Za-z0-9_-]+)")


def add_harbor_club(db: Database, at: datetime) -> None:
    with db() as uow:
        harbor = uow.communities.add(
            Community("slack", "T0HARBOR", "Harbor Club", timezone="Europe/Berlin")
        )
        assert harbor.id is not None
        for user, name, role in (
            ("U0OLGA", "Olga", Role.ADMIN),
            ("U0ZED", "Zed Quinn", Role.MEMBER),
        ):
            member = uow.members.add(
                Member(
                    harbor.id,
                    user,
                    name,
                    "Europe/Berlin",
                    created_at=datetime(2026, 2, 1, tzinfo=UTC),
                    role=role,
                    state="idle",
                    share_asks=True,
                    share_names=True,
                )
            )
            assert member.id is not None
            uow.asks.add(
                Ask(
                    member.id,
                    "Ask Wanda Secretname for a referral at Siemens",
                    "specific",
                    at,
                    who="Wanda Secretname",
                    kind="referral",
                    company="Siemens",
                )
            )
        uow.commit()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """The running app, its database and clock, and how to get a sign-in link from it."""

    app: App
    db: Database
    clock: SimulatedClock
    base: str

    def say(self, sender: Sender, text: str) -> list[str]:
        """A DM to the coach through the runtime's own Coach; the replies' texts."""
        replies = self.app.coach.handle(InboundMessage(sender, text, event_id=uuid.uuid4().hex))
        return [reply.text for reply in replies]

    def link(self, sender: Sender) -> str:
        [reply] = self.say(sender, "admin dashboard")
        found = LINK.search(reply)
        assert found, reply
        return found.group(1)


ANA = Sender("console", "local", "Ana", "Ana", timezone="America/Chicago", is_admin=True)
BOB = Sender("console", "local", "Bob", "Bob", timezone="America/Chicago")
OLGA = Sender("slack", "T0HARBOR", "U0OLGA", "Olga", timezone="Europe/Berlin", is_admin=True)


@contextmanager
def serving(directory: Path) -> Iterator[Server]:
    """The seeded database served by an App on a free port, in a background thread."""
    _, db = run_console(directory)
    now = parse_start(NOW, "America/Chicago")
    add_harbor_club(db, parse_start("2026-03-10T10:00", "Europe/Berlin"))
    db.dispose()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    settings = Settings(db.url, 3600, public_url=base, session_key="test-session-key")
    clock = SimulatedClock(now)
    loop = asyncio.new_event_loop()
    app = App(settings, port=port, host="127.0.0.1", dispatch=False, clock=clock)
    loop.run_until_complete(app.start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield Server(app, app.db, clock, base)
    finally:
        asyncio.run_coroutine_threadsafe(app.stop(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        loop.close()


def require_browser() -> None:
    """Debian's chromium and chromium-driver (`make browser`); under CI their absence fails."""
    if os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER):
        return
    message = f"needs {CHROMIUM} and {CHROMEDRIVER}: run `make browser`"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def chromium(downloads: Path, width: int = 1280, height: int = 900) -> object:
    """A headless chromium driven through /usr/bin/chromedriver (never a downloaded one)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        },
    )
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    return driver


def copy_if_asked(screenshot: Path) -> None:
    """ASKCOACH_SCREENSHOTS=<dir>: keep a copy of each screenshot there (docs/dashboard.png
    is one of them)."""
    target = os.environ.get("ASKCOACH_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(target) / screenshot.name)
