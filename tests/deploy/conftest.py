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


def compose_command() -> tuple[list[str] | None, str]:
    """The Compose CLI to run: `docker compose` (the plugin) or the standalone `docker-compose`
    (Debian's package, which `.ci/run` installs when it can); None and why when neither is here."""
    docker = shutil.which("docker")
    if docker is not None:
        probe = subprocess.run(
            [docker, "compose", "version"], capture_output=True, text=True, timeout=30, check=False
        )
        if probe.returncode == 0:
            return [docker, "compose"], ""
    standalone = shutil.which("docker-compose")
    if standalone is not None:
        return [standalone], ""
    return None, "neither `docker compose` (plugin) nor `docker-compose` is installed"
