"""The organizer dashboard of a community of 5,000 members with a year of asks, on PostgreSQL.

`python -m benchmarks.bench_dashboard [--members N]` prints
{"page_ms_p50": …, "page_ms_max": …, "csv_ms_p50": …, "build_ms_p50": …, "asks": …, …}.

A fresh schema on the PostgreSQL server of ASKCOACH_BENCH_POSTGRES_URL (else
ASKCOACH_TEST_POSTGRES_URL, else postgres@127.0.0.1:5432/test) is seeded in SQL
(generate_series): 5,000 onboarded members, a year of weekday plans (inserted in time order, as
a running bot does; a fifth of the members plan every weekday, the rest on about 40 % of them; 60 % specific, of which 40 % made and a
quarter of those a yes), gives, `know` lists, sharing settings, 50 unreachable members with
their failed messages. Then the real dashboard sub-application serves GET /dashboard/ with a
signed session cookie, twenty times after two warm-ups; `page_ms` is the time from sending
the request to the last byte of the page on localhost (server time plus a loopback round
trip: an upper bound of the server's time). Target: p50 under 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)  # a Wednesday afternoon in Chicago
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REQUESTS = 20


def postgres_base_url() -> str:
    from askcoach.settings import load_harness_settings

    return load_harness_settings().bench_postgres_url or DEFAULT_URL


SEED = """
INSERT INTO communities (id, platform, external_id, name, timezone, checkin_time, enrollment,
    digest_weekday, digest_time, created_at)
VALUES (1, 'slack', 'T0BENCH', 'Bench Club', 'America/Chicago', '09:00', 'optin', 0, '09:00',
    :year_ago);
INSERT INTO members (id, community_id, external_id, name, timezone, checkin_time,
    afternoon_time, days, role, state, state_data, undeliverable, share_asks, share_names,
    created_at)
SELECT g, 1, 'U' || lpad(g::text, 7, '0'), 'Member ' || g, 'America/Chicago', '09:00', '17:00',
    '0,1,2,3,4', CASE WHEN g = 1 THEN 'admin' ELSE 'member' END, 'idle', '{}',
    g % 100 = 7, g % 10 < 3, g % 10 = 0, :year_ago
FROM generate_series(1, :members) AS g;
INSERT INTO asks (member_id, text, verdict, who, kind, company, status, outcome, created_at)
SELECT m, 'Ask Priya Raman for a referral for the analyst job at Company ' || (m * 7 + d) % 300,
    CASE WHEN (m * 31 + d * 17) % 10 < 6 THEN 'specific'
         WHEN (m * 31 + d * 17) % 10 < 8 THEN 'vague' ELSE 'passive' END,
    'Priya Raman', 'referral', 'Company ' || (m * 7 + d) % 300,
    CASE WHEN (m * 13 + d) % 10 < 4 THEN 'made' WHEN d < 7 THEN 'open'
         WHEN (m * 13 + d) % 10 < 6 THEN 'open' ELSE 'skipped' END,
    CASE WHEN (m * 13 + d) % 10 = 0 THEN 'yes' ELSE NULL END,
    :now - make_interval(days => d) - make_interval(hours => (m % 8))
FROM generate_series(364, 0, -1) AS d, generate_series(1, :members) AS m
WHERE extract(isodow FROM :now - make_interval(days => d)) < 6
  AND (m % 5 = 0 OR (m * 7919 + d * 104729) % 10 < 4)
ORDER BY d DESC, m;
INSERT INTO gives (member_id, text, created_at)
SELECT m, 'Sent two names at Company ' || d % 300, :now - make_interval(days => d)
FROM generate_series(364, 0, -9) AS d, generate_series(1, :members) AS m
WHERE m % 3 = 0
ORDER BY d DESC, m;
INSERT INTO known_companies (member_id, company, created_at)
SELECT m, 'Company ' || (m * 11) % 300, :year_ago FROM generate_series(1, :members) AS m
WHERE m % 4 = 0;
INSERT INTO outbox (key, platform, community_id, member_id, recipient, text, choices, status,
    attempts, next_attempt_at, error, created_at)
SELECT 'bench:' || m, 'slack', 1, m, 'U' || lpad(m::text, 7, '0'), 'Morning!', '[]', 'failed', 1,
    :now, 'cannot_dm_user', :now - interval '3 days'
FROM generate_series(1, :members) AS m WHERE m % 100 = 7;
SELECT setval(pg_get_serial_sequence('members', 'id'), :members + 1, false);
ANALYZE;
"""


def seed(url: str, members: int) -> dict[str, Any]:
    from storage import Database

    began = time.perf_counter()
    db = Database(url)
    db.upgrade()
    params = {
        "members": members,
        "now": NOW.replace(tzinfo=None),
        "year_ago": NOW.replace(tzinfo=None, year=NOW.year - 1),
    }
    with db.engine.begin() as conn:
        for statement in SEED.split(";"):
            if statement.strip():
                conn.execute(text(statement), params)
    with db.engine.connect() as conn:
        asks = conn.execute(text("SELECT count(*) FROM asks")).scalar_one()
        gives = conn.execute(text("SELECT count(*) FROM gives")).scalar_one()
    db.dispose()
    return {"asks": asks, "gives": gives, "seed_seconds": round(time.perf_counter() - began, 1)}


async def serve_and_time(url: str) -> dict[str, Any]:
    from adapters.web import DashboardWeb
    from adapters.web.session import COOKIE, Session
    from bot.clock import SimulatedClock
    from bot.dashboard.board import build_dashboard
    from storage import Database

    db = Database(url)
    clock = SimulatedClock(NOW)
    dashboard = DashboardWeb(db, clock, public_url=None, session_key="bench")
    root = web.Application()
    root.add_subapp("/dashboard", dashboard.app())
    runner = web.AppRunner(root, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    cookie = dashboard.cookies.value(Session(community_id=1, member_id=1))
    page: list[float] = []
    csv: list[float] = []
    size = 0
    try:
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar, cookies={COOKIE: cookie}) as http:
            for n in range(REQUESTS + 2):
                began = time.perf_counter()
                async with http.get(f"http://127.0.0.1:{port}/dashboard/") as response:
                    body = await response.read()
                    assert response.status == 200, response.status
                if n >= 2:
                    page.append((time.perf_counter() - began) * 1000)
                size = len(body)
            for _ in range(5):
                began = time.perf_counter()
                async with http.get(f"http://127.0.0.1:{port}/dashboard/reach-out.csv") as r:
                    await r.read()
                    assert r.status == 200
                csv.append((time.perf_counter() - began) * 1000)
        build: list[float] = []
        for _ in range(5):
            with db() as uow:
                community = uow.communities.get(1)
                assert community is not None
                began = time.perf_counter()
                board = build_dashboard(uow, community, NOW)
                build.append((time.perf_counter() - began) * 1000)
    finally:
        await runner.cleanup()
        db.dispose()
    return {
        "page_ms_p50": round(statistics.median(page), 1),
        "page_ms_max": round(max(page), 1),
        "csv_ms_p50": round(statistics.median(csv), 1),
        "build_ms_p50": round(statistics.median(build), 1),
        "page_kb": round(size / 1024, 1),
        "weeks": len(board.weeks),
        "to_reach": len(board.to_reach),
    }


def run(members: int = 5_000) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.support.databases import postgres_schema
    from storage.database import normalise_url

    with postgres_schema(normalise_url(postgres_base_url())) as url:
        seeded = seed(url, members)
        timed = asyncio.run(serve_and_time(url))
    result = {"members": members, **seeded, **timed}
    print(
        f"{members:,} members, {seeded['asks']:,} asks: page p50 {timed['page_ms_p50']} ms "
        f"(max {timed['page_ms_max']}), build {timed['build_ms_p50']} ms, "
        f"seeded in {seeded['seed_seconds']} s",
        file=sys.stderr,
    )
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=5_000)
    print(json.dumps(run(parser.parse_args().members)))
