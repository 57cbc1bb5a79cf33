"""Every environment variable is read in askcoach/settings.py: one place names them all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from askcoach.cli import _default_user
from askcoach.settings import SettingsError, load_harness_settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "askcoach" / "settings.py"


def _environment_reads(path: Path) -> list[int]:
    """Lines of `path` that read os.environ or call os.getenv / os.environ.get."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
            lines.append(node.lineno)
    return lines


def test_only_the_settings_module_reads_the_environment() -> None:
    packages = ("bot", "adapters", "storage", "askcoach", "benchmarks")
    found = {
        str(path.relative_to(ROOT)): lines
        for package in packages
        for path in sorted((ROOT / package).rglob("*.py"))
        if path != SETTINGS and (lines := _environment_reads(path))
    }
    assert found == {}
    assert _environment_reads(SETTINGS)  # the check sees a read where there is one


def test_the_database_url_and_the_harness_urls_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ASKCOACH_DATABASE_URL", raising=False)
    assert load_settings(env_file=None).database_url == "sqlite:///askcoach.db"
    monkeypatch.setenv("ASKCOACH_DATABASE_URL", "sqlite:///elsewhere.db")
    assert load_settings(env_file=None).database_url == "sqlite:///elsewhere.db"
    monkeypatch.setenv("ASKCOACH_TEST_POSTGRES_URL", "postgresql://tests")
    monkeypatch.delenv("ASKCOACH_BENCH_POSTGRES_URL", raising=False)
    assert load_harness_settings().bench_postgres_url == "postgresql://tests"
    monkeypatch.setenv("ASKCOACH_BENCH_POSTGRES_URL", "postgresql://bench")
    assert load_harness_settings().bench_postgres_url == "postgresql://bench"


def test_under_sudo_the_console_greets_the_person_not_root(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    monkeypatch.setenv("SUDO_USER", "no-such-login-here")
    assert _default_user(load_settings(env_file=None).sudo_user) == "no-such-login-here"
    assert _default_user(None) != "no-such-login-here"


def test_the_tick_is_every_30_seconds_unless_set_to_a_number_of_seconds_in_bounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ASKCOACH_TICK_SECONDS", raising=False)
    assert load_settings(env_file=None).tick_seconds == 30
    monkeypatch.setenv("ASKCOACH_TICK_SECONDS", "0.5")
    assert load_settings(env_file=None).tick_seconds == 0.5
    monkeypatch.setenv("ASKCOACH_TICK_SECONDS", "soon")
    with pytest.raises(SettingsError) as refused:
        load_settings(env_file=None)
    assert str(refused.value) == "ASKCOACH_TICK_SECONDS must be a number of seconds, not 'soon'"
    monkeypatch.setenv("ASKCOACH_TICK_SECONDS", "0.01")
    with pytest.raises(SettingsError) as refused:
        load_settings(env_file=None)
    assert str(refused.value) == "ASKCOACH_TICK_SECONDS must be between 0.05 and 3600"
