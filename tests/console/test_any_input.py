"""The console door takes any bytes on stdin and any text: invalid UTF-8, emoji sequences,
Unicode digits. A real `askcoach` process, as a newcomer runs it."""

from __future__ import annotations

from pathlib import Path

from tests.console.test_console_cli import askcoach


def console(tmp_path: Path, stdin: bytes) -> tuple[int, str, str]:
    args = ["console", "--user", "Ana", "--tz", "UTC", "--at", "2026-03-02T10:00"]
    result = askcoach(tmp_path, *args, stdin=stdin, check=False)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def test_invalid_utf8_on_stdin_is_read_not_a_crash(tmp_path: Path) -> None:
    code, out, err = console(
        tmp_path, b"ok\nAsk Jen Park for an intro \xff\xfe at Medtronic\n\xc3\x28\nstats\n"
    )
    assert code == 0, err
    assert "Traceback" not in err and "UnicodeDecodeError" not in err
    assert "Ana: Ask Jen Park for an intro \ufffd\ufffd at Medtronic" in out
    assert "coach: Asks:" in out, "the session went on after the bad bytes"


def test_zwj_emoji_and_emoji_only_messages_are_words(tmp_path: Path) -> None:
    code, out, err = console(
        tmp_path,
        "ok\nAsk Jen Park for an intro to her manager at Medtronic 👩‍💻\n🏳️‍🌈\n".encode(),
    )
    assert code == 0, err
    assert "control characters" not in out
    lines = out.splitlines()
    ask = lines.index("Ana: Ask Jen Park for an intro to her manager at Medtronic 👩‍💻")
    assert lines[ask + 1].startswith("coach: That's a real ask")
    emoji = lines.index("Ana: 🏳️‍🌈")
    assert lines[emoji + 1].startswith("coach:")


def test_pause_with_a_unicode_digit_is_explained_and_the_console_goes_on(tmp_path: Path) -> None:
    code, out, err = console(tmp_path, "ok\npause ²\nstats\n".encode())
    assert code == 0, err
    assert "Pause for how many days? e.g. `pause 5`" in out
    assert "coach: Asks:" in out


def test_run_greets_the_machine_user_in_the_local_timezone(tmp_path: Path) -> None:
    import getpass
    import pwd

    login = getpass.getuser()
    full = pwd.getpwnam(login).pw_gecos.split(",")[0].strip() or login
    result = askcoach(tmp_path, "run", stdin=b"", check=False, env={"TZ": "Asia/Kathmandu"})
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr
    assert f"Hi {full}! I'm your ask coach." in out
    assert "(Asia/Kathmandu)" in out
    assert result.stderr.decode() == "", "nothing on stderr before or during the chat"
