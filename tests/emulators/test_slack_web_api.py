"""The real ``slack_sdk`` WebClient / AsyncWebClient against the Slack emulator."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from emulators.slack import (
    DEFAULT_BOT_TOKEN,
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_TEAM_ID,
    SlackEmulator,
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def client(emu: SlackEmulator, token: str = DEFAULT_BOT_TOKEN) -> WebClient:
    return WebClient(token=token, base_url=emu.base_url, retry_handlers=[])


def test_auth_test_describes_the_bot(slack_emulator: SlackEmulator) -> None:
    resp = client(slack_emulator).auth_test()
    team = slack_emulator.team()
    assert resp["ok"] is True
    assert resp["team_id"] == DEFAULT_TEAM_ID
    assert resp["user_id"] == team.bot_user_id
    assert resp["bot_id"] == team.bot_id
    assert resp["url"].startswith("https://")
    (call,) = slack_emulator.calls("auth.test")
    assert call.token == DEFAULT_BOT_TOKEN
    assert call.headers["Authorization"] == f"Bearer {DEFAULT_BOT_TOKEN}"


def test_post_message_is_recorded_with_increasing_ts(slack_emulator: SlackEmulator) -> None:
    web = client(slack_emulator)
    first = web.chat_postMessage(channel="C123", text="hello")
    second = web.chat_postMessage(channel="C123", text="again", blocks=[{"type": "divider"}])
    assert first["channel"] == "C123"
    assert first["message"]["text"] == "hello"
    assert float(first["ts"]) < float(second["ts"])
    texts = [c.params["text"] for c in slack_emulator.delivered("chat.postMessage")]
    assert texts == ["hello", "again"]
    assert slack_emulator.messages("C123")[1]["blocks"] == [{"type": "divider"}]

    web.chat_update(channel="C123", ts=first["ts"], text="edited")
    assert slack_emulator.messages("C123")[0]["text"] == "edited"
    with pytest.raises(SlackApiError) as err:
        web.chat_update(channel="C123", ts="1.000001", text="nope")
    assert err.value.response["error"] == "message_not_found"


def test_users_info_returns_configured_tz_and_dm_is_stable(slack_emulator: SlackEmulator) -> None:
    slack_emulator.add_user(
        DEFAULT_TEAM_ID, "U0ALICE", name="alice", tz="Asia/Kolkata", is_admin=True
    )
    web = client(slack_emulator)
    user = web.users_info(user="U0ALICE")["user"]
    assert user["tz"] == "Asia/Kolkata"
    assert user["tz_offset"] == 19800
    assert user["is_admin"] is True
    assert user["is_bot"] is False
    assert user["real_name"] == "Alice"

    dm = web.conversations_open(users="U0ALICE")["channel"]["id"]
    assert dm.startswith("D")
    assert web.conversations_open(users=["U0ALICE"])["channel"]["id"] == dm
    assert web.chat_postMessage(channel="U0ALICE", text="hi")["channel"] == dm
    members = web.conversations_members(channel=dm)["members"]
    assert "U0ALICE" in members
    with pytest.raises(SlackApiError) as err:
        web.users_info(user="U0NOBODY")
    assert err.value.response["error"] == "user_not_found"


def test_users_list_paginates(slack_emulator: SlackEmulator) -> None:
    for i in range(5):
        slack_emulator.add_user(DEFAULT_TEAM_ID, f"U0USER{i}")
    web = client(slack_emulator)
    ids: list[str] = []
    for page in web.users_list(limit=2):
        ids.extend(m["id"] for m in page["members"])
    assert len(ids) == 6  # five users and the bot
    assert web.team_info()["team"]["id"] == DEFAULT_TEAM_ID


def test_invalid_token_and_unknown_method(slack_emulator: SlackEmulator) -> None:
    with pytest.raises(SlackApiError) as err:
        client(slack_emulator, token="xoxb-not-a-real-token").chat_postMessage(
            channel="C1", text="x"
        )
    assert err.value.response["error"] == "invalid_auth"
    with pytest.raises(SlackApiError) as err:
        client(slack_emulator).api_call("pins.add", params={"channel": "C1"})
    assert err.value.response["error"] == "unknown_method"
    assert slack_emulator.delivered() == []


def test_queued_500_then_success(slack_emulator: SlackEmulator) -> None:
    slack_emulator.queue("chat.postMessage", status=500)
    slack_emulator.queue("chat.postMessage", json={"ok": False, "error": "channel_not_found"})
    web = client(slack_emulator)
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C1", text="one")
    assert err.value.response.status_code == 500
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C1", text="two")
    assert err.value.response["error"] == "channel_not_found"
    assert web.chat_postMessage(channel="C1", text="three")["ok"] is True
    assert [c.status for c in slack_emulator.calls("chat.postMessage")] == [500, 200, 200]
    assert [c.params["text"] for c in slack_emulator.delivered()] == ["three"]


def test_files_upload_v2_stores_the_bytes(slack_emulator: SlackEmulator) -> None:
    resp = client(slack_emulator).files_upload_v2(
        channel="D0CHART", content=PNG, filename="progress.png", title="Your week"
    )
    assert resp["file"]["title"] == "Your week"
    (uploaded,) = slack_emulator.completed_files()
    assert uploaded.data == PNG
    assert uploaded.channels == ["D0CHART"]
    assert uploaded.title == "Your week"
    assert uploaded.filename == "progress.png"


def test_views_publish_open_update(slack_emulator: SlackEmulator) -> None:
    slack_emulator.add_user(DEFAULT_TEAM_ID, "U0BOB")
    web = client(slack_emulator)
    home = web.views_publish(user_id="U0BOB", view={"type": "home", "blocks": []})["view"]
    again = web.views_publish(user_id="U0BOB", view={"type": "home", "blocks": []})["view"]
    assert home["id"] == again["id"]
    modal = {"type": "modal", "callback_id": "ask", "title": {"type": "plain_text", "text": "x"}}
    opened = web.views_open(trigger_id="trig.1", view=modal)["view"]
    assert opened["callback_id"] == "ask"
    updated = web.views_update(view_id=opened["id"], view={**modal, "callback_id": "ask2"})
    assert (
        slack_emulator.views[opened["id"]]["callback_id"]
        == "ask2"
        == updated["view"]["callback_id"]
    )


def test_oauth_v2_access_and_revoke(slack_emulator: SlackEmulator) -> None:
    code = slack_emulator.issue_oauth_code("T0NEWTEAM", team_name="New Co", user_id="U0INST")
    anonymous = WebClient(base_url=slack_emulator.base_url, retry_handlers=[])
    resp = anonymous.oauth_v2_access(
        client_id=DEFAULT_CLIENT_ID, client_secret=DEFAULT_CLIENT_SECRET, code=code
    )
    assert resp["team"] == {"id": "T0NEWTEAM", "name": "New Co"}
    assert resp["access_token"].startswith("xoxb-")
    assert resp["enterprise"] is None and resp["is_enterprise_install"] is False
    assert resp["authed_user"]["id"] == "U0INST"
    with pytest.raises(SlackApiError) as err:
        anonymous.oauth_v2_access(
            client_id=DEFAULT_CLIENT_ID, client_secret=DEFAULT_CLIENT_SECRET, code=code
        )
    assert err.value.response["error"] == "invalid_code"

    installed = client(slack_emulator, token=resp["access_token"])
    assert installed.auth_test()["team_id"] == "T0NEWTEAM"
    assert installed.auth_revoke()["revoked"] is True
    with pytest.raises(SlackApiError) as err:
        installed.auth_test()
    assert err.value.response["error"] == "token_revoked"


def test_an_uninstalled_workspace_answers_like_slack_until_it_installs_again(
    slack_emulator: SlackEmulator,
) -> None:
    slack_emulator.add_team("T0OTHER", name="Other Co")
    other = client(slack_emulator, token=slack_emulator.team("T0OTHER").bot_token)
    events = slack_emulator.uninstall(DEFAULT_TEAM_ID)

    # Slack's two event callbacks, for the workspace, naming the bot user whose token went.
    assert [e["event"]["type"] for e in events] == ["tokens_revoked", "app_uninstalled"]
    assert {e["team_id"] for e in events} == {DEFAULT_TEAM_ID}
    assert events[0]["event"]["tokens"] == {"bot": [slack_emulator.team().bot_user_id]}
    assert all(e["type"] == "event_callback" and e["event_id"] for e in events)

    # Every call with its bot token now fails the way Slack's do; other workspaces work.
    for call in (
        lambda: client(slack_emulator).auth_test(),
        lambda: client(slack_emulator).chat_postMessage(channel="C1", text="hi"),
    ):
        with pytest.raises(SlackApiError) as err:
            call()
        assert err.value.response["error"] == "account_inactive"
    assert other.chat_postMessage(channel="C1", text="hi")["ok"] is True
    slack_emulator.revoke_team("T0OTHER", error="token_revoked")
    with pytest.raises(SlackApiError) as err:
        other.auth_test()
    assert err.value.response["error"] == "token_revoked"

    # Installing again issues a new bot token; the old one stays dead.
    code = slack_emulator.issue_oauth_code(DEFAULT_TEAM_ID)
    installed = WebClient(base_url=slack_emulator.base_url, retry_handlers=[]).oauth_v2_access(
        client_id=DEFAULT_CLIENT_ID, client_secret=DEFAULT_CLIENT_SECRET, code=code
    )
    token = installed["access_token"]
    assert token != DEFAULT_BOT_TOKEN and token == slack_emulator.team().bot_token
    assert client(slack_emulator, token=token).auth_test()["team_id"] == DEFAULT_TEAM_ID
    with pytest.raises(SlackApiError):
        client(slack_emulator).auth_test()


def test_rate_limit_answers_429_with_integer_retry_after(slack_emulator: SlackEmulator) -> None:
    slack_emulator.rate_limit("chat.postMessage", per_second=1.0, burst=2)
    web = client(slack_emulator)
    web.chat_postMessage(channel="C1", text="1")
    web.chat_postMessage(channel="C2", text="2")
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C3", text="3")
    assert err.value.response.status_code == 429
    assert err.value.response["error"] == "ratelimited"
    assert err.value.response.headers["Retry-After"] == "1"
    assert len(slack_emulator.rate_limited("chat.postMessage")) == 1
    assert [c.params["text"] for c in slack_emulator.delivered()] == ["1", "2"]


def test_retry_after_override_and_queued_429(slack_emulator: SlackEmulator) -> None:
    slack_emulator.retry_after = 0
    slack_emulator.rate_limit("users.info", per_second=1.0)
    slack_emulator.queue("chat.postMessage", status=429)
    web = client(slack_emulator)
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C1", text="x")
    assert err.value.response.headers["Retry-After"] == "0"
    bot = slack_emulator.team().bot_user_id
    web.users_info(user=bot)
    with pytest.raises(SlackApiError) as err:
        web.users_info(user=bot)
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "0"
    assert len(slack_emulator.rate_limited()) == 2


def test_channel_rate_limit(slack_emulator: SlackEmulator) -> None:
    slack_emulator.channel_rate_limit(per_second=1.0)
    web = client(slack_emulator)
    web.chat_postMessage(channel="C1", text="a")
    web.chat_postMessage(channel="C2", text="b")  # another channel: its own budget
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C1", text="c")
    assert err.value.response.status_code == 429
    slack_emulator.channel_rate_limit(None)
    web.chat_postMessage(channel="C1", text="d")
    assert [c.params["text"] for c in slack_emulator.delivered()] == ["a", "b", "d"]


def test_burst_with_retry_handler_delivers_everything_once(slack_emulator: SlackEmulator) -> None:
    """200 posts from 20 threads at an allowed 100/s: 429s happen, slack_sdk's
    RateLimitErrorRetryHandler honours Retry-After, and every message arrives exactly once."""
    slack_emulator.rate_limit("chat.postMessage", per_second=100.0, burst=20)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        web = WebClient(
            token=DEFAULT_BOT_TOKEN,
            base_url=slack_emulator.base_url,
            retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=20)],
        )
        try:
            for i in range(10):
                web.chat_postMessage(channel=f"D{n:03d}", text=f"msg-{n}-{i}")
        except BaseException as exc:
            errors.append(exc)

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    elapsed = time.monotonic() - start

    assert errors == []
    texts = [c.params["text"] for c in slack_emulator.delivered()]
    assert sorted(texts) == sorted(f"msg-{n}-{i}" for n in range(20) for i in range(10))
    assert len(set(texts)) == 200
    assert slack_emulator.rate_limited("chat.postMessage"), "the burst should have been limited"
    delivered = slack_emulator.delivered()
    span = delivered[-1].time - delivered[0].time
    # 20 at once (burst) then at most 100/s: 180 more need at least ~1.8 s.
    assert span >= 1.7
    assert elapsed < 15


def test_async_web_client(slack_emulator: SlackEmulator) -> None:
    async def scenario() -> list[str]:
        web = AsyncWebClient(token=DEFAULT_BOT_TOKEN, base_url=slack_emulator.base_url)
        await web.auth_test()
        results = await asyncio.gather(
            *(web.chat_postMessage(channel="C9", text=f"async-{i}") for i in range(5))
        )
        return [r["ts"] for r in results]

    ts = asyncio.run(scenario())
    assert len(set(ts)) == 5
    assert len(slack_emulator.delivered()) == 5


def test_history_returns_metadata_newest_first_within_bounds(
    slack_emulator: SlackEmulator,
) -> None:
    slack_emulator.add_user(DEFAULT_TEAM_ID, "U0ALICE", name="alice")
    web = client(slack_emulator)
    tagged = {"event_type": "askcoach_message", "event_payload": {"key": "checkin:1:0"}}
    posted = [
        web.chat_postMessage(channel="U0ALICE", text=f"m{n}", metadata=tagged if n == 1 else None)
        for n in range(4)
    ]
    dm = posted[0]["channel"]
    assert slack_emulator.messages(dm)[1]["metadata"] == tagged

    everything = web.conversations_history(channel=dm, include_all_metadata=True)
    assert [m["text"] for m in everything["messages"]] == ["m3", "m2", "m1", "m0"]
    assert everything["messages"][2]["metadata"] == tagged
    plain = web.conversations_history(channel=dm)
    assert all("metadata" not in m for m in plain["messages"])

    ts = [p["ts"] for p in posted]
    window = web.conversations_history(channel=dm, oldest=ts[0], latest=ts[3], limit=5)
    assert [m["text"] for m in window["messages"]] == ["m2", "m1"]  # bounds excluded
    both = web.conversations_history(
        channel=dm, oldest=ts[0], latest=ts[3], inclusive=True, limit=2
    )
    assert [m["text"] for m in both["messages"]] == ["m3", "m2"]
    assert both["has_more"] is True
    with pytest.raises(SlackApiError) as err:
        web.conversations_history(channel="U0ALICE")  # a user id is not a conversation
    assert err.value.response["error"] == "channel_not_found"


def test_history_needs_the_conversation_s_history_scope(slack_emulator: SlackEmulator) -> None:
    slack_emulator.add_user(DEFAULT_TEAM_ID, "U0ALICE", name="alice")
    web = client(slack_emulator)
    dm = web.chat_postMessage(channel="U0ALICE", text="hi")["channel"]
    web.chat_postMessage(channel="C0JOB", text="digest")
    assert web.conversations_history(channel=dm)["ok"] is True  # im:history is a default scope
    with pytest.raises(SlackApiError) as err:
        web.conversations_history(channel="C0JOB")
    assert err.value.response["error"] == "missing_scope"
    assert err.value.response["needed"] == "channels:history"

    slack_emulator.set_scopes(DEFAULT_TEAM_ID, "chat:write,im:write")  # an older install
    with pytest.raises(SlackApiError) as err:
        web.conversations_history(channel=dm)
    assert err.value.response["error"] == "missing_scope"
    assert err.value.response["needed"] == "im:history"
    assert err.value.response["provided"] == "chat:write,im:write"
