"""deploy/.env.example names every variable of the README's configuration table plus the
operational ones, each explained by a comment, with no real secret in it."""

from __future__ import annotations

import re

from askcoach.observability import _SECRET
from tests.deploy.conftest import DEPLOY, ROOT

EXAMPLE = DEPLOY / ".env.example"
EXTRA = {"ASKCOACH_ENCRYPTION_KEY", "ASKCOACH_LOG_FORMAT", "ASKCOACH_DISPATCH"}


def _readme_variables() -> set[str]:
    text = (ROOT / "README.md").read_text()
    table = text.split("| variable | meaning |", 1)[1].split("\n\n", 1)[0]
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))


def _assignments() -> dict[str, tuple[str, bool]]:
    """NAME -> (value, whether its group of lines (between blank lines) has a comment)."""
    found: dict[str, tuple[str, bool]] = {}
    for group in EXAMPLE.read_text().split("\n\n"):
        lines = group.strip().splitlines()
        commented = any(line.startswith("#") for line in lines)
        for line in lines:
            if line.startswith("#") or "=" not in line:
                continue
            name, _, value = line.partition("=")
            found[name.strip()] = (value.strip(), commented)
    return found


def test_every_documented_variable_is_in_the_example() -> None:
    readme = _readme_variables()
    assert {"ASKCOACH_DATABASE_URL", "DISCORD_TOKEN", "SLACK_BOT_TOKEN"} <= readme
    missing = (readme | EXTRA) - set(_assignments())
    assert not missing, f"missing from deploy/.env.example: {sorted(missing)}"


def test_every_variable_is_explained() -> None:
    for name, (_, commented) in _assignments().items():
        assert commented, f"{name} has no comment with it"


def test_no_real_secrets() -> None:
    for name, (value, _) in _assignments().items():
        placeholder = value == "" or "REPLACE-ME" in value or value == "change-me"
        assert placeholder or not _SECRET.search(value), name
        if any(word in name for word in ("TOKEN", "SECRET", "KEY", "PASSWORD")):
            assert placeholder, f"{name} is not a placeholder"
