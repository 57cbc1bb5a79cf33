"""The assessor compiled with mypyc (bot/coaching/native, built by `make`) judges exactly as the
Python sources do, and runs only while it was built from those sources.

The comparison covers every labelled ask and every text of the conversation corpus, as written,
lowercased, uppercased (the first 500) and with a target-company list: the full `repr` of each
`Assessment`, in this process (compiled) and in one with ASKCOACH_PURE_PYTHON=1.
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
from bot.coaching import _native, assess_ask, build_native

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


def _python(code: str, *, pure: bool, path: Path = REPO_ROOT) -> str:
    env = {**os.environ, "PYTHONPATH": str(path), "ASKCOACH_PURE_PYTHON": "1" if pure else ""}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=240,
    )
    return done.stdout


@needs_build
def test_compiled_and_pure_python_assess_every_text_alike() -> None:
    compiled = assessments()
    said = _python(
        "import bot.coaching\nfrom tests.coaching.test_native import assessments\n"
        "print(bot.coaching.COMPILED)\nprint('\\n'.join(assessments()))",
        pure=True,
    ).splitlines()
    assert said[0] == "False"
    pure = said[1:]
    assert len(pure) == len(compiled) > 20_000
    differ = [(p, c) for p, c in zip(pure, compiled, strict=True) if p != c]
    assert not differ, f"{len(differ)} assessments differ; the first: {differ[0]}"


@needs_build
def test_the_build_runs_only_while_it_matches_the_sources(tmp_path: Path) -> None:
    package = tmp_path / "bot" / "coaching"
    shutil.copytree(_native.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "bot" / "__init__.py").write_text("")
    show = "import bot.coaching as c, bot.coaching.people as p; print(c.COMPILED, p.__name__)\n"
    show += "print(p.find_refs.__class__.__name__)"
    assert _python(show, pure=False, path=tmp_path).split() == [
        "True",
        "bot.coaching.people",
        "builtin_function_or_method",
    ]
    assert _python(show, pure=True, path=tmp_path).split()[::2] == ["False", "function"]
    # A rule edited after the build: the sources run, not the stale build.
    people = package / "people.py"
    people.write_text(people.read_text() + "\n# edited\n")
    assert _python(show, pure=False, path=tmp_path).split()[::2] == ["False", "function"]


def test_ci_runs_the_compiled_assessor_where_it_can_be_built() -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("checked under CI, where `make test` builds it first")
    why = build_native._missing()
    if why is not None:
        pytest.skip(f"cannot be compiled here: {why}")
    assert bot.coaching.COMPILED, "`make native` should have built bot/coaching/native"
