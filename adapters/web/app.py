"""The organizer dashboard on the shared aiohttp server, under /dashboard.

GET  /dashboard/sign-in/<token>   a page with one button (link previews fetch pages, and must
                                  not use up the one-time link)
POST /dashboard/sign-in/<token>   redeems the link, sets the session cookie, goes to the page
GET  /dashboard/                  the dashboard of the cookie's community, and nothing else
GET  /dashboard/<table>.csv       one of its tables as CSV
POST /dashboard/sign-out          forgets the cookie

No page takes a community from the URL: the signed cookie names it, and every request checks
that its organizer still is one. Every response carries the security headers.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import aiohttp_jinja2
import jinja2
from aiohttp import web

from adapters.web.charts import participation_chart, shares_chart
from adapters.web.session import COOKIE, COOKIE_PATH, Session, SessionCookies
from bot.dashboard.board import Dashboard, build_dashboard
from bot.dashboard.sign_in import LINK_LIFETIME, Refusal, Viewer, check_link, redeem_link, viewer
from bot.dashboard.tables import Table, dashboard_tables
from bot.ports import Clock, UnitOfWorkFactory

HERE = Path(__file__).parent
SHOWN_ROWS = 200  # per table on the page; the CSV has every row
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # Never to other sites (the sign-in page's address holds its token); our own form posts
    # keep their Origin, which `sign_in` checks.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-store",
}
_SPREADSHEET_FORMULA = re.compile(r"^[=+\-@\t\r]")

REFUSALS: dict[Refusal, tuple[int, str, str]] = {
    Refusal.UNKNOWN: (
        404,
        "This sign-in link isn't valid",
        "It may be mistyped or more than a day old. Say “admin dashboard” to the coach in a DM "
        "for a new one.",
    ),
    Refusal.USED: (
        410,
        "This sign-in link was already used",
        "Each link opens the dashboard once. Say “admin dashboard” to the coach in a DM for a "
        "new one.",
    ),
    Refusal.EXPIRED: (
        410,
        "This sign-in link has expired",
        f"Links work for {int(LINK_LIFETIME.total_seconds() // 60)} minutes. Say "
        "“admin dashboard” to the coach in a DM for a new one.",
    ),
    Refusal.NOT_ORGANIZER: (
        403,
        "The dashboard is for the group's organizers",
        "Only the group's admins and coaches can see it.",
    ),
}


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet won't run as a formula (member text is untrusted)."""
    return "'" + cell if _SPREADSHEET_FORMULA.match(cell) else cell


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in table.rows)
    return buffer.getvalue()


def _file_name(community: str, slug: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", community.lower()).strip("-") or "community"
    return f"{stem[:40]}-{slug}.csv"


class DashboardWeb:
    """The dashboard's pages over the core: sign-in links, the session cookie, the board."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        *,
        public_url: str | None,
        session_key: str | None,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        secure = bool(public_url and public_url.startswith("https://"))
        self.cookies = SessionCookies(session_key, secure=secure)

    def app(self) -> web.Application:
        """The sub-application to mount at /dashboard."""
        app = web.Application()
        aiohttp_jinja2.setup(
            app,
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=jinja2.select_autoescape(["html", "svg"], default=True),
            undefined=jinja2.StrictUndefined,
        )
        app.router.add_get("/", self.board)
        app.router.add_get("", self.to_board)  # /dashboard -> /dashboard/
        app.router.add_get("/sign-in/{token}", self.sign_in_page)
        app.router.add_post("/sign-in/{token}", self.sign_in)
        app.router.add_post("/sign-out", self.sign_out)
        app.router.add_get("/dashboard.css", self.stylesheet)
        app.router.add_get(r"/{slug:[a-z-]{1,32}}.csv", self.download)
        app.on_response_prepare.append(_security_headers)
        return app

    # ------------------------------------------------------------------ sign-in

    async def sign_in_page(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        refusal = await asyncio.to_thread(self._check, token)
        if refusal is not None:
            return _refused(request, refusal)
        return aiohttp_jinja2.render_template(
            "sign_in.html", request, {"action": request.path, "title": "Open the dashboard"}
        )

    def _check(self, token: str) -> Refusal | None:
        with self._uow() as uow:
            return check_link(uow, token, self._clock.now())

    async def sign_in(self, request: web.Request) -> web.StreamResponse:
        if not _same_origin(request):
            # Another site posting someone's link (signing the visitor in to the wrong group):
            # refused before the link is looked at, so it stays unused.
            return _refused(request, Refusal.UNKNOWN)
        found = await asyncio.to_thread(self._redeem, request.match_info["token"])
        if isinstance(found, Refusal):
            return _refused(request, found)
        assert found.community.id is not None and found.member.id is not None
        response = web.Response(status=303, headers={"Location": f"{COOKIE_PATH}/"})
        session = Session(found.community.id, found.member.id)
        self.cookies.set(response, session)
        return response

    def _redeem(self, token: str) -> Viewer | Refusal:
        with self._uow() as uow:
            found = redeem_link(uow, token, self._clock.now())
            uow.commit()
            return found

    async def sign_out(self, request: web.Request) -> web.StreamResponse:
        response = aiohttp_jinja2.render_template(
            "message.html",
            request,
            {
                "title": "Signed out",
                "text": "Say “admin dashboard” to the coach in a DM to open the dashboard again.",
            },
        )
        response.del_cookie(COOKIE, path=COOKIE_PATH)
        return response

    # ------------------------------------------------------------------ the board

    def _load(self, session: Session | None) -> tuple[Viewer, Dashboard] | None:
        if session is None:
            return None
        with self._uow() as uow:
            found = viewer(uow, session.community_id, session.member_id)
            if found is None:
                return None
            return found, build_dashboard(uow, found.community, self._clock.now())

    async def _signed_in(self, request: web.Request) -> tuple[Viewer, Dashboard] | None:
        session = self.cookies.read(request.cookies.get(COOKIE))
        return await asyncio.to_thread(self._load, session)

    async def board(self, request: web.Request) -> web.StreamResponse:
        loaded = await self._signed_in(request)
        if loaded is None:
            return _signed_out(request)
        found, board = loaded
        context: dict[str, Any] = {
            "title": f"{board.community} — dashboard",
            "board": board,
            "organizer": found.member.name,
            "updated": _local(board.now, board.timezone),
            "charts": [
                participation_chart(board.weeks, board.members),
                shares_chart(board.weeks, board.top_fifth),
            ],
            "tables": dashboard_tables(board),
            "shown_rows": SHOWN_ROWS,
        }
        return aiohttp_jinja2.render_template("dashboard.html", request, context)

    async def download(self, request: web.Request) -> web.StreamResponse:
        loaded = await self._signed_in(request)
        if loaded is None:
            return _signed_out(request)
        _, board = loaded
        slug = request.match_info["slug"]
        table = next((t for t in dashboard_tables(board) if t.slug == slug), None)
        if table is None:
            raise web.HTTPNotFound(text="No such table.")
        return web.Response(
            text=table_csv(table),
            content_type="text/csv",
            charset="utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{_file_name(board.community, slug)}"'
            },
        )

    async def to_board(self, request: web.Request) -> web.StreamResponse:
        return web.Response(status=308, headers={"Location": f"{COOKIE_PATH}/"})

    async def stylesheet(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(HERE / "static" / "dashboard.css")


def _local(now: datetime, zone: str) -> str:
    return now.astimezone(ZoneInfo(zone)).strftime("%a %b %-d, %H:%M")


def _same_origin(request: web.Request) -> bool:
    """A form post from our own pages: browsers name the page's origin; other clients none."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def _refused(request: web.Request, refusal: Refusal) -> web.StreamResponse:
    status, title, text = REFUSALS[refusal]
    return aiohttp_jinja2.render_template(
        "message.html", request, {"title": title, "text": text}, status=status
    )


def _signed_out(request: web.Request) -> web.StreamResponse:
    return aiohttp_jinja2.render_template(
        "message.html",
        request,
        {
            "title": "Sign in to see the dashboard",
            "text": "Organizers get a sign-in link by saying “admin dashboard” to the coach in a "
            "DM. Links and sign-ins expire; ask for a new link any time.",
        },
        status=401,
    )


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
