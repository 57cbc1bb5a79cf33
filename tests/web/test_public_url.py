"""ASKCOACH_PUBLIC_URL is checked at start-up: an http(s) address with a host, nothing else;
the runtime's coach puts it into the dashboard's sign-in links."""

from __future__ import annotations

import pytest

from askcoach.settings import SettingsError, load_settings


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("https://coach.example.org", "https://coach.example.org"),
        ("https://coach.example.org/", "https://coach.example.org"),
        ("http://127.0.0.1:3000/askcoach/", "http://127.0.0.1:3000/askcoach"),
        ("", None),
    ],
)
def test_a_public_address_is_kept_without_its_trailing_slash(
    monkeypatch: pytest.MonkeyPatch, raw: str, kept: str | None
) -> None:
    monkeypatch.setenv("ASKCOACH_PUBLIC_URL", raw)
    assert load_settings(env_file=None).public_url == kept


@pytest.mark.parametrize(
    "raw",
    ["coach.example.org", "javascript:alert(1)", "ftp://x.org", "https://", "https://x.org/?a=1"],
)
def test_anything_else_stops_start_up_with_the_variable_named(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("ASKCOACH_PUBLIC_URL", raw)
    with pytest.raises(SettingsError, match="ASKCOACH_PUBLIC_URL must be an http"):
        load_settings(env_file=None)
