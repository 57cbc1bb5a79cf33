"""Run a scripted console session in-process (the same code as `askcoach console`)."""

from __future__ import annotations

import asyncio
import io
from datetime import datetime
from pathlib import Path

from adapters.console.session import parse_start
from askcoach import bootstrap
from benchmarks.support.databases import migrated_sqlite


def console_transcript(tmp_path: Path, script: str, *, user: str, tz: str, at: str) -> list[str]:
    """Feed `script` line by line; return the printed lines (inputs echoed as `User: …`)."""
    out = io.StringIO()
    start: datetime = parse_start(at, tz)
    tmp_path.mkdir(parents=True, exist_ok=True)
    with migrated_sqlite(tmp_path) as db:
        session = bootstrap.console(db, user=user, timezone=tz, start=start, out=out, echo=True)
        asyncio.run(session.run(io.StringIO(script)))
    return out.getvalue().splitlines()


MORNING = ("Morning,", "haven't heard from you")  # the morning question, or after a silent week


def checkin_stamps(lines: list[str], text: str | tuple[str, ...] = MORNING) -> list[str]:
    """The `[YYYY-MM-DD HH:MM]` stamps of delivered check-ins containing `text` (any of)."""
    texts = (text,) if isinstance(text, str) else text
    return [line[1:17] for line in lines if line.startswith("[") and any(t in line for t in texts)]
