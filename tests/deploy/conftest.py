"""Helpers for the deployment-file tests: where the files are, and which tools exist."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SCHEMAS = Path(__file__).with_name("schemas")


def tool(name: str) -> str | None:
    """A command from this virtual environment's bin/ first, then from PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def docker_compose_available() -> tuple[bool, str]:
    """(True, '') when `docker compose` answers, else (False, why not)."""
    docker = shutil.which("docker")
    if docker is None:
        return False, "the docker client is not installed"
    probe = subprocess.run(
        [docker, "compose", "version"], capture_output=True, text=True, timeout=30, check=False
    )
    if probe.returncode != 0:
        return False, "the docker client has no compose plugin (`docker compose version` failed)"
    return True, ""
