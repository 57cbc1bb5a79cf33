"""`askcoach`: run, console, assess, db upgrade, export."""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from bot.coaching import assess_ask
from bot.export import member_record
from bot.schedule import timezone_or_none
from storage import Database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askcoach",
        description="An accountability coach for job seekers: a specific ask, every day.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot for every configured platform (or the console)")
    run.add_argument("--port", type=int, default=3000, help="HTTP port (Slack events, health)")

    console = sub.add_parser("console", help="chat with the coach in the terminal")
    console.add_argument("--user", default="you", help="your name in the chat (default: you)")
    console.add_argument("--tz", default=None, help="your IANA timezone, e.g. America/Chicago")
    console.add_argument("--at", default=None, help="start the simulated clock at ISO-8601 time")

    assess = sub.add_parser("assess", help="judge planned asks read from stdin, one per line")
    assess.add_argument("--json", action="store_true", help="one JSON object per line")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply migrations")

    export = sub.add_parser("export", help="print members' data as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--member", help="only this member (name or platform user id)")
    export.add_argument("--community", help="only this community (platform id)")
    export.add_argument(
        "--progress",
        action="store_true",
        help="report progress on stderr (the default when stderr is a terminal)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "assess":
            return _assess(args.json)
        if args.command == "db":
            return _db_upgrade()
        if args.command == "export":
            return _export(args.format, args.member, args.community, args.progress)
        if args.command == "console":
            return _console(args.user, args.tz, args.at)
        if args.command == "run":
            return _run(args.port)
    except KeyboardInterrupt:
        return 130
    return 2  # pragma: no cover - argparse enforces a command


def _fail(message: str) -> int:
    print(f"askcoach: {message}", file=sys.stderr)
    return 2


def _assess(as_json: bool) -> int:
    for line in sys.stdin:
        text = line.rstrip("\n")
        assessment = assess_ask(text)
        if as_json:
            print(json.dumps(assessment.to_dict(), ensure_ascii=False))
        else:
            print(assessment.verdict.value)
        sys.stdout.flush()
    return 0


def _open_database() -> Database:
    from askcoach.settings import load_settings

    settings = load_settings()
    db = Database(settings.database_url)
    db.upgrade()
    return db


def _db_upgrade() -> int:
    from askcoach.settings import load_settings

    db = Database(load_settings().database_url)

    def applying(revision: str, _description: str) -> None:
        print(f"applying {revision} …", end="", flush=True)

    def done(_revision: str, seconds: float) -> None:
        print(f" done ({seconds:.2f} s)", flush=True)

    try:
        applied = db.upgrade(applying, done)
    finally:
        db.dispose()
    if applied:
        print(f"applied {len(applied)} migration(s): {', '.join(applied)}")
    else:
        print("database is up to date")
    return 0


class _Progress:
    """`label N/M` on stderr: rewritten in place on a terminal, one line per step otherwise
    (at most about ten lines a second either way, and always the last one)."""

    def __init__(self, label: str, total: int, enabled: bool) -> None:
        self.label = label
        self.total = total
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self._last = 0.0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < self.total and now - self._last < 0.1:
            return
        self._last = now
        line = f"{self.label} {done}/{self.total}"
        if self.tty:
            sys.stderr.write(f"\r{line}" + ("\n" if done >= self.total else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def _export(
    fmt: str, member_filter: str | None, community_filter: str | None, progress: bool = False
) -> int:
    db = _open_database()
    records: list[dict[str, Any]] = []
    with db() as uow:
        chosen = []
        for community in uow.communities.all():
            if community_filter and community_filter not in (community.external_id, community.name):
                continue
            assert community.id is not None
            chosen += [
                (community, member)
                for member in uow.members.in_community(community.id)
                if not member_filter or member_filter in (member.name, member.external_id)
            ]
        meter = _Progress("members exported", len(chosen), progress or sys.stderr.isatty())
        for done, (community, member) in enumerate(chosen, 1):
            record = member_record(uow, member)
            record["community"] = {
                "platform": community.platform,
                "id": community.external_id,
                "name": community.name,
            }
            records.append(record)
            meter.update(done)
    if (member_filter or community_filter) and not records:
        return _fail("no member or community matches that filter")
    if fmt == "json":
        json.dump({"members": records}, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    writer = csv.writer(sys.stdout)
    writer.writerow(
        [
            "platform",
            "community",
            "member",
            "timezone",
            "record",
            "text",
            "verdict",
            "status",
            "outcome",
            "created_at",
        ]
    )
    for r in records:
        base = [r["community"]["platform"], r["community"]["id"], r["name"], r["timezone"]]
        for ask in r["asks"]:
            writer.writerow(
                [
                    *base,
                    "ask",
                    ask["text"],
                    ask["verdict"],
                    ask["status"],
                    ask["outcome"] or "",
                    ask["created_at"],
                ]
            )
        for give in r["gives"]:
            writer.writerow([*base, "give", give["text"], "", "", "", give["created_at"]])
        for company in r["targets"]:
            writer.writerow([*base, "target", company, "", "", "", ""])
        for company in r["knows_people_at"]:
            writer.writerow([*base, "knows", company, "", "", "", ""])
    return 0


def _local_zone_name() -> str:
    """The machine's IANA timezone (TZ, /etc/localtime, /etc/timezone...: tzlocal reads them
    all), or UTC when it has none we know."""
    import tzlocal

    try:
        name = tzlocal.get_localzone_name() or ""
    except Exception:  # an unreadable or odd local setting: UTC is a fine start
        return "UTC"
    return name if timezone_or_none(name) else "UTC"


def _console(user: str, tz: str | None, at: str | None, realtime_ticks: float | None = None) -> int:
    from adapters.console.session import parse_start
    from askcoach import bootstrap

    zone = tz or _local_zone_name()
    if timezone_or_none(zone) is None:
        return _fail(
            f"I don't know the timezone {zone!r}. Try a city like America/Chicago or Europe/Berlin."
        )
    name = " ".join(user.split())[:40]
    if not name:
        return _fail("--user needs a name")
    try:
        start = parse_start(at, zone) if at else None
    except ValueError:
        return _fail(f"--at needs an ISO-8601 time like 2026-03-02T08:00, not {at!r}")
    db = _open_database()
    session = bootstrap.console(
        db, user=name, timezone=zone, start=start, echo=not sys.stdin.isatty()
    )

    async def main() -> None:
        scheduler = None
        if start is None and realtime_ticks:
            from askcoach.scheduler import build_scheduler

            scheduler = build_scheduler(session.dispatcher, realtime_ticks, db)
            scheduler.start()
        try:
            await session.run(sys.stdin)
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)

    asyncio.run(main())
    db.dispose()
    return 0


def _run(port: int) -> int:
    from askcoach.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as problem:
        return _fail(str(problem))
    if not settings.slack.configured and not settings.discord.configured:
        print("No Slack or Discord configured: starting the console chat. (Ctrl-D to leave)")
        user = _default_user(settings.sudo_user)
        return _console(user, None, None, realtime_ticks=settings.tick_seconds)
    from askcoach.runtime import run_platforms

    return run_platforms(settings, port)


def _default_user(sudo_user: str | None) -> str:
    """Whom the console greets: the machine user's name from the password database (its
    full name when it has one), else their login name; under sudo, `sudo_user`'s."""
    import getpass

    try:
        login = getpass.getuser()
    except Exception:  # no user name in the environment nor the password database
        login = ""
    if login == "root" and sudo_user:
        login = sudo_user  # `sudo make run`: the person, not root
    full = ""
    try:
        import pwd

        full = pwd.getpwnam(login).pw_gecos.split(",")[0] if login else ""
    except (ImportError, KeyError):
        full = ""
    return " ".join((full or login or "you").split())[:40] or "you"
