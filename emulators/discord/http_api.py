"""The HTTP side of the Discord emulator: ``/api/v10/...`` (route matching, ``Bot`` auth,
queued errors, rate limits, then the REST route's handler, Discord's ``Via`` header on every
answer) and the attachments of stored messages."""

from __future__ import annotations

import json
import re
import time
from typing import Any

from aiohttp import BodyPartReader, web

from emulators.discord.protocol import JSON, _matches
from emulators.discord.rate_limits import RateLimited, RestRateLimits
from emulators.discord.records import (
    Call,
    UploadedFile,
    _ApiError,
    _QueuedError,
    _Req,
    _Route,
)
from emulators.discord.rest_api import RestApi
from emulators.discord.state import DiscordState


class HttpApi:
    """Turns HTTP requests into REST calls and answers, and records each in the state. Holds
    the state, the rate limits and the REST routes it asks, in that order."""

    def __init__(self, state: DiscordState, rate_limits: RestRateLimits, rest_api: RestApi) -> None:
        self.state = state
        self._rate_limits = rate_limits
        self._routes: list[_Route] = []
        for method, template, handler, major, auth, glob in rest_api.routes():
            regex = re.compile(
                "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$"
            )
            self._routes.append(_Route(method, template, handler, major, auth, glob, regex))
        self._queued_errors: list[_QueuedError] = []
        self._internal_errors: list[BaseException] = []

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/attachments/{message_id}/{index}/{filename}", self._attachment)
        app.router.add_route("*", "/api/{tail:.*}", self._rest)

    def queue_error(
        self,
        method: str,
        path_pattern: str,
        status: int = 500,
        *,
        json_body: JSON | None = None,
        retry_after: float = 0.5,
        is_global: bool = False,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status``. For 429 the body and
        headers are a proper rate-limit answer with ``retry_after``; otherwise ``json_body``
        (default ``{"message": "<status>: ...", "code": 0}``)."""
        with self.state.lock:
            self._queued_errors.append(
                _QueuedError(
                    method.upper(), path_pattern, status, json_body, retry_after, is_global, times
                )
            )

    def internal_errors(self) -> list[BaseException]:
        """Exceptions raised inside the emulator's handlers (answered as 500): emulator bugs."""
        with self.state.lock:
            return list(self._internal_errors)

    # ---- /api/v10/...

    def _match_route(self, method: str, path: str) -> tuple[_Route, dict[str, str]] | None:
        # literal routes (e.g. /users/@me) first, then templated ones, in table order
        for route in sorted(self._routes, key=lambda r: "{" in r.template):
            if route.method != method:
                continue
            m = route.regex.match(path)
            if m:
                return route, m.groupdict()
        return None

    async def _read_body(self, request: web.Request) -> tuple[Any, list[UploadedFile]]:
        ctype = request.content_type
        files: list[UploadedFile] = []
        if ctype.startswith("multipart/"):
            body: Any = None
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, BodyPartReader):  # nested multipart: ignore
                    continue
                data = await part.read(decode=False)
                name = part.name or ""
                if name == "payload_json":
                    body = json.loads(bytes(data).decode())
                elif part.filename is not None or name.startswith("file"):
                    files.append(
                        UploadedFile(
                            name,
                            part.filename or name,
                            part.headers.get("Content-Type", "application/octet-stream"),
                            bytes(data),
                        )
                    )
            return body, files
        raw = await request.read()
        if not raw:
            return None, files
        try:
            return json.loads(raw), files
        except ValueError:
            return raw.decode(errors="replace"), files

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        m = re.match(r"^/api(?:/v\d+)?(/.*)$", request.path)
        path = m.group(1) if m else request.path
        method = request.method.upper()
        body, files = await self._read_body(request)
        headers = dict(request.headers)
        match = self._match_route(method, path)
        route_template = match[0].template if match else ""
        params = match[1] if match else {}
        extra: dict[str, str] = {}
        status: int
        resp: Any
        with self.state.lock:
            queued = next(
                (
                    q
                    for q in self._queued_errors
                    if q.method == method and _matches(q.pattern, path, route_template)
                ),
                None,
            )
            if queued is not None:
                queued.remaining -= 1
                if queued.remaining <= 0:
                    self._queued_errors.remove(queued)
        try:
            if match is None:
                raise _ApiError(404, "404: Not Found", 0)
            route = match[0]
            if route.bot_auth:
                auth = headers.get("Authorization", "")
                if not auth.startswith("Bot ") or auth[4:] not in self.state.tokens:
                    raise _ApiError(401, "401: Unauthorized", 0)
            if queued is not None:
                if queued.status == 429:
                    forced = RateLimited.forced(queued.retry_after, queued.is_global)
                    status, resp, extra = forced.answer()
                else:
                    status = queued.status
                    resp = queued.body or {"message": f"{queued.status}: Emulated error", "code": 0}
            else:
                resource = params.get(route.major, "") if route.major else ""
                with self.state.lock:
                    extra, limited = self._rate_limits.take(
                        method, route.template, resource, global_limited=route.global_limited
                    )
                if limited is not None:
                    status, resp, extra = limited.answer()
                else:
                    req = _Req(
                        method,
                        path,
                        route.template,
                        params,
                        dict(request.query),
                        headers,
                        body,
                        files,
                    )
                    status, resp = await route.handler(req)
        except _ApiError as err:
            status, resp = err.status, err.body
        except Exception as exc:  # an emulator bug: answer like Discord, keep it visible
            with self.state.lock:
                self._internal_errors.append(exc)
            status, resp = 500, {"message": f"500: Internal Server Error ({exc!r})", "code": 0}
        call = Call(
            method=method,
            path=path,
            route=route_template,
            params=params,
            query=dict(request.query),
            headers=headers,
            json=body,
            files=tuple(files),
            status=status,
            response=resp,
            at=time.time(),
        )
        with self.state.lock:
            self.state.call_log.append(call)
        self.state.notify()
        out_headers = {"Via": "1.1 google", **extra}
        if status == 204 or resp is None:
            return web.Response(status=status if resp is not None else 204, headers=out_headers)
        # exactly "application/json" (no charset): discord.py's json_or_text compares verbatim
        return web.Response(
            body=json.dumps(resp).encode(),
            status=status,
            headers={**out_headers, "Content-Type": "application/json"},
        )

    async def _attachment(self, request: web.Request) -> web.StreamResponse:
        with self.state.lock:
            stored = self.state.stored.get(int(request.match_info["message_id"]))
        index = int(request.match_info["index"])
        if stored is None or index >= len(stored.files):
            return web.Response(status=404)
        f = stored.files[index]
        return web.Response(body=f.data, content_type=f.content_type)
