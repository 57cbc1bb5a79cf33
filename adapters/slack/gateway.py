"""The outbox's door to Slack: chat.postMessage / files_upload_v2, inside Slack's limits.

Slack allows about one message per second per channel (short bursts are fine) and a budget per
workspace; beyond that it answers 429 with Retry-After. Sends wait briefly in async token
buckets (never blocking the loop); a longer wait, or a 429, becomes `RateLimited` so the outbox
keeps the message and retries it after Retry-After. Errors are sorted by what to do next.

Slack has no idempotency key, so every post carries its outbox key in message metadata. A
message whose earlier send nobody confirmed (its worker died after Slack accepted it, before
recording so) is first looked for in the conversation's recent history, and not posted again
if it is there. A normal send makes no such call. When the history can't be read yet (a 429:
apps outside the Marketplace get one call a minute; a missing scope; an error), the message
waits for the next allowed look-up (`LookupDeferred`) rather than being posted blind, until
the core marks it overdue; then it is posted and reported `Delivered.UNCHECKED`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from adapters.config import Limits
from adapters.slack.render import (
    channel_post_payload,
    chart_alt_text,
    escape_outbound,
    message_payload,
    outbox_key_of,
)
from bot.delivery import (
    Delivered,
    DeliveryError,
    LookupDeferred,
    PermanentFailure,
    RateLimited,
    TransientFailure,
)
from bot.messages import OutboundMessage
from bot.ports import UnitOfWorkFactory

log = logging.getLogger("askcoach.slack")

UNREACHABLE = frozenset(
    {
        "channel_not_found",
        "user_not_found",
        "cannot_dm_bot",
        "not_in_channel",
        "is_archived",
        "user_disabled",
        "messages_tab_disabled",
    }
)
# The workspace's bot token no longer works: the app was uninstalled (Slack then answers
# `account_inactive` or `token_revoked`), the token was revoked, or the workspace is gone.
AUTH_ERRORS = frozenset(
    {
        "account_inactive",
        "invalid_auth",
        "token_revoked",
        "not_authed",
        "token_expired",
        "team_not_found",
    }
)
TRANSIENT_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
# Looking for an unconfirmed message: one conversations.history call of at most this many
# messages (Slack's cap for apps distributed outside the Marketplace), over the span of the
# earlier send widened by the margin (our clock and Slack's may disagree a little).
HISTORY_LIMIT = 15
HISTORY_MARGIN = timedelta(minutes=1)
# A look-up refused without a Retry-After (missing scope, an error) is tried again this much later.
LOOKUP_RETRY_SECONDS = 30.0


class TokenBucket:
    """`rate` tokens per second, at most `burst` saved up; `block` empties it for a while.

    Adaptive, so the sender settles just under what Slack actually allows without being told:
    a 429 while the bucket was still spending saved-up tokens means the burst was too big (it
    is halved, the rate kept); a 429 at a steady pace means the rate was too high: it drops
    by `DECREASE` and the rate it happened at is remembered. Each success then brings the rate
    back quickly (a few per cent of the gap) to just under that remembered rate (`MARGIN`), and
    above it only slowly (`PROBE` of the ceiling per success), so Slack's limit is probed now
    and then, not hammered. Retry-After itself is honoured exactly by `block`, no more.
    """

    DECREASE = 0.9
    MARGIN = 0.97  # settle this far under the rate of a 429 that took a while to come
    FAR_MARGIN = 0.85  # ...or this far, when it came soon after sending resumed (far above)
    LONG_RUN = 5.0  # seconds of steady sending that make a 429 "took a while"
    CATCH_UP = 0.01  # share of the gap to the remembered rate closed per success
    PROBE = 0.00001  # share of the ceiling added per success above the remembered rate

    def __init__(
        self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ceiling = rate
        self.full_burst = max(1.0, burst)
        self.rate = rate
        self.burst = self.full_burst
        self._clock = clock
        self.tokens = self.burst
        self.updated = clock()
        self.blocked_until = 0.0
        self.limit_seen: float | None = None  # the rate of the last 429 at a steady pace
        self._paced_since = self.updated  # start of the current run of sends
        self._saved_at_start = self.tokens  # tokens saved up when it started
        self._taken = 0

    def wait(self) -> float:
        """Seconds until a token is available (0 when one is)."""
        now = self._clock()
        if now < self.blocked_until:  # nothing saves up while Slack asked us to wait
            self.tokens = 0.0
            self.updated = self.blocked_until
            self._restart(now, 0.0)
            return self.blocked_until - now
        saved = self.tokens + (now - self.updated) * self.rate
        self.tokens = min(self.burst, saved)
        self.updated = now
        if saved >= self.burst + 1.0:  # idle long enough to waste tokens: a new run starts
            self._restart(now, self.tokens)
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / self.rate

    def _restart(self, now: float, saved: float) -> None:
        self._paced_since = max(now, self.blocked_until)
        self._saved_at_start = saved
        self._taken = 0

    def take(self) -> None:
        self.tokens -= 1.0
        self._taken += 1

    def block(self, seconds: float) -> None:
        self.blocked_until = max(self.blocked_until, self._clock() + seconds)
        self.tokens = 0.0

    def slow_down(self) -> None:
        """After a 429: a smaller burst if saved-up tokens were being spent, else a lower rate."""
        paced = max(0.0, self._clock() - self._paced_since) * self.rate
        if self._saved_at_start >= 1.0 and self._taken > paced + 1.0:
            self.burst = max(1.0, self.burst / 2)
            return
        run = self._clock() - self._paced_since
        self.limit_seen = self.rate * (self.MARGIN if run >= self.LONG_RUN else self.FAR_MARGIN)
        self.rate = max(self.ceiling * 0.05, self.rate * self.DECREASE)

    def recover(self) -> None:
        """After a success: back quickly to just under the last 429's rate, then probe."""
        if self.rate >= self.ceiling:
            return
        known = self.ceiling if self.limit_seen is None else self.limit_seen
        if self.rate < known:
            step = max((known - self.rate) * self.CATCH_UP, self.ceiling * self.PROBE)
            self.rate = min(known, self.rate + step)
        else:
            self.rate = min(self.ceiling, self.rate + self.ceiling * self.PROBE)
        if self.rate >= self.ceiling:
            self.burst = self.full_burst

    @property
    def idle(self) -> bool:
        return self.tokens >= self.burst and self._clock() >= self.blocked_until


class TokenSource(Protocol):
    async def bot_token(self, team_id: str) -> str | None: ...
    def forget(self, team_id: str) -> None: ...


class SingleWorkspaceToken:
    """SLACK_BOT_TOKEN: one workspace, one token."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def bot_token(self, team_id: str) -> str | None:
        return self._token

    def forget(self, team_id: str) -> None:
        return None


class InstalledTokens:
    """Each workspace's bot token from the installation store, cached for a few minutes."""

    def __init__(self, store: AsyncInstallationStore, ttl: float = 300.0) -> None:
        self._store = store
        self._ttl = ttl
        self._cache: dict[str, tuple[float, str]] = {}

    async def bot_token(self, team_id: str) -> str | None:
        cached = self._cache.get(team_id)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        bot = await self._store.async_find_bot(enterprise_id=None, team_id=team_id)
        if bot is None or not bot.bot_token:
            return None
        self._cache[team_id] = (time.monotonic() + self._ttl, bot.bot_token)
        return bot.bot_token

    def forget(self, team_id: str) -> None:
        self._cache.pop(team_id, None)


class SlackGateway:
    """Delivers outbox messages to Slack members and channels."""

    def __init__(
        self,
        db: UnitOfWorkFactory,
        tokens: TokenSource,
        *,
        api_url: str | None,
        limits: Limits | None = None,
    ) -> None:
        self._db = db
        self._tokens = tokens
        self._api_url = api_url or "https://slack.com/api/"
        self.limits = limits or Limits()
        self._teams: dict[int, str] = {}
        self._clients: dict[str, AsyncWebClient] = {}
        self._dm_channels: dict[tuple[str, str], str] = {}
        self._posted: OrderedDict[str, str] = OrderedDict()  # channel posts awaiting uploads
        self._history_paused: dict[str, float] = {}  # team -> monotonic end of a history 429
        self._team_buckets: dict[str, TokenBucket] = {}
        self._channel_buckets: dict[tuple[str, str], TokenBucket] = {}
        self.session: aiohttp.ClientSession | None = None

    # ----------------------------------------------------------------- plumbing

    def client(self, token: str) -> AsyncWebClient:
        client = self._clients.get(token)
        if client is None or (self.session is not None and client.session is not self.session):
            client = AsyncWebClient(token=token, base_url=self._api_url, session=self.session)
            self._clients[token] = client
        return client

    async def _team_of(self, community_id: int) -> str:
        team = self._teams.get(community_id)
        if team is None:

            def read() -> str | None:
                with self._db() as uow:
                    community = uow.communities.get(community_id)
                    return community.external_id if community else None

            found = await asyncio.to_thread(read)
            if found is None:
                raise PermanentFailure(f"community {community_id} is gone")
            team = self._teams[community_id] = found
        return team

    def _team_bucket(self, team: str) -> TokenBucket:
        bucket = self._team_buckets.get(team)
        if bucket is None or bucket.ceiling != self.limits.team_per_second:
            bucket = TokenBucket(self.limits.team_per_second, self.limits.team_burst)
            self._team_buckets[team] = bucket
        return bucket

    async def _acquire(self, team: str, channel: str) -> None:
        limits = self.limits
        team_bucket = self._team_bucket(team)
        key = (team, channel)
        channel_bucket = self._channel_buckets.get(key)
        if channel_bucket is None:
            if len(self._channel_buckets) > 10_000:
                for old in [k for k, b in self._channel_buckets.items() if b.idle]:
                    del self._channel_buckets[old]
            channel_bucket = TokenBucket(limits.channel_per_second, limits.channel_burst)
            self._channel_buckets[key] = channel_bucket
        while True:
            wait = max(team_bucket.wait(), channel_bucket.wait())
            if wait <= 0:
                team_bucket.take()
                channel_bucket.take()
                return
            if wait > limits.max_wait:
                raise RateLimited(wait, "waiting for Slack's rate limit")
            await asyncio.sleep(wait)

    def _failure(self, error: SlackApiError, team: str, is_dm: bool) -> Exception:
        response = error.response
        status = int(getattr(response, "status_code", 0) or 0)
        data = response.data if isinstance(response.data, dict) else {}
        code = str(data.get("error") or f"http_{status}")
        if status == 429 or code == "ratelimited":
            headers = getattr(response, "headers", {}) or {}
            try:
                retry_after = float(headers.get("Retry-After") or 1)
            except ValueError:
                retry_after = 1.0
            bucket = self._team_bucket(team)
            bucket.block(retry_after)
            bucket.slow_down()
            return RateLimited(retry_after, f"slack: ratelimited, retry after {retry_after:g}s")
        if status >= 500 or code in TRANSIENT_ERRORS:
            return TransientFailure(f"slack: {code}")
        if code in AUTH_ERRORS:
            self._tokens.forget(team)
            return PermanentFailure(f"slack: {code} (workspace {team})", community_unreachable=True)
        if code in UNREACHABLE:
            return PermanentFailure(f"slack: {code}", member_unreachable=is_dm)
        return PermanentFailure(f"slack: {code}")

    async def _call(self, team: str, is_dm: bool, call: Callable[[], Awaitable[Any]]) -> Any:
        try:
            return await call()
        except SlackApiError as error:
            raise self._failure(error, team, is_dm) from None
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise TransientFailure(f"slack: {type(error).__name__}") from None

    # ----------------------------------------------------------------- the door

    async def send(self, message: OutboundMessage) -> Delivered | None:
        """Post one message (or upload its attachment) as the workspace's bot."""
        team = await self._team_of(message.community_id)
        target = message.channel or message.recipient
        if not target:
            raise PermanentFailure("message has neither a channel nor a recipient")
        token = await self._tokens.bot_token(team)
        if token is None:  # uninstalled (its installation was deleted), or never installed
            raise PermanentFailure(
                f"slack: no installation for workspace {team}", community_unreachable=True
            )
        try:
            return await self._send_as(self.client(token), team, target, message)
        except PermanentFailure as failure:
            if failure.community_unreachable:
                await self._confirm_gone(team, token, failure)
            raise

    async def _confirm_gone(self, team: str, token: str, failure: PermanentFailure) -> None:
        """The token was refused: the workspace is gone, unless it was installed again since
        this process cached the token (another process handled the reinstall): then the
        message is retried with the new one."""
        fresh = await self._tokens.bot_token(team)  # `_failure` forgot the cached token
        if fresh is not None and fresh != token:
            raise TransientFailure(f"slack: workspace {team} was installed again") from failure
        log.warning(
            "%s: askcoach was uninstalled from that workspace or its bot token revoked; its "
            "check-ins are stopped until it is installed again (with SLACK_BOT_TOKEN: set the "
            "new install's token and restart)",
            failure,
        )

    async def _send_as(
        self, client: AsyncWebClient, team: str, target: str, message: OutboundMessage
    ) -> Delivered | None:
        is_dm = message.channel is None
        if not is_dm:
            outcome = await self._post_to_channel(client, team, target, message)
            self._team_bucket(team).recover()
            return outcome
        outcome = None
        if message.attachment is None:
            earlier, checked = await self._earlier_post(client, team, target, message)
            if earlier is not None:
                return Delivered.FOUND
            if not checked:
                outcome = Delivered.UNCHECKED
        elif message.unconfirmed_send is not None:
            # A file upload carries no metadata, so a chart in a DM can't be looked for.
            outcome = Delivered.UNCHECKED
        await self._acquire(team, target)
        if message.attachment is not None:
            channel = await self._conversation(client, team, target, is_dm)
            await self._upload(
                client,
                team,
                channel,
                message,
                is_dm=is_dm,
                title=message.attachment_name or "askcoach",
                comment=escape_outbound(message.text),
            )
        else:
            payload = message_payload(message)
            await self._call(
                team,
                is_dm,
                lambda: client.chat_postMessage(
                    channel=target, unfurl_links=False, unfurl_media=False, **payload
                ),
            )
        self._team_bucket(team).recover()
        return outcome

    async def _post_to_channel(
        self, client: AsyncWebClient, team: str, channel: str, message: OutboundMessage
    ) -> Delivered | None:
        """A channel post (the weekly digest) as Block Kit, then its chart as a file in the
        same channel right after it. Two calls, one outbox message: when the post went out but
        the upload failed (429, a 5xx), the retry only uploads — the post is remembered by the
        message's key in this process, and found in the channel's history by another after a
        crash when the token may read it (`channels:history` / `groups:history`); otherwise a
        crash in between can repeat the post, never lose it."""
        key = message.key or f"outbox:{message.id}"
        outcome = None
        if key not in self._posted:
            ts, checked = await self._earlier_post(client, team, channel, message)
            if ts is not None:
                outcome = Delivered.FOUND
            elif not checked:
                outcome = Delivered.UNCHECKED
            if ts is None:
                await self._acquire(team, channel)
                payload = channel_post_payload(message)
                response = await self._call(
                    team,
                    False,
                    lambda: client.chat_postMessage(
                        channel=channel, unfurl_links=False, unfurl_media=False, **payload
                    ),
                )
                ts = str(response.get("ts") or "")
            if message.attachment is None:
                return outcome
            self._posted[key] = ts
            while len(self._posted) > 1000:
                self._posted.popitem(last=False)
        if message.attachment is not None:
            await self._acquire(team, channel)
            name = message.attachment_name or "askcoach.png"
            await self._upload(
                client,
                team,
                channel,
                message,
                is_dm=False,
                title=name.rsplit(".", 1)[0].replace("-", " ").capitalize(),
                alt_text=chart_alt_text(message),
            )
        self._posted.pop(key, None)
        return outcome

    async def _upload(
        self,
        client: AsyncWebClient,
        team: str,
        channel: str,
        message: OutboundMessage,
        *,
        is_dm: bool,
        title: str,
        comment: str | None = None,
        alt_text: str | None = None,
    ) -> None:
        """The message's attachment as a file in `channel` (a DM's file carries the text as
        its comment; a channel's chart follows its post and has alt text instead)."""
        await self._call(
            team,
            is_dm,
            lambda: client.files_upload_v2(
                channel=channel,
                content=message.attachment,
                filename=message.attachment_name or "askcoach.png",
                title=title,
                initial_comment=comment,
                alt_txt=alt_text,
            ),
        )

    async def _earlier_post(
        self, client: AsyncWebClient, team: str, target: str, message: OutboundMessage
    ) -> tuple[str | None, bool]:
        """(ts, checked): the ts of this message in its conversation if an earlier,
        unconfirmed send got it to Slack (None to post it), and whether that is known. Only
        a message claimed `unconfirmed_send` is looked for: one `conversations.history` call
        over the span of that earlier send, matching the key in the messages' metadata. When
        the history can't be read (429, missing scope, an error), LookupDeferred until the
        next allowed look-up; once the core marks the message overdue, (None, False): a
        possible duplicate is better than a message that never arrives."""
        earlier = message.unconfirmed_send
        if earlier is None or not message.key:
            return None, True
        paused = self._history_paused.get(team, 0.0) - time.monotonic()
        reason = f"conversations.history: rate limited for {paused:.0f}s more"
        wait = paused
        if paused <= 0:
            try:
                channel = await self._conversation(client, team, target, message.channel is None)
                response = await client.conversations_history(
                    channel=channel,
                    oldest=_slack_ts(earlier.since - HISTORY_MARGIN),
                    latest=_slack_ts(earlier.until + HISTORY_MARGIN),
                    inclusive=True,
                    include_all_metadata=True,
                    limit=HISTORY_LIMIT,
                )
            except DeliveryError as failure:  # conversations.open, sorted by `_call`
                reason, wait = str(failure), LOOKUP_RETRY_SECONDS
            except SlackApiError as error:
                reason, wait = self._history_failure(error, team)
            except (aiohttp.ClientError, TimeoutError, OSError) as error:
                reason, wait = type(error).__name__, LOOKUP_RETRY_SECONDS
            else:
                for posted in response.get("messages") or []:
                    if outbox_key_of(posted) == message.key:
                        log.info(
                            "slack: %s was already posted (ts %s) by a worker that stopped "
                            "before recording it; not posting it again",
                            message.key,
                            posted.get("ts"),
                        )
                        return str(posted.get("ts") or ""), True
                return None, True
        if not earlier.overdue:
            log.info(
                "slack: %s may have been posted by a worker that stopped (%s); it waits %.0fs "
                "for a look-up",
                message.key,
                reason,
                wait,
            )
            raise LookupDeferred(wait, f"slack: {reason}; waiting to look {message.key} up")
        log.warning(
            "slack: could not check whether %s was already posted before a worker stopped "
            "(%s) and it has waited long enough; posting it, so it may arrive twice",
            message.key,
            reason,
        )
        return None, False

    def _history_failure(self, error: SlackApiError, team: str) -> tuple[str, float]:
        """Why the history could not be read, and when to try again; after a 429, no more
        look-ups in that workspace until Retry-After."""
        response = error.response
        data = response.data if isinstance(response.data, dict) else {}
        code = str(data.get("error") or f"http_{response.status_code}")
        wait = LOOKUP_RETRY_SECONDS
        if response.status_code == 429 or code == "ratelimited":
            try:
                wait = float((response.headers or {}).get("Retry-After") or 1)
            except ValueError:
                wait = 1.0
            self._history_paused[team] = time.monotonic() + wait
            code = f"ratelimited, retry after {wait:g}s"
        elif code == "missing_scope":
            code = f"missing_scope {data.get('needed') or ''}".strip()
        return f"conversations.history: {code}", wait

    async def _conversation(
        self, client: AsyncWebClient, team: str, target: str, is_dm: bool
    ) -> str:
        """A channel id for uploads: a member's DM channel via conversations.open (cached)."""
        if not is_dm:
            return target
        key = (team, target)
        if key not in self._dm_channels:
            response = await self._call(team, True, lambda: client.conversations_open(users=target))
            self._dm_channels[key] = str(response["channel"]["id"])
        return self._dm_channels[key]

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None
        self._clients.clear()


def _slack_ts(instant: datetime) -> str:
    """An instant as a Slack message timestamp (seconds.microseconds)."""
    return f"{instant.timestamp():.6f}"
