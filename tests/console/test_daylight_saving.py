"""Check-ins keep local time across DST changes, in odd offsets and half-hour DST zones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.console import checkin_stamps, console_transcript


def test_new_york_spring_forward_keeps_nine_oclock(tmp_path: Path) -> None:
    lines = console_transcript(
        tmp_path, "ok\n:advance 7d\n", user="Ana", tz="America/New_York", at="2026-03-05T08:00"
    )
    # Thu 5, Fri 6, (weekend with the change on Sunday 8), Mon 9 ... Thu 12: always 09:00.
    # Seven days of 24 hours end at 09:00 EDT on Thursday 12, so that one is included.
    assert checkin_stamps(lines) == [
        "2026-03-05 09:00",
        "2026-03-06 09:00",
        "2026-03-09 09:00",
        "2026-03-10 09:00",
        "2026-03-11 09:00",
        "2026-03-12 09:00",
    ]


def test_new_york_fall_back_keeps_nine_oclock(tmp_path: Path) -> None:
    lines = console_transcript(
        tmp_path, "ok\n:advance 4d\n", user="Ana", tz="America/New_York", at="2026-10-30T08:00"
    )
    # Four days of 24 hours end at 07:00 EST on Tuesday 3 November.
    assert checkin_stamps(lines) == ["2026-10-30 09:00", "2026-11-02 09:00"]


NEW_YORK, LORD_HOWE = "America/New_York", "Australia/Lord_Howe"


@pytest.mark.parametrize(
    ("tz", "at", "hhmm", "stamps"),
    [
        # 02:30 does not exist on Sunday 8 March 2026: it is asked at 03:00, once.
        (NEW_YORK, "2026-03-06T12:00", "02:30", ["03-07 02:30", "03-08 03:00", "03-09 02:30"]),
        # 01:30 happens twice on Sunday 1 November 2026 (EDT, then EST): one check-in.
        (NEW_YORK, "2026-10-30T12:00", "01:30", ["10-31 01:30", "11-01 01:30", "11-02 01:30"]),
        # Lord Howe moves its clocks by 30 minutes: 02:00 -> 02:30 on Sunday 4 October 2026,
        (LORD_HOWE, "2026-10-02T12:00", "02:15", ["10-03 02:15", "10-04 02:30", "10-05 02:15"]),
        # and 02:00 -> 01:30 on Sunday 5 April 2026.
        (LORD_HOWE, "2026-04-03T12:00", "01:45", ["04-04 01:45", "04-05 01:45", "04-06 01:45"]),
    ],
    ids=[
        "new-york-skipped-by-spring-forward-asked-at-the-end-of-the-gap",
        "new-york-repeated-by-fall-back-asked-once",
        "lord-howe-half-hour-spring-forward",
        "lord-howe-half-hour-fall-back",
    ],
)
def test_a_daily_time_that_daylight_saving_skips_or_repeats(
    tmp_path: Path, tz: str, at: str, hhmm: str, stamps: list[str]
) -> None:
    lines = console_transcript(
        tmp_path, f"ok\ndays daily\ntime {hhmm}\n:advance 3d\n", user="Ana", tz=tz, at=at
    )
    assert checkin_stamps(lines) == [f"2026-{stamp}" for stamp in stamps]


def test_kathmandu_quarter_hour_offset(tmp_path: Path) -> None:
    lines = console_transcript(
        tmp_path, "ok\n:advance 1d\n:now\n", user="Bo", tz="Asia/Kathmandu", at="2026-03-02T08:00"
    )
    assert checkin_stamps(lines) == ["2026-03-02 09:00"]
    assert lines[-1] == "2026-03-03 08:00 +0545"
