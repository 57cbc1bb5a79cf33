"""A job club of three over two simulated weeks, played in the console (`:as` switches who
talks): Ana (the organizer) shares her asks, Bob knows people at Medtronic and later shares
names too, Cy keeps his asks private and goes quiet in week two."""

from __future__ import annotations

import asyncio
import io
from datetime import datetime
from pathlib import Path

from adapters.console.session import parse_start
from askcoach import bootstrap
from benchmarks.support.databases import migrated_sqlite, sqlite_url
from storage import Database

SCRIPT = """\
ok
share on
target add Medtronic
:as Bob
ok
know Medtronic
:as Cy
ok
:as Ana
:advance 1h
Ask Maria Lopez to introduce me to the head of talent at Medtronic
Yes, ask
:as Bob
I can help
Ask Jen Park for a referral for the analyst job at 3M
gave Ana a list of recruiters at Medtronic
:as Cy
Ask Omar Haddad to review my cover letter for the Ecolab controller role
:as Ana
:advance 8h
Made it
Said yes
:advance 1d
Ask Keisha Brown for a referral to the data analyst opening at U.S. Bank
:advance 6d
:as Bob
share on
share names on
Ask Li Wei for an intro to the plant manager at Polaris
:as Ana
report
:advance 7d
"""


def run_console(db_dir: Path) -> tuple[list[str], Database]:
    out = io.StringIO()
    start: datetime = parse_start("2026-03-02T08:00", "America/Chicago")
    with migrated_sqlite(db_dir) as db:
        session = bootstrap.console(
            db, user="Ana", timezone="America/Chicago", start=start, out=out, echo=True
        )
        asyncio.run(session.run(io.StringIO(SCRIPT)))
    return out.getvalue().splitlines(), Database(sqlite_url(db_dir))
