"""The dashboard's HTTP surface without a browser: security headers on every response, a GET of
a sign-in link uses nothing up (link previews fetch it), spreadsheet formulas in member text
are defused in the CSV, and /dashboard leads to /dashboard/."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from adapters.web.app import SECURITY_HEADERS, spreadsheet_safe, table_csv
from bot.dashboard.tables import Table
from tests.web.support import ANA, Server, serving


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serving(tmp_path_factory.mktemp("job-club-http")) as running:
        yield running


async def _fetch(
    http: aiohttp.ClientSession, method: str, url: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], str]:
    async with http.request(method, url, allow_redirects=False, headers=headers) as response:
        return response.status, dict(response.headers), await response.text()


def fetch_all(
    server: Server, requests: list[tuple[str, str]]
) -> list[tuple[int, dict[str, str], str]]:
    """Each (method, path) in order, in one client session (one cookie jar)."""

    async def run() -> list[tuple[int, dict[str, str], str]]:
        jar = aiohttp.CookieJar(unsafe=True)  # cookies for 127.0.0.1
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            return [await _fetch(http, m, f"{server.base}{p}") for m, p in requests]

    return asyncio.run(run())


def test_every_response_carries_the_security_headers(server: Server) -> None:
    path = server.link(ANA).removeprefix(server.base)
    responses = fetch_all(
        server,
        [
            ("GET", "/dashboard/"),  # signed out: 401
            ("GET", "/dashboard/sign-in/not-a-token"),  # 404 page
            ("GET", path),  # the sign-in page
            ("POST", path),  # 303 with the cookie
            ("GET", "/dashboard/"),
            ("GET", "/dashboard/participation.csv"),
            ("GET", "/dashboard/no-such-table.csv"),
            ("GET", "/dashboard/dashboard.css"),
            ("POST", path),  # used: 410
            ("GET", "/dashboard"),
        ],
    )
    statuses = [status for status, _, _ in responses]
    assert statuses == [401, 404, 200, 303, 200, 200, 404, 200, 410, 308]
    for _, headers, _ in responses:
        for name, value in SECURITY_HEADERS.items():
            assert headers.get(name) == value, name
    assert "frame-ancestors 'none'" in SECURITY_HEADERS["Content-Security-Policy"]
    cookie = responses[3][1]["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/dashboard" in cookie
    assert responses[5][1]["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="job-club-participation.csv"' in responses[5][1]["Content-Disposition"]
    assert responses[9][1]["Location"] == "/dashboard/"


def test_opening_a_link_does_not_use_it_up(server: Server) -> None:
    """Chat apps fetch links to preview them: only the button's POST signs in."""
    path = server.link(ANA).removeprefix(server.base)
    responses = fetch_all(server, [("GET", path), ("GET", path), ("POST", path)])
    assert [status for status, _, _ in responses] == [200, 200, 303]


def test_another_site_cannot_post_a_link(server: Server) -> None:
    """A page elsewhere posting someone's link (to sign the visitor in to that group) is
    refused, and the link still works from its own page."""
    path = server.link(ANA).removeprefix(server.base)

    async def run() -> list[int]:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            url = f"{server.base}{path}"
            statuses = []
            for origin in ("https://evil.example", "null", server.base):
                status, _, _ = await _fetch(http, "POST", url, {"Origin": origin})
                statuses.append(status)
            return statuses

    assert asyncio.run(run()) == [404, 404, 303]


def test_member_text_cannot_run_as_a_spreadsheet_formula(tmp_path: Path) -> None:
    table = Table(
        "t",
        "T",
        ("Member", "Last plan"),
        [('=HYPERLINK("x")', "+1"), ("@SUM(A1)", "-2"), ("Ana", "ask Jen, = fine")],
        "",
    )
    assert table_csv(table).splitlines() == [
        "Member,Last plan",
        '"\'=HYPERLINK(""x"")",\'+1',
        "'@SUM(A1),'-2",
        'Ana,"ask Jen, = fine"',
    ]
    assert spreadsheet_safe("\tcmd") == "'\tcmd"
