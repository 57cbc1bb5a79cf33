"""The HTTP side of the Slack emulator: ``/api/<method>`` (token auth, canned answers, rate
limits, then the Web API method), the upload URLs ``files.getUploadURLExternal`` hands out, and
the ``response_url``s of slash commands and interactions."""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Mapping

from aiohttp import web

from emulators.serving import LocalServer
from emulators.slack.defaults import JsonDict
from emulators.slack.rate_limits import SlackRateLimits
from emulators.slack.records import Call, SlackApiFailure, _Queued, _Request, _TokenInfo
from emulators.slack.state import SlackState
from emulators.slack.web_api import WebApi
from emulators.state import at_least


class HttpApi:
    """Turns HTTP requests into Web API calls and answers, and records each in the state.
    Holds the state, the rate limits and the Web API methods it asks, in that order, and the
    server (for the addresses of response_urls)."""

    def __init__(
        self,
        state: SlackState,
        rate_limits: SlackRateLimits,
        web_api: WebApi,
        server: LocalServer,
    ) -> None:
        self.state = state
        self._rate_limits = rate_limits
        self._web_api = web_api
        self._server = server
        self._queued: dict[str, deque[_Queued]] = {}
        self._always: dict[str, _Queued] = {}
        self._hold: dict[str, int] = {}  # method -> successful calls still let through
        self.held: list[Call] = []  # accepted calls whose answer is never sent
        self._release: asyncio.Event | None = None  # set at shutdown: held calls end

    def add_routes(self, app: web.Application) -> None:
        """Its routes (on the server's loop, which the release of held calls belongs to)."""
        self._release = asyncio.Event()
        app.router.add_post("/api/{method}", self._handle_api)
        app.router.add_get("/api/{method}", self._handle_api)
        app.router.add_post("/upload/{file_id}", self._handle_upload)
        app.router.add_post("/response/{path:.*}", self._handle_response_url)

    def release_held(self) -> None:
        """Let the held calls end (at shutdown)."""
        if self._release is not None:
            self._release.set()

    # ---------------------------------------------------------------- canned answers

    def queue(
        self,
        method: str,
        *,
        status: int = 200,
        json: JsonDict | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Queue a canned answer for ``method``; answers are consumed in order."""
        if json is None:
            json = {"ok": True} if status == 200 else {"ok": False, "error": f"http_{status}"}
        hdrs = dict(headers or {})
        if status == 429 and "Retry-After" not in hdrs:
            hdrs["Retry-After"] = self._rate_limits.default_retry_after()
        with self.state.lock:
            self._queued.setdefault(method, deque()).append(_Queued(status, dict(json), hdrs))

    def always(
        self,
        method: str,
        *,
        status: int,
        json: JsonDict,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Answer every call of ``method`` this way from now on (after any queued answers),
        e.g. every ``conversations.history`` with 429."""
        with self.state.lock:
            self._always[method] = _Queued(status, dict(json), dict(headers or {}))

    def hold_after_accepting(self, method: str, *, after: int = 0) -> None:
        """Let ``after`` successful calls of ``method`` through, then accept the next one (its
        effect is recorded, e.g. the message is posted) and never answer it: the caller is
        stuck inside the call, as a worker killed right after Slack accepted its post. Once."""
        with self.state.lock:
            self._hold[method] = after

    def wait_for_held(self, count: int = 1, timeout: float = 30.0) -> list[Call]:
        """Block until ``count`` calls are being held; returns them."""
        return self.state.wait_until(
            at_least(lambda: list(self.held), count), timeout, f"{count} held call(s)"
        )

    def response_url(self, name: str = "") -> str:
        """A `response_url` for a slash command or interaction payload that points here:
        what the app POSTs to it is kept (``responses()``), as Slack would show it."""
        return self._server.url(f"/response/{name or self.state.new_id('R')}")

    # ---------------------------------------------------------------- /api/<method>

    @staticmethod
    def _json_response(status: int, body: JsonDict, headers: Mapping[str, str]) -> web.Response:
        return web.Response(
            status=status,
            text=json.dumps(body),
            content_type="application/json",
            charset="utf-8",
            headers=dict(headers),
        )

    async def _read_params(self, request: web.Request) -> JsonDict:
        params: JsonDict = dict(request.query)
        if request.method != "POST" or not request.body_exists:
            return params
        ctype = request.content_type
        if ctype == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    params[key] = value.file.read()
                else:
                    params[key] = value
        return params

    @staticmethod
    def _token_from(request: web.Request, params: JsonDict) -> str | None:
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            return auth[len("Bearer ") :].strip()
        token = params.get("token")
        return str(token) if token else None

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._read_params(request)
        headers = {k: v for k, v in request.headers.items()}
        token = self._token_from(request, params)
        status, body, extra_headers, team_id = self._process(method, params, token, headers)
        call = Call(
            method=method,
            params=params,
            headers=headers,
            token=token,
            team_id=team_id,
            time=time.time(),
            status=status,
            response=body,
        )
        with self.state.cond:
            self.state.call_log.append(call)
            hold = call.ok and method in self._hold and self._hold[method] == 0
            if hold:
                del self._hold[method]
                self.held.append(call)
            elif call.ok and method in self._hold:
                self._hold[method] -= 1
            self.state.cond.notify_all()
        if hold and self._release is not None:  # accepted, not answered until shutdown
            await self._release.wait()
        return self._json_response(status, body, extra_headers)

    def _process(
        self, method: str, params: JsonDict, token: str | None, headers: Mapping[str, str]
    ) -> tuple[int, JsonDict, dict[str, str], str | None]:
        with self.state.lock:
            queued = self._queued.get(method)
            info = self.state.tokens.get(token) if token else None
            team_id = info.team_id if info else None
            if queued:
                q = queued.popleft()
                return q.status, q.body, q.headers, team_id
            if method in self._always:
                q = self._always[method]
                return q.status, dict(q.body), dict(q.headers), team_id

            handler = self._web_api.handlers.get(method)
            if handler is None:
                return 200, {"ok": False, "error": "unknown_method"}, {}, team_id
            if method not in ("oauth.v2.access", "api.test"):
                error = self._auth_error(method, token, info)
                if error:
                    return 200, {"ok": False, "error": error}, {}, team_id

            limited = self._rate_limits.over_limit(method, params, team_id)
            if limited is not None:
                status, body, limit_headers = limited
                return status, body, limit_headers, team_id

            if method == "oauth.v2.access":
                params = {**params, "_authorization": headers.get("Authorization", "")}
            try:
                body = handler(_Request(method, params, token, team_id))
            except SlackApiFailure as failure:
                return 200, {"ok": False, "error": failure.error, **failure.extra}, {}, team_id
            return 200, body, {}, team_id

    @staticmethod
    def _auth_error(method: str, token: str | None, info: _TokenInfo | None) -> str | None:
        if not token:
            return "not_authed"
        if info is None:
            return "invalid_auth"
        if info.revoked:
            return info.revoked
        if (method == "apps.connections.open") != (info.kind == "app"):
            return "not_allowed_token_type"
        return None

    # ---------------------------------------------------------------- uploads, response_urls

    async def _handle_upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        if request.content_type == "multipart/form-data":
            form = await request.post()
            data = b""
            for value in form.values():
                if isinstance(value, web.FileField):
                    data = value.file.read()
                    break
        else:
            data = await request.read()
        with self.state.cond:
            uploaded = self.state.files.get(file_id)
            if uploaded is None:
                return web.Response(status=404, text="file_not_found")
            uploaded.data = data
            self.state.cond.notify_all()
        return web.Response(status=200, text=f"OK - {len(data)}")

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return web.Response(status=400, text="invalid_payload")
        if not isinstance(body, dict):
            return web.Response(status=400, text="invalid_payload")
        with self.state.cond:
            self.state.response_log.append({**body, "path": request.match_info["path"]})
            self.state.cond.notify_all()
        return web.Response(status=200, text="ok")
