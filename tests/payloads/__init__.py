"""Recorded real Slack and Discord payload shapes (sources in README.md), for adapter tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def names(platform: str) -> list[str]:
    """The recorded payloads of a platform, by file stem."""
    return sorted(p.stem for p in (HERE / platform).glob("*.json"))


def load(platform: str, name: str) -> dict[str, Any]:
    """One recorded payload file: platform, kind, source, adapted, expect, body."""
    loaded: dict[str, Any] = json.loads((HERE / platform / f"{name}.json").read_text("utf-8"))
    return loaded
