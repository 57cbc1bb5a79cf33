"""Compile the assessor with mypyc into `bot/coaching/native/` (`make` runs this).

    python -m bot.coaching.build_native [--strict] [--jobs N]

Needs mypy (a dev dependency), setuptools and a C compiler with Python's headers. Without them
it says why and leaves pure Python in use (exit 0; `--strict` makes that an error, for the
deploy image). The build goes to a temporary folder and replaces `native/` whole, with the
digest of the sources it was built from in `native/SOURCES`; `bot/coaching/_native.py` uses it
only while the sources still have that digest. Up to date already, it does nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import sysconfig
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bot.coaching._native import MODULES, NATIVE_DIR, PACKAGE_DIR, SOURCES_FILE, sources_digest

# mypyc's name for the shared library of the compiled modules: bot/coaching/native/native__mypyc…
GROUP = "bot.coaching.native"


def _missing() -> str | None:
    """Why a build cannot be made here, or None."""
    try:
        import mypyc.build  # noqa: F401
        import setuptools  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (make installs the dev dependencies)"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "Python's C headers are not installed (python3-dev)"
    return None


def _parallel_build_ext(jobs: int) -> Any:
    """setuptools' build_ext compiling one extension's C files `jobs` at a time (mypyc writes a
    file per module; setuptools alone compiles them one after another)."""
    from setuptools.command.build_ext import build_ext

    class ParallelBuildExt(build_ext):  # type: ignore[misc]
        def build_extension(self, ext: Any) -> None:
            compile_one = self.compiler.compile

            def compile_all(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
                biggest_first = sorted(sources, key=lambda s: -os.path.getsize(s))
                with ThreadPoolExecutor(jobs) as pool:
                    done = dict(
                        zip(
                            biggest_first,
                            pool.map(lambda s: compile_one([s], *args, **kwargs)[0], biggest_first),
                            strict=True,
                        )
                    )
                return [done[source] for source in sources]

            self.compiler.compile = compile_all
            try:
                super().build_extension(ext)
            finally:
                self.compiler.compile = compile_one

    return ParallelBuildExt


def build(jobs: int) -> None:
    """Compile MODULES into a temporary folder, then replace NATIVE_DIR with the result."""
    digest = sources_digest()
    with tempfile.TemporaryDirectory(prefix="askcoach-native-") as tmp:
        work = Path(tmp)
        cwd = os.getcwd()
        os.chdir(work)  # setuptools reads no pyproject.toml or setup.cfg here
        try:
            _compile(work, jobs)
        finally:
            os.chdir(cwd)
        if sources_digest() != digest:
            raise SystemExit("the sources changed during the build; run it again")
        staged = Path(tempfile.mkdtemp(prefix="native-", dir=PACKAGE_DIR))
        for library in sorted((work / "lib").rglob("*.so")):
            shutil.copy2(library, staged / library.name)
        (staged / SOURCES_FILE.name).write_text(digest + "\n")
    old = PACKAGE_DIR / f"native-old-{os.getpid()}"
    if NATIVE_DIR.exists():
        NATIVE_DIR.rename(old)
    staged.rename(NATIVE_DIR)
    shutil.rmtree(old, ignore_errors=True)


def _compile(work: Path, jobs: int) -> None:
    """mypyc's C for MODULES in work/c, compiled and linked into work/lib."""
    from mypyc.build import mypycify
    from setuptools import setup

    said = io.StringIO()  # mypyc's notes ("Treating generator comprehension as list"…)
    try:
        with contextlib.redirect_stdout(said):
            extensions = mypycify(
                [str(PACKAGE_DIR / f"{name}.py") for name in MODULES],
                opt_level="2",
                debug_level="0",
                multi_file=True,  # a C file per module, compiled in parallel
                group_name=GROUP,
                target_dir=str(work / "c"),
            )
    except BaseException:
        print(said.getvalue(), end="", file=sys.stderr)
        raise
    # The group's header is written under its package path; the modules' C files, at the top,
    # include it by its bare name.
    for extension in extensions:
        extension.include_dirs.append(str(work / "c" / Path(*GROUP.split(".")[:-1])))
    setup(
        name="askcoach-native",
        ext_modules=extensions,
        cmdclass={"build_ext": _parallel_build_ext(jobs)},
        script_args=["-q", "build_ext", "--build-lib", "lib", "--build-temp", "tmp"],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="fail when it cannot compile")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    try:
        if SOURCES_FILE.read_text().strip() == sources_digest():
            print("bot/coaching/native: up to date")
            return 0
    except OSError:
        pass
    why = _missing()
    if why is not None:
        print(f"bot/coaching/native: not compiled, {why}; the assessor runs as pure Python")
        return 1 if args.strict else 0
    started = time.monotonic()
    try:
        build(args.jobs)
    except (Exception, SystemExit) as error:
        if args.strict:
            raise
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        print(f"bot/coaching/native: the build failed ({error}); the assessor runs as pure Python")
        return 0
    print(f"bot/coaching/native: compiled with mypyc in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
