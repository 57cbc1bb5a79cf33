"""The console transcript in the README is a real session: replaying its inputs reproduces it."""

from __future__ import annotations

from pathlib import Path

from tests.support.console import console_transcript

README = Path(__file__).resolve().parents[2] / "README.md"
COMMAND = "$ askcoach console --user Ana --tz America/Chicago --at 2026-03-02T08:00\n"


def test_readme_console_transcript_is_true(tmp_path: Path) -> None:
    block = README.read_text().split(COMMAND, 1)[1].split("```", 1)[0].strip().splitlines()
    inputs = [line.removeprefix("Ana: ") for line in block if line.startswith("Ana: ")]
    assert len(inputs) >= 8
    lines = console_transcript(
        tmp_path,
        "".join(f"{line}\n" for line in inputs),
        user="Ana",
        tz="America/Chicago",
        at="2026-03-02T08:00",
    )
    assert lines == block
