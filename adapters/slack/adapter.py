"""The Slack door: bolt's AsyncApp on the runtime's loop, over HTTP and/or Socket Mode.

Slack payloads become core events in `adapters/slack/translate.py` (pure functions, tested
against recorded payloads); the listeners here only acknowledge and call:
- a DM (also with a file attached), `/askcoach <words>`, a choice button, the log-an-ask form
  -> Inbox.receive(InboundMessage), with the member's name, timezone and admin flag
- a button no version of the coach knows -> acknowledged, with a short ephemeral note
- `app_home_opened`                      -> greet (first contact) + views.publish of the week
- `app_uninstalled`, `tokens_revoked` (bot) -> the workspace's stored tokens deleted (bolt's
  built-in revocation listeners, OAuth only) + Coach.community_removed
- an OAuth install (or reinstall)          -> Coach.community_restored
- anything else Slack signs               -> acknowledged (2xx), nothing changes
Slack retries and replays carry the same event id; the core's event log answers them once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.oauth.async_callback_options import (
    AsyncCallbackOptions,
    AsyncFailureArgs,
    AsyncSuccessArgs,
)
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from adapters.base import PeriodicJob, SettingsError, Storage
from adapters.config import Limits, SlackConfig
from adapters.slack.enrolment import EnrolmentSync
from adapters.slack.gateway import (
    InstalledTokens,
    SingleWorkspaceToken,
    SlackGateway,
    TokenSource,
)
from adapters.slack.installations import (
    DatabaseStateStore,
    EncryptedInstallationStore,
    TokenCipher,
)
from adapters.slack.people import PLATFORM, PeopleDirectory
from adapters.slack.render import (
    LOG_ASK_ACTION,
    LOG_ASK_CALLBACK,
    answered_blocks,
    escape,
    home_view,
    log_ask_modal,
)
from adapters.slack.translate import (
    choice_press,
    direct_message,
    log_ask_form,
    pressed_message,
    slash_command,
)
from bot.inbox import Inbox
from bot.messages import STALE_BUTTON, InboundMessage, Sender

log = logging.getLogger("askcoach.slack")

EVENTS_PATH = "/slack/events"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
BOT_SCOPES = (
    "chat:write",
    "im:history",
    "im:read",
    "im:write",
    "users:read",
    "commands",
    "files:write",
    "channels:read",
    "groups:read",
)
_LOG_WORDS = {"log", "log ask", "log an ask", "form"}
_ANYTHING = re.compile(".*", re.DOTALL)
SIGNATURE_WINDOW = 5 * 60  # seconds: Slack's replay window


def signed_by_slack(
    secret: str, body: bytes, headers: Mapping[str, str], now: float | None = None
) -> bool:
    """Whether Slack signed these exact bytes within the last five minutes. Computed on the
    raw body, before anything parses it: any bytes, any header values, never an exception.
    (slack_sdk's SignatureVerifier decodes the body as UTF-8 and the timestamp as an integer
    first, and raises on a forged request that has neither.)"""
    lowered = {k.lower(): v for k, v in headers.items()}
    timestamp = lowered.get("x-slack-request-timestamp", "")
    signature = lowered.get("x-slack-signature", "")
    if not (timestamp.isascii() and timestamp.isdecimal()) or len(timestamp) > 12:
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > SIGNATURE_WINDOW:
        return False
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    expected = "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", "replace"))


class BadRequest(ValueError):
    """A signed request whose body is not a Slack payload."""


def check_payload(body: bytes, content_type: str) -> str:
    """The body as text if it looks like a Slack request; BadRequest otherwise."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("body is not UTF-8") from None
    if content_type == "application/json":
        try:
            data = json.loads(text)
        except ValueError:
            raise BadRequest("body is not JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            raise BadRequest("JSON body without a type")
        return text
    fields = parse_qs(text, keep_blank_values=True)
    if "payload" in fields:
        try:
            payload = json.loads(fields["payload"][0])
        except ValueError:
            raise BadRequest("interactivity payload is not JSON") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("type"), str):
            raise BadRequest("interactivity payload without a type")
        return text
    if "command" in fields or "ssl_check" in fields:
        return text
    raise BadRequest("not a Slack event, command or interaction")


class SlackAdapter:
    """Implements adapters.base.PlatformAdapter for Slack."""

    name = PLATFORM

    def __init__(
        self,
        config: SlackConfig,
        inbox: Inbox,
        db: Storage,
        *,
        encryption_key: str | None = None,
        limits: Limits | None = None,
        socket_ping_interval: float = 10.0,
        enrolment_period: float | None = None,
    ) -> None:
        self.inbox = inbox
        self.db = db
        self.config = config
        self.api_url = config.api_url or "https://slack.com/api/"
        self.people = PeopleDirectory()
        self._ping_interval = socket_ping_interval
        self._signing_secret = config.signing_secret
        self._socket: AsyncSocketModeHandler | None = None
        self._started = False

        client = AsyncWebClient(base_url=self.api_url, token=config.bot_token)
        tokens: TokenSource
        self.installation_store: EncryptedInstallationStore | None = None
        if config.client_id:
            if not (config.client_secret and config.signing_secret):
                raise SettingsError(
                    "Slack OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and "
                    "SLACK_SIGNING_SECRET"
                )
            cipher = TokenCipher(encryption_key or config.encryption_key)
            self.installation_store = EncryptedInstallationStore(
                config.client_id, db.engine, cipher
            )
            oauth = AsyncOAuthSettings(
                client_id=config.client_id,
                client_secret=config.client_secret,
                scopes=list(BOT_SCOPES),
                install_path=INSTALL_PATH,
                redirect_uri_path=REDIRECT_PATH,
                installation_store=self.installation_store,
                installation_store_bot_only=True,
                state_store=DatabaseStateStore(db.engine),
                callback_options=AsyncCallbackOptions(
                    success=self._on_installed, failure=_default_failure
                ),
                logger=log,
            )
            self.bolt = AsyncApp(
                client=client,
                signing_secret=config.signing_secret,
                oauth_settings=oauth,
                installation_store_bot_only=True,
                logger=log,
            )
            tokens = InstalledTokens(self.installation_store)
        elif config.bot_token:
            if not (config.app_token or config.signing_secret):
                raise SettingsError(
                    "SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET "
                    "(HTTP requests to /slack/events)"
                )
            self.bolt = AsyncApp(
                client=client,  # carries SLACK_BOT_TOKEN
                signing_secret=config.signing_secret or "socket-mode-unsigned",
                request_verification_enabled=bool(config.signing_secret),
                logger=log,
            )
            tokens = SingleWorkspaceToken(config.bot_token)
        else:
            raise SettingsError("Slack needs SLACK_BOT_TOKEN or SLACK_CLIENT_ID")
        self.tokens = tokens
        self._gone: set[str] = set()  # workspaces whose uninstall was reported (this process)
        self.gateway = SlackGateway(
            db, tokens, api_url=self.api_url, limits=limits or config.limits
        )
        self.enrolment = EnrolmentSync(
            db,
            tokens,
            self.gateway.client,
            inbox,
            self.people,
            period=config.enrolment_seconds if enrolment_period is None else enrolment_period,
        )
        # the core says when an organizer changed who is enrolled: list that workspace now
        inbox.on_enrolment_changed(PLATFORM, self.enrolment.sync_soon)
        self._register(self.bolt)

    # ----------------------------------------------------------------- lifecycle

    def routes(self) -> list[web.RouteDef]:
        routes: list[web.RouteDef] = []
        if self._signing_secret:
            routes.append(web.post(EVENTS_PATH, self._handle_events))
        if self.installation_store is not None:
            routes.append(web.get(INSTALL_PATH, self._handle_oauth))
            routes.append(web.get(REDIRECT_PATH, self._handle_oauth))
        return routes

    async def start(self) -> None:
        self.gateway.session = aiohttp.ClientSession()
        if self.config.app_token:
            self._socket = AsyncSocketModeHandler(
                self.bolt, self.config.app_token, ping_interval=self._ping_interval
            )
            await self._socket.connect_async()  # type: ignore[no-untyped-call]
        self._started = True
        log.info("slack: started (socket mode: %s)", self._socket is not None)

    def periodic_jobs(self) -> list[PeriodicJob]:
        """For the runtime's scheduler: the enrolment sync (`admin enroll all|channel`)."""
        return [PeriodicJob("slack-enrolment", self.enrolment.period, self.enrolment.sync)]

    async def stop(self) -> None:
        self._started = False
        await self.enrolment.close()
        if self._socket is not None:
            socket, self._socket = self._socket, None
            await socket.close_async()  # type: ignore[no-untyped-call]
        await self.gateway.close()

    def connected(self) -> bool:
        if not self._started:
            return False
        if self._socket is None:
            return True
        client = self._socket.client
        session = client.current_session
        return not client.closed and session is not None and not session.closed

    # ----------------------------------------------------------------- HTTP

    async def _handle_events(self, request: web.Request) -> web.Response:
        """Signature first, on the raw bytes; then the shape; then bolt. A forged or stale
        request gets 401 and a malformed signed one 400, each logged in one line; every signed
        request Slack may send gets a 2xx, handled or not (Slack shows the member an error
        and retries otherwise)."""
        body = await request.read()
        assert self._signing_secret is not None
        if not signed_by_slack(self._signing_secret, body, request.headers):
            return web.Response(status=401, text="invalid signature")
        try:
            text = check_payload(body, request.content_type)
        except BadRequest as problem:
            log.warning("slack: rejected a malformed request: %s", problem)
            return web.Response(status=400, text="malformed request")
        bolt_request = AsyncBoltRequest(
            body=text,
            query=request.query_string,
            headers={k.lower(): v for k, v in request.headers.items()},
        )
        response = await self.bolt.async_dispatch(bolt_request)
        if response.status == 404:  # signed, but nothing here handles it (unsubscribed kinds)
            return web.Response(status=200)
        return await to_aiohttp_response(response)

    async def _handle_oauth(self, request: web.Request) -> web.Response:
        flow = self.bolt.oauth_flow
        if flow is None:
            return web.Response(status=404)
        bolt_request = AsyncBoltRequest(
            body="",
            query=request.query_string,
            headers={k.lower(): v for k, v in request.headers.items()},
        )
        if request.path == INSTALL_PATH:
            response = await flow.handle_installation(bolt_request)
        else:
            response = await flow.handle_callback(bolt_request)
        return await to_aiohttp_response(response)

    # ----------------------------------------------------------------- listeners

    def _register(self, app: AsyncApp) -> None:
        app.event("message")(self._on_message)
        app.event("app_home_opened")(self._on_home_opened)
        app.command("/askcoach")(self._on_command)
        app.action(LOG_ASK_ACTION)(self._on_open_log_ask)
        app.action(_ANYTHING)(self._on_choice)  # the choice buttons, and stale ones
        app.shortcut(LOG_ASK_CALLBACK)(self._on_open_log_ask)
        app.view(LOG_ASK_CALLBACK)(self._on_log_ask_submitted)
        app.event("app_uninstalled")(self._on_app_uninstalled)
        app.event("tokens_revoked")(self._on_tokens_revoked)
        # Everything else Slack may sign (events not subscribed, shortcuts, forms and
        # commands of other versions) is acknowledged and changes nothing.
        app.event(_ANYTHING)(self._on_other_event)
        app.command(_ANYTHING)(self._on_other)
        app.shortcut(_ANYTHING)(self._on_other)
        app.view(_ANYTHING)(self._on_other)
        app.view_closed(_ANYTHING)(self._on_other)
        app.options(_ANYTHING)(self._on_other)

    async def _on_other_event(self) -> None:
        return None  # bolt acknowledges events itself

    async def _on_other(self, ack: Any) -> None:
        await ack()

    async def _sender(self, client: AsyncWebClient, event: InboundMessage) -> InboundMessage:
        """The translated event with the member's name, timezone and admin flag filled in."""
        stub = event.sender
        sender = await self.people.sender(client, stub.community_id, stub.user_id)
        return replace(event, sender=sender)

    async def _on_message(self, body: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        event = direct_message(body, context.get("bot_user_id"), context.get("team_id"))
        if event is None:
            return
        await self.inbox.receive(await self._sender(client, event))

    async def _on_home_opened(
        self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        user = event.get("user")
        team = str(body.get("team_id") or context.get("team_id") or "")
        if not isinstance(user, str) or not team:
            return
        sender = await self.people.sender(client, team, user)
        await self.inbox.greet(sender)
        if event.get("tab", "home") == "home":
            await self.publish_home(client, sender)

    async def publish_home(self, client: AsyncWebClient, sender: Sender) -> None:
        week = await asyncio.to_thread(self.inbox.coach.home, sender)
        is_admin = sender.is_admin or (week is not None and week.role in ("admin", "coach"))
        await client.views_publish(user_id=sender.user_id, view=home_view(week, is_admin=is_admin))

    async def _on_command(
        self, ack: Any, command: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        event = slash_command(command, context.get("team_id"))
        if event is None:
            await ack()
            return
        if event.text.lower() in _LOG_WORDS:
            await ack()
            await self._open_log_ask(client, command.get("trigger_id"))
            return
        await ack(text="Replied in our DM.", response_type="ephemeral")
        await self.inbox.receive(await self._sender(client, event))

    async def _on_choice(
        self,
        ack: Any,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        respond: Any,
        context: Any,
    ) -> None:
        await ack()
        event = choice_press(body, context.get("team_id"))
        if event is None:  # a button of an older version, or of a message we no longer know
            if body.get("response_url"):
                with contextlib.suppress(Exception):  # a note, not worth an error
                    await respond(
                        text=STALE_BUTTON, response_type="ephemeral", replace_original=False
                    )
            return
        channel, message_ts = pressed_message(body)
        label = str((action.get("text") or {}).get("text") or event.text)
        if channel and message_ts:
            try:
                await client.chat_update(
                    channel=channel,
                    ts=message_ts,
                    text=f"You chose: {escape(label)}",
                    blocks=answered_blocks(body.get("message") or {}, label),
                )
            except Exception as error:  # the press still counts; the buttons just stay
                log.warning("slack: could not update a pressed message: %s", error)
        await self.inbox.receive(await self._sender(client, event))

    async def _on_open_log_ask(
        self, ack: Any, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        await self._open_log_ask(client, body.get("trigger_id"))

    async def _open_log_ask(self, client: AsyncWebClient, trigger_id: Any) -> None:
        if isinstance(trigger_id, str) and trigger_id:
            await client.views_open(trigger_id=trigger_id, view=log_ask_modal())

    async def _on_log_ask_submitted(
        self, ack: Any, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        event, errors = log_ask_form(body, context.get("team_id"))
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        if event is not None:
            await self.inbox.receive(await self._sender(client, event))

    # ----------------------------------------------------------------- install and uninstall

    async def _on_app_uninstalled(self, body: dict[str, Any], context: AsyncBoltContext) -> None:
        if self.installation_store is not None:
            await self.bolt.default_app_uninstalled_event_listener()(context=context)
        await self._workspace_gone(_team_of(body, context), "uninstalled askcoach")

    async def _on_tokens_revoked(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        bot_revoked = bool((event.get("tokens") or {}).get("bot"))
        if self.installation_store is not None:
            if bot_revoked:  # askcoach is bot-only: without its bot token the install is dead
                await self.bolt.default_app_uninstalled_event_listener()(context=context)
            else:  # user tokens only: delete those users' installations, keep the bot
                await self.bolt.default_tokens_revoked_event_listener()(
                    event=event, context=context
                )
        if bot_revoked:
            await self._workspace_gone(_team_of(body, context), "revoked askcoach's bot token")

    async def _workspace_gone(self, team: str, what: str) -> None:
        """Stop the workspace's work; its members' data stays for a reinstall."""
        if not team:
            return
        self.tokens.forget(team)
        stopped = await self.inbox.community_removed(PLATFORM, team, f"slack: workspace {what}")
        members, messages = (stopped.members, stopped.messages) if stopped else (0, 0)
        if team in self._gone and not (members or messages):
            # Slack sends app_uninstalled and tokens_revoked (in either order), and retries.
            log.info("slack: workspace %s %s (its work was already stopped)", team, what)
            return
        self._gone.add(team)
        if self.installation_store is None:
            log.warning(
                "slack: workspace %s %s. SLACK_BOT_TOKEN no longer works there and askcoach "
                "cannot delete it from the environment: remove it, or reinstall the app and set "
                "the new bot token, then restart. Check-ins stopped for %d members, %d waiting "
                "messages dropped; each member's check-ins resume when they write to the coach.",
                team,
                what,
                members,
                messages,
            )
        else:
            log.info(
                "slack: workspace %s %s: its stored tokens are deleted, check-ins stopped for %d "
                "members, %d waiting messages dropped; installing again (%s) resumes them",
                team,
                what,
                members,
                messages,
                INSTALL_PATH,
            )

    async def _on_installed(self, args: AsyncSuccessArgs) -> BoltResponse:
        """An OAuth install (or reinstall) was stored: resume the workspace's paused members."""
        team = args.installation.team_id
        if team:
            self.tokens.forget(team)  # a reinstall comes with a new token
            self._gone.discard(team)
            try:
                resumed = await self.inbox.community_restored(PLATFORM, team)
            except Exception:  # the install itself succeeded; members resume as they write
                log.exception("slack: workspace %s installed, but resuming check-ins failed", team)
            else:
                if resumed:
                    log.info(
                        "slack: workspace %s installed again: %d members resumed", team, resumed
                    )
        return await args.default.success(args)


async def _default_failure(args: AsyncFailureArgs) -> BoltResponse:
    return await args.default.failure(args)


def _team_of(body: dict[str, Any], context: AsyncBoltContext) -> str:
    return str(context.team_id or body.get("team_id") or "")


def build_slack_adapter(config: SlackConfig, inbox: Inbox, db: Storage) -> SlackAdapter:
    """The runtime's factory: Socket Mode, HTTP or OAuth, from the environment."""
    return SlackAdapter(config, inbox, db)
