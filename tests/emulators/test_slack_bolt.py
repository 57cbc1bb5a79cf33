"""The real ``slack_bolt`` against the Slack emulator: signed HTTP requests and Socket Mode."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from slack_bolt import App, BoltRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from emulators.slack import (
    DEFAULT_APP_TOKEN,
    DEFAULT_BOT_TOKEN,
    DEFAULT_SIGNING_SECRET,
    DEFAULT_TEAM_ID,
    SlackEmulator,
    payloads,
)

USER = "U0CAROL"


def bolt_request(body: str, headers: dict[str, str]) -> BoltRequest:
    return BoltRequest(body=body, headers={k: [v] for k, v in headers.items()})


def make_app(emu: SlackEmulator) -> App:
    emu.add_user(DEFAULT_TEAM_ID, USER, name="carol", tz="Europe/Berlin")
    app = App(
        signing_secret=DEFAULT_SIGNING_SECRET,
        client=WebClient(token=DEFAULT_BOT_TOKEN, base_url=emu.base_url),
    )

    @app.message("")
    def on_message(message: dict[str, Any], say: Any) -> None:
        say(f"You said: {message['text']}")

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], client: WebClient) -> None:
        client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})

    @app.command("/askcoach")
    def on_command(ack: Any, command: dict[str, str]) -> None:
        ack(f"help for {command['user_id']}: {command['text']}")

    @app.action("done")
    def on_done(ack: Any, body: dict[str, Any], say: Any) -> None:
        ack()
        say(f"marked {body['actions'][0]['value']}")

    @app.view("ask_modal")
    def on_submit(ack: Any, view: dict[str, Any]) -> None:
        ack(response_action="errors", errors={"ask": view["private_metadata"]})

    return app


@pytest.fixture
def app(slack_emulator: SlackEmulator) -> App:
    return make_app(slack_emulator)


def test_sign_request_matches_slack_sdk_verifier() -> None:
    body = b'{"type":"event_callback"}'
    headers = payloads.sign_request(body, "s3cret", timestamp=int(time.time()))
    verifier = SignatureVerifier("s3cret")
    assert verifier.is_valid_request(body, headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)


def test_signed_dm_message_is_answered_with_say(app: App, slack_emulator: SlackEmulator) -> None:
    assert slack_emulator.calls("auth.test"), "App verifies its token at construction"
    body, headers = payloads.json_request(
        payloads.message_event(user_id=USER, text="hello coach", channel="D0CAROL"),
        DEFAULT_SIGNING_SECRET,
    )
    response = app.dispatch(bolt_request(body, headers))
    assert response.status == 200
    (post,) = slack_emulator.wait_for_delivered("chat.postMessage")
    assert post.params["channel"] == "D0CAROL"
    assert post.params["text"] == "You said: hello coach"


def test_bad_signature_is_rejected(app: App, slack_emulator: SlackEmulator) -> None:
    body, headers = payloads.json_request(
        payloads.message_event(user_id=USER, text="x"), "wrong-secret"
    )
    assert app.dispatch(bolt_request(body, headers)).status == 401
    assert slack_emulator.delivered() == []


def test_app_home_opened_publishes_view(app: App, slack_emulator: SlackEmulator) -> None:
    body, headers = payloads.json_request(
        payloads.app_home_opened_event(user_id=USER), DEFAULT_SIGNING_SECRET
    )
    assert app.dispatch(bolt_request(body, headers)).status == 200
    slack_emulator.wait_for_delivered("views.publish")
    assert (DEFAULT_TEAM_ID, USER) in slack_emulator.home_views


def test_slash_command_form(app: App) -> None:
    body, headers = payloads.form_request(
        payloads.slash_command(user_id=USER, text="help"), DEFAULT_SIGNING_SECRET
    )
    response = app.dispatch(bolt_request(body, headers))
    assert response.status == 200
    assert response.body == f"help for {USER}: help"


def test_block_actions_and_view_submission(app: App, slack_emulator: SlackEmulator) -> None:
    payload = payloads.block_actions_payload(user_id=USER, action_id="done", value="ask-42")
    body, headers = payloads.form_request(
        payloads.interactive_form_body(payload), DEFAULT_SIGNING_SECRET
    )
    assert app.dispatch(bolt_request(body, headers)).status == 200
    (post,) = slack_emulator.wait_for_delivered("chat.postMessage")
    assert post.params["text"] == "marked ask-42"
    assert post.params["channel"] == payload["channel"]["id"]

    values = {"ask": {"ask_text": {"type": "plain_text_input", "value": "Ask Dana for intro"}}}
    submission = payloads.view_submission_payload(
        user_id=USER, callback_id="ask_modal", values=values, private_metadata="meta-1"
    )
    body, headers = payloads.form_request(
        payloads.interactive_form_body(submission), DEFAULT_SIGNING_SECRET
    )
    response = app.dispatch(bolt_request(body, headers))
    assert response.status == 200
    assert json.loads(response.body) == {"response_action": "errors", "errors": {"ask": "meta-1"}}


@contextlib.contextmanager
def running_handler(
    app: App, emu: SlackEmulator, ping_interval: float = 10
) -> Iterator[SocketModeHandler]:
    handler = SocketModeHandler(app, DEFAULT_APP_TOKEN, ping_interval=ping_interval)
    handler.connect()  # type: ignore[no-untyped-call]
    try:
        yield handler
    finally:
        # The builtin client blocks up to 3 s in recv() when closing; dropping the connection
        # from the server side first (with reconnection off) makes the teardown immediate.
        handler.client.auto_reconnect_enabled = False
        handler.client.default_auto_reconnect_enabled = False
        emu.socket_close()
        handler.close()  # type: ignore[no-untyped-call]


@pytest.fixture
def socket_handler(app: App, slack_emulator: SlackEmulator) -> Iterator[SocketModeHandler]:
    with running_handler(app, slack_emulator) as handler:
        yield handler


def test_socket_mode_event_is_acked_and_answered(
    socket_handler: SocketModeHandler, slack_emulator: SlackEmulator
) -> None:
    slack_emulator.wait_for_socket()
    (open_call,) = slack_emulator.calls("apps.connections.open")
    assert open_call.token == DEFAULT_APP_TOKEN

    envelope_id = slack_emulator.socket_send_event(
        slack_emulator.dm_message_event(USER, "via socket")
    )
    assert slack_emulator.wait_for_ack(envelope_id) == {"envelope_id": envelope_id}
    (post,) = slack_emulator.wait_for_delivered("chat.postMessage")
    assert post.params["channel"] == slack_emulator.dm_channel(DEFAULT_TEAM_ID, USER)
    assert post.params["text"] == "You said: via socket"


def test_socket_mode_slash_command_ack_carries_payload(
    socket_handler: SocketModeHandler, slack_emulator: SlackEmulator
) -> None:
    envelope_id = slack_emulator.socket_send_slash_command(
        payloads.slash_command(user_id=USER, text="x")
    )
    ack = slack_emulator.wait_for_ack(envelope_id)
    assert ack["payload"]["text"] == f"help for {USER}: x"

    payload = payloads.block_actions_payload(user_id=USER, action_id="done", value="v1")
    envelope_id = slack_emulator.socket_send_interactive(payload)
    slack_emulator.wait_for_ack(envelope_id)
    slack_emulator.wait_for_delivered("chat.postMessage")


def test_socket_mode_reconnects_after_disconnect(
    socket_handler: SocketModeHandler, slack_emulator: SlackEmulator
) -> None:
    slack_emulator.wait_for_socket()
    slack_emulator.socket_disconnect()
    slack_emulator.wait_for_socket(count=2)
    assert len(slack_emulator.calls("apps.connections.open")) == 2

    envelope_id = slack_emulator.socket_send_event(
        payloads.message_event(user_id=USER, text="after")
    )
    slack_emulator.wait_for_ack(envelope_id)
    slack_emulator.wait_for_delivered("chat.postMessage")


def test_socket_mode_reconnects_after_server_close(app: App, slack_emulator: SlackEmulator) -> None:
    # slack_sdk's builtin client notices a dropped connection in its monitor, every ping_interval.
    with running_handler(app, slack_emulator, ping_interval=0.5):
        slack_emulator.wait_for_socket()
        slack_emulator.socket_close()
        slack_emulator.wait_for_socket(count=2)
        envelope_id = slack_emulator.socket_send_event(
            payloads.message_event(user_id=USER, text="back")
        )
        slack_emulator.wait_for_ack(envelope_id)
        (post,) = slack_emulator.wait_for_delivered("chat.postMessage")
        assert post.params["text"] == "You said: back"
