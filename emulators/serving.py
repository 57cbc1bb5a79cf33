"""One aiohttp application on ``127.0.0.1:<ephemeral port>``, served by a thread with an event
loop of its own: how both emulators run, so sync and asyncio tests use the same object."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from typing import Any, Generic, Self, TypeVar

from aiohttp import web

T = TypeVar("T")
C = TypeVar("C")

MAX_REQUEST_BYTES = 64 * 1024 * 1024


class LocalServer:
    """Starts and stops the thread; runs coroutines on its loop for callers in other threads."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._before_stop: Callable[[], Awaitable[None]] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError(f"{self._name} is not started")
        return self._port

    def url(self, path: str, scheme: str = "http") -> str:
        """The address of ``path`` on this server (``scheme`` "ws" for a websocket)."""
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(
        self,
        build_app: Callable[[], web.Application],
        before_stop: Callable[[], Awaitable[None]],
    ) -> None:
        """Start the thread; returns once the port is bound (when running: nothing happens).

        ``build_app`` runs on the server's loop (so it may create asyncio objects for it);
        ``before_stop`` runs there too at ``stop``, before the runner is cleaned up (close
        websockets, release held requests)."""
        if self._thread is not None:
            return
        self._before_stop = before_stop
        loop = asyncio.new_event_loop()
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._serve(build_app()))
            except BaseException as exc:  # pragma: no cover - startup failure
                errors.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._loop = loop
        self._thread = threading.Thread(target=run, name=self._name, daemon=True)
        self._thread.start()
        if not ready.wait(timeout=10) or errors:
            self._thread = None
            self._loop = None
            raise RuntimeError(f"{self._name} failed to start: {errors}")

    def stop(self) -> None:
        """Run ``before_stop``, stop the server and join its thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        self._thread = None
        self._loop = None

    def run(self, coro: Awaitable[T], timeout: float = 10.0) -> T:
        """Run ``coro`` on the server's loop from another thread; its result."""
        if self._loop is None:
            raise RuntimeError(f"{self._name} is not started")

        async def wrap() -> T:
            return await coro

        return asyncio.run_coroutine_threadsafe(wrap(), self._loop).result(timeout)

    async def _serve(self, app: web.Application) -> None:
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def _shutdown(self) -> None:
        if self._before_stop is not None:
            await self._before_stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


class Served(ABC):
    """The lifecycle an emulator offers its tests: ``start``/``stop``, ``with`` and
    ``async with``, and its port. The emulator holds the ``_server`` and says what it serves."""

    _server: LocalServer

    @abstractmethod
    def _routes(self, app: web.Application) -> None:
        """Add the routes to ``app`` (called on the server's loop)."""

    def _app(self) -> web.Application:
        # Uploads (Slack files, Discord attachments) may be large.
        app = web.Application(client_max_size=MAX_REQUEST_BYTES)
        self._routes(app)
        return app

    @abstractmethod
    async def _before_stop(self) -> None:
        """What ends before the server does (websockets, held requests)."""

    @property
    def port(self) -> int:
        return self._server.port

    def start(self) -> Self:
        """Start the server thread; returns once the port is bound."""
        self._server.start(self._app, self._before_stop)
        return self

    def stop(self) -> None:
        """Close connections, stop the server and join its thread."""
        self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        return await asyncio.to_thread(self.start)

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.stop)


class Connections(Generic[C]):
    """The websocket connections an emulator holds open, oldest first, and how many it ever
    accepted (reconnections included): Slack's Socket Mode and Discord's gateway both count
    theirs here, under the lock of their state."""

    def __init__(self, lock: AbstractContextManager[Any]) -> None:
        self._lock = lock
        self._open: list[C] = []
        self._accepted = 0

    def add(self, conn: C) -> int:
        """Count a connection just accepted; how many are open now."""
        with self._lock:
            self._open.append(conn)
            self._accepted += 1
            return len(self._open)

    def remove(self, conn: C) -> None:
        with self._lock:
            if conn in self._open:
                self._open.remove(conn)

    @property
    def open(self) -> list[C]:
        """The open ones, oldest first (a copy)."""
        with self._lock:
            return list(self._open)

    @property
    def accepted(self) -> int:
        with self._lock:
            return self._accepted
