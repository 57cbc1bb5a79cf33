"""The gateway's adaptive workspace bucket on a fake clock: bursts, 429s, recovery, config."""

from __future__ import annotations

import pytest

from adapters.slack.gateway import Limits, TokenBucket
from askcoach.settings import SettingsError, load_settings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def send(bucket: TokenBucket, clock: FakeClock, count: int) -> None:
    """`count` sends, each as soon as the bucket allows."""
    for _ in range(count):
        while (wait := bucket.wait()) > 0:
            clock.now += wait + 1e-9
        bucket.take()
        bucket.recover()


def test_a_429_while_spending_the_burst_halves_the_burst_not_the_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(100, 20, clock)
    send(bucket, clock, 11)  # 11 at once: the saved-up burst
    bucket.block(1)
    bucket.slow_down()
    assert bucket.rate == 100 and bucket.burst == 10


def test_a_429_at_a_steady_pace_lowers_the_rate_and_recovery_stays_under_it() -> None:
    clock = FakeClock()
    bucket = TokenBucket(125, 1, clock)
    send(bucket, clock, 1000)  # 8 s at 125/s
    bucket.block(1)
    bucket.slow_down()
    assert bucket.rate == pytest.approx(112.5)
    assert bucket.limit_seen == pytest.approx(125 * TokenBucket.MARGIN)
    send(bucket, clock, 500)
    assert 120 < bucket.rate <= 125 * TokenBucket.MARGIN + 0.5  # back near it, not above


def test_nothing_is_saved_up_while_blocked() -> None:
    clock = FakeClock()
    bucket = TokenBucket(100, 10, clock)
    send(bucket, clock, 10)
    bucket.block(1.0)
    assert bucket.wait() == pytest.approx(1.0)
    clock.now += 1.0
    assert bucket.wait() == pytest.approx(0.01)  # paced from the end of the block, no burst


def _limits() -> Limits:
    return load_settings(env_file=None).slack.limits


def test_the_workspace_rate_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASKCOACH_SLACK_WORKSPACE_RATE", "90")
    assert _limits() == Limits(team_per_second=90, team_burst=180)
    monkeypatch.setenv("ASKCOACH_SLACK_WORKSPACE_BURST", "15")
    assert _limits().team_burst == 15
    monkeypatch.setenv("ASKCOACH_SLACK_WORKSPACE_RATE", "fast")
    with pytest.raises(SettingsError, match="ASKCOACH_SLACK_WORKSPACE_RATE"):
        _limits()
    monkeypatch.setenv("ASKCOACH_SLACK_WORKSPACE_RATE", "0")
    with pytest.raises(SettingsError, match="RATE must be above 0 and at most 10000"):
        _limits()
    monkeypatch.delenv("ASKCOACH_SLACK_WORKSPACE_RATE")
    monkeypatch.delenv("ASKCOACH_SLACK_WORKSPACE_BURST")
    assert _limits() == Limits()
