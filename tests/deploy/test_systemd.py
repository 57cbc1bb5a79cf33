"""deploy/systemd/askcoach.service: parses as a unit with the sections and commands we expect,
runs unprivileged with hardening, and passes `systemd-analyze verify` where systemd exists."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.conftest import DEPLOY

UNIT = DEPLOY / "systemd" / "askcoach.service"


def _parse(text: str) -> dict[str, dict[str, list[str]]]:
    """systemd's ini: sections, and keys that may repeat (every value kept, in order)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"line {number}: a setting before any [section]"
        key, sep, value = line.partition("=")
        assert sep, f"line {number}: not KEY=VALUE: {raw!r}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def test_unit_parses_with_the_expected_sections_and_commands() -> None:
    unit = _parse(UNIT.read_text())
    assert set(unit) == {"Unit", "Service", "Install"}
    service = unit["Service"]
    (exec_start,) = service["ExecStart"]
    program, *args = exec_start.split()
    assert Path(program).is_absolute() and program.endswith("/askcoach"), program
    assert args[:1] == ["run"]
    assert service["ExecStartPre"] == [f"{program} db upgrade"]
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]


def test_unit_runs_unprivileged_and_hardened() -> None:
    service = _parse(UNIT.read_text())["Service"]
    assert service["User"] != ["root"]
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "CapabilityBoundingSet": "",
    }.items():
        assert service.get(key) == [value], key
    assert service["StateDirectory"] == ["askcoach"]
    assert any("sqlite:////var/lib/askcoach/" in e for e in service["Environment"])


def test_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed on this machine")
    # verify checks that the programs exist: point them at this environment's askcoach.
    askcoach = Path(sys.executable).with_name("askcoach")
    if not askcoach.exists():
        pytest.skip("the askcoach console script is not installed in this environment")
    unit = tmp_path / "askcoach.service"
    unit.write_text(UNIT.read_text().replace("/opt/askcoach/bin/askcoach", str(askcoach)))
    result = subprocess.run(
        [analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Unknown" not in output and "ignoring" not in output, output
