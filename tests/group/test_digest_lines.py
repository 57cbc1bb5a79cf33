"""Every line of the weekly digest says only what the week's data supports."""

from __future__ import annotations

from datetime import date

from bot.group.digest import Digest, digest_text


def week(gives: int, yes_by_kind: dict[str, int]) -> Digest:
    return Digest(
        community="Job Club",
        first=date(2026, 3, 2),
        last=date(2026, 3, 8),
        specific_asks=2,
        members_asking=1,
        asks_made=2,
        said_yes=sum(yes_by_kind.values()),
        yes_by_kind=yes_by_kind,
        gives=gives,
        on_streak=0,
        days=[],
        shared=[],
    )


def test_a_week_with_no_gives_thanks_no_one_for_giving() -> None:
    text = digest_text(week(gives=0, yes_by_kind={"referral": 1}))
    assert "thank you for helping first" not in text
    assert "• No gives logged — `gave …` logs an intro or a review you gave" in text


def test_the_kinds_in_brackets_are_said_to_be_the_yeses() -> None:
    text = digest_text(week(gives=2, yes_by_kind={"referral": 1}))
    assert "• 2 specific asks by 1 member · 2 made · 1 said yes\n  (the yeses: 1 referral)" in text
    assert "• 2 gives — thank you for helping first" in text
