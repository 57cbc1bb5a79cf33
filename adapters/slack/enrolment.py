"""Enrolment on Slack: greet the people an organizer enrolled with `admin enroll all|channel`.

Every `period` seconds (and right after an `admin enroll …` in a DM or `/askcoach`), for each
Slack community whose enrolment is `all` or `channel`:

- `all`: `users.list` (paginated) — the workspace's full members. Skipped: bots and apps
  (`is_bot`, `is_app_user`, `USLACKBOT`), deactivated accounts (`deleted`), guests
  (`is_restricted`, `is_ultra_restricted`) and people of other organisations (Slack Connect).
- `channel`: `conversations.members` of the enrolment channel (paginated), then `users.info`
  for the ones the coach hasn't met. The same people are skipped, except guests: an organizer
  who puts a guest in the enrolment channel means them.

The people the coach hasn't met yet go to `Coach.enroll` (in a worker thread, through the
runtime's `Inbox`), which greets each once and skips whoever said `forget`; the outbox then
delivers the greetings through the rate-limited gateway. Slack's 429 on these read calls
(users.list is Tier 2) is waited out for its `Retry-After` by slack_sdk's
AsyncRateLimitErrorRetryHandler, a few times, then the workspace is left for the next sync;
the pages are read with slack_sdk's cursor paginator. Each workspace is read with its own bot token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.config import SLACK_ENROLMENT_SECONDS
from adapters.slack.gateway import AUTH_ERRORS, TokenSource
from adapters.slack.people import PLATFORM, PeopleDirectory, person_of, sender_of
from bot.domain import Community
from bot.inbox import Inbox
from bot.messages import Sender
from bot.ports import UnitOfWorkFactory

log = logging.getLogger("askcoach.slack")

PAGE_SIZE = 200  # Slack recommends at most 200 per page
MAX_RATE_LIMIT_WAITS = 5
SLACKBOT = "USLACKBOT"


class SyncFailed(Exception):
    """This workspace can't be read now (revoked token, unknown channel, Slack down)."""


def is_person(user: dict[str, Any], team_id: str, *, guests: bool) -> bool:
    """A human of this workspace the coach may DM."""
    if not isinstance(user.get("id"), str) or user["id"] == SLACKBOT:
        return False
    if user.get("deleted") or user.get("is_bot") or user.get("is_app_user"):
        return False
    if user.get("is_stranger") or (user.get("team_id") not in (None, team_id)):
        return False
    restricted = bool(user.get("is_restricted") or user.get("is_ultra_restricted"))
    return guests or not restricted


@dataclass
class SyncReport:
    workspaces: int = 0
    listed: int = 0
    greeted: int = 0
    failed: list[str] = field(default_factory=list)


class EnrolmentSync:
    """Lists each enrolling workspace's people and hands the new ones to the coach."""

    def __init__(
        self,
        db: UnitOfWorkFactory,
        tokens: TokenSource,
        client: Callable[[str], AsyncWebClient],
        inbox: Inbox,
        people: PeopleDirectory,
        *,
        period: float = SLACK_ENROLMENT_SECONDS,
    ) -> None:
        self._db = db
        self._tokens = tokens
        self._client = client
        self._inbox = inbox
        self._people = people
        self.period = period
        # A 429 is waited out for its Retry-After (and a second of jitter), a few times at most.
        self._rate_limits = AsyncRateLimitErrorRetryHandler(max_retry_count=MAX_RATE_LIMIT_WAITS)
        self._locks: dict[str, asyncio.Lock] = {}
        self._soon: set[asyncio.Task[SyncReport]] = set()

    # ----------------------------------------------------------------- entry points

    async def sync(self, team_id: str | None = None) -> SyncReport:
        """One pass over every enrolling Slack workspace (or only `team_id`)."""
        report = SyncReport()
        for community in await asyncio.to_thread(self._enrolling, team_id):
            report.workspaces += 1
            try:
                listed, greeted = await self._sync_one(community)
            except SyncFailed as problem:
                log.warning(
                    "slack enrolment: workspace %s skipped: %s", community.external_id, problem
                )
                report.failed.append(community.external_id)
                continue
            report.listed += listed
            report.greeted += greeted
        if report.greeted:
            log.info(
                "slack enrolment: workspaces=%d listed=%d greeted=%d",
                report.workspaces,
                report.listed,
                report.greeted,
            )
        return report

    def sync_soon(self, team_id: str) -> None:
        """Sync one workspace in the background (after an organizer changed its enrolment)."""
        task = asyncio.get_running_loop().create_task(self.sync(team_id))
        self._soon.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[SyncReport]) -> None:
        self._soon.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("slack enrolment sync failed", exc_info=task.exception())

    async def idle(self) -> None:
        """Wait for background syncs started by `sync_soon` (tests, shutdown)."""
        while self._soon:
            await asyncio.gather(*list(self._soon), return_exceptions=True)

    async def close(self) -> None:
        """Stop background syncs (shutdown); the next start's periodic sync catches up."""
        tasks = list(self._soon)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # ----------------------------------------------------------------- one workspace

    def _enrolling(self, team_id: str | None) -> list[Community]:
        with self._db() as uow:
            return [
                c
                for c in uow.communities.all()
                if c.platform == PLATFORM
                and (team_id is None or c.external_id == team_id)
                and (c.enrollment == "all" or (c.enrollment == "channel" and c.enrollment_channel))
            ]

    def _known(self, community_id: int) -> set[str]:
        with self._db() as uow:
            return {m.external_id for m in uow.members.in_community(community_id)}

    async def _sync_one(self, community: Community) -> tuple[int, int]:
        team = community.external_id
        lock = self._locks.setdefault(team, asyncio.Lock())
        async with lock:  # the periodic sync and one after `admin enroll` never overlap
            token = await self._tokens.bot_token(team)
            if token is None:
                raise SyncFailed("no bot token (app not installed)")
            client = self._listing_client(self._client(token))
            assert community.id is not None
            known = await asyncio.to_thread(self._known, community.id)
            if community.enrollment == "all":
                senders = [
                    s async for s in self._workspace_people(client, team) if s.user_id not in known
                ]
            else:
                assert community.enrollment_channel is not None
                senders = [
                    s
                    async for s in self._channel_people(
                        client, team, community.enrollment_channel, known
                    )
                ]
            greeted = await self._inbox.enroll(senders) if senders else 0
            return len(senders), greeted

    def _listing_client(self, client: AsyncWebClient) -> AsyncWebClient:
        """The outbox's client for this token (its session and address), but waiting out
        429s itself: a listing has no outbox to retry it later."""
        return AsyncWebClient(
            token=client.token,
            base_url=client.base_url,
            session=client.session,
            retry_handlers=[self._rate_limits],
        )

    async def _workspace_people(self, client: AsyncWebClient, team: str) -> AsyncIterator[Sender]:
        async for user in self._pages(partial(client.users_list, limit=PAGE_SIZE), "members", team):
            if not isinstance(user, dict) or not is_person(user, team, guests=False):
                continue
            person = person_of(user, user["id"])
            self._people.remember(team, user["id"], person)
            yield sender_of(team, user["id"], person)

    async def _channel_people(
        self, client: AsyncWebClient, team: str, channel: str, known: set[str]
    ) -> AsyncIterator[Sender]:
        members = [
            m
            async for m in self._pages(
                partial(client.conversations_members, channel=channel, limit=PAGE_SIZE),
                "members",
                team,
            )
        ]
        for user_id in members:
            if not isinstance(user_id, str) or user_id in known or user_id == SLACKBOT:
                continue
            response = await self._call(team, partial(client.users_info, user=user_id))
            user = response.get("user") or {}
            if not is_person(user, team, guests=True):
                continue
            person = person_of(user, user_id)
            self._people.remember(team, user_id, person)
            yield sender_of(team, user_id, person)

    # ----------------------------------------------------------------- Web API

    async def _pages(
        self, first: Callable[[], Awaitable[AsyncSlackResponse]], key: str, team: str
    ) -> AsyncIterator[Any]:
        """Every `key` item of a cursor-paginated method, page after page (slack_sdk's
        paginator: the response fetches the next page while `next_cursor` is set)."""
        async with self._calling(team):
            async for page in await first():
                for item in page.get(key) or []:
                    yield item

    async def _call(self, team: str, call: Callable[[], Awaitable[Any]]) -> Any:
        """One Web API call."""
        async with self._calling(team):
            return await call()

    @contextlib.asynccontextmanager
    async def _calling(self, team: str) -> AsyncIterator[None]:
        """Web API calls for `team`: what still fails after the rate-limit waits is a
        SyncFailed (and a revoked token is forgotten)."""
        try:
            yield
        except SlackApiError as error:
            response = error.response
            status = int(getattr(response, "status_code", 0) or 0)
            data = response.data if isinstance(response.data, dict) else {}
            code = str(data.get("error") or f"http_{status}")
            if code in AUTH_ERRORS:
                self._tokens.forget(team)
            raise SyncFailed(code) from None
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise SyncFailed(type(error).__name__) from None
