"""Check-ins keep local time across DST changes, in odd offsets and half-hour DST zones."""

from __future__ import annotations

from pathlib import Path

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


def test_a_time_skipped_by_spring_forward_is_asked_at_the_end_of_the_gap(tmp_path: Path) -> None:
    lines = console_transcript(
        tmp_path,
        "ok\ndays daily\ntime 02:30\n:advance 3d\n",
        user="Ana",
        tz="America/New_York",
        at="2026-03-06T12:00",
    )
    # 02:30 does not exist on Sunday 8 March 2026: it is asked at 03:00, once.
    assert checkin_stamps(lines) == ["2026-03-07 02:30", "2026-03-08 03:00", "2026-03-09 02:30"]


def test_a_time_repeated_by_fall_back_is_asked_once(tmp_path: Path) -> None:
    lines = console_transcript(
        tmp_path,
        "ok\ndays daily\ntime 01:30\n:advance 3d\n",
        user="Ana",
        tz="America/New_York",
        at="2026-10-30T12:00",
    )
    # 01:30 happens twice on Sunday 1 November 2026 (EDT, then EST): one check-in.
    assert checkin_stamps(lines) == ["2026-10-31 01:30", "2026-11-01 01:30", "2026-11-02 01:30"]


def test_kathmandu_quarter_hour_offset(tmp_path: Path) -> None:
    lines = console_transcript(
        tmp_path, "ok\n:advance 1d\n:now\n", user="Bo", tz="Asia/Kathmandu", at="2026-03-02T08:00"
    )
    assert checkin_stamps(lines) == ["2026-03-02 09:00"]
    assert lines[-1] == "2026-03-03 08:00 +0545"


def test_lord_howe_half_hour_daylight_saving(tmp_path: Path) -> None:
    # Lord Howe moves its clocks by 30 minutes: 02:00 -> 02:30 on Sunday 4 October 2026,
    # and 02:00 -> 01:30 on Sunday 5 April 2026.
    spring = console_transcript(
        tmp_path / "spring",
        "ok\ndays daily\ntime 02:15\n:advance 3d\n",
        user="Cy",
        tz="Australia/Lord_Howe",
        at="2026-10-02T12:00",
    )
    assert checkin_stamps(spring) == ["2026-10-03 02:15", "2026-10-04 02:30", "2026-10-05 02:15"]
    autumn = console_transcript(
        tmp_path / "autumn",
        "ok\ndays daily\ntime 01:45\n:advance 3d\n",
        user="Cy",
        tz="Australia/Lord_Howe",
        at="2026-04-03T12:00",
    )
    assert checkin_stamps(autumn) == ["2026-04-04 01:45", "2026-04-05 01:45", "2026-04-06 01:45"]
