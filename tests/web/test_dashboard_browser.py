"""The organizer dashboard in a real browser (Debian's headless chromium via Selenium): sign in
with a link from `admin dashboard`, see the seeded job club's charts and tables, download the
CSV and check it against `askcoach export`; one community's link or cookie never shows another's
data; expired, reused and forged sign-ins, and people who aren't organizers, see no data."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from itsdangerous import URLSafeTimedSerializer
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from bot.dashboard.sign_in import LINK_LIFETIME
from tests.web.support import (
    ANA,
    BOB,
    HARBOR_NAMES,
    JOB_CLUB_NAMES,
    OLGA,
    Server,
    chromium,
    copy_if_asked,
    require_browser,
    serving,
)

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    require_browser()
    with serving(tmp_path_factory.mktemp("job-club")) as running:
        yield running


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    path = tmp_path / "downloads"
    path.mkdir()
    return path


@pytest.fixture
def browser(downloads: Path) -> Iterator[Any]:
    driver: Any = chromium(downloads)
    try:
        yield driver
    finally:
        driver.quit()


def sign_in(browser: Any, link: str) -> None:
    """Open the link, press its button, and wait for the dashboard page to have loaded."""
    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Open the dashboard"
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    # While the page is replaced the old one's nodes may answer with errors: wait them out.
    WebDriverWait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
        lambda driver: (
            driver.current_url.endswith("/dashboard/")
            and driver.execute_script("return document.readyState") == "complete"
        )
    )


def rows(browser: Any, table: str) -> list[list[str]]:
    found = browser.find_elements(By.CSS_SELECTOR, f"table#{table} tbody tr")
    return [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")] for row in found]


def shows_no_data(browser: Any) -> None:
    page = browser.page_source
    assert not browser.find_elements(By.TAG_NAME, "table")
    assert not browser.find_elements(By.TAG_NAME, "svg")
    for name in (*JOB_CLUB_NAMES, *HARBOR_NAMES, "Cy"):
        assert name not in page, name


def screenshot(browser: Any, directory: Path, name: str) -> Path:
    """A full-page screenshot (the window grown to the page's height)."""
    width = browser.execute_script("return document.documentElement.clientWidth")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(max(width, 360), height + 140)
    path = directory / name
    assert browser.save_screenshot(str(path))
    copy_if_asked(path)
    return path


def test_an_organizer_signs_in_and_sees_the_two_weeks(
    server: Server, browser: Any, tmp_path: Path
) -> None:
    sign_in(browser, server.link(ANA))
    assert browser.current_url == f"{server.base}/dashboard/"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Job Club"
    assert "3 active members" in browser.find_element(By.CSS_SELECTOR, ".meta").text
    # Two charts, each an image with a title and a text summary.
    charts = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg[role=img]")
    assert len(charts) == 2
    titles = [c.find_element(By.TAG_NAME, "title").get_attribute("textContent") for c in charts]
    assert titles == ["Participation by week", "Asking, week by week"]
    summary = charts[0].find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    assert summary.startswith("Members by week, 3 weeks. Week of Mar 16: 0 of 3 members planned")
    assert len(charts[0].find_elements(By.TAG_NAME, "rect")) == 3 * 4
    assert len(charts[1].find_elements(By.TAG_NAME, "circle")) == 2 * 2  # two weeks with asks
    # The tables, as the week's numbers of tests/group/test_two_weeks.py have them.
    assert rows(browser, "participation") == [
        ["2026-03-02", "3", "3", "1", "1", "2"],
        ["2026-03-09", "1", "1", "0", "0", "0"],
        ["2026-03-16", "0", "0", "0", "0", "0"],
    ]
    assert rows(browser, "asking") == [
        ["2026-03-02", "4", "4", "100%", "50%"],
        ["2026-03-09", "1", "1", "100%", "100%"],
        ["2026-03-16", "0", "0", "–", "–"],
    ]
    # Nobody asked in the last 7 days. Each last plan as far as they share: Ana shares asks
    # (not names), Bob shares names too, Cy shares nothing.
    assert rows(browser, "reach-out") == [
        ["Ana", "no plan", "a referral at U.S. Bank", "2026-03-03"],
        ["Bob", "no plan", "Ask Li Wei for an intro to the plant manager at Polaris", "2026-03-09"],
        ["Cy", "no plan", "a specific plan (not shared)", "2026-03-02"],
    ]
    page = browser.page_source
    assert "Keisha" not in page and "Omar" not in page and "Ecolab" not in page
    assert ["Polaris", "0", "Bob", "an introduction", "Li Wei", "2026-03-09"] in rows(
        browser, "open-asks"
    )
    assert rows(browser, "gives") == [["Bob", "2", "2026-03-02"]]
    assert "The coach can reach everyone." in page
    for name in HARBOR_NAMES:
        assert name not in page, name
    # Readable by a screen reader: every table has headers with scope, every chart a text.
    for table in browser.find_elements(By.TAG_NAME, "table"):
        headers = table.find_elements(By.CSS_SELECTOR, "thead th")
        assert headers and all(h.get_attribute("scope") == "col" for h in headers)
        assert table.find_element(By.TAG_NAME, "caption").get_attribute("textContent")
    screenshot(browser, tmp_path, "dashboard.png")
    # And on a phone: nothing wider than the screen but the tables' own scrolling boxes.
    browser.set_window_size(390, 844)
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow
    screenshot(browser, tmp_path, "dashboard-phone.png")


def test_the_keyboard_reaches_every_link_and_button(server: Server, browser: Any) -> None:

    sign_in(browser, server.link(ANA))
    reached: list[str] = []
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(40):
        active = browser.switch_to.active_element
        reached.append(active.text or active.get_attribute("aria-labelledby") or "")
        active.send_keys(Keys.TAB)
    assert reached[0] == "Skip to the content"
    assert any(text.startswith("Sign out") for text in reached)
    assert "Download “Participation by week” as CSV" in reached


def _wait_for(path: Path, seconds: float = 15.0) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0:
            return path
        time.sleep(0.1)
    raise AssertionError(f"{path.name} was not downloaded: {list(path.parent.iterdir())}")


def _export(server: Server) -> list[dict[str, str]]:
    result = subprocess.run(
        [sys.executable, "-m", "askcoach", "export", "--format", "csv", "--community", "local"],
        cwd=ROOT,
        env={**os.environ, "ASKCOACH_DATABASE_URL": server.db.url},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return list(csv.DictReader(io.StringIO(result.stdout)))


def _monday(stamp: str, zone: ZoneInfo) -> date:
    day = datetime.fromisoformat(stamp).astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def test_the_csv_matches_askcoach_export(server: Server, browser: Any, downloads: Path) -> None:
    sign_in(browser, server.link(ANA))
    browser.find_element(By.PARTIAL_LINK_TEXT, "“Participation by week” as CSV").click()
    participation = _wait_for(downloads / "job-club-participation.csv").read_text()
    browser.find_element(By.PARTIAL_LINK_TEXT, "“Specific asks and the most active").click()
    asking = _wait_for(downloads / "job-club-asking.csv").read_text()
    # The download is the page's table.
    downloaded = list(csv.reader(io.StringIO(participation)))
    assert downloaded[1:] == rows(browser, "participation")
    assert list(csv.reader(io.StringIO(asking)))[1:] == rows(browser, "asking")

    # The same weeks counted from every record `askcoach export` gives for the community.
    zone = ZoneInfo("America/Chicago")
    planned: dict[date, set[str]] = defaultdict(set)
    asking_members: dict[date, set[str]] = defaultdict(set)
    made: dict[date, set[str]] = defaultdict(set)
    counts: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    records = _export(server)
    assert {r["community"] for r in records} == {"local"}
    for record in records:
        if record["record"] not in ("ask", "give"):
            continue
        week = _monday(record["created_at"], zone)
        if record["record"] == "give":
            counts[week]["gives"] += 1
            continue
        planned[week].add(record["member"])
        counts[week]["plans"] += 1
        if record["verdict"] == "specific":
            asking_members[week].add(record["member"])
            counts[week]["specific"] += 1
            if record["status"] == "made":
                made[week].add(record["member"])
        counts[week]["yes"] += record["outcome"] == "yes"
    expected = [
        [
            week.isoformat(),
            str(len(planned[week])),
            str(len(asking_members[week])),
            str(len(made[week])),
            str(counts[week]["yes"]),
            str(counts[week]["gives"]),
        ]
        for week in sorted(counts)
    ]
    headers = browser.find_elements(By.CSS_SELECTOR, "table#participation thead th")
    assert downloaded[0] == [h.text for h in headers]
    assert [row for row in downloaded[1:] if row[1:] != ["0"] * 5] == expected
    plans = {row[0]: (row[1], row[2]) for row in csv.reader(io.StringIO(asking))}
    for week in sorted(counts):
        assert plans[week.isoformat()] == (
            str(counts[week]["plans"]),
            str(counts[week]["specific"]),
        )


def test_a_link_and_its_cookie_show_one_community(
    server: Server, browser: Any, downloads: Path
) -> None:
    sign_in(browser, server.link(ANA))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Job Club"
    # The same browser signs in to the other community: it now sees that one alone.
    sign_in(browser, server.link(OLGA))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Harbor Club"
    page = browser.page_source
    assert "Zed Quinn" in page and "Wanda Secretname" in page  # they share names
    for name in JOB_CLUB_NAMES:
        assert name not in page, name
    browser.find_element(
        By.PARTIAL_LINK_TEXT, "“Open asks the group could help with (last 4 weeks)”"
    ).click()
    shared = _wait_for(downloads / "harbor-club-open-asks.csv").read_text()
    assert "Wanda Secretname" in shared
    for name in JOB_CLUB_NAMES:
        assert name not in shared, name
    [session] = browser.get_cookies()
    assert (
        session["httpOnly"] and session["sameSite"] == "Strict" and session["path"] == "/dashboard"
    )


def test_an_expired_link_shows_no_data(server: Server, browser: Any) -> None:
    link = server.link(ANA)
    server.clock.advance(LINK_LIFETIME + timedelta(seconds=1))
    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "This sign-in link has expired"
    assert not browser.find_elements(By.CSS_SELECTOR, "form button")
    browser.get(f"{server.base}/dashboard/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in to see the dashboard"
    shows_no_data(browser)


def test_a_reused_link_shows_no_data(server: Server, browser: Any, downloads: Path) -> None:
    link = server.link(ANA)
    sign_in(browser, link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Job Club"
    browser.delete_all_cookies()  # someone else with the same link, or a second device
    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "h1").text == "This sign-in link was already used"
    shows_no_data(browser)
    browser.get(f"{server.base}/dashboard/")
    shows_no_data(browser)


def test_a_forged_cookie_shows_no_data(server: Server, browser: Any) -> None:
    sign_in(browser, server.link(OLGA))
    [real] = browser.get_cookies()
    harbor = real["value"]
    forged = [
        URLSafeTimedSerializer("not-the-key", salt="askcoach-dashboard-session").dumps([1, 1]),
        harbor.replace(harbor[-5:], "AAAAA"),
        "eyJjIjoxfQ",
        "",
    ]
    for value in forged:
        browser.delete_all_cookies()
        browser.add_cookie({"name": real["name"], "value": value, "path": "/dashboard"})
        browser.get(f"{server.base}/dashboard/")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in to see the dashboard"
        shows_no_data(browser)
        browser.get(f"{server.base}/dashboard/participation.csv")
        assert "Week of" not in browser.page_source


def test_a_member_who_is_not_an_organizer_sees_no_data(server: Server, browser: Any) -> None:
    assert server.say(BOB, "admin dashboard") == [
        "Only the group's admins or coaches can change its settings."
    ]
    # An organizer makes Bob a coach; he signs in; then he is a member again.
    assert server.say(ANA, "admin coach add @Bob") == ["Bob is now a coach."]
    spare = server.link(BOB)
    sign_in(browser, server.link(BOB))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Job Club"
    assert server.say(ANA, "admin coach remove @Bob") == ["Bob is no longer a coach."]
    browser.refresh()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in to see the dashboard"
    shows_no_data(browser)
    browser.get(spare)
    assert browser.find_element(By.TAG_NAME, "h1").text == (
        "The dashboard is for the group's organizers"
    )
    shows_no_data(browser)
