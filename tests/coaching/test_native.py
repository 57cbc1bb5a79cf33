"""The assessor compiled with mypyc (bot/coaching/native, built by `make`) judges exactly as the
Python sources do, and runs only while it was built from those sources.

The comparison covers every labelled ask and every text of the conversation corpus, as written,
lowercased, uppercased (the first 500) and with a target-company list: the full `repr` of each
`Assessment`, in this process (compiled) and in one that imports a copy of `bot/` without the
build (pure Python).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bot.coaching
from benchmarks.support.labelled import REPO_ROOT, SETS_DIR, dev_set, load_with_who
from bot.coaching import assess_ask, build_native

CORPUS = REPO_ROOT / "tests" / "conversation" / "corpus"
COMPANIES = ("Target", "Google", "Stripe", "acme corp", "Spotify", "Meta", "Apple")

needs_build = pytest.mark.skipif(
    not bot.coaching.COMPILED,
    reason="the assessor is not compiled here or its build is stale (`make native` builds it)",
)


def _texts() -> list[str]:
    paths = sorted(SETS_DIR.glob("*.tsv")) + ([dev_set()] if dev_set().exists() else [])
    texts = [text for path in paths for _, _, text in load_with_who(path)]
    for path in sorted(CORPUS.glob("*.tsv")):
        rows = path.read_text(encoding="utf-8").splitlines()[1:]
        texts += [cols[2] for cols in (row.split("\t") for row in rows) if len(cols) > 2]
    return texts


def assessments() -> list[str]:
    """One line per assessment (text, target list, repr of the Assessment)."""
    texts = _texts()
    cases: list[tuple[str, tuple[str, ...]]] = [(text, ()) for text in texts]
    cases += [(text.lower(), ()) for text in texts]
    cases += [(text.upper(), ()) for text in texts[:500]]
    cases += [(text, COMPANIES) for text in texts]
    return [
        f"{text!r}\t{companies!r}\t{assess_ask(text, companies=companies)!r}"
        for text, companies in cases
    ]


def _copy_bot(into: Path, *, with_build: bool) -> Path:
    """A copy of the `bot` package in `into`, with or without bot/coaching/native."""
    skip = ["__pycache__", "native-*"] + ([] if with_build else ["native"])
    shutil.copytree(REPO_ROOT / "bot", into / "bot", ignore=shutil.ignore_patterns(*skip))
    return into / "bot" / "coaching"


def _python(code: str, *, bot_in: Path) -> str:
    """Run `code` importing `bot` from `bot_in`, the rest (tests, benchmarks) from the repo."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=bot_in,  # first on sys.path
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=240,
    )
    return done.stdout


@needs_build
def test_compiled_and_pure_python_assess_every_text_alike(tmp_path: Path) -> None:
    compiled = assessments()
    package = _copy_bot(tmp_path, with_build=False)
    said = _python(
        "import bot.coaching\nfrom tests.coaching.test_native import assessments\n"
        "print(bot.coaching.COMPILED, bot.coaching.__file__)\nprint('\\n'.join(assessments()))",
        bot_in=tmp_path,
    ).splitlines()
    assert said[0] == f"False {package / '__init__.py'}"
    pure = said[1:]
    assert len(pure) == len(compiled) > 20_000
    differ = [(p, c) for p, c in zip(pure, compiled, strict=True) if p != c]
    assert not differ, f"{len(differ)} assessments differ; the first: {differ[0]}"


@needs_build
def test_the_build_runs_only_while_it_matches_the_sources(tmp_path: Path) -> None:
    package = _copy_bot(tmp_path, with_build=True)
    show = "import bot.coaching as c, bot.coaching.people as p\n"
    show += "print(c.COMPILED, p.find_refs.__class__.__name__, c.__file__)"
    compiled = _python(show, bot_in=tmp_path).split()
    assert compiled == ["True", "builtin_function_or_method", str(package / "__init__.py")]
    # A rule edited after the build: the sources run, not the stale build.
    people = package / "people.py"
    people.write_text(people.read_text() + "\n# edited\n")
    assert _python(show, bot_in=tmp_path).split()[:2] == ["False", "function"]


def test_ci_runs_the_compiled_assessor_where_it_can_be_built() -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("checked under CI, where `make test` builds it first")
    why = build_native._missing()
    if why is not None:
        pytest.skip(f"cannot be compiled here: {why}")
    assert bot.coaching.COMPILED, "`make native` should have built bot/coaching/native"
