"""deploy/docker-compose.yml: valid Compose (by `docker compose config`, and always by the
Compose Specification's JSON schema, vendored in tests/deploy/schemas), and wired as intended:
PostgreSQL 16 with a healthcheck, the bot waiting for it and migrating before it runs."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.deploy.conftest import DEPLOY, SCHEMAS, compose_command

COMPOSE = DEPLOY / "docker-compose.yml"
_VAR = re.compile(r"\$\{([A-Z0-9_]+)(?::?[-?]([^}]*))?\}")


def _interpolate(value: Any) -> Any:
    """What compose does with `${NAME:-default}` when NAME is unset."""
    if isinstance(value, str):
        return _VAR.sub(lambda m: m.group(2) or "", value)
    if isinstance(value, list):
        return [_interpolate(v) for v in value]
    if isinstance(value, dict):
        return {k: _interpolate(v) for k, v in value.items()}
    return value


def _compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(data, dict)
    return data


def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / "compose-spec.json").read_text())
    return jsonschema.Draft7Validator(schema)


def _compose_config(path: Path) -> subprocess.CompletedProcess[str]:
    command, why = compose_command()
    if command is None:
        pytest.skip(f"{why}; the file is still validated against the compose-spec schema below")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    return subprocess.run(
        [*command, "-f", str(path), "-p", "askcoach", "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_docker_compose_config_accepts_the_file() -> None:
    result = _compose_config(COMPOSE)
    assert result.returncode == 0, result.stderr


def test_docker_compose_config_rejects_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(COMPOSE.read_text().replace("healthcheck:", "healthcheckk:", 1))
    assert _compose_config(broken).returncode != 0


def test_compose_file_matches_the_compose_specification_schema() -> None:
    errors = sorted(_validator().iter_errors(_interpolate(_compose())), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_the_schema_check_catches_mistakes() -> None:
    """The vendored schema is live: a misspelt key and a wrong type are rejected."""
    broken = copy.deepcopy(_interpolate(_compose()))
    broken["services"]["db"]["healthcheck"]["intervall"] = "5s"
    broken["services"]["bot"]["depends_on"]["db"]["condition"] = "service_ready"
    messages = [e.message for e in _validator().iter_errors(broken)]
    assert messages, "the schema accepted a misspelt healthcheck key and an unknown condition"


def test_postgres_16_with_a_healthcheck_and_the_bot_waits_for_it() -> None:
    services = _compose()["services"]
    db, bot = services["db"], services["bot"]
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["build"]["dockerfile"] == "deploy/Dockerfile"


def test_the_bot_migrates_then_runs_against_postgres() -> None:
    bot = _compose()["services"]["bot"]
    command = " ".join(bot["command"])
    assert re.search(r"askcoach db upgrade\s*&&\s*(exec\s+)?askcoach run", command), command
    env = bot["environment"]
    assert env["ASKCOACH_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert "@db:5432/" in env["ASKCOACH_DATABASE_URL"]
    for name in ("SLACK_BOT_TOKEN", "DISCORD_TOKEN", "ASKCOACH_ENCRYPTION_KEY"):
        assert env[name] == f"${{{name}:-}}", f"{name} must come from the environment, not the file"
