"""Use the assessor compiled with mypyc when it was built from exactly these sources.

`python -m bot.coaching.build_native` (run by `make`) compiles the modules in `MODULES` with
mypyc into `bot/coaching/native/` and records there a digest of their sources. Imported first
by `bot/coaching/__init__.py`, this module compares that digest with the sources as they are
now and, only when they match, puts `native/` ahead of the sources on the package's `__path__`,
so `bot.coaching.assessment` and the rest load from the compiled extensions. When the digest
differs (a rule edited since the build, another branch checked out) or nothing was built (no
C compiler), nothing changes and the sources run as they are: an edited rule never runs as
stale compiled code. (To run the sources with a current build, delete `native/`.) Compiled and
pure Python give the same assessments (tests/coaching/test_native.py compares them on every
labelled text).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

__all__ = ["COMPILED", "MODULES", "NATIVE_DIR", "SOURCES_FILE", "sources_digest"]

# The modules compiled: those that run for every message, and lexicon, whose word lists they
# read (compiled, a Final name of another compiled module is read from a C static, not looked
# up in a module's dict). The rest of bot/coaching (__init__, this module and the build script)
# stays Python.
MODULES = ("assessment", "details", "errands", "favours", "lexicon", "people", "text")
PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_DIR = PACKAGE_DIR / "native"
SOURCES_FILE = NATIVE_DIR / "SOURCES"


def sources_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of every module of the package (the compiled ones, those they were type-checked
    against, the build's settings) and of the interpreter that loads them."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(package_dir.glob("*.py")):
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _use_compiled() -> bool:
    try:
        built = SOURCES_FILE.read_text().strip()
        current = sources_digest()
    except OSError:
        return False
    if built != current:
        return False
    package = sys.modules[__name__.rpartition(".")[0]]
    package.__path__.insert(0, str(NATIVE_DIR))
    return True


COMPILED = _use_compiled()
